"""`make bench`: reply latency, throughput, memory, load and training time,
ours beside the stock moodbot from `rasa init`, measured the same way.

Both run for real on loopback: ours with its action server, the moodbot as
`rasa init` makes it. For 1, 4 and 16 concurrent conversations of a fixed
number of turns over the REST channel it prints p50/p95/p99 latency and
messages per second; then each process's resident memory, the model load time
and the training time (fresh cache), and the ratio ours/stock. Figures, not a
pass/fail test. Saved to var/reports/bench.md and .json.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from measure.data import ROOT
from measure.readme import replace_section
from measure.stack import BIN, Stack, current_model

REPORTS = ROOT / "var" / "reports"
WORK = ROOT / "var" / "bench"
CONCURRENCY = (1, 4, 16)
TURNS = 30
OUR_SCRIPT = [
    "hello",
    "someone rang from my bank and I moved money to a safe account",
    "how do I report it",
    "who can support me",
    "my instagram account was hacked and they changed the email",
    "thanks",
]
MOODBOT_SCRIPT = ["hello", "I am sad", "yes", "great", "are you a bot?", "bye"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def conversation(session: aiohttp.ClientSession, url: str, script: list[str], latencies: list[float]) -> None:
    sender = secrets.token_hex(8)
    for turn in range(TURNS):
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": script[turn % len(script)]}) as reply:
            await reply.read()
            reply.raise_for_status()
        latencies.append(time.perf_counter() - started)


async def load(url: str, script: list[str], concurrent: int) -> dict:
    latencies: list[float] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await conversation(session, url, script[:1], [])  # warm up
        started = time.perf_counter()
        await asyncio.gather(*(conversation(session, url, script, latencies) for _ in range(concurrent)))
        wall = time.perf_counter() - started
    return {
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "messages_per_s": len(latencies) / wall,
    }


def resident_mb(pid: int) -> dict:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {key: int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")}


def train_seconds(project: Path, out: Path, args: list[str]) -> float:
    """Training from scratch: an empty cache, so nothing is reused."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": cache, "RASA_TELEMETRY_ENABLED": "false"}
        started = time.monotonic()
        subprocess.run([str(BIN / "rasa"), "train", "--out", str(out), *args],
                       cwd=project, env=env, check=True, capture_output=True)
        return time.monotonic() - started


def moodbot() -> Path:
    project = WORK / "moodbot"
    if not (project / "domain.yml").exists():
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        subprocess.run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
                       check=True, capture_output=True, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    return project


def measure(name: str, stack: Stack, script: list[str]) -> dict:
    print(f"{name}: starting", flush=True)
    with tempfile.TemporaryDirectory() as workdir:
        stack.workdir = Path(workdir)
        try:
            stack.start()
            result = {"load_s": stack.load_seconds["rasa"]}
            url = f"{stack.url}/webhooks/rest/webhook"
            for concurrent in CONCURRENCY:
                result[f"c{concurrent}"] = asyncio.run(load(url, script, concurrent))
                print(f"  {concurrent} concurrent: {result[f'c{concurrent}']}", flush=True)
            result["memory_mb"] = {process: resident_mb(stack.pid(process)) for process in stack.processes}
        finally:
            stack.stop_all()
    return result


def table(ours: dict, stock: dict) -> str:
    rows = ["| figure | ours | stock moodbot | ours / stock |", "|---|---|---|---|"]

    def row(label: str, a: float, b: float, unit: str) -> None:
        rows.append(f"| {label} | {a:.1f} {unit} | {b:.1f} {unit} | {a / b:.2f} |")

    for concurrent in CONCURRENCY:
        key = f"c{concurrent}"
        for p in ("p50", "p95", "p99"):
            row(f"{p} latency, {concurrent} concurrent", ours[key][f"{p}_ms"], stock[key][f"{p}_ms"], "ms")
        row(f"messages/s, {concurrent} concurrent", ours[key]["messages_per_s"], stock[key]["messages_per_s"], "")
    row("Rasa process resident memory (peak)", ours["memory_mb"]["rasa"]["VmHWM"],
        stock["memory_mb"]["rasa"]["VmHWM"], "MB")
    rows.append(f"| action server resident memory (peak) | {ours['memory_mb']['actions']['VmHWM']:.1f} MB | – | – |")
    row("model load time (start to ready)", ours["load_s"], stock["load_s"], "s")
    row("training time (empty cache)", ours["train_s"], stock["train_s"], "s")
    return "\n".join(rows)


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    REPORTS.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    ours_model = current_model()
    mood = moodbot()
    mood_model = str(sorted((mood / "models").glob("*.tar.gz"))[-1])
    ours = measure("ours", Stack(WORK, ours_model, token, rasa_port=5205, actions_port=5255,
                                 # Scripted residents type faster than anyone can.
                                 settings={"CHAT_RATE_LIMIT": "0"}), OUR_SCRIPT)
    stock = measure("stock moodbot", Stack(WORK, mood_model, token, rasa_port=5305, actions_port=None,
                                           project=mood), MOODBOT_SCRIPT)
    print("Training both from an empty cache", flush=True)
    with tempfile.TemporaryDirectory() as out:
        ours["train_s"] = train_seconds(ROOT, Path(out), [])
        stock["train_s"] = train_seconds(mood, Path(out), [])
    report = table(ours, stock)
    when = time.strftime("%Y-%m-%d")
    note = (f"{TURNS} turns per conversation over the REST channel on loopback, "
            f"{os.cpu_count()} cores, {when}.")
    (REPORTS / "bench.md").write_text(f"# Benchmark, {when}\n\n{note}\n\n{report}\n")
    (REPORTS / "bench.json").write_text(json.dumps({"ours": ours, "stock": stock}, indent=2))
    replace_section("bench", f"{note}\n\n{report}")
    print(f"\n{note}\n\n{report}\n\nSaved to {REPORTS / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
