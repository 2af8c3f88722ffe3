"""Evaluation as a Python API: run (or read) extractions of a gold split and score them.

    from extractor import Settings
    from extractor.evaluate import evaluate

    report = evaluate(Settings(), split="dev")
    print(report.overall.f1, report.groups["all"].error_rate)

The CLI's `extractor eval` is a thin layer over `evaluate` and `compare_reports`.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extractor.api import aextract_many
from extractor.errors import ConfigError
from extractor.evaluation.gold import GoldDoc, load_gold, select_split
from extractor.evaluation.merge_score import MergeReport, load_merge_gold, score_merge
from extractor.evaluation.models import Comparison, EvalReport, load_report
from extractor.evaluation.report import compare
from extractor.evaluation.score import score
from extractor.merge import consolidate
from extractor.output import read_records
from extractor.records import Record
from extractor.settings import Settings
from extractor.tasks import Task, load_task

RecordSink = Callable[[Record], None]


def load_split(settings: Settings, split: str = "all") -> tuple[Task, dict[str, GoldDoc]]:
    """The task and its gold documents of one split (dev, test, seeds or all).

    Raises:
        ConfigError: no gold files, or an unknown split.
    """
    task = load_task(settings.task, settings.home)
    gold = select_split(load_gold(task.gold_dir, task.root_model), split)
    if not gold:
        raise ConfigError(f"no gold files for split {split!r} in {task.gold_dir}")
    return task, gold


def evaluate(
    settings: Settings | None = None,
    *,
    split: str = "all",
    pred: Path | None = None,
    repeat: int = 1,
    on_record: RecordSink | None = None,
) -> EvalReport:
    """Score the task's extraction on a gold split.

    Args:
        settings: How to extract (backend, strategy, recording...); default settings if None.
        split: dev, test, seeds or all.
        pred: Score this records file instead of running the model.
        repeat: Run every document this many times, each with another sampler seed, and
            report per-field agreement between the runs (the first run is the one scored).
        on_record: Sees every record of the first run (e.g. a JSONL sink).

    Raises:
        ConfigError: bad split, no gold, or `repeat` below 1.
    """
    settings = settings or Settings()
    if repeat < 1:
        raise ConfigError("--repeat must be 1 or more")
    task, gold = load_split(settings, split)
    if pred is not None:
        wanted = set(gold)
        runs = [[r for r in read_records(pred) if str(r.get("doc_id")) in wanted]]
    else:
        sources = [gold_source(task, doc.source) for doc in gold.values()]
        runs = []
        for number in range(repeat):
            varied = settings if number == 0 else settings.model_copy(update={"seed": (settings.seed or 0) + number})
            sink = on_record if number == 0 else None
            found = asyncio.run(aextract_many(sources, varied, on_record=sink))
            runs.append([r.model_dump(mode="json") for r in found])
    report = score(runs[0], gold, task.eval_spec)
    if len(runs) > 1:
        report.agreement = agreement(runs)
    report.meta.update(run_meta(runs[0], task, split, settings))
    return report


def evaluate_merge(
    settings: Settings | None = None,
    *,
    split: str = "all",
    pred: Path | None = None,
    on_gold: bool = False,
    on_record: RecordSink | None = None,
) -> MergeReport:
    """Score consolidation (`extractor merge`) on a gold split against `evals/<task>/merge_gold.json`.

    Args:
        settings: How to extract when neither `pred` nor `on_gold` is given.
        split: dev, test, seeds or all (a real match reported in two splits needs "all").
        pred: Consolidate this records file.
        on_gold: Consolidate the gold results themselves, as if they were records (no model).
        on_record: Sees every record extracted (when the model runs).

    The gold files' publication dates are passed to the merge (article metadata, not extraction).

    Raises:
        ConfigError: bad split, no gold, no consolidation gold, or the task has no MERGE_SPEC.
    """
    settings = settings or Settings()
    task, gold = load_split(settings, split)
    if task.merge_spec is None:
        raise ConfigError(f"task {task.name!r} declares no MERGE_SPEC")
    merge_gold = load_merge_gold(task.evals_dir / "merge_gold.json")
    if on_gold:
        records = [gold_record(doc, task) for doc in gold.values()]
    elif pred is not None:
        records = [r for r in read_records(pred) if str(r.get("doc_id")) in gold]
    else:
        sources = [gold_source(task, doc.source) for doc in gold.values()]
        found = asyncio.run(aextract_many(sources, settings, on_record=on_record))
        records = [r.model_dump(mode="json") for r in found]
    published = {doc_id: doc.published for doc_id, doc in gold.items()}
    merged = consolidate(records, task, published=published)
    report = score_merge(merged.matches, records, gold, merge_gold, task.eval_spec, task.merge_spec.items)
    report.meta.update(
        {"task": task.name, "split": split, "input": "gold" if on_gold else str(pred or "model"),
         **merged.summary()}
    )  # fmt: skip
    return report


def gold_record(doc: GoldDoc, task: Task) -> dict[str, Any]:
    """A gold document's result shaped as an ok record (for scoring the merge without a model)."""
    return {"doc_id": doc.doc_id, "source": doc.source, "status": "ok", "task": task.name,
            "language": doc.language, "backend": "gold", "result": doc.result}  # fmt: skip


def compare_reports(current: EvalReport, baseline_path: Path, max_drop: float) -> Comparison:
    """Compare a report with a committed baseline report file."""
    return compare(current, load_report(baseline_path), max_drop)


def gold_source(task: Task, source: str) -> Path:
    """The article file of a gold document (relative to the task home, or the working folder)."""
    path = Path(source)
    for base in (task.home, Path.cwd()):
        if (base / path).is_file():
            return base / path
    raise ConfigError(f"gold document {source} not found under {task.home}")


def agreement(runs: list[list[dict[str, Any]]]) -> dict[str, float]:
    """Per field path (indexes dropped), the mean over documents of how much the runs agree.

    For one document and path, agreement is |values every run gave| / |values any run gave|
    (as multisets); a document where no run gave a value for the path is not counted.
    """
    docs: dict[str, list[Mapping[str, Any] | None]] = {}
    for run in runs:
        for record in run:
            result = record.get("result") if record.get("status") == "ok" else None
            docs.setdefault(str(record.get("doc_id")), []).append(result)
    totals: dict[str, list[float]] = {}
    for results in docs.values():
        flat = [Counter(_leaves(result or {})) for result in results]
        paths = {path for counter in flat for path, _ in counter}
        for path in paths:
            per_run = [Counter({k: n for k, n in c.items() if k[0] == path}) for c in flat]
            union = per_run[0].copy()
            common = per_run[0].copy()
            for counter in per_run[1:]:
                union |= counter
                common &= counter
            if union:
                totals.setdefault(path, []).append(sum(common.values()) / sum(union.values()))
    return {path: round(sum(v) / len(v), 4) for path, v in sorted(totals.items())}


def _leaves(value: Any, path: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, path)
    elif value is not None and value is not False:
        yield path, json.dumps(value, ensure_ascii=False)


def run_meta(records: list[dict[str, Any]], task: Task, split: str, settings: Settings) -> dict[str, Any]:
    """What an eval measured: task, split, strategy, prompts (id, version, hash), backend and model."""
    prompts = {json.dumps(r["prompt"], sort_keys=True) for r in records if r.get("prompt")}
    return {
        "task": task.name,
        "split": split,
        "strategy": settings.strategy or "backend default",
        "prompts": sorted((json.loads(p) for p in prompts), key=lambda p: p["id"]),
        "backends": sorted({r.get("backend") or "?" for r in records}),
        "models": sorted({r.get("model") or "?" for r in records}),
        "documents": len(records),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
