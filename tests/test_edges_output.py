"""Issue #10, the output edge: a failed start never touches --out; one writer; torn lines repaired.

Rows 1, 5, 11 and the torn-line part of 12 of the issue's table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ConfigError
from extractor.output import JsonlSink, OutputError, OutputLock, read_records, repair_torn_tail
from extractor.records import Record
from tests.fakeserver import FakeServer

pytestmark = pytest.mark.usefixtures("clean_env")
REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()
ENV = {"OPENAI_API_KEY": "test-key-not-secret"}


def folder_with(tmp_path: Path, n: int = 2) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"d{i:04d}.txt").write_text(f"RESULT: Home {i} 1-0 Away {i}\nHome {i} won at home. Doc {i}.\n")
    return folder


def old_output(path: Path, lines: int = 1000) -> bytes:
    record = Record(doc_id="0" * 16, source="old.txt", status="ok", task="match_report", backend="openai")
    path.write_text("".join(record.model_copy(update={"doc_id": f"{i:016x}"}).model_dump_json() + "\n"
                            for i in range(lines)))
    return path.read_bytes()


def base(fake: FakeServer | None, folder: Path, out: Path) -> list[str]:
    url = fake.url if fake else "http://127.0.0.1:9/v1"
    return ["run", str(folder), "--out", str(out), "--backend", "openai", "--base-url", url, "--mode", "json"]


# -- row 1: a failed start leaves --out alone -----------------------------------------------------

BAD_STARTS = {
    "backend": ["--backend", "nonsense"],
    "task": ["--task", "nope"],
    "mode": ["--mode", "yaml"],
    "lang": ["--lang", "xx"],
    "base-url": ["--base-url", "not-a-url"],
    "replay": ["--replay", "no/such/folder"],
    "missing-input": ["also/missing"],
}


@pytest.mark.parametrize("flags", BAD_STARTS.values(), ids=BAD_STARTS.keys())
def test_row1_a_bad_flag_exits_2_and_leaves_the_old_output_intact(tmp_path: Path, flags: list[str]) -> None:
    out = tmp_path / "o.jsonl"
    before = old_output(out)
    result = runner.invoke(app, [*base(None, folder_with(tmp_path), out), *flags], env=ENV)
    assert result.exit_code == 2, result.output
    assert out.read_bytes() == before
    assert len(result.output.strip().splitlines()) == 1, result.output  # one line
    assert "Traceback" not in result.output


def test_row1_a_backend_that_cannot_start_leaves_the_old_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    before = old_output(out)
    # the openai backend without a base URL or key: refused at start, after discovery and locking
    result = runner.invoke(app, ["run", str(folder_with(tmp_path)), "--out", str(out), "--backend", "openai"])
    assert result.exit_code == 2 and "OPENAI_API_KEY" in result.output
    assert out.read_bytes() == before


# -- row 5: two writers ----------------------------------------------------------------------------


def test_row5_a_second_run_on_the_same_out_fails_at_once(fake_server: FakeServer, tmp_path: Path) -> None:
    out = tmp_path / "two.jsonl"
    with OutputLock(out):
        result = runner.invoke(app, base(fake_server, folder_with(tmp_path), out), env=ENV)
    assert result.exit_code == 2
    assert "another extractor run is writing to" in " ".join(result.output.split())
    assert not out.exists() and fake_server.exchanges == []


def test_row5_two_real_runs_at_once_give_one_clean_file(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = folder_with(tmp_path, 60)
    out = tmp_path / "two.jsonl"
    fake_server.delay = 0.02
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env.update({**ENV, "PYTHONPATH": str(REPO), "HOME": str(tmp_path)})
    command = [sys.executable, "-m", "extractor.cli", *base(fake_server, folder, out), "-j", "4", "--resume"]
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    assert any("another extractor run is writing" in " ".join(err.split()) for _, err in results)
    lines = out.read_text().splitlines()
    assert all(json.loads(line) for line in lines)  # nothing torn, nothing interleaved
    ids = Counter(json.loads(line)["doc_id"] for line in lines)
    assert len(ids) == 60 and set(ids.values()) == {1}


# -- row 11: an --out that can never be written ------------------------------------------------------


@pytest.mark.parametrize("where", ["folder", "dev-full", "proc", "file-as-parent"])
def test_row11_an_unwritable_out_is_a_config_error(tmp_path: Path, where: str) -> None:
    target = {
        "folder": tmp_path,
        "dev-full": Path("/dev/full"),
        "proc": Path("/proc/no-such-dir/o.jsonl"),  # not creatable, even for root
        "file-as-parent": tmp_path / "plain.txt" / "o.jsonl",
    }[where]
    (tmp_path / "plain.txt").write_text("x")
    result = runner.invoke(app, base(None, folder_with(tmp_path), target), env=ENV)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error (config_error): --out"), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_row11_a_read_only_folder_is_a_config_error(tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir(mode=0o500)
    result = runner.invoke(app, base(None, folder_with(tmp_path), locked / "o.jsonl"), env=ENV)
    assert result.exit_code == 2 and "cannot write there" in result.output


def test_row11_disk_full_mid_run_is_an_output_error_not_a_traceback(tmp_path: Path) -> None:
    sink = JsonlSink(Path("/dev/full"), append=True)
    record = Record(doc_id="0" * 16, source="x", status="ok", task="t", backend="openai")
    with pytest.raises(OutputError, match=r"No space left on device.*rerun with --resume"):
        sink.write(record)
    sink.close()


# -- row 12: a torn last line is moved aside on --resume ---------------------------------------------


def test_row12_resume_moves_a_torn_last_line_aside(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = folder_with(tmp_path, 3)
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, base(fake_server, folder, out), env=ENV).exit_code == 0
    whole = out.read_bytes()
    first, second, _ = whole.splitlines(keepends=True)
    torn = second[: len(second) // 2]
    out.write_bytes(first + torn)  # killed in the middle of writing the second record

    result = runner.invoke(app, [*base(fake_server, folder, out), "--resume"], env=ENV)
    assert result.exit_code == 0, result.output
    lines = out.read_bytes().splitlines()
    assert lines[0] == first.rstrip(b"\n") and all(json.loads(line) for line in lines)
    assert len(list(read_records(out))) == 3
    assert out.with_name("o.jsonl.torn").read_bytes() == torn + b"\n"


def test_repair_keeps_a_whole_record_that_only_lacks_its_newline(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b"}')
    assert repair_torn_tail(out) is None
    assert out.read_bytes() == b'{"doc_id": "a"}\n{"doc_id": "b"}\n'
    assert not out.with_name("o.jsonl.torn").exists()


def test_lock_errors_are_config_errors(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    with OutputLock(out), pytest.raises(ConfigError, match="another extractor run"), OutputLock(out):
        pass
