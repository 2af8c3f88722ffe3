"""Human-readable views of an `EvalReport`: rich tables and a Markdown summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.table import Table
from rich.text import Text

from extractor.evaluation.models import Comparison, Counts, Delta, EvalReport, is_item_path

_SCORE_COLUMNS = ("P", "R", "F1", "TP", "FP", "FN")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.3f}"


def _score_cells(counts: Counts) -> list[str]:
    return [
        _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1),
        str(counts.tp), str(counts.fp), str(counts.fn),
    ]  # fmt: skip


def _score_table(title: str, first: str, extra: tuple[str, ...] = ()) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for name in (*extra, *_SCORE_COLUMNS):
        table.add_column(name, justify="right")
    return table


def _statuses(report: EvalReport) -> str:
    counts = Counter(doc.status for doc in report.per_document.values())
    return ", ".join(f"{counts[s]} {s}" for s in ("ok", "error", "missing") if counts[s])


def render_table(report: EvalReport) -> Group:
    """Overall, per-language and per-field scores as rich tables."""
    overall = _score_table("Overall", "scope")
    overall.add_row("all fields (micro)", *_score_cells(report.overall), style="bold")
    summary = Text.assemble(
        ("documents: ", "bold"), f"{len(report.per_document)} ({_statuses(report) or 'none'})",
        ("   match accuracy: ", "bold"), _fmt(report.match_accuracy),
        ("   swaps: ", "bold"), str(report.swaps),
        ("   mismatches: ", "bold"), str(len(report.mismatches)),
    )  # fmt: skip
    parts: list[Table | Text] = [overall, summary]
    if report.ungraded:
        parts.append(Text(f"{len(report.ungraded)} record(s) without gold were not scored", "yellow"))
    docs = Counter(doc.language for doc in report.per_document.values())
    languages = _score_table("Per language", "language", ("docs",))
    for language, counts in report.per_language.items():
        languages.add_row(language, str(docs[language]), *_score_cells(counts))
    fields = _score_table("Per field", "field")
    for path, counts in report.per_field.items():
        style = "italic cyan" if is_item_path(path) else None
        fields.add_row(path, *_score_cells(counts), style=style)
    parts += [languages, fields]
    if report.groups:
        parts.append(_groups_table(report))
    if report.agreement:
        agreement = Table(title="Run-to-run agreement (--repeat)")
        agreement.add_column("field")
        agreement.add_column("agreement", justify="right")
        for path, value in report.agreement.items():
            agreement.add_row(path, _fmt(value))
        parts.append(agreement)
    return Group(*parts)


def group_rows(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the per-group table (shared by the console and Markdown)."""
    lists = [path for path in report.per_field if is_item_path(path)]
    top = [path for path in lists if "." not in path]
    header = ["group", "docs", "errors", "fields F1"]
    header += [f"{path} found/missed/invented" for path in top]
    header += [f"{path} F1" for path in lists] + ["exact", "swaps", "s/doc (median)"]
    rows = []
    for name, group in report.groups.items():
        row = [name, str(group.documents), str(group.error_records), _fmt(group.fields.f1)]
        for path in top:
            c = group.items.get(path, Counts())
            row.append(f"{c.tp}/{c.fn}/{c.fp}")
        row += [_fmt(group.items.get(path, Counts()).f1) for path in lists]
        exact = f"{group.exact.correct}/{group.exact.total}"
        median = group.seconds_median
        row += [exact, str(group.swaps), f"{median:.1f}" if median is not None else "-"]
        rows.append(row)
    return header, rows


def _groups_table(report: EvalReport) -> Table:
    header, rows = group_rows(report)
    table = Table(title="By language and kind of text")
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row, style="bold" if row[0] == "all" else None)
    return table


def _delta_text(delta: Delta) -> Text:
    value = delta.delta
    style = "green" if value is not None and value > 0.0005 else None
    if value is not None and value < -0.0005:
        style = "red"
    return Text(_signed(value), style=style or "")


def _verdict(comparison: Comparison) -> str:
    change, limit = comparison.overall_delta, comparison.max_drop
    if comparison.regressed:
        return f"REGRESSED: overall F1 fell by {-change:.3f} (more than {limit:.3f})"
    return f"OK: overall F1 change {change:+.3f} (max drop {limit:.3f})"


def render_comparison(comparison: Comparison) -> Group:
    """F1 deltas against a baseline, regressions in red, and the verdict."""
    table = Table(title="F1 against baseline", title_justify="left")
    table.add_column("scope")
    for name in ("baseline", "current", "delta"):
        table.add_column(name, justify="right")
    rows = [("overall", comparison.overall), ("match accuracy", comparison.match_accuracy)]
    rows += [(f"lang {k}", v) for k, v in comparison.per_language.items()]
    rows += list(comparison.per_field.items())
    for name, delta in rows:
        table.add_row(name, _fmt(delta.baseline), _fmt(delta.current), _delta_text(delta))
    parts: list[Table | Text] = [table]
    if comparison.documents_added or comparison.documents_removed:
        parts.append(
            Text(
                f"gold sets differ: {len(comparison.documents_added)} document(s) added, "
                f"{len(comparison.documents_removed)} removed",
                "yellow",
            )
        )
    parts.append(Text(_verdict(comparison), "bold red" if comparison.regressed else "bold green"))
    return Group(*parts)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def to_markdown(report: EvalReport, comparison: Comparison | None = None) -> str:
    """A short Markdown summary for a pull request (with deltas when a comparison is given)."""
    o = report.overall
    lines = [
        "### Extraction evaluation",
        "",
        f"**F1 {o.f1:.3f}** (P {o.precision:.3f}, R {o.recall:.3f};"
        f" TP {o.tp}, FP {o.fp}, FN {o.fn})"
        f" · match accuracy {_fmt(report.match_accuracy)} · swaps {report.swaps}"
        f" · documents: {len(report.per_document)} ({_statuses(report) or 'none'})",
    ]
    if comparison is not None:
        lines += ["", f"**{_verdict(comparison)}**"]
    deltas = comparison.per_field if comparison is not None else {}
    header = ["field", "P", "R", "F1"] + (["ΔF1"] if comparison is not None else [])
    lines += ["", _md_row(header), _md_row(["---"] * len(header))]
    for path, counts in report.per_field.items():
        cells = [f"`{path}`", _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1)]
        if comparison is not None:
            cells.append(_signed(deltas[path].delta) if path in deltas else "-")
        lines.append(_md_row(cells))
    if len(report.per_language) > 1:
        lines += ["", _md_row(["language", "P", "R", "F1"]), _md_row(["---"] * 4)]
        for language, counts in report.per_language.items():
            lines.append(_md_row([language, _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1)]))
    if report.groups:
        header, rows = group_rows(report)
        lines += ["", _md_row(header), _md_row(["---"] * len(header)), *(_md_row(r) for r in rows)]
    return "\n".join(lines) + "\n"
