"""Peak memory of `extractor run` against the input size (issue 11): flat, and under 200 MB.

For each size in ``--sizes`` this builds a tree of tiny articles in a temp folder (``--per-folder``
files per sub-folder; 0 puts them all in one folder), runs ``extractor run`` on it as a whole process
against tests/fakeserver.py on loopback (``--backend openai``, tools mode, ``--strategy single``,
``-j``), and prints the child's peak RSS (``ru_maxrss`` from ``wait4``, what ``/usr/bin/time -v``
reports), its wall and CPU time, and checks that every document got exactly one ``ok`` record. The
last line compares the largest size with the smallest: the ratio of their peaks.

The fake server runs in this process and keeps no request log, so its memory is not the client's.
200,000 documents take a while (~15-25 min on 2 cores); ``--nice`` lowers the run's priority on a
machine that is busy with something else.

Usage: .venv/bin/python bench/memory.py [--sizes 2000 200000] [--per-folder 1000] [-j 32] [--delay 0]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.remote import KEY, article  # noqa: E402  (the same articles and key as the remote bench)

#: The issue's goals: peaks within 10 % of each other, each under 200 MB.
MAX_RATIO = 1.10
MAX_PEAK_MB = 200.0


def build_tree(root: Path, docs: int, per_folder: int) -> None:
    """`docs` tiny articles under `root`, `per_folder` to a sub-folder (0: all in `root`)."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        folder = root / f"part{i // per_folder:04d}" if per_folder else root
        if per_folder and i % per_folder == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"doc{i:06d}.txt").write_text(article(i), encoding="utf-8")


def run_cli(url: str, folder: Path, out: Path, concurrency: int, nice: int) -> dict[str, Any]:
    """`extractor run` as a whole process: peak RSS, wall and CPU seconds (from wait4)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env["OPENAI_API_KEY"] = KEY
    argv = [str(Path(sys.executable).parent / "extractor"), "run", str(folder), "--out", str(out),
            "--backend", "openai", "--base-url", url, "--model", "fake-model", "--mode", "tools",
            "--strategy", "single", "-j", str(concurrency)]
    if nice:
        argv = ["nice", "-n", str(nice), *argv]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        tail = errors.read().decode(errors="replace")[-2000:]
    if code != 0:
        raise RuntimeError(f"extractor run exited {code}: {tail}")
    # `nice` execs the CLI, so the child's own rusage is the CLI's.
    return {"peak_mb": usage.ru_maxrss / 1024, "seconds": wall, "cpu": usage.ru_utime + usage.ru_stime}


def check_records(out: Path, docs: int) -> tuple[int, int]:
    """(records, ok records); raises unless every document has exactly one record."""
    ids: set[str] = set()
    ok = lines = 0
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            lines += 1
            ids.add(record["doc_id"])
            ok += record["status"] == "ok"
    if lines != docs or len(ids) != docs:
        raise RuntimeError(f"{out}: {lines} records for {docs} documents ({len(ids)} distinct doc_ids)")
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    """Run the sizes, print one line per size and the ratio; exit 1 if a goal is missed."""
    args = parse_args(argv)
    from tests.fakeserver import FakeServer

    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="extractor-memory-") as tmp, \
            FakeServer(delay=args.delay, max_requests=10**9, keep_log=False) as fake:
        for docs in args.sizes:
            folder = Path(tmp) / f"in-{docs}"
            print(f"building {docs:,} files ...", file=sys.stderr, flush=True)
            build_tree(folder, docs, args.per_folder)
            out = Path(tmp) / f"out-{docs}.jsonl"
            result = run_cli(fake.url, folder, out, args.concurrency, args.nice)
            result["records"], result["ok"] = check_records(out, docs)
            result["load"] = os.getloadavg()[0]
            results[docs] = result
            print(f"{docs:>9,} documents: peak RSS {result['peak_mb']:6.1f} MB, {result['seconds']:7.1f} s wall, "
                  f"{1000 * result['cpu'] / docs:.2f} ms CPU/doc, {result['records']:,} records "
                  f"({result['ok']:,} ok), load average {result['load']:.2f}", flush=True)
            out.unlink()
    small, large = min(results), max(results)
    ratio = results[large]["peak_mb"] / results[small]["peak_mb"]
    worst = max(r["peak_mb"] for r in results.values())
    met = ratio <= MAX_RATIO and worst < MAX_PEAK_MB
    print(f"peak RSS {large:,} / {small:,} documents: {ratio:.3f} (goal <= {MAX_RATIO:.2f}); "
          f"largest peak {worst:.1f} MB (goal < {MAX_PEAK_MB:.0f}): {'met' if met else 'NOT met'}")
    return 0 if met else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's flags."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 200_000],
                        help="documents per run (default: 2000 200000)")
    parser.add_argument("--per-folder", type=int, default=1000,
                        help="files per sub-folder; 0 puts every file in one folder (default: 1000)")
    parser.add_argument("-j", "--concurrency", type=int, default=32, help="documents in flight (default: 32)")
    parser.add_argument("--delay", type=float, default=0.0, help="the fake server's seconds per answer (default: 0)")
    parser.add_argument("--nice", type=int, default=0, help="run the CLI under `nice -n N` (default: 0)")
    args = parser.parse_args(argv)
    if len(args.sizes) < 2 or min(args.sizes) < 1:
        parser.error("--sizes needs two or more positive sizes")
    if args.per_folder < 0 or args.concurrency < 1 or args.delay < 0:
        parser.error("--per-folder must be >= 0, -j >= 1 and --delay >= 0")
    return args


if __name__ == "__main__":
    sys.exit(main())
