"""`extractor merge`: records of one or more runs in, one canonical match per line out.

A thin layer over `extractor.merge.consolidate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.cli import options as opt
from extractor.errors import ConfigError

if TYPE_CHECKING:
    from rich.table import Table

    from extractor.merge import Consolidation


def merge_command(
    records: Annotated[
        list[Path],
        typer.Argument(
            help="Records files written by `extractor run` (JSONL). Example: out/seeds.jsonl out/wires.jsonl"
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Where the canonical matches go, one JSON object a line. Example: --out matches.jsonl"
        ),
    ],
    task: opt.TaskOption = None,
    home: opt.Home = None,
) -> None:
    """Consolidate records into canonical matches: one per real match, with sources and conflicts.

    Example: extractor merge out/seeds.jsonl --out matches.jsonl
    """
    missing = [str(p) for p in records if not p.is_file()]
    if missing:
        raise ConfigError(f"records file(s) not found: {', '.join(missing)}")
    settings = opt.build_settings(task=task, home=home)
    merge_into(records, out, task, settings.home)


def merge_into(records: list[Path], out: Path, task: str | None, home: Path | None) -> Consolidation:
    """Consolidate records files into `out` and print the summary (also `extractor run --merge`)."""
    from rich.console import Console

    from extractor.merge import consolidate, read_jsonl

    if out.is_dir():
        raise ConfigError(f"--out {out} is a folder; give a file name")
    merged = consolidate(read_jsonl(records), task, home=home)
    write_matches(merged, out)
    Console(stderr=True).print(merge_table(merged, out))
    return merged


def write_matches(merged: Consolidation, out: Path) -> None:
    """Write the canonical matches as JSONL (the whole file at once: a merge is not a long run)."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(json.dumps(m, ensure_ascii=False, default=str) + "\n" for m in merged.matches)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"--out {out}: cannot write: {exc.strerror or exc}") from exc


def merge_table(merged: Consolidation, out: Path) -> Table:
    """What went in and what came out."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"extractor merge -> {out}"), show_header=False)
    for label, count in merged.summary().items():
        table.add_row(label, f"{count:,}")
    return table
