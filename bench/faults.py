"""Issue #10's measured runs, through the real CLI against tests/fakeserver.py (loopback only).

1. 1,000 documents, 30 % of calls failing (429, 429 with Retry-After, 500, 503, dropped
   connection), -j 16: count records, ok, backend_error; then --resume and count again.
2. The same folder: three `kill -9`s mid-run, then --resume: exactly one ok record per document?

Usage: .venv/bin/python bench/faults.py [DOCS]
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractor.output import read_records  # noqa: E402
from tests.fakeserver import FakeServer  # noqa: E402

KINDS = ("429", "429ra", "500", "503", "drop")


def command(fake: FakeServer, folder: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "run", str(folder), "--out", str(out), "--backend", "openai",
            "--base-url", fake.url, "--mode", "json", "--lang", "en", "-j", "16", *extra]


def env(home: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    return {**clean, "OPENAI_API_KEY": "bench-key-not-secret", "PYTHONPATH": str(REPO), "HOME": str(home),
            "EXTRACTOR_BACKOFF_INITIAL": "0.01", "EXTRACTOR_BACKOFF_MAX": "0.1"}


def summary(out: Path) -> str:
    records = list(read_records(out))
    ok = {r["doc_id"] for r in records if r["status"] == "ok"}
    oks = Counter(r["doc_id"] for r in records if r["status"] == "ok")
    kinds = Counter(r["error"]["type"] for r in records if r["status"] != "ok")
    return (f"records={len(records)} ok_docs={len(ok)} ok_records_twice={sum(n > 1 for n in oks.values())} "
            f"errors={dict(kinds)}")


def main(docs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeServer(retry_after="0.05") as fake:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        for i in range(docs):
            (folder / f"doc{i:04d}.txt").write_text(
                f"RESULT: Home {i} {i % 5}-{i % 3} Away {i}\nHome {i} met Away {i} on Saturday. Report {i}.\n")
        fake.randomize(rate=0.3, kinds=KINDS, seed=10)
        out = root / "faults.jsonl"
        started = time.monotonic()
        first = subprocess.run(command(fake, folder, out), env=env(root), capture_output=True, text=True)
        seconds = time.monotonic() - started
        print(f"run 1 ({docs} docs, 30 % faults): exit {first.returncode}, {seconds:.1f} s, "
              f"requests={sum(fake.counts.values())} faults={sum(n for k, n in fake.counts.items() if k != 'ok')}, "
              f"{summary(out)}")
        resumed = subprocess.run(command(fake, folder, out, "--resume"), env=env(root), capture_output=True,
                                 text=True)
        print(f"--resume: exit {resumed.returncode}, {summary(out)}")

        fake.reset()
        fake.delay = 0.05
        out = root / "kill.jsonl"
        for kill in range(3):
            proc = subprocess.Popen(command(fake, folder, out, "--resume"), env=env(root),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(2.0 + kill)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            torn_tail = out.exists() and not out.read_bytes().endswith(b"\n")
            print(f"kill -9 #{kill + 1}: {summary(out)} torn_tail={torn_tail}")
        fake.delay = 0.0
        final = subprocess.run(command(fake, folder, out, "--resume"), env=env(root), capture_output=True, text=True)
        lines = out.read_text().splitlines()
        torn = out.with_name("kill.jsonl.torn")
        print(f"final --resume: exit {final.returncode}, {summary(out)}, lines={len(lines)}, "
              f"torn lines moved aside={len(torn.read_text().splitlines()) if torn.exists() else 0}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
