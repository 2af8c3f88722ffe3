"""extractor: messy multilingual news text in, typed, validated, evidence-backed JSON out."""

from extractor.api import Session, aextract, aextract_many, extract, extract_many
from extractor.records import Record
from extractor.settings import Settings

__all__ = ["Record", "Session", "Settings", "aextract", "aextract_many", "extract", "extract_many"]
__version__ = "0.1.0"
