"""`extractor eval`: run (or read) extractions of a gold split and score them.

A thin layer over `extractor.evaluate`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extractor.cli import options as opt
from extractor.shorten import shorten

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from extractor.evaluation.merge_score import MergeReport
    from extractor.settings import Settings


def _console() -> Console:
    from rich.console import Console

    return Console()


@opt.settings_options
def eval_command(
    split: Annotated[str, typer.Option("--split", help="Gold split to score: dev (tune on it), test (report "
                                       "only), seeds, or all. Example: --split test")] = "dev",
    pred: Annotated[Path | None, typer.Option("--pred", help="Score existing records instead of running the "
                                              "model. Example: --pred out.jsonl")] = None,
    repeat: Annotated[int, typer.Option("--repeat", help="Run every document N times (sampler seed varied) "
                                        "and report per-field agreement. Example: --repeat 3")] = 1,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full report (every number and "
                                                  "mismatch) here. Example: --json report.json")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write a short markdown summary for a pull "
                                                  "request. Example: --markdown eval.md")] = None,
    baseline: Annotated[Path | None, typer.Option("--compare", help="Baseline report to compare with; exit 1 "
                                                  "when overall F1 drops by more than --max-drop. Example: "
                                                  "--compare evals/match_report/baseline.json")] = None,
    max_drop: Annotated[float, typer.Option("--max-drop", help="Allowed overall F1 drop against --compare. "
                                            "Example: --max-drop 0.05")] = 0.02,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Also keep the predictions as JSONL. "
                                             "Example: --out preds.jsonl")] = None,
    prompt: Annotated[str | None, typer.Option("--prompt", help="Force one prompt for every document (its "
                                               "language key). Example: --prompt default")] = None,
    merge: Annotated[bool, typer.Option("--merge", help="Score consolidation (`extractor merge`) against "
                                        "evals/<task>/merge_gold.json: pairwise precision/recall of the grouping "
                                        "and canonical-field accuracy. Example: --merge --split all")] = False,
    on_gold: Annotated[bool, typer.Option("--on-gold", help="With --merge: consolidate the gold results "
                                          "themselves (no model). Example: --merge --on-gold")] = False,
    *,
    shared: dict[str, Any],
) -> None:
    """Score extraction of a gold split per field, document, language and kind of text.

    Example: extractor eval --split test --compare evals/match_report/baseline.json
    """
    # The model stack (openai, instructor) loads when the command runs, not for `extractor --help`.
    from extractor.evaluate import compare_reports, evaluate
    from extractor.evaluation.report import render_comparison, render_table, to_markdown
    from extractor.output import JsonlSink

    settings = opt.build_settings(**shared, prompt=prompt)
    console = _console()
    if merge:
        _merge_eval(settings, split, pred, on_gold, out, json_out)
        return
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(JsonlSink(out, append=False)) if out is not None and pred is None else None
        report = evaluate(settings, split=split, pred=pred, repeat=repeat, on_record=sink.write if sink else None)
    console.print(render_table(report))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(report.model_dump_json(indent=1) + "\n", encoding="utf-8")
    if markdown is not None:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(to_markdown(report), encoding="utf-8")
    if baseline is not None:
        comparison = compare_reports(report, baseline, max_drop)
        console.print(render_comparison(comparison))
        if comparison.regressed:
            raise typer.Exit(1)


def _merge_eval(settings: Settings, split: str, pred: Path | None, on_gold: bool, out: Path | None,
                json_out: Path | None) -> None:
    from extractor.evaluate import evaluate_merge
    from extractor.output import JsonlSink

    with contextlib.ExitStack() as stack:
        live = out is not None and pred is None and not on_gold
        sink = stack.enter_context(JsonlSink(out, append=False)) if live and out is not None else None
        report = evaluate_merge(settings, split=split, pred=pred, on_gold=on_gold,
                                on_record=sink.write if sink else None)
    _console().print(merge_report_table(report))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(report.model_dump_json(indent=1) + "\n", encoding="utf-8")


def merge_report_table(report: MergeReport) -> Table:
    """Grouping precision/recall and canonical-field accuracy."""
    from rich.table import Table

    table = Table("consolidation", "value", title=f"extractor eval --merge ({report.meta.get('input')}, "
                  f"split {report.meta.get('split')})")
    table.add_row("pairs right / predicted / gold",
                  f"{report.pairs_correct} / {report.pairs_predicted} / {report.pairs_gold}")
    table.add_row("pairwise P / R / F1", f"{report.precision:.3f} / {report.recall:.3f} / {report.f1:.3f}")
    table.add_row("canonical items (gold items)", f"{report.canonical_items} ({report.gold_items})")
    for name, (right, total) in report.field_counts.items():
        table.add_row(f"canonical {name}", f"{right}/{total} = {report.field_accuracy.get(name, 0):.3f}")
    for mistake in report.mistakes:
        table.add_row("mistake", shorten(mistake, 160))
    return table
