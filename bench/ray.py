"""Local engine vs Ray engine (issue 15) on the same documents, against the fake model.

tests/fakeserver.py answers on loopback after a fixed delay (100 ms by default), in this
process's threads; each engine runs in its own subprocess, so its CPU time is its own:

* ``local``: `extract_many` with the local engine (`-j` documents in flight, one process);
* ``ray``: `extract_many` with `RayEngine` on a local Ray instance (`ray.init(num_cpus=...)`),
  so the pool has one actor per CPU and `-j` is split between them. Ray's start (the
  instance, then the actors) is timed apart from the steady state (first record to last).

CPU per document counts the client process and, for Ray, every process of the Ray instance
(raylet, GCS, the actors: read from /proc); "driver" is the client process alone (for Ray: the
planning, the dataset, decoding and passing on each record: what one driver can sustain).
The machine may be busy with other work: read the ratios, measured side by side, more than
the absolute figures.

Usage: .venv/bin/python bench/ray.py [--docs 2000] [--delay 0.1] [-j 32] [--cpus 2]
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
# This file is named ray.py: its own folder must not shadow the `ray` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from bench.remote import KEY, write_articles  # noqa: E402  (the same articles and key as the remote bench)

TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of `root` and every live descendant."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        times[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def client(args: argparse.Namespace) -> dict[str, Any]:
    from extractor.api import LocalEngine, extract_many
    from extractor.settings import Settings

    settings = Settings(backend="openai", base_url=args.url, api_key=KEY, model="fake-model", mode="tools",
                        strategy="single", concurrency=args.concurrency)
    times: list[float] = []
    engine: Any = LocalEngine()
    started = time.perf_counter()
    if args.client == "ray":
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        import ray

        from extractor.engines.ray_engine import RayEngine

        ray.init(num_cpus=args.cpus, include_dashboard=False, logging_level="WARNING")
        engine = RayEngine()
    cpu, own = tree_cpu(os.getpid()), time.process_time()
    wall = time.perf_counter()
    records = extract_many([args.folder], settings, engine=engine,
                           on_record=lambda r: times.append(time.perf_counter()))
    end = time.perf_counter()
    cpu, own = tree_cpu(os.getpid()) - cpu, time.process_time() - own
    if args.client == "ray":
        ray.shutdown()
    return {"docs": len(records), "ok": sum(r.ok for r in records), "seconds": end - wall,
            "startup": times[0] - wall, "steady": (len(times) - 1) / (times[-1] - times[0]), "cpu": cpu, "own": own,
            "init": wall - started}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("-j", "--concurrency", type=int, default=32)
    parser.add_argument("--cpus", type=int, default=2, help="CPUs the local Ray instance gets (= actors)")
    parser.add_argument("--client", choices=("local", "ray"))
    parser.add_argument("--url")
    parser.add_argument("--folder")
    args = parser.parse_args()
    if args.client:
        print(json.dumps(client(args)))
        return

    from tests.fakeserver import FakeServer

    with tempfile.TemporaryDirectory() as tmp, FakeServer(delay=args.delay) as fake:
        folder = Path(tmp) / "articles"
        write_articles(folder, args.docs)
        results: dict[str, dict[str, Any]] = {}
        for name in ("local", "ray"):
            command = [sys.executable, __file__, "--client", name, "--url", fake.url, "--folder", str(folder),
                       "-j", str(args.concurrency), "--cpus", str(args.cpus)]
            done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp)
            if done.returncode != 0:
                sys.exit(f"{name} failed:\n{done.stderr[-3000:]}")
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    local, ray = results["local"], results["ray"]
    print(f"{args.docs} documents, fake model {args.delay * 1000:.0f} ms per answer, -j {args.concurrency}, "
          f"Ray: local instance with {args.cpus} CPUs (= actors)")
    print(f"{'engine':8} {'ok':>6} {'wall s':>8} {'docs/s':>8} {'steady docs/s':>14} {'start s':>8} "
          f"{'CPU ms/doc':>11} {'driver':>7}")
    for name, r in results.items():
        print(f"{name:8} {r['ok']:>6} {r['seconds']:>8.1f} {r['docs'] / r['seconds']:>8.1f} {r['steady']:>14.1f} "
              f"{r['startup'] + r['init']:>8.1f} {r['cpu'] * 1000 / r['docs']:>11.2f} "
              f"{r['own'] * 1000 / r['docs']:>7.2f}")
    print(f"Ray / local: time per document {local['docs'] / local['seconds'] / (ray['docs'] / ray['seconds']):.2f}x "
          f"(whole run), {local['steady'] / ray['steady']:.2f}x (steady state); "
          f"CPU per document {ray['cpu'] / max(local['cpu'], 1e-9):.2f}x")


if __name__ == "__main__":
    main()
