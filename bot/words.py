"""Finding the words a person used: whole words, any case.

Shared by the risk check of a handover, the support directory's needs and
places, and the platforms and apps named in a report or a parent's checklist.
"""
from __future__ import annotations

import re
from typing import Iterable


def pattern(word: str) -> str:
    """Whole words only, except at a symbol's edge ("£" in "£500")."""
    start = r"(?<!\w)" if word[0].isalnum() else ""
    end = r"(?!\w)" if word[-1].isalnum() else ""
    return start + re.escape(word) + end


def mentions(words: Iterable[str], text: str) -> bool:
    return any(re.search(pattern(word), text, re.IGNORECASE) for word in words)


def named(names: Iterable[str], text: str) -> tuple[str, ...]:
    """Those of `names` the text mentions, in the order given."""
    return tuple(name for name in names if mentions([name], text))
