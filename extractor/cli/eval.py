"""`extractor eval`: run (or read) extractions of a gold split and score them.

A thin layer over `extractor.evaluate`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extractor.cli import options as opt
from extractor.evaluate import compare_reports, evaluate
from extractor.evaluation.report import render_comparison, render_table, to_markdown
from extractor.output import JsonlSink

console = Console()


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
    backend: opt.Backend = None,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    api_key: opt.ApiKey = None,
    mode: opt.Mode = None,
    model_path: opt.ModelPath = None,
    server_url: opt.ServerUrl = None,
    concurrency: opt.Concurrency = None,
    max_input_bytes: opt.MaxInputBytes = None,
    max_input_chars: opt.MaxInputChars = None,
    record: opt.Record = None,
    replay: opt.Replay = None,
    strategy: opt.Strategy = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Score extraction of a gold split per field, document, language and kind of text.

    Example: extractor eval --split test --compare evals/match_report/baseline.json
    """
    settings = opt.build_settings(
        backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, model_path=model_path,
        server_url=server_url, concurrency=concurrency, max_input_bytes=max_input_bytes,
        max_input_chars=max_input_chars, record_dir=record, replay_dir=replay, task=task, home=home, prompt=prompt,
        strategy=strategy,
    )
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
