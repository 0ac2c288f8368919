"""Finds who the person is asking for: themselves, a child, or a business.

Adds an `audience` entity (self, child or business), which fills the slot of
the same name; the advice changes with it. Rules: `rules/audience.yml`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.component import UntrainedComponent
from bot.nlu.phrases import PhraseRules

AUDIENCE_ENTITY = "audience"


def find_audience(text: Text) -> Dict[Text, Any] | None:
    """The audience entity for `text`, or None when it does not say."""
    findings = PhraseRules.named("audience").find_all(text)
    if not findings:
        return None
    found = findings[0]
    return {
        "entity": AUDIENCE_ENTITY,
        "value": found.kind,
        "start": found.start,
        "end": found.end,
        "confidence_entity": 1.0,
    }


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class AudienceCheck(UntrainedComponent, EntityExtractorMixin):
    def warm_up(self) -> None:
        find_audience(self.WARM_UP_TEXT)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith(INTENT_MESSAGE_PREFIX):
                continue
            entity = find_audience(text)
            if entity:
                entities = self.add_extractor_name([entity])
                message.set(
                    ENTITIES, [*(message.get(ENTITIES) or []), *entities], add_to_output=True
                )
        return messages
