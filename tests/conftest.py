"""Shared test fixtures, and the offline kill switch (`tests/network_guard.py`).

The suite must never reach the network: the guard is installed for the whole session, and
the autouse fixture fails any test that tried to leave loopback, even if the code under test
swallowed the error (an engine that turns connection errors into error records would
otherwise hide it). `tests/test_kill_switch.py` proves both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.fakeserver import FakeServer
from tests.network_guard import install_network_guard, uninstall_network_guard, violations


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_network_violation: the test provokes the kill switch on purpose")
    install_network_guard()


def pytest_unconfigure(config: pytest.Config) -> None:
    uninstall_network_guard()


@pytest.fixture(autouse=True)
def _no_network(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test that tried to leave loopback, even if the code swallowed the error."""
    install_network_guard()  # a test or library may have restored the originals
    start = len(violations)
    yield
    tried = violations[start:]
    del violations[start:]
    if tried and "allow_network_violation" not in request.keywords:
        pytest.fail("\n".join(tried), pytrace=False)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No EXTRACTOR_* / OPENAI_* variables from the developer's shell leak into Settings."""
    for name in list(os.environ):
        if name.startswith(("EXTRACTOR_", "OPENAI_")):
            monkeypatch.delenv(name)


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A running fault-injecting OpenAI-compatible server on 127.0.0.1, stopped after the test."""
    with FakeServer() as server:
        yield server
        assert not server.errors, f"the fake server itself failed: {server.errors}"
