"""What scorers and cards lines and line-ups give one match (`line_facts`), and the match a line belongs to."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from extractor.grounding import fold_text

from .lines import (
    _BRACKET_LIST,
    _GOALS_HEAD,
    _MINUTE_IN_LIST,
    _card_entries,
    _card_lines,
    _Entry,
    _line_body,
    _line_goals,
    _line_teams,
    _team_goals_lines,
    parse_line,
)
from .models import MatchStub
from .results import _LINEUP_ITEMS, _result_line_tails
from .words import _PLAIN_NAME_WORDS, _surname, score_pattern


def _match_of_line(text: str, position: int, stubs: list[MatchStub]) -> MatchStub | None:
    """The match a scorers/cards line belongs to: the result on its line, else the nearest above.

    "Feyenoord-Vitesse 0-1", some paragraphs, then "Scoreverloop: 0-1 (43') M. van Ginkel".
    """
    line_start = text.rfind("\n", 0, position) + 1
    windows = [text[line_start:position]]
    end = line_start - 1
    while end > 0 and len(windows) < _LINES_BACK:
        start = text.rfind("\n", 0, end) + 1
        windows.append(text[start:end])
        end = start - 1
    for window in windows:
        folded = fold_text(window)
        hits = [
            stub for stub in stubs
            if _score_in(folded, stub) and all(_named_in(folded, team) for team in (stub.home_team, stub.away_team))
        ]  # fmt: skip
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return stubs[0] if len(stubs) == 1 else None


_LINES_BACK = 40


def _match_by_running_scores(entries: list[_Entry], stubs: list[MatchStub]) -> MatchStub | None:
    """The one match a line's running scores end at, where no result near the line names it.

    "1. DIVISION Mål: 1-0 Hallur Hansson (7.), 2-0 ..., 3-2 Admir Catovic (80.)" above the report
    of Vendsyssel 3-2 FC Fredericia: every goal with its score, one goal at a time from 0-0.
    """
    scores = [entry.score for entry in entries if entry.score is not None]
    if len(scores) < 2 or len(scores) != len(entries):
        return None
    previous = (0, 0)
    for home, away in scores:
        if (home, away) not in ((previous[0] + 1, previous[1]), (previous[0], previous[1] + 1)):
            return None
        previous = (home, away)
    hits = [stub for stub in stubs if (stub.home_score, stub.away_score) == previous]
    return hits[0] if len(hits) == 1 else None


def _score_in(folded: str, stub: MatchStub) -> bool:
    """The score in a line, also split by the teams' names ("Rayo Vallecano 1-Barcelona 1")."""
    if score_pattern(stub.home_score, stub.away_score).search(folded):
        return True
    split = rf"(?<![\d.,:])({stub.home_score})\s?[-–]\s?\D{{2,40}}?\s({stub.away_score})(?![\d:])"
    return re.search(split, folded) is not None


def _named_in(folded: str, team: str) -> bool:
    words = [w for w in re.findall(r"\w+", fold_text(team)) if len(w) >= 3 and w not in _PLAIN_NAME_WORDS]
    return any(re.search(rf"(?<!\w){re.escape(w)}", folded) for w in words or [fold_text(team)])


def line_facts(
    stub: MatchStub, stubs: list[MatchStub], text: str, hints: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]] | None]:
    """The goals and the cards the article's scorers and cards lines give for one match (None: no line)."""
    goals: list[dict[str, Any]] | None = None
    bodies = [(hit.start(), _line_body(text, hit.end())) for hit in _GOALS_HEAD.finditer(text)]
    bodies += [
        (hit.start("body"), hit.group("body"))
        for hit in _BRACKET_LIST.finditer(text)
        if _MINUTE_IN_LIST.search(hit["body"])
    ]
    bodies += _result_line_tails(text)
    bodies += _team_goals_lines(text)
    read: set[str] = set()
    for position, body in sorted(bodies):
        if body in read:
            continue  # a page that repeats its goals block at the end
        read.add(body)
        entries = parse_line(body)
        owner = _match_of_line(text, position, stubs) or _match_by_running_scores(entries, stubs)
        if owner is not stub:
            continue
        found = _line_goals(entries, stub, {**(hints or {}), **_lineup_hints(entries, stub, text)})
        if found is not None:
            goals = [*(goals or []), *found]
    cards: list[dict[str, Any]] | None = None
    for position, kind, body in _card_lines(text):
        if _match_of_line(text, position, stubs) is not stub:
            continue
        pieces = _card_entries(body, kind)
        teams = _other_part(pieces, _line_teams([entry for entry, _ in pieces], stub.home_team, stub.away_team, None),
                            stub)  # fmt: skip
        listed = [
            {"player": entry.player, "team": team, "minute": entry.minute,
             "card": colour}
            for (entry, colour), team in zip(pieces, teams, strict=True)
        ]  # fmt: skip
        cards = [*(cards or []), *listed]
    if cards:
        sent_off = {fold_text(card["player"]) for card in cards if card["card"] == "second_yellow"}
        cards = [c for c in cards if not (c["card"] == "yellow" and fold_text(c["player"]) in sent_off)]
        # "Expulsó por doble amonestación a Guillermo (23´y 73´)": one sending-off, at the second booking
        last = {fold_text(c["player"]): i for i, c in enumerate(cards) if c["card"] == "second_yellow"}
        cards = [c for i, c in enumerate(cards)
                 if c["card"] != "second_yellow" or last[fold_text(c["player"])] == i]  # fmt: skip
    return goals, cards


def _other_part(pieces: list[tuple[_Entry, str]], teams: list[str | None], stub: MatchStub) -> list[str | None]:
    """A cards line's untagged ";"-parts go to the other team where every tagged part names one team.

    "Avertissements : Belghazouani (64e) à Brest; Cavalli (14e), Coulibaly (14e)": the two after the
    semicolon are the visitors'. Not where a tagged and an untagged card share a part.
    """
    named = {team for team in teams if team is not None}
    if len(named) != 1 or None not in teams:
        return teams
    if any((entry.ref or "").startswith("beide ") for entry, _ in pieces):
        return [next(iter(named))] * len(teams)  # "Jochheim (42.); Schößler (59./beide Schw.-G.)"
    tagged = {entry.group for (entry, _), team in zip(pieces, teams, strict=True) if team is not None}
    untagged = {entry.group for (entry, _), team in zip(pieces, teams, strict=True) if team is None}
    if tagged & untagged or min(untagged) < max(tagged):
        return teams  # an untagged part before the tag may be the tag's own
    other = stub.away_team if named == {stub.home_team} else stub.home_team
    return [team or other for team in teams]


def _with_line_goals(line: list[dict[str, Any]], model: list[dict[str, Any]], stub: MatchStub) -> list[dict[str, Any]]:
    """The line's goals, and the model's goals by other players while the score has room for them."""
    room = {stub.home_team: stub.home_score, stub.away_team: stub.away_score}
    for goal in line:
        room[goal["team"]] -= 1
    listed = {_surname(goal["player"]) for goal in line}
    out = list(line)
    for goal in model:
        if _surname(goal["player"]) not in listed and room.get(goal["team"], 0) > 0:
            room[goal["team"]] -= 1
            out.append(goal)
    return out


def _lineup_team(player: str, stub: MatchStub, text: str) -> str | None:
    """The one team of the match whose line-up names the player, else None.

    A line-up is what follows "Team (formation):" ("Inter (4-2-3-1): Handanovic; ..., Nainggolan, ...")
    up to the next line-up, the coach ("All.") or a blank line, with ten separators at least.
    """
    surname = _surname(player)
    found = {team for team in (stub.home_team, stub.away_team)
             if any(re.search(rf"(?<!\w){surname}(?!\w)", body) for body in _lineup_bodies(team, text))}  # fmt: skip
    return next(iter(found)) if len(found) == 1 else None


#: A word for a team's line-up, before or after its name ("OB’s holdopstilling:", "Aufstellung Kiel:").
_LINEUP_WORD = (
    r"(?:holdopstilling|opstilling|startopstilling|line-?up|starting xi|aufstellung|opstelling|formazione"
    r"|alineaci[oó]n|composition)"
)


@functools.lru_cache(maxsize=64)
def _lineup_bodies(team: str, text: str) -> tuple[str, ...]:
    """The folded line-ups the article writes after "Team (formation):" (read once per team, not per player)."""
    bodies = []
    named = rf"(?:{_LINEUP_WORD}\s+(?:of\s+|de\s+|du\s+|von\s+|van\s+|di\s+)?)?(?<![\w-]){re.escape(team)}"
    head = rf"{named}(?:['’]s?)?(?:\s+{_LINEUP_WORD}|(?<=['’]s)\s*{_LINEUP_WORD})?\s*(?:\([\d\s-]+\))?\s*:"
    for hit in re.finditer(head, text, re.IGNORECASE):  # "Inter (4-2-3-1):", "OB’s holdopstilling:", "Aufstellung X:"
        stop = _LINEUP_END.search(text, hit.end())
        body = fold_text(text[hit.end() : stop.start() if stop else hit.end() + 600])
        if len(re.findall(r"[,;]", body)) >= _LINEUP_ITEMS - 1:
            bodies.append(body)
    return tuple(bodies)


def _lineup_hints(entries: list[_Entry], stub: MatchStub, text: str) -> dict[str, str]:
    """Surname -> team for a scorers line's untagged scorers whom one line-up names ("RETI: 17' Piccolo, ...")."""
    hints = {}
    for entry in entries:
        if entry.player and not entry.own_goal:
            team = _lineup_team(entry.player, stub, text)
            if team is not None:
                hints[_surname(entry.player)] = team
    return hints


def _lineup_of(stub: MatchStub, text: str, player: str) -> str | None:
    return _lineup_team(player, stub, text)


def _lineup_side(card: dict[str, Any], lineup: Callable[[str], str | None]) -> dict[str, Any] | None:
    """The card with the team whose line-up lists its player, where one does (else None)."""
    team = lineup(card["player"])
    return {**card, "team": team} if team else None


_LINEUP_END = re.compile(
    r"\n\s*\n|\bAll\.|\bAllenatore\b|\b[A-ZÀ-Þ][\w.'’-]+\s*\([\d\s-]+\)\s*:"
    r"|\n[ \t]*(?:\(\d{1,2}\)|\d{1,2}[ \t]*[–-])[ \t]*[A-ZÀ-Þ]"  # the next line-up, led by its goals: "(3) Real ..."
    r"|\n[ \t]*[A-ZÀ-Þ][\w ]{0,20}:"  # the sheet's next label: "Árbitro:", "Goles:"
)


def _with_line_cards(
    line: list[dict[str, Any]], model: list[dict[str, Any]], goals: list[dict[str, Any]],
    lineup: Callable[[str], str | None] | None = None,
) -> list[dict[str, Any]]:
    """A cards line's cards, in place of the model's (which are wrong more often than right).

    A listed card the line gives no team ("Red card: Cancelo") takes the team whose line-up lists
    the player, else the one the model or a goal gives him; with none, it is not kept.
    """
    teams = {_surname(item["player"]): item["team"] for item in [*goals, *model]}
    out = []
    for card in line:
        team = card["team"] or (lineup(card["player"]) if lineup else None) or teams.get(_surname(card["player"]))
        if team is not None:
            out.append({**card, "team": team})
    return out
