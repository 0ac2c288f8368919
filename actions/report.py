"""Help to report: the two report forms, and the summary with where to report and why.

`start_report` chooses the form from the topic (a scam or hacking, or
harassment, stalking and bullying) or asks; the answers are read and routed in
bot/report.py. The summary comes as a document the chat page lets the person
copy or download, with a button to send it to the helpdesk.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import ValidateAnswersForm
from actions.replies import button, document_buttons, send_document
from bot import clock, report
from bot.content import content

COUNTRY_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland",
                 "northern_ireland": "Northern Ireland"}


def report_slots(kind: Text) -> List[Text]:
    return content().report["kinds"][kind]["slots"]


class ActionStartReport(Action):
    def name(self) -> Text:
        return "action_start_report"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        texts = content()
        kind = tracker.get_slot("report_kind") or report.kind_for(tracker.get_slot("topic"))
        if kind is None:
            dispatcher.utter_message(text=texts.message("report_choose_kind"), buttons=[
                button(texts.label(f"kind_{choice}"), "start_report", report_kind=choice)
                for choice in ("fraud", "abuse")
            ])
            return [SlotSet("report_kind", None)]
        events = [SlotSet("report_kind", kind)]
        if not any(tracker.get_slot(slot) is not None for slot in report_slots(kind)):
            dispatcher.utter_message(text=texts.message("report_intro"))
        # A force's own site is used by the people who live there: its country
        # is not asked.
        country = texts.force.get("country")
        if country and tracker.get_slot("report_country") is None:
            events.append(SlotSet("report_country", COUNTRY_NAMES[country]))
        return events


class ValidateReportForm(ValidateAnswersForm):
    """A report form's questions are those content/report.yml lists for its kind."""

    kind: Text = ""

    @property
    def slots(self) -> tuple:
        return tuple(report_slots(self.kind))


class ValidateFraudReportForm(ValidateReportForm):
    form, kind = "fraud_report_form", "fraud"

    def validate_answer(self, slot: Text, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        answered = super().validate_answer(slot, value, tracker)
        if slot == "report_money" and report.money_ways(answered[slot]) == ("none",):
            answered["report_amount"] = ""
        return answered


class ValidateAbuseReportForm(ValidateReportForm):
    form, kind = "abuse_report_form", "abuse"


class ActionReportSummary(Action):
    def name(self) -> Text:
        return "action_report_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        texts = content()
        summary = report.document(tracker.current_slot_values(), texts, clock.now().date())
        send_document(dispatcher, summary, "report-summary.txt")
        dispatcher.utter_message(text=texts.message("report_ready"), buttons=document_buttons())
        return []
