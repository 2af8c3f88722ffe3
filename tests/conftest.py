"""Shared test fixtures, and the offline kill switch.

The kill switch: the test suite must never reach the network. Any socket connection to an
address outside loopback (127.0.0.0/8, ::1, 'localhost') or AF_UNIX raises `NetworkBlocked`
*before* any DNS lookup or packet, and fails the test that tried, even if the code under
test swallowed the exception (an engine that turns connection errors into error records
would otherwise hide it). Non-literal hostnames other than 'localhost' are refused
without being resolved.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakeserver import FakeServer

_LOCAL_NAMES = frozenset({"localhost", "localhost.", "localhost.localdomain"})


class NetworkBlocked(OSError):
    """A test tried to reach a non-loopback address."""


_violations: list[str] = []


def is_loopback(host: Any) -> bool:
    """Whether `host` (an IP literal or a name) is loopback, deciding without any DNS lookup."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().lower()
    if name in _LOCAL_NAMES:
        return True
    name = name.strip("[]").split("%", 1)[0]  # '[::1]', 'fe80::1%eth0'
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a hostname: refused unresolved
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _check(family: Any, address: Any) -> None:
    if family == getattr(socket, "AF_UNIX", object()):
        return
    host = address[0] if isinstance(address, tuple) and address else address
    if is_loopback(host):
        return
    message = f"network access blocked in tests: connection to {address!r} (only loopback is allowed)"
    _violations.append(message)
    raise NetworkBlocked(message)


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo
_real_gethostbyname = socket.gethostbyname
_real_gethostbyname_ex = socket.gethostbyname_ex
_real_sendto = socket.socket.sendto


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check(self.family, address)
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check(self.family, address)
    return _real_connect_ex(self, address)


def _guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    _check(socket.AF_INET, address)
    return _real_create_connection(address, *args, **kwargs)


def _guarded_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    # asyncio resolves names through this before connecting: refuse before any DNS traffic.
    if host is not None:
        _check(socket.AF_INET, (host, port))
    return _real_getaddrinfo(host, port, *args, **kwargs)


def _guarded_gethostbyname(host: str) -> str:
    _check(socket.AF_INET, (host, 0))
    return _real_gethostbyname(host)


def _guarded_gethostbyname_ex(host: str) -> tuple[str, list[str], list[str]]:
    _check(socket.AF_INET, (host, 0))
    return _real_gethostbyname_ex(host)


def _guarded_sendto(self: socket.socket, data: Any, *args: Any) -> int:
    # UDP needs no connect (a DNS query, say): check the destination, the last argument.
    if self.family in (socket.AF_INET, socket.AF_INET6) and args:
        _check(self.family, args[-1])
    return int(_real_sendto(self, data, *args))


_PATCHES: tuple[tuple[Any, str, Any, Any], ...] = (
    (socket.socket, "connect", _guarded_connect, _real_connect),
    (socket.socket, "connect_ex", _guarded_connect_ex, _real_connect_ex),
    (socket.socket, "sendto", _guarded_sendto, _real_sendto),
    (socket, "create_connection", _guarded_create_connection, _real_create_connection),
    (socket, "getaddrinfo", _guarded_getaddrinfo, _real_getaddrinfo),
    (socket, "gethostbyname", _guarded_gethostbyname, _real_gethostbyname),
    (socket, "gethostbyname_ex", _guarded_gethostbyname_ex, _real_gethostbyname_ex),
)


def install_network_guard() -> None:
    """Patch the socket module so only loopback connections work (idempotent)."""
    for owner, name, guarded, _ in _PATCHES:
        setattr(owner, name, guarded)


def uninstall_network_guard() -> None:
    """Undo `install_network_guard`."""
    for owner, name, _, real in _PATCHES:
        setattr(owner, name, real)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_network_violation: the test provokes the kill switch on purpose")
    install_network_guard()


def pytest_unconfigure(config: pytest.Config) -> None:
    uninstall_network_guard()


@pytest.fixture(autouse=True)
def _no_network(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test that tried to leave loopback, even if the code swallowed the error."""
    install_network_guard()  # a test or library may have restored the originals
    start = len(_violations)
    yield
    tried = _violations[start:]
    del _violations[start:]
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


# -- the proof that the kill switch works (collected when this file is passed to pytest) ----------


@pytest.mark.allow_network_violation
@pytest.mark.parametrize(
    ("target", "how"),
    [
        (("10.255.255.1", 80), "connect"),
        (("10.255.255.1", 80), "connect_ex"),
        (("10.255.255.1", 80), "create_connection"),
        (("example.com", 80), "create_connection"),
        (("example.com", 443), "getaddrinfo"),
        (("example.com", 0), "gethostbyname"),
        (("8.8.8.8", 53), "sendto"),
        (("2001:db8::1", 80), "connect6"),
    ],
)
def test_kill_switch_blocks_non_loopback(target: tuple[str, int], how: str) -> None:
    import time

    started = time.monotonic()
    with pytest.raises(NetworkBlocked, match="network access blocked"):
        if how == "create_connection":
            socket.create_connection(target, timeout=5)
        elif how == "getaddrinfo":
            socket.getaddrinfo(*target)
        elif how == "gethostbyname":
            socket.gethostbyname(target[0])
        elif how == "sendto":
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                udp.sendto(b"\x00" * 12, target)
        else:
            family = socket.AF_INET6 if how == "connect6" else socket.AF_INET
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(5)
                if how == "connect_ex":
                    sock.connect_ex(target)
                else:
                    sock.connect(target)
    # Refused before any packet or DNS query: a real attempt to a black-holed address would hang.
    assert time.monotonic() - started < 0.1
    assert _violations, "the violation must be recorded so the fixture can fail a test that swallowed it"


def test_kill_switch_lets_loopback_through(fake_server: FakeServer) -> None:
    for host in ("127.0.0.1", "localhost"):
        with socket.create_connection((host, fake_server.port), timeout=5) as sock:
            sock.sendall(b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.sendto(b"ping", ("127.0.0.1", 9))  # loopback UDP is fine too
    assert socket.gethostbyname("localhost").startswith("127.")
    assert is_loopback("127.8.9.10") and is_loopback("::1") and is_loopback("::ffff:127.0.0.1")
    assert not is_loopback("10.0.0.1") and not is_loopback("example.com") and not is_loopback("")


def test_kill_switch_fails_a_test_that_swallowed_the_error(tmp_path: Path) -> None:
    """Code under test that catches the OSError still gets its test failed (by the autouse fixture)."""
    test_file = tmp_path / "test_swallow.py"
    test_file.write_text(
        "import socket\n\n"
        "def test_swallows():\n"
        "    try:\n"
        "        socket.create_connection(('10.255.255.1', 80), timeout=5)\n"
        "    except OSError:\n"
        "        pass  # the code under test hides the failure\n\n"
        "def test_loopback_only():\n"
        "    socket.getaddrinfo('127.0.0.1', 80)\n"
    )
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", "-q",
         "--rootdir", str(tmp_path), str(test_file)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ERROR test_swallow.py::test_swallows" in result.stdout, result.stdout
    assert "2 passed, 1 error" in result.stdout, result.stdout  # the loopback test is untouched
    assert "network access blocked" in result.stdout and "10.255.255.1" in result.stdout
