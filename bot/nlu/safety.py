"""The safety override: immediate danger is never left to the classifier.

Runs last in the NLU pipeline. When any rule in `rules/danger.yml` matches, the
turn's intent becomes `immediate_danger` and a `danger` entity names each kind
found (threat, child, self_harm, crime_in_progress), whatever the classifier
predicted; a rule then makes the 999 reply the first thing the person sees.
"""
from __future__ import annotations

from typing import List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu.override import IntentOverride, Override
from bot.nlu.phrases import Finding, PhraseRules

DANGER_INTENT = "immediate_danger"
DANGER_ENTITY = "danger"


def find_danger(text: Text) -> List[Finding]:
    """Every kind of immediate danger the rules find in `text`."""
    rules = PhraseRules.named("danger")
    whole = rules.whole_message(text)
    return [whole] if whole else rules.find_all(text)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class SafetyCheck(IntentOverride):
    def check(self, text: Text) -> Optional[Override]:
        findings = find_danger(text)
        if not findings:
            return None
        return Override(
            DANGER_INTENT,
            [
                {"entity": DANGER_ENTITY, "value": f.kind, "start": f.start, "end": f.end}
                for f in findings
            ],
        )
