"""Evaluation inputs: hand-labelled gold files and extraction records (JSONL)."""

from __future__ import annotations

import hashlib
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extractor.errors import ConfigError


class GoldError(ConfigError):
    """A gold file or a records file that cannot be used."""


#: Share of the non-seed documents that go to the test split (by hash of the source address).
TEST_SHARE = 0.28
SPLITS = ("dev", "test", "seeds")


def split_of(source: str, url: str | None) -> str:
    """'seeds' for the seed articles, else 'test' or 'dev' by a hash of the source address.

    The hash makes the split fixed and blind: nobody chose which article is tested.
    """
    if source.startswith("seeds/"):
        return "seeds"
    digest = hashlib.sha256((url or source).encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) / 0xFFFFFFFF < TEST_SHARE else "dev"


class GoldDoc(BaseModel):
    """One gold file: `evals/<task>/gold/<doc_id>.json`."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    source: str = Field(default="", description="The article, relative to the task home (e.g. 'seeds/x.txt').")
    language: str | None = None
    task: str | None = None
    url: str | None = Field(default=None, description="Where the article was published.")
    published: str | None = Field(default=None, description="The page's publication date, when known.")
    kind: str | None = Field(default=None, description="single | roundup | no_result")
    noisy: bool = Field(default=False, description="The page carries headline lists, tables, widgets or navigation.")
    hard_cases: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    result: dict[str, Any] = Field(description="The expected output, shaped like the task's root model.")
    item_flags: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict,
        description="Per top-level list, each item's gold-only keys (keys the task's item model does not have, "
        "e.g. a completeness flag); they are kept out of `result`, so they are never scored.",
    )

    @property
    def split(self) -> str:
        """dev, test or seeds (see `split_of`)."""
        return split_of(self.source, self.url)

    @property
    def groups(self) -> list[str]:
        """The report groups this document counts in: its split, language, kind, and 'noisy'."""
        out = [f"split:{self.split}", f"language:{self.language or 'unknown'}", f"kind:{self.kind or 'unlabelled'}"]
        return [*out, "noisy"] if self.noisy else out


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
    if root_model is not None:
        _split_flags(doc, root_model)
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


def _split_flags(doc: GoldDoc, root_model: type[BaseModel]) -> None:
    """Move keys the item model does not define out of the result's top-level items."""
    for name, items in doc.result.items():
        field = root_model.model_fields.get(name)
        args = typing.get_args(field.annotation) if field else ()
        item_model = next((a for a in args if isinstance(a, type)), None)
        if not isinstance(items, list) or item_model is None or not issubclass(item_model, BaseModel):
            continue
        known = set(item_model.model_fields)
        flags = []
        for item in items:
            if isinstance(item, dict):
                flags.append({key: item.pop(key) for key in list(item) if key not in known})
        doc.item_flags[name] = flags


def select_split(docs: dict[str, GoldDoc], split: str) -> dict[str, GoldDoc]:
    """The documents of one split, or all of them for 'all'.

    Raises:
        GoldError: an unknown split name.
    """
    if split == "all":
        return docs
    if split not in SPLITS:
        raise GoldError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}, all")
    return {doc_id: doc for doc_id, doc in docs.items() if doc.split == split}
