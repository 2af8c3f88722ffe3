"""Rules that need the article: the engine applies them to every answer, whatever strategy (``CHECKS``).

Scores, scorers, cards, minutes, dates, and people taken for teams or scorers; the rules of
who hosted (and the venue) are in `hosts`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from extractor.grounding import Grounder, fold_text
from extractor.names import CLUB_AFFIXES as _CLUB_AFFIXES
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team
from extractor.plan import Finding

from .lines import (
    _BRACKET_LIST,
    _CARDS_HEAD,
    _GOALS_HEAD,
    _card_entries,
    _card_lines,
    _Entry,
    _line_body,
    _team_goals_lines,
    parse_line,
)
from .minutes import _MINUTE_EXPR, _attached_minutes, _minutes_near, _minutes_next
from .results import _result_line_tails, summary_results
from .words import (
    _CARD_NEAR,
    _CARD_WORDS,
    _COACH_NEAR,
    _COACH_WORDS,
    _GOAL_WORDS,
    _NEAR,
    _OWN_GOAL_WORDS,
    _PENALTY_WORDS,
    _RED_WORDS,
    _RUNNING,
    _SECOND_YELLOW_WORDS,
    _WINDOW,
    _YELLOW_WORDS,
    _full_name,
    _gap,
    _in_passage,
    _mentions,
    _mentions_of_team,
    _near,
    _running_side,
    _sentence_end,
    _sentence_start,
    _stop_after,
    _stop_before,
    _surname,
    _word_starts,
    score_stated,
)

_GENERIC_STAGE = {
    fold_text(word)
    for word in (
        "round", "group", "stage", "matchday", "league", "groep", "gruppe", "grupo", "girone", "groupe", "journée",
        "spieltag", "runde", "speelronde", "jornada", "giornata", "fase", "phase", "final", "finale", "of", "the",
    )
}  # fmt: skip


def _score_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    findings = []
    for index, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_score"), match.get("away_score")
        teams = (match.get("home_team") or "", match.get("away_team") or "")
        said = isinstance(home, int) and isinstance(away, int) and score_stated(grounder.folded_text, home, away, teams)
        if isinstance(home, int) and isinstance(away, int) and not said:
            message = f"the score {home}-{away} does not occur in the article"
            findings.append(Finding(("matches", index), "score_not_in_text", message))
    return findings


def _card_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for c, card in enumerate(match.get("cards") or []):
            player = card.get("player") or ""
            if card.get("card") in _listed_cards(grounder.cleaned.text).get(_surname(player), ()):
                continue  # a cards line gives it ("Exp: 90+10' Alex Padilla (AB)")
            if not _near(grounder, player, _CARD_WORDS, _CARD_NEAR):
                findings.append(
                    Finding(("matches", m, "cards", c), "no_card_in_text", f"no card is mentioned near {player!r}")
                )
    return findings


_GOAL_NEAR = 120


def _scorer_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A goal needs a goal word, a minute or a running score near its scorer's name.

    A small model lists the players it reads about (a booked player, a substitute) as
    scorers; an article always tells of a goal near the scorer.
    """
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            player = goal.get("player") or ""
            if not (
                _near(grounder, player, _GOAL_WORDS, _GOAL_NEAR)
                or _near(grounder, player, _MINUTE_EXPR, _GOAL_NEAR)
                or _near(grounder, player, _RUNNING, _GOAL_NEAR)
            ):
                message = f"nothing near {player!r} tells of a goal"
                findings.append(Finding(("matches", m, "goals", g), "no_goal_in_text", message))
            elif _surname(player) in _sheet_keepers(grounder.cleaned.text) and _surname(player) not in _listed_minutes(
                grounder.cleaned.text
            ):
                message = f"{player!r} is the goalkeeper a line-up names first, and no scorers line lists him"
                findings.append(Finding(("matches", m, "goals", g), "scorer_is_keeper", message))
            elif (
                _surname(player) in {_surname(card.get("player") or "") for card in match.get("cards") or []}
                and _surname(player) not in _listed_minutes(grounder.cleaned.text)  # a scorers line lists him
                and not _goal_told_apart(grounder, player)
            ):
                message = f"{player!r} is carded in this match and no sentence without a card tells of his goal"
                findings.append(Finding(("matches", m, "goals", g), "carded_not_scorer", message))
    return findings


#: A match sheet's line-up, its goalkeeper first and set off by a semicolon: "PONFERRADINA (1) [1]: Sergi Puig;
#: Iván Rodríguez, ...", "Napoli (4-4-2): Karnezis; Malcuit, ...".
_SHEET_KEEPER = re.compile(
    r"(?:^|(?<=\s))[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ][A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*){0,3}\s*(?:\([^()\n]{0,12}\))?\s*"
    r"(?:\[[^\]\n]{0,6}\])?\s*:\s*(?P<keeper>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’-]+){0,2})\s*;",
    re.MULTILINE,
)


@functools.lru_cache(maxsize=16)
def _sheet_keepers(text: str) -> frozenset[str]:
    """The surnames of the goalkeepers the article's line-ups name first."""
    return frozenset(_surname(hit["keeper"]) for hit in _SHEET_KEEPER.finditer(text))


def _goal_told_apart(grounder: Grounder, player: str) -> bool:
    """Whether a sentence naming the player tells of a goal and of no card ("Gelb-Rot für Wendell" is a card)."""
    text = grounder.folded_text
    for start, end in _mentions(grounder, player):
        left = _sentence_start(text, start, _stop_before)
        stops = [i for i in (_stop_after(text, end), text.find("\n", end)) if i >= 0]
        sentence = text[left : min(stops, default=len(text))]
        if _GOAL_WORDS.search(sentence) and not _CARD_WORDS.search(sentence):
            return True
    return False


#: "Kaba chested the ball into the path of Scholz": the name after the words scored, the one before assisted.
_SET_UP = re.compile(
    r"\b(?i:into the path of|set up|sets up|teed up|tees up|picked out|picks out|crossed for|squared for"
    r"|laid (?:it|the ball) (?:off|on) for|assist(?:ed)? for|provided (?:the|an) assist(?: this time)?(?: for| and)?"
    r"|gaf de assist (?:op|aan)|leverede assisten til|dio la asistencia a|fornisce l'assist a"
    r"|(?:cross|corner|pass|ball|delivery|free-kick)"
    r" (?:was )?(?:converted|headed home|finished|turned in|nodded in|tapped in) by"
    r"|in den lauf von|bedient|bediente|legt auf|legte auf|flankt auf|flankte auf"
    r"|servendo|serve|assist per|mette in mezzo per|pesca"  # "Makuch ... servendo in area Brunes, che trafigge"
    r"|asistencia para|asistió a|sirvió a|habilitó a|centro para|centró para"
    r"|sert|servi|centre pour|passe décisive pour|trouve|décale"
    r"|op maat voor|bediende|legde af op|legt af op"
    r"|lagde op til|serverede for|spillede \S+ fri)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?P<name>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:\s[A-ZÀ-ÞØÆÅ][\w'’-]+)?)"
)


def _assister_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer whose own sentence says he set the goal up for another player: that player scored.

    "Sory Kaba chested the ball into the path of Scholz ... thrashed it into the top corner":
    the model took Kaba, named first. Only where the other player is no team of the match and
    not already a scorer of it.
    """
    original = grounder.cleaned.original
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        goals = match.get("goals") or []
        teams = [match.get("home_team") or "", match.get("away_team") or ""]
        scorers = {_surname(goal.get("player") or "") for goal in goals}
        for g, goal in enumerate(goals):
            player = goal.get("player") or ""
            surname, written = _surname(player), (player.split() or [""])[-1]
            if len(written) < 3:
                continue
            takers = set()
            for hit in re.finditer(rf"(?<![\w'’]){re.escape(written)}(?:(?![\w'’])|['’]s\b)", original):
                after = _SET_UP.search(original, hit.end(), min(_sentence_end(original, hit.end()), hit.end() + 80))
                if after:
                    takers.add(after["name"])
            takers = {
                name for name in takers if _surname(name) not in scorers and _surname(name) != surname
                and not any(same_team(name, team) or _in_passage(team, name) for team in teams if team)
            }  # fmt: skip
            if len(takers) == 1:
                taker = _full_name(grounder, next(iter(takers)))
                message = f"the article says {player!r} set the goal up for {taker!r}"
                path = ("matches", m, "goals", g, "player")
                findings.append(Finding(path, "assister_not_scorer", message, "set", taker))
                scorers.add(_surname(taker))
    return findings


def _text_kind(grounder: Grounder, player: str) -> str | None:
    """The card the words next to the player name in his sentence: a second yellow, a red, a yellow, or None.

    "Rot für Bittencourt. Gelb-Rot für Wendell.": Wendell's second yellow is not Bittencourt's.
    """
    text = grounder.folded_text
    for kind, words in (("second_yellow", _SECOND_YELLOW_WORDS), ("red", _RED_WORDS), ("yellow", _YELLOW_WORDS)):
        for start, end in _mentions(grounder, player):
            left = max(start - _NEAR, _sentence_start(text, start, _stop_before))
            stop = _stop_after(text, end)
            right = min(end + _NEAR, stop if stop >= 0 else len(text))
            if words.search(text[left:right]):
                return kind
    return None


def _card_type_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """The kind of card comes from the words next to the player, not the model's guess."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for c, card in enumerate(match.get("cards") or []):
            player = card.get("player") or ""
            if card.get("card") in _listed_cards(grounder.cleaned.text).get(_surname(player), ()):
                continue  # a cards line gives it ("Ammoniti: Chiellini (J)")
            kind = _text_kind(grounder, player)
            if kind is not None and card.get("card") != kind:
                message = f"the article's words next to {player!r} say {kind}"
                findings.append(Finding(("matches", m, "cards", c, "card"), "card_from_text", message, "set", kind))
    return findings


def _flag_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """An own goal or penalty flag needs its word near the scorer; a coach needs a coach word."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            player = goal.get("player") or ""
            listed = _listed_flags(grounder.cleaned.text).get(_surname(player), set())
            for flag, words in (("own_goal", _OWN_GOAL_WORDS), ("penalty", _PENALTY_WORDS)):
                if flag in listed:
                    continue  # a scorers line or summary marks it ("60pen", "55og")
                if goal.get(flag) is True and not _near(grounder, player, words, _WINDOW):
                    message = f"{flag} for {player!r}, but the article says nothing of it near the name"
                    path = ("matches", m, "goals", g, flag)
                    findings.append(Finding(path, f"{flag}_not_in_text", message, "set", False))
        stage = match.get("stage")
        if isinstance(stage, str) and not set(re.findall(r"\w+", fold_text(stage))) - _GENERIC_STAGE:
            findings.append(Finding(("matches", m, "stage"), "generic_stage", f"{stage!r} names no round", "null"))
        for side in ("home_coach", "away_coach"):
            coach = match.get(side)
            if isinstance(coach, str) and coach and not _near(grounder, coach, _COACH_WORDS, _COACH_NEAR):
                message = f"{coach!r} is not called a coach in the article"
                findings.append(Finding(("matches", m, side), "not_a_coach", message, "null"))
    return findings


def _listed_entries(text: str, *heads: re.Pattern[str]) -> list[_Entry]:
    """The parsed entries of the article's lines under `heads`, and of scorers after a result on its line."""
    bodies = [_line_body(text, hit.end()) for head in heads for hit in head.finditer(text)]
    bodies += [hit.group("body") for hit in _BRACKET_LIST.finditer(text)]
    if _GOALS_HEAD in heads:
        bodies += [body for _, body in _result_line_tails(text)]
        bodies += [body for _, body in _team_goals_lines(text)]
    return [entry for body in bodies for entry in parse_line(body)]


@functools.lru_cache(maxsize=16)
def _listed_minutes(text: str) -> dict[str, set[int]]:
    """Surname -> the minutes the article's scorers and cards lines give that player."""
    found: dict[str, set[int]] = {}
    for entry in _listed_entries(text, _GOALS_HEAD, _CARDS_HEAD):
        if entry.minute is not None:
            found.setdefault(_surname(entry.player), set()).add(entry.minute)
    for _, goals, cards in summary_results(text):
        for item in (*goals, *cards):
            if item["minute"] is not None:
                found.setdefault(_surname(item["player"]), set()).add(item["minute"])
    return found


@functools.lru_cache(maxsize=16)
def _listed_flags(text: str) -> dict[str, set[str]]:
    """Surname -> "penalty" / "own_goal" where a scorers line or a wire summary marks the goal so."""
    items: list[dict[str, Any]] = [
        {"player": e.player, "penalty": e.penalty, "own_goal": e.own_goal} for e in _listed_entries(text, _GOALS_HEAD)
    ]
    items += [goal for _, goals, _ in summary_results(text) for goal in goals]
    found: dict[str, set[str]] = {}
    for item in items:
        found.setdefault(_surname(item["player"]), set()).update(f for f in ("penalty", "own_goal") if item[f])
    return found


@functools.lru_cache(maxsize=16)
def _listed_cards(text: str) -> dict[str, set[str]]:
    """Surname -> the colours the article's cards lines give that player."""
    found: dict[str, set[str]] = {}
    for _, kind, body in _card_lines(text):
        for entry, colour in _card_entries(body, kind):
            found.setdefault(_surname(entry.player), set()).add(colour)
    for _, _, cards in summary_results(text):
        for card in cards:
            found.setdefault(_surname(card["player"]), set()).add(card["card"])
    return found


def _minute_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A goal's or card's minute must be stated near the player; the text's own minute wins."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for kind in ("goals", "cards"):
            for i, item in enumerate(match.get(kind) or []):
                minute = item.get("minute")
                player = item.get("player") or ""
                path = ("matches", m, kind, i, "minute")
                if minute is not None and minute in _listed_minutes(grounder.cleaned.text).get(_surname(player), ()):
                    continue  # a scorers or cards line gives it ("74′, 90′ Suarez")
                attached = _attached_minutes(grounder, player)
                if kind == "cards":  # "Zagadou (27.) ... sieht Rot (59.)": 27 is his goal's
                    attached = _attached_minutes(grounder, player, _CARD_WORDS)
                if len(attached) == 1:
                    value = next(iter(attached))
                    if value != minute:
                        message = f"the article writes {value} against {player!r} (the model said {minute})"
                        findings.append(Finding(path, "minute_from_text", message, "set", value))
                    continue
                stated, loose = _minutes_near(grounder, player)
                if minute is None:
                    if len(stated) == 1:
                        value = next(iter(stated))
                        message = f"no minute given; the text states {value} next to {player!r}"
                        findings.append(Finding(path, "minute_from_text", message, "set", value))
                    continue
                if (not isinstance(minute, int) or any(abs(minute - s) <= 1 for s in stated) or minute in loose
                        or minute in _minutes_next(grounder, player)):  # "zu Chicharito. Der Mexikaner trifft (44.)"
                    continue
                if len(stated) == 1:
                    value = next(iter(stated))
                    message = f"minute {minute} is not stated near {player!r}; the text says {value}"
                    findings.append(Finding(path, "minute_from_text", message, "set", value))
                else:
                    message = f"minute {minute} is not stated near {player!r}"
                    findings.append(Finding(path, "minute_not_in_text", message, "null"))
    return findings


_MONTH_NAMES = (
    "jan|gen|ene", "feb|fev", "mar|maa", "apr|avr|abr", "may|mai|maj|mei|mag", "jun|juin|giu",
    "jul|juil|lug", "aug|aou|ago", "sep|set", "oct|okt|ott", "nov", "dec|dez|dic",
)


def date_stated(text: str, value: str) -> bool:
    """Whether the folded `text` states the day of an ISO date with its month ("1 Dec", "Dec. 1", "1.12.")."""
    year, month, day = (int(part) for part in value.split("-"))
    names = _MONTH_NAMES[month - 1]
    d, m = rf"0?{day}", rf"0?{month}"
    patterns = (
        rf"{year}-{month:02d}-{day:02d}",
        rf"(?<![\d.])0?{day}[./]{m}(?:[./]|\b)(?!\d)",
        rf"(?<![\d.])0?{day}(?:st|nd|rd|th|er|e|º|°|\.)?\s*(?:de\s+|di\s+)?(?:{names})[a-z]*",
        rf"\b(?:{names})[a-z]*\.?\s+{d}(?!\d)",
    )
    return any(re.search(pattern, text) for pattern in patterns)


_DATE_WINDOW = 250


def _near_teams(grounder: Grounder, match: dict[str, Any]) -> str:
    """The text around the match's team names (a date in a headline list is another story's)."""
    text = grounder.folded_text
    pieces = [
        text[max(0, start - _DATE_WINDOW) : end + _DATE_WINDOW]
        for side in ("home_team", "away_team")
        for start, end in grounder.find_all(match.get(side) or "")
    ]
    return "\n".join(pieces)


def _date_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    findings = []
    for index, match in enumerate(data.get("matches") or []):
        value = match.get("date")
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue
        try:
            stated = date_stated(_near_teams(grounder, match), value)
        except (ValueError, IndexError):
            stated = False
        if not stated:
            message = f"the article does not state {value}"
            findings.append(Finding(("matches", index, "date"), "date_not_in_text", message, "null"))
    return findings


def _distance(grounder: Grounder, name: str, anchors: list[str]) -> int:
    """Characters between a mention of `name` and the nearest mention of any anchor."""
    spots = [start for anchor in anchors if anchor for start, _ in _mentions_of_team(grounder, anchor)]
    mentions = [start for start, _ in grounder.find_all(name)] or [
        start for start, _ in grounder.find_all(name.split()[-1] if name.split() else name)
    ]
    return min((abs(a - b) for a in mentions for b in spots), default=10**9)


def _one_match_per_scorer(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A player scores in one match of the article: the one whose teams are named nearest to him.

    In a round-up a small model copies one match's scorers into the others.
    """
    matches = data.get("matches") or []
    where: dict[str, list[tuple[int, int]]] = {}
    for m, match in enumerate(matches):
        for g, goal in enumerate(match.get("goals") or []):
            where.setdefault(team_key(goal.get("player") or ""), []).append((m, g))
    findings = []
    for player, places in where.items():
        if len({m for m, _ in places}) < 2:
            continue
        name = next(matches[m]["goals"][g].get("player") or "" for m, g in places)
        distances = {
            m: _distance(grounder, name, [matches[m].get("home_team") or "", matches[m].get("away_team") or ""])
            for m, _ in places
        }
        keep = min(distances, key=lambda m: (distances[m], m))
        for m, g in places:
            if m != keep:
                message = f"{player!r} also scores in matches[{keep}], whose teams are named nearer to him"
                findings.append(Finding(("matches", m, "goals", g), "scorer_in_other_match", message))
    return findings


def _scorer_near_match(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """In a round-up, a scorer belongs to the match whose teams are named near him.

    A small model copies the scorers of one paragraph into the next match's answer
    ("Mbeumo, Wissa" of Forest v Brentford listed for Leeds v Bournemouth). A goal whose scorer
    stands three times nearer to another match's teams than to his own (and near them) is dropped.
    """
    matches = data.get("matches") or []
    if len(matches) < 2:
        return []
    def teams(match: dict[str, Any]) -> list[str]:
        return [match.get("home_team") or "", match.get("away_team") or ""]

    findings = []
    for m, match in enumerate(matches):
        for g, goal in enumerate(match.get("goals") or []):
            player = goal.get("player") or ""
            if goal.get("minute") in _listed_minutes(grounder.cleaned.text).get(_surname(player), ()):
                continue  # a scorers line placed it
            own = _distance(grounder, player, teams(match))
            others = (_distance(grounder, player, teams(x)) for i, x in enumerate(matches) if i != m)
            other = min(others, default=10**9)
            if other <= _WINDOW and other * 3 <= own:
                message = f"{player!r} is named near another match's teams, not near this match's"
                findings.append(Finding(("matches", m, "goals", g), "scorer_of_other_match", message))
    return findings


def _one_side_per_scorer(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A player's goals in one match count for one team (own goals aside).

    A small model may list the same scorer for both teams (it did so for most matches when goals
    were asked one team at a time). The running score next to his name decides, else the team
    named clearly nearer to him; failing both, neither claim is kept.
    """
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        teams = {"home": match.get("home_team") or "", "away": match.get("away_team") or ""}
        claims: dict[str, list[tuple[int, str]]] = {}
        for g, goal in enumerate(match.get("goals") or []):
            if not goal.get("own_goal"):
                claims.setdefault(team_key(goal.get("player") or ""), []).append((g, goal.get("team") or ""))
        for player, places in claims.items():
            if len({team for _, team in places}) < 2:
                continue
            name = (match["goals"][places[0][0]].get("player") or "").strip()
            side = _running_side(grounder, name)
            if side is None:
                near = {key: _gap(grounder, name, team) for key, team in teams.items()}
                (first, d1), (_, d2) = sorted(near.items(), key=lambda item: item[1])
                side = first if d1 <= _NEAR and d1 * 3 <= d2 else None
            keep = teams[side] if side else None
            for g, team in places:
                if team != keep:
                    message = f"{player!r} is listed as scoring for both teams; " + (
                        f"the text puts him with {keep!r}" if keep else "the text does not say for which"
                    )
                    findings.append(Finding(("matches", m, "goals", g), "scorer_for_both_teams", message))
    return findings


#: A name shaped like a person's: two or three title-case words, particles between ("Stefanie van der Gragt").
_PERSON_SHAPE = re.compile(
    r"[A-ZÀ-ÞØÆÅ][a-zß-ÿæøå'’-]+(?:[ ](?:(?:van|von|der|den|de|da|di|del|dos|ter|ten|le|la)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][a-zß-ÿæøå'’-]+){1,2}"
)
_CLUB_NAME_WORDS = frozenset(
    "united city town rovers athletic county wanderers albion hotspur real sporting racing dynamo dinamo lokomotiv"
    " olympique stade borussia eintracht fortuna hertha union werder young boys inter milan atletico deportivo"
    " sparta slavia celtic rangers red bull bayer kickers jong women vrouwen ladies lionesses damen kvinder"
    " national nationale boldklub boldklubben fodboldklub fodboldklubben idrætsforening idraetsforening idrætsklub"
    " boldforening sportsklub sportclub sportverein sportvereinigung fussballclub fußballclub turnverein"
    " voetbalvereniging polisportiva".split()
)


def _person_shaped(name: str) -> bool:
    words = fold_text(name).split()
    return bool(_PERSON_SHAPE.fullmatch(name.strip())) and not any(
        w in _CLUB_AFFIXES or w in _CLUB_NAME_WORDS for w in words
    )


def _people_as_teams(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A match whose two "teams" are people: a running score the model took for a result.

    "Mary Fowler bankede bolden i mål til 1-3 ..., blev det så 2-3 ved Clare Polkinghorne" gave
    "Mary Fowler 2-3 Clare Polkinghorne". Both names shaped like a person's, the model listing one
    of them as a player somewhere, and neither written more than twice in the article.
    """
    matches = data.get("matches") or []
    players = {team_key(item.get("player") or "") for m in matches for kind in ("goals", "cards")
               for item in m.get(kind) or []} - {""}  # fmt: skip
    findings = []
    for m, match in enumerate(matches):
        pair = [match.get("home_team") or "", match.get("away_team") or ""]
        if not all(pair) or not all(_person_shaped(team) for team in pair):
            continue
        if not any(team_key(team) in players for team in pair):
            continue
        if all(len(grounder.find_all(team)) <= 2 for team in pair):
            message = f"{pair[0]!r} and {pair[1]!r} are players, not teams"
            findings.append(Finding(("matches", m), "teams_are_people", message))
    return findings + _player_as_team(matches, grounder) + _nickname_teams(matches, grounder)


#: The words before a name that make it a nickname: "les Grenat", "the Spitfires", "i viola".
_NICKNAME_BEFORE = re.compile(r"(?i:\b(?:les|the|i|gli|los|las))\s+$")


def _nickname_teams(matches: list[dict[str, Any]], grounder: Grounder) -> list[Finding]:
    """A "team" the article only ever writes as a nickname: the model's pair is not the match.

    "A la Tuilière, les Grenat se sont imposés 3-0 face à un LS": every mention of "Grenat" (Servette's
    nickname) has a plural article before it. (A place's preposition was measured too: "al Tenerife",
    "à Rennes", "at Brentford" are clubs, so it is not a test.)
    """
    original = grounder.cleaned.original
    findings = []
    for m, match in enumerate(matches):
        for side in ("home_team", "away_team"):
            team = match.get(side) or ""
            hits = list(re.finditer(rf"(?<![\w'’]){re.escape(team)}(?![\w'’])", original)) if team else []
            before = [_NICKNAME_BEFORE.search(original[max(0, hit.start() - 12) : hit.start()]) for hit in hits]
            if len(team.split()) > 1 and all(b and b.group().split()[0].casefold() in ("i", "gli") for b in before):
                continue  # "i Lupi Marini": an Italian club of two words, with its article (nicknames: "i viola")
            if hits and all(before):
                message = f"{team!r} is only ever written as a nickname, not as a team"
                findings.append(Finding(("matches", m), "team_is_a_nickname", message))
                break
    return findings


def _player_as_team(matches: list[dict[str, Any]], grounder: Grounder) -> list[Finding]:
    """A "team" that is the surname of one of the match's own players, written elsewhere with his first name.

    "Scunthorpe 3-2 Woolford", with "Martyn Woolford" among its scorers: the model took the
    scorer of the winner for the opponent. So is a person's name the article writes right after a
    scoring verb ("scoorde Wesley van Dijk": "Wesley van Dijk 3-1 Sporting Heerlen").
    """
    findings = []
    for m, match in enumerate(matches):
        names = {item.get("player") or "" for kind in ("goals", "cards") for item in match.get(kind) or []}
        for side in ("home_team", "away_team"):
            team = match.get(side) or ""
            full = _full_name(grounder, team) if team else ""
            if full != team and _person_shaped(full) and any(
                _surname(name) == _surname(team) and team_key(name) != team_key(team) for name in names
            ):
                message = f"{team!r} is the player {full!r}, not a team"
                findings.append(Finding(("matches", m), "team_is_a_player", message))
                break
            if _person_shaped(team) and _told_scoring(grounder, team):
                message = f"{team!r} is a person the article says scored, not a team"
                findings.append(Finding(("matches", m), "team_is_a_player", message))
                break
    return findings


#: A scoring verb right before a name (folded): "In de 58e minuut scoorde Wesley van Dijk uit een ingooi".
_SCORED_BEFORE = re.compile(
    r"(?<!\w)(?:scoorde|scoort|scored|scores|netted|traf|trifft|erzielte|marco|marca|segna|segno|marque"
    r"|scorede|scorer|kopte|knalde|schoot"
    r"|(?:udlignet|udlignede|reduceret|reducerede|scoret|gelijkgemaakt|ausgeglichen) (?:ved|af|door|durch))\s+$"
)  # "der udlignet ved Sune Thychosen": equalised by him


def _told_scoring(grounder: Grounder, team: str) -> bool:
    """Whether the article writes the name right after a scoring verb, and at most three times."""
    text = grounder.folded_text
    mentions = grounder.find_all(team)
    return 0 < len(mentions) <= 3 and any(_SCORED_BEFORE.search(text, max(0, a - 20), a) for a, _ in mentions)


#: Words of the game a small model copies as a scorer's name ("Elfmeter" from "per Elfmeter"), folded.
_GAME_WORDS = frozenset(fold_text(word) for word in (
    "Elfmeter", "Foulelfmeter", "Handelfmeter", "Strafstoß", "Freistoß", "Eigentor", "Kopfball", "Tor", "Treffer",
    "Penalty", "Penalties", "Own goal", "Free kick", "Header", "Goal", "Equaliser", "Equalizer", "Winner",
    "Straffespark", "Straffe", "Selvmål", "Frispark", "Mål", "Strafschop", "Penalty-stip", "Eigen doelpunt",
    "Vrije trap", "Doelpunt", "Penalti", "Penal", "Autogol", "Tiro libre", "Gol", "Rigore", "Autorete",
    "Punizione", "Pénalty", "Coup franc", "But", "Contre son camp", "Tête",
))  # fmt: skip


#: Small words that open a sentence with a capital, copied as a scorer's name ("Efter en del tilløb bragte
#: Mathias Dalsgaard Borup foran 10 minutter inde": "Efter" at 10), folded.
_SMALL_WORDS = frozenset(fold_text(word) for word in (
    "After", "Before", "Then", "With", "When", "The", "Efter", "Inden", "Med", "Da", "Der", "Det", "Den", "Han",
    "Nach", "Vor", "Dann", "Mit", "Als", "Die", "Das", "Er", "Na", "Voor", "Toen", "Met", "Het", "Hij", "Après",
    "Avant", "Puis", "Avec", "Quand", "Il", "Le", "La", "Les", "Tras", "Después", "Antes", "Luego", "Con",
    "Cuando", "El", "Los", "Las", "Dopo", "Prima", "Poi", "Quando", "Lo", "Gli", "Al", "Nel", "Sul",
))  # fmt: skip


def _people_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer or booked player is not a club, and a coach leads one team of the article.

    A club is also its name's part before a slash: "SG Zahna" of "SG Zahna/Elster" in a goal list whose
    "|" cells gave the club where the scorer is unknown.
    """
    matches = data.get("matches") or []
    teams = {team_key(m.get(side) or "") for m in matches for side in ("home_team", "away_team")} - {""}
    slashed = {team_key(name.split("/")[0]) for m in matches for side in ("home_team", "away_team")
               if "/" in (name := m.get(side) or "")} - {""}  # fmt: skip
    findings = []
    coaches: dict[str, list[tuple[str | int, ...]]] = {}
    for m, match in enumerate(matches):
        for kind in ("goals", "cards"):
            for i, item in enumerate(match.get(kind) or []):
                player_key = team_key(item.get("player") or "")
                if player_key in teams or player_key in slashed:
                    message = f"{item.get('player')!r} is a team, not a player"
                    findings.append(Finding(("matches", m, kind, i), "player_is_a_team", message))
                elif fold_text(item.get("player") or "") in _GAME_WORDS | _SMALL_WORDS:
                    message = f"{item.get('player')!r} is a word of the game or of the sentence, not a player"
                    findings.append(Finding(("matches", m, kind, i), "player_is_a_word", message))
        for side in ("home_coach", "away_coach"):
            coach = match.get(side)
            if isinstance(coach, str) and coach:
                coaches.setdefault(team_key(coach), []).append(("matches", m, side))
    for name, places in coaches.items():
        if len(places) > 1:
            for path in places:
                message = f"{name!r} is named coach of {len(places)} teams"
                findings.append(Finding(path, "coach_of_several_teams", message, "null"))
    return findings


#: A role written right before a name ("Hoffenheim-Trainer Julian Nagelsmann", "goalkeeper Diego López"):
#: coaches and goalkeepers do not score (a small model lists them as scorers from the sentence about a goal).
_NO_SCORER_ROLES = (
    r"coach|manager|boss|trainer|cheftrainer|træner|cheftræner|entrenador|técnico|tecnico|entraîneur|allenatore"
    r"|bondscoach|übungsleiter|goalkeeper|keeper|goalie|torwart|torhüter|schlussmann|portero|guardameta|arquero"
    r"|portiere|gardien|målmand|målmanden|doelman|doelverdediger|sluitpost"
)


_ROLE_BEFORE = re.compile(rf"(?<!\w)({_NO_SCORER_ROLES})\s+(?:[\w'’.-]+\s+)?$")
_ROLE_REACH = 60


def _role_before(grounder: Grounder, player: str) -> str | None:
    """The coach or goalkeeper word written right before a mention of the player (or surname), if any."""
    text = grounder.folded_text
    for start, _ in _mentions(grounder, player):
        hit = _ROLE_BEFORE.search(text, max(0, start - _ROLE_REACH), start)
        if hit:
            return hit.group(1)
    return None


def _role_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A goal credited to a player the article calls a coach or a goalkeeper is dropped."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            player = goal.get("player") or ""
            role = _role_before(grounder, player) if player else None
            if role and _running_side(grounder, player) is None:  # a list's "7. Daan Fonken 1-2 (pen.)": he scored
                message = f"the article calls {player!r} {role!r}: not a scorer"
                findings.append(Finding(("matches", m, "goals", g), "scorer_is_coach_or_keeper", message))
            elif player and _only_saves(grounder, player):
                message = f"every sentence naming {player!r} tells of a save: not a scorer"
                findings.append(Finding(("matches", m, "goals", g), "scorer_only_saves", message))
            elif player and _only_substituted(grounder, player):
                message = f"every sentence naming {player!r} tells of a substitution: not a scorer"
                findings.append(Finding(("matches", m, "goals", g), "scorer_only_substituted", message))
    return findings


#: Words of a substitution: "Ersetzt wurden sie von Sabrina Reichert und Laura Kiefner", "came on for".
_SUBSTITUTION_WORDS = _word_starts(
    "ersetzt", "eingewechselt", "ausgewechselt", "kam für", "kam fur", "replaced", "brought on", "taken off",
    "sostituit", "al posto di", "vervangen", "gewisseld", "indskiftet", "udskiftet", "skiftet ud", "skiftet ind",
    "sustituid", "entró por", "entro por", "relevó", "relevo a", "remplacé", "remplace par",
)  # fmt: skip  (verbs only: "late substitute X broke the deadlock" and "invaller X" may still score)
_GOAL_WORDS_NEAR = _word_starts(
    "tor", "treffer", "traf", "trifft", "goal", "scor", "net", "deadlock", "opener", "winner", "equalis", "mål",
    "gol", "marc", "anot", "rete", "segn", "but", "doelpunt", "raak", "ausgleich", "führung", "fuhrung",
)  # fmt: skip


def _sentences_naming(grounder: Grounder, player: str) -> set[str]:
    """The folded sentences that name the player (or his surname)."""
    text = grounder.folded_text
    return {
        text[_sentence_start(text, start, _stop_before) : _sentence_end(text, end)]
        for start, end in _mentions(grounder, player)
    }


def _only_substituted(grounder: Grounder, player: str) -> bool:
    """Whether every sentence naming the player tells of a substitution and none of a goal."""
    sentences = _sentences_naming(grounder, player)
    return bool(sentences) and all(
        _SUBSTITUTION_WORDS.search(sentence) and not _GOAL_WORDS_NEAR.search(sentence) for sentence in sentences
    )


#: Words of a save: "sowohl Schuss als auch Nachschuss parierte", "saved", "reddede", "paró", "parò".
_SAVE_WORDS = _word_starts(
    "parierte", "pariert", "parieren", "hielt den", "hält den", "saved", "saves", "parried", "palmed", "denied",
    "reddede", "reddet", "redder", "redning", "keerde", "stopte de", "redde de", "paró", "atajó", "detuvo", "parò",
    "parata", "salvataggio", "respinse", "neutralizzò", "arrêta", "arrête", "repoussa", "détourna",
    "verwerkt door", "gestopt door", "onschadelijk",
)  # fmt: skip
#: Words of a chance that came to nothing: "met kansen voor Milan Brüggemann en Jeremy de Graaf".
_CHANCE_WORDS = _word_starts(
    "kans", "kansen", "chance", "chancen", "ocasión", "ocasion", "occasione", "occasioni", "occasion", "chancer",
    "missed", "miss", "vergab", "vergeben", "miste", "brændte", "sbagli", "falló", "fallo", "manqu", "rata",
)  # fmt: skip


def _only_saves(grounder: Grounder, player: str) -> bool:
    """Whether the article names the player only in sentences of saves (his shot saved), or of saves and misses."""
    sentences = _sentences_naming(grounder, player)
    if not sentences:
        return False
    if all(_SAVE_WORDS.search(sentence) for sentence in sentences):
        return True
    # a save, and otherwise only chances that came to nothing, with no goal told in any of them
    return (
        all(_SAVE_WORDS.search(sentence) or _CHANCE_WORDS.search(sentence) for sentence in sentences)
        and any(_SAVE_WORDS.search(sentence) for sentence in sentences)
        and not any(_GOAL_WORDS_NEAR.search(sentence) for sentence in sentences)
    )


#: A photo caption's line: "Der Sachsenheimer Kevin Kreischer (links) und ... steigen zum Kopfball hoch. © Foto: ...".
_CAPTION_LINE = re.compile(
    r"©|\b(?:foto|photo|bild|billede|imagen|immagine)\s*:"
    r"|\((?:links|rechts|left|right|l\.|r\.|à gauche|à droite|til venstre|til højre|izquierda|derecha|a sinistra"
    r"|a destra)\)",
    re.IGNORECASE,
)


def _caption_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer or carded player the article names only in photo captions: a face in a picture, not a goal."""
    text = grounder.cleaned.original
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for kind in ("goals", "cards"):
            for i, item in enumerate(match.get(kind) or []):
                player = item.get("player") or ""
                mentions = list(_mentions(grounder, player)) if player else []
                lines = []
                for start, end in mentions:
                    a, b = grounder.to_original(start, end)
                    line_start, line_end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
                    lines.append(text[line_start : line_end if line_end >= 0 else len(text)])
                if lines and all(_CAPTION_LINE.search(line) for line in lines):
                    message = f"{player!r} is named only in a photo caption"
                    findings.append(Finding(("matches", m, kind, i), "named_only_in_caption", message))
    return findings
