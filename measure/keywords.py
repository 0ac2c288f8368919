"""A keyword baseline: the simplest triage a website could do without NLU.

Counts topic keywords in the message; the topic with most hits wins, no hit
means "ask". Danger is a short list of alarming words.
"""
from __future__ import annotations

import re

from measure.scores import Prediction

TOPIC_WORDS = {
    "fraud": ["scam", "scammed", "fraud", "phishing", "bank", "money", "paid", "transfer", "invest",
              "crypto", "bitcoin", "courier", "hmrc", "parcel", "refund", "loan", "card", "invoice",
              "seller", "romance", "gift card", "safe account", "text message", "conned"],
    "hacking": ["hacked", "hack", "password", "account", "locked out", "virus", "malware", "ransomware",
                "pop-up", "popup", "2fa", "two factor", "login", "sim", "whatsapp code", "breach"],
    "bullying": ["bully", "bullied", "bullying", "troll", "mocking", "group chat", "nasty comments",
                 "picked on", "abuse", "fake profile", "humiliate"],
    "stalking": ["stalk", "stalking", "stalker", "harass", "harassment", "ex ", "tracker", "airtag",
                 "following me", "keeps messaging", "spyware", "address", "revenge porn", "nudes"],
    "child_safety": ["child", "children", "kids", "son", "daughter", "groom", "grooming", "parental",
                     "roblox", "snapchat", "age limit", "school", "teen", "year old"],
    "other": ["burglary", "burgled", "stolen", "lost", "fine", "parking", "speeding", "noise",
              "complaint", "officer", "weather", "accident"],
}
DANGER_WORDS = ["kill", "suicide", "die", "outside my house", "right now", "knife", "help me now",
                "on his way", "missing", "end it", "hurt myself", "break in", "breaking in"]


def _hits(text: str, words: list[str]) -> int:
    return sum(1 for word in words if re.search(r"\b" + re.escape(word), text))


def predict(text: str) -> Prediction:
    lowered = text.lower()
    counts = {topic: _hits(lowered, words) for topic, words in TOPIC_WORDS.items()}
    best = max(counts, key=counts.get)
    topic = best if counts[best] else None
    return Prediction(topic=topic, danger=_hits(lowered, DANGER_WORDS) > 0, asked=topic is None)
