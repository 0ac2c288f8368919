"""The language check: the assistant understands English only, and says so.

A message mostly in another script, whose typical word is not an English
word, or with more of another language's common words than English's, becomes `other_language`, so the reply says which languages are
supported and gives 101, instead of a guess from a classifier trained on
English. A message with no words at all (emoji, digits, punctuation) becomes
`nlu_fallback`, so the person is asked what happened. Settings:
`rules/languages.yml`.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Text

import spacy
import spacy_lookups_data
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME

from bot.nlu.override import IntentOverride, Override
from bot.nlu.phrases import RULES_DIR

_WORD = re.compile(r"[^\W\d_]+")
# Addresses and links say nothing about the language around them.
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")
_FREQUENCIES = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"


@lru_cache(maxsize=1)
def _settings() -> Dict[Text, Any]:
    with open(RULES_DIR / "languages.yml", encoding="utf-8") as handle:
        settings = yaml.safe_load(handle)
    with gzip.open(_FREQUENCIES, "rt", encoding="utf-8") as handle:
        settings["logprob"] = json.load(handle)
    settings["greetings"] = frozenset(settings["greetings"])
    english = spacy.util.get_lang_class("en").Defaults.stop_words | set(settings["english_words"])
    settings["english"] = frozenset(english)
    settings["others"] = [
        frozenset(w for w in spacy.util.get_lang_class(code).Defaults.stop_words if len(w) > 1)
        - english
        for code in settings["stop_word_languages"]
    ] + [frozenset(words) - english for words in settings["extra_stop_words"].values()]
    return settings


def _mostly_other_script(letters: list[str]) -> bool:
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin * 2 < len(letters)


def is_english(text: Text) -> bool:
    """False when `text` is written in another language (True if unsure)."""
    letters = [c for c in text if c.isalpha()]
    if _mostly_other_script(letters):
        return False
    settings = _settings()
    words = _WORD.findall(_ADDRESS.sub(" ", text.lower()))
    if words and (words[0] in settings["greetings"] or (
        len(words) <= 2 and any(word in settings["greetings"] for word in words)
    )):
        return False
    if len(words) < settings["min_words"]:
        return True
    logprobs = [settings["logprob"].get(word, settings["unknown_logprob"]) for word in words]
    if statistics.median(logprobs) < settings["threshold"]:
        return False
    common = sum(1 for logprob in logprobs if logprob >= settings["common_logprob"])
    if len(words) >= settings["min_words_for_share"] and common < settings["common_share"] * len(words):
        return False
    english_hits = sum(1 for word in words if word in settings["english"])
    other_hits = max(sum(1 for word in words if word in other) for other in settings["others"])
    return other_hits < settings["min_words"] or other_hits <= english_hits


def has_words(text: Text) -> bool:
    return any(c.isalpha() for c in text)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class LanguageCheck(IntentOverride):
    def check(self, text: Text) -> Optional[Override]:
        if not has_words(text):
            return Override(DEFAULT_NLU_FALLBACK_INTENT_NAME, [])
        if is_english(text):
            return None
        return Override("other_language", [])
