"""Base for checks that put an intent first when a rule fires.

The classifier's ranking is kept underneath, so an action can still see what
the person was talking about (a scam, say) after a check took over the turn.
"""
from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Text

from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.component import UntrainedComponent


class Override(NamedTuple):
    intent: Text
    entities: List[Dict[Text, Any]]


class IntentOverride(UntrainedComponent, IntentClassifier):
    """Puts an intent first (confidence 1.0) when `check` finds something.

    `check` returns the intent and the entities to add when its rule fires,
    or None when it does not. A check that alone decides an intent names it in
    `decides`: the classifier's guess at that intent is then dropped unless the
    check confirms it (the next intent in the ranking takes its place).
    """

    decides: Optional[Text] = None

    def check(self, text: Text) -> Optional[Override]:
        raise NotImplementedError

    def warm_up(self) -> None:
        self.check(self.WARM_UP_TEXT)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            # Button payloads ("/fraud") already say what the person chose.
            if text.startswith(INTENT_MESSAGE_PREFIX):
                continue
            override = self.check(text)
            if override is not None:
                self._apply(message, override)
            elif self.decides:
                self._drop_guess(message)
        return messages

    @staticmethod
    def _ranking_without(message: Message, intent: Text) -> List[Dict[Text, Any]]:
        return [
            ranked
            for ranked in message.get(INTENT_RANKING_KEY) or []
            if ranked.get(INTENT_NAME_KEY) != intent
        ]

    def _drop_guess(self, message: Message) -> None:
        ranking = self._ranking_without(message, self.decides)
        if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.decides and ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    def _apply(self, message: Message, override: Override) -> None:
        top = {INTENT_NAME_KEY: override.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = self._ranking_without(message, override.intent)
        message.set(INTENT, top, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [top, *ranking], add_to_output=True)
        extractor = type(self).__name__
        tagged = [{**entity, "extractor": extractor} for entity in override.entities]
        message.set(ENTITIES, [*(message.get(ENTITIES) or []), *tagged], add_to_output=True)
