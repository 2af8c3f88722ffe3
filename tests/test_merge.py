"""Consolidation of records into canonical matches (`extractor merge`, `consolidate`), offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluate import evaluate_merge, gold_record
from extractor.evaluation.gold import load_gold
from extractor.merge import consolidate, read_jsonl
from extractor.names import club_key, resolve_keys
from extractor.tasks import load_task
from schemas.match_report import same_team, team_key

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
TASK = load_task("match_report", ROOT)
SEEDS = ("eb6784090be19f95", "5a5b2b1edb07c442", "5dfe3f9c44179d72", "63dd43187892e1df", "687e6ee478d2ef60")


def record(doc_id: str, *matches: dict[str, Any], status: str = "ok") -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "source": f"{doc_id}.txt",
        "status": status,
        "task": "match_report",
        "backend": "test",
        "result": {"matches": list(matches)} if status == "ok" else None,
    }


def match(
    home: str, away: str, hs: int, as_: int, date: str | None = None, goals: list[Any] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "home_team": home,
        "away_team": away,
        "home_score": hs,
        "away_score": as_,
        "date": date,
        "goals": goals or [],
        "cards": [],
        **extra,
    }


def goal(player: str, team: str, minute: int | None) -> dict[str, Any]:
    return {"player": player, "team": team, "minute": minute, "penalty": False, "own_goal": False}


def gold_records(doc_ids: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    gold = load_gold(TASK.gold_dir, TASK.root_model)
    return [gold_record(doc, TASK) for doc_id, doc in gold.items() if doc_ids is None or doc_id in doc_ids]


def test_one_normaliser_for_schema_and_evaluation() -> None:
    from extractor.evaluation.normalize import team_key as eval_key

    assert team_key is club_key and eval_key is club_key
    assert club_key("Bayern Munich") == club_key("FC Bayern München") == club_key("Bayern München")
    assert club_key("Inter") == club_key("Internazionale") == club_key("Inter Mailand") == club_key("Inter Milan")
    assert club_key("Juve") == club_key("Juventus")
    assert club_key("1. FC Köln") == club_key("Köln") == "koln"
    assert club_key("Sønderjyske") == "sonderjyske"
    assert same_team("FC Midtjylland", "Midtjylland")
    assert not same_team("Real Madrid", "Atlético Madrid")
    assert resolve_keys(["atalanta", "atalanta bergamo"])["atalanta bergamo"] == "atalanta"
    ambiguous = resolve_keys(["manchester", "manchester city", "manchester united"])
    assert ambiguous["manchester city"] == "manchester city" and ambiguous["manchester united"] == "manchester united"


def test_swapped_home_away_between_reports_is_one_match() -> None:
    merged = consolidate([
        record("a", match("Atalanta", "Midtjylland", 1, 1, "2020-12-01", [goal("Scholz", "Midtjylland", 13)])),
        record("b", match("Atalanta", "Midtjylland", 1, 1, "2020-12-01")),
        record("c", match("Midtjylland", "Atalanta", 1, 1, "2020-12-01", [goal("A. Scholz", "Midtjylland", 14)])),
    ], TASK)  # fmt: skip
    assert len(merged.matches) == 1
    only = merged.matches[0]
    assert (only["value"]["home_team"], only["value"]["away_team"]) == ("Atalanta", "Midtjylland")
    assert [s["swapped"] for s in only["sources"]] == [False, False, True]
    assert only["value"]["goals"] == [{"player": "A. Scholz", "team": "Midtjylland", "minute": 13,
                                       "penalty": False, "own_goal": False}]  # fmt: skip
    assert only["fields"]["home_team"]["sources"] == ["a", "b"]  # c had the sides the other way round
    home_conflict = next(c for c in only["conflicts"] if c["field"] == "home_team")
    assert home_conflict["reason"].startswith("majority: 2 of 3")
    minute = next(c for c in only["conflicts"] if c["field"] == "goals[0].minute")
    assert [a["value"] for a in minute["alternatives"]] == [13, 14]


def test_spellings_across_languages_are_one_match() -> None:
    merged = consolidate([
        record("en", match("Bayern Munich", "Inter Milan", 2, 0, "2022-09-13")),
        record("de", match("FC Bayern München", "Inter Mailand", 2, 0, "2022-09-13")),
        record("it", match("Bayern Monaco", "Internazionale", 2, 0, None)),
    ], TASK)  # fmt: skip
    assert len(merged.matches) == 1
    assert {s["doc_id"] for s in merged.matches[0]["sources"]} == {"en", "de", "it"}
    assert merged.matches[0]["value"]["date"] == "2022-09-13"


def test_same_clubs_on_different_dates_stay_two() -> None:
    merged = consolidate([
        record("a", match("Liverpool", "Atalanta", 0, 2, "2020-11-25")),
        record("b", match("Atalanta", "Liverpool", 0, 5, "2020-11-03")),
        record("c", match("Liverpool", "Atalanta", 0, 2, "2020-11-26")),  # a day off: the same match
    ], TASK)  # fmt: skip
    assert len(merged.matches) == 2
    assert len({m["match_id"] for m in merged.matches}) == 2
    sizes = sorted(len(m["sources"]) for m in merged.matches)
    assert sizes == [1, 2]


def test_undated_reports_of_the_same_clubs_with_other_scores_stay_two() -> None:
    merged = consolidate(
        [
            record("bild", match("Köln", "Leverkusen", 0, 2)),
            record("dw", match("Bayer Leverkusen", "1. FC Köln", 2, 1)),
        ],
        TASK,
    )
    assert len(merged.matches) == 2


def test_a_failed_record_is_ignored_and_counted() -> None:
    merged = consolidate(
        [record("ok", match("Roma", "Atalanta", 1, 1, "2021-04-22")), record("bad", status="error")], TASK
    )
    assert len(merged.matches) == 1 and merged.failed == 1 and merged.documents == 1
    assert merged.matches[0]["sources"][0]["doc_id"] == "ok"


def test_empty_input() -> None:
    merged = consolidate([])
    assert merged.matches == [] and merged.records == 0
    assert consolidate([], TASK).matches == []


def test_match_id_is_stable_across_order_and_orientation() -> None:
    one = consolidate([record("a", match("Roma", "Atalanta", 1, 1, "2021-04-22"))], TASK).matches[0]["match_id"]
    two = consolidate([record("z", match("AS Roma", "Atalanta", 1, 1, "2021-04-22"))], TASK).matches[0]["match_id"]
    assert one == two


def test_score_conflict_is_reported_with_the_alternatives() -> None:
    merged = consolidate(
        [
            record("a", match("Napoli", "Inter", 4, 1, "2019-05-19")),
            record("b", match("Napoli", "Inter", 4, 1, "2019-05-19")),
            record("c", match("Napoli", "Inter", 4, 2, "2019-05-19")),
        ],
        TASK,
    )
    assert len(merged.matches) == 1
    conflict = next(c for c in merged.matches[0]["conflicts"] if c["field"] == "home_score+away_score")
    assert conflict["chosen"] == (4, 1) or conflict["chosen"] == [4, 1]
    assert conflict["alternatives"][1]["sources"] == ["c"]


def test_seeds_consolidate_to_one_atalanta_midtjylland() -> None:
    merged = consolidate(gold_records(SEEDS), TASK)
    ata = [m for m in merged.matches if {club_key(m["value"]["home_team"]), club_key(m["value"]["away_team"])}
           == {"atalanta", "midtjylland"}]  # fmt: skip
    assert len(ata) == 1
    value = ata[0]["value"]
    assert (value["home_team"], value["home_score"], value["away_score"]) == ("Atalanta", 1, 1)
    assert [(g["player"], g["minute"]) for g in value["goals"]] == [("Alexander Scholz", 13), ("Cristian Romero", 79)]
    assert {s["doc_id"] for s in ata[0]["sources"]} == {"eb6784090be19f95", "5a5b2b1edb07c442", "5dfe3f9c44179d72"}
    assert any(c["field"] == "venue" for c in ata[0]["conflicts"])  # 'Gewiss Stadium' vs 'Bergamo': kept, not hidden
    # the Dutch round-up's eight matches, Roma-Atalanta, Liverpool-Ajax (000 + 002): 11 canonical matches in all
    assert len(merged.matches) == 11


def test_merge_eval_on_gold_as_records() -> None:
    report = evaluate_merge(on_gold=True)
    assert report.precision == 1.0
    # the two Premier League matches whose round-ups give a live and a final score join: the two
    # documents report two other matches together (co-reported), and the final score is the one
    # consistent with the goals
    assert report.pairs_correct == 12 and report.pairs_gold == 12
    assert report.field_accuracy == {"home_team": 1.0, "away_team": 1.0, "home_score": 1.0, "away_score": 1.0,
                                     "date": 1.0, "goals": 1.0}  # fmt: skip


def test_cli_merge_writes_canonical_matches(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    lines = [*gold_records(SEEDS), record("broken", status="error")]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines) + "{torn", encoding="utf-8")
    out = tmp_path / "matches.jsonl"
    result = CliRunner().invoke(app, ["merge", str(records), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(written) == 11
    assert all({"match_id", "value", "fields", "sources", "conflicts"} <= set(m) for m in written)


def test_cli_merge_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["merge", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2


def test_cli_eval_merge_on_gold(tmp_path: Path) -> None:
    report = tmp_path / "merge.json"
    result = CliRunner().invoke(app, ["eval", "--merge", "--on-gold", "--split", "all", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text())["precision"] == 1.0


# --- robust grouping: a wrong side and date in one report, legs, publication dates, round-ups ---

SCHOLZ, ROMERO, KABA = "Alexander Scholz", "Cristian Romero", "Sory Kaba"


def three_reports_one_swapped_and_misdated() -> list[dict[str, Any]]:
    """The seeds' shape: two wires agree; the third has home/away, its scorers' teams and the year wrong."""
    return [
        record("ap", match("Atalanta", "Midtjylland", 1, 1, "2020-12-01",
                           [goal(ROMERO, "Atalanta", 79), goal(SCHOLZ, "Midtjylland", 13)])),
        record("cna", match("Atalanta", "Midtjylland", 1, 1, "2020-12-02",
                            [goal(ROMERO, "Atalanta", 11), goal(KABA, "Midtjylland", 13)])),
        record("ritzau", match("FC Midtjylland", "Atalanta", 1, 1, "2023-12-09",
                               [goal(ROMERO, "FC Midtjylland", 79), goal(KABA, "Atalanta", 13)])),
    ]  # fmt: skip


def test_swapped_side_and_wrong_date_in_one_of_three_reports_is_one_match_with_conflicts() -> None:
    merged = consolidate(three_reports_one_swapped_and_misdated(), TASK)
    assert len(merged.matches) == 1
    only = merged.matches[0]
    value = only["value"]
    assert (value["home_team"], value["away_team"], value["home_score"], value["away_score"]) == (
        "Atalanta", "Midtjylland", 1, 1)  # fmt: skip
    assert value["date"] == "2020-12-01"
    assert [(g["player"], g["team"], g["minute"]) for g in value["goals"]] == [
        (SCHOLZ, "Midtjylland", 13), (ROMERO, "Atalanta", 79)]  # fmt: skip
    assert [(s["doc_id"], s["swapped"]) for s in only["sources"]] == [("ap", False), ("cna", False), ("ritzau", True)]
    conflicts = {c["field"]: c for c in only["conflicts"]}
    assert conflicts["home_team"]["reason"] == "majority: 2 of 3 sources"
    assert [a["value"] for a in conflicts["date"]["alternatives"]] == ["2020-12-01", "2020-12-02", "2023-12-09"]
    # every disagreement is kept: the scorer of 13', Romero's side and minute, the surplus goal
    assert [a["value"] for a in conflicts["goals[0].player"]["alternatives"]] == [SCHOLZ, KABA]
    assert conflicts["goals[1].team"]["alternatives"][1] == {"value": "FC Midtjylland", "sources": ["ritzau"]}
    assert conflicts["goals[1].minute"]["reason"] == "majority: 2 of 3 sources"
    assert conflicts["goals"]["alternatives"][0]["value"]["player"] == KABA  # Ritzau's 'Kaba for Atalanta'
    assert any("2023-12-09" in note for note in only["notes"])


def test_the_consolidation_does_not_depend_on_the_input_order() -> None:
    reports = three_reports_one_swapped_and_misdated()
    first = consolidate(reports, TASK).matches
    last = consolidate(reports[::-1], TASK).matches
    assert [m["value"] for m in first] == [m["value"] for m in last]
    assert first[0]["match_id"] == last[0]["match_id"]
    for built in (first, last):  # the 13' scorer: a 1-1 tie of AP and CNA, won by the source right elsewhere
        scorer = next(c for c in built[0]["conflicts"] if c["field"] == "goals[0].player")
        assert scorer["chosen"] == SCHOLZ and scorer["reason"].startswith("trust:")


def test_two_legs_of_the_same_clubs_weeks_apart_stay_two() -> None:
    merged = consolidate([
        record("a", match("Atalanta", "Liverpool", 0, 5, "2020-11-03", [goal("Diogo Jota", "Liverpool", 16)])),
        record("b", match("Liverpool", "Atalanta", 0, 2, "2020-11-25", [goal("Josip Ilicic", "Atalanta", 60)])),
        record("c", match("Atalanta", "Liverpool", 0, 5, "2020-11-04", [goal("Jota", "Liverpool", 16)])),
        record("d", match("Liverpool", "Atalanta", 0, 2, "2020-11-25", [goal("Ilicic", "Atalanta", 60)])),
    ], TASK)  # fmt: skip
    assert sorted(sorted(s["doc_id"] for s in m["sources"]) for m in merged.matches) == [["a", "c"], ["b", "d"]]


def test_two_legs_with_the_same_score_stay_two_unless_a_report_repeats_the_other_legs_goals() -> None:
    first_leg = [goal("Lewandowski", "Bayern", 30)]
    second_leg = [goal("Müller", "Bayern", 70)]
    legs = [
        record("a", match("Bayern", "Salzburg", 1, 0, "2021-02-16", first_leg)),
        record("b", match("Bayern", "Salzburg", 1, 0, "2021-02-17", first_leg)),
        record("c", match("Salzburg", "Bayern", 0, 1, "2021-03-09", second_leg)),  # a lone date: same score
    ]
    assert len(consolidate(legs, TASK).matches) == 2  # its goal is not the first leg's: its date stands
    misdated = record("c", match("Salzburg", "Bayern", 0, 1, "2023-03-09", [goal("Robert Lewandowski", "Bayern", 31)]))
    merged = consolidate([*legs[:2], misdated], TASK)
    assert len(merged.matches) == 1  # one report's own date, and the first leg's scorer and minute: one match
    assert merged.matches[0]["value"]["date"] == "2021-02-16"


def test_a_date_its_own_publication_date_rules_out_is_not_trusted() -> None:
    reports = [
        record("a", match("Roma", "Atalanta", 1, 1, "2021-04-22")),
        record("b", match("Atalanta", "Roma", 1, 1, "2019-04-22")),  # published 2021-04-23: the year is wrong
    ]
    published = {"a": "2021-04-23", "b": "2021-04-23"}
    merged = consolidate(reports, TASK, published=published)
    assert len(merged.matches) == 1
    assert merged.matches[0]["value"]["date"] == "2021-04-22"
    date = next(c for c in merged.matches[0]["conflicts"] if c["field"] == "date")
    assert date["reason"].startswith("consistent: fits")
    assert len(consolidate(reports, TASK).matches) == 2  # without publication dates, two dates years apart


def test_two_round_ups_of_one_matchday_join_the_match_they_score_differently() -> None:
    blog = record("blog", match("Leeds", "Bournemouth", 4, 3), match("Man City", "Fulham", 2, 1),
                  match("Nottingham Forest", "Brentford", 1, 2))  # fmt: skip
    forest = "Nottingham Forest"
    recap = record("recap", match(forest, "Brentford", 2, 2, None,
                                  [goal("Gibbs-White", forest, None), goal("Jorgensen", forest, 96),
                                   goal("Mbeumo", "Brentford", None), goal("Wissa", "Brentford", None)]),
                   match("Manchester City", "Fulham", 2, 1), match("Leeds United", "Bournemouth", 4, 3))  # fmt: skip
    merged = consolidate([blog, recap], TASK)
    assert len(merged.matches) == 3
    forest_match = next(m for m in merged.matches if m["value"]["home_team"] == forest)
    assert (forest_match["value"]["home_score"], forest_match["value"]["away_score"]) == (2, 2)
    score = next(c for c in forest_match["conflicts"] if c["field"] == "home_score+away_score")
    assert score["reason"].startswith("consistent") and len(score["alternatives"]) == 2
    alone = consolidate([record("blog", match("Nottingham Forest", "Brentford", 1, 2)),
                         record("recap", match("Nottingham Forest", "Brentford", 2, 2))], TASK)  # fmt: skip
    assert len(alone.matches) == 2  # no other match reported together: two scores stay two matches


def test_surplus_goals_beyond_the_score_are_conflicts_not_extra_goals() -> None:
    merged = consolidate([
        record("a", match("Roma", "Atalanta", 1, 0, "2021-04-22", [goal("Dzeko", "Roma", 10)])),
        record("b", match("Roma", "Atalanta", 1, 0, "2021-04-22", [goal("Dzeko", "Roma", 10)])),
        record("c", match("Roma", "Atalanta", 1, 0, "2021-04-22", [goal("Pellegrini", "Roma", 55)])),
    ], TASK)  # fmt: skip
    only = merged.matches[0]
    assert [g["player"] for g in only["value"]["goals"]] == ["Dzeko"]
    dropped = next(c for c in only["conflicts"] if c["field"] == "goals")
    assert dropped["chosen"] is None and dropped["alternatives"][0]["sources"] == ["c"]


def test_real_model_records_of_the_seeds() -> None:
    """The embedded model's records of the five seeds (a committed run): one Atalanta-Midtjylland of three."""
    merged = consolidate(read_jsonl([FIXTURES / "seeds_records_embedded.jsonl"]), TASK)
    ata = [m for m in merged.matches if {club_key(m["value"]["home_team"]), club_key(m["value"]["away_team"])}
           == {"atalanta", "midtjylland"}]  # fmt: skip
    assert len(ata) == 1
    value = ata[0]["value"]
    assert (value["home_team"], value["home_score"], value["away_score"]) == ("Atalanta", 1, 1)
    assert [(g["player"], g["minute"]) for g in value["goals"]] == [(SCHOLZ, 13), (ROMERO, 79)]
    assert {s["doc_id"] for s in ata[0]["sources"]} == {"eb6784090be19f95", "5a5b2b1edb07c442", "5dfe3f9c44179d72"}
    assert {"home_team", "date", "goals[0].player"} <= {c["field"] for c in ata[0]["conflicts"]}
    assert len(merged.matches) == 6  # plus Atalanta-Ajax (the Danish report's misreading) and the round-up's four
