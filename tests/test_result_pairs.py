"""Which two teams a result is between, and which of them hosted: rules code applies to the model's answers.

Texts written for the tests; the model's answers are built by hand to put the code around it to work.
"""

from __future__ import annotations

from typing import Any

from extractor.cleaning import clean
from extractor.grounding import Grounder
from extractor.salvage import refine
from schemas.match_report import CHECKS, PLAN, MatchReport, score_questions, sheet_results


def _match(home: str, away: str, hs: int, as_: int, goals: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    return {
        "competition": None, "stage": None, "date": None, "venue": None, "home_team": home, "away_team": away,
        "home_score": hs, "away_score": as_, "home_coach": None, "away_coach": None,
        "goals": [{"player": p, "team": t, "minute": None, "penalty": False, "own_goal": False, "assist": None}
                  for p, t in goals or []],
        "cards": [], "evidence": None,
    }  # fmt: skip


def _refined(text: str, *matches: dict[str, Any]) -> tuple[list[dict[str, Any]], set[str]]:
    value, warnings = refine(MatchReport, {"matches": list(matches)}, Grounder(clean(text)), CHECKS)
    return value.model_dump(mode="json")["matches"], {w.rule for w in warnings}


def _assembled(text: str, score: str, answer: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """The matches assembled from step 1's one answer (`answer`) about the written `score`."""
    grounder = Grounder(clean(text))
    question = next(q for q in score_questions(grounder) if q["score"] == score)
    said = PLAN.step("results").model(question)(**answer)
    answers: dict[str, Any] = {"results": [(question, said)], "results_wider": [], "details": [], "goals_at": []}
    return [(m["home_team"], m["home_score"], m["away_score"], m["away_team"])
            for m in PLAN.assemble(answers, grounder)["matches"]]  # fmt: skip


def test_a_clock_time_is_no_score_to_ask_about() -> None:
    text = "Calcio d'inizio alle ore 15:00 al Comunale. Il Pescara ha battuto il Teramo 2-1 nel derby.\n"
    assert [q["score"] for q in score_questions(Grounder(clean(text)))] == ["2-1"]


def test_a_team_answered_together_with_its_opponent_is_the_other_part() -> None:
    text = "Serie C: Pescara-Teramo, decide un rigore.\n\nIl Pescara vince 1-0 contro il Teramo con un rigore.\n"
    answer = {"result": "final", "home_team": "Pescara-Teramo", "away_team": "Teramo", "home_score": 1,
              "away_score": 0}
    assert _assembled(text, "1-0", answer) == [("Pescara", 1, 0, "Teramo")]


def test_a_team_that_is_one_of_the_matchs_own_scorers_is_a_player() -> None:
    text = (
        "Scunthorpe came from behind to beat Millwall 3-2, Martyn Woolford scoring the winner.\n"
        "Matt Sparrow had equalised before Woolford struck late on.\n"
    )
    scorers = [("Martyn Woolford", "Scunthorpe"), ("Matt Sparrow", "Scunthorpe")]
    wrong = _match("Scunthorpe", "Woolford", 3, 2, scorers)
    matches, rules = _refined(text, wrong)
    assert matches == [] and "team_is_a_player" in rules
    # a club named like a person stays when no scorer of its match has that surname
    right = _match("Scunthorpe", "Millwall", 3, 2, [("Martyn Woolford", "Scunthorpe")])
    matches, rules = _refined(text, right)
    assert [m["away_team"] for m in matches] == ["Millwall"] and "team_is_a_player" not in rules


def test_the_fixture_written_with_a_dash_puts_its_first_club_at_home_when_nothing_else_tells() -> None:
    text = "Serie C: Pescara-Teramo, decide un rigore.\n\nFinisce 1-0: un rigore di Rossi al 90' regala la vittoria.\n"
    matches, rules = _refined(text, _match("Teramo", "Pescara", 0, 1))
    assert [(m["home_team"], m["home_score"], m["away_score"], m["away_team"]) for m in matches] == [
        ("Pescara", 1, 0, "Teramo")
    ]
    assert "home_from_text" in rules
    # an article that says who was visited decides, whatever the dash's order
    hosted = text + "Il Pescara ha giocato in casa del Teramo, davanti a pochi tifosi.\n"
    matches, _ = _refined(hosted, _match("Teramo", "Pescara", 0, 1))
    assert matches[0]["home_team"] == "Teramo"


LINEUPS = (
    "Pescara (4-3-3): Rossi 6; Bianchi 6, Verdi 6.5, Neri 6, Russo 6; Gallo 6, Conti 6, Costa 6; Fontana 6,"
    " Greco 7, Marino 6.\n"
    "Teramo: Ferri 6; Lombardi 6, Moretti 6, Barbieri 6, Testa 5.5; Grassi 6, Rinaldi 6, Caruso 6;"
    " Mancini 6, Longo 6, Gentile 6.\n"
    "Arbitro: Mario Sala di Monza\n"
)


def test_a_sheets_bare_score_line_is_its_result_when_the_tagged_goals_add_up_to_it() -> None:
    goals = "Marcatori: 12′ Greco (P); 40′ Longo (T); 77′ rig. Greco (P)\n"
    text = "Serie C: Pescara-Teramo, decide Greco\n\n2-1\n\n" + LINEUPS + goals
    assert [(s.home_team, s.home_score, s.away_score, s.away_team) for s in sheet_results(clean(text).text)] == [
        ("Pescara", 2, 1, "Teramo")
    ]
    # the goals line says 1-2: the bare line is no result the sheet confirms
    other = text.replace("12′ Greco (P)", "12′ Greco (T)")
    assert sheet_results(clean(other).text) == []


def test_a_score_that_went_to_the_visitors_has_the_winner_away() -> None:
    text = "Silkeborg var bedst i søndagens opgør mod Lyngby, og det endte 2-1 til gæsterne efter en tæt kamp.\n"
    answer = {"result": "final", "home_team": "Silkeborg", "away_team": "Lyngby", "home_score": 2,
              "away_score": 1}
    assert _assembled(text, "2-1", answer) == [("Lyngby", 1, 2, "Silkeborg")]


def test_a_french_score_written_with_a_after_a_win_word_is_asked_and_stated() -> None:
    from schemas.match_report import score_stated

    text = "Lyon se qualifie en battant Nantes (L2) 4 à 2 après prolongation. Fekir sera absent 2 à 3 semaines.\n"
    grounder = Grounder(clean(text))
    assert [q["score"] for q in score_questions(grounder)] == ["4-2"]  # "2 à 3 semaines" is a span of time
    assert score_stated(grounder.folded_text, 4, 2) and score_stated(grounder.folded_text, 2, 4)
    assert not score_stated(grounder.folded_text, 2, 3)


def test_a_score_whose_sentence_names_the_two_teams_is_a_result_even_when_answered_other() -> None:
    text = "Flere kampe var aflyst. I kampen mellem Skive og Brabrand blev der dog spillet, og her delte de med 1-1.\n"
    answer = {"result": "other", "home_team": "Skive", "away_team": "Brabrand", "home_score": 1,
              "away_score": 1}
    assert _assembled(text, "1-1", answer) == [("Skive", 1, 1, "Brabrand")]


def test_a_team_the_article_only_writes_as_a_nickname_drops_the_match() -> None:
    text = "Servette gagne le derby. A la Tuilière, les Grenat se sont imposés 3-0 face à un Lausanne réduit à dix.\n"
    matches, rules = _refined(text, _match("Grenat", "Lausanne", 3, 0))
    assert matches == [] and "team_is_a_nickname" in rules
    matches, rules = _refined(text, _match("Servette", "Lausanne", 3, 0))
    assert [m["home_team"] for m in matches] == ["Servette"] and "team_is_a_nickname" not in rules


def test_a_result_that_would_have_been_and_a_lead_are_not_asked_as_results() -> None:
    text = (
        "Es wäre ein typisches 0:0-Spiel geworden, sagte der Trainer der Gastgeber. Die Gäste aus Musterstadt"
        " gewannen mit 1:0 durch einen Elfmeter.\n"
        "Nina Holm udnyttede en fejl til at bringe Brøndby foran 1-0, men det endte 2-2.\n"
    )
    assert [q["score"] for q in score_questions(Grounder(clean(text)))] == ["1-0", "2-2"]


def test_a_sentence_opener_copied_with_a_name_is_not_part_of_it() -> None:
    from schemas.match_report.words import _bare_name

    assert _bare_name("After Henderson") == "Henderson"
    assert _bare_name("Nach Müller") == "Müller"
    assert _bare_name("Henderson") == "Henderson"  # a name of one word keeps it whatever it is
    assert _bare_name("Da Silva") == "Da Silva"
