"""What the report and plan forms share: answers that may be left out, questions asked
in the middle of a form, and coming back to a form after an emergency.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.callback import skipped
from actions.directory import list_services
from actions.replies import button, give_advice
from bot.content import content
from bot.sensitive import redact

# Long enough for a paragraph about what happened, short enough for a summary.
MOST_ANSWER_CHARS = 600
# The intents that, in the middle of a form, are a question or a request rather
# than an answer (domain.yml lists them as `not_intent` for every form slot).
ASIDE_STAGES = {"ask_advice": "now", "ask_report": "report", "ask_support": "support"}
RESUME_INTENTS = {
    "fraud_report_form": "start_report",
    "abuse_report_form": "start_report",
    "stalking_plan_form": "safety_plan",
    "child_checklist_form": "safety_plan",
}


def answer(value: Any) -> Text:
    """An answer as it is kept: empty if left out, secrets removed, a readable length."""
    if value is None or skipped(value):
        return ""
    return redact(str(value).strip())[:MOST_ANSWER_CHARS]


class ValidateAnswersForm(FormValidationAction):
    """Every question may be left out; every answer is kept without secrets.

    Rasa calls `validate_<slot>` for each answer; here one method serves all
    the form's slots, and a subclass adds what one answer means for another
    (no money left, so no amount to ask).
    """

    form: Text = ""
    slots: tuple = ()

    def name(self) -> Text:
        return f"validate_{self.form}"

    def __getattr__(self, attribute: Text):
        slot = attribute.removeprefix("validate_")
        if attribute.startswith("validate_") and slot in self.slots:
            return lambda value, dispatcher, tracker, domain: self.validate_answer(slot, value, tracker)
        raise AttributeError(attribute)

    def validate_answer(self, slot: Text, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        return {slot: answer(value)}


def the_form_left(tracker: Tracker) -> Optional[Text]:
    """The form that was active before the latest one ended."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name"):
            return event["name"]
    return None


class ActionAnswerAside(Action):
    """Answers a question asked in the middle of a form; the form then asks again."""

    def name(self) -> Text:
        return "action_answer_aside"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in ASIDE_STAGES:
            give_advice(dispatcher, tracker.get_slot("topic"), tracker.get_slot("audience"),
                        ASIDE_STAGES[intent], next_steps=False)
        elif intent == "find_service":
            list_services(dispatcher, tracker)
        else:
            dispatcher.utter_message(text=content().message("bot_challenge"))
        return []


class ActionOfferResume(Action):
    """After the emergency reply in a form: the answers are kept, and a way back."""

    def name(self) -> Text:
        return "action_offer_resume"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        form = the_form_left(tracker)
        if form in RESUME_INTENTS:
            texts = content()
            dispatcher.utter_message(text=texts.message("report_paused"), buttons=[
                button(texts.label("resume_report"), RESUME_INTENTS[form]),
            ])
        return []
