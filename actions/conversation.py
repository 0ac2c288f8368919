"""The conversation around the advice: greeting, clarifying, handover, notes."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import classified_topic, clarify_topic, give_advice, step_buttons, topic_buttons
from bot.content import content


class ActionGreet(Action):
    def name(self) -> Text:
        return "action_greet"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=content().message("greet"))
        dispatcher.utter_message(text=content().message("greet_safety"), buttons=topic_buttons())
        return []


# After this many misunderstood messages in a row, a person is offered.
MISUNDERSTOOD_BEFORE_OFFER = 2


def misunderstood_in_a_row(tracker: Tracker) -> int:
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if (event.get("parse_data") or {}).get("intent", {}).get("name") != "nlu_fallback":
            break
        count += 1
    return count


class ActionClarifyTopic(Action):
    """Asks one short question with buttons instead of guessing; offers a person when stuck."""

    def name(self) -> Text:
        return "action_clarify_topic"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        clarify_topic(dispatcher)
        if misunderstood_in_a_row(tracker) >= MISUNDERSTOOD_BEFORE_OFFER:
            dispatcher.utter_message(
                text=content().message("handoff_offer_unsure"), buttons=step_buttons(("person",))
            )
        return []


class MessageAction(Action):
    """Says one scripted message from content/messages.yml."""

    action: Text = ""
    message: Text = ""

    def name(self) -> Text:
        return self.action

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=content().message(self.message))
        return []


class ActionBotChallenge(MessageAction):
    action, message = "action_bot_challenge", "bot_challenge"


class ActionOtherLanguage(MessageAction):
    action, message = "action_other_language", "other_language"


class ActionSensitiveReminder(Action):
    """Reminds the person not to type secrets, then carries on with their story.

    The secret itself is never repeated back.
    """

    def name(self) -> Text:
        return "action_sensitive_reminder"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=content().message("sensitive_reminder"))
        topic = classified_topic(tracker)
        if topic is None:
            dispatcher.utter_message(text=content().message("sensitive_tell_me"))
            return []
        give_advice(dispatcher, topic, tracker.get_slot("audience"), "now")
        return [SlotSet("topic", topic)]
