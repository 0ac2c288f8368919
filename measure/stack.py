"""Starts a Rasa server (and our action server and helpdesk) for real, on loopback.

Used by the end-to-end tests and by the measurements. Ports differ from
`make run`'s (5005, 5055, 8000) so they can run beside it; conversations and
cases go to fresh SQLite files in a working folder.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 300
# A force's own site in the embedding test: another origin the chat may run on.
FORCE_SITE_PORT = 8199


def current_model() -> str:
    """The model for the current data, trained first if there is none (scripts/train.sh)."""
    return subprocess.run(
        ["bash", "scripts/train.sh"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


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
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start within {STARTUP_SECONDS}s:\n{log.read_text()[-3000:]}")


@dataclass
class Stack:
    """A Rasa server with a model and, for this project, its action server."""

    workdir: Path
    model: str
    token: str
    rasa_port: int = 5105
    actions_port: Optional[int] = 5155
    helpdesk_port: Optional[int] = None
    project: Path = ROOT
    # Extra environment for every process, e.g. {"CHAT_RATE_LIMIT": "0"}.
    settings: dict = field(default_factory=dict)
    processes: dict = field(default_factory=dict)
    load_seconds: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def helpdesk_url(self) -> str:
        return f"http://127.0.0.1:{self.helpdesk_port}"

    @property
    def helpdesk_token(self) -> str:
        return f"helpdesk-{self.token}"

    def env(self) -> dict:
        env = {
            **os.environ,
            "ACTIONS_TOKEN": f"actions-{self.token}",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'rasa.db'}",
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
        }
        if self.helpdesk_port:
            env.update({
                "HELPDESK_DATABASE_URL": f"sqlite:///{self.workdir / 'helpdesk.db'}",
                "HELPDESK_TOKEN": self.helpdesk_token,
                "HELPDESK_URL": self.helpdesk_url,
                "HANDOVER_RETRY_SECONDS": "1",
                "RASA_URL": self.url,
                "RASA_TOKEN": self.token,
                "CHAT_SOCKET_URL": self.url,
                "CHAT_ALLOWED_ORIGINS": f"{self.helpdesk_url},http://127.0.0.1:{FORCE_SITE_PORT}",
            })
        return {**env, **self.settings}

    @property
    def database_urls(self) -> dict[str, str]:
        """The bot's and the helpdesk's databases."""
        env = self.env()
        return {"bot": env["DATABASE_URL"], "helpdesk": env.get("HELPDESK_DATABASE_URL", "")}

    def _start(self, name: str, args: list[str], ready_url: str, **env: str) -> None:
        log = self.workdir / f"{name}.log"
        started = time.monotonic()
        process = subprocess.Popen(
            args, cwd=self.project, env={**self.env(), **env}, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        self.processes[name] = process
        wait_for(ready_url, process, log)
        self.load_seconds[name] = time.monotonic() - started

    def start_actions(self, **env: str) -> None:
        """The action server; `env` adds settings, e.g. ASSISTANT_NOW for a fixed clock."""
        self._start(
            "actions",
            [str(BIN / "python"), "-m", "bot.action_server", "--port", str(self.actions_port)],
            f"http://127.0.0.1:{self.actions_port}/health",
            **env,
        )

    def start_helpdesk(self) -> None:
        self._start(
            "helpdesk",
            [str(BIN / "python"), "-m", "bot.helpdesk", "serve", "--port", str(self.helpdesk_port)],
            f"{self.helpdesk_url}/api/health",
        )

    def start_rasa(self) -> None:
        args = [
            str(BIN / "rasa"), "run", "--model", self.model, "--enable-api",
            f"--auth-token={self.token}", "--interface", "127.0.0.1", "--port", str(self.rasa_port),
        ]
        if self.actions_port:
            endpoints = self.workdir / "endpoints.yml"
            endpoints.write_text(
                (self.project / "endpoints.yml").read_text().replace(":5055/", f":{self.actions_port}/")
            )
            args += ["--endpoints", str(endpoints), "--credentials", str(self.project / "credentials.yml")]
        self._start("rasa", args, f"{self.url}/")

    def start(self) -> "Stack":
        if self.helpdesk_port:
            self.start_helpdesk()
        if self.actions_port:
            self.start_actions()
        self.start_rasa()
        return self

    def pid(self, name: str) -> int:
        return self.processes[name].pid

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
