"""What a run will do with each input: extract it, skip it (--resume), or give it a record of its own.

`Work(paths, skip)` streams the run's items as they are taken, in path order: a file to extract,
a `Duplicate` (same bytes as an earlier file: extracted once), or an `Unusable` from discovery.
Files whose doc_id is in `skip` are counted and left out. Nothing grows with the number of
files but the set of doc_ids seen, 8 bytes each (`DigestSet`), which is what makes "one record
per doc_id per run" checkable without a list of paths. `plan` is the same as a list, for small
inputs and for callers that want to look at the items first.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractor.discovery import Discovery, Unusable
from extractor.documents import path_doc_id

#: `error.type` of the record a second copy of the same bytes gets (it is not extracted twice).
DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Duplicate:
    """A file whose bytes equal an earlier file's: same doc_id, so it is extracted once, in that file's record."""

    path: Path
    first_doc_id: str


#: One unit of a run: a file to extract, or a file that only gets a record saying why not.
WorkItem = Path | Unusable | Duplicate


class Work:
    """A run's items, decided as they are taken; iterate it once per run.

    The counters are filled as the items are taken: `found` usable input files (before --resume
    skipped any), `skipped` files whose doc_id is in `skip`, `duplicates` copies of an earlier file.

    Raises on construction:
        InputError: a path given does not exist (before anything runs).
    """

    def __init__(self, paths: Sequence[str | Path], skip: Collection[str] = (), *, follow_symlinks: bool = False):
        self.discovery = Discovery(paths, follow_symlinks=follow_symlinks)
        self.skip = skip
        self.found = 0
        self.skipped = 0
        self.duplicates = 0

    def __iter__(self) -> Iterator[WorkItem]:
        self.found = self.skipped = self.duplicates = 0
        seen = DigestSet()
        for item in self.discovery:
            if isinstance(item, Unusable):
                yield item
                continue
            self.found += 1
            doc_id = path_doc_id(item)  # reads the file once more: the pipeline reads it again to extract
            if doc_id in self.skip:
                self.skipped += 1
            elif not seen.add(int(doc_id, 16)):
                self.duplicates += 1
                yield Duplicate(item, doc_id)
            else:
                yield item

    def count(self) -> int:
        """About how many items and skips the run will have (a quick listing; for a progress bar)."""
        return self.discovery.count()


@dataclass
class Plan:
    """What a run will do, as a list, decided before anything is opened for writing."""

    items: list[WorkItem] = field(default_factory=list)
    found: int = 0  # usable input files, before --resume skipped any
    skipped: int = 0  # files --resume skips (their doc_id has an ok record)

    @property
    def files(self) -> list[Path]:
        """The files that will be extracted."""
        return [item for item in self.items if isinstance(item, Path)]


def plan(paths: Sequence[str | Path], skip: Collection[str] = (), *, follow_symlinks: bool = False) -> Plan:
    """`Work` as a list: each input's fate (extract, duplicate, or unusable); doc_ids in `skip` left out.

    Files with identical bytes share a doc_id; the first (in path order) is extracted, every
    later copy becomes a `Duplicate` that names the doc_id.

    Raises:
        InputError: a path given does not exist.
    """
    work = Work(paths, skip, follow_symlinks=follow_symlinks)
    items = list(work)
    return Plan(items=items, found=work.found, skipped=work.skipped)


def pending(paths: Sequence[str | Path], skip: Collection[str] = ()) -> list[Path]:
    """Files under `paths` whose doc_id is not in `skip` (one per doc_id; see `plan` for the rest)."""
    return plan(paths, skip).files


class DigestSet:
    """A set of 64-bit digests (doc_ids as integers) in 8 bytes a slot, at most 90 % full.

    ~9-18 bytes per entry, where a Python set of ints costs ~80 and of the 16-character doc_id
    strings ~110: 200,000 files cost 2 MB instead of ~20 MB. Open addressing in a power-of-two
    table with triangular probing (it visits every slot, and stays short when the table is
    full); the digests are sha256 bits, so their low bits spread evenly without hashing again.
    """

    _MAX_FILL = 0.9

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * 1024))
        self._used = 0
        self._zero = False  # 0 marks an empty slot, so the digest 0 is kept aside

    def __len__(self) -> int:
        return self._used + self._zero

    def __contains__(self, digest: object) -> bool:
        if not isinstance(digest, int):
            return False
        if digest == 0:
            return self._zero
        return self._slots[self._slot(digest)] == digest

    def _slot(self, digest: int) -> int:
        """Where `digest` is, or the empty slot where it would go (triangular probing)."""
        slots = self._slots
        mask = len(slots) - 1
        index, step = digest & mask, 0
        while (value := slots[index]) != 0 and value != digest:
            step += 1
            index = (index + step) & mask
        return index

    def add(self, digest: int) -> bool:
        """Add `digest` (0 <= digest < 2**64); True if it was not in the set yet."""
        if digest == 0:
            new = not self._zero
            self._zero = True
            return new
        slots = self._slots
        index = self._slot(digest)
        if slots[index] == digest:
            return False
        slots[index] = digest
        self._used += 1
        if self._used > self._MAX_FILL * len(slots):
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        self._used = 0
        for value in old:
            if value:
                self.add(value)
