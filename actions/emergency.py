"""The emergency reply: 999 first, whatever else the message was about."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import classified_topic, entity_values, step_buttons
from bot.content import content

# The kinds of danger bot/nlu/safety.py finds, in the order their extra advice
# is given.
DANGER_KINDS = ("self_harm", "child", "threat", "crime_in_progress")


def danger_topic(kinds: List[Text], tracker: Tracker) -> Optional[Text]:
    """The topic to advise on once the person is safe."""
    if "child" in kinds:
        return "child_safety"
    if "crime_in_progress" in kinds:
        return "fraud"
    fallback = "stalking" if "threat" in kinds else tracker.get_slot("topic")
    return classified_topic(tracker) or fallback


class ActionEmergency(Action):
    def name(self) -> Text:
        return "action_emergency"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        texts = content()
        found = entity_values(tracker, "danger")
        kinds = [kind for kind in DANGER_KINDS if kind in found]
        dispatcher.utter_message(text=texts.message("emergency"))
        dispatcher.utter_message(text=texts.message("emergency_accessible"))
        for kind in kinds:
            dispatcher.utter_message(text=texts.message(f"emergency_{kind}"))
        dispatcher.utter_message(
            text=texts.message("after_emergency"), buttons=step_buttons(("safe_now", "person"))
        )
        return [SlotSet("immediate_danger", True), SlotSet("topic", danger_topic(kinds, tracker))]
