"""Report plumbing: gold loading, JSON round trip, comparison and rendering."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from extractor.evaluation import (
    EvalReport,
    GoldDoc,
    GoldError,
    compare,
    load_gold,
    render_comparison,
    render_table,
    score,
    to_markdown,
)
from extractor.evaluation.models import load_report
from schemas.match_report import EVAL_SPEC, MatchReport

MATCH: dict[str, Any] = {
    "home_team": "Tottenham Hotspur",
    "away_team": "Fulham",
    "home_score": 2,
    "away_score": 0,
    "goals": [
        {"player": "Cristian Romero", "team": "Tottenham Hotspur", "minute": 30},
        {"player": "Harry Kane", "team": "Tottenham Hotspur", "minute": 70, "penalty": True},
    ],
}
# Gold values: 4 match fields + 3 (Romero) + 4 (Kane, with penalty) = 11


def _gold() -> dict[str, GoldDoc]:
    return {"d1": GoldDoc(doc_id="d1", language="en", result={"matches": [copy.deepcopy(MATCH)]})}


def _report(drop_kane: bool = False) -> EvalReport:
    result = {"matches": [copy.deepcopy(MATCH)]}
    if drop_kane:
        del result["matches"][0]["goals"][1]
    return score([{"doc_id": "d1", "status": "ok", "result": result}], _gold(), EVAL_SPEC)


def _render(renderable: Any) -> str:
    console = Console(record=True, width=140, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_compare_flags_regression_beyond_max_drop() -> None:
    baseline, current = _report(), _report(drop_kane=True)
    # current: TP 7, FN 4 -> F1 = 14 / 18 = 0.778; baseline F1 = 1.0; drop = 0.222
    assert current.overall.f1 == pytest.approx(14 / 18)
    comparison = compare(current, baseline, max_drop=0.1)
    assert comparison.regressed is True
    assert comparison.overall_delta == pytest.approx(14 / 18 - 1)
    assert compare(current, baseline, max_drop=0.25).regressed is False
    assert compare(baseline, current, max_drop=0.0).regressed is False  # an improvement
    # goals.player: Romero TP, Kane FN -> F1 = 2/3; penalty: only Kane's, FN -> 0
    assert comparison.per_field["matches.goals.player"].delta == pytest.approx(2 / 3 - 1)
    assert comparison.per_field["matches.goals.penalty"].delta == pytest.approx(-1.0)
    assert comparison.per_field["matches.home_team"].delta == 0.0
    assert comparison.per_language["en"].current == pytest.approx(14 / 18)
    assert comparison.documents_added == comparison.documents_removed == []


def test_compare_lists_documents_present_on_one_side() -> None:
    baseline = _report()
    other = score([], {"d2": GoldDoc(doc_id="d2", result={"matches": []})}, EVAL_SPEC)
    comparison = compare(other, baseline, max_drop=0.05)
    assert comparison.documents_added == ["d2"]
    assert comparison.documents_removed == ["d1"]
    assert comparison.per_field["matches.home_team"].current is None
    assert comparison.per_field["matches.home_team"].delta is None


def test_report_json_round_trip(tmp_path: Path) -> None:
    report = _report(drop_kane=True)
    report.meta.update(model="tiny", prompt={"id": "match_report", "version": "1"})
    data = json.loads(report.model_dump_json())
    assert data["overall"]["f1"] == pytest.approx(14 / 18)
    assert data["per_field"]["matches.goals[]"] == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3),
    }  # fmt: skip
    assert data["mismatches"][0]["kind"] == "missing"
    path = tmp_path / "report.json"
    path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    loaded = load_report(path)
    assert loaded.model_dump() == report.model_dump()


def test_render_table_and_comparison() -> None:
    current = _report(drop_kane=True)
    text = _render(render_table(current))
    for heading in ("Overall", "Per language", "Per field", "matches.goals.minute", "goals[]"):
        assert heading in text
    assert "0.778" in text  # overall F1
    comparison_text = _render(render_comparison(compare(current, _report(), max_drop=0.1)))
    assert "REGRESSED: overall F1 fell by 0.222 (more than 0.100)" in comparison_text
    assert "-0.222" in comparison_text


def test_to_markdown() -> None:
    current = _report(drop_kane=True)
    plain = to_markdown(current)
    assert "**F1 0.778**" in plain
    assert "| `matches.goals[]` | 1.000 | 0.500 | 0.667 |" in plain
    with_delta = to_markdown(current, compare(current, _report(), max_drop=0.5))
    assert "ΔF1" in with_delta
    assert "OK: overall F1 change -0.222" in with_delta
    assert "| `matches.goals.penalty` | 0.000 | 0.000 | 0.000 | -1.000 |" in with_delta


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def _gold_file(doc_id: str, result: dict[str, Any], task: str = "match_report") -> dict[str, Any]:
    return {"doc_id": doc_id, "source": "seeds/x.txt", "language": "de", "task": task,
            "notes": ["n"], "result": result}  # fmt: skip


def test_load_gold(tmp_path: Path) -> None:
    _write(tmp_path, "b", _gold_file("b", {"matches": [MATCH]}))
    _write(tmp_path, "a", _gold_file("a", {"matches": []}))
    docs = load_gold(tmp_path, MatchReport, task="match_report")
    assert list(docs) == ["a", "b"]
    assert docs["b"].language == "de"
    assert docs["b"].notes == ["n"]
    assert docs["b"].result["matches"][0]["goals"][1]["penalty"] is True


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x", _gold_file("y", {"matches": []}), "does not match the file name"),
        ("x", _gold_file("x", {"matches": []}, task="other"), "expected 'match_report'"),
        ("x", {"doc_id": "x"}, "not a gold file"),
        (
            "x",
            _gold_file("x", {"matches": [{**MATCH, "away_team": "Spurs", "home_team": "Spurs"}]}),
            "does not fit MatchReport",
        ),
    ],
)
def test_load_gold_errors(tmp_path: Path, name: str, data: dict[str, Any], message: str) -> None:
    _write(tmp_path, name, data)
    with pytest.raises(GoldError, match=message):
        load_gold(tmp_path, MatchReport, task="match_report")


def test_load_gold_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "nope")
