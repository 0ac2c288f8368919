"""Building blocks the actions share: buttons, topics read from NLU, advice."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.content import AUDIENCES, TOPICS, content

# Below this, the classifier's guess at a topic is not used to choose advice.
TOPIC_CONFIDENCE = 0.3


def button(title: Text, intent: Text, **entities: Text) -> Dict[Text, Text]:
    payload = f"/{intent}" + (json.dumps(entities) if entities else "")
    return {"title": title, "payload": payload}


def topic_buttons() -> List[Dict[Text, Text]]:
    return [button(content().topic_label(topic), topic) for topic in TOPICS]


def audience_buttons() -> List[Dict[Text, Text]]:
    return [
        button(content().label(f"audience_{audience}"), "inform_audience", audience=audience)
        for audience in AUDIENCES
    ]


STAGE_BUTTONS = {
    "now": ("report", "support", "person"),
    "report": ("support", "person", "restart"),
    "support": ("report", "person", "restart"),
}
BUTTON_INTENTS = {
    "report": "ask_report",
    "support": "ask_support",
    "advice": "ask_advice",
    "safe_now": "ask_advice",
    "person": "human_handoff",
    "restart": "restart",
}


def step_buttons(names: tuple[Text, ...]) -> List[Dict[Text, Text]]:
    return [button(content().label(name), BUTTON_INTENTS[name]) for name in names]


def topic_in_ranking(ranking: List[Dict[Text, Any]]) -> Optional[Text]:
    """The cyber-crime topic a classifier's ranking points to, if it is sure enough."""
    for ranked in ranking:
        name = ranked.get("name")
        if name in TOPICS and name != "other":
            return name if ranked.get("confidence", 0) >= TOPIC_CONFIDENCE else None
    return None


def classified_topic(tracker: Tracker) -> Optional[Text]:
    """The topic the classifier saw in the latest message, under any override.

    A danger or privacy check takes over the turn's intent, but what the
    person was talking about (a scam, an ex) is still in the ranking.
    """
    return topic_in_ranking(tracker.latest_message.get("intent_ranking") or [])


def entity_values(tracker: Tracker, entity: Text) -> List[Any]:
    return [
        found.get("value")
        for found in tracker.latest_message.get("entities") or []
        if found.get("entity") == entity
    ]


def clarify_topic(dispatcher: CollectingDispatcher) -> None:
    dispatcher.utter_message(text=content().message("clarify_topic"), buttons=topic_buttons())


def tool_buttons(topic: Text, audience: Optional[Text], stage: Text) -> List[Dict[Text, Text]]:
    """The report form after how to report; a plan after the first advice, where one fits."""
    texts = content()
    if stage == "report" and topic != "other":
        return [button(texts.label("start_report"), "start_report")]
    if stage != "now":
        return []
    if audience == "business":
        return [button(texts.label("plan_business"), "safety_plan", plan_kind="business")]
    if topic == "child_safety" or audience == "child":
        return [button(texts.label("plan_child"), "safety_plan", plan_kind="child")]
    if topic == "stalking":
        return [button(texts.label("plan_stalking"), "safety_plan", plan_kind="stalking")]
    return []


def send_document(dispatcher: CollectingDispatcher, text: Text, filename: Text) -> None:
    """A summary or plan, which the chat page offers to copy or download."""
    dispatcher.utter_message(text=text, json_message={"document": {"filename": filename}})


def document_buttons() -> List[Dict[Text, Text]]:
    """After a summary or plan: send it to staff, find support, or start again."""
    texts = content()
    return [
        button(texts.label("send_helpdesk"), "human_handoff"),
        button(texts.label("find_service"), "find_service"),
        button(texts.label("restart"), "restart"),
    ]


def give_advice(
    dispatcher: CollectingDispatcher, topic: Optional[Text], audience: Optional[Text], stage: Text,
    next_steps: bool = True,
) -> bool:
    """One stage of a topic's advice as short messages, then the next steps.

    Without a topic it asks for one; when the topic's advice differs a lot by
    audience (a child's bullying or a parent's) and nobody said, it asks that.
    True if the advice was given rather than a question asked.
    """
    texts = content()
    if topic is None:
        clarify_topic(dispatcher)
        return False
    if audience is None and texts.asks_audience(topic):
        dispatcher.utter_message(text=texts.message("ask_audience"), buttons=audience_buttons())
        return False
    if stage == "now":
        dispatcher.utter_message(text=texts.opening(topic))
    for text in texts.advice_items(topic, audience or "self", stage):
        dispatcher.utter_message(text=text)
    if next_steps:
        dispatcher.utter_message(
            text=texts.message("next_step"),
            buttons=tool_buttons(topic, audience, stage) + step_buttons(STAGE_BUTTONS[stage]),
        )
    return True
