"""The language check: other languages get a clear answer, English is kept."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language import LanguageCheck, is_english
from measure.data import training_examples
from tests.unit.test_safety import CASES


def test_every_other_language_training_example_is_recognised():
    missed = [t for intent, t in training_examples() if intent == "other_language" and is_english(t)]
    assert missed == []


def test_no_english_training_example_is_taken_for_another_language():
    wrong = [
        (intent, t)
        for intent, t in training_examples()
        if intent != "other_language" and not is_english(t)
    ]
    assert wrong == []


@pytest.mark.parametrize("text", [t for texts in CASES["danger"].values() for t in texts])
def test_english_in_a_hurry_is_english(text):
    assert is_english(text)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("Zostałem oszukany przez internet", "other_language"),
        ("مجھے مدد چاہیے", "other_language"),
        ("Меня обманули в интернете", "other_language"),
        ("😭😭😭", "nlu_fallback"),
        ("???", "nlu_fallback"),
        ("", "nlu_fallback"),
    ],
)
def test_component(text, intent):
    message = Message(data={"text": text, "intent": {"name": "fraud", "confidence": 0.9}})
    LanguageCheck({}).process([message])
    assert message.get("intent")["name"] == intent
