"""JSON Lines output: one record per line, appended and flushed as each document ends.

A run killed at any moment loses nothing already written. A line torn by the kill is
skipped when the file is read back, and `--resume` moves it aside (to `<out>.torn`) so the
file is valid JSONL again. One writer at a time: `OutputLock` holds an exclusive lock on
`<out>.lock` for the whole run, so a second run on the same file fails at once instead of
interleaving lines with the first.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from filelock import FileLock, Timeout

from extractor.errors import ConfigError, ExtractorError
from extractor.records import Record

log = logging.getLogger(__name__)


class OutputError(ExtractorError):
    """The output file cannot be written (disk full, removed, permission changed mid-run)."""

    kind = "output_error"


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


def check_output_path(path: Path) -> None:
    """Refuse an --out that can never hold JSONL, before anything is opened or locked.

    Raises:
        ConfigError: a folder, a device or FIFO (/dev/full, /dev/stdout...), or a parent that is not a folder.
    """
    if path.is_dir():
        raise ConfigError(f"--out {path} is a folder; give a file path, e.g. --out {path / 'out.jsonl'}")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise ConfigError(f"--out {path} is not a regular file (a device or FIFO); give a .jsonl file path")
    for parent in path.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"--out {path}: {parent} is a file, not a folder")
            break


class OutputLock:
    """An exclusive lock on `<out>.lock` for a whole run (released by the OS if the process dies).

    Raises on enter:
        ConfigError: another run holds the lock, or the folder is not writable.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._lock = FileLock(self.lock_path, timeout=0)

    def __enter__(self) -> OutputLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout:
            raise ConfigError(
                f"another extractor run is writing to {self.path} (it holds {self.lock_path}); "
                "wait for it to finish, or choose another --out"
            ) from None
        except OSError as exc:
            raise ConfigError(f"--out {self.path}: cannot write there: {exc.strerror or exc}") from exc
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._lock.release()


def repair_torn_tail(path: Path) -> bytes | None:
    """Cut a torn last line (no newline, not a JSON object) off `path` and append it to `<path>.torn`.

    A last line that is a complete record and only lacks its newline gets the newline instead.
    Call it with the `OutputLock` held. Returns the bytes moved aside, if any.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        start = max(0, size - (1 << 20))
        handle.seek(start)
        tail = handle.read()
        if tail.endswith(b"\n"):
            return None
        cut = tail.rfind(b"\n")
        if cut == -1 and start > 0:
            return None  # a last line over 1 MiB: not something we wrote; leave it alone
        torn = tail[cut + 1 :]
        if _is_object(torn):
            handle.write(b"\n")
            return None
        with path.with_name(path.name + ".torn").open("ab") as aside:
            aside.write(torn + b"\n")
        handle.truncate(start + cut + 1)
        handle.flush()
        os.fsync(handle.fileno())
    log.warning("%s: moved a torn last line (%d bytes) to %s.torn", path, len(torn), path.name)
    return torn


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


#: Seconds between two fsyncs of an output file. Every record is flushed to the OS at once, so a
#: killed run loses nothing; only a machine crash could lose the last ~`SYNC_INTERVAL` seconds of
#: records (--resume redoes them). A sync per record blocked the event loop ~1.3 ms each time, 15 % of
#: the CLI's time on 2,000 documents (issue 11).
SYNC_INTERVAL = 0.5


class JsonlSink:
    """Appends records to a file, flushing each one; synced to disk every `SYNC_INTERVAL` s and at close."""

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            needs_newline = append and path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
            self._handle: IO[str] = path.open("a" if append else "w", encoding="utf-8")
            if needs_newline:
                self._handle.write("\n")
        except OSError as exc:
            raise ConfigError(f"--out {path}: cannot write there: {exc.strerror or exc}") from exc
        self.count = 0
        self._synced = time.monotonic()

    def write(self, record: Record) -> None:
        """Write one record as one line, flushed to the OS (synced to disk at most every `SYNC_INTERVAL` s).

        Raises:
            OutputError: the write failed (disk full...); the records before it are on disk.
        """
        try:
            self._handle.write(record.model_dump_json() + "\n")
            self._handle.flush()
            if time.monotonic() - self._synced >= SYNC_INTERVAL:
                self._sync()
        except OSError as exc:
            raise OutputError(
                f"cannot write to --out {self.path}: {exc.strerror or exc}; "
                f"the {self.count} record(s) before it are kept, rerun with --resume"
            ) from exc
        self.count += 1

    def _sync(self) -> None:
        os.fsync(self._handle.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close the file (an error flushing it at the end is reported, not raised twice)."""
        try:
            try:
                if not self._handle.closed:
                    self._handle.flush()
                    self._sync()
            finally:
                self._handle.close()
        except OSError as exc:
            log.error("closing %s: %s", self.path, exc.strerror or exc)

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
