"""Advice for the topic and audience in the slots: now, how to report, support."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import give_advice, step_buttons
from bot import handover
from bot.content import content


class AdviceAction(Action):
    stage: Text = ""

    def name(self) -> Text:
        return f"action_advice_{self.stage}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        self.advise(dispatcher, tracker)
        return []

    def advise(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        return give_advice(dispatcher, tracker.get_slot("topic"), tracker.get_slot("audience"), self.stage)


class ActionAdviceNow(AdviceAction):
    """The first advice; for the situations staff should see first, an offer of a person too."""

    stage = "now"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if self.advise(dispatcher, tracker):
            risk = handover.assess(tracker.current_slot_values(), handover.user_texts(tracker.events))
            if risk.level >= 2:
                dispatcher.utter_message(text=content().message("handoff_offer"), buttons=step_buttons(("person",)))
        return []


class ActionAdviceReport(AdviceAction):
    stage = "report"


class ActionAdviceSupport(AdviceAction):
    stage = "support"
