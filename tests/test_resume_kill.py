"""`extractor run` killed with SIGKILL mid-run, then `--resume`d: nothing lost, nothing twice.

The real CLI runs in a subprocess against the fake server, slowed down so the kill lands
while documents are in flight.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from extractor.documents import path_doc_id as file_doc_id
from extractor.output import read_records
from extractor.records import Record
from tests.fakeserver import FakeServer

pytestmark = pytest.mark.usefixtures("clean_env")

REPO = Path(__file__).resolve().parent.parent
DOCS = 40
KILL_AFTER = 8  # records on disk before the kill
DEADLINE = 90.0  # seconds, for each CLI run


def cli(fake: FakeServer, folder: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "extractor.cli", "run", str(folder), "--out", str(out),
        "--backend", "openai", "--base-url", fake.url, "--mode", "json", "-j", "4", *extra,
    ]


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env.update({"OPENAI_API_KEY": "sk-fake-resume", "PYTHONPATH": str(REPO), "NO_COLOR": "1", "HOME": str(tmp_path)})
    return env


def complete_lines(path: Path) -> list[bytes]:
    if not path.exists():
        return []
    data = path.read_bytes()
    return data.split(b"\n")[:-1]  # the part after the last newline may be torn


def test_kill_9_then_resume_loses_nothing_and_duplicates_nothing(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    expected: dict[str, str] = {}
    for i in range(DOCS):
        path = folder / f"doc{i:02d}.txt"
        path.write_text(
            f"RESULT: Town {i} {i % 5}-{i % 3} City {i}\n"
            f"Town {i} and City {i} met on Saturday afternoon in a league match watched by a big crowd. "
            f"Match report {i}.\n",
            encoding="utf-8",
        )
        expected[file_doc_id(path)] = f"Match report {i}."
    out = tmp_path / "out" / "records.jsonl"
    fake_server.delay = 0.25  # four in flight, ~16 answers a second: the kill lands mid-run
    env = cli_env(tmp_path)

    # -- run 1: SIGKILL once some records are on disk ----------------------------------------
    with (tmp_path / "run1.log").open("wb") as log:
        proc = subprocess.Popen(cli(fake_server, folder, out), cwd=tmp_path, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + DEADLINE
            while proc.poll() is None and time.monotonic() < deadline:
                if len(complete_lines(out)) >= KILL_AFTER:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
                time.sleep(0.005)
        finally:
            if proc.poll() is None and time.monotonic() >= deadline:
                proc.kill()
            proc.wait(timeout=30)
    run1_log = (tmp_path / "run1.log").read_text(errors="replace")
    assert proc.returncode == -signal.SIGKILL, f"the run was not killed mid-way (rc={proc.returncode}):\n{run1_log}"
    requests_at_kill = len(fake_server.exchanges)

    before = out.read_bytes()
    lines = complete_lines(out)
    assert KILL_AFTER <= len(lines) < DOCS
    first_run = [Record.model_validate_json(line) for line in lines]  # every complete line is a record
    assert all(r.status == "ok" for r in first_run)
    done_before = {r.doc_id for r in first_run}
    assert len(done_before) == len(first_run)

    # A kill can land in the middle of a write; simulate the worst case if this one did not.
    torn = not before.endswith(b"\n")
    if not torn:
        with out.open("ab") as handle:
            handle.write(lines[-1][: len(lines[-1]) // 2])
        before = out.read_bytes()
    assert len(list(read_records(out))) == len(first_run)  # the torn tail is skipped, not fatal

    # -- run 2: --resume to completion -------------------------------------------------------
    fake_server.delay = 0.02
    run2 = subprocess.run(
        cli(fake_server, folder, out, "--resume"), cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=DEADLINE, check=False,
    )
    assert run2.returncode == 0, run2.stdout + run2.stderr
    assert f"resume: {len(done_before)} document(s) already done" in " ".join(run2.stderr.split())

    after = out.read_bytes()
    torn_tail = before.split(b"\n")[-1]
    intact = before[: len(before) - len(torn_tail)]
    assert after.startswith(intact), "records written before the kill were changed or lost"
    records = list(read_records(out))
    ids = Counter(r["doc_id"] for r in records)
    assert set(ids) == set(expected), f"missing: {set(expected) - set(ids)}"
    assert all(n == 1 for n in ids.values()), f"duplicated: {[i for i, n in ids.items() if n > 1]}"
    assert all(r["status"] == "ok" for r in records)
    assert len(records) == DOCS
    for record in records:
        Record.model_validate(record)

    # --resume moved the torn line aside: the file is valid JSONL again, the torn bytes are kept.
    bad = [line for line in after.split(b"\n") if line.strip() and not _is_record(line)]
    assert bad == []
    assert out.with_name(out.name + ".torn").read_bytes() == torn_tail + b"\n"

    # The resumed run asked the model only about documents without an ok record.
    resumed = fake_server.exchanges[requests_at_kill:]
    asked = {marker for marker in expected.values() for e in resumed if marker in e.text()}
    assert asked == {expected[d] for d in set(expected) - done_before}
    print(
        f"\nkill -9 / resume: documents={DOCS} records_before_kill={len(first_run)} "
        f"torn_by_kill={torn} requests_before_kill={requests_at_kill} requests_on_resume={len(resumed)} "
        f"records_after={len(records)} lost=0 duplicated=0"
    )


def _is_record(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
