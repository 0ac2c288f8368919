"""Personal safety plans: stalking and domestic abuse, a parent's checklist, a small business.

`safety_plan` chooses the plan from who is being helped and the topic, or
asks. The stalking plan and the parent's checklist ask a few questions first
(Rasa forms); the business plan needs none. The steps come from
content/plans.yml through bot/plans.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import ValidateAnswersForm
from actions.replies import button, document_buttons, send_document
from bot import clock, plans
from bot.content import content

FILENAMES = {"stalking": "safety-plan.txt", "child": "child-safety-checklist.txt",
             "business": "business-cyber-plan.txt"}


def plan_for(tracker: Tracker) -> Optional[Text]:
    """The plan that fits what the conversation knows, or None to ask."""
    chosen = tracker.get_slot("plan_kind")
    if chosen:
        return chosen
    audience, topic = tracker.get_slot("audience"), tracker.get_slot("topic")
    if audience == "business":
        return "business"
    if topic == "child_safety" or audience == "child":
        return "child"
    return "stalking" if topic in ("stalking", "bullying") else None


def give_plan(dispatcher: CollectingDispatcher, tracker: Tracker, kind: Text) -> None:
    texts = content()
    plan = plans.document(kind, tracker.current_slot_values(), texts, clock.now())
    send_document(dispatcher, plan, FILENAMES[kind])
    if kind == "stalking":
        dispatcher.utter_message(text=texts.message("plan_helpline"))
    dispatcher.utter_message(text=texts.message("plan_ready"), buttons=document_buttons())


class ActionSafetyPlan(Action):
    def name(self) -> Text:
        return "action_safety_plan"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        texts = content()
        kind = plan_for(tracker)
        if kind is None:
            dispatcher.utter_message(text=texts.message("plan_choose_kind"), buttons=[
                button(texts.label(f"kind_{choice}"), "safety_plan", plan_kind=choice)
                for choice in plans.KINDS
            ])
        elif kind == "business":
            give_plan(dispatcher, tracker, kind)
        elif not any(tracker.get_slot(slot) is not None for slot in plans.QUESTIONS[kind]):
            dispatcher.utter_message(text=texts.message(f"plan_intro_{kind}"))
        return [SlotSet("plan_kind", kind)]


class ValidateStalkingPlanForm(ValidateAnswersForm):
    form = "stalking_plan_form"
    slots = plans.QUESTIONS["stalking"]


class ValidateChildChecklistForm(ValidateAnswersForm):
    form = "child_checklist_form"
    slots = plans.QUESTIONS["child"]


class ActionPlanReady(Action):
    def name(self) -> Text:
        return "action_plan_ready"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        give_plan(dispatcher, tracker, plan_for(tracker) or "stalking")
        return []
