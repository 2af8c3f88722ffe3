"""Evaluation inputs: hand-labelled gold files and extraction records (JSONL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extractor.errors import ConfigError


class GoldError(ConfigError):
    """A gold file or a records file that cannot be used."""


class GoldDoc(BaseModel):
    """One gold file: `evals/<task>/gold/<doc_id>.json`."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    source: str = Field(default="", description="The article, relative to the task home (e.g. 'seeds/x.txt').")
    language: str | None = None
    task: str | None = None
    notes: list[str] = Field(default_factory=list)
    result: dict[str, Any] = Field(description="The expected output, shaped like the task's root model.")


def load_gold(
    directory: str | Path,
    root_model: type[BaseModel] | None = None,
    *,
    task: str | None = None,
) -> dict[str, GoldDoc]:
    """Load every `*.json` gold file of a folder.

    Args:
        directory: Folder holding `<doc_id>.json` files.
        root_model: When given, each `result` must validate against it (the stored
            result stays the file's own JSON, so scoring sees what was written).
        task: When given, a file naming another task is an error.

    Returns:
        Gold documents by doc_id, sorted by doc_id.

    Raises:
        GoldError: The folder is missing, or a file is not valid JSON, does not fit
            `GoldDoc` or `root_model`, or its doc_id differs from its file name.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise GoldError(f"gold folder not found: {folder}")
    docs: dict[str, GoldDoc] = {}
    for path in sorted(folder.glob("*.json")):
        doc = _load_one(path, root_model, task)
        docs[doc.doc_id] = doc
    return dict(sorted(docs.items()))


def _load_one(path: Path, root_model: type[BaseModel] | None, task: str | None) -> GoldDoc:
    try:
        doc = GoldDoc.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise GoldError(f"{path}: not a gold file: {exc}") from exc
    if doc.doc_id != path.stem:
        raise GoldError(f"{path}: doc_id {doc.doc_id!r} does not match the file name")
    if task is not None and doc.task is not None and doc.task != task:
        raise GoldError(f"{path}: gold for task {doc.task!r}, expected {task!r}")
    if root_model is not None:
        try:
            root_model.model_validate(doc.result)
        except ValidationError as exc:
            raise GoldError(f"{path}: result does not fit {root_model.__name__}: {exc}") from exc
    return doc


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL records file, skipping blank lines.

    Raises:
        GoldError: A line is not a JSON object.
    """
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise GoldError(f"{path}:{number}: a record must be a JSON object")
            yield record


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """All records of a JSONL file (see `iter_records`)."""
    return list(iter_records(path))
