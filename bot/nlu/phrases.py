"""Phrase rules kept in data files, matched with spaCy's Matcher on words and lemmas.

A rules file has `classes` (named word lists), `whole_message` (texts that are a
finding when they are the whole message, like "help") and `kinds`: per kind of finding,
the rules that `match` and the rules that cancel a match they overlap
(`unless`, e.g. "in danger of" cancels "I'm in danger"). A rule is a line of
space-separated tokens:

    word      that word (compared on its normal form, so "'m" is "am")
    a|b       any of these words (a class name may stand among them)
    !a|b      any one word except these
    @lemma    any form of a word: `@break` matches break, breaks, broke, breaking
    @a|@b     any form of a or b
    CLASS     any word of that class
    x?        the token may be missing
    ~N        up to N other words in between, none of them a negation (in an
              `unless` rule, any words)

so `PERSON BE_NOW ~2 outside` matches "he's outside" and "my ex is right outside",
but not "he was outside" or "he's not outside".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher

RULES_DIR = Path(__file__).resolve().parent / "rules"
NEGATIONS = ["not", "never", "no", "nobody", "nothing"]
_UNLESS = "unless:"
_GAP = {"NORM": {"NOT_IN": NEGATIONS}, "OP": "?"}
# An `unless` rule cancels a match whatever words lie between ("emails I never
# asked for. Someone trying to get in" is still about an account).
_ANY_GAP = {"OP": "?"}


@lru_cache(maxsize=1)
def english() -> Language:
    """A blank English pipeline with lookup lemmas: no model download needed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def normalise(text: str) -> str:
    """Lower case with plain apostrophes, as the lemma table is keyed.

    Keeps every character's position, so a match's offsets fit the original text.
    """
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("\u2019", "'").replace("\u2018", "'")


def compile_token(word: str, classes: dict[str, list[str]]) -> dict:
    """One token of a rule: words and classes, or lemmas, or an exclusion."""
    if word.startswith("!"):
        return {"NORM": {"NOT_IN": word[1:].split("|")}}
    alternatives = word.split("|")
    lemmas = [alt[1:] for alt in alternatives if alt.startswith("@")]
    if lemmas:
        if len(lemmas) != len(alternatives):
            raise ValueError(f"{word!r} mixes @lemmas with words")
        return {"LEMMA": {"IN": lemmas}}
    words: list[str] = []
    for alt in alternatives:
        if alt.isupper() and alt not in classes:
            raise ValueError(f"{word!r} names an unknown class {alt}")
        words.extend(classes.get(alt, [alt]))
    return {"NORM": {"IN": words}}


def compile_rule(rule: str, classes: dict[str, list[str]], gap: dict = _GAP) -> list[dict]:
    pattern: list[dict] = []
    for part in rule.split():
        if part.startswith("~"):
            pattern.extend(dict(gap) for _ in range(int(part[1:])))
            continue
        token = compile_token(part.rstrip("?") if len(part) > 1 else part, classes)
        if part.endswith("?") and len(part) > 1:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


class PhraseRules:
    """The rules of one file, ready to match; kinds keep the file's order."""

    def __init__(self, path: Path):
        with open(path, encoding="utf-8") as handle:
            spec = yaml.safe_load(handle)
        classes = {
            name: [normalise(word) for word in words]
            for name, words in (spec.get("classes") or {}).items()
        }
        self.kinds = list(spec["kinds"])
        self.whole_messages = {
            normalise(text): kind
            for kind, texts in (spec.get("whole_message") or {}).items()
            for text in texts
        }
        self.matcher = Matcher(english().vocab)
        for kind, rules in spec["kinds"].items():
            self.matcher.add(kind, [compile_rule(r, classes) for r in rules["match"]])
            if rules.get("unless"):
                self.matcher.add(
                    _UNLESS + kind, [compile_rule(r, classes, _ANY_GAP) for r in rules["unless"]]
                )

    @classmethod
    @lru_cache(maxsize=None)
    def named(cls, name: str) -> "PhraseRules":
        return cls(RULES_DIR / f"{name}.yml")

    def whole_message(self, text: str) -> Finding | None:
        """The kind of a message that is, by itself, one of the `whole_message` texts."""
        trimmed = normalise(text).strip(" \t\n.!?,")
        kind = self.whole_messages.get(trimmed)
        return Finding(kind, 0, len(text), text) if kind else None

    def find_all(self, text: str) -> list[Finding]:
        """One finding per kind that matches, in the file's order of kinds."""
        doc = english()(normalise(text))
        matches = [
            (english().vocab.strings[match_id], start, end)
            for match_id, start, end in self.matcher(doc)
        ]
        cancelled = [
            (label[len(_UNLESS) :], start, end)
            for label, start, end in matches
            if label.startswith(_UNLESS)
        ]
        first: dict[str, Finding] = {}
        for kind, start, end in matches:
            if kind.startswith(_UNLESS) or any(
                kind == other and start < o_end and o_start < end
                for other, o_start, o_end in cancelled
            ):
                continue
            span = doc[start:end]
            if kind not in first or span.start_char < first[kind].start:
                first[kind] = Finding(
                    kind, span.start_char, span.end_char, text[span.start_char : span.end_char]
                )
        return [first[kind] for kind in self.kinds if kind in first]
