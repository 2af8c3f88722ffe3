"""`extractor run`: a folder of articles in, one JSON record per article out."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor.api import aextract_many, pending
from extractor.cli import options as opt
from extractor.output import JsonlSink, done_ids
from extractor.records import Record

console = Console(stderr=True)


def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively for .txt .md .html). "
                                                "Example: seeds/")],
    out: Annotated[Path, typer.Option("--out", "-o", help="JSON Lines output file. Example: --out out.jsonl")],
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents that already have an ok record in "
                                         "--out and append the rest. Example: --resume")] = False,
    backend: opt.Backend = None,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    model_path: opt.ModelPath = None,
    server_url: opt.ServerUrl = None,
    lang: opt.Lang = None,
    concurrency: opt.Concurrency = None,
    record: opt.Record = None,
    replay: opt.Replay = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Extract records from every article under PATHS into --out (exit 1 if any document failed).

    Example: extractor run seeds/ --out out.jsonl
    """
    settings = opt.build_settings(
        backend=backend, model=model, base_url=base_url, mode=mode, model_path=model_path,
        server_url=server_url, language=lang, concurrency=concurrency, record_dir=record,
        replay_dir=replay, task=task, home=home,
    )
    skip = done_ids(out) if resume else set()
    todo = pending(paths, skip)
    if resume and skip:
        console.print(f"resume: {len(skip)} document(s) already done in {out}, {len(todo)} to go")
    started = time.perf_counter()
    written: list[Record] = []
    with JsonlSink(out, append=resume) as sink, _progress() as progress:
        bar = progress.add_task(f"extracting ({settings.backend})", total=len(todo))

        def on_record(record: Record) -> None:
            sink.write(record)
            written.append(record)
            progress.advance(bar)

        asyncio.run(aextract_many(todo, settings, on_record=on_record))
    console.print(summary_table(written, time.perf_counter() - started, out))
    if any(not r.ok for r in written):
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )


def summary_table(records: list[Record], seconds: float, out: Path) -> Table:
    """Docs ok/failed, items found per top-level list, tokens, time."""
    table = Table(title=f"extractor run -> {out}", show_header=False)
    ok = [r for r in records if r.ok]
    table.add_row("documents ok", str(len(ok)))
    table.add_row("documents failed", str(len(records) - len(ok)))
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
    for record in records:
        if not record.ok and record.error is not None:
            table.add_row(f"[red]failed[/red] {record.source}", f"{record.error.type}: {record.error.message[:160]}")
    return table
