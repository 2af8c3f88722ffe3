"""`extractor report`: records as a review page, one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console

from extractor.errors import ConfigError
from extractor.output import read_records
from extractor.records import Record
from extractor.service.review import entries_from_files, render_page
from extractor.settings import Settings

console = Console(stderr=True)


def report(
    records: Annotated[Path, typer.Argument(help="A JSON Lines file written by `extractor run`. Example: out.jsonl")],
    html: Annotated[Path, typer.Option("--html", help="The HTML file to write. Example: --html report.html")],
    root: Annotated[Path | None, typer.Option(
        "--root", help="Folder the records' relative `source` paths start from (default: the current folder). "
        "Example: --root ~/project")] = None,
    max_input_bytes: Annotated[int | None, typer.Option(
        "--max-input-bytes", min=1, help="Skip source files larger than this (default as for `run`). "
        "Example: --max-input-bytes 5000000")] = None,
) -> None:
    """Write a review page: each article with its facts highlighted, filters by status and language.

    Example: extractor report out.jsonl --html report.html
    """
    if not records.is_file():
        raise ConfigError(f"no records file at {records}")
    loaded: list[Record] = []
    skipped = 0
    for data in read_records(records):
        try:
            loaded.append(Record.model_validate(data))
        except ValidationError:
            skipped += 1
    limit = max_input_bytes or Settings.model_fields["max_input_bytes"].default
    entries = entries_from_files(loaded, (root or Path.cwd()), int(limit))
    try:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_page(entries, title=f"extractor review: {records.name}"), encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"--html {html}: cannot write there: {exc.strerror or exc}") from exc
    missing = sum(1 for entry in entries if entry.text is None)
    console.print(f"wrote {html}: {len(entries)} document(s)"
                  + (f", {missing} without their source text (see the notes on the page)" if missing else "")
                  + (f"; {skipped} line(s) in {records} are not records, skipped" if skipped else ""))
