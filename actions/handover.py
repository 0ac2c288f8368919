"""Handing a conversation to staff: live chat in opening hours, a callback outside them.

Every handover goes through the outbox (bot/outbox.py), so one the helpdesk
cannot take now reaches it when it is back; the person is told the phone
routes at once instead of waiting.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import button
from bot import clock, handover, plans, report
from bot.content import content
from bot.outbox import HelpdeskClient, Outbox
from bot.database import database_url

# How often undelivered handovers are sent again.
RETRY_SECONDS = float(os.environ.get("HANDOVER_RETRY_SECONDS", "10"))


@lru_cache(maxsize=1)
def outbox() -> Outbox:
    helpdesk = HelpdeskClient(
        os.environ.get("HELPDESK_URL", "http://127.0.0.1:8000"), os.environ.get("HELPDESK_TOKEN", "")
    )
    return Outbox(database_url(), helpdesk)


def prepared(slots: Dict[Text, Any]) -> Text:
    """The report summary and the safety plan made in this conversation, if any."""
    texts, now = content(), clock.now()
    made = (report.document(slots, texts, now.date()), plans.document(slots.get("plan_kind"), slots, texts, now))
    return "\n\n".join(document for document in made if document)


def case_for(tracker: Tracker, kind: Text, contact: Optional[Dict[Text, Any]] = None) -> dict:
    slots = tracker.current_slot_values()
    return handover.case(tracker.sender_id, slots, tracker.events, kind, contact, prepared(slots))


def send_case(tracker: Tracker, kind: Text, contact: Optional[Dict[Text, Any]] = None) -> Optional[dict]:
    """The helpdesk's answer, or None if the case waits in the outbox."""
    return outbox().send(case_for(tracker, kind, contact))


def callback_offer(dispatcher: CollectingDispatcher) -> None:
    texts = content()
    dispatcher.utter_message(text=texts.message("callback_offer"), buttons=[
        button(texts.label("callback"), "request_callback"),
        button(texts.label("no_thanks"), "thank"),
    ])


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        texts = content()
        if not texts.helpdesk_open():
            dispatcher.utter_message(text=texts.message("handoff_closed"))
            dispatcher.utter_message(text=texts.message("out_of_hours_services"))
            callback_offer(dispatcher)
            return []
        case = case_for(tracker, "handover")
        delivered = outbox().send(case) is not None
        dispatcher.utter_message(text=texts.message("handoff_queued" if delivered else "handoff_unreachable"))
        if delivered and case["document"]:
            dispatcher.utter_message(text=texts.message("handoff_with_document"))
        dispatcher.utter_message(text=texts.message("handoff_phone"))
        return []

