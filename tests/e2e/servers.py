"""Starts the real action server and Rasa server on loopback for the e2e tests.

Ports differ from `make run`'s (5005, 5055) so the tests can run beside it;
conversations go to a fresh SQLite file in a temporary folder.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RASA_PORT = 5105
ACTIONS_PORT = 5155
STARTUP_SECONDS = 240


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited while starting:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not start within {STARTUP_SECONDS}s:\n{log.read_text()[-3000:]}")


@dataclass
class Stack:
    """The action server and the Rasa server, started for real."""

    workdir: Path
    model: str
    token: str
    processes: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{RASA_PORT}"

    def env(self) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.workdir / 'rasa.db'}",
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
        }

    def _start(self, name: str, args: list[str], ready_url: str) -> None:
        log = self.workdir / f"{name}.log"
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env(), stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        self.processes[name] = process
        wait_for(ready_url, process, log)

    def start_actions(self) -> None:
        self._start(
            "actions",
            [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(ACTIONS_PORT)],
            f"http://127.0.0.1:{ACTIONS_PORT}/health",
        )

    def start_rasa(self) -> None:
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(
            (ROOT / "endpoints.yml").read_text().replace(":5055/", f":{ACTIONS_PORT}/")
        )
        self._start(
            "rasa",
            [
                str(BIN / "rasa"), "run", "--model", self.model, "--enable-api",
                f"--auth-token={self.token}", "--interface", "127.0.0.1",
                "--port", str(RASA_PORT), "--endpoints", str(endpoints),
                "--credentials", str(ROOT / "credentials.yml"),
            ],
            f"{self.url}/",
        )

    def stop(self, name: str) -> None:
        process = self.processes.pop(name)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
