"""Giving freed heap memory back to the operating system during a long run.

A run over hundreds of thousands of documents allocates and frees the same few kinds of
buffers (request bodies, answers, records) millions of times; glibc's allocator keeps the
freed pages, scattered through its heaps, so resident memory crept up although the live data
did not grow (sampled in one run: the heap's free space 4 -> 6 MB from 4,000 to 47,000
documents, with Python's own block count flat; issue 11, bench/memory.py).
`malloc_trim(0)` hands those pages back (a few milliseconds); the run loop calls `trim` every
`TRIM_EVERY` records. Where the C library has no `malloc_trim` (musl, macOS) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

#: Records between two trims in a run.
TRIM_EVERY = 5_000


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        function: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return function


def trim() -> bool:
    """Return the heap's free pages to the OS; False where the C library cannot."""
    function = _malloc_trim()
    if function is None:
        return False
    function(0)
    return True
