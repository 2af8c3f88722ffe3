"""Step 3 of the staged plan: one question per running score of a match's prose, and how its answers join the goals.

The answers here are built by hand to exercise the code around the model (which questions are asked,
what an answer may add); the model's real answers are in the recorded exchanges that
`tests/test_replay_seeds.py` and the eval baseline replay.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from extractor.cleaning import clean
from extractor.grounding import Grounder
from extractor.salvage import refine
from schemas.match_report import CHECKS, PLAN, MatchReport, score_questions

TEXT = (
    "Leverkusen gewinnt 2:0 in Köln. Als das Spiel vorbei ist, geht es erst richtig los.\n\n"
    "Das Spiel wird durch zwei schöne Tore entschieden. Zur Pause stand es 0:2.\n\n"
    "Adler spielt den Ball in den Lauf von Brandt. Der zieht aus elf Metern ab – 0:1 (39.).\n\n"
    "Brandt auf Adler, der leitet weiter zu Javier Hernández, und Hernández trifft ins kurze Eck – 0:2 (44.).\n\n"
    "Im Jahr 2014 hatte es in Köln 0:1 gestanden.\n"
)
#: The same goals, the second told of by a pronoun in the sentence after the scorer's name.
TEXT_PRONOUN = TEXT.replace(
    "zu Javier Hernández, und Hernández trifft", "zu Hernández. Der Mexikaner trifft"
)


def _answered(text: str, home: str, away: str, details: dict[str, Any]) -> tuple[dict[str, Any], Grounder]:
    """Steps 1 and 2 answered for a text whose first written score is the result."""
    grounder = Grounder(clean(text))
    first = score_questions(grounder)[0]
    result = PLAN.step("results").model(first)(
        result="final", home_team=home, away_team=away, home_score=first["second"], away_score=first["first"]
    )
    answers: dict[str, Any] = {"results": [(first, result)], "results_wider": []}
    contexts = PLAN.step("details").contexts(answers, grounder)
    answers["details"] = [(context, PLAN.step("details").model(context)(**details)) for context in contexts]
    return answers, grounder


def _goal(model: type[BaseModel], scorer: str | None, team: str, minute: str | None) -> BaseModel:
    return model(scorer=scorer, team=team, minute=minute)


def test_each_running_score_of_the_one_matchs_prose_is_asked_and_half_time_and_past_scores_are_not() -> None:
    answers, grounder = _answered(TEXT, "Köln", "Leverkusen", {"competition": None, "venue": None, "goals": [],
                                                              "cards": []})  # fmt: skip
    asked = PLAN.step("goals_at").contexts(answers, grounder)
    assert [(q["score"], q["home_team"], q["away_team"]) for q in asked] == [
        ("0-1", "Köln", "Leverkusen"), ("0-2", "Köln", "Leverkusen"),
    ]  # fmt: skip
    # the passage holds the sentence before, where the scorer a pronoun stands for is named
    assert asked[0]["passage"] == (
        "Adler spielt den Ball in den Lauf von Brandt. Der zieht aus elf Metern ab – 0:1 (39.)."
    )
    # "gewinnt 2:0" tells of no goal, "Zur Pause ... 0:2" is the half-time score, "Im Jahr 2014" a past one


def test_a_round_ups_running_score_is_asked_about_the_match_whose_club_was_named_last_before_it() -> None:
    text = (
        "Ajax won 2-1 at PSV, Tadic made it 1-0 early on.\n\n"
        "Feyenoord beat AZ 3-0 and Gimenez got the 1-0 there too, while a 2-2 never came.\n"
        "In the game between Utrecht and Vitesse a late header made it 1-0.\n"
    )
    grounder = Grounder(clean(text))
    empty = {"competition": None, "venue": None, "goals": [], "cards": []}
    details = []
    for index, (home, away, hs, as_) in enumerate((("PSV", "Ajax", 1, 2), ("Feyenoord", "AZ", 3, 0))):
        context = {"index": index, "home_team": home, "away_team": away, "home_score": hs, "away_score": as_,
                   "cards_mentioned": False}  # fmt: skip
        details.append((context, PLAN.step("details").model(context)(**empty)))
    answers: dict[str, Any] = {"results": [], "results_wider": [], "details": details}
    asked = PLAN.step("goals_at").contexts(answers, grounder)
    # "won 2-1", "beat AZ 3-0" tell of no goal; 2-2 is no moment of a 3-0 win; the 1-0 between Utrecht and
    # Vitesse is a match of its own
    assert [(q["score"], q["home_team"]) for q in asked] == [("1-0", "PSV"), ("1-0", "Feyenoord")]


def test_the_goal_question_admits_only_the_matchs_two_teams() -> None:
    model = PLAN.step("goals_at").model({"home_team": "Köln", "away_team": "Leverkusen", "home_score": 0,
                                         "away_score": 2})  # fmt: skip
    assert '"enum": ["Köln", "Leverkusen"]' in json.dumps(model.model_json_schema(), ensure_ascii=False)
    _goal(model, "Brandt", "Leverkusen", "39.")
    with pytest.raises(ValidationError):
        _goal(model, "Brandt", "Bayern", "39.")


def test_asked_goals_come_first_and_the_details_answer_fills_the_rest_while_the_score_has_room() -> None:
    # the details answer took a player named near the teams; its other goal is right but has no minute
    details = {"competition": None, "venue": None, "cards": [], "goals": [
        {"player": "Hernández", "team": "Leverkusen", "minute": None},
        {"player": "Mehmedi", "team": "Leverkusen", "minute": "38."},
    ]}  # fmt: skip
    answers, grounder = _answered(TEXT, "Köln", "Leverkusen", details)
    asked = PLAN.step("goals_at").contexts(answers, grounder)
    model = PLAN.step("goals_at").model(asked[0])
    answers["goals_at"] = [
        (asked[0], _goal(model, "Brandt", "Leverkusen", "39.")),  # told of by a pronoun ("Der zieht"): not taken
        (asked[1], _goal(model, "Hernández", "Leverkusen", "44.")),
    ]
    goals = PLAN.assemble(answers, grounder)["matches"][0]["goals"]
    # Hernández from his own sentence, and Mehmedi fills the room left
    assert [(g["player"], g["team"], g["minute"]) for g in goals] == [
        ("Hernández", "Leverkusen", 44), ("Mehmedi", "Leverkusen", 38),
    ]  # fmt: skip
    # an answer naming somebody with another person between him and the score, or a club, adds nothing
    answers["goals_at"] = [
        (asked[1], _goal(model, "Adler", "Leverkusen", "44.")),
        (asked[1], _goal(model, "Leverkusen", "Leverkusen", "44.")),
    ]
    goals = PLAN.assemble(answers, grounder)["matches"][0]["goals"]
    assert [(g["player"], g["minute"]) for g in goals] == [("Hernández", None), ("Mehmedi", 38)]
    # a minute the passage does not write is none, and the details answer's minute for him fills it
    details["goals"][0]["minute"] = "44."
    answers, grounder = _answered(TEXT, "Köln", "Leverkusen", details)
    answers["goals_at"] = [(asked[1], _goal(model, "Hernández", "Leverkusen", "11 minutes from time"))]
    goals = PLAN.assemble(answers, grounder)["matches"][0]["goals"]
    assert [(g["player"], g["minute"]) for g in goals] == [("Hernández", 44), ("Mehmedi", 38)]


def _checked(text: str, goals: list[tuple[str, int | None]]) -> tuple[list[tuple[str, int | None]], set[str]]:
    data = {"matches": [{
        "competition": None, "stage": None, "date": None, "venue": None, "home_team": "Köln",
        "away_team": "Leverkusen", "home_score": 0, "away_score": 2, "home_coach": None, "away_coach": None,
        "goals": [{"player": p, "team": "Leverkusen", "minute": m, "penalty": False, "own_goal": False,
                   "assist": None} for p, m in goals],
        "cards": [], "evidence": None,
    }]}  # fmt: skip
    value, warnings = refine(MatchReport, data, Grounder(clean(text)), CHECKS)
    result = value.model_dump(mode="json")["matches"][0]["goals"]
    return [(g["player"], g["minute"]) for g in result], {w.rule for w in warnings}


def test_a_set_up_phrase_with_a_capital_noun_gives_the_goal_to_the_player_set_up() -> None:
    # German capitalises "Lauf": "in den Lauf von Brandt" must read as a set-up all the same
    goals, rules = _checked(TEXT_PRONOUN, [("Adler", 39), ("Hernández", 44)])
    assert goals == [("Brandt", 39), ("Hernández", 44)]
    assert "assister_not_scorer" in rules


def test_a_minute_in_the_sentence_after_the_scorers_name_stands() -> None:
    # "... zu Hernández. Der Mexikaner trifft ... – 0:2 (44.)": 44 is his, not the 39 of the sentence before
    goals, rules = _checked(TEXT_PRONOUN, [("Brandt", 39), ("Hernández", 44)])
    assert goals == [("Brandt", 39), ("Hernández", 44)]
    assert "minute_from_text" not in rules


def test_a_prose_card_takes_the_models_team_for_its_player_even_where_a_coach_is_named_next_to_him() -> None:
    # the model's card for Wendell is dropped (a coach is named next to him), but its team still tells his side
    text = (
        "Leverkusen gewinnt 2:0 in Köln. Kölns Mladenovic schlägt Wendell ins Gesicht.\n\n"
        "Schiedsrichter Gräfe entscheidet: Rot für Bittencourt. Gelb-Rot für Wendell.\n\n"
        "Leverkusens Trainer Roger Schmidt: „Wendell muss sich im Griff haben.“ Wendell nickte. Köln verlor.\n"
    )
    details = {"competition": None, "venue": None, "goals": [], "cards": [
        {"player": "Wendell", "team": "Leverkusen", "minute": None, "card": "red"},
    ]}  # fmt: skip
    answers, grounder = _answered(text, "Köln", "Leverkusen", details)
    cards = PLAN.assemble(answers, grounder)["matches"][0]["cards"]
    assert ("Wendell", "Leverkusen", "second_yellow") in [(c["player"], c["team"], c["card"]) for c in cards]


def test_the_result_itself_is_asked_as_a_goal_only_where_its_sentence_tells_the_goal() -> None:
    text = (
        "Veenhuizen pakte de titel door een 0-1 overwinning op Friese Boys.\n\n"
        "Na een half uur ging Coen Schmidt onderuit in het strafschopgebied. Bram Schmidt maakte vanaf elf meter"
        " geen fout, 0-1.\n\nIn de slotfase bleef het 0-1 en daarmee was Veenhuizen kampioen. Friese Boys baalde.\n"
    )
    answers, grounder = _answered(text, "Friese Boys", "Veenhuizen", {"competition": None, "venue": None,
                                                                      "goals": [], "cards": []})  # fmt: skip
    asked = PLAN.step("goals_at").contexts(answers, grounder)
    # "een 0-1 overwinning" and "bleef het 0-1" state the result; "Bram Schmidt maakte ... 0-1" the goal
    assert [q["passage"].split(". ")[-1] for q in asked] == ["Bram Schmidt maakte vanaf elf meter geen fout, 0-1."]


def test_an_own_goal_word_next_to_a_prose_scorer_flags_his_goal() -> None:
    text = (
        "Excelsior won met 2-1 van Almere City. Tien minuten na rust betekende een eigen goal van Stije Resink"
        " de 1-0, en Kees de Boer maakte er met een kopbal 2-0 van voordat Almere City nog iets terugdeed.\n"
    )
    details = {"competition": None, "venue": None, "cards": [], "goals": [
        {"player": "Stije Resink", "team": "Excelsior", "minute": None},
        {"player": "Kees de Boer", "team": "Excelsior", "minute": None},
    ]}  # fmt: skip
    answers, grounder = _answered(text, "Excelsior", "Almere City", details)
    answers["goals_at"] = []
    goals = PLAN.assemble(answers, grounder)["matches"][0]["goals"]
    assert [(g["player"], g["own_goal"]) for g in goals] == [("Stije Resink", True), ("Kees de Boer", False)]


def _refined_goals(
    text: str, result: tuple[str, str, int, int], team: str, players: list[str]
) -> tuple[list[str], set[str]]:
    """The scorers left of `players` (all credited to `team`) after the checks, and the rules that fired."""
    home, away, home_score, away_score = result
    data = {"matches": [{
        "competition": None, "stage": None, "date": None, "venue": None, "home_team": home, "away_team": away,
        "home_score": home_score, "away_score": away_score, "home_coach": None, "away_coach": None,
        "goals": [{"player": p, "team": team, "minute": None, "penalty": False, "own_goal": False, "assist": None}
                  for p in players],
        "cards": [], "evidence": None,
    }]}  # fmt: skip
    value, warnings = refine(MatchReport, data, Grounder(clean(text)), CHECKS)
    return [g["player"] for g in value.model_dump()["matches"][0]["goals"]], {w.rule for w in warnings}


def test_a_player_who_provided_the_assist_is_not_the_scorer() -> None:
    text = (
        "Charlton won 2-0 at Blackburn. Karin Muya opened the scoring with a header. Melisa Filis provided the"
        " assist this time and Elisha Dowson headed in for 2-0 before the break.\n"
    )
    goals, rules = _refined_goals(text, ("Blackburn", "Charlton", 0, 2), "Charlton", ["Karin Muya", "Melisa Filis"])
    assert goals == ["Karin Muya", "Elisha Dowson"]
    assert "assister_not_scorer" in rules


def test_a_player_named_only_in_a_photo_caption_is_no_scorer() -> None:
    text = (
        "Der Gastspieler Karl Kramer (links) und Max Weber steigen zum Kopfball hoch. © Foto: Anna Berg\n\n"
        "Die SGM Süd gewann bei der SGM Nord mit 1:0 durch einen Elfmeter von Jonas Gruber in der 70. Minute.\n"
    )
    goals, rules = _refined_goals(text, ("SGM Nord", "SGM Süd", 0, 1), "SGM Süd", ["Karl Kramer", "Jonas Gruber"])
    assert goals == ["Jonas Gruber"]
    assert "named_only_in_caption" in rules
