"""Issue #10, the input edge: discovery never aborts, never reads outside the roots, never hangs.

Rows 2, 3, 4 and 12 (unreadable subfolders, empty folder) of the issue's table, plus files with
identical bytes. Each runs the real CLI against the fault-injecting fake server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.api import DUPLICATE, plan
from extractor.cli import app
from extractor.discovery import scan
from extractor.documents import DocumentError, path_doc_id, read_document
from extractor.output import read_records
from tests.fakeserver import FakeServer

pytestmark = pytest.mark.usefixtures("clean_env")
REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


def good(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"good{i}.txt"
        path.write_text(f"RESULT: Home {i} 2-1 Away {i}\nHome {i} beat Away {i} on Sunday in the league. Doc {i}.\n")
        paths.append(path)
    return paths


def cli_args(fake: FakeServer, folder: Path, out: Path, *extra: str) -> list[str]:
    return ["run", str(folder), "--out", str(out), "--backend", "openai", "--base-url", fake.url,
            "--mode", "json", "--lang", "en", *extra]


def run_cli(fake: FakeServer, folder: Path, out: Path, *extra: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, cli_args(fake, folder, out, *extra), env={"OPENAI_API_KEY": "test-key-not-secret"})


def by_name(out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {Path(r["source"]).name: r for r in read_records(out)}


# -- row 2: a dangling symlink -----------------------------------------------------------------


def test_row2_dangling_symlink_gets_a_record_and_the_run_goes_on(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good(folder, 3)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    out = tmp_path / "o.jsonl"
    result = run_cli(fake_server, folder, out)
    assert result.exit_code == 1, result.output  # one document failed; the run itself went through
    records = by_name(out)
    assert set(records) == {"good0.txt", "good1.txt", "good2.txt", "dangling.txt"}
    assert all(records[f"good{i}.txt"]["status"] == "ok" for i in range(3))
    bad = records["dangling.txt"]
    assert bad["status"] == "error" and bad["error"]["type"] == "input_error"
    assert "dangling symbolic link" in bad["error"]["message"]


def test_row2_a_dangling_link_named_directly_is_a_record_too(tmp_path: Path) -> None:
    link = tmp_path / "d.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    found = scan([link])
    assert found.files == [] and [u.path for u in found.unusable] == [link]


# -- row 3: a symlink out of the input folder ---------------------------------------------------


def test_row3_symlink_outside_the_roots_is_never_read(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good(folder, 2)
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("RESULT: Leak 9-9 Secret\nTOP-SECRET-MARKER lives outside the input folder.\n")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "good0.txt")  # a link within the roots is fine (deduplicated)
    out = tmp_path / "o.jsonl"

    result = run_cli(fake_server, folder, out)
    assert result.exit_code == 1, result.output
    records = by_name(out)
    assert set(records) == {"good0.txt", "good1.txt", "passwd.txt", "secret.txt"}
    for name in ("passwd.txt", "secret.txt"):
        error = records[name]["error"]
        assert error["type"] == "input_error" and "outside the input folders" in error["message"]
        assert "--follow-symlinks" in error["message"]
    sent = "\n".join(e.text() for e in fake_server.exchanges)
    assert "TOP-SECRET-MARKER" not in sent and "root:" not in sent  # neither file reached the model

    # A shell glob names the link directly: its folder is the root, so it is still refused.
    assert [u.path.name for u in scan([folder / "secret.txt"]).unusable] == ["secret.txt"]

    # Asked for explicitly, it is read.
    out2 = tmp_path / "o2.jsonl"
    result = run_cli(fake_server, folder / "secret.txt", out2, "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert "TOP-SECRET-MARKER" in fake_server.exchanges[-1].text()


# -- row 4: a FIFO and /dev/zero ---------------------------------------------------------------


@pytest.mark.parametrize("follow", [False, True], ids=["default", "follow-symlinks"])
def test_row4_fifo_and_dev_zero_neither_hang_nor_starve_the_others(
    fake_server: FakeServer, tmp_path: Path, follow: bool
) -> None:
    folder = tmp_path / "in"
    good(folder, 7)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "o.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env.update({"OPENAI_API_KEY": "test-key-not-secret", "PYTHONPATH": str(REPO), "HOME": str(tmp_path)})
    args = [sys.executable, "-m", "extractor.cli", *cli_args(fake_server, folder, out, "-j", "4")]
    started = time.monotonic()
    done = subprocess.run([*args, *(["--follow-symlinks"] if follow else [])], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert time.monotonic() - started < 60
    assert done.returncode == 1, done.stderr
    records = by_name(out)
    assert Counter(r["status"] for r in records.values()) == {"ok": 7, "error": 2}
    assert "a FIFO" in records["pipe.txt"]["error"]["message"]
    zero = records["zero.txt"]["error"]["message"]
    assert ("a character device" if follow else "outside the input folders") in zero


def test_row4_a_fifo_swapped_in_after_discovery_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(fifo, 1000)
    assert time.monotonic() - started < 1.0


# -- row 12: unreadable folders and files, an empty input ---------------------------------------


def test_row12_unreadable_subfolder_and_file_get_records(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good(folder, 1)
    (folder / "locked").mkdir()
    (folder / "locked" / "x.txt").write_text("x")
    (folder / "noperm.txt").write_text("RESULT: A 1-0 B\n")
    real_scandir, real_access = os.scandir, os.access

    def scandir(path):  # type: ignore[no-untyped-def]  # root ignores chmod, so deny by hand
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p).name != "noperm.txt" and real_access(p, mode))
    found = scan([folder])
    assert [p.name for p in found.files] == ["good0.txt"]
    reasons = {u.path.name: u.reason for u in found.unusable}
    assert reasons == {"locked": "cannot read folder: Permission denied",
                       "noperm.txt": "cannot read file: permission denied"}


def test_row12_an_empty_input_folder_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("not an article")
    result = runner.invoke(app, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "o.jsonl"),
                                 "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2
    assert "no articles found" in result.output and ".txt" in result.output
    assert not (tmp_path / "o.jsonl").exists()


# -- identical bytes ----------------------------------------------------------------------------


def test_identical_files_are_extracted_once_and_the_copies_say_so(fake_server: FakeServer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (first,) = good(folder, 1)
    for name in ("copy1.txt", "sub/copy2.txt"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(first.read_bytes())
    out = tmp_path / "o.jsonl"
    result = run_cli(fake_server, folder, out)
    assert result.exit_code == 0, result.output  # a duplicate is not a failed document
    assert len(fake_server.exchanges) == 1  # the model was asked once
    records = list(read_records(out))
    assert len(records) == 3
    ok = [r for r in records if r["status"] == "ok"]
    copies = [r for r in records if r["status"] != "ok"]
    assert len(ok) == 1 and ok[0]["doc_id"] == path_doc_id(first)
    assert Path(ok[0]["source"]).name == "copy1.txt"  # the first in path order is the one extracted
    assert {r["error"]["type"] for r in copies} == {DUPLICATE}
    assert all(ok[0]["doc_id"] in r["error"]["message"] for r in copies)
    # One record per doc_id: consolidation by doc_id loses nothing, and --resume redoes nothing.
    assert len({r["doc_id"] for r in records}) == 3
    result = run_cli(fake_server, folder, out, "--resume")
    assert result.exit_code == 0 and "nothing to do" in result.output
    assert len(list(read_records(out))) == 3 and len(fake_server.exchanges) == 1


def test_plan_orders_work_and_counts_skips(tmp_path: Path) -> None:
    paths = good(tmp_path / "in", 3)
    done = {path_doc_id(paths[0])}
    work = plan([tmp_path / "in"], done)
    assert work.found == 3 and work.skipped == 1 and work.files == paths[1:]
