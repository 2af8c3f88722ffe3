"""The review page: each document's text with every grounded fact highlighted at its span.

One self-contained HTML file (inline CSS, JS and data; no network needed to open it), served
at `GET /` by the service and written by `extractor report RECORDS.jsonl --html report.html`.
Records carry offsets into the *original* text, so the page needs that text: the service has
its job inputs; `extractor report` re-reads the files named in `record.source` (see
`entries_from_files`) and shows a note where a source is missing or has changed since.

The browser renders documents in batches as the reader scrolls, so a 1,000-record file
opens at once. Article text is only ever inserted as text nodes (never as HTML).

For eval runs (`GoldComparison`, see `review_gold`), each document also lists its mismatches
against its gold file, the gold value beside the predicted one, with a filter for documents
that have mismatches.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.documents import DocumentError, read_document
from extractor.errors import ExtractorError
from extractor.records import Record
from extractor.service.review_assets import SCRIPT, STYLE
from extractor.service.review_gold import GoldComparison


@dataclass(frozen=True)
class ReviewEntry:
    """One document on the page: its record, the text its offsets point into, and a note if there is none."""

    record: Record
    text: str | None
    note: str | None = None


def entries_from_files(records: Iterable[Record], root: Path, max_bytes: int) -> list[ReviewEntry]:
    """Pair each record with its source file's text (read and decoded exactly as the pipeline did).

    A relative `source` is looked up under `root`. A missing or unreadable file gives a note
    instead of text; a file whose bytes changed since (its doc_id differs) is shown without
    highlights, since the offsets no longer fit it.
    """
    entries: list[ReviewEntry] = []
    for record in records:
        path = Path(record.source)
        path = path if path.is_absolute() else root / path
        if not path.is_file():
            entries.append(ReviewEntry(record, None, f"source file not found: {path} (pass --root DIR if the "
                                                    "records were written from another folder)"))
            continue
        try:
            document = read_document(path, max_bytes)
        except DocumentError as exc:
            entries.append(ReviewEntry(record, None, f"source {path} cannot be shown: {exc}"))
            continue
        except ExtractorError as exc:  # an HTML source without the html extra
            entries.append(ReviewEntry(record, None, f"source {path} cannot be shown: {exc}"))
            continue
        if document.doc_id != record.doc_id:
            note = (f"{path} has changed since it was extracted (doc_id {document.doc_id}, record {record.doc_id}): "
                    "shown without highlights, the offsets no longer fit")
            entries.append(ReviewEntry(record.model_copy(update={"grounding": []}), document.text, note))
            continue
        entries.append(ReviewEntry(record, document.text))
    return entries


def page_data(entries: Iterable[ReviewEntry], gold: GoldComparison | None = None) -> list[dict[str, Any]]:
    """What the page's script renders, one object per document (`gold` is None without a gold file)."""
    docs = []
    for entry in entries:
        data = entry.record.model_dump(mode="json")
        data["text"] = entry.text
        data["note"] = entry.note
        view = gold.view(entry.record.doc_id) if gold is not None else None
        data["gold"] = view.page_data() if view is not None else None
        docs.append(data)
    return docs


def render_page(
    entries: Iterable[ReviewEntry],
    *,
    title: str,
    nav: list[tuple[str, str]] | None = None,
    gold: GoldComparison | None = None,
) -> str:
    """The whole page as one HTML string; with `gold`, each document's mismatches beside its facts."""
    # Inside <script>, only '</' (and '<!--') can end or confuse the element: escape every '<'.
    payload = json.dumps({"docs": page_data(entries, gold)}, ensure_ascii=False).replace("<", "\\u003c")
    gold_filter = (
        "<label>gold <select id=\"gold-filter\"><option value=\"\">all</option>"
        "<option value=\"mismatch\">with mismatches</option><option value=\"match\">no mismatch</option>"
        "<option value=\"none\">no gold file</option></select></label>"
    ) if gold is not None else ""
    summary = f"<div id=\"gold-summary\">{html.escape(gold.summary)}</div>" if gold is not None else ""
    links = "".join(f'<a href="{html.escape(href)}">{html.escape(label)}</a>' for label, href in (nav or []))
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        + (f"<nav id=\"jobs\">{links}</nav>" if links else "")
        + "<div id=\"filters\">"
        "<label>status <select id=\"status-filter\"><option value=\"\">all</option><option value=\"ok\">ok</option>"
        "<option value=\"error\">error</option><option value=\"warnings\">with warnings</option></select></label>"
        "<label>language <select id=\"lang-filter\"><option value=\"\">all</option></select></label>"
        + gold_filter
        + "<label>search <input id=\"search\" type=\"search\" placeholder=\"source, team, player\"></label>"
        "<span id=\"shown\"></span></div>"
        + summary
        + "<div id=\"legend\"><mark class=\"k-goal\">goal</mark> <mark class=\"k-card\">card</mark> "
        "<mark class=\"k-team\">team</mark> <mark class=\"k-evidence\">result quote</mark> "
        "<mark class=\"k-fact\">other fact</mark></div></header>"
        "<main id=\"docs\"></main><div id=\"more\"></div>"
        f"<script id=\"review-data\" type=\"application/json\">{payload}</script>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
