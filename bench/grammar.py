"""What the embedded backend's JSON-schema grammar costs in generation speed (issue 11).

Against an already running llama.cpp OpenAI-compatible server (``extractor model serve --port
8765`` starts one; this script never starts a model), it sends recorded requests of the real
embedded-model runs (tests/fixtures/recordings: the very bodies extractor sent, each carrying
``response_format={"type": "json_object", "schema": ...}``, the grammar) twice each: as recorded
("grammar") and with ``response_format`` removed ("no grammar"), the same prompt, sampler and
``max_tokens`` otherwise. ``--modes`` can add "json" (llama.cpp's generic JSON grammar, no schema).

Each answer is streamed; generated tokens/s is (tokens after the first) / (time from the first
token to the last), so prompt processing (and whether the server had the prompt cached) is not
part of it. Requests are interleaved (grammar, no grammar, then the next request in the other
order), and the script prints each answer's figures, the median tokens/s per mode, and the
grammar's cost: 1 - grammar / no grammar.

Run it when nothing else loads the machine (a model evaluation beside it halves every figure).

Usage: .venv/bin/python bench/grammar.py --url http://127.0.0.1:8765/v1 [--requests 3] [--rounds 1]
       [--max-tokens 256] [--recording FILE ...] [--dry-run]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
RECORDINGS = REPO / "tests" / "fixtures" / "recordings"
MODES = ("grammar", "none", "json")


@dataclass(frozen=True)
class Sample:
    """One streamed answer."""

    request: str
    mode: str
    tokens: int  # generated tokens (content chunks; the server's usage when it reports one)
    first_token_s: float  # time to the first token (prompt processing, or a cache hit)
    generating_s: float  # first token to last

    @property
    def rate(self) -> float:
        """Generated tokens per second, after the first token."""
        return (self.tokens - 1) / self.generating_s if self.tokens > 1 and self.generating_s > 0 else 0.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The flags, checked: a URL of an http(s) server, recordings that carry a grammar."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--url", required=True, help="base URL of a running llama.cpp server, e.g. "
                        "http://127.0.0.1:8765/v1 (`extractor model serve --port 8765`)")
    parser.add_argument("--recording", type=Path, nargs="+", default=None,
                        help="recorded exchange file(s) to send (default: the --requests recordings of "
                        f"{RECORDINGS.relative_to(REPO)} with the longest answers)")
    parser.add_argument("--requests", type=int, default=3, help="how many recordings to take by default (3)")
    parser.add_argument("--rounds", type=int, default=1, help="times each request is sent in each mode (1)")
    parser.add_argument("--max-tokens", type=int, default=256,
                        help="cap on generated tokens per answer (default 256; 0: the recording's own)")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=["grammar", "none"],
                        help="grammar: as recorded; none: no response_format; json: generic JSON, no schema")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per request (600)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be sent, send nothing")
    args = parser.parse_args(argv)
    parts = urlsplit(args.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        parser.error(f"--url: not an http(s) URL: {args.url!r} (example: http://127.0.0.1:8765/v1)")
    if args.requests < 1 or args.rounds < 1 or args.max_tokens < 0 or args.timeout <= 0:
        parser.error("--requests and --rounds must be >= 1, --max-tokens >= 0 and --timeout > 0")
    if "grammar" not in args.modes or len(set(args.modes)) < 2:
        parser.error("--modes needs 'grammar' and at least one other mode to compare it with")
    try:
        args.bodies = load_bodies(args.recording, args.requests)
    except ValueError as exc:
        parser.error(str(exc))
    return args


def load_bodies(files: list[Path] | None, count: int) -> dict[str, dict[str, Any]]:
    """Request bodies (by recording name) that carry a schema grammar.

    Raises:
        ValueError: a file is missing, not a recorded chat completion, or has no grammar.
    """
    chosen: list[tuple[Path, dict[str, Any]]] = []
    for path in files if files is not None else sorted(RECORDINGS.glob("*.json")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            body = entry["request"]["body"]
            assert isinstance(body, dict) and isinstance(body.get("messages"), list)
        except (OSError, ValueError, KeyError, TypeError, AssertionError):
            raise ValueError(f"{path}: not a recorded chat completion (tests/fixtures/recordings/*.json)") from None
        schema = (body.get("response_format") or {}).get("schema")
        if not isinstance(schema, dict):
            if files is not None:
                raise ValueError(f"{path}: its request has no response_format schema (no grammar to measure)")
            continue
        chosen.append((path, entry))
    if not chosen:
        raise ValueError("no recorded request with a schema grammar found")
    if files is None:  # the longest answers measure a rate best
        chosen.sort(key=lambda pair: (-_completion_tokens(pair[1]), pair[0].name))
        chosen = chosen[:count]
    return {path.stem[:12]: entry["request"]["body"] for path, entry in chosen}


def _completion_tokens(entry: dict[str, Any]) -> int:
    usage = ((entry.get("response") or {}).get("body") or {}).get("usage") or {}
    return int(usage.get("completion_tokens") or 0)


def variant(body: dict[str, Any], mode: str, max_tokens: int) -> dict[str, Any]:
    """The body to send in `mode`: the recorded one, without its grammar, or with a schema-less JSON grammar."""
    sent = copy.deepcopy(body)
    if mode == "none":
        sent.pop("response_format", None)
    elif mode == "json":
        sent["response_format"] = {"type": "json_object"}
    if max_tokens:
        sent["max_tokens"] = min(int(sent.get("max_tokens") or max_tokens), max_tokens)
    sent["stream"] = True
    return sent


def measure(url: str, name: str, mode: str, body: dict[str, Any], timeout: float) -> Sample:
    """Stream one answer; count its tokens and time them."""
    request = urllib.request.Request(
        url.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer none"}, method="POST",
    )
    started = time.perf_counter()
    first = last = 0.0
    chunks = 0
    reported: int | None = None
    with urllib.request.urlopen(request, timeout=timeout) as response:
        for raw in response:
            line = raw.decode("utf-8", "replace").strip()
            if not line.startswith("data:"):
                continue
            data = line.removeprefix("data:").strip()
            if data == "[DONE]":
                break
            event = json.loads(data)
            usage = event.get("usage") or {}
            if usage.get("completion_tokens"):
                reported = int(usage["completion_tokens"])
            for choice in event.get("choices") or []:
                if (choice.get("delta") or {}).get("content"):
                    now = time.perf_counter()
                    first = first or now
                    last = now
                    chunks += 1
    if not chunks:
        raise RuntimeError(f"{name} ({mode}): the server streamed no tokens")
    return Sample(name, mode, reported or chunks, first - started, last - first)


def run(args: argparse.Namespace) -> list[Sample]:
    """Every request in every mode, interleaved; one line per answer on stderr."""
    samples: list[Sample] = []
    order = list(args.modes)
    for round_no in range(args.rounds):
        for name, body in args.bodies.items():
            for mode in order:
                sample = measure(args.url, name, mode, variant(body, mode, args.max_tokens), args.timeout)
                samples.append(sample)
                print(f"round {round_no + 1} {name} {mode:>7}: {sample.tokens} tokens, first after "
                      f"{sample.first_token_s:.2f} s, {sample.rate:.2f} tokens/s", file=sys.stderr, flush=True)
            order.reverse()  # the next request starts with the other mode
    return samples


def report(samples: list[Sample], modes: list[str]) -> str:
    """Median generated tokens/s per mode and the grammar's cost against each other mode."""
    rates = {mode: statistics.median(s.rate for s in samples if s.mode == mode) for mode in modes}
    lines = ["| mode | answers | tokens (median) | generated tokens/s (median) |", "|---|---|---|---|"]
    for mode in modes:
        mine = [s for s in samples if s.mode == mode]
        lines.append(f"| {mode} | {len(mine)} | {statistics.median(s.tokens for s in mine):.0f} | {rates[mode]:.2f} |")
    for mode in modes:
        if mode != "grammar" and rates[mode] > 0:
            lines.append(f"grammar's cost against '{mode}': {100 * (1 - rates['grammar'] / rates[mode]):.1f} % "
                         f"({rates['grammar']:.2f} vs {rates[mode]:.2f} tokens/s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 1 when the server cannot be reached."""
    args = parse_args(argv)
    if args.dry_run:
        for name, body in args.bodies.items():
            for mode in args.modes:
                sent = variant(body, mode, args.max_tokens)
                print(f"{name} {mode}: {len(sent['messages'])} messages, max_tokens {sent.get('max_tokens')}, "
                      f"response_format {json.dumps(sent.get('response_format'))[:60]}")
        return 0
    try:
        samples = run(args)
    except (urllib.error.URLError, OSError) as exc:
        print(f"cannot reach {args.url}: {exc} (start one with: extractor model serve --port 8765)", file=sys.stderr)
        return 1
    print(report(samples, args.modes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
