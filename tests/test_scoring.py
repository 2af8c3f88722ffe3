"""Field-level scoring: hand-built gold/prediction pairs with hand-computed numbers.

The base gold match below has 16 countable gold values:
  match: competition, home_team, away_team, home_score, away_score  = 5
         (venue is null; evidence is kind "ignore")
  goal 1 (Romero 30'): player, team, minute                          = 3
         (penalty/own_goal are False: a False bool is not counted)
  goal 2 (Kane 70' pen): player, team, minute, penalty               = 4
  card (Palhinha 55'): player, team, minute, card                    = 4
                                                               total = 16
"""

from __future__ import annotations

import copy
import itertools
import random
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.evaluation.align import hungarian, max_weight_matching
from extractor.evaluation.gold import GoldDoc
from extractor.evaluation.normalize import similarity
from extractor.evaluation.report import EvalReport
from extractor.evaluation.score import score
from schemas.match_report import EVAL_SPEC

# The schema may or may not declare exact_fields; pin both variants for exact numbers.
KEY_ONLY = EvalSpec(
    lists={
        **EVAL_SPEC.lists,
        "matches": ListRule(key=("home_team", "away_team"), unordered_pair=True),
    },
    fields=EVAL_SPEC.fields,
)
WITH_SCORES = EvalSpec(
    lists={
        **EVAL_SPEC.lists,
        "matches": ListRule(
            key=("home_team", "away_team"),
            unordered_pair=True,
            exact_fields=("home_score", "away_score"),
        ),
    },
    fields=EVAL_SPEC.fields,
)


def gold_match() -> dict[str, Any]:
    return {
        "competition": "Premier League",
        "home_team": "Tottenham Hotspur",
        "away_team": "Fulham",
        "home_score": 2,
        "away_score": 0,
        "venue": None,
        "goals": [
            {"player": "Cristian Romero", "team": "Tottenham Hotspur", "minute": 30,
             "penalty": False, "own_goal": False, "evidence": "Romero headed in"},
            {"player": "Harry Kane", "team": "Tottenham Hotspur", "minute": 70,
             "penalty": True, "own_goal": False, "evidence": "Kane converted the penalty"},
        ],
        "cards": [{"player": "Joao Palhinha", "team": "Fulham", "minute": 55, "card": "yellow"}],
        "evidence": "Spurs beat Fulham 2-0",
    }  # fmt: skip


def gold_result() -> dict[str, Any]:
    return {"matches": [gold_match()]}


def run(
    gold: Mapping[str, Any] | None,
    pred: Mapping[str, Any] | None,
    spec: EvalSpec = KEY_ONLY,
    *,
    status: str = "ok",
    language: str = "en",
) -> EvalReport:
    """Score one document 'd1'; `gold=None` scores no gold, `pred=None` an error record."""
    golds = {} if gold is None else {"d1": GoldDoc(doc_id="d1", language=language, result=dict(gold))}
    record: dict[str, Any] = {"doc_id": "d1", "status": status, "result": pred, "error": None}
    if pred is None:
        record.update(status="error", error={"type": "ModelOutputError", "message": "bad json"})
    return score([record], golds, spec)


def counts(report: EvalReport, path: str | None = None) -> tuple[int, int, int]:
    c = report.overall if path is None else report.per_field[path]
    return c.tp, c.fp, c.fn


def kinds(report: EvalReport) -> list[tuple[str, str]]:
    return sorted((m.field, m.kind) for m in report.mismatches)


# --- match_report task -----------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    report = run(gold_result(), gold_result())
    assert counts(report) == (16, 0, 0)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)
    assert counts(report, "matches[]") == (1, 0, 0)
    assert counts(report, "matches.goals[]") == (2, 0, 0)
    assert counts(report, "matches.cards[]") == (1, 0, 0)
    assert counts(report, "matches.goals.penalty") == (1, 0, 0)  # only Kane's True counts
    assert "matches.evidence" not in report.per_field  # kind "ignore"
    assert "matches.venue" not in report.per_field  # null on both sides: never counted
    assert "matches.goals.own_goal" not in report.per_field  # False on both sides
    assert report.match_accuracy == 1.0
    assert report.swaps == 0
    assert report.mismatches == []


def test_one_missing_goal() -> None:
    pred = gold_result()
    del pred["matches"][0]["goals"][1]  # drop Kane 70' pen (4 gold values)
    report = run(gold_result(), pred)
    # TP = 16 - 4 = 12, FP = 0, FN = 4
    assert counts(report) == (12, 0, 4)
    assert report.overall.precision == 1.0
    assert report.overall.recall == 12 / 16
    assert report.overall.f1 == pytest.approx(2 * 12 / (2 * 12 + 0 + 4))  # 24/28 = 0.857
    assert counts(report, "matches.goals[]") == (1, 0, 1)
    assert counts(report, "matches.goals.penalty") == (0, 0, 1)
    assert kinds(report) == [("matches.goals[]", "missing")]
    assert report.mismatches[0].gold["player"] == "Harry Kane"
    assert "evidence" not in report.mismatches[0].gold
    assert report.match_accuracy == 1.0  # the match itself (key) is right


def test_swapped_teams_align_and_count_as_swap() -> None:
    pred = gold_result()
    m = pred["matches"][0]
    m["home_team"], m["away_team"] = m["away_team"], m["home_team"]
    m["home_score"], m["away_score"] = m["away_score"], m["home_score"]
    report = run(gold_result(), pred)
    # Aligned: competition 1 + goals 7 + card 4 = 12 TP; home/away team and score are each
    # compared as written (wrong): 4 FP + 4 FN.
    assert counts(report) == (12, 4, 4)
    assert report.overall.f1 == pytest.approx(24 / 32)
    assert counts(report, "matches[]") == (1, 0, 0)  # still one aligned match, not FP + FN
    assert report.swaps == 1
    assert report.per_document["d1"].swaps == 1
    assert kinds(report) == [
        ("matches.away_score", "wrong"),
        ("matches.away_team", "swap"),
        ("matches.home_score", "wrong"),
        ("matches.home_team", "swap"),
    ]
    assert report.match_accuracy == 0.0  # a swapped match is not right


def test_fuzzy_team_and_person_names() -> None:
    gold = {
        "matches": [{
            "home_team": "Roma", "away_team": "Tottenham Hotspur", "home_score": 1, "away_score": 1,
            "goals": [
                {"player": "Cristian Romero", "team": "Tottenham Hotspur", "minute": 30},
                {"player": "Paulo Dybala", "team": "Roma", "minute": 80},
            ],
            "cards": [
                {"player": "Alexander Scholz", "team": "Roma", "minute": 12, "card": "yellow"}
            ],
        }]
    }  # fmt: skip
    pred = {
        "matches": [{
            "home_team": "AS Roma", "away_team": "Tottenham", "home_score": 1, "away_score": 1,
            "goals": [
                {"player": "Dybala", "team": "A.S. Roma", "minute": 80},
                {"player": "Romero", "team": "Tottenham", "minute": 30},
            ],
            "cards": [{"player": "Scholz", "team": "as roma", "minute": 12, "card": "Yellow"}],
        }]
    }  # fmt: skip
    report = run(gold, pred)
    # 4 match values + 3 + 3 goal values + 4 card values = 14, all accepted
    assert counts(report) == (14, 0, 0)
    assert report.overall.f1 == 1.0


def test_different_first_name_is_not_the_same_player() -> None:
    pred = gold_result()
    pred["matches"][0]["goals"][0]["player"] = "Sergio Romero"
    report = run(gold_result(), pred)
    # goal 1 unaligned: its 3 predicted values FP, its 3 gold values FN; TP = 16 - 3 = 13
    assert counts(report) == (13, 3, 3)
    assert counts(report, "matches.goals[]") == (1, 1, 1)


@pytest.mark.parametrize(
    ("minute", "expected"),
    [
        (31, (16, 0, 0)),  # within ±1: aligned, minute is a TP
        (29, (16, 0, 0)),
        # off by 2: goal 1 unaligned -> 3 FP (player, team, minute) + 3 FN; TP = 16 - 3 = 13
        (32, (13, 3, 3)),
        (28, (13, 3, 3)),
    ],
)
def test_minute_tolerance(minute: int, expected: tuple[int, int, int]) -> None:
    pred = gold_result()
    pred["matches"][0]["goals"][0]["minute"] = minute
    report = run(gold_result(), pred)
    assert counts(report) == expected


def test_null_gold_minute_aligns_with_any_minute_but_counts_fp() -> None:
    gold = gold_result()
    gold["matches"][0]["goals"][0]["minute"] = None  # 15 gold values now
    pred = gold_result()
    pred["matches"][0]["goals"][0]["minute"] = 3
    report = run(gold, pred)
    # aligned; minute gold null vs 3 -> FP; TP = 15, FP = 1, FN = 0
    assert counts(report) == (15, 1, 0)
    assert counts(report, "matches.goals[]") == (2, 0, 0)
    assert kinds(report) == [("matches.goals.minute", "extra")]


def test_extra_predicted_match_lowers_precision_only() -> None:
    pred = gold_result()
    pred["matches"].append({
        "competition": "Premier League", "home_team": "Arsenal", "away_team": "Chelsea",
        "home_score": 1, "away_score": 1,
        "goals": [{"player": "Bukayo Saka", "team": "Arsenal", "minute": 10}],
    })  # fmt: skip
    report = run(gold_result(), pred)
    # extra match: 5 match values + 3 goal values = 8 FP; TP 16, FN 0
    assert counts(report) == (16, 8, 0)
    assert report.overall.precision == 16 / 24
    assert report.overall.recall == 1.0
    assert counts(report, "matches[]") == (1, 1, 0)
    assert counts(report, "matches.goals[]") == (2, 1, 0)
    assert kinds(report) == [("matches[]", "extra")]  # one entry for the whole item
    assert report.match_accuracy == 1.0  # accuracy is over gold items


def test_error_record_counts_everything_as_false_negative() -> None:
    report = run(gold_result(), None)
    assert counts(report) == (0, 0, 16)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0.0, 0.0, 0.0)
    assert counts(report, "matches[]") == (0, 0, 1)
    assert counts(report, "matches.goals[]") == (0, 0, 2)
    doc = report.per_document["d1"]
    assert (doc.status, doc.error) == ("error", "bad json")
    assert report.match_accuracy == 0.0
    assert kinds(report) == [("matches[]", "missing")]


def test_missing_record_and_ungraded_record() -> None:
    gold = {"d1": GoldDoc(doc_id="d1", language="en", result=gold_result())}
    report = score([{"doc_id": "other", "status": "ok", "result": gold_result()}], gold, KEY_ONLY)
    assert counts(report) == (0, 0, 16)
    assert report.per_document["d1"].status == "missing"
    assert report.ungraded == ["other"]


def test_wrong_score_and_match_accuracy_with_exact_fields() -> None:
    pred = gold_result()
    pred["matches"][0]["home_score"] = 3
    # home_score wrong: 1 FP + 1 FN; TP = 16 - 1 = 15
    assert counts(run(gold_result(), pred, KEY_ONLY)) == (15, 1, 1)
    assert run(gold_result(), pred, KEY_ONLY).match_accuracy == 1.0  # teams right
    assert run(gold_result(), pred, WITH_SCORES).match_accuracy == 0.0  # score wrong
    assert kinds(run(gold_result(), pred)) == [("matches.home_score", "wrong")]


def test_bool_fields_count_true_only() -> None:
    pred = gold_result()
    pred["matches"][0]["goals"][0]["penalty"] = True  # gold False -> FP
    pred["matches"][0]["goals"][1]["penalty"] = False  # gold True -> FN
    report = run(gold_result(), pred)
    # TP = 16 - 1 (Kane's penalty) = 15, FP = 1, FN = 1
    assert counts(report) == (15, 1, 1)
    assert counts(report, "matches.goals.penalty") == (0, 1, 1)
    assert kinds(report) == [
        ("matches.goals.penalty", "extra"),
        ("matches.goals.penalty", "missing"),
    ]


def test_null_gold_vs_value_and_wrong_value() -> None:
    pred = gold_result()
    pred["matches"][0]["venue"] = "Tottenham Hotspur Stadium"  # gold null -> FP
    pred["matches"][0]["competition"] = "FA Cup"  # wrong -> FP + FN
    report = run(gold_result(), pred)
    # TP = 16 - 1 = 15, FP = 1 + 1 = 2, FN = 1
    assert counts(report) == (15, 2, 1)
    assert kinds(report) == [("matches.competition", "wrong"), ("matches.venue", "extra")]
    wrong = next(m for m in report.mismatches if m.kind == "wrong")
    assert (wrong.gold, wrong.predicted, wrong.context) == (
        "Premier League", "FA Cup", "Tottenham Hotspur / Fulham")  # fmt: skip


def test_optimal_assignment_beats_greedy() -> None:
    gold = gold_result()
    gold["matches"][0]["goals"] = [
        {"player": "Harry Kane", "team": "Tottenham Hotspur", "minute": 30},
        {"player": "Harry Kane", "team": "Tottenham Hotspur", "minute": 31},
    ]
    pred = copy.deepcopy(gold)
    pred["matches"][0]["goals"] = [
        {"player": "Kane", "team": "Tottenham Hotspur", "minute": 31},
        {"player": "Kane", "team": "Tottenham Hotspur", "minute": 32},
    ]
    report = run(gold, pred)
    # Greedy would pair 31-31 and leave 30 and 32 unaligned; optimal pairs 30-31 and 31-32.
    # 5 match + 2 x 3 goal + 4 card values = 15 TP
    assert counts(report, "matches.goals[]") == (2, 0, 0)
    assert counts(report) == (15, 0, 0)


def test_per_document_and_per_language() -> None:
    other = {"matches": [{"home_team": "Roma", "away_team": "Lazio", "home_score": 1, "away_score": 0}]}
    gold = {
        "d1": GoldDoc(doc_id="d1", language="en", result=gold_result()),
        "d2": GoldDoc(doc_id="d2", language="it", result=other),
    }
    records: list[dict[str, Any]] = [
        {"doc_id": "d1", "status": "ok", "result": gold_result()},
        {"doc_id": "d2", "status": "error", "result": None, "error": {"message": "timeout"}},
    ]
    report = score(records, gold, KEY_ONLY)
    # d1: 16 TP; d2: 4 FN -> overall TP 16, FN 4: P = 1.0, R = 16/20
    assert counts(report) == (16, 0, 4)
    assert report.overall.recall == 16 / 20
    assert report.per_language["en"].f1 == 1.0
    assert report.per_language["it"].f1 == 0.0
    assert report.per_document["d2"].counts.fn == 4
    assert report.match_accuracy == 1 / 2  # 1 of 2 gold matches right


# --- a made-up task: the scorer is generic ----------------------------------------------

BOOK_SPEC = EvalSpec(
    lists={"books": ListRule(key=("title", "author"))},
    fields={
        "title": FieldRule(kind="text", fuzzy=True),
        "author": FieldRule(kind="person"),
        "year": FieldRule(kind="number"),
        "blurb": FieldRule(kind="ignore"),
    },
)


def test_generic_task_with_books() -> None:
    gold = {
        "shop": "Foyles",
        "address": {"city": "London", "street": None},
        "books": [
            {"title": "The Hobbit", "author": "J. R. R. Tolkien", "year": 1937, "blurb": "x"},
            {"title": "Dune", "author": "Frank Herbert", "year": 1965},
        ],
        "tags": ["fantasy", "sf"],
    }
    pred = {
        "shop": "foyles",
        "address": {"city": "London", "street": "Charing Cross Road"},
        "books": [
            {"title": "Dune", "author": "Herbert", "year": 1966},
            {"title": "the hobbit", "author": "Tolkien", "year": 1937, "blurb": "different"},
            {"title": "Emma", "author": "Jane Austen", "year": 1815},
        ],
        "tags": ["SF", "romance"],
    }
    report = run(gold, pred, BOOK_SPEC)
    # TP: shop 1 + city 1 + Hobbit 3 + Dune title/author 2 + tag sf 1            = 8
    # FP: street 1 + Dune year 1 + Emma 3 + tag romance 1                          = 6
    # FN: Dune year 1 + tag fantasy 1                                              = 2
    assert counts(report) == (8, 6, 2)
    assert report.overall.precision == 8 / 14
    assert report.overall.recall == 8 / 10
    assert report.overall.f1 == pytest.approx(16 / 24)
    assert set(report.per_field) == {
        "shop", "address.city", "address.street", "books.title", "books.author",
        "books.year", "books[]", "tags",
    }  # fmt: skip
    assert counts(report, "books[]") == (2, 1, 0)
    assert counts(report, "books.year") == (1, 2, 1)  # Hobbit TP; Dune FP + FN; Emma FP
    assert counts(report, "tags") == (1, 1, 1)
    assert report.match_accuracy == 1.0  # both gold books have title and author right


def test_generic_unordered_pair_and_nested_list() -> None:
    spec = EvalSpec(
        lists={
            "games": ListRule(key=("white", "black"), unordered_pair=True),
            "games.moves": ListRule(key=("ply",)),
        },
        fields={"white": FieldRule(kind="person"), "black": FieldRule(kind="person")},
    )
    gold = {"games": [{"white": "Magnus Carlsen", "black": "Hikaru Nakamura", "result": "1-0",
                       "moves": [{"ply": 1, "san": "e4"}, {"ply": 2, "san": "c5"}]}]}  # fmt: skip
    pred = {"games": [{"white": "Nakamura", "black": "Carlsen", "result": "1-0",
                       "moves": [{"ply": 2, "san": "c5"}, {"ply": 1, "san": "d4"}]}]}  # fmt: skip
    report = run(gold, pred, spec)
    # white/black swapped: 2 FP + 2 FN; result TP; moves: ply 2 TP, san 1 TP + 1 wrong
    # TP = 1 + 3 = 4, FP = 2 + 1 = 3, FN = 2 + 1 = 3
    assert counts(report) == (4, 3, 3)
    assert report.swaps == 1
    assert counts(report, "games.moves[]") == (2, 0, 0)
    assert ("games.white", "swap") in kinds(report)


def test_scorer_source_names_no_task_fields() -> None:
    folder = Path(__file__).resolve().parents[1] / "extractor" / "evaluation"
    names = (
        "home_team",
        "away_team",
        "home_score",
        "goals",
        "cards",
        "player",
        "minute",
        "matches",
    )
    for module in ("align", "normalize", "score", "models", "report", "render", "gold"):
        text = (folder / f"{module}.py").read_text(encoding="utf-8")
        found = [n for n in names if re.search(rf"\b{n}\b", text)]
        assert found == [], f"{module}.py mentions {found}"


# --- building blocks ----------------------------------------------------------------------

PERSON, TEAM = FieldRule(kind="person"), FieldRule(kind="team")


@pytest.mark.parametrize(
    ("gold", "pred", "rule", "same"),
    [
        ("Roma", "AS Roma", TEAM, True),
        ("Napoli", "SSC Napoli", TEAM, True),
        ("Barcelona", "FC Barcelona", TEAM, True),
        ("Bayern München", "Bayern Munchen", TEAM, True),
        ("Tottenham Hotspur", "Tottenham", TEAM, True),
        ("SSC Napoli", "Napoli FC", TEAM, True),  # needs the affixes dropped
        ("1. FC Köln", "Köln", TEAM, True),
        ("Manchester United", "Manchester City", TEAM, False),
        ("Real Madrid", "Atlético Madrid", TEAM, False),
        ("YB", "BSC Young Boys", TEAM, True),  # initials in capitals
        ("LS", "Lausanne-Sport", TEAM, True),
        ("Ls", "Lausanne-Sport", TEAM, False),  # not written as capitals
        ("AB", "Aalborg BK", TEAM, False),  # the affix is not an initial
        ("YB", "Young Boys Bern", TEAM, False),
        ("FCN", "FC Nordsjælland", TEAM, True),  # an affix in capitals kept whole
        ("FCN", "FC Midtjylland", TEAM, False),
        ("Cristian Romero", "Romero", PERSON, True),
        ("Alexander Scholz", "Scholz", PERSON, True),
        ("Cristian Romero", "C. Romero", PERSON, True),
        ("Kylian Mbappé", "Mbappe", PERSON, True),
        ("Virgil van Dijk", "van Dijk", PERSON, True),
        ("Cristian Romero", "Sergio Romero", PERSON, False),
        ("Cristian Romero", "Cristian", PERSON, False),
        ("Harry Kane", "Son", PERSON, False),
        (30, 31, FieldRule(kind="number", tolerance=1), True),
        (30, 32, FieldRule(kind="number", tolerance=1), False),
        (30, 31.5, FieldRule(kind="number", tolerance=1), False),
        (30, 30, FieldRule(kind="number"), True),
        (30, 31, FieldRule(kind="number"), False),
        ("yellow", "Yellow", FieldRule(), True),
        ("yellow", "red", FieldRule(), False),
        (True, 1, FieldRule(), False),
        ("UEFA Champions League", "Champions League", FieldRule(kind="text", fuzzy=True), True),
        ("UEFA Champions League", "Champions League", FieldRule(kind="text"), False),
    ],
)
def test_similarity(gold: Any, pred: Any, rule: FieldRule, same: bool) -> None:
    assert (similarity(gold, pred, rule) > 0) is same


def _brute_force(weights: Sequence[Sequence[float | None]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            total = sum(weights[r][c] or 0.0 for r, c in enumerate(perm))
            best = max(best, total)
    else:
        for perm in itertools.permutations(range(rows), cols):
            total = sum(weights[r][c] or 0.0 for c, r in enumerate(perm))
            best = max(best, total)
    return best


def test_max_weight_matching_equals_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [
            [None if rng.random() < 0.3 else round(rng.uniform(0.1, 5), 2) for _ in range(cols)] for _ in range(rows)
        ]
        pairs = max_weight_matching(weights)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(weights[r][c] is not None for r, c in pairs)
        total = sum(weights[r][c] or 0.0 for r, c in pairs)
        assert total == pytest.approx(_brute_force(weights))


def test_hungarian_minimises_cost() -> None:
    cost = [[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]]
    # optimum: row0->1 (1) + row1->0 (2) + row2->2 (2) = 5
    assert hungarian(cost) == [1, 0, 2]
