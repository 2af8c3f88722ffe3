"""`extractor report`: records as a review page, one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.cli import options as opt
from extractor.errors import ConfigError

if TYPE_CHECKING:
    from extractor.records import Record
    from extractor.service.review_gold import GoldComparison

def report(
    records: Annotated[Path, typer.Argument(help="A JSON Lines file written by `extractor run`. Example: out.jsonl")],
    html: Annotated[Path, typer.Option("--html", help="The HTML file to write. Example: --html report.html")],
    root: Annotated[Path | None, typer.Option(
        "--root", help="Folder the records' relative `source` paths start from (default: the current folder). "
        "Example: --root ~/project")] = None,
    max_input_bytes: Annotated[int | None, typer.Option(
        "--max-input-bytes", min=1, help="Skip source files larger than this (default as for `run`). "
        "Example: --max-input-bytes 5000000")] = None,
    gold: Annotated[Path | None, typer.Option(
        "--gold", help="Score the records against this folder of gold files (as `extractor eval` does) and show "
        "each document's mismatches, gold beside predicted. Example: --gold evals/match_report/gold")] = None,
    eval_report: Annotated[Path | None, typer.Option(
        "--eval", help="Show the mismatches of a report written by `extractor eval --json` instead of scoring "
        "here. Example: --eval report.json")] = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Write a review page: each article with its facts highlighted, filters by status and language.

    With --gold (or --eval), each document also lists its mismatches against gold side by side.

    Example: extractor report out.jsonl --html report.html --gold evals/match_report/gold
    """
    # The review page's modules (and pydantic, rich) load when the command runs, not for `extractor --help`.
    from pydantic import ValidationError
    from rich.console import Console

    from extractor.output import read_records
    from extractor.records import Record
    from extractor.service.review import entries_from_files, render_page
    from extractor.settings import Settings

    if not records.is_file():
        raise ConfigError(f"no records file at {records}")
    if gold is not None and eval_report is not None:
        raise ConfigError("--gold and --eval both give the gold comparison: pass one of them")
    loaded: list[Record] = []
    skipped = 0
    for data in read_records(records):
        try:
            loaded.append(Record.model_validate(data))
        except ValidationError:
            skipped += 1
    limit = max_input_bytes or Settings.model_fields["max_input_bytes"].default
    entries = entries_from_files(loaded, (root or Path.cwd()), int(limit))
    comparison = _gold_comparison(loaded, gold, eval_report, task, home)
    try:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_page(entries, title=f"extractor review: {records.name}", gold=comparison),
                        encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"--html {html}: cannot write there: {exc.strerror or exc}") from exc
    missing = sum(1 for entry in entries if entry.text is None)
    console = Console(stderr=True)
    console.print(f"wrote {html}: {len(entries)} document(s)"
                  + (f", {missing} without their source text (see the notes on the page)" if missing else "")
                  + (f"; {skipped} line(s) in {records} are not records, skipped" if skipped else ""))
    if comparison is not None:
        compared = sum(1 for record in loaded if comparison.view(record.doc_id) is not None)
        console.print(f"{comparison.summary}; {compared} of the {len(loaded)} record(s) have a gold comparison")


def _gold_comparison(records: list[Record], gold: Path | None, eval_report: Path | None, task: str | None,
                     home: Path | None) -> GoldComparison | None:
    from pydantic import ValidationError

    from extractor.service.review_gold import compare_with_gold, from_eval_report

    if eval_report is not None:
        from extractor.evaluation.models import EvalReport

        try:
            report = EvalReport.model_validate_json(eval_report.read_bytes())
        except OSError as exc:
            raise ConfigError(f"--eval {eval_report}: cannot read it: {exc.strerror or exc}") from exc
        except ValidationError as exc:
            raise ConfigError(f"--eval {eval_report}: not a report of `extractor eval --json`: "
                              f"{exc.error_count()} error(s), first: {exc.errors()[0]['msg']}") from exc
        return from_eval_report(report, str(eval_report))
    if gold is None:
        return None
    from extractor.tasks import load_task

    settings = opt.build_settings(task=task, home=home)
    return compare_with_gold(records, gold, load_task(settings.task, settings.home))
