"""Pipeline experiments behind config.yml's choices, on the held-out set.

Trains NLU-only variants of config.yml (spaCy lemmas or not, character n-gram
ranges, word bigrams, DIET epochs), reads each one's understanding of every
held-out message in-process, and scores it as `make evaluate` does. The
fallback threshold needs no retraining: it is re-applied to the rankings.
Writes var/reports/experiments.md. Slow (a few minutes per variant); run with
`python -m measure.experiments` when the data or pipeline change a lot.
"""
from __future__ import annotations

import asyncio
import copy
import subprocess
import sys
import time
from pathlib import Path

import yaml

from actions.replies import topic_in_ranking
from bot.content import TOPICS
from measure.data import ROOT, heldout
from measure.scores import Prediction, scores
from measure.stack import BIN

REPORTS = ROOT / "var" / "reports"
WORK = ROOT / "var" / "experiments"
SPACY_MODEL = WORK / "spacy-en-lookup"
TOPIC_OF = {"out_of_scope": "other"}
OVERRIDES = {"immediate_danger", "share_sensitive"}
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def base() -> dict:
    return yaml.safe_load((ROOT / "config.yml").read_text())


def component(config: dict, name: str) -> dict:
    return next(c for c in config["pipeline"] if c["name"] == name)


def char_range(low: int, high: int):
    def change(config: dict) -> None:
        chars = [c for c in config["pipeline"] if c.get("analyzer") == "char_wb"][0]
        chars.update(min_ngram=low, max_ngram=high)
    return change


def epochs(count: int):
    def change(config: dict) -> None:
        component(config, "DIETClassifier")["epochs"] = count
    return change


def word_bigrams(config: dict) -> None:
    words = [c for c in config["pipeline"] if c["name"] == "CountVectorsFeaturizer" and "analyzer" not in c][0]
    words.update(min_ngram=1, max_ngram=2)


def spacy_lemmas(config: dict) -> None:
    """spaCy's tokenizer with lookup lemmas: the word features count lemmas."""
    if not SPACY_MODEL.exists():
        from bot.nlu.phrases import english
        english().to_disk(SPACY_MODEL)
    config["pipeline"][0:1] = [
        {"name": "SpacyNLP", "model": str(SPACY_MODEL)},
        {"name": "SpacyTokenizer"},
    ]


VARIANTS = {
    "chosen (config.yml)": [],
    "char n-grams 1-4": [char_range(1, 4)],
    "char n-grams 3-5": [char_range(3, 5)],
    "char n-grams 2-6": [char_range(2, 6)],
    "+ word bigrams": [word_bigrams],
    "+ spaCy lemmas": [spacy_lemmas],
    "DIET 50 epochs": [epochs(50)],
    "DIET 200 epochs": [epochs(200)],
}


def train(name: str, changes: list) -> tuple[Path, float]:
    config = copy.deepcopy(base())
    for change in changes:
        change(config)
    slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    config_path = WORK / f"{slug}.yml"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    started = time.monotonic()
    subprocess.run(
        [str(BIN / "rasa"), "train", "nlu", "--config", str(config_path), "--nlu", "data/nlu",
         "--out", str(WORK), "--fixed-model-name", slug],
        cwd=ROOT, check=True, capture_output=True,
    )
    return WORK / f"{slug}.tar.gz", time.monotonic() - started


def understand(model: Path, items: list[dict]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [asyncio.run(agent.parse_message(item["text"])) for item in items]


def predict(parse: dict, threshold: float, ambiguity: float = 0.1) -> Prediction:
    ranking = [r for r in parse["intent_ranking"] if r["name"] != "nlu_fallback"]
    top = parse["intent"]["name"]
    if top == "nlu_fallback" and ranking:
        top = ranking[0]["name"]
    danger = top == "immediate_danger"
    if top in OVERRIDES:
        # As the emergency and privacy actions do: the topic under the override.
        return Prediction(topic=topic_in_ranking(ranking), danger=danger, asked=False)
    confident = ranking and ranking[0]["confidence"] >= threshold and (
        len(ranking) < 2 or ranking[0]["confidence"] - ranking[1]["confidence"] >= ambiguity
    )
    if not confident:
        return Prediction(topic=None, danger=False, asked=True)
    topic = TOPIC_OF.get(top, top)
    return Prediction(topic=topic if topic in TOPICS else "other", danger=False, asked=False)


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    items = heldout()
    chosen = component(base(), "FallbackClassifier")["threshold"]
    rows = ["| variant | fallback threshold | topic accuracy | topic macro-F1 | danger recall "
            "| false alarms | asked | training |", "|---|---|---|---|---|---|---|---|"]
    for name, changes in VARIANTS.items():
        print(f"Training: {name}", flush=True)
        model, seconds = train(name, changes)
        parses = understand(model, items)
        thresholds = THRESHOLDS if name.startswith("chosen") else (chosen,)
        for threshold in thresholds:
            r = scores(items, [predict(p, threshold) for p in parses])
            row = (f"| {name} | {threshold} | {r['topic_accuracy']:.3f} | {r['topic_macro_f1']:.3f} | "
                   f"{r['danger_recall']:.3f} | {r['danger_false_alarm_rate']:.1%} | "
                   f"{r['clarifying_rate']:.1%} | {seconds:.0f}s |")
            rows.append(row)
            print(row, flush=True)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "experiments.md").write_text(
        "# Pipeline experiments (NLU only, in-process, held-out set)\n\n" + "\n".join(rows) + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
