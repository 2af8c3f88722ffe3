"""A llama-cpp-python OpenAI-compatible server, run as our own child process.

`LlamaServer` spawns ``python -m llama_cpp.server``, sends its output to a log file (never
a pipe that could fill up and block it), waits until ``GET /v1/models`` answers, and on
`stop` terminates it (then kills it). The child never outlives us: it runs in its own
session (a Ctrl-C reaches only us, and we stop it in order), Linux kills it when we die
(PR_SET_PDEATHSIG), and an atexit hook stops any server still running at exit.

Server flags, as measured on a 2-core CPU box with the 1.5B Q4_K_M model:
* ``--logits_all false``: the server default (true) copies the logits of every prompt
  token into Python (600 KB per token for Qwen's 152k vocabulary), which costs about 10-25%
  on a 1k-token prompt and makes the perf counters misreport prompt eval time.
* No ``--cache``: the server already reuses the KV cache for the prefix shared with the
  previous request ("Llama.generate: N prefix-match hit" in the log), which covers a shared
  system prompt, re-asks and retries. ``--cache true`` adds a RAM cache of whole states whose
  size limit ignores the saved logits (~300 MB per entry), so it grows to many GB.
* ``--verbose true``: per request, the log gets the prefix-match line and llama.cpp's
  ``llama_perf_context_print`` block (see `extractor.backends.embedded.parse_perf_log`).
"""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import BackendError, ConfigError

#: Environment variables the server reads that would override our command line.
_ENV_OVERRIDES = ("HOST", "PORT", "CONFIG_FILE")
_LIVE: set[LlamaServer] = set()
_LIVE_LOCK = threading.Lock()


def usable_cores() -> int:
    """CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)  # Linux only
    return len(affinity(0)) if affinity else os.cpu_count() or 1


@dataclass(frozen=True)
class ServerConfig:
    """How to run one server.

    Attributes:
        model_path: the GGUF file.
        alias: model name the server reports and accepts.
        log_path: file receiving the server's stdout and stderr.
        host: interface to bind; 127.0.0.1 keeps it private to this machine.
        port: TCP port; None picks a free one.
        n_ctx: context size in tokens (prompt + output).
        n_threads: CPU threads; None uses every usable core.
        startup_timeout: seconds to wait for the model to load and the API to answer.
        extra_args: more ``--flag value`` pairs for ``llama_cpp.server``.
        parallel: requests answered at once. 1 runs ``llama_cpp.server`` (one at a time);
            more runs `extractor.backends.batched`, which decodes that many in one batch and
            shares a prompt prefix between them.
    """

    model_path: Path
    alias: str
    log_path: Path
    host: str = "127.0.0.1"
    port: int | None = None
    n_ctx: int = 8192
    n_threads: int | None = None
    startup_timeout: float = 300.0
    extra_args: tuple[str, ...] = field(default=())
    parallel: int = 1


def normalize_base_url(url: str) -> str:
    """``http://host:port`` or ``http://host:port/v1/`` -> ``http://host:port/v1``."""
    url = url.strip().rstrip("/")
    return url if url.endswith("/v1") else f"{url}/v1"


def list_models(base_url: str, timeout: float = 2.0) -> list[str]:
    """The model ids an OpenAI-compatible server lists at ``GET {base_url}/models``.

    Raises:
        OSError: the server did not answer (refused, timeout, HTTP error, not JSON).
    """
    with urllib.request.urlopen(f"{base_url}/models", timeout=timeout) as response:
        try:
            payload = json.loads(response.read())
        except ValueError as exc:
            raise OSError(f"{base_url}/models did not answer with JSON") from exc
    return [str(item.get("id")) for item in payload.get("data", []) if isinstance(item, dict)]


def new_log_path(log_dir: Path, keep: int = 10) -> Path:
    """A fresh log file name; logs beyond the newest `keep` go once idle for an hour."""
    log_dir.mkdir(parents=True, exist_ok=True)
    old = sorted(log_dir.glob("llama-server-*.log"), key=lambda p: p.stat().st_mtime)[: -keep or None]
    for stale in old:
        if stale.stat().st_mtime < time.time() - 3600:
            stale.unlink(missing_ok=True)
    return log_dir / f"llama-server-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class LlamaServer:
    """One model server child (``llama_cpp.server`` or `extractor.backends.batched`).

    `spawn` + `wait_ready` (or `start`), then `stop`.
    """

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.port = config.port
        self.process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._respawns = 0
        self._deadline = 0.0

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``, known once spawned (a wildcard host maps to loopback)."""
        host = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(self.config.host, self.config.host)
        return f"http://{host}:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        """The child's process id while one was spawned."""
        return self.process.pid if self.process else None

    def spawn(self) -> None:
        """Launch the child; returns at once (then `wait_ready`).

        Raises:
            ConfigError: an explicitly chosen port is already taken.
        """
        config = self.config
        if config.port is None:
            self.port = free_port(config.host)
        else:
            _check_port_free(config.host, config.port)
        if self.process is None:
            self._deadline = time.monotonic() + config.startup_timeout
        threads = str(config.n_threads or usable_cores())
        if config.parallel > 1:
            command = [
                sys.executable, "-m", "extractor.backends.batched",
                "--model", str(config.model_path), "--alias", config.alias,
                "--host", config.host, "--port", str(self.port),
                "--n_ctx", str(config.n_ctx), "--threads", threads, "--parallel", str(config.parallel),
                *config.extra_args,
            ]
        else:
            command = [
                sys.executable, "-m", "llama_cpp.server",
                "--model", str(config.model_path), "--model_alias", config.alias,
                "--host", config.host, "--port", str(self.port),
                "--n_ctx", str(config.n_ctx), "--n_threads", threads, "--n_threads_batch", threads,
                "--logits_all", "false", "--cache", "false", "--verbose", "true",
                *config.extra_args,
            ]
        env = {k: v for k, v in os.environ.items() if k not in _ENV_OVERRIDES}
        env["PYTHONUNBUFFERED"] = "1"
        config.log_path.parent.mkdir(parents=True, exist_ok=True)
        with config.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True, preexec_fn=_die_with_parent(),
            )
        with _LIVE_LOCK:
            _LIVE.add(self)

    def check_alive(self) -> None:
        """Raise if the child died or the startup deadline passed (a lost port race respawns).

        Call it from the thread that called `spawn` (a respawn must happen there too).

        Raises:
            BackendError: the child has exited or never answered; the message has the log tail.
        """
        if self.process is None:
            raise BackendError("the embedded model server was never started")
        code = self.process.poll()
        if code is not None and self._lost_port_race():
            self._respawns += 1
            self.spawn()
        elif code is not None:
            raise BackendError(
                f"the embedded model server exited with code {code} while starting; "
                f"last lines of {self.config.log_path}:\n{self.log_tail()}"
            )
        elif time.monotonic() > self._deadline:
            raise BackendError(
                f"the embedded model server did not answer at {self.base_url} within "
                f"{self.config.startup_timeout:.0f}s; last lines of {self.config.log_path}:\n{self.log_tail()}"
            )

    def answers(self) -> bool:
        """True if ``GET /v1/models`` answers now."""
        try:
            list_models(self.base_url, timeout=2.0)
        except OSError:
            return False
        return True

    async def wait_ready(self, poll_seconds: float = 0.2) -> str:
        """Wait until the API answers and return the base URL; stop the child on failure.

        The one readiness loop, for the embedded backend and for `start`. Run it on the
        thread that called `spawn` (a lost port race respawns there); only the HTTP probe
        goes to a worker thread.

        Raises:
            BackendError: the child died or did not answer within its startup timeout.
        """
        try:
            self.check_alive()
            while not await asyncio.to_thread(self.answers):
                await asyncio.sleep(poll_seconds)
                self.check_alive()
        except BaseException:
            await asyncio.to_thread(self.stop)
            raise
        return self.base_url

    def start(self) -> str:
        """`spawn`, then block in `wait_ready`; returns the base URL (for ``extractor model serve``)."""
        self.spawn()
        return asyncio.run(self.wait_ready())

    def wait(self) -> int:
        """Block until the child exits (e.g. for ``extractor model serve``); its exit code."""
        if self.process is None:
            raise BackendError("the embedded model server was never started")
        return self.process.wait()

    def stop(self, grace: float = 3.0) -> None:
        """Terminate the child, wait up to `grace` seconds, then kill it. Safe to repeat.

        The grace is short: on SIGTERM uvicorn waits for an in-flight completion, which
        llama.cpp cannot interrupt, and the server holds nothing worth a clean shutdown.
        """
        with self._lock:
            process = self.process
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=grace)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            with _LIVE_LOCK:
                _LIVE.discard(self)

    def log_tail(self, lines: int = 30) -> str:
        """The last `lines` lines of the server log ('' if unreadable)."""
        try:
            with self.config.log_path.open("rb") as handle:
                handle.seek(0, os.SEEK_END)
                handle.seek(max(0, handle.tell() - 64_000))
                text = handle.read().decode("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _lost_port_race(self) -> bool:
        """True if a port we picked was taken by someone else before the child bound it."""
        return self.config.port is None and self._respawns < 2 and "address already in use" in self.log_tail()


def _check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another port") from exc


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGKILL the child when this process dies."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()
    pr_set_pdeathsig = 1

    def preexec() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


@atexit.register
def _stop_all() -> None:
    with _LIVE_LOCK:
        servers = list(_LIVE)
    for server in servers:
        server.stop()
