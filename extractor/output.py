"""JSON Lines output: one record per line, appended and flushed as each document ends.

A run killed at any moment loses nothing already written; a line torn by the kill is
skipped when the file is read back, and the next append starts on a fresh line.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from extractor.records import Record

log = logging.getLogger(__name__)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file as dicts; torn or foreign lines are skipped with a warning."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                log.warning("%s:%d: not a JSON record (torn write?), skipped", path, number)
                continue
            if isinstance(data, dict) and "doc_id" in data:
                yield data


def done_ids(path: Path) -> set[str]:
    """doc_ids that already have an `ok` record in a file (what `--resume` skips)."""
    return {r["doc_id"] for r in read_records(path) if r.get("status") == "ok"}


class JsonlSink:
    """Appends records to a file, flushing and syncing each one."""

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        needs_newline = append and path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
        self._handle: IO[str] = path.open("a" if append else "w", encoding="utf-8")
        if needs_newline:
            self._handle.write("\n")
        self.count = 0

    def write(self, record: Record) -> None:
        """Write one record as one line, durably."""
        self._handle.write(record.model_dump_json() + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.count += 1

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
