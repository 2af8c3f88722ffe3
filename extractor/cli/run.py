"""`extractor run`: a folder of articles in, one JSON record per article out.

The order matters, so a failed start never costs the old output: every flag and input path
is checked and the backend is built before `--out` is locked, and the file is opened
(truncated, unless `--resume`) only once the backend has started.

Memory stays flat in the number of files: the inputs are discovered as the run takes them
(`extractor.work.Work`), records go to the file as they end and the summary only counts them.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extractor.cli import engine_options as eng
from extractor.cli import options as opt
from extractor.cli.errors import print_error
from extractor.errors import AuthRejected, CircuitOpen, ConfigError
from extractor.shorten import shorten

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from extractor.api import Engine, Session, Work, WorkItem
    from extractor.records import Record

# The model stack (openai, instructor) and rich load when `run` runs, not for `extractor --help`.
FAILED_ROWS = 20  # failed documents listed in the summary (every one has its record)


@opt.settings_options
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively for .txt .md .html). "
                                                "Example: seeds/")],
    out: Annotated[Path, typer.Option("--out", "-o", help="JSON Lines output file. Example: --out out.jsonl")],
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents that already have an ok record in "
                                         "--out and append the rest. Example: --resume")] = False,
    lang: opt.Lang = None,
    follow_symlinks: opt.FollowSymlinks = False,
    merge: Annotated[Path | None, typer.Option("--merge", help="At the end, consolidate every record in --out "
                                               "into canonical matches here (as `extractor merge`). "
                                               "Example: --merge matches.jsonl")] = None,
    engine: eng.Engine = "local",
    ray_address: eng.RayAddress = None,
    ray_actors: eng.RayActors = None,
    *,
    shared: dict[str, Any],
) -> None:
    """Extract records from every article under PATHS into --out (exit 1 if any document failed).

    Example: extractor run seeds/ --out out.jsonl
    """
    from rich.text import Text

    from extractor.api import Session, Work
    from extractor.documents import SUPPORTED_SUFFIXES
    from extractor.engines import engine_for
    from extractor.output import OutputLock, check_output_path, done_ids, repair_torn_tail

    console = _console()
    settings = opt.build_settings(**shared, language=lang, follow_symlinks=follow_symlinks or None)
    session = Session(settings)  # task, prompts, mode and backend are checked here
    where = engine_for(engine, address=ray_address, actors=ray_actors)  # and the engine (a missing extra)
    Work(paths, follow_symlinks=settings.follow_symlinks)  # a path that does not exist fails before the lock
    check_output_path(out)
    with OutputLock(out):
        if resume:
            repair_torn_tail(out)
        skip = done_ids(out) if resume else set()
        work = Work(paths, skip, follow_symlinks=settings.follow_symlinks)
        items = iter(work)
        first = next(items, None)  # reads up to the first file to do (all of them when every one is done)
        if first is None and work.found == 0:
            suffixes = " ".join(SUPPORTED_SUFFIXES)
            raise ConfigError(f"no articles found in {' '.join(map(str, paths))} (looked for {suffixes} files)")
        if resume and skip:
            console.print(Text(f"resume: {len(skip)} document(s) already done in {out}"
                               + ("" if first is None else "; the others follow")))
        if first is None:
            console.print("nothing to do")
            return
        _extract(session, work, itertools.chain([first], items), out, resume, merge, where)


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _extract(
    session: Session,
    work: Work,
    items: Iterator[WorkItem],
    out: Path,
    resume: bool,
    merge: Path | None = None,
    engine: Engine | None = None,
) -> None:
    import asyncio

    from extractor.api import LocalEngine
    from extractor.output import JsonlSink

    started = time.perf_counter()
    summary = RunSummary()
    stopped: AuthRejected | CircuitOpen | None = None
    total = work.count()  # a quick listing for the bar; the stream decides the true count

    async def go() -> None:
        async with (engine or LocalEngine()).open(session) as runner:  # the backend starts before --out is touched
            with JsonlSink(out, append=resume) as sink, _progress() as progress:
                bar = progress.add_task(f"extracting ({session.settings.backend})", total=total)

                def on_record(record: Record) -> None:
                    sink.write(record)
                    summary.add(record)
                    progress.update(bar, completed=summary.records + work.skipped)

                # keep=False: the file has every record and the summary only counts, so memory stays flat.
                await runner.extract_paths(items, on_record, keep=False)
                done = summary.records + work.skipped
                progress.update(bar, completed=done, total=done)

    try:
        asyncio.run(go())
    except (AuthRejected, CircuitOpen) as exc:
        stopped = exc
    summary.skipped = work.skipped
    _console().print(summary_table(summary, time.perf_counter() - started, out))
    if isinstance(stopped, AuthRejected):
        raise stopped  # a configuration error: exit 2, with the one-line hint
    if stopped is not None:
        print_error(f"error ({stopped.kind}): ", str(stopped))
    if merge is not None:
        from extractor.cli.merge import merge_into

        merge_into([out], merge, session.settings.task, session.settings.home)
    if summary.failed:
        raise typer.Exit(1)


def _failed(record: Record) -> bool:
    """A document without a result; a duplicate copy is not a failure (its first copy has the result)."""
    from extractor.api import DUPLICATE

    return not record.ok and not (record.error is not None and record.error.type == DUPLICATE)


@dataclass
class RunSummary:
    """What the summary table shows, counted as records go by (no record is kept but the first failures)."""

    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0  # inputs --resume left out (set at the end)
    found: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model_calls: int = 0
    first_failures: list[Record] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Records counted so far."""
        return self.ok + self.failed + self.duplicates

    def add(self, record: Record) -> None:
        """Count one record."""
        self.prompt_tokens += record.usage.prompt_tokens
        self.completion_tokens += record.usage.completion_tokens
        self.model_calls += record.attempts
        if record.ok:
            self.ok += 1
            for name, value in (record.result or {}).items():
                if isinstance(value, list):
                    self.found[name] = self.found.get(name, 0) + len(value)
        elif _failed(record):
            self.failed += 1
            if record.error is not None and len(self.first_failures) < FAILED_ROWS:
                self.first_failures.append(record)
        else:
            self.duplicates += 1


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(), transient=False,
    )


def summary_table(records: RunSummary | Iterable[Record], seconds: float, out: Path) -> Table:
    """Docs ok/failed, items found per top-level list, tokens, time."""
    from rich.table import Table
    from rich.text import Text

    if isinstance(records, RunSummary):
        summary = records
    else:
        summary = RunSummary()
        for record in records:
            summary.add(record)
    table = Table(title=Text(f"extractor run -> {out}"), show_header=False)
    table.add_row("documents ok", str(summary.ok))
    table.add_row("documents failed", str(summary.failed))
    if summary.duplicates:
        table.add_row("duplicate copies", str(summary.duplicates))
    if summary.skipped:
        table.add_row("already done (--resume)", str(summary.skipped))
    for name, count in summary.found.items():
        table.add_row(f"{name} found", str(count))
    table.add_row("prompt tokens", f"{summary.prompt_tokens:,}")
    table.add_row("completion tokens", f"{summary.completion_tokens:,}")
    table.add_row("model calls", str(summary.model_calls))
    table.add_row("wall time", f"{seconds:.1f} s")
    for record in summary.first_failures:
        if record.error is not None:
            table.add_row(Text.assemble(("failed", "red"), f" {record.source}"),
                          Text(f"{record.error.type}: {shorten(record.error.message, 160)}"))
    if summary.failed > len(summary.first_failures):
        table.add_row(f"... and {summary.failed - len(summary.first_failures)} more", f"their records in {out} say why")
    return table
