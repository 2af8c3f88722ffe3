"""Benchmark: the five seeds through the embedded backend, one document at a time.

Prints per document: prompt tokens, prompt tokens served from llama.cpp's KV cache, completion
tokens, extractor's wall time, llama.cpp's own total time for the same requests (parsed from
the server's verbose log), and their ratio. The goal is ratio <= 1.15: extractor's overhead
(reading, cleaning, language detection, prompt rendering, HTTP, parsing, validation) under 15 %.

    .venv/bin/python bench/embedded.py [--parallel N] [--guess-tokens G] [FILES_OR_FOLDERS...]   (seeds/, N = 4, G = 16)

With --parallel 1 the server is llama-cpp-python's (one request at a time) and the ratio column
compares extractor's wall time with llama.cpp's own. With N > 1 the batched server answers up to N
of a step's questions at once, so their server times overlap: "server s" then sums overlapping
requests and the ratio is not an overhead figure; the wall times are what a user waits.

Run it on a quiet machine: a second model server on 2 cores halves every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from extractor.api import Session
from extractor.backends.embedded import EmbeddedBackend, parse_perf_log
from extractor.discovery import discover
from extractor.records import Record
from extractor.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


async def run(paths: list[Path], parallel: int, guess_tokens: int) -> None:
    settings = Settings(backend="embedded", concurrency=1, parallel_questions=parallel, guess_tokens=guess_tokens)
    started = time.perf_counter()
    async with Session(settings) as session:
        ready = time.perf_counter() - started
        backend = session.backend
        assert isinstance(backend, EmbeddedBackend) and backend.server is not None
        log_path = backend.server.config.log_path
        records: list[tuple[Record, float]] = []
        for path in paths:  # one at a time: the server log then lines up with the requests
            t0 = time.perf_counter()
            (record,) = await session.extract_paths([path])
            records.append((record, time.perf_counter() - t0))
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
    timings = parse_perf_log(log_text)
    print(f"server start (spawn -> answering): {ready:.1f} s   log: {log_path}")
    header = f"{'document':<28} {'status':<6} {'calls':>5} {'prompt':>7} {'cached':>7} {'compl':>6} " \
             f"{'wall s':>7} {'server s':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    cursor = 0
    totals = [0, 0, 0, 0.0, 0.0]
    for record, wall in records:
        mine = timings[cursor:cursor + record.attempts]
        cursor += record.attempts
        cached = sum(t.cached_tokens for t in mine)
        server = sum(t.total_ms for t in mine) / 1000.0
        ratio = wall / server if server else float("nan")
        u = record.usage
        totals = [totals[0] + u.prompt_tokens, totals[1] + cached, totals[2] + u.completion_tokens,
                  totals[3] + wall, totals[4] + server]
        print(f"{Path(record.source).name[:28]:<28} {record.status:<6} {record.attempts:>5} {u.prompt_tokens:>7} "
              f"{cached:>7} {u.completion_tokens:>6} {wall:>7.1f} {server:>8.1f} {ratio:>6.3f}")
    print("-" * len(header))
    ratio = totals[3] / totals[4] if totals[4] else float("nan")
    print(f"{'total':<28} {'':<6} {'':>5} {totals[0]:>7} {totals[1]:>7} {totals[2]:>6} "
          f"{totals[3]:>7.1f} {totals[4]:>8.1f} {ratio:>6.3f}")
    gen_ms = sum(t.eval_ms for t in timings)
    gen_tokens = sum(t.eval_tokens for t in timings)
    pe_ms = sum(t.prompt_eval_ms for t in timings)
    pe_tokens = sum(t.prompt_eval_tokens for t in timings)
    walls = [wall for _, wall in records]
    if walls:
        print(f"parallel {parallel}: median {statistics.median(walls):.1f} s per document, "
              f"{sum(walls):.1f} s for {len(walls)}")
    if gen_ms and pe_ms and parallel == 1:
        print(f"llama.cpp: prompt eval {pe_tokens / pe_ms * 1000:.1f} tok/s over {pe_tokens} tokens, "
              f"generation {gen_tokens / gen_ms * 1000:.1f} tok/s over {gen_tokens} tokens")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--parallel", type=int, default=Settings().parallel_questions)
    parser.add_argument("--guess-tokens", type=int, default=Settings().guess_tokens,
                        help="schema-fixed tokens fed ahead per step (0: off, to compare)")
    args = parser.parse_args()
    asyncio.run(run(discover(args.paths or [ROOT / "seeds"]), args.parallel, args.guess_tokens))


if __name__ == "__main__":
    main()
