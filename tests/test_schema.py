import json

import pytest
from pydantic import ValidationError

from schemas.match_report import MatchReport, same_team, team_key


def match(**overrides):
    base = {
        "home_team": "Atalanta",
        "away_team": "FC Midtjylland",
        "home_score": 1,
        "away_score": 1,
        "goals": [
            {"player": "Alexander Scholz", "team": "Midtjylland", "minute": 13},
            {"player": "Cristian Romero", "team": "Atalanta", "minute": 79},
        ],
    }
    base.update(overrides)
    return {"matches": [base]}


def test_valid_report_and_defaults():
    report = MatchReport.model_validate(match())
    goal = report.matches[0].goals[0]
    assert goal.penalty is False and goal.own_goal is False
    assert report.matches[0].date is None


def test_minute_notations_are_normalised():
    goals = [
        {"player": "A", "team": "Atalanta", "minute": "90+3"},
        {"player": "B", "team": "Atalanta", "minute": "13'"},
        {"player": "C", "team": "Atalanta", "minute": 0},
    ]
    report = MatchReport.model_validate(match(home_score=3, goals=goals))
    assert [g.minute for g in report.matches[0].goals] == [93, 13, None]


def test_minutes_must_be_1_to_130():
    for minute in (131, -5, "soon"):
        bad = match(goals=[{"player": "X", "team": "Atalanta", "minute": minute}])
        with pytest.raises(ValidationError, match="minute"):
            MatchReport.model_validate(bad)
    ok = match(goals=[{"player": "X", "team": "Atalanta", "minute": 130}])
    assert MatchReport.model_validate(ok).matches[0].goals[0].minute == 130


def test_scores_not_negative():
    with pytest.raises(ValidationError, match="home_score"):
        MatchReport.model_validate(match(home_score=-1))


def test_goal_team_must_be_one_of_the_two():
    bad = match(goals=[{"player": "Lukaku", "team": "Inter", "minute": 10}])
    with pytest.raises(ValidationError, match="neither home_team"):
        MatchReport.model_validate(bad)


def test_goals_per_team_never_exceed_its_score():
    bad = match(
        home_score=1,
        goals=[
            {"player": "Romero", "team": "Atalanta", "minute": 79},
            {"player": "Zapata", "team": "Atalanta", "minute": 80},
        ],
    )
    with pytest.raises(ValidationError, match="2 goals listed for 'Atalanta' but its score is 1"):
        MatchReport.model_validate(bad)


def test_duplicate_goal_rejected():
    goal = {"player": "Romero", "team": "Atalanta", "minute": 79}
    with pytest.raises(ValidationError, match="duplicate goal"):
        MatchReport.model_validate(match(home_score=2, goals=[goal, goal]))


def test_same_team_both_sides_rejected():
    with pytest.raises(ValidationError, match="same club"):
        MatchReport.model_validate(match(away_team="Atalanta BC", goals=[]))


def test_card_type_and_team():
    ok = match(cards=[{"player": "Gosens", "team": "Atalanta", "minute": 70, "card": "second_yellow"}])
    assert MatchReport.model_validate(ok).matches[0].cards[0].card == "second_yellow"
    with pytest.raises(ValidationError):
        MatchReport.model_validate(match(cards=[{"player": "G", "team": "Atalanta", "card": "orange"}]))
    with pytest.raises(ValidationError, match="not in this match"):
        MatchReport.model_validate(match(cards=[{"player": "G", "team": "Roma", "card": "red"}]))


def test_unknown_fields_rejected_and_lists_bounded():
    with pytest.raises(ValidationError, match="Extra inputs"):
        MatchReport.model_validate(match(referee="X"))
    schema = MatchReport.model_json_schema()
    assert schema["properties"]["matches"]["maxItems"] == 16
    assert json.dumps(schema).count('"maxItems"') >= 3


def test_team_normalisation():
    assert team_key("FC Midtjylland") == "midtjylland"
    assert team_key("AS Roma") == "roma"
    assert same_team("Atalanta", "Atalanta Bergamo")
    assert same_team("Bayern München", "Bayern Munchen")
    assert not same_team("Real Madrid", "Atlético Madrid")
    assert not same_team("Inter", "Liverpool")


def test_short_club_key_is_a_whole_word_only():
    """'OB' inside 'København' is no club of its own: a results line of FC København - OB was lost as one club twice."""
    assert not same_team("FC København", "OB")
    assert not same_team("AZ", "Lazio")
    assert same_team("OB", "OB Odense")
    assert same_team("FCK", "FC København")
    assert same_team("Midtjylland", "FCMidtjylland")
    assert same_team("Gladbach", "Mönchengladbach")
    assert same_team("Spe", "Spezia")  # a cards line's abbreviation
    assert same_team("F/H", "F/H ved pausen")  # whole words, also two of them
