"""The one readiness loop of `LlamaServer`, without llama.cpp: a stand-in child process and the
loopback fake server play the model server (the real server is tested under the `embedded` marker)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.backends.llama_server import LlamaServer, ServerConfig
from extractor.errors import BackendError
from tests.fakeserver import FakeServer


def server_with_child(tmp_path: Path, port: int, code: str, startup_timeout: float = 30.0) -> LlamaServer:
    """A `LlamaServer` whose child is `python -c code` (its output in the log), as `spawn` would leave it."""
    log_path = tmp_path / "server.log"
    config = ServerConfig(model_path=tmp_path / "m.gguf", alias="m", log_path=log_path, port=port,
                          startup_timeout=startup_timeout)
    server = LlamaServer(config)
    with log_path.open("wb") as log:
        server.process = subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=subprocess.STDOUT)
    server._deadline = time.monotonic() + startup_timeout
    return server


async def test_waits_until_the_api_answers(tmp_path: Path, fake_server: FakeServer,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    server = server_with_child(tmp_path, fake_server.port, "import time; time.sleep(60)")
    probes: list[bool] = []
    real_answers = LlamaServer.answers

    def answers(self: LlamaServer) -> bool:  # still loading for the first two probes
        probes.append(len(probes) >= 2 and real_answers(self))
        return probes[-1]

    monkeypatch.setattr(LlamaServer, "answers", answers)
    try:
        assert await server.wait_ready(poll_seconds=0.01) == f"http://127.0.0.1:{fake_server.port}/v1"
        assert probes == [False, False, True]
        assert server.process is not None and server.process.poll() is None  # ready: left running
    finally:
        server.stop()
    assert server.process.poll() is not None


async def test_a_child_that_dies_while_starting_is_an_error_with_its_log(tmp_path: Path) -> None:
    server = server_with_child(tmp_path, 9, "print('llama_model_load: error loading model'); raise SystemExit(3)")
    with pytest.raises(BackendError, match="exited with code 3") as failure:
        await server.wait_ready(poll_seconds=0.01)
    assert "error loading model" in str(failure.value)


async def test_a_child_that_never_answers_is_stopped_at_the_deadline(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LlamaServer, "answers", lambda self: False)
    server = server_with_child(tmp_path, 9, "import time; time.sleep(60)", startup_timeout=0.3)
    with pytest.raises(BackendError, match="did not answer"):
        await server.wait_ready(poll_seconds=0.01)
    assert server.process is not None and server.process.poll() is not None, "the child must not be left behind"
