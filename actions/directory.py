"""'Who can help me with …': the support directory, by need, audience and area, open now or not."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.replies import button, entity_values, step_buttons
from bot import clock, directory
from bot.content import content


def need_buttons() -> List[Dict[Text, Text]]:
    needs = directory.vocabulary()["needs"]
    return [button(entry["label"].capitalize(), "find_service", need=need) for need, entry in needs.items()]


def list_services(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Lists the services that suit what was asked; False if it asked what the need is."""
    texts = content()
    query = directory.read_query(
        tracker.latest_message.get("text") or "",
        topic=tracker.get_slot("topic"),
        audience=tracker.get_slot("audience"),
        needs=entity_values(tracker, "need"),
        country=texts.force.get("country"),
    )
    if not query.needs:
        dispatcher.utter_message(text=texts.message("directory_ask_need"), buttons=need_buttons())
        return False
    now = clock.now()
    found = directory.find(query, texts, now)
    if not found:
        dispatcher.utter_message(text=texts.message("directory_none"))
        return True
    labels = directory.vocabulary()["needs"]
    need = " and ".join(labels[name]["label"] for name in query.needs[:2])
    dispatcher.utter_message(text=texts.message("directory_intro", need=need))
    for service in found:
        dispatcher.utter_message(text=directory.listing(service, texts, now))
    return True


class ActionFindSupport(Action):
    def name(self) -> Text:
        return "action_find_support"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if list_services(dispatcher, tracker):
            dispatcher.utter_message(text=content().message("next_step"),
                                     buttons=step_buttons(("report", "person", "restart")))
        return []
