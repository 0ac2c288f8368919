"""The safety check: immediate danger is caught whatever the classifier thinks."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.safety import SafetyCheck, find_danger
from measure.data import training_examples

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "safety_cases.yml").read_text(encoding="utf-8"))
DANGER = [(kind, text) for kind, texts in CASES["danger"].items() for text in texts]
# Written separately, to find gaps in the rules: every danger must be caught,
# and self-harm as self-harm (it adds Samaritans); other kinds may overlap.
EXTRA = yaml.safe_load((HERE / "safety_cases_extra.yml").read_text(encoding="utf-8"))
EXTRA_DANGER = [(kind, text) for kind, texts in EXTRA["danger"].items() for text in texts]


@pytest.mark.parametrize("kind,text", DANGER)
def test_danger_is_caught_with_its_kind(kind, text):
    kinds = [finding.kind for finding in find_danger(text)]
    assert kind in kinds, f"missed {kind}: {text!r} (found {kinds})"


@pytest.mark.parametrize("kind,text", EXTRA_DANGER)
def test_danger_written_separately_is_caught(kind, text):
    kinds = [finding.kind for finding in find_danger(text)]
    assert kinds, f"missed: {text!r}"
    if kind == "self_harm":
        assert "self_harm" in kinds, f"self-harm not recognised: {text!r}"


@pytest.mark.parametrize("text", CASES["not_danger"] + EXTRA["not_danger"])
def test_no_false_alarm(text):
    assert find_danger(text) == [], f"false alarm: {text!r}"


def test_every_danger_training_example_is_caught_by_the_rules():
    # The classifier also learns these; the rules must not depend on it.
    missed = [t for intent, t in training_examples() if intent == "immediate_danger" and not find_danger(t)]
    assert missed == []


def test_no_other_training_example_raises_an_alarm():
    alarms = [
        (intent, t) for intent, t in training_examples() if intent != "immediate_danger" and find_danger(t)
    ]
    assert alarms == []


def _message(text: str, intent: str, confidence: float) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.01}]
    return Message(
        data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []}
    )


def test_component_outvotes_a_confident_classifier_and_keeps_its_ranking():
    message = _message("my ex is outside my house and said he'll kill me", "stalking", 0.99)
    SafetyCheck({}).process([message])
    assert message.get("intent") == {"name": "immediate_danger", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["immediate_danger", "stalking"]
    entities = message.get("entities")
    assert {e["value"] for e in entities} == {"threat"}
    assert all(e["entity"] == "danger" and e["extractor"] == "SafetyCheck" for e in entities)


def test_component_leaves_ordinary_messages_alone():
    message = _message("my friend was scammed last year", "fraud", 0.9)
    SafetyCheck({}).process([message])
    assert message.get("intent")["name"] == "fraud"
    assert message.get("entities") == []


def test_button_payloads_are_not_checked():
    message = _message("/fraud", "fraud", 1.0)
    SafetyCheck({}).process([message])
    assert message.get("intent")["name"] == "fraud"


def test_self_harm_and_threat_in_one_message_are_both_found():
    kinds = {f.kind for f in find_danger("he says he'll kill me and honestly I want to die")}
    assert {"self_harm", "threat"} <= kinds


@pytest.mark.parametrize("text", ["help", "Help!", "999", "sos"])
def test_a_one_word_plea_is_danger(text):
    assert [f.kind for f in find_danger(text)] == ["threat"]


@pytest.mark.parametrize("text", ["whats the difference between 101 and 999", "Is 999 free from a mobile?", "can you help me with a scam"])
def test_talking_about_999_or_help_is_not(text):
    assert find_danger(text) == []


def test_long_input_is_checked_quickly_and_still_caught():
    text = "I got a text about a parcel. " * 300 + "Now he's outside my house."
    assert [f.kind for f in find_danger(text)] == ["threat"]
