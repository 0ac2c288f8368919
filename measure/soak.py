"""The soak in `make bench`: many residents at once, for minutes, against one Rasa process.

`SOAK_CONVERSATIONS` (200) conversations run at once over the REST channel on
loopback for `SOAK_SECONDS` (300). Each resident sends a message, reads the
reply, and thinks for a moment before the next, as people do. Reported:
errors (any answer but a 200 with replies; target 0), lost messages (sent,
but missing from the conversation Rasa stored; target 0), and latency.
Saved to var/reports/soak.md and .json, and copied into the README.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import secrets
import tempfile
import time
from pathlib import Path

import aiohttp

from measure.bench import OUR_SCRIPT, REPORTS, percentile
from measure.readme import replace_section
from measure.stack import Stack, current_model

CONVERSATIONS = int(os.environ.get("SOAK_CONVERSATIONS", "200"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "300"))
THINK_SECONDS = (2.0, 6.0)
REQUEST_TIMEOUT = 120


async def resident(session, url: str, deadline: float, results: dict) -> None:
    sender = f"soak-{secrets.token_hex(6)}"
    results["senders"][sender] = 0
    turn = 0
    await asyncio.sleep(random.uniform(0, THINK_SECONDS[1]))  # people arrive over time
    while time.monotonic() < deadline:
        message = OUR_SCRIPT[turn % len(OUR_SCRIPT)]
        turn += 1
        started = time.perf_counter()
        results["senders"][sender] += 1
        try:
            async with session.post(url, json={"sender": sender, "message": message}) as reply:
                body = await reply.json(content_type=None)
                if reply.status != 200 or not body:
                    results["errors"].append(f"HTTP {reply.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            results["errors"].append(type(error).__name__)
        results["latencies"].append(time.perf_counter() - started)
        await asyncio.sleep(random.uniform(*THINK_SECONDS))


async def stored_messages(session, stack: Stack, sender: str) -> int:
    async with session.get(f"{stack.url}/conversations/{sender}/tracker",
                           params={"token": stack.token, "include_events": "ALL"}) as reply:
        events = (await reply.json())["events"]
    return sum(event["event"] == "user" for event in events)


async def soak(stack: Stack) -> dict:
    results: dict = {"senders": {}, "errors": [], "latencies": []}
    url = f"{stack.url}/webhooks/rest/webhook"
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    connector = aiohttp.TCPConnector(limit=CONVERSATIONS)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.monotonic()
        await asyncio.gather(*(resident(session, url, started + SECONDS, results) for _ in range(CONVERSATIONS)))
        wall = time.monotonic() - started
        lost = 0
        for sender, sent in results["senders"].items():
            lost += max(0, sent - await stored_messages(session, stack, sender))
    latencies = results["latencies"]
    return {
        "conversations": CONVERSATIONS,
        "seconds": round(wall),
        "messages": len(latencies),
        "messages_per_s": len(latencies) / wall,
        "errors": len(results["errors"]),
        "error_kinds": sorted(set(results["errors"])),
        "lost": lost,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies) * 1000,
    }


def table(result: dict) -> str:
    return "\n".join([
        f"{result['conversations']} conversations at once for {result['seconds']} s against one Rasa "
        f"process on loopback (2 cores), {dt.date.today().isoformat()}; each resident waits for the reply "
        f"and thinks {THINK_SECONDS[0]:.0f}–{THINK_SECONDS[1]:.0f} s before the next message.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| messages sent | {result['messages']} ({result['messages_per_s']:.1f}/s) |",
        f"| errors (target 0) | {result['errors']} {', '.join(result['error_kinds'])} |",
        f"| lost messages (target 0) | {result['lost']} |",
        f"| latency p50 / p95 / p99 | {result['p50_ms']:.0f} / {result['p95_ms']:.0f} / {result['p99_ms']:.0f} ms |",
        f"| slowest reply | {result['max_ms']:.0f} ms |",
    ])


def main() -> int:
    REPORTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(Path(workdir), current_model(), secrets.token_hex(16), rasa_port=5505, actions_port=5555)
        try:
            stack.start()
            print(f"Soak: {CONVERSATIONS} conversations for {SECONDS:.0f} s", flush=True)
            result = asyncio.run(soak(stack))
        finally:
            stack.stop_all()
    text = table(result)
    print(text)
    (REPORTS / "soak.json").write_text(json.dumps(result, indent=2))
    (REPORTS / "soak.md").write_text(f"# Soak\n\n{text}\n")
    replace_section("soak", text)
    return 0 if result["errors"] == 0 and result["lost"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
