"""The callback request: how, and when, it is safe for staff to make contact.

A Rasa form (`callback_form` in domain.yml). The name and the safe word may
be left out; a contact that is neither a UK phone number nor an email address
is asked for again, kindly. The details go to the helpdesk as a case and are
then cleared from the conversation's slots.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.handover import send_case
from bot.content import content

FORM_SLOTS = ("callback_name", "callback_contact", "callback_safe_time", "callback_message_ok",
              "callback_safe_word")
SKIP = re.compile(r"^\s*(leave (this|it) out|skip|no|none|nothing|no thanks|rather not|n/?a|-)\W*$",
                  re.IGNORECASE)
YES = re.compile(r"^\s*(yes|y|yeah|yep|ok|okay|fine|safe|it'?s safe)\b", re.IGNORECASE)
NO = re.compile(r"^\s*(no|n|nope|not safe|don'?t|do not|never)\b", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# UK numbers: 01, 02, 03, 05, 07 and 08 ranges, 10 or 11 digits with the 0.
UK_PHONE = re.compile(r"^0(1\d{8,9}|2\d{9}|3\d{9}|5\d{9}|7\d{9}|8\d{8,9})$")


def skipped(value: Any) -> bool:
    return isinstance(value, str) and bool(SKIP.match(value))


def optional_answer(value: Any) -> str:
    """A question that may be left out: empty if it was, else the answer, trimmed."""
    return "" if skipped(value) else str(value).strip()[:100]


def uk_phone(text: str) -> Optional[str]:
    digits = re.sub(r"[\s().-]", "", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    return digits if UK_PHONE.match(digits) else None


class ValidateCallbackForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_callback_form"

    def ask_again(self, dispatcher: CollectingDispatcher, key: Text, slot: Text) -> Dict[Text, Any]:
        dispatcher.utter_message(text=content().message(key))
        return {slot: None}

    def validate_callback_name(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return {"callback_name": optional_answer(value)}

    def validate_callback_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if EMAIL.match(text):
            return {"callback_contact": text}
        phone = uk_phone(text)
        if phone:
            return {"callback_contact": phone}
        if "@" in text:
            return self.ask_again(dispatcher, "callback_not_email", "callback_contact")
        if len(re.sub(r"\D", "", text)) >= 6:
            return self.ask_again(dispatcher, "callback_not_uk_phone", "callback_contact")
        return self.ask_again(dispatcher, "callback_contact_unclear", "callback_contact")

    def validate_callback_safe_time(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if not text or skipped(text):
            return self.ask_again(dispatcher, "callback_time_needed", "callback_safe_time")
        return {"callback_safe_time": text[:200]}

    def validate_callback_message_ok(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        text = str(value or "")
        if NO.match(text):
            return {"callback_message_ok": "no"}
        if YES.match(text):
            return {"callback_message_ok": "yes"}
        return self.ask_again(dispatcher, "callback_yes_or_no", "callback_message_ok")

    def validate_callback_safe_word(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return {"callback_safe_word": optional_answer(value)}


class ActionSubmitCallback(Action):
    def name(self) -> Text:
        return "action_submit_callback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        # name, contact, safe_time, message_ok, safe_word
        contact = {slot.removeprefix("callback_"): tracker.get_slot(slot) for slot in FORM_SLOTS}
        texts = content()
        saved = send_case(tracker, "callback", contact) is not None
        dispatcher.utter_message(text=texts.message("callback_saved" if saved else "callback_unreachable"))
        dispatcher.utter_message(text=texts.message("out_of_hours_services"))
        # The details are with the helpdesk; the conversation need not keep them.
        return [SlotSet(slot, None) for slot in FORM_SLOTS]
