"""The held-out evaluation set stays out of the training data, and is well formed."""
from __future__ import annotations

from bot.content import TOPICS
from measure.data import heldout, heldout_in_training


def test_no_heldout_text_appears_in_the_training_data():
    assert heldout_in_training() == []


def test_heldout_is_large_and_labelled():
    items = heldout()
    assert len(items) >= 300
    assert all(item["topic"] in (*TOPICS, None) and isinstance(item["danger"], bool) for item in items)
    assert sum(item["danger"] for item in items) >= 30
