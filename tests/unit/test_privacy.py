"""The privacy check: typed secrets get a reminder and are never echoed."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.privacy import PrivacyCheck
from bot.sensitive import find_secrets, luhn_valid


@pytest.mark.parametrize(
    "text,kind",
    [
        ("my card is 4539 1488 0343 6467", "card_number"),
        ("card 4539-1488-0343-6467 exp 09/27", "card_number"),
        ("4111111111111111", "card_number"),
        ("sort code 20-45-77 account 41234567", "sort_code"),
        ("account number 12345678 sort code 40 11 62", "bank_account"),
        ("GB33BUKB20201555555555 is the iban", "iban"),
        ("my NI number is QQ 12 34 56 C", "ni_number"),
        ("my password is Sunflower22!", "password"),
        ("my password is hunter", "password"),
        ("login dave_p1967 password Rover2000", "password"),
        ("my pin is 4821", "pin"),
        ("my pin is 7,3,1,9", "pin"),
        ("the code they sent me was 493021", "one_time_code"),
        ("my memorable word is penguin", "password"),
    ],
)
def test_secret_is_found(text, kind):
    assert kind in [secret.kind for secret in find_secrets(text)]


@pytest.mark.parametrize(
    "text",
    [
        "my password is weak, how do I make it stronger?",
        "I got an email saying my password was found in a data breach",
        "I know your password is ****. Pay in bitcoin",
        "call me on 07700 900123",
        "they took £1,250 on 12/03/2026",
        "how do I change my PIN",
        "my postcode is NN1 1AA",
        "the reference number was 1234 5678",
    ],
)
def test_ordinary_text_has_no_secret(text):
    assert find_secrets(text) == []


def test_luhn():
    assert luhn_valid("4539148803436467")
    assert not luhn_valid("4539148803436468")


def test_component_overrides_intent_but_keeps_the_topic_and_never_copies_the_secret():
    ranking = [{"name": "fraud", "confidence": 0.8}, {"name": "hacking", "confidence": 0.1}]
    message = Message(
        data={
            "text": "they took £400 from card 4539 1488 0343 6467",
            "intent": ranking[0],
            "intent_ranking": ranking,
            "entities": [],
        }
    )
    PrivacyCheck({}).process([message])
    assert message.get("intent")["name"] == "share_sensitive"
    assert message.get("intent_ranking")[1]["name"] == "fraud"
    (entity,) = message.get("entities")
    assert entity["value"] == "card_number"
    assert "4539" not in str(entity)


def test_the_classifiers_guess_of_a_secret_is_dropped_when_there_is_none():
    ranking = [
        {"name": "share_sensitive", "confidence": 0.84},
        {"name": "out_of_scope", "confidence": 0.1},
    ]
    message = Message(
        data={"text": "whats the difference between 101 and 999", "intent": ranking[0], "intent_ranking": ranking}
    )
    PrivacyCheck({}).process([message])
    assert message.get("intent")["name"] == "out_of_scope"
    assert [r["name"] for r in message.get("intent_ranking")] == ["out_of_scope"]
