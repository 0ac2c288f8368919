"""Advice for the topic and audience in the slots: now, how to report, support."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import give_advice


class AdviceAction(Action):
    stage: Text = ""

    def name(self) -> Text:
        return f"action_advice_{self.stage}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        give_advice(dispatcher, tracker.get_slot("topic"), tracker.get_slot("audience"), self.stage)
        return []


class ActionAdviceNow(AdviceAction):
    stage = "now"


class ActionAdviceReport(AdviceAction):
    stage = "report"


class ActionAdviceSupport(AdviceAction):
    stage = "support"
