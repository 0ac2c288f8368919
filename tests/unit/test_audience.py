"""Who the advice is for: the person, a child in their care, or a business."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.audience import AudienceCheck, find_audience


@pytest.mark.parametrize(
    "text,audience",
    [
        ("my son is being bullied on tiktok", "child"),
        ("my 12 year old is talking to an adult on roblox", "child"),
        ("a child I look after got a weird message", "child"),
        ("our accounts team paid a fake invoice", "business"),
        ("we're a small charity and our website was hacked", "business"),
        ("it's for my business", "business"),
        ("it's me", "self"),
        ("im 14 and a man keeps asking for pics", "self"),
        ("it's about me", "self"),
    ],
)
def test_audience(text, audience):
    assert find_audience(text)["value"] == audience


@pytest.mark.parametrize(
    "text", ["someone hacked my instagram", "the school say it's not their problem", "I'm 75 and lost money"]
)
def test_no_audience_when_it_does_not_say(text):
    assert find_audience(text) is None


def test_component_adds_the_entity():
    message = Message(data={"text": "my daughter got a scam text", "entities": []})
    AudienceCheck({}).process([message])
    (entity,) = message.get("entities")
    assert (entity["entity"], entity["value"], entity["extractor"]) == ("audience", "child", "AudienceCheck")
