"""Finds secrets people type by mistake: card numbers, bank details, passwords.

Used by the privacy check in the NLU pipeline (to remind the person not to
share them); kept apart from Rasa so storage and logs can use it too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words that describe a password rather than being one ("my password is weak").
_NOT_A_SECRET = {
    "a", "an", "the", "my", "too", "very", "really", "not", "still", "now", "being",
    "weak", "strong", "same", "secure", "safe", "long", "short", "easy", "hard",
    "compromised", "changed", "wrong", "correct", "expired", "leaked", "different",
    "old", "new", "simple", "obvious", "stolen", "hacked", "reset", "locked", "in",
    "on", "used", "shared", "saved", "stored", "written", "there", "fine", "ok",
    "okay", "also", "probably", "definitely", "something", "what", "how", "why",
    "found", "exposed", "breached", "included", "part", "listed", "published", "sold",
    "posted", "guessed", "cracked", "taken", "spotted", "shown", "seen", "and", "or",
    "for", "to", "of", "so", "but", "because", "that", "this", "it", "i", "you",
}
# Masked or left out: "my password is ****".
_MASKED = re.compile(r"^[*x•.]+$", re.IGNORECASE)

_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
# Sixteen digits typed in fours is a card number even when the checksum fails.
_CARD_GROUPED = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$")
_SORT_CODE_ACCOUNT = re.compile(
    r"(?<!\d)\d{2}[ -]?\d{2}[ -]?\d{2}\D{0,30}?(?<!\d)\d{8}(?!\d)"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
_SORT_CODE = re.compile(r"\bsort ?code\D{0,5}(\d{2}[ -]?\d{2}[ -]?\d{2})(?!\d)", re.IGNORECASE)
_ACCOUNT = re.compile(r"\baccount(?: number| no\.?)?\D{0,5}(\d{8})(?!\d)", re.IGNORECASE)
_NI_NUMBER = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)
_DOCUMENT = re.compile(
    r"\b(?:passport|driving licen[cs]e|licen[cs]e)(?: number| no\.?)?\s*(?:is|was|:)?\s*((?=[A-Z]*\d)[A-Z0-9]{6,})\b",
    re.IGNORECASE,
)
_DATE_OF_BIRTH = re.compile(
    r"\b(?:date of birth|dob|born on)\W{0,5}(?:is\s+)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})", re.IGNORECASE
)
# "password is X" names a secret; "password X" only when X looks like one.
_PASSWORD = re.compile(
    r"\b(?:password|passwd|pass ?word|passcode|pass|login|memorable (?:word|answer)"
    r"|security answer|maiden name)\s*(is|was|:|=|-)?\s*[\"']?(\S+)",
    re.IGNORECASE,
)
_LOOKS_LIKE_PASSWORD = re.compile(r"\d|[^\w\s]")
_PIN = re.compile(
    r"\bpin\b.{0,20}?(?:is|was|:|=)?\s*(\d(?:[ ,.-]?\d){3,5})(?!\d)", re.IGNORECASE
)
_CODE = re.compile(
    r"\b(?:code|otp|passcode|verification|cvv|cvc|security number)\b\D{0,30}?(?<!\d)(\d{3,8})(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Secret:
    kind: str
    start: int
    end: int


def luhn_valid(digits: str) -> bool:
    """The checksum every payment card number passes."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def find_secrets(text: str) -> list[Secret]:
    """Every secret found in `text`, in order of where it starts."""
    found: list[Secret] = []
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        grouped = _CARD_GROUPED.match(match.group().strip())
        if 13 <= len(digits) <= 19 and (luhn_valid(digits) or grouped):
            found.append(Secret("card_number", *match.span()))
    for kind, pattern in (
        ("bank_account", _SORT_CODE_ACCOUNT),
        ("iban", _IBAN),
        ("ni_number", _NI_NUMBER),
    ):
        found.extend(Secret(kind, *m.span()) for m in pattern.finditer(text))
    for kind, pattern in (
        ("sort_code", _SORT_CODE),
        ("bank_account", _ACCOUNT),
        ("document_number", _DOCUMENT),
        ("date_of_birth", _DATE_OF_BIRTH),
        ("pin", _PIN),
        ("one_time_code", _CODE),
    ):
        found.extend(Secret(kind, *m.span(1)) for m in pattern.finditer(text))
    for match in _PASSWORD.finditer(text):
        separator, value = match.group(1), match.group(2)
        word = value.lower().strip(".,!?\"'")
        if not word or word in _NOT_A_SECRET or _MASKED.match(word):
            continue
        if separator or _LOOKS_LIKE_PASSWORD.search(value.rstrip(".,!?")):
            found.append(Secret("password", *match.span(2)))
    return sorted(found, key=lambda secret: secret.start)


def redact(text: str) -> str:
    """`text` with every secret replaced by `[card number removed]` and the like.

    Overlapping finds are merged, so no digit of a secret survives.
    """
    spans: list[list] = []
    for secret in find_secrets(text):
        if spans and secret.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], secret.end)
        else:
            spans.append([secret.start, secret.end, secret.kind])
    for start, end, kind in reversed(spans):
        text = f"{text[:start]}[{kind.replace('_', ' ')} removed]{text[end:]}"
    return text
