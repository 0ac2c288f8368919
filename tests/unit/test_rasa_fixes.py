"""The cheaper check of action server replies accepts and refuses what Rasa's does."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

import bot.rasa_fixes  # noqa: F401


def test_a_well_formed_reply_is_accepted():
    reply = {"events": [{"event": "slot", "name": "topic", "value": "fraud"}], "responses": [{"text": "hi"}]}
    assert RemoteAction("action_advice_now", None)._validate_action_result(reply)


@pytest.mark.parametrize("reply", [{"events": "not a list"}, {"responses": [{"text": 5}], "events": {}}])
def test_a_malformed_reply_is_refused_with_rasas_own_message(reply):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_advice_now", None)._validate_action_result(reply)
