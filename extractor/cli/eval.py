"""`extractor eval`: run (or read) extractions of the gold documents and score them."""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from extractor.api import aextract_many
from extractor.cli import options as opt
from extractor.errors import ConfigError
from extractor.evaluation.gold import load_gold
from extractor.evaluation.report import compare, render_comparison, render_table, to_markdown
from extractor.evaluation.score import EvalReport, score
from extractor.output import JsonlSink, read_records
from extractor.tasks import Task, load_task

console = Console()


def eval_command(
    pred: Annotated[Path | None, typer.Option("--pred", help="Score existing records instead of running the "
                                              "model. Example: --pred out.jsonl")] = None,
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
    mode: opt.Mode = None,
    model_path: opt.ModelPath = None,
    server_url: opt.ServerUrl = None,
    concurrency: opt.Concurrency = None,
    record: opt.Record = None,
    replay: opt.Replay = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Score extraction of the gold documents per field, document and language.

    Example: extractor eval --compare evals/match_report/baseline.json
    """
    settings = opt.build_settings(
        backend=backend, model=model, base_url=base_url, mode=mode, model_path=model_path,
        server_url=server_url, concurrency=concurrency, record_dir=record, replay_dir=replay,
        task=task, home=home, prompt=prompt,
    )
    loaded = load_task(settings.task, settings.home)
    gold = load_gold(loaded.gold_dir, loaded.root_model)
    if not gold:
        raise ConfigError(f"no gold files in {loaded.gold_dir}")
    if pred is not None:
        records = list(read_records(pred))
    else:
        sources = [_gold_source(loaded, g.source) for g in gold.values()]
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(JsonlSink(out, append=False)) if out is not None else None
            found = asyncio.run(aextract_many(sources, settings, on_record=sink.write if sink else None))
        records = [r.model_dump(mode="json") for r in found]
    report = score(records, gold, loaded.eval_spec)
    report.meta.update(run_meta(records, loaded))
    console.print(render_table(report))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(report.model_dump_json(indent=1) + "\n", encoding="utf-8")
    if markdown is not None:
        markdown.write_text(to_markdown(report), encoding="utf-8")
    if baseline is not None:
        previous = EvalReport.model_validate_json(baseline.read_text(encoding="utf-8"))
        comparison = compare(report, previous, max_drop)
        console.print(render_comparison(comparison))
        if comparison.regressed:
            raise typer.Exit(1)


def _gold_source(task: Task, source: str) -> Path:
    path = Path(source)
    for base in (task.home, Path.cwd()):
        if (base / path).is_file():
            return base / path
    raise ConfigError(f"gold document {source} not found under {task.home}")


def run_meta(records: list[dict[str, Any]], task: Task) -> dict[str, Any]:
    """What an eval measured: task, prompts (id, version, hash), backend and model."""
    prompts = {json.dumps(r["prompt"], sort_keys=True) for r in records if r.get("prompt")}
    return {
        "task": task.name,
        "prompts": sorted((json.loads(p) for p in prompts), key=lambda p: p["id"]),
        "backends": sorted({r.get("backend") or "?" for r in records}),
        "models": sorted({r.get("model") or "?" for r in records}),
        "documents": len(records),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
