"""How much one conversation may send: a length limit and a rate limit.

A flood of messages gets a polite request to slow down, and a very long
message is read up to the limit, with a note; neither is an error.
`CHAT_RATE_LIMIT` is "messages/seconds" (default 10/10); 0 turns it off
(the benchmarks, whose scripted residents type faster than anyone can).
"""
from __future__ import annotations

import os
import time
from collections import defaultdict, deque
from typing import Callable

MAX_MESSAGE_CHARS = 2000
# Conversations not heard from for this long are forgotten by the limiter.
FORGET_AFTER_SECONDS = 600


def rate_setting() -> tuple[int, float]:
    messages, _, seconds = os.environ.get("CHAT_RATE_LIMIT", "10/10").partition("/")
    return int(messages), float(seconds or 10)


class RateLimiter:
    """At most `messages` per `seconds` in each conversation (a sliding window)."""

    def __init__(self, messages: int, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.messages, self.seconds, self.clock = messages, seconds, clock
        self.times: dict[str, deque] = defaultdict(deque)
        self.last_sweep = clock()

    def allow(self, conversation: str) -> bool:
        if self.messages <= 0:
            return True
        now = self.clock()
        self._sweep(now)
        times = self.times[conversation]
        while times and now - times[0] >= self.seconds:
            times.popleft()
        if len(times) >= self.messages:
            return False
        times.append(now)
        return True

    def _sweep(self, now: float) -> None:
        if now - self.last_sweep < FORGET_AFTER_SECONDS:
            return
        self.last_sweep = now
        for conversation in [c for c, t in self.times.items() if not t or now - t[-1] > FORGET_AFTER_SECONDS]:
            del self.times[conversation]


def cut(text: str) -> tuple[str, bool]:
    """The message as read, and whether it was cut to the limit."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text, False
    return text[:MAX_MESSAGE_CHARS], True
