"""The plan's last stage: one answer shaped like the root model, from the steps' answers and what code reads."""

from __future__ import annotations

import functools
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.plan import Answers

from .checks import _text_kind
from .facts import _lineup_of, _lineup_side, _with_line_cards, _with_line_goals, line_facts
from .lines import _card_lines, _fits
from .minutes import parse_minute
from .models import MatchStub
from .prose import (
    _own_goal_told,
    _penalty_told,
    _with_prose_cards,
    _with_told_scorers,
    article_stage,
    coaches,
    prose_cards,
)
from .questions import _answered_clubs, _asked_goals, _with_asked_goals
from .results import summary_results
from .stubs import _evidence, _stubs
from .words import _COACH_NEAR, _COACH_WORDS, _NULLISH, _bare_name, _gap, _near, _pair, _surname


def _sides_that_fit(goals: list[dict[str, Any]], stub: MatchStub) -> list[dict[str, Any]]:
    """The model's goals with both teams swapped when only the swap fits the score.

    A small model sometimes credits every goal to the other side (Inter's scorers for Dortmund,
    Dortmund's for Inter); then one team has more goals than its score and the other fewer.
    """
    home, away = stub.home_team, stub.away_team
    limit = {home: stub.home_score, away: stub.away_score}
    if _fits(goals, limit):
        return goals
    other = {home: away, away: home}
    swapped = [{**goal, "team": other.get(goal["team"], goal["team"])} for goal in goals]
    exact = all(sum(g["team"] == team for g in swapped) == most for team, most in limit.items())
    return swapped if exact else goals


def _kind_from_text(card: dict[str, Any], grounder: Grounder) -> dict[str, Any]:
    """The card's kind from the words next to the player, before cards are counted once each.

    The model's "red" and "second_yellow" for Wendell ("Gelb-Rot für Wendell") are one card.
    """
    kind = _text_kind(grounder, card["player"])
    return {**card, "card": kind} if kind else card


def _nearer_side(card: dict[str, Any], stub: MatchStub, grounder: Grounder) -> dict[str, Any]:
    """A card whose player stands three times nearer to the other team's name goes to that team.

    "Bournemouth's Steve Cook" is Bournemouth's, whichever side the model chose (measured: the
    model picks the home team, the first of its enum, for most cards it is unsure of).
    """
    other = stub.away_team if card["team"] == stub.home_team else stub.home_team
    near, own = _gap(grounder, card["player"], other), _gap(grounder, card["player"], card["team"])
    return {**card, "team": other} if near <= _CARD_TEAM_NEAR and near * 3 <= own else card


_CARD_TEAM_NEAR = 200  # a sentence or two: the model picks the first team of its enum when unsure


def _once_each(cards: list[dict[str, Any]], grounder: Grounder) -> list[dict[str, Any]]:
    """A player's card of one colour once ("Diego López" yellow three times is one card).

    Given for both teams, the card keeps the team named nearer to the player.
    """
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for card in cards:
        key = (_surname(card["player"]), card["card"])
        kept = chosen.get(key)
        if kept is None:
            chosen[key] = card
        elif kept["team"] != card["team"]:
            if _gap(grounder, card["player"], card["team"]) < _gap(grounder, kept["player"], kept["team"]):
                chosen[key] = card
    return list(chosen.values())


def _clean_nulls(value: Any) -> Any:
    """A small model sometimes writes the string "null": that is null."""
    if isinstance(value, str):
        return None if value.strip().casefold() in _NULLISH else value
    if isinstance(value, dict):
        return {key: _clean_nulls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_nulls(item) for item in value]
    return value


def _assemble(answers: Answers, grounder: Grounder) -> dict[str, Any]:
    details = {ctx["index"]: answer for ctx, answer in answers.get("details", [])}
    matches: list[dict[str, Any]] = []
    listed: dict[int, set[str]] = {}  # match -> the surnames its scorers line gives
    stubs = _stubs(answers, grounder)
    clubs = _answered_clubs(answers, stubs)
    card_lines = bool(_card_lines(grounder.cleaned.text))
    summaries = {_pair(stub.home_team, stub.away_team): (goals, cards)
                 for stub, goals, cards in summary_results(grounder.cleaned.text)}  # fmt: skip
    for index, stub in enumerate(stubs):
        if _pair(stub.home_team, stub.away_team) in summaries:
            listed_goals, listed_cards = summaries[_pair(stub.home_team, stub.away_team)]
            goals, cards = [dict(g) for g in listed_goals], [dict(c) for c in listed_cards]
            matches.append(_match_record(stub, {}, goals, cards, grounder))
            continue
        found = details.get(index)
        extra = _clean_nulls(found.model_dump()) if found is not None else {}
        goals = [
            {
                "player": goal["player"], "team": goal["team"], "minute": parse_minute(goal["minute"]),
                "penalty": _penalty_told(grounder, goal["player"]),
                "own_goal": _own_goal_told(grounder, goal["player"]), "assist": None,
            }
            for goal in extra.get("goals", []) if goal.get("player")
        ]  # fmt: skip
        cards = [
            {**card, "minute": parse_minute(card["minute"])} for card in extra.get("cards", []) if card.get("player")
        ]
        asked = _asked_goals(answers, stub, grounder, clubs)
        goals = _with_asked_goals(_sides_that_fit(goals, stub), asked, stub)
        hints = {_surname(goal["player"]): goal["team"] for goal in goals}
        line_goals, line_cards = line_facts(stub, stubs, grounder.cleaned.text, hints)
        if line_goals:
            goals = _with_line_goals(line_goals, goals, stub)
            listed[len(matches)] = {_surname(goal["player"]) for goal in line_goals}
        else:
            goals = _with_told_scorers(goals, stub, grounder.cleaned.text)
        lineup = functools.partial(_lineup_of, stub, grounder.cleaned.text)
        given = cards  # the model's team for a player stands even where his own card's sentence names a coach
        cards = [_kind_from_text(_lineup_side(card, lineup) or _nearer_side(card, stub, grounder), grounder)
                 for card in cards if not _near(grounder, card["player"], _COACH_WORDS, _COACH_NEAR)]  # fmt: skip
        if line_cards is not None:
            cards = _with_line_cards(line_cards, cards, goals, lineup)
        elif card_lines:
            cards = []  # the article lists its cards in lines, and none for this match
        else:
            cards = _with_prose_cards(prose_cards(stub, stubs, grounder, goals, given), cards)
        cards = _once_each([_lineup_side(card, lineup) or card for card in cards], grounder)  # a prose card's team
        # is the nearer club's; a line-up that lists the player says it better ("Al 20′ ammonito Giaconia Diego")
        matches.append(_match_record(stub, extra, goals, cards, grounder))
    return {"matches": _one_competition(_listed_scorers_stay(matches, listed))}


def _one_competition(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A round-up's matches left without a competition, where the others name one and only one.

    The answers named one competition for two matches or more and no other: the rest play in it too.
    """
    named = [match["competition"] for match in matches if match.get("competition")]
    if len(named) < 2 or len({fold_text(name) for name in named}) != 1:
        return matches
    return [{**match, "competition": match.get("competition") or named[0]} for match in matches]


def _listed_scorers_stay(matches: list[dict[str, Any]], listed: dict[int, set[str]]) -> list[dict[str, Any]]:
    """A scorer a match's scorers line gives scores in that match, not in one the model put him in.

    "Die Tore: 10. Thiaw (Eigentor) 0:1, 67. Baumgartlinger 0:2" under Schalke - Leverkusen:
    asked about Bayern - Leipzig, the model listed them there too.
    """
    for index, match in enumerate(matches):
        elsewhere = set().union(*(names for other, names in listed.items() if other != index))
        own = listed.get(index, set())
        match["goals"] = [goal for goal in match["goals"]
                          if _surname(goal["player"]) in own or _surname(goal["player"]) not in elsewhere]  # fmt: skip
    return matches


def _match_record(
    stub: MatchStub, extra: dict[str, Any], goals: list[dict[str, Any]], cards: list[dict[str, Any]],
    grounder: Grounder,
) -> dict[str, Any]:
    """One match shaped like the root model; the date is not asked (null), stage and coaches are read by code."""
    home_coach, away_coach = coaches(stub, grounder.cleaned.text)
    goals = [{**goal, "player": _bare_name(goal["player"])} for goal in goals]
    cards = [{**card, "player": _bare_name(card["player"])} for card in cards]
    return {
        "competition": extra.get("competition"), "stage": article_stage(grounder.cleaned.text), "date": None,
        "venue": extra.get("venue"),
        **stub.model_dump(), "home_coach": home_coach, "away_coach": away_coach,
        "goals": goals, "cards": cards, "evidence": _evidence(stub, grounder),
    }  # fmt: skip
