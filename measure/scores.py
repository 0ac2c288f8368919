"""Triage scores: topic accuracy and F1, danger recall and false alarms."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from bot.content import TOPICS

# A message the assistant answered with a clarifying question has no topic.
UNSURE = "(asked)"


@dataclass(frozen=True)
class Prediction:
    topic: Optional[str]
    danger: bool
    asked: bool


def scores(items: list[dict], predictions: list[Prediction]) -> dict:
    """All figures for one system on the held-out items (same order)."""
    labelled = [(item, p) for item, p in zip(items, predictions) if item["topic"]]
    gold = [item["topic"] for item, _ in labelled]
    guessed = [p.topic or UNSURE for _, p in labelled]
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, guessed, labels=list(TOPICS), zero_division=0
    )
    dangerous = [p.danger for item, p in zip(items, predictions) if item["danger"]]
    safe = [p.danger for item, p in zip(items, predictions) if not item["danger"]]
    return {
        "messages": len(items),
        "topic_accuracy": sum(g == p for g, p in zip(gold, guessed)) / len(gold),
        "topic_macro_f1": float(f1.mean()),
        "per_topic": {
            topic: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for topic, p, r, f, s in zip(TOPICS, precision, recall, f1, support)
        },
        "danger_recall": sum(dangerous) / len(dangerous),
        "danger_false_alarm_rate": sum(safe) / len(safe),
        "missed_danger": [item["text"] for item, p in zip(items, predictions) if item["danger"] and not p.danger],
        "false_alarms": [item["text"] for item, p in zip(items, predictions) if not item["danger"] and p.danger],
        "clarifying_rate": sum(p.asked for p in predictions) / len(predictions),
        "confusion": confusion_matrix(gold, guessed, labels=[*TOPICS, UNSURE]).tolist(),
    }
