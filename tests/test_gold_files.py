"""Machine checks on every gold file: a label must be checkable against its own article.

* every grounded string (teams, players, coaches, venue, competition, stage) occurs in the
  article, accent- and case-insensitively (the extractor's own grounding rules);
* every goal's and card's team is one of its match's teams, spelled the same way;
* goals per team never exceed the score, and `goals_complete` says whether they make it up;
* the file says where the article came from and what kind of text it is.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.cleaning import clean
from extractor.evaluation.gold import GoldDoc, load_gold, split_of
from extractor.grounding import Grounder
from extractor.salvage import grounded_values
from schemas.match_report import MatchReport

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "match_report" / "gold"
KINDS = {"single", "roundup", "no_result"}


def problems(path: Path) -> list[str]:  # noqa: C901 - one list of checks, read top to bottom
    """Everything wrong with one gold file, each message naming the file."""
    doc = GoldDoc.model_validate_json(path.read_bytes())
    raw = json.loads(path.read_text(encoding="utf-8"))
    name = path.name
    out: list[str] = []
    article = ROOT / doc.source
    if not article.is_file():
        return [f"{name}: article {doc.source} not found"]
    grounder = Grounder(clean(article.read_text(encoding="utf-8")))
    matches = raw["result"].get("matches", [])
    bare = {"matches": [{k: v for k, v in m.items() if k != "goals_complete"} for m in matches]}
    for where, value, _, _ in grounded_values(MatchReport, bare):
        if where[-1] == "evidence":
            continue
        if not grounder.find_all(value):
            out.append(f"{name}: {'.'.join(map(str, where))} = {value!r} does not occur in {doc.source}")
    for index, match in enumerate(matches):
        teams = {match["home_team"]: match["home_score"], match["away_team"]: match["away_score"]}
        per_team = dict.fromkeys(teams, 0)
        for kind in ("goals", "cards"):
            for item in match.get(kind, []):
                if item["team"] not in teams:
                    out.append(f"{name}: matches[{index}].{kind}: team {item['team']!r} is not one of {list(teams)}")
                elif kind == "goals":
                    per_team[item["team"]] += 1
        for team, count in per_team.items():
            if count > teams[team]:
                out.append(f"{name}: matches[{index}]: {count} goals for {team!r}, whose score is {teams[team]}")
        complete = match.get("goals_complete")
        if not isinstance(complete, bool):
            out.append(f"{name}: matches[{index}] has no goals_complete flag")
        elif complete != (sum(per_team.values()) == sum(teams.values())):
            out.append(f"{name}: matches[{index}].goals_complete is {complete}, but the goals say otherwise")
    if doc.kind not in KINDS:
        out.append(f"{name}: kind {doc.kind!r} is not one of {sorted(KINDS)}")
    if doc.kind == "no_result" and matches:
        out.append(f"{name}: a no_result text with matches")
    if not doc.source.startswith("seeds/") and not (doc.url or "").startswith("http"):
        out.append(f"{name}: no source url")
    return out


GOLD_FILES = sorted(GOLD.glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_checks(path: Path) -> None:
    assert problems(path) == []


def test_gold_set_size_and_mix() -> None:
    docs = load_gold(GOLD, MatchReport)
    real = [d for d in docs.values() if d.split != "seeds"]
    assert len(real) >= 40
    languages = {lang: sum(d.language == lang for d in real) for lang in ("en", "de", "es", "it", "fr", "da", "nl")}
    assert all(languages[lang] >= 6 for lang in ("en", "de", "es", "it", "fr")), languages
    assert languages["da"] >= 4 and languages["nl"] >= 4, languages
    assert sum(d.kind == "roundup" for d in real) >= 8
    assert sum(d.kind == "no_result" for d in real) >= 5
    assert sum(d.noisy for d in real) >= 8
    splits = {s: sum(d.split == s for d in docs.values()) for s in ("dev", "test", "seeds")}
    assert splits["seeds"] == 5 and splits["dev"] >= 25 and splits["test"] >= 10, splits


def test_split_is_a_function_of_the_source_address() -> None:
    assert split_of("seeds/x.txt", "https://example.org/a") == "seeds"
    assert split_of("a.txt", "https://example.org/a") == split_of("b.txt", "https://example.org/a")


def test_a_broken_gold_file_is_named_with_the_string(tmp_path: Path) -> None:
    source = next(p for p in GOLD_FILES if json.loads(p.read_text())["result"]["matches"])
    data = json.loads(source.read_text(encoding="utf-8"))
    data["result"]["matches"][0]["home_team"] = "Invented Rovers"
    broken = tmp_path / source.name
    broken.write_text(json.dumps(data), encoding="utf-8")
    found = problems(broken)
    assert any(source.name in p and "'Invented Rovers'" in p for p in found), found


def test_gold_loader_keeps_gold_only_flags_out_of_the_result(tmp_path: Path) -> None:
    for path in GOLD_FILES[:3]:
        shutil.copy(path, tmp_path / path.name)
    docs = load_gold(tmp_path, MatchReport)
    for doc in docs.values():
        assert all("goals_complete" not in m for m in doc.result["matches"])
        assert len(doc.item_flags["matches"]) == len(doc.result["matches"])


def test_repeat_agreement_is_the_share_of_values_every_run_gave() -> None:
    from extractor.evaluate import agreement

    def run(*teams: str) -> list[dict]:
        return [{"doc_id": "d", "status": "ok", "result": {"matches": [{"home_team": t} for t in teams]}}]

    same = agreement([run("A", "B"), run("A", "B")])
    assert same == {"matches.home_team": 1.0}
    half = agreement([run("A", "B"), run("A", "C")])
    assert half["matches.home_team"] == pytest.approx(1 / 3, abs=1e-3)
    failed = agreement([run("A"), [{"doc_id": "d", "status": "error", "result": None}]])
    assert failed["matches.home_team"] == 0.0
