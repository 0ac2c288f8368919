"""The resident's side of a live chat with staff, for Rasa's channels.

Staff write into the conversation through Rasa's tracker events API (see
bot/helpdesk/rasa_api.py) and a `pause` event keeps the bot quiet. Two things
the channels must then add:
- the REST channel cannot push, so it hands staff messages over with the
  reply to the resident's next message;
- a paused conversation runs no actions, so danger words would get no 999
  reply: the emergency action is run here, whatever the pause.
"""
from __future__ import annotations

from typing import Any, Optional

from rasa.core.agent import Agent
from rasa.core.channels.channel import OutputChannel
from rasa.core.policies.policy import PolicyPrediction
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

EMERGENCY_ACTION = "action_emergency"
DANGER_INTENT = "immediate_danger"


def helpdesk_part(event: Any) -> Optional[str]:
    """`staff`, `joined`, `left` or `handback` for a message from the helpdesk."""
    if isinstance(event, BotUttered):
        return ((event.data or {}).get("custom") or {}).get("helpdesk")
    return None


def staff_messages_since_previous(tracker: DialogueStateTracker, recipient: str) -> list[dict]:
    """Helpdesk messages written after the resident's previous message, as REST replies."""
    events = list(tracker.events)
    users = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
    if not users:
        return []
    start = users[-2] if len(users) > 1 else 0
    replies = []
    for event in events[start: users[-1]]:
        if helpdesk_part(event):
            reply = {"recipient_id": recipient, "text": event.text, "custom": event.data["custom"]}
            if event.data.get("buttons"):
                reply["buttons"] = event.data["buttons"]
            replies.append(reply)
    return replies


async def danger_while_paused(
    agent: Agent, tracker: DialogueStateTracker, output_channel: OutputChannel
) -> Optional[DialogueStateTracker]:
    """Runs the emergency reply if a paused conversation's latest message shows danger."""
    if not tracker.is_paused() or tracker.latest_message.intent.get("name") != DANGER_INTENT:
        return None
    prediction = PolicyPrediction.for_action_name(agent.domain, EMERGENCY_ACTION, "live_chat")
    return await agent.processor.execute_action(
        tracker.sender_id, EMERGENCY_ACTION, output_channel, agent.processor.nlg, prediction
    )
