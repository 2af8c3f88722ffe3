"""The offline kill switch (tests/network_guard.py, installed by tests/conftest.py) really refuses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fakeserver import FakeServer
from tests.network_guard import NetworkBlocked, is_loopback, violations


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
    assert violations, "the violation must be recorded so the fixture can fail a test that swallowed it"


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
