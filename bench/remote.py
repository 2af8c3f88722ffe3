"""Throughput with a fast remote model (issue 11): the client must not be the bottleneck.

Every client talks to tests/fakeserver.py on loopback (a fixed delay per answer, in this
process's threads) and runs in its own subprocess, so its CPU time is its own:

* ``api``: `Session.extract_paths` (tools mode, ``--strategy single``), warm: timed after a
  warm-up batch in the same process;
* ``cli``: ``extractor run`` as a whole process (start-up included), CPU from ``wait4``;
* ``raw``: aiohttp posting the very request bodies the API sent (the ceiling);
* ``langextract``: only when a venv with it exists (``--langextract-python``); it is pointed at the
  fake server through its OpenAI provider.

Runs are interleaved (every client once per round), median of the rounds. The machine may be
busy with other work: compare the ratios, measured side by side, more than the absolute figures.

Usage: .venv/bin/python bench/remote.py [--docs 200] [--concurrency 32 64] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KEY = "bench-key-not-secret"


def article(i: int) -> str:
    """The i-th short English article, with the marker the fake server answers from (unique bytes per i)."""
    return (
        f"RESULT: Home {i} {i % 5}-{i % 3} Away {i}\n"
        f"Home {i} met Away {i} on Saturday afternoon in a league match in front of a full stadium. "
        f"The home side pressed early and the visitors defended deep until the final whistle. Report {i}.\n"
    )


def write_articles(folder: Path, docs: int) -> None:
    """Short English articles with the markers the fake server answers from."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        (folder / f"doc{i:05d}.txt").write_text(article(i), encoding="utf-8")


# -- clients (each runs in a subprocess: `remote.py --client NAME ...`) --------------------


def client_api(args: argparse.Namespace) -> dict[str, Any]:
    """The Python API, warm: one Session, a warm-up batch, then the timed batch."""
    from extractor.api import Session, plan
    from extractor.settings import Settings

    settings = Settings(backend="openai", base_url=args.url, api_key=KEY, model="fake-model", mode="tools",
                        strategy="single", concurrency=args.concurrency)
    items = plan([args.folder]).items

    async def go() -> tuple[float, float, int]:
        async with Session(settings) as session:
            await session.extract_paths(items[: args.warmup])
            profiler = _profiler(args)
            cpu, wall = time.process_time(), time.perf_counter()
            records = await session.extract_paths(items)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(args.profile)
            return wall, cpu, sum(r.ok for r in records)

    wall, cpu, ok = asyncio.run(go())
    return {"docs": len(items), "ok": ok, "seconds": wall, "cpu": cpu}


def _profiler(args: argparse.Namespace) -> Any:
    if not args.profile:
        return None
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def client_raw(args: argparse.Namespace) -> dict[str, Any]:
    """aiohttp posting the API's own request bodies: what the loopback server allows."""
    import aiohttp

    bodies = [json.dumps(body).encode() for body in json.loads(Path(args.bodies).read_text())]
    url = args.url + "/chat/completions"
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}

    async def go() -> tuple[float, float, int]:
        limit = asyncio.Semaphore(args.concurrency)
        connector = aiohttp.TCPConnector(limit=args.concurrency * 2)
        async with aiohttp.ClientSession(connector=connector) as http:

            async def one(body: bytes) -> bool:
                async with limit, http.post(url, data=body, headers=headers) as response:
                    answer = await response.json()
                    return bool(answer["choices"][0]["message"])

            await asyncio.gather(*(one(b) for b in bodies[: args.warmup]))
            cpu, wall = time.process_time(), time.perf_counter()
            ok = sum(await asyncio.gather(*(one(b) for b in bodies)))
            return time.perf_counter() - wall, time.process_time() - cpu, ok

    wall, cpu, ok = asyncio.run(go())
    return {"docs": len(bodies), "ok": ok, "seconds": wall, "cpu": cpu}


CLIENTS = {"api": client_api, "raw": client_raw}


# -- the driver ----------------------------------------------------------------------------


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[str, float, float]:
    """Run a process; its stdout, wall seconds and CPU seconds (user + system, from wait4)."""
    started = time.perf_counter()
    # stderr to a file, not a pipe: a client that logs more than a pipe holds (LangExtract warns
    # once per document) would block on a pipe nobody reads until it exits.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdout=out, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        errors.seek(0)
        err = errors.read().decode(errors="replace")
        out.seek(0)
        text = out.read().decode()
    if process.returncode not in (0,):
        raise RuntimeError(f"{argv[:4]} exited {process.returncode}: {err[-2000:]}")
    return text, wall, usage.ru_utime + usage.ru_stime


def child(name: str, url: str, folder: Path, concurrency: int, extra: list[str]) -> dict[str, Any]:
    argv = [sys.executable, __file__, "--client", name, "--url", url, "--folder", str(folder),
            "--concurrency", str(concurrency), *extra]
    text, _, _ = run_child(argv)
    return dict(json.loads(text.strip().splitlines()[-1]))


def cli(url: str, folder: Path, concurrency: int, out: Path) -> dict[str, Any]:
    """`extractor run` as a whole process: start-up, discovery, extraction, output and summary."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    env["OPENAI_API_KEY"] = KEY
    argv = [str(Path(sys.executable).parent / "extractor"), "run", str(folder), "--out", str(out),
            "--backend", "openai", "--base-url", url, "--model", "fake-model", "--mode", "tools",
            "--strategy", "single", "-j", str(concurrency)]
    _, wall, cpu = run_child(argv, env)
    lines = out.read_text(encoding="utf-8").splitlines()
    ok = sum(json.loads(line)["status"] == "ok" for line in lines)
    return {"docs": len(lines), "ok": ok, "seconds": wall, "cpu": cpu}


def langextract(python: str, url: str, folder: Path, concurrency: int) -> dict[str, Any]:
    argv = [python, str(REPO / "bench" / "remote_langextract.py"), "--url", url, "--folder", str(folder),
            "--concurrency", str(concurrency)]
    text, _, _ = run_child(argv)
    return dict(json.loads(text.strip().splitlines()[-1]))


def capture_bodies(fake: Any, url: str, folder: Path, path: Path) -> None:
    """The request bodies the API sends, one per document, for the raw client to replay."""
    fake.reset()
    child("api", url, folder, 32, ["--warmup", "0"])
    bodies = [exchange.body for exchange in sorted(fake.exchanges, key=lambda e: e.seq)]
    path.write_text(json.dumps(bodies), encoding="utf-8")


def drive(args: argparse.Namespace) -> None:
    from tests.fakeserver import FakeServer

    rows: dict[tuple[str, int], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp, FakeServer(delay=args.delay, max_requests=10**9) as fake:
        root = Path(tmp)
        folder = root / "articles"
        write_articles(folder, args.docs)
        cli_folder = folder
        if args.cli_docs != args.docs:
            cli_folder = root / "cli-articles"
            write_articles(cli_folder, args.cli_docs)
        bodies = root / "bodies.json"
        capture_bodies(fake, fake.url, folder, bodies)
        clients = ["api", "cli", "raw"] + (["langextract"] if args.langextract_python else [])
        for round_no in range(args.rounds):
            for concurrency in args.concurrency:
                for name in clients:
                    fake.reset()
                    if name == "cli":
                        result = cli(fake.url, cli_folder, concurrency, root / "out.jsonl")
                    elif name == "langextract":
                        result = langextract(args.langextract_python, fake.url, folder, concurrency)
                    else:
                        extra = ["--bodies", str(bodies)] if name == "raw" else []
                        result = child(name, fake.url, folder, concurrency, [*extra, "--warmup", str(args.warmup)])
                    rows.setdefault((name, concurrency), []).append(result)
                    result["load"] = os.getloadavg()[0]
                    print(f"round {round_no + 1} c={concurrency} {name}: {_rate(result):.0f} docs/s, "
                          f"{1000 * result['cpu'] / result['docs']:.1f} ms CPU/doc, "
                          f"ok {result['ok']}/{result['docs']}, load average {result['load']:.2f}",
                          file=sys.stderr, flush=True)
    print(table(rows, args))


def _rate(result: dict[str, Any]) -> float:
    return float(result["docs"]) / float(result["seconds"])


LABELS = {"api": "extractor Python API (warm)", "cli": "extractor CLI, whole process",
          "raw": "raw aiohttp, same request body", "langextract": "LangExtract (OpenAI provider)"}


def table(rows: dict[tuple[str, int], list[dict[str, Any]]], args: argparse.Namespace) -> str:
    """A markdown table: median docs/s, median CPU ms/doc, ratios to the ceiling and to LangExtract."""
    loads = [r["load"] for results in rows.values() for r in results]
    lines = [f"{args.docs} docs ({args.cli_docs} for the CLI), {args.delay * 1000:.0f} ms per answer, "
             f"median of {args.rounds} interleaved rounds, 1-minute load average {min(loads):.2f}-{max(loads):.2f} "
             f"on {os.cpu_count()} cores",
             "", "| client | c | docs/s | of raw ceiling | of c/latency bound | vs LangExtract | CPU ms/doc | ok |",
             "|---|---|---|---|---|---|---|---|"]
    for concurrency in args.concurrency:
        raw = statistics.median(_rate(r) for r in rows[("raw", concurrency)])
        lx = rows.get(("langextract", concurrency))
        lx_rate = statistics.median(_rate(r) for r in lx) if lx else None
        bound = concurrency / args.delay
        for name in LABELS:
            results = rows.get((name, concurrency))
            if not results:
                continue
            rate = statistics.median(_rate(r) for r in results)
            cpu = statistics.median(1000 * r["cpu"] / r["docs"] for r in results)
            ok = min(r["ok"] for r in results)
            versus = f"{rate / lx_rate:.2f}x" if lx_rate else "n/a"
            lines.append(f"| {LABELS[name]} | {concurrency} | {rate:.0f} | {rate / raw:.0%} | {rate / bound:.0%} | "
                         f"{versus} | {cpu:.1f} | {ok}/{results[0]['docs']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--cli-docs", type=int, default=None, help="documents for the CLI runs (default: --docs)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[32, 64])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.1, help="the fake server's seconds per answer")
    parser.add_argument("--warmup", type=int, default=64)
    parser.add_argument("--langextract-python", default=os.environ.get("LANGEXTRACT_PYTHON"),
                        help="a Python with langextract installed (default: $LANGEXTRACT_PYTHON)")
    parser.add_argument("--client", choices=sorted(CLIENTS), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--bodies", help=argparse.SUPPRESS)
    parser.add_argument("--profile", help="(api client) write a cProfile of the timed batch here")
    args = parser.parse_args()
    if args.client:
        args.concurrency = args.concurrency[0]
        print(json.dumps(CLIENTS[args.client](args)))
        return
    args.cli_docs = args.cli_docs or args.docs
    drive(args)


if __name__ == "__main__":
    main()
