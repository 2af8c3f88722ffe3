"""extractor: messy multilingual news text in, typed, validated, evidence-backed JSON out."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.api import Session, aextract, aextract_iter, aextract_many, extract, extract_iter, extract_many
    from extractor.records import Record
    from extractor.settings import Settings

__all__ = ["Record", "Session", "Settings", "aextract", "aextract_iter", "aextract_many", "extract", "extract_iter",
           "extract_many"]
__version__ = "0.1.0"

#: Where each public name lives. Imported on first use, so `extractor --help` and the commands
#: that call no model do not pay for openai and instructor (issue 11: start-up).
_HOMES = {"Record": "extractor.records", "Settings": "extractor.settings", "Session": "extractor.api",
          "aextract": "extractor.api", "aextract_iter": "extractor.api", "aextract_many": "extractor.api",
          "extract": "extractor.api", "extract_iter": "extractor.api", "extract_many": "extractor.api"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
