"""Each custom action, run on a tracker like the conversation it covers."""
from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.advice import ActionAdviceNow, ActionAdviceReport, ActionAdviceSupport
from actions.conversation import (
    ActionBotChallenge,
    ActionClarifyTopic,
    ActionGreet,
    ActionOtherLanguage,
    ActionSensitiveReminder,
)
from actions.emergency import ActionEmergency
from bot.content import TOPICS, content
from tests.unit.conftest import make_tracker, payloads, texts

DOMAIN: dict = {}


def run(action, dispatcher, tracker):
    return action.run(dispatcher, tracker, DOMAIN)


def test_fraud_advice_opens_without_blame_and_gives_the_bank_first(dispatcher):
    tracker = make_tracker("I moved money to a safe account", "fraud", slots={"topic": "fraud"})
    assert run(ActionAdviceNow(), dispatcher, tracker) == []
    said = texts(dispatcher)
    assert "not your fault" in said[0]
    assert any("159" in text for text in said)
    assert payloads(dispatcher)[-3:] == ["/ask_report", "/ask_support", "/human_handoff"]


def test_advice_comes_as_short_messages_not_a_wall_of_text(dispatcher):
    run(ActionAdviceNow(), dispatcher, make_tracker(slots={"topic": "hacking"}))
    assert len(dispatcher.messages) >= 3
    assert all(len(text) <= 400 for text in texts(dispatcher))


def test_business_gets_business_advice(dispatcher):
    run(ActionAdviceNow(), dispatcher, make_tracker(slots={"topic": "hacking", "audience": "business"}))
    business = texts(dispatcher)
    other = type(dispatcher)()
    run(ActionAdviceNow(), other, make_tracker(slots={"topic": "hacking", "audience": "self"}))
    assert business != texts(other)
    assert business[1:-1] == content().advice_items("hacking", "business", "now")


@pytest.mark.parametrize("topic", ["bullying", "child_safety"])
def test_asks_who_it_is_about_when_advice_depends_on_it(dispatcher, topic):
    run(ActionAdviceNow(), dispatcher, make_tracker(slots={"topic": topic}))
    assert texts(dispatcher) == [content().message("ask_audience")]
    assert payloads(dispatcher) == [
        '/inform_audience{"audience": "self"}',
        '/inform_audience{"audience": "child"}',
        '/inform_audience{"audience": "business"}',
    ]


def test_without_a_topic_it_asks_which_with_buttons(dispatcher):
    run(ActionAdviceReport(), dispatcher, make_tracker("how do I report it", "ask_report"))
    assert texts(dispatcher) == [content().message("clarify_topic")]
    assert payloads(dispatcher) == [f"/{topic}" for topic in TOPICS]


def test_report_is_honest_about_what_reporting_does_and_gives_report_fraud(dispatcher):
    run(ActionAdviceReport(), dispatcher, make_tracker(slots={"topic": "fraud"}))
    said = " ".join(texts(dispatcher))
    assert "rather than lead to an investigation" in said
    assert "Report Fraud" in said and "0300 123 2040" in said
    assert "will investigate" not in said.lower()


def test_support_offers_victim_support(dispatcher):
    run(ActionAdviceSupport(), dispatcher, make_tracker(slots={"topic": "fraud"}))
    assert "Victim Support" in " ".join(texts(dispatcher))


def test_child_safety_for_a_parent_mentions_ceop(dispatcher):
    run(ActionAdviceReport(), dispatcher, make_tracker(slots={"topic": "child_safety", "audience": "child"}))
    assert "CEOP" in " ".join(texts(dispatcher))


def test_emergency_gives_999_first_and_sets_the_slots(dispatcher):
    tracker = make_tracker(
        "a courier is on his way to collect my card",
        "immediate_danger",
        entities=[{"entity": "danger", "value": "crime_in_progress"}],
        ranking=[("immediate_danger", 1.0), ("fraud", 0.7)],
    )
    events = run(ActionEmergency(), dispatcher, tracker)
    said = texts(dispatcher)
    assert said[0].startswith("If you or someone else is in danger now, call 999")
    assert "18000" in said[1]
    assert any("couriers" in text for text in said)
    assert events == [SlotSet("immediate_danger", True), SlotSet("topic", "fraud")]
    assert payloads(dispatcher) == ["/ask_advice", "/human_handoff"]


def test_self_harm_adds_samaritans(dispatcher):
    tracker = make_tracker(
        "I lost everything and I want to die",
        "immediate_danger",
        entities=[{"entity": "danger", "value": "self_harm"}],
        ranking=[("immediate_danger", 1.0), ("fraud", 0.6)],
    )
    events = run(ActionEmergency(), dispatcher, tracker)
    assert "999" in texts(dispatcher)[0]
    assert any("116 123" in text for text in texts(dispatcher))
    assert SlotSet("topic", "fraud") in events


def test_a_threat_from_an_ex_leads_to_stalking_advice_afterwards(dispatcher):
    tracker = make_tracker(
        "he's outside my house",
        "immediate_danger",
        entities=[{"entity": "danger", "value": "threat"}],
        ranking=[("immediate_danger", 1.0), ("greet", 0.1)],
    )
    events = run(ActionEmergency(), dispatcher, tracker)
    assert SlotSet("topic", "stalking") in events


def test_emergency_mid_conversation_keeps_the_earlier_topic(dispatcher):
    tracker = make_tracker(
        "I'm scared for my life",
        "immediate_danger",
        slots={"topic": "hacking"},
        entities=[{"entity": "danger", "value": "self_harm"}],
        ranking=[("immediate_danger", 1.0), ("greet", 0.2)],
    )
    events = run(ActionEmergency(), dispatcher, tracker)
    assert SlotSet("topic", "hacking") in events


def test_sensitive_reminder_then_advice_for_what_they_described(dispatcher):
    tracker = make_tracker(
        "they took £400 from card 4539 1488 0343 6467",
        "share_sensitive",
        entities=[{"entity": "sensitive", "value": "card_number"}],
        ranking=[("share_sensitive", 1.0), ("fraud", 0.8)],
    )
    events = run(ActionSensitiveReminder(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "don't type passwords" in said[0]
    assert "not your fault" in said[1]
    assert not any("4539" in text for text in said)
    assert events == [SlotSet("topic", "fraud")]


def test_sensitive_reminder_alone_asks_for_the_story(dispatcher):
    tracker = make_tracker(
        "my password is Sunflower22!", "share_sensitive", ranking=[("share_sensitive", 1.0), ("fraud", 0.1)]
    )
    assert run(ActionSensitiveReminder(), dispatcher, tracker) == []
    assert texts(dispatcher)[1] == content().message("sensitive_tell_me")


def test_greeting_says_it_is_a_bot_and_not_for_emergencies(dispatcher):
    run(ActionGreet(), dispatcher, make_tracker("hi", "greet"))
    said = texts(dispatcher)
    assert "not a person" in said[0]
    assert "999" in said[1] and "passwords" in said[1]
    assert len(payloads(dispatcher)) == len(TOPICS)


def test_clarify_offers_every_topic(dispatcher):
    run(ActionClarifyTopic(), dispatcher, make_tracker("asdf", "nlu_fallback"))
    assert payloads(dispatcher) == [f"/{topic}" for topic in TOPICS]


def test_bot_challenge_is_honest(dispatcher):
    run(ActionBotChallenge(), dispatcher, make_tracker("are you a bot", "bot_challenge"))
    assert "not a person" in texts(dispatcher)[0]


def test_other_language_says_english_only_and_gives_101(dispatcher):
    run(ActionOtherLanguage(), dispatcher, make_tracker("Zostałem oszukany", "other_language"))
    said = texts(dispatcher)[0]
    assert "English" in said and "101" in said and "999" in said
