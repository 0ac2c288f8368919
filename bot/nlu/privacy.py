"""The privacy check: a reminder when someone types a password or card number.

When `bot.sensitive` finds a secret, the turn's intent becomes
`share_sensitive` (the classifier's ranking is kept for the topic) and a
`sensitive` entity names the kind, so the reply starts with a reminder not to
share such things here, and never repeats them. Only this check decides that
intent: the classifier, which learns that digits suggest it, would otherwise
send "what's the difference between 101 and 999" to the reminder.
"""
from __future__ import annotations

from typing import Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu.override import IntentOverride, Override
from bot.sensitive import find_secrets


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class PrivacyCheck(IntentOverride):
    decides = "share_sensitive"

    def check(self, text: Text) -> Optional[Override]:
        secrets = find_secrets(text)
        if not secrets:
            return None
        # The entity names the kind only: the secret itself is copied nowhere.
        return Override(
            self.decides,
            [
                {"entity": "sensitive", "value": s.kind, "start": s.start, "end": s.end}
                for s in secrets
            ],
        )
