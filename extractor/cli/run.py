"""`extractor run`: a folder of articles in, one JSON record per article out.

The order matters, so a failed start never costs the old output: every flag is checked,
the inputs are discovered and the backend is built before `--out` is locked, and the file
is opened (truncated, unless `--resume`) only once the backend has started.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from extractor.api import DUPLICATE, Plan, Session, plan
from extractor.cli import options as opt
from extractor.cli.errors import print_error
from extractor.documents import SUPPORTED_SUFFIXES
from extractor.errors import AuthRejected, CircuitOpen, ConfigError
from extractor.output import JsonlSink, OutputLock, check_output_path, done_ids, repair_torn_tail
from extractor.records import Record

console = Console(stderr=True)
FAILED_ROWS = 20  # failed documents listed in the summary (every one has its record)


def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively for .txt .md .html). "
                                                "Example: seeds/")],
    out: Annotated[Path, typer.Option("--out", "-o", help="JSON Lines output file. Example: --out out.jsonl")],
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents that already have an ok record in "
                                         "--out and append the rest. Example: --resume")] = False,
    backend: opt.Backend = None,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    api_key: opt.ApiKey = None,
    mode: opt.Mode = None,
    model_path: opt.ModelPath = None,
    server_url: opt.ServerUrl = None,
    lang: opt.Lang = None,
    concurrency: opt.Concurrency = None,
    follow_symlinks: opt.FollowSymlinks = False,
    max_input_bytes: opt.MaxInputBytes = None,
    max_input_chars: opt.MaxInputChars = None,
    record: opt.Record = None,
    replay: opt.Replay = None,
    strategy: opt.Strategy = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Extract records from every article under PATHS into --out (exit 1 if any document failed).

    Example: extractor run seeds/ --out out.jsonl
    """
    settings = opt.build_settings(
        backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, model_path=model_path,
        server_url=server_url, language=lang, concurrency=concurrency, follow_symlinks=follow_symlinks or None,
        max_input_bytes=max_input_bytes, max_input_chars=max_input_chars, record_dir=record,
        replay_dir=replay, strategy=strategy, task=task, home=home,
    )
    session = Session(settings)  # task, prompts, mode and backend are checked here
    check_output_path(out)
    with OutputLock(out):
        if resume:
            repair_torn_tail(out)
        skip = done_ids(out) if resume else set()
        work = plan(paths, skip, follow_symlinks=settings.follow_symlinks)
        if work.found == 0 and not work.items:
            suffixes = " ".join(SUPPORTED_SUFFIXES)
            raise ConfigError(f"no articles found in {' '.join(map(str, paths))} (looked for {suffixes} files)")
        if resume and skip:
            console.print(Text(f"resume: {work.skipped} document(s) already done in {out}, "
                               f"{len(work.items)} to go"))
        if not work.items:
            console.print("nothing to do")
            return
        _extract(session, work, out, resume)


def _extract(session: Session, work: Plan, out: Path, resume: bool) -> None:
    started = time.perf_counter()
    written: list[Record] = []
    stopped: AuthRejected | CircuitOpen | None = None

    async def go() -> None:
        async with session:  # the backend starts before --out is touched
            with JsonlSink(out, append=resume) as sink, _progress() as progress:
                bar = progress.add_task(f"extracting ({session.settings.backend})", total=len(work.items))

                def on_record(record: Record) -> None:
                    sink.write(record)
                    written.append(record)
                    progress.advance(bar)

                await session.extract_paths(work.items, on_record)

    try:
        asyncio.run(go())
    except (AuthRejected, CircuitOpen) as exc:
        stopped = exc
    console.print(summary_table(written, time.perf_counter() - started, out))
    if isinstance(stopped, AuthRejected):
        raise stopped  # a configuration error: exit 2, with the one-line hint
    if stopped is not None:
        print_error(f"error ({stopped.kind}): ", str(stopped))
    if any(_failed(r) for r in written):
        raise typer.Exit(1)


def _failed(record: Record) -> bool:
    """A document without a result; a duplicate copy is not a failure (its first copy has the result)."""
    return not record.ok and not (record.error is not None and record.error.type == DUPLICATE)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )


def summary_table(records: list[Record], seconds: float, out: Path) -> Table:
    """Docs ok/failed, items found per top-level list, tokens, time."""
    table = Table(title=Text(f"extractor run -> {out}"), show_header=False)
    ok = [r for r in records if r.ok]
    duplicates = [r for r in records if not r.ok and not _failed(r)]
    table.add_row("documents ok", str(len(ok)))
    table.add_row("documents failed", str(len(records) - len(ok) - len(duplicates)))
    if duplicates:
        table.add_row("duplicate copies", str(len(duplicates)))
    counts: dict[str, int] = {}
    for record in ok:
        for name, value in (record.result or {}).items():
            if isinstance(value, list):
                counts[name] = counts.get(name, 0) + len(value)
    for name, count in counts.items():
        table.add_row(f"{name} found", str(count))
    table.add_row("prompt tokens", f"{sum(r.usage.prompt_tokens for r in records):,}")
    table.add_row("completion tokens", f"{sum(r.usage.completion_tokens for r in records):,}")
    table.add_row("model calls", str(sum(r.attempts for r in records)))
    table.add_row("wall time", f"{seconds:.1f} s")
    failed = [r for r in records if _failed(r) and r.error is not None]
    for record in failed[:FAILED_ROWS]:
        if record.error is not None:
            table.add_row(Text.assemble(("failed", "red"), f" {record.source}"),
                          Text(f"{record.error.type}: {record.error.message[:160]}"))
    if len(failed) > FAILED_ROWS:
        table.add_row(f"... and {len(failed) - FAILED_ROWS} more", f"their records in {out} say why")
    return table
