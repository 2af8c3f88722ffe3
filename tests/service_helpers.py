"""Running `extractor serve` for real (a subprocess on a free loopback port) against the fake model."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2

from tests.fakeserver import FakeServer

REPO = Path(__file__).resolve().parents[1]
SERVICE_KEY = "service-key-not-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def article(index: int, home: str | None = None, away: str | None = None) -> str:
    home, away = home or f"Homeside{index}", away or f"Awayside{index}"
    return (f"DOC: {index:05d}\nMatch report number {index}. The visitors were beaten after a long evening.\n"
            f"RESULT: {home} 2-1 {away}\n")


class Service:
    """`extractor serve` in a subprocess: start, wait until healthy, stop or kill -9."""

    def __init__(self, fake: FakeServer, store: Path, *extra: str, api_key: str | None = None,
                 concurrency: int = 4) -> None:
        self.fake, self.store, self.extra, self.api_key = fake, store, extra, api_key
        self.concurrency = concurrency
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = store.parent / f"serve-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    def client(self, **options: Any) -> httpx2.Client:
        return httpx2.Client(base_url=self.url, headers=self.headers(), timeout=options.pop("timeout", 60), **options)

    def start(self, timeout: float = 90) -> Service:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
        env.update(OPENAI_API_KEY="test-key-not-secret", PYTHONPATH=str(REPO),
                   EXTRACTOR_BACKOFF_INITIAL="0.01", EXTRACTOR_BACKOFF_MAX="0.1")
        if self.api_key:
            env["EXTRACTOR_SERVICE_API_KEY"] = self.api_key
        command = [sys.executable, "-m", "extractor.cli", "serve", "--backend", "openai", "--base-url", self.fake.url,
                   "--mode", "json", "--model", "fake-model", "--port", str(self.port), "--store", str(self.store),
                   "-j", str(self.concurrency), *self.extra]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=self.store.parent)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"extractor serve exited {self.process.returncode}: {self.log.read_text()}")
            try:
                if httpx2.get(f"{self.url}/healthz", headers=self.headers(), timeout=2).status_code == 200:
                    return self
            except httpx2.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"extractor serve did not become healthy: {self.log.read_text()}")

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill9()

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def wait_for_job(client: httpx2.Client, job_id: str, timeout: float = 240, until: int | None = None) -> dict[str, Any]:
    """Poll until the job ends (or has `until` documents done)."""
    deadline = time.monotonic() + timeout
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/v1/jobs/{job_id}").json()
        if status["state"] in ("done", "cancelled") or (until is not None and status["done"] >= until):
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s: {status}")
