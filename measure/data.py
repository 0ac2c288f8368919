"""The training examples and the held-out evaluation set, read from their files."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NLU_DIR = ROOT / "data" / "nlu"
HELDOUT = ROOT / "tests" / "evaluation" / "heldout.yml"


def training_examples() -> list[tuple[str, str]]:
    """(intent, text) for every NLU training example."""
    examples = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in block["examples"].strip().splitlines():
                examples.append((block["intent"], line.strip()[2:]))
    return examples


def heldout() -> list[dict]:
    """Items with `text`, `topic` (None when it names none) and `danger`."""
    return yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))


def same_text(text: str) -> str:
    """A text reduced to its words, to find the same message written twice."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def heldout_in_training() -> list[str]:
    trained = {same_text(text) for _, text in training_examples()}
    return [item["text"] for item in heldout() if same_text(item["text"]) in trained]
