"""`make evaluate`: triage quality on the held-out set, ours beside the baselines.

Systems, scored on tests/evaluation/heldout.yml in one run:
- ours: this project's model, asked through the real server path;
- stock: the `rasa init` pipeline and policies trained on this project's data,
  with the same domain and actions, asked the same way;
- keywords: a keyword baseline (measure/keywords.py).
Then `rasa test nlu --cross-validation` on the training data. Writes
var/reports/evaluation.md, .json and confusion-matrix PNGs, and copies the
headline table into the README.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from bot.content import TOPICS  # noqa: E402
from measure import keywords, server_path  # noqa: E402
from measure.readme import replace_section  # noqa: E402
from measure.data import ROOT, heldout, heldout_in_training  # noqa: E402
from measure.scores import UNSURE, scores  # noqa: E402
from measure.stack import BIN, Stack, current_model  # noqa: E402

REPORTS = ROOT / "var" / "reports"
STOCK_CONFIG = ROOT / "measure" / "stock_config.yml"
FOLDS = 5


def run(args: list[str]) -> str:
    return subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def stock_model() -> str:
    """The stock pipeline trained on our data, once per version of the data."""
    fingerprint = run(["bash", "-c", "source scripts/common.sh && model_fingerprint"])
    model = ROOT / "models" / f"stock-{fingerprint}.tar.gz"
    if not model.exists():
        print("Training the stock `rasa init` pipeline on our data (slow: its DIET has a transformer)")
        run([str(BIN / "rasa"), "train", "--config", str(STOCK_CONFIG), "--out", "models",
             "--fixed-model-name", model.name.removesuffix(".tar.gz")])
    return str(model.relative_to(ROOT))


def ask_servers(items: list[dict], with_stock: bool) -> dict[str, list]:
    """Predictions of our model and the stock one, through the same server path."""
    predictions = {}
    models = [("ours", current_model())] + ([("stock", stock_model())] if with_stock else [])
    with tempfile.TemporaryDirectory() as workdir:
        # Its own ports, so it can run beside `make run` and the end-to-end tests.
        stack = Stack(Path(workdir), models[0][1], secrets.token_hex(16), rasa_port=5405, actions_port=5455)
        try:
            stack.start()
            for name, model in models:
                if stack.model != model:
                    stack.stop("rasa")
                    stack.model = model
                    stack.start_rasa()
                print(f"Asking {name} about {len(items)} messages")
                predictions[name] = [server_path.predict(stack, item["text"]) for item in items]
        finally:
            stack.stop_all()
    return predictions


def cross_validation() -> dict:
    out = REPORTS / "cross-validation"
    print(f"rasa test nlu --cross-validation ({FOLDS} folds)")
    run([str(BIN / "rasa"), "test", "nlu", "--cross-validation", "--folds", str(FOLDS),
         "--config", "config.yml", "--nlu", "data/nlu", "--out", str(out)])
    report = json.loads((out / "intent_report.json").read_text())
    return {"accuracy": report["accuracy"], "macro_f1": report["macro avg"]["f1-score"]}


def plot_confusion(name: str, result: dict) -> Path:
    labels = [*TOPICS, UNSURE]
    figure, axes = plt.subplots(figsize=(7, 6))
    axes.imshow(result["confusion"], cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    axes.set_yticks(range(len(TOPICS)), TOPICS)
    for row, counts in enumerate(result["confusion"][: len(TOPICS)]):
        for column, count in enumerate(counts):
            axes.text(column, row, count, ha="center", va="center")
    axes.set_xlabel("assistant's topic")
    axes.set_ylabel("held-out label")
    axes.set_title(f"Topic confusion: {name}")
    figure.tight_layout()
    path = REPORTS / f"confusion-{name}.png"
    figure.savefig(path)
    plt.close(figure)
    return path


def headline(results: dict, cv: dict | None, when: str) -> str:
    rows = [
        f"Held-out set: {results['ours']['messages']} messages (tests/evaluation/heldout.yml), {when}.",
        "",
        "| system | topic accuracy | topic macro-F1 | danger recall | false alarms | asked to clarify |",
        "|---|---|---|---|---|---|",
    ]
    labels = {"ours": "this assistant", "stock": "stock `rasa init` pipeline", "keywords": "keyword baseline"}
    for name, r in results.items():
        label = labels[name]
        rows.append(
            f"| {label} | {r['topic_accuracy']:.3f} | {r['topic_macro_f1']:.3f} | "
            f"{r['danger_recall']:.3f} | {r['danger_false_alarm_rate']:.1%} | {r['clarifying_rate']:.1%} |"
        )
    if cv:
        rows += ["", f"`rasa test nlu --cross-validation` ({FOLDS} folds, all intents): "
                     f"accuracy {cv['accuracy']:.3f}, macro-F1 {cv['macro_f1']:.3f}."]
    return "\n".join(rows)


def details(results: dict) -> str:
    lines = []
    for name, r in results.items():
        lines += [f"## {name}", "", "| topic | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for topic, t in r["per_topic"].items():
            lines.append(f"| {topic} | {t['precision']:.3f} | {t['recall']:.3f} | {t['f1']:.3f} | {t['support']} |")
        lines += ["", f"Missed danger ({len(r['missed_danger'])}):", *[f"- {t}" for t in r["missed_danger"]],
                  "", f"False alarms ({len(r['false_alarms'])}):", *[f"- {t}" for t in r["false_alarms"]], ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="ours and keywords only: no stock model, no cross-validation, README untouched")
    quick = parser.parse_args().quick
    leaked = heldout_in_training()
    if leaked:
        print("Held-out texts found in data/, remove them from one or the other:", *leaked, sep="\n  ")
        return 1
    REPORTS.mkdir(parents=True, exist_ok=True)
    items = heldout()
    predictions = ask_servers(items, with_stock=not quick)
    predictions["keywords"] = [keywords.predict(item["text"]) for item in items]
    results = {name: scores(items, found) for name, found in predictions.items()}
    cv = None if quick else cross_validation()
    when = dt.date.today().isoformat()
    table = headline(results, cv, when)
    for name, result in results.items():
        plot_confusion(name, result)
    (REPORTS / "evaluation.json").write_text(json.dumps({"results": results, "cross_validation": cv}, indent=2))
    (REPORTS / "evaluation.md").write_text(f"# Evaluation, {when}\n\n{table}\n\n{details(results)}")
    if not quick:
        replace_section("evaluation", table)
    print(table)
    print(f"\nReport: {REPORTS / 'evaluation.md'}; confusion matrices: {REPORTS}/confusion-*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
