"""The offline kill switch: only loopback connections work while the test suite runs.

Any socket connection to an address outside loopback (127.0.0.0/8, ::1, 'localhost') or
AF_UNIX raises `NetworkBlocked` *before* any DNS lookup or packet, and is recorded in
`violations`, so `tests/conftest.py` fails the test that tried even if the code under test
swallowed the exception. Non-literal hostnames other than 'localhost' are refused without
being resolved. `tests/test_kill_switch.py` proves it.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

_LOCAL_NAMES = frozenset({"localhost", "localhost.", "localhost.localdomain"})


class NetworkBlocked(OSError):
    """A test tried to reach a non-loopback address."""


violations: list[str] = []


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
    violations.append(message)
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
