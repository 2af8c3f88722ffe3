"""Streaming inputs and records (issue 11: memory flat in the number of files).

Discovery walks in path order without a list of the paths; `Work` decides each item's fate as it
is taken; the run takes items only as workers free up; `extract_iter` / `aextract_iter` hand out
records one at a time. Real files, the real pipeline, the fake model server on loopback.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.api import TAKE, Duplicate, Session, Work, WorkItem, aextract_iter, extract_iter, extract_many
from extractor.discovery import RUN, Discovery, Unusable, scan
from extractor.documents import path_doc_id
from extractor.errors import AuthRejected, InputError
from extractor.heap import trim
from extractor.records import Record
from extractor.work import DigestSet
from tests.fakeserver import FakeServer
from tests.test_edges_endpoint import articles, settings

pytestmark = pytest.mark.usefixtures("clean_env")


def write(path: Path, text: str = "RESULT: A 1-0 B\nA beat B on Sunday.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(items: Iterable[object], root: Path) -> list[str]:
    return [Path(getattr(item, "path", item)).relative_to(root).as_posix() for item in items]  # type: ignore[arg-type]


# -- discovery: order ---------------------------------------------------------------------------


def test_discovery_yields_paths_in_string_order_across_folders_and_arguments(tmp_path: Path) -> None:
    # Names where a per-folder sort by name alone would differ from the order of the path strings:
    # 'a.txt' < 'a/b.txt' (. before /) < 'a0.txt' (/ before 0), upper case before lower case.
    tree = ["a.txt", "a/b.txt", "a/c/d.txt", "a0.txt", "B.txt", "a-b.txt", "a/b.md", "z/y/x.htm", "Z.TXT"]
    for name in tree:
        write(tmp_path / "in" / name)
    other = write(tmp_path / "b-named.md")
    found = list(Discovery([tmp_path / "in", other]))
    expected = sorted([tmp_path / "in" / name for name in tree] + [other], key=str)
    assert found == expected
    assert scan([tmp_path / "in", other]).files == expected  # the list form agrees


def test_a_folder_with_more_names_than_a_sorted_run_still_comes_out_sorted(tmp_path: Path) -> None:
    count = RUN + RUN // 2 + 7  # three runs merged
    order = list(range(count))
    random.Random(5).shuffle(order)  # creation order is not name order
    for i in order:
        write(tmp_path / f"f{i}.txt", f"doc {i}\n")
    found = list(Discovery([tmp_path]))
    assert len(found) == count
    assert [str(p) for p in found] == sorted(str(tmp_path / f"f{i}.txt") for i in range(count))


def test_discovery_lists_a_folder_only_when_the_walk_reaches_it(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a" / "1.txt")
    write(tmp_path / "in" / "z" / "1.txt")
    stream = iter(Discovery([tmp_path / "in"]))
    assert next(stream) == tmp_path / "in" / "a" / "1.txt"
    write(tmp_path / "in" / "z" / "0.txt")  # appears after the walk started, before it reached z/
    assert names(stream, tmp_path / "in") == ["z/0.txt", "z/1.txt"]


def test_a_path_that_does_not_exist_fails_when_discovery_is_made_not_when_it_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        Discovery([tmp_path / "nope"])
    with pytest.raises(InputError, match="no such file"):
        Work([tmp_path / "nope"])


# -- discovery: one file, one input; links ---------------------------------------------------------


def test_overlapping_arguments_list_each_file_once_under_the_first_spelling(tmp_path: Path) -> None:
    inner = write(tmp_path / "in" / "sub" / "x.txt")
    outer = write(tmp_path / "in" / "y.txt")
    for arguments in ([tmp_path / "in", tmp_path / "in" / "sub"], [tmp_path / "in" / "sub", tmp_path / "in"]):
        assert list(Discovery(arguments)) == [inner, outer]
    # A file named and inside a folder given: once, as the first argument spells it.
    spelled = Path(os.path.relpath(inner))
    assert sorted(map(str, Discovery([spelled, tmp_path / "in"]))) == sorted([str(spelled), str(outer)])
    assert list(Discovery([tmp_path / "in", spelled])) == [inner, outer]


def test_a_link_to_an_input_is_left_out_and_the_target_is_read_under_its_own_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    target = write(folder / "z-target.txt")
    (folder / "a-link.txt").symlink_to(target)  # sorts before its target
    hidden = write(folder / ".drafts" / "draft.txt")  # not an input on its own (hidden folder)
    (folder / "b-draft.txt").symlink_to(hidden)
    found = list(Discovery([folder]))
    assert found == [folder / "b-draft.txt", target]  # the link to a non-input is read through the link
    # Named directly, the link is left out too: the folder reaches its target.
    assert list(Discovery([folder / "a-link.txt", folder])) == found


def test_links_out_of_the_roots_dangling_links_and_fifos_are_unusable_in_their_place(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt")
    secret = write(tmp_path / "private" / "secret.txt")
    (folder / "b-secret.txt").symlink_to(secret)
    (folder / "c-dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "d-pipe.txt")
    write(folder / "e.txt")
    found = list(Discovery([folder]))
    assert names(found, folder) == ["a.txt", "b-secret.txt", "c-dangling.txt", "d-pipe.txt", "e.txt"]
    reasons = {item.path.name: item.reason for item in found if isinstance(item, Unusable)}
    assert "outside the input folders" in reasons["b-secret.txt"] and "--follow-symlinks" in reasons["b-secret.txt"]
    assert "dangling symbolic link" in reasons["c-dangling.txt"]
    assert "a FIFO" in reasons["d-pipe.txt"]
    followed = list(Discovery([folder], follow_symlinks=True))
    assert folder / "b-secret.txt" in followed  # asked for explicitly, it is an input


# -- Work: fates decided as items are taken -----------------------------------------------------------


def test_work_counts_skips_and_turns_copies_into_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    first = write(folder / "a.txt", "same bytes\n")
    write(folder / "b.txt", "same bytes\n")
    done = write(folder / "c.txt", "already done\n")
    last = write(folder / "d.txt", "new\n")
    work = Work([folder], {path_doc_id(done)})
    items = list(work)
    assert items == [first, Duplicate(folder / "b.txt", path_doc_id(first)), last]
    assert (work.found, work.skipped, work.duplicates) == (4, 1, 1)
    assert work.count() == 4


def test_digest_set_agrees_with_a_python_set() -> None:
    rng = random.Random(11)
    digests = [rng.getrandbits(64) for _ in range(20_000)] + [0, 1, 2**64 - 1]
    mine, reference = DigestSet(), set()
    for digest in digests + digests[:500]:  # repeats are not added again
        assert mine.add(digest) is (digest not in reference)
        reference.add(digest)
    assert len(mine) == len(reference)
    probes = digests[::7] + [rng.getrandbits(64) for _ in range(1000)]
    assert all((d in mine) == (d in reference) for d in probes)


# -- the run: a bounded producer, one record per document ------------------------------------------


class Counted:
    """An item stream that remembers how many items were taken from it (the test's own generator)."""

    def __init__(self, items: Iterable[WorkItem]) -> None:
        self.items = items
        self.taken = 0

    def __iter__(self) -> Iterator[WorkItem]:
        for item in self.items:
            self.taken += 1
            yield item


async def test_the_run_takes_items_only_as_workers_free_up_and_gives_each_one_record(
    tmp_path: Path,
) -> None:
    docs, concurrency = 300, 4
    folder = articles(tmp_path / "in", docs)
    write(folder / "z-copy.txt", (folder / "d0000.txt").read_text())  # after its original in path order
    (folder / "zz-dangling.txt").symlink_to(tmp_path / "gone.txt")
    with FakeServer(delay=0.01) as fake:
        stream = Counted(Work([folder]))
        ahead: list[int] = []

        def on_record(record: Record) -> None:
            ahead.append(stream.taken - len(ahead) - 1)  # items taken but not yet recorded

        async with Session(settings(fake.url, concurrency=concurrency)) as session:
            records = await session.extract_paths(stream, on_record, keep=True)
        assert fake.max_in_flight <= concurrency
    assert len(records) == docs + 2 and len({r.source for r in records}) == docs + 2
    assert sum(r.ok for r in records) == docs
    kinds = {Path(r.source).name: r.error.type for r in records if r.error is not None}
    assert kinds == {"z-copy.txt": "duplicate", "zz-dangling.txt": "input_error"}
    # In flight, waiting for the consumer, and one batch in hand: never the whole input.
    assert max(ahead) <= 2 * concurrency + TAKE
    assert stream.taken == docs + 2


async def test_a_slow_consumer_holds_the_run_back(tmp_path: Path) -> None:
    docs, concurrency = 40, 2
    folder = articles(tmp_path / "in", docs)
    stream = Counted(Work([folder]))
    seen: list[Record] = []
    worst = 0
    with FakeServer() as fake:
        async with Session(settings(fake.url, concurrency=concurrency)) as session:
            async for record in session.iter_paths(stream):
                seen.append(record)
                worst = max(worst, stream.taken - len(seen))
                await asyncio.sleep(0.02)  # a slow consumer: the workers wait instead of running ahead
    assert len(seen) == docs and all(r.ok for r in seen)
    assert worst <= 2 * concurrency + TAKE + 1


async def test_leaving_aextract_iter_early_cancels_the_rest(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 60)
    with FakeServer(delay=0.05) as fake:
        taken = []
        records = aextract_iter([folder], settings(fake.url, concurrency=3))
        async for record in records:
            taken.append(record)
            if len(taken) == 5:
                break
        await records.aclose()
        await asyncio.sleep(0.3)  # the server logs what reached it before the loop was left
        asked = len(fake.exchanges)
        await asyncio.sleep(0.3)
        assert len(fake.exchanges) == asked  # nothing more was sent once the loop was left
    assert asked <= 5 + 2 * 3  # the five taken, and at most -j in flight and -j waiting


def test_extract_iter_gives_the_records_of_extract_many(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 25)
    with FakeServer() as fake:
        streamed = list(extract_iter([folder], settings(fake.url, concurrency=4)))
        listed = extract_many([folder], settings(fake.url, concurrency=4))
    def key(record: Record) -> tuple[str, str, Any]:
        return record.doc_id, record.status, record.result
    assert sorted(map(key, streamed)) == sorted(map(key, listed))
    assert len(streamed) == 25


def test_breaking_out_of_extract_iter_stops_the_run_and_its_thread(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 80)
    with FakeServer(delay=0.05) as fake:
        records = extract_iter([folder], settings(fake.url, concurrency=2))
        first = next(records)
        records.close()  # what a `break` does
        time.sleep(0.3)  # the server logs what reached it before the loop was left
        asked = len(fake.exchanges)
        time.sleep(0.3)
        assert len(fake.exchanges) == asked
    assert first.ok and asked <= 1 + 2 + 2 * 2 + 1  # taken, handed over, in flight, waiting, being handed


def test_extract_iter_raises_a_stop_after_the_records_of_the_documents_not_tried(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 12)
    with FakeServer() as fake:
        fake.script(*["401"] * 20)
        got: list[Record] = []
        with pytest.raises(AuthRejected, match="refused the API key"):
            for record in extract_iter([folder], settings(fake.url, concurrency=2)):
                got.append(record)
    assert len(got) == 12 and len({r.doc_id for r in got}) == 12
    assert all(r.error is not None and r.error.type == "backend_error" for r in got)


def test_extract_iter_with_nothing_to_do_starts_nothing(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 3)
    done = {path_doc_id(p) for p in folder.iterdir()}
    dead = settings("http://127.0.0.1:9/v1")  # would fail if anything were asked
    assert list(extract_iter(Work([folder], done), dead)) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_the_heap_trim_a_long_run_calls_is_available_here() -> None:
    assert trim() is True  # bench/memory.py measures what it is for
