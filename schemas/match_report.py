"""Task `match_report`: every football match whose result an article reports.

This module is a task definition, not engine code. The engine finds it by file
name (`schemas/<task>.py`) and reads two names from it:

* ``ROOT_MODEL`` - the pydantic model the LLM must fill.
* ``EVAL_SPEC`` - how the evaluation aligns and compares its fields.

The field names of ``MatchReport``, ``Match``, ``Goal`` and ``Card`` are a
public contract: other tools read them. Descriptions are written for the model
(they are sent in the JSON Schema) and teach it the conventions.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.grounding import Grounder, fold_text
from extractor.merge_spec import MergeSpec, SubListMerge
from extractor.names import CLUB_AFFIXES as _CLUB_AFFIXES
from extractor.names import CLUB_ALIASES
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team
from extractor.plan import GROUNDED, GROUNDED_PERSON, Answers, Finding, Plan, Step

Name = Annotated[str, GROUNDED]  # must occur in the article as written
OptName = Annotated[str | None, GROUNDED]
Person = Annotated[str, GROUNDED_PERSON]  # or by surname: "Alexander Scholz" on "Scholz"
OptPerson = Annotated[str | None, GROUNDED_PERSON]

MAX_MATCHES = 16
MAX_GOALS = 12
MAX_CARDS = 12

MINUTE_HELP = (
    "Match minute as an integer, or null when the text does not pin it down. "
    "Stoppage time adds the extra minutes to 45 or 90; a time counted back from the end is 90 minus it."
)

_STOPPAGE = re.compile(r"^\s*(\d{1,3})\s*\+\s*(\d{1,2})\s*'?\s*$")


def coerce_minute(value: object) -> object:
    """'90+3' -> 93, "13'" -> 13, and 0 (a model's way of saying 'unknown') -> None."""
    if isinstance(value, str):
        stoppage = _STOPPAGE.match(value)
        if stoppage:
            return int(stoppage.group(1)) + int(stoppage.group(2))
        stripped = value.strip().rstrip("'").strip()
        if not stripped:
            return None
        value = int(stripped) if stripped.isdigit() else value
    return None if value == 0 else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Timed(_Strict):
    @field_validator("minute", mode="before", check_fields=False)
    @classmethod
    def _minute(cls, value: object) -> object:
        return coerce_minute(value)


class Goal(_Timed):
    """One goal as the article reports it."""

    player: Person = Field(description="Scorer's name as written in the article.")
    team: Name = Field(
        description=(
            "Team credited with the goal; must be the match's home_team or away_team "
            "spelled the same way. For an own goal: the team that BENEFITS."
        )
    )
    minute: int | None = Field(default=None, ge=1, le=130, description=MINUTE_HELP)
    penalty: bool = Field(default=False, description="True only for a goal scored from a penalty kick.")
    own_goal: bool = Field(default=False, description="True when the scorer put the ball into his own net.")
    assist: OptPerson = Field(default=None, description="Player who set up the goal, if named.")


class Card(_Timed):
    """A booking or sending-off."""

    player: Person = Field(description="Player shown the card.")
    team: Name = Field(description="The player's team: the match's home_team or away_team.")
    minute: int | None = Field(default=None, ge=1, le=130, description=MINUTE_HELP)
    card: Literal["yellow", "red", "second_yellow"] = Field(
        description="'second_yellow' when a second booking sends the player off; 'red' for a straight red."
    )


class Match(_Strict):
    """One match whose final (or current) result the article reports."""

    competition: OptName = Field(default=None, description="Competition (league or cup) as the article names it.")
    stage: OptName = Field(default=None, description="Stage, group or round within the competition, as written.")
    date: Date | None = Field(
        default=None,
        description="Day the match was played, ISO YYYY-MM-DD, only if the article states or dates it; else null.",
    )
    venue: OptName = Field(default=None, description="Stadium (or city if no stadium is named) where it was played.")
    home_team: Name = Field(description="The host team (playing at its own ground).")
    away_team: Name = Field(description="The visiting team.")
    home_score: int = Field(ge=0, le=99, description="Goals scored by home_team.")
    away_score: int = Field(ge=0, le=99, description="Goals scored by away_team.")
    home_coach: OptPerson = Field(default=None, description="Home team's coach, if named.")
    away_coach: OptPerson = Field(default=None, description="Away team's coach, if named.")
    goals: list[Goal] = Field(
        default_factory=list,
        max_length=MAX_GOALS,
        description="Goals of this match whose scorer is named. Penalty shoot-out kicks are not goals.",
    )
    cards: list[Card] = Field(
        default_factory=list, max_length=MAX_CARDS, description="Yellow and red cards mentioned for this match."
    )
    evidence: OptName = Field(
        default=None, max_length=400, description="Exact quote (a few words) from the article stating the result."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _blank_date(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _football_facts(self) -> Match:
        if same_team(self.home_team, self.away_team):
            raise ValueError(f"home_team and away_team are the same club: {self.home_team!r}")
        teams = {"home": self.home_team, "away": self.away_team}
        scores = {"home": self.home_score, "away": self.away_score}
        per_side = {"home": 0, "away": 0}
        seen: set[tuple[str, str, int | None]] = set()
        for goal in self.goals:
            side = self._side(goal.team, teams)
            if side is None:
                raise ValueError(
                    f"goal by {goal.player!r} is credited to {goal.team!r}, which is neither "
                    f"home_team {self.home_team!r} nor away_team {self.away_team!r}"
                )
            per_side[side] += 1
            key = (goal.player.lower(), side, goal.minute)
            if key in seen:
                raise ValueError(f"duplicate goal entry: {goal.player!r} minute {goal.minute}")
            seen.add(key)
        for side, count in per_side.items():
            if count > scores[side]:
                raise ValueError(
                    f"{count} goals listed for {teams[side]!r} but its score is {scores[side]}; "
                    "remove goals that belong to other matches or fix the score"
                )
        for card in self.cards:
            if self._side(card.team, teams) is None:
                raise ValueError(
                    f"card for {card.player!r} names team {card.team!r}, which is not in this match"
                )
        return self

    @staticmethod
    def _side(team: str, teams: dict[str, str]) -> str | None:
        for side, name in teams.items():
            if same_team(team, name):
                return side
        return None


class MatchReport(_Strict):
    """All matches whose result the article reports."""

    matches: list[Match] = Field(
        default_factory=list,
        max_length=MAX_MATCHES,
        description=(
            "Every match whose result this article reports (a round-up reports many). "
            "Background results (e.g. 'had lost its previous four matches') are not matches. "
            "Empty list if the article reports no result."
        ),
    )


ROOT_MODEL = MatchReport

EVAL_SPEC = EvalSpec(
    lists={
        "matches": ListRule(
            key=("home_team", "away_team"), unordered_pair=True, exact_fields=("home_score", "away_score")
        ),
        "matches.goals": ListRule(key=("player", "team", "minute")),
        "matches.cards": ListRule(key=("player", "team", "minute")),
    },
    fields={
        "home_team": FieldRule(kind="team"),
        "away_team": FieldRule(kind="team"),
        "team": FieldRule(kind="team"),
        "player": FieldRule(kind="person"),
        "assist": FieldRule(kind="person"),
        "home_coach": FieldRule(kind="person"),
        "away_coach": FieldRule(kind="person"),
        "minute": FieldRule(kind="number", tolerance=1),
        "venue": FieldRule(kind="text", fuzzy=True),
        "competition": FieldRule(kind="text", fuzzy=True),
        "stage": FieldRule(kind="text", fuzzy=True),
        "evidence": FieldRule(kind="ignore"),
    },
)


MERGE_SPEC = MergeSpec(
    items="matches",
    identity=("home_team", "away_team"),
    unordered=True,
    sided=(("home_score", "away_score"), ("home_coach", "away_coach")),
    joint=(("home_score", "away_score"),),
    date="date",
    date_tolerance_days=1,
    published_window_days=4,
    undated_agree=("home_score", "away_score"),
    sublists={
        "goals": SubListMerge(side_field="team", key=("player",), tolerance_field="minute", tolerance=2),
        "cards": SubListMerge(side_field="team", key=("player",), tolerance_field="minute", tolerance=2),
    },
    tallies={"home_score": "goals", "away_score": "goals"},
    evidence_field="evidence",
)
"""How reports of one match consolidate (`extractor merge`): same clubs in either order, dates
within a day (or, undated, the same score); goals and cards join on player and team with
minutes at most 2 apart."""

# ---------------------------------------------------------------------------------------
# Rules that need the article: the engine applies them to every answer, whatever strategy.

_SEP = r"\s*[-:]\s*"  # matched on folded text, where every dash is '-'


def _word_starts(*words: str) -> re.Pattern[str]:
    """Like `_words`, each stem only at the start of a word ("tor" is "Tore", not "visitors")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_text(word)) for word in words) + ")")


def _words(*words: str) -> re.Pattern[str]:
    """A pattern of words (stems) in any of the task's languages, folded like the article."""
    return re.compile("|".join(re.escape(fold_text(word)) for word in words))


_CARD_WORDS = _words(
    "yellow", "red card", "booked", "booking", "sent off", "dismissed", "sending-off", "caution", "red for",
    "gult", "gule", "rødt", "røde", "udvist", "advarsel", "karantæne",
    "gelb", "rote karte", "rot ", "platzverweis", "verwarnung", "vom platz",
    "geel", "gele", "rood", "rode kaart", "gekaart", "uit het veld",
    "amarill", "roja", "expuls", "tarjeta", "amonest",
    "jaune", "rouge", "expulsé", "avertissement", "carton",
    "ammonit", "giallo", "gialla", "espuls", "rosso", "cartellin",
)  # fmt: skip
_OWN_GOAL_WORDS = _word_starts(
    "own goal", "own-goal", "own net", "selvmål", "eigentor", "eigen doel", "eigen goal", "autogol", "autogoal",
    "autorete", "propia puerta", "propia meta", "en contra", "contre son camp", "csc", "(a)",
)  # fmt: skip
_PENALTY_WORDS = _words(
    "penalty", "penalties", "spot", "straffe", "elfmeter", "strafstoß", "strafstoss", "strafschop", "penalti",
    "penal", "rigore", "(rig", "(sp)", "pen.", "(p)", "once metros", "onze mètres", "11-meter", "11 meter",
)  # fmt: skip
_COACH_WORDS = _words(
    "coach", "manager", "boss", "trainer", "træner", "cheftræner", "coache", "entrenador", "técnico", "míster",
    "entraîneur", "allenatore", "tecnico", "mister", "bondscoach", "übungsleiter", "troepen van", "ploeg van",
    "'s side", "'s men", "la squadra di", "l'équipe de", "el equipo de", "manden bag", "holdleder",
)  # fmt: skip
_WINDOW = 220
_GENERIC_STAGE = {
    fold_text(word)
    for word in (
        "round", "group", "stage", "matchday", "league", "groep", "gruppe", "grupo", "girone", "groupe", "journée",
        "spieltag", "runde", "speelronde", "jornada", "giornata", "fase", "phase", "final", "finale", "of", "the",
    )
}  # fmt: skip
_NEAR = 90
_COACH_NEAR = 40  # "Atalanta coach Gian Piero Gasperini", "Trainer Thomas Tuchel"
_CARD_NEAR = 90  # a card word within a few words of the name (a sentence away is another player's card)
_GOAL_LIMIT = 8  # a longer list from a small model is junk repeated to the grammar's limit


def score_pattern(home: int, away: int) -> re.Pattern[str]:
    """The score in either orientation ("2-1", "1:2", "2 – 1"), not inside a longer number."""
    pair = f"{home}{_SEP}{away}|{away}{_SEP}{home}"
    return re.compile(rf"(?<![\d.,/])(?:{pair})(?!\d|[.,:/]\d)")


_GOALLESS = _words(
    "goalless", "scoreless", "nil-nil", "scoreloos", "doelpuntloos", "torlos", "torlosen", "nullnummer", "målløs",
    "sin goles", "empate a cero", "a reti inviolate", "reti bianche", "sans but", "nul a nul", "vierge",
)  # fmt: skip
_ONLY_GOAL = _words(
    "only goal", "lone goal", "solitary goal", "all that separated", "enige doelpunt", "einzige tor",
    "einzigen treffer", "goldene tor", "único gol",
    "unico gol", "seul but", "eneste mål", "enige treffer",
)  # fmt: skip


#: A French score written with "à" after a word for winning or losing: "en battant Tours (L2) 5 à 3" (folded).
_WORDED_SCORE = re.compile(
    r"\b(?:battant|battu|battue|bat|battent|s'impose|s'imposent|l'emporte|l'emportent|victoire|defaite|s'incline"
    r"|s'inclinent|gagne|perdu|vainqueur|vaincu)\b[^.\n]{0,40}?(?<![\d,.])(?P<first>\d{1,2}) a (?P<second>\d{1,2})"
    r"(?![\d,.]|\s*(?:minutes?|semaines?|jours?|mois|ans)\b)"
)


#: A score in words set off by a bracket, a comma or a colon: "le but égalisateur (2 à 2)", "..., 3 à 3."
#: (folded: "à" is "a"); in running prose "3 a 1" may be anything, so it is not read there.
_SET_OFF_WORDED = re.compile(r"(?:\(|,\s|:\s)(?P<first>\d{1,2}) a (?P<second>\d{1,2})(?=\)|\.(?!\d)|,|;)")


def score_stated(text: str, home: int, away: int, teams: tuple[str, str] | None = None) -> bool:
    """Whether the folded `text` states this score, in digits or words.

    Digits: "2-1", or split by the teams ("Forest 2 - Brentford 1"); words: a goalless draw,
    or the only goal of a 1-0.
    """
    if score_pattern(home, away).search(text):
        return True
    if any({int(hit["first"]), int(hit["second"])} == {home, away} and int(hit["first"]) + int(hit["second"])
           == home + away for hit in [*_WORDED_SCORE.finditer(text), *_SET_OFF_WORDED.finditer(text)]):  # fmt: skip
        return True
    if teams is not None and _split_by_teams(text, home, away, teams):
        return True
    if home == away == 0:
        return _GOALLESS.search(text) is not None
    if sorted((home, away)) == [0, 1]:
        return _ONLY_GOAL.search(text) is not None
    return False


def _split_by_teams(text: str, home: int, away: int, teams: tuple[str, str]) -> bool:
    """Whether the folded `text` writes the score with each team's goals beside its name."""
    first, second = (re.escape(fold_text(team)) for team in teams)
    for a, x, b, y in ((first, home, second, away), (second, away, first, home)):
        if re.search(rf"{a}\s+{x}\s?[-–]\s?{b}\s+{y}(?!\d)", text):
            return True
        if re.search(rf"{a}\s?:\s?{x}\s+(?:[-–,;]\s?)?{b}\s?:\s?{y}(?!\d)", text):
            return True  # "brest : 2 ac ajaccio : 1"
        if re.search(rf"(?:^|\n)[ \t]*{a}[ \t]+{x}[ \t]+{b}[ \t]+{y}[ \t]*(?:\n|$)", text):
            return True  # a header line "llanrhaeadr ym mochnant 2 dolgellau 3"
        if re.search(rf"{a}\s*\n\s*{x}\s*\n\s*{b}\s*\n\s*{y}\s*(?:\n|$)", text):
            return True  # a score block, a line each: "sant'agostino" / "1" / "del duca grama" / "1"
    sides = ((first, home), (second, away))
    if all(re.search(rf"{team}\s\(\d{{1,2}}\)\s{goals}(?!\d)", text) for team, goals in sides):
        return True  # a wire summary's sides: "crystal palace (0) 1 ... brentford (0) 1"
    if all(re.search(rf"(?:^|\n)[ \t]*(?:\({goals}\)|{goals}[ \t]*[-–])[ \t]*{team}[ \t]*:", text)
           for team, goals in sides):  # fmt: skip
        return True  # line-ups led by each club's goals: "3 – portonovo sd: maria, ..." / "(1) atletico: ..."
    return False


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


def _mentions(grounder: Grounder, name: str) -> Iterator[tuple[int, int]]:
    """Where the article names a person: the whole name, then the surname alone (3+ letters)."""
    for word in dict.fromkeys([name, *name.split()[-1:]]):
        if len(word) >= 3:
            yield from grounder.find_all(word)


def _near(grounder: Grounder, name: str, pattern: re.Pattern[str], window: int) -> bool:
    """Whether `pattern` occurs within `window` characters of a mention of `name` (or its surname)."""
    text = grounder.folded_text
    for start, end in _mentions(grounder, name):
        if pattern.search(text[max(0, start - window) : end + window]):
            return True
    return False


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


#: Words that tell of a goal, in the task's languages (stems, so "scor" is "scored", "scores").
_GOAL_WORDS = _word_starts(
    "goal", "scor", "netted", "header", "headed", "equalis", "equaliz", "winner", "strike", "struck", "fired", "finish",
    "tap", "volley", "penalty", "spot", "brace", "hat-trick", "level", "doubled", "lead", "led", "ahead",
    "tor", "traf", "treffer", "trifft", "köpf", "erzielt", "ausgleich", "elfmeter", "schieß", "schoss", "verwandel",
    "netz", "führung", "doppelpack", "anschluss",
    "mål", "udlign", "straffe", "sparke", "hovedstød", "reducer", "føring", "bragte",
    "doelpunt", "scoor", "kopt", "gelijkmaker", "treffer", "strafschop", "benut", "winnende", "maakte", "voorsprong",
    "binnen", "rondde",  # "schoot Van Beek binnen", "Hij rondde keurig af"
    "gol", "marc", "anot", "tanto", "penal", "empat", "remat", "cabez", "golazo", "adelant", "igual",
    "but", "marqu", "égalis", "frapp", "tête", "inscri", "ouvr", "doubl", "égalis", "réduit",
    "rete", "reti", "segn", "rigore", "pareggi", "raddopp", "testa", "sblocc", "realizz", "insacc", "firma",
)  # fmt: skip
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


def _full_name(grounder: Grounder, name: str) -> str:
    """The longest way the article writes a person named `name` ("Alexander Scholz" for "Scholz")."""
    original = grounder.cleaned.original
    found = re.findall(rf"(?:[A-ZÀ-ÞØÆÅ][\w'’-]+\s)?{re.escape(name)}(?![\w'’])", original)
    return max(found, key=len, default=name)


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


_SECOND_YELLOW_WORDS = _words(
    "second yellow", "second booking", "second bookable", "2nd yellow", "two yellow", "two bookings", "gelb-rot",
    "gelb-rote", "gelbrot", "ampelkarte", "zweite gelbe", "twee keer geel",
    "andet gule", "andet gult", "to gule", "tweede gele", "twee gele", "doble amarilla", "segunda amarilla",
    "deuxième avertissement", "second avertissement", "second carton jaune", "deuxième carton jaune",
    "doppia ammonizione", "secondo giallo", "seconda ammonizione",
)  # fmt: skip
_RED_WORDS = _words(
    "red card", "straight red", "sent off", "sending-off", "sending off", "dismissed", "rote karte", "glatt rot",
    "platzverweis", "vom platz", "rødt kort", "udvist", "rode kaart", "rood", "uit het veld", "tarjeta roja",
    "roja directa", "expulsado", "expulsión", "carton rouge", "expulsé", "cartellino rosso", "rosso diretto",
    "espulso", "espulsione", "red for",
)  # fmt: skip
_YELLOW_WORDS = _words(
    "yellow", "booked", "booking", "caution", "gelbe karte", "verwarnung", "gult kort", "gule kort", "advarsel",
    "gele kaart", "tarjeta amarilla", "amonestado", "carton jaune", "avertissement", "ammonito", "giallo",
)  # fmt: skip


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


_NUMBER_WORDS = {
    word: number
    for words in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
        "en to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten",
        "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn",
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien",
        "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince",
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze",
        "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici",
    )
    for number, word in enumerate(words.split(), 1)
}
_NUMBER_WORDS.update(
    {"twenty": 20, "thirty": 30, "forty": 40, "tyve": 20, "tredive": 30, "zwanzig": 20, "dreißig": 30,
     "twintig": 20, "dertig": 30, "veinte": 20, "treinta": 30, "vingt": 20, "trente": 30, "venti": 20, "trenta": 30}
)  # fmt: skip
#: Ordinal words before a minute word ("in the eighth minute", "achten Minute", "huitième minute").
_ORDINAL_WORDS = {
    word: number
    for words in (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
        " fifteenth",
        "første anden tredje fjerde femte sjette syvende ottende niende tiende ellevte tolvte trettende fjortende"
        " femtende",
        "ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten elften zwölften"
        " dreizehnten vierzehnten fünfzehnten",
        "erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte elfte zwölfte dreizehnte"
        " vierzehnte fünfzehnte",
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde dertiende"
        " veertiende vijftiende",
        "primer segundo tercer cuarto quinto sexto séptimo octavo noveno décimo",
        "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième onzième"
        " douzième treizième quatorzième quinzième",
        "primo secondo terzo quarto quinto sesto settimo ottavo nono decimo undicesimo dodicesimo"
        " tredicesimo quattordicesimo quindicesimo",
    )
    for number, word in enumerate(words.split(), 1)
} | {"primero": 1, "tercero": 3, "première": 1, "twentieth": 20, "thirtieth": 30, "fortieth": 40}
# the article's folded text has no accents ("huitieme", "funften"): both spellings are read
_NUMBER_WORDS |= {fold_text(word): number for word, number in _NUMBER_WORDS.items()}
_ORDINAL_WORDS |= {fold_text(word): number for word, number in _ORDINAL_WORDS.items()}
_MINUTE_WORD = r"minu(?:t|te|tes|ten|ti|to|tos|ut|tter)\b"
_WORD_BEFORE = re.compile(rf"\b(\w+)[\s-]+{_MINUTE_WORD}")  # "eighth minute", "fem minutter"
_WORD_AFTER = re.compile(rf"\b{_MINUTE_WORD}\s+(\w+)")  # Spanish "minuto ocho"
_MINUTE_EXPR = re.compile(
    r"\d{1,3}\s*['.]?\s*\+\s*\d{1,2}"  # 90+2, 90'+2, 90.+2
    r"|\(\d{1,3}[.'e]?\)"  # (38.) (38') (38e)
    r"|\d{1,3}(?:st|nd|rd|th|e|eme|º|°|\.)?\s*(?:min|spielmin)"  # 13th minute, 38. Minute, 38e minute
    r"|(?:minut[oe]s?|minute)\s+\d{1,3}"  # minuto 38
    r"|\d{1,3}\s*'(?:\s*(?:pt|st)\b)?"  # 38', 4' st
    r"|\d{1,3}(?:e|eme)\b"  # 38e
    r"|\d{1,3}(?:st|nd|rd|th)\b"  # the 61st
    rf"|\b(?:{'|'.join(_ORDINAL_WORDS)})[\s-]+{_MINUTE_WORD}"  # the eighth minute, huitième minute
    rf"|\bminut[oe]s?\s+(?:{'|'.join(_NUMBER_WORDS)})\b"  # minuto ocho
)


_TAIL_STOP = re.compile(r"[,;()\n]|\. ")
_MIN = r"\d{1,3}(?:\s*['’′.]?\s*\+\s*\d{1,2})?"
#: A minute written against the name: "Ross (55)", "Nielsen 66'", "Goretzka (90.+2)", "27. Awoniyi", "12' Barella".
_AFTER = re.compile(
    rf"\s*(?:\((?P<p>{_MIN})\s*(?:['’′.]|e|min\.?)?\s*(?:pt|st)?\)|(?P<q>{_MIN})\s*(?:['’′]|e\b)\s*(?:pt|st)?)"
)
_BEFORE = re.compile(rf"(?<![\d:\-])(?P<b>{_MIN})\s*(?:['’′.]|e\b)\s*(?:pt|st)?\s*$")


def _attached_minutes(grounder: Grounder, name: str, told: re.Pattern[str] | None = None) -> set[int]:
    """Minutes written right against a mention of the player (the strongest evidence there is).

    With `told`, only at mentions with those words next to them: a card's minute, not his goal's.
    """
    text = grounder.folded_text
    found: set[int] = set()
    for start, end in grounder.find_all(name) or grounder.find_all(name.split()[-1] if name.split() else name):
        if told is not None and not told.search(text[max(0, start - _CARD_NEAR) : end + _CARD_NEAR]):
            continue
        after = _AFTER.match(text, end)
        before = _BEFORE.search(text[max(0, start - 10) : start])
        for hit in (after, before):
            if hit is None:
                continue
            written = next(g for g in hit.groups() if g)
            whole = hit.group()
            minute = parse_minute(written + (" st" if re.search(r"\bst\b", whole) else ""))
            if minute is not None:
                found.add(minute)
    return found


def _minutes_near(grounder: Grounder, name: str) -> tuple[set[int], set[int]]:
    """Minutes stated in the sentences that mention `name` (or its surname), and loose numbers.

    Loose numbers are the standalone numbers there that no minute pattern read: a minute may
    be written in a form no pattern knows, so such a number still supports the model's minute.
    """
    text = grounder.folded_text
    found: set[int] = set()
    loose: set[int] = set()
    for start, end in _mentions(grounder, name):
        # this sentence and the one before it ("took the lead in the 13th minute. ... Scholz volleyed")
        here = _sentence_start(text, start, _stop_before)
        left = max(_sentence_start(text, here - 2, _stop_before), start - 2 * _WINDOW, 0)
        stops = [i for i in (_stop_after(text, end), text.find("\n", end)) if i >= 0]
        right = min([*stops, end + _WINDOW])
        covered: list[tuple[int, int]] = []
        for hit in _MINUTE_EXPR.finditer(text, left, right):
            if _SPAN_BEFORE.search(text[max(0, hit.start() - 16) : hit.start()]):
                continue  # "de laatste 25 minuten": a stretch, no minute
            tail = _TAIL_STOP.split(text[hit.end() : hit.end() + 24], maxsplit=1)[0]
            minute = parse_minute(hit.group() + tail)
            if minute is not None:
                found.add(minute)
                covered.append((hit.start(), hit.end() + len(tail)))
        for number in re.finditer(r"(?<![\d.,:-])\d{1,3}(?![\d:-]|[.,]\d)", text[left:right]):
            at = left + number.start()
            if not any(a <= at < b for a, b in covered):
                loose.add(int(number.group()))
    return found, loose


def _minutes_next(grounder: Grounder, name: str) -> set[int]:
    """Minutes stated in the sentence right after one that mentions `name` (where he is told of by a pronoun)."""
    text = grounder.folded_text
    found: set[int] = set()
    for _, end in _mentions(grounder, name):
        stop = _stop_after(text, end)
        if stop < 0 or 0 <= text.find("\n", end) < stop:
            continue  # his sentence ends its paragraph (folded text keeps one line break between them)
        finish = _stop_after(text, stop + 1)
        finish = min(finish if finish >= 0 else len(text), stop + _WINDOW)
        for hit in _MINUTE_EXPR.finditer(text, stop + 1, finish):
            tail = _TAIL_STOP.split(text[hit.end() : hit.end() + 24], maxsplit=1)[0]
            minute = parse_minute(hit.group() + tail)
            if minute is not None:
                found.add(minute)
    return found


#: A full stop that ends a sentence, in folded text: not the one of "78. min." ("I det 78. min. blev").
_STOP = re.compile(r"(?<!\bmin)\.(?= )(?!(?<=\d\.) min)")


def _stop_before(text: str, position: int) -> int:
    """The last sentence stop before `position` (-1: none)."""
    stop = text.rfind(". ", 0, position)
    while stop >= 0 and not _STOP.match(text, stop):
        stop = text.rfind(". ", 0, stop)
    return stop


def _stop_after(text: str, position: int) -> int:
    """The first sentence stop at or after `position` (-1: none)."""
    hit = _STOP.search(text, position)
    return hit.start() if hit else -1


def _sentence_start(text: str, position: int, stop_before: Callable[[str, int], int] | None = None) -> int:
    """Where the sentence going on at `position` starts (after its ". " or line break).

    The questions' passages split at every ". " (their recorded answers depend on it); the
    checks pass `_stop_before`, which reads "I det 78. min. blev" as one sentence.
    """
    if position <= 0:
        return 0
    stop = stop_before(text, position) if stop_before else text.rfind(". ", 0, position)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, position) + 1)


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence going on at `position` stops: its ". ", the line's end, or the text's end."""
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return min(stops, default=len(text))


def _listed_entries(text: str, *heads: re.Pattern[str]) -> list[_Entry]:
    """The parsed entries of the article's lines under `heads`, and of scorers after a result on its line."""
    bodies = [_line_body(text, hit.end()) for head in heads for hit in head.finditer(text)]
    bodies += [hit.group("body") for hit in _BRACKET_LIST.finditer(text)]
    if _GOALS_HEAD in heads:
        bodies += [body for _, body in _result_line_tails(text)]
        bodies += [body for _, body in _team_goals_lines(text)]
    return [entry for body in bodies for entry in parse_line(body)]


#: Goals headed by their team, the other team's on the next line: "Buts pour Brest : Grougi (23e et 49e
#: sur penalty)" then "Pour l'AC Ajaccio : Cavalli (64e)."
_TEAM_GOALS = re.compile(
    r"^[ \t]*(?i:buts?|goals?|tore|goles|reti|gol|mål|doelpunten)[ \t]+(?i:pour|for|für|para|per|voor)[ \t]+"
    r"(?:(?:le|la|les|the|el|il|de|het)[ \t]+|l['’])?(?P<team>[A-ZÀ-ÞØÆÅ][^:\n]{0,40}?)[ \t]?:[ \t]*(?P<body>[^\n]+)"
    r"(?:\n[ \t]*(?i:pour|for|für|para|per|voor)[ \t]+(?:(?:le|la|les|the|el|il|de|het)[ \t]+|l['’])?"
    r"(?P<team2>[A-ZÀ-ÞØÆÅ][^:\n]{0,40}?)[ \t]?:[ \t]*(?P<body2>[^\n]+))?",
    re.MULTILINE,
)


def _team_goals_lines(text: str) -> list[tuple[int, str]]:
    """(position, body) of goals lines headed by their team, in the reader's form ("x (23e) pour A // y pour B")."""
    found = []
    for hit in _TEAM_GOALS.finditer(text):
        body = f"{hit['body'].rstrip(' .;')} pour {hit['team']}"
        if hit["team2"]:
            body += f" // {hit['body2'].rstrip(' .;')} pour {hit['team2']}"
        found.append((hit.start(), body))
    return found


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


def _is_red_head(kind: str) -> bool:
    return re.fullmatch(f"(?:{_RED_HEAD})", kind.casefold()) is not None


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


def _gap(grounder: Grounder, name: str, team: str) -> int:
    """Characters between a mention of the person (or surname) and the nearest mention of the team."""
    teams = grounder.find_all(team) if team else []
    return min(
        (max(0, start - t_end, t_start - end) for start, end in _mentions(grounder, name) for t_start, t_end in teams),
        default=10**9,
    )


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
    " national nationale".split()
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
            if hits and all(_NICKNAME_BEFORE.search(original[max(0, hit.start() - 12) : hit.start()]) for hit in hits):
                message = f"{team!r} is only ever written as a nickname, not as a team"
                findings.append(Finding(("matches", m), "team_is_a_nickname", message))
                break
    return findings


def _player_as_team(matches: list[dict[str, Any]], grounder: Grounder) -> list[Finding]:
    """A "team" that is the surname of one of the match's own players, written elsewhere with his first name.

    "Scunthorpe 3-2 Woolford", with "Martyn Woolford" among its scorers: the model took the
    scorer of the winner for the opponent.
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
    return findings


#: Words of the game a small model copies as a scorer's name ("Elfmeter" from "per Elfmeter"), folded.
_GAME_WORDS = frozenset(fold_text(word) for word in (
    "Elfmeter", "Foulelfmeter", "Handelfmeter", "Strafstoß", "Freistoß", "Eigentor", "Kopfball", "Tor", "Treffer",
    "Penalty", "Penalties", "Own goal", "Free kick", "Header", "Goal", "Equaliser", "Equalizer", "Winner",
    "Straffespark", "Straffe", "Selvmål", "Frispark", "Mål", "Strafschop", "Penalty-stip", "Eigen doelpunt",
    "Vrije trap", "Doelpunt", "Penalti", "Penal", "Autogol", "Tiro libre", "Gol", "Rigore", "Autorete",
    "Punizione", "Pénalty", "Coup franc", "But", "Contre son camp", "Tête",
))  # fmt: skip


def _people_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer or booked player is not a club, and a coach leads one team of the article."""
    matches = data.get("matches") or []
    teams = {team_key(m.get(side) or "") for m in matches for side in ("home_team", "away_team")} - {""}
    findings = []
    coaches: dict[str, list[tuple[str | int, ...]]] = {}
    for m, match in enumerate(matches):
        for kind in ("goals", "cards"):
            for i, item in enumerate(match.get(kind) or []):
                if team_key(item.get("player") or "") in teams:
                    message = f"{item.get('player')!r} is a team, not a player"
                    findings.append(Finding(("matches", m, kind, i), "player_is_a_team", message))
                elif fold_text(item.get("player") or "") in _GAME_WORDS:
                    message = f"{item.get('player')!r} is a word of the game, not a player"
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


#: Words before a team's name that make it the host: "won 2-0 at Napoli", "gewinnt 2:0 in Köln",
#: "su visita al Alcalá", "in casa del Napoli", "chez le PSG", "op bezoek bij Ajax", "udekampen mod Atalanta".
_AT_HOST = (
    r"(?:\b(?:won|win|wins|winning|lost|lose|loses|losing|drew|draw|draws|drawing|beaten|victory|defeat)\b"
    r"[^.\n]{0,40}\bat"
    r"|\baway (?:at|to)|\b(?:visit|trip) to"
    r"|\b(?:gewinnt|gewann|siegt|siegte|verliert|verlor|unterliegt|unterlag|remis|unentschieden|niederlage)\b"
    r"[^.\n]{0,40}\b(?:in|bei|beim)"  # "mit einem 2:2-Unentschieden beim TSV Burgheim zufriedengeben"
    r"|\b(?:visita al?|en casa del?|en el campo del?|feudo del?)"
    r"|\b(?:in casa del(?:lo|la)?|sul campo del(?:lo|la)?|sul terreno del(?:lo|la)?|ospite del(?:lo|la)?)"
    r"|\b(?:espugna|espugnano|espugnato|espugnando)(?:\s+(?:per\s+)?\d{1,2}\s*-\s*\d{1,2})?"  # "espugna 1-0 X"
    r"(?:\s+il campo d(?:i|el(?:lo|la)?))?"
    r"|\b(?:chez|sur la pelouse d[eu]|dans l'antre d[eu])"
    r"|\b(?:op bezoek bij|uit bij|in de kuip bij|(?:derby|wedstrijd|duel|uitduel|topper) bij)"
    r"|\b(?:ude mod|ude over|udesejr over|på besøg hos|udekampe?n? mod|på udebane (?:mod|over|hos))"
    r"|\baway (?:game|match|trip|clash|fixture|tie) (?:against|at|with|to)"
    r"|\bauswärts(?:spiel)? (?:bei|in|gegen|beim)|\b(?:uitwedstrijd|uitduel) (?:bij|tegen|in)"
    r"|\btrasferta (?:di|a|contro|sul campo del(?:lo|la)?|in casa del(?:lo|la)?)"
    r"|\bdéplacement (?:à|chez|sur la pelouse d[eu])"
    # "une victoire 3-2 au dernier souffle à Lens", "vince 3-2 a Lens", "won met 3-2 bij Lens"
    r"|\b(?:victoire|succes|gagne|s'impose|l'emporte|defaite|perdu|s'incline)\b[^.\n]{0,40}\ba"
    r"|\b(?:vittoria|successo|vince|vinto|sconfitta|perso|perde)\b[^.\n]{0,40}\b(?:a|in casa del(?:lo|la)?)"
    r"|\b(?:won|wint|winnen|winst|zege|overwinning|verloor|verliest|nederlaag)\b[^.\n]{0,40}\bbij"
    r"|\b(?:victoria|gano|gana|vence|vencio|derrota|perdio|pierde)\b[^.\n]{0,40}\ben (?:el campo del?|casa del?)"
    r")\s+(?:the |le |la |l'|el |il |lo |de |het |die |den |der )?"
)
# the text it searches is folded ("à" -> "a", "déplacement" -> "deplacement"): so are its words
_AT_HOST = "".join(c for c in unicodedata.normalize("NFKD", _AT_HOST) if not unicodedata.combining(c))


#: "their 3-1 win at basement side Bonar Bridge", "winning 4-3 late on at rivals Golspie": a word or two between.
_AT_DESCRIBED = (
    r"\b(?:won|win|wins|winning|lost|losing|drew|drawing|victory|defeat)\b[^.\n]{0,40}\bat\s+"
    r"(?:(?!home\b|the\b|their\b|its\b|his\b|her\b)[a-z-]+\s+){1,2}"
)


def _hosted(grounder: Grounder, team: str) -> bool:
    """Whether the article calls `team` the host in so many words ("won 2-0 at Napoli")."""
    name = re.escape(fold_text(team))
    return re.search(rf"(?:{_AT_HOST}|{_AT_DESCRIBED}){name}(?!\w)", grounder.folded_text) is not None


#: "X ... against the 10-man visitors": the team named before it in its sentence hosted (or, "the hosts", visited).
_EPITHET = re.compile(
    r"\b(?:against|over|with|to|vs\.?|gegen|contro|contre|face aux|contra|ante|tegen|mod)\s+"
    r"(?:the|die|gli|i|les|los|las|de|het)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?P<visitors>visitors|visiting side|gäste|ospiti|visiteurs|visitantes|bezoekers|gasten|gæsterne)"
    r"|(?P<hosts>hosts|home side|gastgeber|padroni di casa|hôtes|locales|anfitriones|thuisploeg|værterne))\b"
)


#: "Hobro fredag aften tog imod HB Køge", "Alpha hosted Beta": the team before the verb hosted the one after it.
_RECEIVED = re.compile(
    r"\b(?:tog imod|tager imod|hosted|hosts|welcomed|welcomes|empfing|empfangt|ontving|ontvangt|recibio a|recibe a"
    r"|ha ospitato|ospita|ospitava|recoit|recevait|a recu|accueille|accueillait|a accueilli)\s+"
)


def _host_by_verb(grounder: Grounder, home: str, away: str) -> str | None:
    """The team a sentence says received the other ("X tog imod Y"), or None.

    The host is the team named last before the verb in its sentence, with the other team right
    after the verb. Several such sentences must agree.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _RECEIVED.finditer(text):
        subject = _named_last_before(text, hit.start(), mentions)
        other = away if subject == home else home
        if subject is not None and any(a - hit.end() <= 12 for a, _ in mentions[other] if a >= hit.end()):
            said.add(subject)
    return next(iter(said)) if len(said) == 1 else None


def _named_last_before(text: str, position: int, mentions: dict[str, list[tuple[int, int]]]) -> str | None:
    """The team of `mentions` named last before `position` in its sentence, or None."""
    sentence = _sentence_start(text, position)
    last = {team: max((a for a, _ in spans if sentence <= a < position), default=-1)
            for team, spans in mentions.items()}  # fmt: skip
    subject = max(last, key=lambda team: last[team])
    return subject if last[subject] >= 0 else None


def _host_by_epithet(grounder: Grounder, home: str, away: str) -> str | None:
    """The home team, when a sentence calls the other team of the two "the visitors" (or "the hosts").

    The team named last before the epithet in its sentence is the one it is set against:
    "AS Roma fought back to earn a 1-1 draw against the 10-man visitors" -> Roma hosted.
    Several such sentences must agree; otherwise None.
    """
    text = grounder.folded_text
    mentions = {team: _mentions_of_team(grounder, team) for team in (home, away)}
    said: set[str] = set()
    for hit in _EPITHET.finditer(text):
        subject = _named_last_before(text, hit.start(), mentions)
        if subject is None:
            continue
        other = away if subject == home else home
        said.add(subject if hit["visitors"] else other)
    return next(iter(said)) if len(said) == 1 else None


def _host_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """Home is the team the article says was visited, when it says so of exactly one of the two.

    Not for a results line ("Köln - Leverkusen 0:2"): there the order is the convention, read by code.
    """
    listed = {_pair(s.home_team, s.away_team) for s in listed_results(grounder.cleaned.text)}
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        if not home or not away or _pair(home, away) in listed:
            continue
        if _hosted(grounder, away) and not _hosted(grounder, home):
            message = f"the article says {away!r} was visited: it is the home team"
        elif _host_by_epithet(grounder, home, away) == away:
            message = f"the article calls {home!r} the visitors: {away!r} is the home team"
        elif _host_by_verb(grounder, home, away) == away:
            message = f"the article says {away!r} received {home!r}: it is the home team"
        elif _host_by_dateline(grounder, home, away) == away:
            message = f"the report under the result opens with {away!r}'s place as its dateline: it is the home team"
        elif (_fixture_first(grounder, home, away) == away and not _hosted(grounder, home)
              and _host_by_epithet(grounder, home, away) is None and _host_by_verb(grounder, home, away) is None):
            message = f"the article writes the fixture {away!r}-{home!r}, host first"  # "Serie D: Vastese-Cesena, ..."
        else:
            continue
        swapped = {
            "home_team": away, "away_team": home,
            "home_score": match.get("away_score"), "away_score": match.get("home_score"),
            "home_coach": match.get("away_coach"), "away_coach": match.get("home_coach"),
        }  # fmt: skip
        written = _fixture_score(grounder, away, home)
        if written is not None and sorted(written) == sorted((match.get("home_score"), match.get("away_score"))):
            swapped["home_score"], swapped["away_score"] = written  # "A - B 2-3": the model had paired B with 2
        findings += [
            Finding(("matches", m, key), "home_from_text", message, "set", value) for key, value in swapped.items()
        ]
    return findings


#: A result's headline, then its report opening with the place it was played: "Dampierre (D2) bat Bayard (D2)
#: 4-1" / "Bayard. Dampierre est beaucoup mieux ...".
_HEADLINE_THEN_PLACE = re.compile(
    r"^(?P<headline>[^\n]{5,120})\n(?P<place>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ -][A-ZÀ-ÞØÆÅ][\w'’-]+){0,2})\.[ \t]",
    re.MULTILINE,
)


def _host_by_dateline(grounder: Grounder, home: str, away: str) -> str | None:
    """The team whose place opens, as a dateline, the report right under a headline with both teams and a score."""
    said = set()
    for hit in _HEADLINE_THEN_PLACE.finditer(grounder.cleaned.original):
        headline = hit["headline"]
        if not (_in_passage(home, headline) and _in_passage(away, headline) and _RUNNING.search(fold_text(headline))):
            continue
        place = fold_text(hit["place"])
        said |= {team for team in (home, away) if place in re.findall(r"[\w'’-]+", fold_text(team).replace("/", " "))}
    return said.pop() if len(said) == 1 else None


def _fixture_score(grounder: Grounder, first: str, second: str) -> tuple[int, int] | None:
    """The score the article writes right after the fixture "first - second" ("Flemløse/Haarby - Allesø GF 2-3")."""
    text = grounder.cleaned.original
    name = r"[\w'’. /-]{0,12}?"  # the rest of a club's name the model shortened ("Allesø" of "Allesø GF")
    pattern = (
        rf"(?<![\w'’]){re.escape(first)}{name}[ \t]?[-–][ \t]?{re.escape(second)}{name},?[ \t]+"
        r"(\d{1,2})[ ]?[-:–][ ]?(\d{1,2})(?![\d:])"
    )
    scores = {(int(hit.group(1)), int(hit.group(2))) for hit in re.finditer(pattern, text, re.IGNORECASE)}
    return scores.pop() if len(scores) == 1 else None


def _fixture_score_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A match in the fixture's order whose scores the model reversed: the article's "A - B 2-3" decides."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        scores = (match.get("home_score"), match.get("away_score"))
        written = _fixture_score(grounder, home, away) if home and away else None
        if written is None or written == scores or sorted(written) != sorted(scores):
            continue
        message = f"the article writes {home} - {away} {written[0]}-{written[1]}"
        for key, value in (("home_score", written[0]), ("away_score", written[1])):
            findings.append(Finding(("matches", m, key), "score_from_fixture", message, "set", value))
    return findings


def _fixture_first(grounder: Grounder, home: str, away: str) -> str | None:
    """The team the article writes first where it joins the two with a dash ("Vastese-Cesena"), in one order only."""
    text = grounder.cleaned.original
    found = set()
    for first, second in ((home, away), (away, home)):
        pattern = rf"(?<![\w'’]){re.escape(first)}[ \t]?[-–][ \t]?{re.escape(second)}(?![\w'’])"
        if re.search(pattern, text, re.IGNORECASE):
            found.add(first)
    return found.pop() if len(found) == 1 else None


_DERBY = _words("derby", "derbi", "clasico", "clásico", "classico")  # "Brabantse derby": a kind of match, no place


def _venue_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """Venues and competitions that are something else.

    A venue is not a team name, holds none ("OB-AGF", "derby bij FC Twente") and is no derby; one
    venue for several matches of a round-up is a guess; a competition is no team and no derby
    ("Flensburger Stadtderby").
    """
    matches = data.get("matches") or []
    teams = {team_key(m.get(side) or "") for m in matches for side in ("home_team", "away_team")}
    venues = [team_key(m.get("venue") or "") for m in matches]
    findings = []
    for m, match in enumerate(matches):
        venue = match.get("venue")
        if not isinstance(venue, str) or not venue:
            continue
        key = team_key(venue)
        parts = [team_key(part) for part in re.split(r"\s*[-–/]\s*", venue) if part.strip()]  # "OB-AGF"
        inside = any(re.search(rf"(?<!\w){re.escape(team)}(?!\w)", key) for team in teams if len(team) >= 3)
        if key in teams or any(part in teams for part in parts) or inside:
            findings.append(Finding(("matches", m, "venue"), "venue_is_a_team", f"{venue!r} names a team", "null"))
        elif _DERBY.search(fold_text(venue)):
            findings.append(Finding(("matches", m, "venue"), "venue_is_a_derby", f"{venue!r} names a derby", "null"))
        elif venues.count(key) > 1:
            message = f"{venue!r} is given for {venues.count(key)} matches"
            findings.append(Finding(("matches", m, "venue"), "venue_repeated", message, "null"))
    for m, match in enumerate(matches):
        competition = match.get("competition")
        if not isinstance(competition, str) or not competition:
            continue
        key = team_key(competition)
        if key in teams or _DERBY.search(fold_text(competition)):
            message = f"{competition!r} names a team or a derby, not a competition"
            findings.append(Finding(("matches", m, "competition"), "competition_is_no_competition", message, "null"))
    return findings


#: A written score, also the first part of a compound ("3-2-eindcijfers", "1:0-Sieg", "3-0-sejren") or
#: before a colon ("con il punteggio di 2-1: i viola ...").
_RUNNING = re.compile(r"(?<![\d.,:/-])(\d{1,2})\s?[-:]\s?(\d{1,2})(?![\d/]|:(?!\s)|-(?![^\W\d_]{3})|[.,]\d)")


def _running_side(grounder: Grounder, player: str) -> str | None:
    """'home' or 'away' from a running score written against the player ("0-1 Ross (55)", "27. Awoniyi 0:1").

    The side whose count goes up from the previous running score on the same line scored.
    """
    text = grounder.folded_text
    sides = set()
    for start, end in grounder.find_all(player) or grounder.find_all(player.split()[-1] if player.split() else player):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        scores = list(_RUNNING.finditer(text, line_start, line_end))
        near = [
            (distance, index)
            for index, hit in enumerate(scores)
            for distance, gap in (
                (start - hit.end(), text[hit.end() : start]),
                (hit.start() - end, text[end : hit.start()]),
            )
            if 0 <= distance <= 8 and ". " not in gap  # "1-0. 35', Lukaku pareggia": that score was the goal before
        ]
        if not near:
            continue
        index = min(near)[1]  # the running score written closest to the name
        home, away = int(scores[index].group(1)), int(scores[index].group(2))
        previous = (int(scores[index - 1].group(1)), int(scores[index - 1].group(2))) if index else (0, 0)
        if (home, away) == (previous[0] + 1, previous[1]):
            sides.add("home")
        elif (home, away) == (previous[0], previous[1] + 1):
            sides.add("away")
    return sides.pop() if len(sides) == 1 else None


def _goal_lineup_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A scorer the line-up of one team lists scores for that team (an own goal aside)."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_team") or "", match.get("away_team") or ""
        if not home or not away:
            continue
        stub = MatchStub(home_team=home, away_team=away, home_score=int(match.get("home_score") or 0),
                         away_score=int(match.get("away_score") or 0))  # fmt: skip
        for g, goal in enumerate(match.get("goals") or []):
            if goal.get("own_goal") or not goal.get("player"):
                continue
            team = _lineup_team(str(goal["player"]), stub, grounder.cleaned.text)
            if team and team != goal.get("team"):
                message = f"the line-up of {team!r} lists {goal['player']!r}"
                findings.append(Finding(("matches", m, "goals", g, "team"), "team_from_lineup", message, "set", team))
    return findings


def _goal_side_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A running score next to the scorer says which team the goal counts for."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            if goal.get("minute") in _listed_minutes(grounder.cleaned.text).get(_surname(goal.get("player") or ""), ()):
                continue  # a scorers line gave its team ("35' rig. Lukaku (I)")
            side = _running_side(grounder, goal.get("player") or "")
            if side is None:
                continue
            team = match.get(f"{side}_team")
            if team and goal.get("team") != team:
                message = f"the running score next to {goal.get('player')!r} says the goal counts for {team!r}"
                path = ("matches", m, "goals", g, "team")
                findings.append(Finding(path, "team_from_running_score", message, "set", team))
    return findings


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


CHECKS = (
    _caption_findings,
    _people_as_teams, _score_findings, _host_findings, _fixture_score_findings, _people_findings, _role_findings,
    _assister_findings,
    _card_findings, _card_type_findings, _flag_findings, _goal_lineup_findings, _goal_side_findings,
    _one_match_per_scorer, _scorer_near_match, _one_side_per_scorer, _minute_findings, _date_findings,
    _venue_findings, _scorer_findings,
)  # fmt: skip


# ---------------------------------------------------------------------------------------
# The staged plan for small models: the matches first, then one short question per match.

_FROM_END = re.compile(
    r"from time|from the end|left|remaining|to go|to play|before the end"
    r"|minutes? of (?:a |an |the |their |its )?(?:[\w-]+ ){0,3}(?:vic|win|whis|end)"  # "within 11 minutes of (victory)"
    r"|før tid|igen|tilbage|før slut"
    r"|vor schluss|vor dem ende|zu spielen|voor tijd|voor het einde|del final|para el final|de la fin"
    r"|avant la fin|dalla fine|al termine"
)
_SECOND_HALF = re.compile(
    r"\bst\b|\bs\.t\b|secondo tempo|ripresa|second half|after the break|anden halvleg|2\. halvleg"
    r"|zweite[n]? (?:halbzeit|hälfte)|tweede helft|segund[ao] (?:tiempo|parte|mitad)|seconde période"
    r"|deuxième période|seconde mi-temps|deuxième mi-temps"
)
_ADDED_TIME = re.compile(
    r"(?:added|stoppage|injury)[\s-]time|nachspielzeit|tillægstid|tillaegstid|overtid|blessuretijd|extra tijd"
    r"|tiempo (?:añadido|anadido|de descuento|extra)|descuento|temps additionnel|arrêts de jeu|arrets de jeu|recupero"
)
_FIRST_HALF = re.compile(
    r"first[\s-]half|første halvleg|forste halvleg|1\. halvleg|erste[n]? (?:halbzeit|hälfte|halfte)|eerste helft"
    r"|primer (?:tiempo|parte)|primera parte|première période|premiere periode|première mi-temps|premiere mi-temps"
    r"|primo tempo"
)
_STOPPAGE_TEXT = re.compile(r"(\d{1,3})\s*(?:['’′.]|e)?\s*\+\s*(\d{1,2})")


def parse_minute(written: str | None) -> int | None:
    """A minute as written in any of the task's languages -> the match minute, or None.

    "13", "13'", "13th minute" -> 13; "90+2" -> 92; Italian "4' st" -> 49; "11 minutes from
    time" -> 79; "fem minutter inde i anden halvleg" -> 50.
    """
    if not written:
        return None
    text = written.casefold().strip()
    stoppage = _STOPPAGE_TEXT.search(text)
    if stoppage:
        return _in_range(int(stoppage.group(1)) + int(stoppage.group(2)))
    digits = re.search(r"\d{1,3}", text)
    number = int(digits.group()) if digits else None
    if number is None:
        said = [_ORDINAL_WORDS.get(w) or _NUMBER_WORDS.get(w) for w in _WORD_BEFORE.findall(text)]
        said += [_NUMBER_WORDS.get(w) for w in _WORD_AFTER.findall(text)]
        number = next((n for n in said if n is not None), None)
    if number is None:
        return None
    if _ADDED_TIME.search(text) and number <= 15:  # "in the first minute of added time" -> 91
        return _in_range((45 if _FIRST_HALF.search(text) else 90) + number)
    if _FROM_END.search(text) and number < 90:
        return _in_range(90 - number)
    if _SECOND_HALF.search(text) and number <= 45:
        return _in_range(45 + number)
    return _in_range(number)


def _in_range(minute: int) -> int | None:
    return minute if 1 <= minute <= 130 else None


class MatchStub(_Strict):
    """Step 1: one reported result."""

    home_team: str = Field(max_length=60)
    away_team: str = Field(max_length=60)
    home_score: int = Field(ge=0, le=20)
    away_score: int = Field(ge=0, le=20)


#: What a written score is, in step 1's answer.
ResultKind = Literal["final", "half-time", "running", "earlier", "shoot-out", "other"]

def _result_model(context: dict[str, Any]) -> type[BaseModel]:
    """Step 1's answer for one written score: what it is, and who played (the score's own two numbers)."""
    first, second = context["first"], context["second"]
    return _result_for(min(first, second), max(first, second))


@functools.lru_cache(maxsize=64)
def _result_for(low: int, high: int) -> type[BaseModel]:
    number: Any = Literal[low, high] if low != high else Literal[low]
    name: Any = (str | None, Field(max_length=60))
    fields: dict[str, Any] = {
        "result": (ResultKind, ...), "home_team": name, "away_team": name,
        "home_score": (number, ...), "away_score": (number, ...),
    }  # fmt: skip
    return create_model("ScoreAnswer", __base__=_Strict, **fields)


#: Words that make a score background, just before it in its sentence ("na een 0-5 in de heenwedstrijd").
_EARLIER_WORDS = _word_starts(
    "first leg", "1st leg", "heenwedstrijd", "heenduel", "hinspiel", "andata", "partido de ida", "match aller",
    "første kamp", "første opgør", "last season", "vorig seizoen", "letzte saison", "la temporada pasada",
    "la saison dernière", "lo scorso", "sidste sæson", "last week", "vorige week", "letzte woche",
    "la semaine dernière", "la semana pasada", "la settimana scorsa", "sidste uge", "laatste bezoek", "eerder",
    "earlier this season", "en la ida", "fresh from", "on the back of", "coming off",
)  # fmt: skip
#: ... unless it dates the score to the same day: "dat eerder op de avond ... had verkocht (4-0)".
#: The last meeting of two clubs, told in the score's sentence or the one before: "In 2002 stonden Fortuna en
#: PSV voor het laatst tegenover elkaar. PSV won met 0-1".
_LAST_MEETING = _word_starts(
    "voor het laatst", "for the last time", "the last time", "last time the", "last meeting", "zum letzten mal",
    "das letzte mal", "letzte duell", "letzte aufeinandertreffen", "la derniere fois", "derniere confrontation",
    "l'ultima volta", "per l'ultima volta", "ultimo precedente", "sidste gang", "sidste opgor", "la ultima vez",
    "ultimo enfrentamiento",
)  # fmt: skip
_SAME_DAY = _word_starts(
    "eerder op de avond", "eerder op de dag", "eerder die avond", "earlier in the evening", "earlier in the day",
    "earlier on", "früher am abend", "plus tôt dans la soirée", "plus tôt dans la journée",
)  # fmt: skip
#: Words right before a running score: "Goretzkas Treffer zum 1:0", "to make it 2-0", "per il 2-0".
_RUNNING_MARK = re.compile(
    r"\b(?:zum|zur|to make it|made it|making it|(?:stretched|extended|pulled|reduced|brought) it(?: back)? to"
    r"|pour le|pour la|per il|para el|voor de"
    r"|foran|in fuhrung|op voorsprong|in vantaggio(?: per)?|en tete|en ventaja)\s*$"  # "bringe Brøndby foran 1-0"
)
def _whole_words(*words: str) -> re.Pattern[str]:
    """Like `_words`, but only whole words ("tab" is not the start of "table")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_text(word)) for word in words) + r")(?!\w)")


#: A penalty shoot-out's tally, by the words next to it ("8-7 tab", "tanda de penaltis (1-3)", "4:3 i.E.").
_SHOOTOUT_WORDS = _whole_words(
    "tab", "t.a.b", "tirs au but", "penaltis", "penales", "on penalties", "on pens", "shoot-out", "shootout",
    "i.e.", "n.e.", "elfmeterschiessen", "ai rigori", "dcr", "d.c.r", "strafschoppen", "straffespark",
)  # fmt: skip
#: A score that is not this round's result: a dated line (a head-to-head list), a prediction, a past year.
_BACKGROUND_LINE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:prediction|pronostic\w*|voorspelling|tipp|prono)\b")
#: A line that starts with a minute lists one goal of a match: "45. Darren Maatsen 1-1".
_MINUTE_FIRST = re.compile(r"\s*\d{1,3}\s*(?:[.'’′]|e\b|min)")
_HALF_TIME_WORDS = _whole_words(
    "half-time", "half time", "halftime", "ht", "pause", "pausestilling", "halbzeit", "zur pause", "mi-temps",
    "descanso", "intervallo", "pauze", "ruststand",
)  # fmt: skip
#: The score at the break, told after it in its sentence: "1-1 blev dermed cifrene ved pausen".
_AT_THE_BREAK = _whole_words(
    "ved pausen", "til pausen", "i pausen", "bij rust", "bij de rust", "in der pause", "al descanso",
    "all'intervallo", "alla pausa", "à la pause",
)  # fmt: skip
#: A minute right after a score makes it a running score: "0:1 (39.)", "(1-1, 74e)".
_MINUTE_NEXT = re.compile(r"\s*[(,]\s*\d{1,3}\s*(?:[.'’′]|e\b|min)")
#: Dutch running scores: "kwam Volendam verdiend op 1-0", "stond het alweer 1-1" (the score at that moment).
_STOOD_AT = re.compile(
    r"\b(?:kwam|kwamen|komt|komen|bracht|brengt|zette)\b[^.\d\n]{0,30}?\bop\s*$|\bstond het(?: \w+)?\s*$"
)
_FINAL_NEXT = re.compile(r"\s*(?:definitivo|definitiva|final|finale|definitif|definitief|endstand|eindstand)\b")
_UNTIL = re.compile(r"\b(?:until|till|bis|tot(?: aan)?|fino a|fino al|hasta que|hasta|jusqu'a|jusqu'au|indtil|til)\b")
#: A score named for how a match stood: "op een 0-1 achterstand", "a 2-0 lead", "den 0:1-Rückstand" (folded).
_STANDING_NEXT = re.compile(
    r"[ -]?(?:achterstand|voorsprong|ruckstand|fuhrung|lead|deficit|advantage|ventaja|desventaja|vantaggio"
    r"|svantaggio|avance|retard|føring|foring|underskud|down|up|behind|stand)\b"  # "bij een 0-0 stand gestaakt"
)
_PUT_AT_NEXT = re.compile(r"\s+(?:zette|zetten|bracht|brachten|zet|brengt)\b")  # Dutch: "op 1-2 zette"
#: The end of the first half after a score, in its sentence: "Con el 0-0 se llegó al final de una primera parte".
_END_OF_HALF = re.compile(
    r"\b(?:final|fin|end|ende|einde|slutningen|termine|fine)\s+(?:de|of|der|van|af|del|della|di)?\s*"
    r"(?:la|una|the|ersten|de|den|il|primo|prima|le|la)?\s*(?:primera parte|primer tiempo|first half|halbzeit"
    r"|eerste helft|første halvleg|forste halvleg|primo tempo|prima frazione|premiere periode|premiere mi-temps"
    r"|mi-temps|(?:los |the |i )?(?:primeros|first|ersten|eerste|primi|forste|første) 45 (?:minutos|minutes|minuten"
    r"|minuti|minutter)|45 premieres minutes)"
)
#: A score called partial: "anotó el 2-1 parcial", "il momentaneo 1-0" comes before it.
_PARTIAL_NEXT = re.compile(r"\s*(?:parcial|provisional|provisorio|provisoire|momentaneo|temporaneo)\b")
#: A goal's own verb and article before the score: "valió el 1-1", "selló el 2-2", "schoot de 2-2 binnen",
#: "markierte das 2:0", "siglò il 2-1" (folded, so without accents): the score that goal made.
_GOAL_VERB_SCORE = re.compile(
    r"\b(?:valio|sello|sentenciar|anoto|marco|firmo|decreto|establecio|tuvo|markierte|erzielte|besorgte|segno"
    r"|realizzo|siglo|insacco|scoorde|schoot|kopte|tikte|zette|inscrit|marqua|signa|momentaneo|parziale)\b"
    r"[^.\d\n]{0,40}?\b(?:el|das|den|il|l'|lo|de|het|le)\s*$"
)
_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])")  # "im Juli 2011", not a dateline's "2021-01-07"
#: "1-2 settimane", "2-3 Wochen": a range of some unit, not a score
_UNIT_NEXT = re.compile(
    r"\s*(?:days?|weeks?|months?|years?|tage[n]?|wochen|monate[n]?|jahre[n]?|giorni|settimane|mesi|anni|jours"
    r"|semaines|mois|ans|días|dias|semanas|meses|años|dagen|weken|maanden|jaar|dage|uger|måneder|år)\b",
    re.IGNORECASE,
)
#: A part of a match, right after a goalless draw or an only goal in words.
_PERIOD_WORDS = _words(
    "first half", "second half", "extra time", "extra-time", "opening period", "opening 45", "first 45",
    "første halvleg", "anden halvleg", "forlænget", "halbzeit", "hälfte", "verlängerung", "eerste helft",
    "tweede helft", "verlenging", "primera parte", "segunda parte", "primera mitad", "segunda mitad",
    "tiempo extra", "prórroga", "primo tempo", "secondo tempo", "supplementari", "première période",
    "seconde période", "première mi-temps", "prolongation",
)  # fmt: skip
_PERIOD_REACH = 24
_HALF_TIME_MARK = re.compile(r"\d\s?[-:]\s?\d\s*\($")  # "3:2 (2:2)": the second is the half-time score
_PASSAGE_BEFORE = 260
_PROSE_LINE = 80
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’-]+")
_PASSAGE_AFTER = 160
_MAX_SCORE_QUESTIONS = 14


#: Words of a result that did not happen, matched in the original text (Dutch "waren" is no "wären").
_COUNTERFACTUAL = re.compile(
    r"\b(?:wäre|wären|hätte|hätten|würde|würden|would|could have|might have|should have|ville have|kunne have"
    r"|ville være|ville vaere|zou|zouden|aurait|auraient|serait|seraient|sarebbe|sarebbero|avrebbe|avrebbero"
    r"|habría|habrían|hubiera|hubieran|heading for|headed for|on course for|on track for|looked set for"
    r"|op weg naar|auf kurs|in rotta verso|rumbo a)\b",
    re.IGNORECASE,
)


def _counterfactual(grounder: Grounder, start: int, end: int) -> bool:
    """Whether the sentence of the score at folded [start, end) says it would have been, up to the score."""
    text = grounder.folded_text
    a, b = grounder.to_original(_sentence_start(text, start), end)
    return _COUNTERFACTUAL.search(grounder.cleaned.original, a, b) is not None


def _worded_results(text: str) -> list[tuple[int, int, int, int, str]]:
    """A goalless draw or an only goal written in words, as (start, end, home, away, written) in folded `text`."""
    hits = []
    for pattern, score in ((_GOALLESS, (0, 0)), (_ONLY_GOAL, (1, 0))):
        for hit in pattern.finditer(text):
            if _PERIOD_WORDS.search(text, max(0, hit.start() - _PERIOD_REACH), hit.end() + _PERIOD_REACH):
                continue  # "a goalless first half", "sin goles en el tiempo extra": one part of a match
            if _UNTIL.search(text, hit.end(), _sentence_end(text, hit.end())):
                continue  # "Allison's goal was all that separated the sides until Mackay's leveller": for a while
            if _END_OF_HALF.search(text, hit.end(), _sentence_end(text, hit.end())):
                continue  # "Con el empate a cero se llegó al final de los primeros 45 minutos": the half-time
            hits.append((hit.start(), hit.end(), *score, hit.group(0)))
    return hits


def score_questions(grounder: Grounder) -> list[dict[str, Any]]:
    """Step 1's questions: each score the article writes, once per sentence, with its passage.

    Code answers what it can without the model: results lines, scorers lines (running scores),
    half-time scores in brackets after the result, scores of a first leg or a past season.
    A goalless draw or an only goal written in words is a score too.
    """
    text = grounder.folded_text
    covered = _covered_spans(grounder)
    hits: list[tuple[int, int, int, int, str]] = []
    scores = list(_RUNNING.finditer(text))
    starts = [hit.start() for hit in scores]  # in text order, for finding a line's scores by bisection
    for number, hit in enumerate(scores):
        first, second = int(hit.group(1)), int(hit.group(2))
        at = grounder.to_original(hit.start(), hit.end())[0]
        if max(first, second) > 20 or any(a <= at < b for a, b in covered):
            continue
        if len(hit.group(2)) == 2 and hit.group(2).startswith("0"):
            continue  # "previsto per le ore 15:00": a clock time
        if _counterfactual(grounder, hit.start(), hit.end()):
            continue  # "Es wäre ein typisches 0:0-Spiel geworden": a result that did not happen
        if _not_a_result(text, scores, starts, number):
            continue
        hits.append((hit.start(), hit.end(), first, second, f"{first}-{second}"))
    for hit in [*_WORDED_SCORE.finditer(text), *_SET_OFF_WORDED.finditer(text)]:  # "en battant Tours (L2) 5 à 3"
        first, second = int(hit["first"]), int(hit["second"])
        if hit.re is _SET_OFF_WORDED and _HALF_TIME_WORDS.search(text, max(0, hit.start() - 30), hit.start()):
            continue  # "Score à la mi-temps : 0 à 1"
        hits.append((hit.start("first"), hit.end("second"), first, second, f"{first}-{second}"))
    hits += _worded_results(text)
    questions: list[dict[str, Any]] = []
    seen: set[tuple[int, tuple[int, int]]] = set()
    for start, end, first, second, written in sorted(hits):
        sentence = _sentence_start(text, start)
        key = (sentence, (min(first, second), max(first, second)))
        if key in seen:
            continue
        seen.add(key)
        passage = _passage(grounder, start, end)
        questions.append({"score": written, "first": first, "second": second, "passage": passage, "at": start})
    return questions[:_MAX_SCORE_QUESTIONS]


def _wider_questions(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """Step 1 again for a final result whose answer names a team its passage does not.

    A score in words: "Phil Foden scoorde het enige doelpunt" names the scorer, and the teams
    stand two sentences before: asked with those too. A score in digits whose own sentence names
    somebody: asked with that sentence alone, where the sentence before confused the model
    ("... Inter (0-2). ... Mönchengladbach ... Sjachtar Donetsk ... (4-0)").
    """
    text, original = grounder.folded_text, grounder.cleaned.original
    again = []
    for context, answer in answers.get("results", []):
        if answer is None or answer.result not in ("final", "other"):  # type: ignore[attr-defined]
            continue
        teams = (answer.home_team, answer.away_team)  # type: ignore[attr-defined]
        start, score = context["at"], context["score"]
        end = start + len(score)
        if all(team and _in_passage(team, context["passage"]) for team in teams):
            own = _passage(grounder, start, end, "own")
            if not score[0].isdigit() or own == context["passage"] or any(_in_passage(t, own) for t in teams if t):
                continue  # "Brest ... après avoir battu Strasbourg 3-0": the answer named the sentence before's
                # two clubs; asked again with its own sentence below
        if score[0].isdigit():
            said_from, said_to = grounder.to_original(_sentence_start(text, start), end)
            if answer.result != "final" or not _CAPITALISED.search(original, said_from + 1, said_to):  # type: ignore[attr-defined]
                continue
            passage = _passage(grounder, start, end, "own")
        else:
            passage = _passage(grounder, start, end, "wide")
        if passage != context["passage"]:
            again.append({**context, "passage": passage})
    return again


def _passage(grounder: Grounder, start: int, end: int, span: Literal["usual", "wide", "own"] = "usual") -> str:
    """The sentence around folded [start, end) and the one before it, at most a few lines of text.

    A sentence of prose that names nobody ("3-1 was het logische verdict.") comes with the two
    before it. A re-ask (`_wider_questions`) asks for the "wide" passage (the two before it for
    any score of prose) or the score's "own" sentence alone.
    """
    text = grounder.folded_text
    sentence = _sentence_start(text, start)
    begin = _sentence_start(text, max(0, sentence - 2)) if span != "own" else sentence
    reach = _PASSAGE_BEFORE
    said_from, said_to = grounder.to_original(sentence, end)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    prose = (line_end if line_end >= 0 else len(text)) - line_start > _PROSE_LINE  # not a box's "Resultat: 1-2"
    unnamed = text[start].isdigit() and not _CAPITALISED.search(grounder.cleaned.original, said_from + 1, said_to)
    if prose and (span == "wide" or (span == "usual" and unnamed)):
        begin, reach = _sentence_start(text, max(0, begin - 2)), 2 * _PASSAGE_BEFORE
    begin = max(begin, start - (2 * _PASSAGE_BEFORE if span == "own" else reach))
    finish = min(_sentence_end(text, end), end + _PASSAGE_AFTER)
    a, b = grounder.to_original(begin, finish)
    return " ".join(grounder.cleaned.original[a:b].split())


#: A score joined to a word for one goal ("Danmarks 3-0-mål", "zur 2:0-Führung") ...
_RUNNING_COMPOUND = re.compile(
    r"-(?:mål|mal(?:et)?\b|goal|tor\b|treffer|führung|fuhrung|ausgleich|anschluss|føring|foring|voorsprong"
    r"|gelijkmaker)"
)
#: ... or for the final ("3-2-eindcijfers", "3:2-Endstand", "2-1-slutresultatet").
_FINAL_COMPOUND = re.compile(
    r"-(?:eindcijfer|eindstand|eindscore|eindresultaat|endstand|endergebnis|slutresultat|slutcifre)"
)


def _not_a_result(text: str, scores: list[re.Match[str]], starts: list[int], number: int) -> bool:
    """Whether the words around a written score make it something other than this round's result."""
    hit = scores[number]
    sentence = _sentence_start(text, hit.start())
    line_start = text.rfind("\n", 0, hit.start()) + 1
    line_end = text.find("\n", hit.end())
    stops = [i for i in (text.find(". ", hit.end()), line_end) if i >= 0]
    rest = text[hit.end() : min([*stops, hit.end() + 80])]  # the rest of the sentence
    clause = text[max(sentence, hit.start() - 60) : hit.start()]
    if _FINAL_COMPOUND.match(text, hit.end()):
        return False  # "goed voor de 3-2-eindcijfers", "die 3:2-Endstand": the final, whatever the words before it
    if _RUNNING_COMPOUND.match(text, hit.end()):
        return True  # "Danmarks 3-0-mål", "zur 2:0-Führung": one goal of the match
    return bool(
        _HALF_TIME_MARK.search(text, max(0, hit.start() - 12), hit.start())  # "3:2 (2:2)"
        or _RUNNING_MARK.search(text, max(sentence, hit.start() - 20), hit.start())  # "zum 1:0"
        or _YEAR.search(f"{clause} {rest}")  # "im DFB-Pokal im Juli 2011"
        or _BACKGROUND_LINE.search(text, line_start, hit.start())  # a head-to-head list, a prediction
        or _MINUTE_NEXT.match(text, hit.end())  # "0:1 (39.)"
        or _PARTIAL_NEXT.match(text, hit.end())  # "el 2-1 parcial"
        or _STANDING_NEXT.match(text, hit.end())  # "op een 0-1 achterstand", "a 2-0 lead"
        or (text.endswith("op ", 0, hit.start()) and _PUT_AT_NEXT.match(text, hit.end()))  # "hem op 1-2 zette"
        or _END_OF_HALF.search(text, hit.end(), min([*stops, hit.end() + 80]))  # "0-0 ... final de una primera parte"
        or _STOOD_AT.search(text, max(sentence, hit.start() - 50), hit.start())  # "kwam Eindhoven op 1-2"
        or (_GOAL_VERB_SCORE.search(text, max(sentence, hit.start() - 50), hit.start())  # "selló el 2-2"
            and not _FINAL_NEXT.match(text, hit.end()))  # "estableció el 2-0 definitivo" is the final
        or _UNIT_NEXT.match(text, hit.end())  # "in circa 1-2 settimane"
        or _MINUTE_FIRST.match(text, line_start, hit.start())  # "45. Darren Maatsen 1-1"
        or _word_next_to(text, scores, starts, number, _EARLIER_WORDS, 60, 40, _SAME_DAY)  # "in de heenwedstrijd"
        or _LAST_MEETING.search(text, _sentence_start(text, max(0, sentence - 2)), hit.start())  # "voor het laatst"
        or _word_next_to(text, scores, starts, number, _SHOOTOUT_WORDS, 14, 14)  # "8-7 tab", "tanda de penaltis (1-3)"
        or _word_next_to(text, scores, starts, number, _HALF_TIME_WORDS, 20, 20)  # "Pausestilling: 1-1"
        or _word_next_to(text, scores, starts, number, _AT_THE_BREAK, 0, 32)  # "1-1 blev ... cifrene ved pausen"
    )


def _word_next_to(
    text: str, scores: list[re.Match[str]], starts: list[int], number: int, words: re.Pattern[str], before: int,
    after: int, unless: re.Pattern[str] | None = None,
) -> bool:
    """A word of `words` within reach of the score, on its line and in its sentence.

    The word must be nearer to it than to any other score of the line: "(eerder 2-3 bij FC Den
    Bosch)" dates the 2-3, not the 3-1 before it. A word where `unless` matches does not count.
    """
    hit = scores[number]
    start = max(_sentence_start(text, hit.start()), text.rfind("\n", 0, hit.start()) + 1, hit.start() - before)
    line_end = text.find("\n", hit.end())
    end = min(hit.end() + after, line_end if line_end >= 0 else len(text))
    line_start = text.rfind("\n", 0, hit.start()) + 1
    same_line = range(bisect.bisect_left(starts, line_start), bisect.bisect_right(starts, end))
    for word in words.finditer(text, start, end):
        if unless is not None and unless.match(text, word.start()):
            continue
        middle = (word.start() + word.end()) // 2
        nearest = min(same_line, key=lambda i: min(abs(middle - scores[i].start()), abs(middle - scores[i].end())))
        if nearest == number:
            return True
    return False


def _covered_spans(grounder: Grounder) -> list[tuple[int, int]]:
    """Where code reads the scores itself (results lines, scorers or cards lines), in original offsets."""
    text, original = grounder.cleaned.text, grounder.cleaned.to_original
    patterns = (_LISTED, _SPLIT_SCORE, _LINE_RESULT, _COLON_SCORES, _HEADER_SCORES)
    spans = [(hit.start(), _after_half_time(text, hit.end())) for pattern in patterns for hit in pattern.finditer(text)]
    for head in (_GOALS_HEAD, _CARDS_HEAD):
        for hit in head.finditer(text):
            spans.append((hit.start(), _line_body_end(text, hit.end())[1]))
    return [(original(start), original(max(start, end - 1)) + 1) for start, end in spans]


_BRACKETED_SCORE = re.compile(r"[ \t]*\(\d{1,2}[ ]?[-:–][ ]?\d{1,2}\)")


def _after_half_time(text: str, end: int) -> int:
    """The end of a results line's bracketed half-time score, if one follows it ("... : 1 (1-0)")."""
    hit = _BRACKETED_SCORE.match(text, end)
    return hit.end() if hit else end


def _details_model(context: dict[str, Any]) -> type[BaseModel]:
    """Step 2's answer for one match: its two teams are the only teams the grammar allows.

    At most as many goals as the score has, and no cards at all unless the article uses a
    card word somewhere (most reports mention none, and a small model invents them).
    """
    goals = min(context["home_score"] + context["away_score"], _GOAL_LIMIT)
    cards = _CARD_LIMIT if context.get("cards_mentioned") else 0
    return _details_for(context["home_team"], context["away_team"], goals, cards)



#: Bounded: a long run meets a new team pair for almost every match, and each class is kept by the
#: engine's per-model caches for as long as this one keeps it.
_MODEL_CACHE_SIZE = 256
_CARD_LIMIT = 4


# ---------------------------------------------------------------------------------------
# One question per goal a match's prose marks with a running score ("erst in der 80. Minute glich
# Marcelo Diaz zum 2:2 aus", "Martijn Kaars benutte vervolgens de strafschop: 1-2"), about a passage
# short enough for a small model; its answer counts only where the score's own sentence names the
# scorer (`_asked_goals`).

_MAX_GOAL_QUESTIONS = 12


def _goal_questions(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """Step 3's questions: each running score in the prose of a match asked about in step 2.

    In a round-up a running score belongs to the match whose club the text named last before
    it, within a paragraph's reach; it is asked about only where it can be a moment of that match.
    """
    stubs = _stubs(answers, grounder)
    contexts = [ctx for ctx, _ in answers.get("details", []) if ctx["home_score"] + ctx["away_score"]]
    if not contexts:
        return []
    single = len(contexts) == 1 and len(stubs) == 1
    mentions = sorted((start, n) for n, ctx in enumerate(contexts) for team in (ctx["home_team"], ctx["away_team"])
                      for start, _ in _mentions_of_team(grounder, team))  # fmt: skip
    text = grounder.folded_text
    covered = _covered_spans(grounder) + _scorer_list_spans(grounder)  # code reads a scorers list itself
    scores = list(_RUNNING.finditer(text))
    starts = [hit.start() for hit in scores]
    questions: list[dict[str, Any]] = []
    seen: set[tuple[int, tuple[int, int]]] = set()
    for number, hit in enumerate(scores):
        first, second = int(hit.group(1)), int(hit.group(2))
        at = grounder.to_original(hit.start(), hit.end())[0]
        if any(a <= at < b for a, b in covered):
            continue
        owner = 0 if single else _owner(mentions, hit.start())
        if owner is None:
            continue
        context = contexts[owner]
        home, away = context["home_score"], context["away_score"]
        if not _running_of(first, second, home, away):
            continue
        sentence = _sentence_start(text, hit.start())
        said = grounder.to_original(sentence, _sentence_end(text, hit.end()))
        if not single and _names_another_pair(grounder.cleaned.original[said[0] : said[1]], context):
            continue  # "I kampen mellem Skive og Brabrand ... 1-1": a match of its own, not a moment of this one
        if (first, second) in ((home, away), (away, home)) and not _told_as_goal(grounder, hit, sentence):
            continue  # the result itself, unless written as the goal that made it ("i mål til 1-0", "1-2 (88.)")
        if _LIST_ENTRY.match(text, hit.end()):
            continue  # "0-1 Mathias Ross (55), 1-1 Magnus Warming (63)": a scorers list, read by code
        if _LEAD_WORDS.search(text, max(sentence, hit.start() - 24), hit.start()):
            continue  # "Kolding førte 2-0 efter 87 minutter": how it stood, not one goal
        if _not_a_goal(text, scores, starts, number) or (sentence, (first, second)) in seen:
            continue
        seen.add((sentence, (first, second)))
        passage = _passage(grounder, hit.start(), hit.end())
        questions.append({**context, "score": f"{first}-{second}", "passage": passage, "at": hit.start()})
    return questions[:_MAX_GOAL_QUESTIONS]


#: A name and a minute in brackets right after a running score: an entry of a scorers list.
_LIST_ENTRY = re.compile(r"[ \t]+[^\W\d][\w'’.-]*(?:[ \t]+[^\W\d][\w'’.-]*){0,3}[ \t]*\(\d{1,3}")
#: Words right before a score that make it the goal that made it: "zum 1:0", "headede bolden i mål til 1-0".
_GOAL_MARK = re.compile(
    r"\b(?:zum|zur|to make it|made it|making it|pour le|pour la|per il|para el|voor de|til|naar)\s*$"
)
#: Words right before a score that tell how a match stood: "førte 2-0", "led 2-0", "führte 2:0".
_LEAD_WORDS = re.compile(
    r"\b(?:førte|forte|førende|led|leading|were leading|was leading|lead|led by|fuhrte|fuhrten"
    r"|leidde|leidden|stond|stand|stood|menait|menaient|conduceva|conducevano|ganaba|iban|vencia"
    r"|in vantaggio|in vantaggio per|al riposo|en tete|devant|foran|voorsprong|in fuhrung)"  # folded text
    r"(?:\s+\S+){0,2}?\s*(?:med|mit|met|by|par|per|por)?\s*$"
)
#: How far back a round-up's running score looks for the club it belongs to: a paragraph.
_OWNER_REACH = 600


def _owner(mentions: list[tuple[int, int]], position: int) -> int | None:
    """The match whose club the text names last before `position`, if near enough."""
    at = bisect.bisect_left(mentions, (position, -1)) - 1
    if at < 0 or position - mentions[at][0] > _OWNER_REACH:
        return None
    return mentions[at][1]


#: Words that tell the result of a match, not one goal of it ("won 1-0", "vandt 2-1", "remporte 1-0").
_RESULT_WORDS = _word_starts(
    "won", "win", "beat", "victor", "drew", "draw", "lost", "lose", "defeat", "vandt", "vinder", "sejr", "slog",
    "tabte", "uafgjort", "gewann", "gewinnt", "sieg", "verlor", "niederlage", "unentschieden", "remis",
    "wint", "overwinning", "versloeg", "verloor", "nederlaag", "gelijkspel", "gano", "gana", "victoria", "vencio",
    "derrota", "empate", "gagne", "victoire", "s'impose", "battu", "defaite", "nul", "vince", "vittoria", "batte",
    "sconfitta", "pareggi", "perso", "eindig", "endte", "sluttede", "endete", "finish", "finisce", "termin",
)  # fmt: skip


def _names_another_pair(sentence: str, context: dict[str, Any]) -> bool:
    """Whether the sentence says "between A and B" of two clubs that are not the match's."""
    hit = _BETWEEN.search(sentence)
    teams = (context["home_team"], context["away_team"])
    return hit is not None and not all(any(_in_passage(team, hit[side]) for team in teams) for side in ("a", "b"))


def _told_as_goal(grounder: Grounder, hit: re.Match[str], start: int) -> bool:
    """Whether a score equal to the result is written as the goal that made it.

    "headede bolden i mål til 1-0", "1-2 (88.)", "Bram Schmidt maakte vanaf elf meter geen fout, 0-1"
    (a person named before it, a word for a goal, and no word for the match's result).
    """
    text = grounder.folded_text
    if _GOAL_MARK.search(text, max(start, hit.start() - 16), hit.start()) or _MINUTE_NEXT.match(text, hit.end()):
        return True
    end = _sentence_end(text, hit.end())
    if not _GOAL_WORDS.search(text, start, end) or _RESULT_WORDS.search(text, start, end):
        return False
    a, b = grounder.to_original(start, hit.start())
    return _PERSON_SHAPE.search(grounder.cleaned.original, a, b) is not None


def _scorer_list_spans(grounder: Grounder) -> list[tuple[int, int]]:
    """Where, in original offsets, scorers follow a result on its line or stand in brackets with minutes."""
    text, original = grounder.cleaned.text, grounder.cleaned.to_original
    spans = [(start, start + len(body)) for start, body in _result_line_tails(text)]
    spans += [(hit.start("body"), hit.end("body")) for hit in _BRACKET_LIST.finditer(text)
              if _MINUTE_IN_LIST.search(hit["body"])]  # fmt: skip
    return [(original(start), original(max(start, end - 1)) + 1) for start, end in spans]


def _running_of(first: int, second: int, home: int, away: int) -> bool:
    """A score some moment of a home-away match can have, written either way round."""
    return 0 < first + second and ((first <= home and second <= away) or (first <= away and second <= home))


def _not_a_goal(text: str, scores: list[re.Match[str]], starts: list[int], number: int) -> bool:
    """A score the words around it give to another time: half-time, a shoot-out, a past meeting, a year."""
    hit = scores[number]
    sentence = _sentence_start(text, hit.start())
    line_start = text.rfind("\n", 0, hit.start()) + 1
    clause = text[max(sentence, hit.start() - 60) : min(hit.end() + 40, _sentence_end(text, hit.end()))]
    return bool(
        _HALF_TIME_MARK.search(text, max(0, hit.start() - 12), hit.start())
        or _YEAR.search(clause)
        or _BACKGROUND_LINE.search(text, line_start, hit.start())
        or _UNIT_NEXT.match(text, hit.end())
        or _word_next_to(text, scores, starts, number, _EARLIER_WORDS, 60, 40, _SAME_DAY)
        or _word_next_to(text, scores, starts, number, _SHOOTOUT_WORDS, 14, 14)
        or _word_next_to(text, scores, starts, number, _HALF_TIME_WORDS, 20, 20)
    )


def _goal_model(context: dict[str, Any]) -> type[BaseModel]:
    """Step 3's answer: one goal, its team one of the match's two."""
    return _goal_for(context["home_team"], context["away_team"])


@functools.lru_cache(maxsize=_MODEL_CACHE_SIZE)
def _goal_for(home: str, away: str) -> type[BaseModel]:
    team: Any = Literal[home, away] if home != away else Literal[home]
    fields: dict[str, Any] = {
        "scorer": (str | None, Field(..., max_length=80)), "team": (team, ...),
        "minute": (str | None, Field(..., max_length=32)),
    }  # fmt: skip
    return create_model("GoalAt", __base__=_Strict, **fields)


def _answered_clubs(answers: Answers, stubs: list[MatchStub]) -> list[str]:
    """Every club of the article's results: the matches', and any step 1 answer named."""
    said = [answer for step in ("results", "results_wider") for _, answer in answers.get(step, []) if answer]
    return [team for stub in stubs for team in (stub.home_team, stub.away_team)] + [
        str(team) for answer in said
        for team in (getattr(answer, "home_team", None), getattr(answer, "away_team", None)) if team
    ]  # fmt: skip


def _asked_goals(answers: Answers, stub: MatchStub, grounder: Grounder, clubs: list[str]) -> list[dict[str, Any]]:
    """Step 3's goals whose scorer the words at the score name, once each, in the order written.

    The scorer must stand in the score's own sentence with no other person between them; no club
    of the article's results (`clubs`) is a scorer; a minute the passage does not write is none.
    """
    out: list[dict[str, Any]] = []
    for context, found in answers.get("goals_at", []):
        if found is None or (context["home_team"], context["away_team"]) != (stub.home_team, stub.away_team):
            continue
        answer: Any = found
        scorer = _bare_name((answer.scorer or "").strip())
        if not scorer or fold_text(scorer) in _NULLISH or any(same_team(scorer, club) for club in clubs):
            continue
        if not _names_scorer(grounder, context["at"], scorer, clubs):
            continue
        if any(_surname(goal["player"]) == _surname(scorer) for goal in out):
            continue  # one answer per scorer: a later passage that names him again tells of someone else's goal
        out.append({"player": scorer, "team": answer.team, "minute": _minute_in(answer.minute, context["passage"]),
                    "penalty": _penalty_told(grounder, scorer), "own_goal": _own_goal_told(grounder, scorer),
                    "assist": None})  # fmt: skip
    return out


def _names_scorer(grounder: Grounder, at: int, scorer: str, clubs: list[str]) -> bool:
    """Whether the sentence of the score at folded `at` names `scorer` with no other person between them.

    "Joselu Moreno adelantó ..., pero al minuto 17, Iñaki Williams llegó ... para el empate 1-1":
    the 1-1 is Williams's, whatever the answer says. A scorer told of by a pronoun ("Der Mexikaner
    trifft") is not taken: measured, the model then names whoever the sentence before names.
    """
    text, original = grounder.folded_text, grounder.cleaned.original
    start, end = _sentence_start(text, at), _sentence_end(text, at)
    score_at = grounder.to_original(at, at + 1)[0]
    surname = _surname(scorer)
    word = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
    mentions = [grounder.to_original(hit.start(), hit.end())[0] for hit in word.finditer(text, start, end)]
    for mention in mentions:
        low, high = sorted((mention, score_at))
        between = [hit.group() for hit in _PERSON_SHAPE.finditer(original, low, high)]
        if not any(_surname(name) != surname and not any(same_team(name, club) for club in clubs) for name in between):
            return True
    return False


_CLOCK = re.compile(r"\d{1,2}\s*[h:]\s*\d{2}\b")  # "22h17", "16:58": the time of a live feed's entry


def _minute_in(written: str | None, passage: str) -> int | None:
    """The answer's minute where the passage writes its number (not a clock time), else None."""
    if not written or _CLOCK.search(written):
        return None
    minute = parse_minute(written)
    digits = re.findall(r"\d+", written)
    if minute is None or not digits or not all(re.search(rf"(?<!\d){d}(?!\d)", passage) for d in digits):
        return None
    return minute


def _with_asked_goals(
    goals: list[dict[str, Any]], asked: list[dict[str, Any]], stub: MatchStub
) -> list[dict[str, Any]]:
    """The goals asked one at a time (while the score has room), then the details answer's others.

    A goal asked alone comes from the words that mark it; the details answer lists a whole
    match's goals at once, and it is the one that takes a carded or a named-nearby player.
    A details goal of an asked scorer gives its minute where the asked one had none; at another
    minute it is his second goal. The details goals are not cut to the score here: the scorers
    lines and the checks after this may still move them to the other side.
    """
    room = {stub.home_team: stub.home_score, stub.away_team: stub.away_score}
    out: list[dict[str, Any]] = []
    for goal in asked:
        if room.get(goal["team"], 0) > 0 and not any(
            _surname(g["player"]) == _surname(goal["player"]) and g["minute"] == goal["minute"] for g in out
        ):
            room[goal["team"]] -= 1
            out.append(dict(goal))
    taken = list(out)
    for goal in goals:
        same = [g for g in taken if _surname(g["player"]) == _surname(goal["player"])]
        if same:
            untimed = next((g for g in same if g["minute"] is None), None)
            if any(g["minute"] == goal["minute"] for g in same) or goal["minute"] is None:
                continue
            if untimed is not None:
                untimed["minute"] = goal["minute"]
                continue
        out.append(dict(goal))  # beyond the score, the validators drop the last listed: these, not the asked
    return out


@functools.lru_cache(maxsize=_MODEL_CACHE_SIZE)
def _details_for(home: str, away: str, goals: int, cards: int) -> type[BaseModel]:
    team: Any = Literal[home, away] if home != away else Literal[home]
    minute: Any = (str | None, Field(max_length=32))
    goal_fields: dict[str, Any] = {"player": (str, ...), "team": (team, ...), "minute": minute}
    card_fields: dict[str, Any] = {
        "player": (str, ...), "team": (team, ...), "minute": minute,
        "card": (Literal["yellow", "red", "second_yellow"], ...),
    }  # fmt: skip
    goal = create_model("GoalAnswer", __base__=_Strict, **goal_fields)
    card = create_model("CardAnswer", __base__=_Strict, **card_fields)
    optional: Any = (str | None, ...)
    details_fields: dict[str, Any] = {
        "competition": optional, "venue": optional,
        "goals": (list[goal], Field(max_length=goals)),
        "cards": (list[card], Field(max_length=cards)),
    }  # fmt: skip
    return create_model("MatchDetails", __base__=_Strict, **details_fields)


_NAME = (
    r"(?:1\.[ ]?)?[A-ZÀ-ÞØÆÅ][\w.'’&]*"
    r"(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&]*|de|di|del|da|do|la|le|van|von|d'\w+)){0,2}"
)
_DATELINE_HEAD = r"[^\W\d][\w.]*(?:/[\w.]+)+[ \t]+[-–][ \t]+"  # "Bernburg/MZ/fk. - "
#: A club name whose words may carry their own hyphen: "Schwarz-Gelb", "Paris Saint-Germain".
_NAME_HYPHENED = _NAME.replace(r"[\w.'’&]*", r"[\w.'’&]*(?:-[A-ZÀ-ÞØÆÅ][\w.'’&]*)*")
_WEEKDAYS = (
    "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday"
    "|sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lunes|martes|miércoles|jueves|viernes|sábado"
    "|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_WEEKDAY_PREFIX = re.compile(rf"^(?i:{_WEEKDAYS})\s+")
#: A results line: "OB-Vejle 0-1", "Köln – Union Berlin 1:2", "Napoli-Salisburgo 3-1" (home first), at the
#: start of a line, after a separator, a weekday, or the previous result of the list.
_LISTED = re.compile(
    # a line may open with its competition's label: "VL Nordbaden: ASV Durlach 02 – SpVgg Oberhausen 1:2 (0:2)",
    # or with a dateline (place/agency): "Bernburg/MZ/fk. - Alsleben - Preußlitz 1:0 (1:0)"
    rf"(?:^(?:[^\W\d][\w.]*(?:[ ][\w.]+){{0,3}}:[ \t]+|{_DATELINE_HEAD})?"
    rf"|[,;|(]\s*|\s*(?i:\b(?:{_WEEKDAYS}))\s+|(?<=\d)\s+)"
    rf"(?P<home>{_NAME_HYPHENED})(?P<sep>[ \t]?[-–/][ \t]?)(?P<away>{_NAME_HYPHENED})"
    rf"(?:[ \t]+:)?[ \t]+\(?(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})(?!\d|:\d)",
    re.MULTILINE,
)


def _split_clubs(hit: re.Match[str]) -> bool:
    """Whether a results line's dash parts the two clubs for sure.

    A club's own hyphen ("Schwarz-Gelb") is read only where the line sets the clubs apart with a
    spaced dash ("Güsten - Schwarz-Gelb 2:3").
    """
    if hit.re is not _LISTED or not ("-" in hit["home"] or "-" in hit["away"]):
        return True
    return hit["sep"].startswith((" ", "\t")) and hit["sep"].endswith((" ", "\t"))


#: The other results-line form: "Nottingham Forest 2 - Brentford 2", "Rayo Vallecano 1-Barcelona 1".
_SPLIT_SCORE = re.compile(
    rf"(?:^|[,;|(*•]\s*|\s*(?i:\b(?:{_WEEKDAYS}))\s+)"
    rf"(?P<home>{_NAME})[ \t]+(?P<hs>\d{{1,2}})[ \t]?[-–][ \t]?(?P<away>{_NAME})"
    rf"[ \t]+(?P<as>\d{{1,2}})(?![\d:.,]\d|[\d:])",
    re.MULTILINE,
)


#: A score given to each club after a colon: "A Brest, Brest : 2 AC Ajaccio : 1 (1-0)".
_COLON_SCORES = re.compile(
    rf"(?:^|[,;|(]\s*)(?P<home>{_NAME_HYPHENED})[ \t]*:[ \t]*(?P<hs>\d{{1,2}})[ \t]*[-–,;]?[ \t]+"
    rf"(?P<away>{_NAME_HYPHENED})[ \t]*:[ \t]*(?P<as>\d{{1,2}})(?![\d:.,]\d|[\d:])",
    re.MULTILINE,
)


_NAME_LINE = r"(?:1\.[ ]?)?[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ][\w.'’&-]+){0,3}"
#: A line that is only a result: "SM Caen 0-1 Girondins de Bordeaux", "- Leeds 4-3 Bournemouth".
_LINE_RESULT = re.compile(
    rf"^[-*•\t ]*(?P<home>{_NAME_LINE})[ \t]+(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})"
    rf"[ \t]+(?P<away>{_NAME_LINE})[ \t]*(?:$|:[ \t]+(?=\S))",  # a headline's "Brighton 1-0 Manchester United: ..."
    re.MULTILINE,
)
#: A header line of two clubs, each with its goals and no dash: "Llanrhaeadr ym Mochnant 2 Dolgellau 3".
_HEADER_CLUB = r"[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ][\w.'’&-]*|ym|y|de|la|le|van|von|am|an|der|di|del)){0,4}"
_HEADER_SCORES = re.compile(
    rf"^[ \t]*(?P<home>{_HEADER_CLUB})[ \t]+(?P<hs>\d{{1,2}})"
    rf"[ \t]+(?P<away>{_HEADER_CLUB})[ \t]+(?P<as>\d{{1,2}})[ \t]*$",
    re.MULTILINE,
)
#: A line that is only two clubs across a spaced dash and a colon score, whatever the clubs' names hold
#: (brackets, a year, abbreviations): "(SG) Spfrd. Sailauf – (SG) SpVgg 1924 Niedernberg 2:6 (1:3)"; also
#: a match page's header with its league before a colon, a comma before the score and the place after
#: it: "Frauen A-Klasse 05: FC Geisenfeld – SG FC Wackerstein/TV Münchsmünster, 2:3 (2:0), Geisenfeld".
_CLUB_ANY = r"[(]?[A-ZÀ-ÞØÆÅ][^\n–:;,!?]{1,48}?"
_DASHED_LINE = re.compile(
    # a label before the clubs: "Frauen A-Klasse 05: ", "Fodbold, Fynsserien, "
    r"^[ \t]*(?:[A-ZÀ-ÞØÆÅ][^\n:–]{1,40}:[ \t]+|(?:[A-ZÀ-ÞØÆÅ][^\n:–,]{1,25},[ \t]+){1,3})?"
    rf"(?P<home>{_CLUB_ANY})[ \t]+[–-][ \t]+(?P<away>{_CLUB_ANY})(?:,[ \t]*|[ \t]+)"
    r"(?P<hs>\d{1,2})[:-](?P<as>\d{1,2})(?:[ \t]*\(\d{1,2}[:-]\d{1,2}\))?(?:,[ \t]*[A-ZÀ-ÞØÆÅ][^\n,:;]{1,30})?[ \t]*$",
    re.MULTILINE,
)
#: A report's header of two lines, each a club and its goals: "PENRYN ATHLETIC 1" / "MOUSEHOLE 1".
_HEADER_PAIR = re.compile(
    rf"^[ \t]*(?P<home>{_HEADER_CLUB})[ \t]+(?P<hs>\d{{1,2}})[ \t]*\n"
    rf"[ \t]*(?P<away>{_HEADER_CLUB})[ \t]+(?P<as>\d{{1,2}})[ \t]*$",
    re.MULTILINE,
)
#: ... two such lines alone: a third before or after them makes a table ("Liverpool 10" / "Chelsea 8" / ...).
_CLUB_AND_GOALS = re.compile(rf"[ \t]*{_HEADER_CLUB}[ \t]+\d{{1,2}}[ \t]*")


def _in_table(text: str, start: int, end: int) -> bool:
    """Whether the line before `start` or the one after `end` is also a club and a number."""
    before = text[: max(0, start - 1)].rsplit("\n", 1)[-1] if start > 0 else ""
    after = text[end + 1 :].split("\n", 1)[0] if end < len(text) else ""
    return any(_CLUB_AND_GOALS.fullmatch(line) for line in (before, after) if line)
#: A scoreboard a page stacks on three lines (a table flattened): "LENS |", "2 - 0 |", "REIMS |".
_STACKED_RESULT = re.compile(
    rf"^[ \t|]*(?P<home>{_NAME_LINE})[ \t|]*\n[ \t|]*(?P<hs>\d{{1,2}})[ ]?[-:–][ ]?(?P<as>\d{{1,2}})[ \t|]*\n"
    rf"[ \t|]*(?P<away>{_NAME_LINE})[ \t|]*$",
    re.MULTILINE,
)
_SHOUTED = re.compile(r"^[A-ZÀ-Þ]{5,}$")  # "TABELLINO": a section label, not a club


#: A club in a round-up's sentence: capitalised words, a few joined by "de"/"di" ("Eugenio Coscarello Castrolibero").
_PROSE_CLUB = r"[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|di|del|de la)[ ])?[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3}"
_OF = r"(?:del|della|dello|dell['’]\s?|de la|de l['’]\s?|del|de|di)\s*"  # "del Lecce", "dell’Independent"
#: Round-up idioms that pair a score with its two clubs and say who hosted (Italian, Spanish):
#: "il 6-1 esterno del Lecce sul campo del Crotone" (the club whose result it is, the visitor, won: a score
#: written lower first, "el 0-2 del Rayo en el campo del Getafe", could be either's and is not read);
#: "lo 0-0 tra Molfetta ed Eugenio Coscarello Castrolibero" (first named is home, no host told).
_ROUNDUP_IDIOMS = (
    re.compile(
        rf"\b(?:il|lo|l['’]|el)\s?(?P<as>\d{{1,2}})-(?P<hs>\d{{1,2}})\s+(?:esterno\s+|a domicilio\s+)?{_OF}"
        rf"(?P<away>{_PROSE_CLUB})\s+(?:sul campo|in casa|sul terreno|en el campo|en casa|en el feudo)\s+{_OF}"
        rf"(?P<home>{_PROSE_CLUB})"
    ),
    re.compile(
        rf"\b(?:lo|il|l['’]|el)\s?(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+(?:tra|fra|entre)\s+(?:il |la |l['’]|el )?"
        rf"(?P<home>{_PROSE_CLUB})\s+(?:ed?|y)\s+(?:il |la |l['’]|el )?(?P<away>{_PROSE_CLUB})"
    ),
    # "Vis Mediterranea – che espugna 1-0 Frosinone": the winner took the other's ground
    re.compile(
        rf"(?P<away>{_PROSE_CLUB})\s*[–,-]?\s+che\s+espugna\s+(?:per\s+)?(?P<as>\d{{1,2}})-(?P<hs>\d{{1,2}})\s+"
        rf"(?:il campo d(?:i|el(?:lo|la)?)\s+|il |la |l['’])?(?P<home>{_PROSE_CLUB})"
    ),
    # "il Villaricca, che piega 4-1 il Montespaccato": no host told, the first named is home
    re.compile(
        rf"(?P<home>{_PROSE_CLUB})\s*[–,-]?\s+che\s+(?:piega|batte|supera|travolge|regola)\s+(?:per\s+)?"
        rf"(?P<hs>\d{{1,2}})-(?P<as>\d{{1,2}})\s+(?:il |la |lo |l['’]|gli |le )?(?P<away>{_PROSE_CLUB})"
    ),
)


_IDIOM_WINNER = ("as", None, "as", "hs")  # per idiom, the side its words say won (None: a draw, no winner told)


def idiom_results(text: str) -> list[MatchStub]:
    """Results a round-up's idiom states with both clubs and the host (`_ROUNDUP_IDIOMS`)."""
    found = []
    for pattern, winner in zip(_ROUNDUP_IDIOMS, _IDIOM_WINNER, strict=True):
        for hit in pattern.finditer(text):
            home, away = hit["home"].strip(), hit["away"].strip()
            if same_team(home, away) or max(int(hit["hs"]), int(hit["as"])) > 20:
                continue
            if winner is not None and int(hit[winner]) < int(hit["hs" if winner == "as" else "as"]):
                continue  # "il pesante 0-4 del Crotone sul campo del Lecce": whose 4 is not for code to guess
            stub = MatchStub(home_team=home, away_team=away, home_score=int(hit["hs"]), away_score=int(hit["as"]))
            found.append(stub)
    return found


def _named_twice(club: str, text: str, any_case: bool = False) -> bool:
    """Whether the text names the club's first word twice at least (a header's club, not a stats label).

    `any_case`: a shouted header ("MOUSEHOLE 1") counts the prose's "Mousehole".
    """
    word = rf"(?<!\w){re.escape(club.split()[0])}(?!\w)"
    return len(re.findall(word, text, re.IGNORECASE if any_case else 0)) >= 2


def listed_results(text: str) -> list[MatchStub]:
    """Results written as a results line: both teams and the score (home first, by convention).

    Code reads these, not the model: a small model takes "Lyngby-AaB 2-2" for one club, and a
    score split by its teams ("Forest 2 - Brentford 2") is not a score to it.
    """
    found = []
    hits = sorted(
        [*_LISTED.finditer(text), *_SPLIT_SCORE.finditer(text), *_LINE_RESULT.finditer(text),
         *_STACKED_RESULT.finditer(text), *_COLON_SCORES.finditer(text), *_HEADER_SCORES.finditer(text),
         *_DASHED_LINE.finditer(text), *_HEADER_PAIR.finditer(text)],
        key=lambda hit: hit.start(),
    )  # fmt: skip
    others = [(hit.start(), hit.end()) for hit in hits if hit.re is not _DASHED_LINE]
    for hit in hits:
        if hit.re is _DASHED_LINE and any(a < hit.end() and hit.start() < b for a, b in others):
            continue  # a line another form reads already
        if hit.re is _HEADER_PAIR and _in_table(text, hit.start(), hit.end()):
            continue
        if fold_text(hit.group("home").strip()) in _MATCH_WORDS or fold_text(hit.group("away").strip()) in _MATCH_WORDS:
            continue  # "45.+2 Minute- Marcus Kurze 2 :1": a goals list's minute, not a club
        home, away = _WEEKDAY_PREFIX.sub("", hit.group("home").strip()), hit.group("away").strip()
        if len(home) < 2 or len(away) < 2 or same_team(home, away) or max(int(hit["hs"]), int(hit["as"])) > 20:
            continue
        if not _split_clubs(hit):
            continue  # "Güsten-Schwarz-Gelb 2:3": which dash parts the clubs is not for code to guess
        if hit.re in (_COLON_SCORES, _HEADER_SCORES, _HEADER_PAIR):  # "Spiele: 3 Siege: 2": clubs are named again
            named_again = [_named_twice(club, text, hit.re is _HEADER_PAIR) for club in (home, away)]
            if not (all(named_again) if hit.re is not _HEADER_SCORES else any(named_again)):
                continue
        if hit.re is _LINE_RESULT and (_SHOUTED.match(home) or _SHOUTED.match(away)):
            continue  # "Napoli-Inter 4-1 TABELLINO": a label after the line ("SPAL-SPEZIA 1-2" is a headline)
        home, away = _unshouted(home, text), _unshouted(away, text)
        found.append(MatchStub(home_team=home, away_team=away, home_score=int(hit["hs"]), away_score=int(hit["as"])))
    return found


#: A line-up line of a match sheet: "Amanecer: Roberto, Miralles, Willy, ...", "SPAL (4231): Tonozzi; ...".
_LINEUP = re.compile(
    r"^[ \t]*(?:\((?P<lead>\d{1,2})\)[ \t]*|(?P<led>\d{1,2})[ \t]*[–-][ \t]*)?"  # "(1) Atlético de Madrid: Marcos, ..."
    r"(?P<team>[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ](?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*|de|del|la|le|van|von|di|da)){0,4}"
    r"(?:[ ][«\"“][\w ]{1,6}[»\"”])?)"  # "Real Madrid CF «B»: Laia López, ...": a reserve side's mark
    r"[ \t]*(?:\([^()\n]{0,12}\))?[ \t]*(?::|[ \t]-(?=[ \t])|(?<=[ \t])(?P<count>\d{1,2})(?=[ \t]))"  # "LOCRI - ..."
    r"[ \t]*(?P<body>[^\n]+)$",  # "PEÑA SPORT 1 Samuel, Sádaba, ...": the club's goals before its eleven
    re.MULTILINE,
)
_LINEUP_ITEMS = 8  # a team's eleven, separated by commas, semicolons or dashes (a few joined by "y", "e")
_LED_ITEMS = 3  # a line-up led by its club's goals ("3 – Portonovo SD: María, ...") may wrap after a few names


def _led(hit: re.Match[str]) -> int | None:
    """The goals a line-up line writes before its club ("(1) Atlético de Madrid: ...", "3 – Portonovo SD: ...")."""
    count = hit["lead"] or hit["led"]
    return int(count) if count is not None else None

_NOT_A_LINEUP = _words(
    "arbitro", "árbitro", "referee", "schiedsrichter", "scheidsrechter", "dommer", "arbitre", "incidencias", "note",
    "notes", "spettatori", "zuschauer", "attendance", "ammoniti", "espulsi", "tore", "goles", "gol", "buts", "reti",
    "marcatori", "subs", "substitutes", "ersatz", "panchina", "a disp", "all", "entraîneur", "trainer", "coach",
)


@functools.lru_cache(maxsize=16)
def _lineups(text: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """A match sheet's two line-up lines, home first, a few lines apart; None where there are not two."""
    lineups = [
        hit for hit in _LINEUP.finditer(text)
        if len(re.findall(r"[,;]|\s[-–]\s", hit["body"])) + 1
        >= (_LED_ITEMS if _led(hit) is not None else _LINEUP_ITEMS)
        and not _NOT_A_LINEUP.match(fold_text(hit["team"]))
    ]  # fmt: skip
    if len(lineups) < 2:
        return None
    home, away = lineups[0], lineups[1]
    if same_team(home["team"], away["team"]) or text.count("\n", home.end(), away.start()) > 3:
        return None
    return home, away


def _sheet_order(stub: MatchStub, text: str) -> MatchStub:
    """Home and away as the match sheet's line-ups list them (home first), where they name the two teams."""
    lineups = _lineups(text)
    if lineups is None:
        return stub
    first, second = (hit["team"].strip() for hit in lineups)
    if same_team(first, stub.away_team) and same_team(second, stub.home_team):
        return stub.model_copy(update={"home_team": stub.away_team, "away_team": stub.home_team,
                                       "home_score": stub.away_score, "away_score": stub.home_score})  # fmt: skip
    return stub


def sheet_results(text: str) -> list[MatchStub]:
    """A match sheet's result: its two line-ups (home first) and the last running score of its goals line.

    "Amanecer: Roberto, ... / Cerro de Reyes: Poli, ... / Goles: 1-0, min. 31: David ... 2-2, min. 71:
    Diego." is Amanecer 2-2 Cerro de Reyes. A goals line with no running score counts where a line of
    only a score stands above the line-ups and each team's tagged goals add up to it ("1-2" above
    "Vastese (3-5-2): ..." and "Marcatori: 45′ Stivaletta (V); 55′ rig. 62′ rig. Alessandro (C)");
    else the sheet is left to the other readers.
    """
    lineups = _lineups(text)
    if not lineups:
        return []
    home, away = lineups
    led = _led(home), _led(away)
    if led[0] is not None and led[1] is not None:  # "(1) Atlético de Madrid: ..." over "(3) Real Valladolid: ..."
        names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
        return [MatchStub(home_team=names[0], away_team=names[1], home_score=led[0], away_score=led[1])]
    stacked = _stacked_score(text, home.start(), home["team"], away["team"])
    if stacked is not None:  # "sant'agostino", "1", "del duca grama", "1" above "SANT'AGOSTINO: Costantino, ..."
        names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
        return [MatchStub(home_team=names[0], away_team=names[1], home_score=stacked[0], away_score=stacked[1])]
    head = _GOALS_HEAD.search(text, away.end())
    if head is None or text.count("\n", away.end(), head.start()) > 3:
        return []
    entries = parse_line(_line_body(text, head.end()))
    scores = [entry.score for entry in entries if entry.score is not None]
    names = [_unshouted(hit["team"].strip(), text) for hit in (home, away)]
    if not scores:
        bare = _bare_score_before(text, home.start())
        if bare is None or bare != _tagged_count(entries, names[0], names[1]):
            return []
        scores = [bare]
    return [MatchStub(home_team=names[0], away_team=names[1], home_score=scores[-1][0], away_score=scores[-1][1])]


_BARE_SCORE = re.compile(r"^[ \t]*(\d{1,2})[ ]?[-:–][ ]?(\d{1,2})[ \t]*$", re.MULTILINE)


def _stacked_score(text: str, start: int, home: str, away: str) -> tuple[int, int] | None:
    """A score block a sheet stacks above its line-ups, a line each.

    The home club, its goals, the away club, its goals ("sant'agostino" / "1" / "del duca grama" /
    "1"), the clubs as the line-ups name them.
    """
    lines = [line.strip() for line in text[:start].split("\n") if line.strip()][-4:]
    if len(lines) != 4 or not (lines[1].isdigit() and lines[3].isdigit()):
        return None
    named = [fold_text(lines[0]).endswith(fold_text(home)), fold_text(lines[2]) == fold_text(away)]
    if not all(named) or max(int(lines[1]), int(lines[3])) > 20:
        return None
    return int(lines[1]), int(lines[3])


def _bare_score_before(text: str, start: int) -> tuple[int, int] | None:
    """A line that is only a score, at most three lines above a sheet's first line-up ("1-2")."""
    above = text.rfind("\n", 0, max(0, start - 1))
    for _ in range(3):
        if above <= 0:
            break
        above = text.rfind("\n", 0, above)
    found = list(_BARE_SCORE.finditer(text, max(0, above), start))
    return (int(found[-1].group(1)), int(found[-1].group(2))) if found else None


def _tagged_count(entries: list[_Entry], home: str, away: str) -> tuple[int, int] | None:
    """Each team's goals where every entry of a goals line carries a tag naming one ("45' Stivaletta (V)")."""
    teams = [_team_of_ref(entry.ref, home, away) for entry in entries]
    if not entries or any(team is None for team in teams):
        return None
    return teams.count(home), teams.count(away)


def _unshouted(name: str, text: str) -> str:
    """A headline's capitals ("JUVENTUS") as the article writes the club elsewhere, else in title case."""
    if len(name) < 5 or not name.isupper():
        return name  # "SPAL", "AZ", "PSV": short capitals are how the club is written
    for other in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        if not other.group().isupper() and not other.group().islower():  # a score block's "sant'agostino"
            return other.group()
    return name.title()


_LEDE = 600  # the headline and first paragraph: where a single-match report names its two teams


def _final_results(answers: Answers, grounder: Grounder) -> tuple[list[MatchStub], list[MatchStub], int]:
    """Step 1's final results, each pair once: those whose passage names both teams, then the others.

    Where a pair has several, the one with most goals: a half-time or running score taken for a
    result is never more than the final. A team the passage does not name is the model's guess
    from elsewhere; it is kept, as a weaker result, only when the article's lede names it and the
    article names it twice ("kampen endte 2-1" after a lede naming both clubs). A club is a proper
    noun: a team the article never writes with a capital ("los sevillanos") is no team.
    """
    lede = grounder.cleaned.text[:_LEDE]

    def weak_support(team: str) -> bool:
        return _in_passage(team, lede) and len(_capitalised_mentions(grounder, team)) >= 2

    best: dict[frozenset[str], tuple[bool, MatchStub]] = {}
    told: set[frozenset[str]] = set()  # pairs whose sentence says who beat whom
    # a score asked again answers for itself: its first answer (the sentence before's clubs) no longer counts
    again = {context["at"] for context, answer in answers.get("results_wider", []) if answer is not None}
    asked = [(c, a) for c, a in answers.get("results", []) if c["at"] not in again]
    for context, answer in [*asked, *answers.get("results_wider", [])]:
        kind = getattr(answer, "result", None)
        if answer is None or not (kind == "final" or (kind == "other" and (
            not context["score"][0].isdigit() or _between(context) is not None
        ))):
            continue  # a goalless draw or an only goal in words is a result, and so is a score whose sentence
            # names the two teams ("I kampen mellem Skive og Brabrand ... delte ... med 1-1"): the model calls
            # them "other" at times
        home, away = answer.home_team, answer.away_team  # type: ignore[attr-defined]
        if home and away:
            home, away = _unpaired(home, away), _unpaired(away, home)
            home, away = _as_written(home, context["passage"]), _as_written(away, context["passage"])
        scores = (answer.home_score, answer.away_score)  # type: ignore[attr-defined]
        between = _between(context)
        drawn = context["first"] == context["second"]
        if between is not None and home and away and (drawn or not _same_pair((home, away), between)):
            # "Kampen mellem Skive og FC Roskilde sluttede 1-1": the sentence names the two teams itself; of a
            # draw, in the order it names them (no host told: the first named is home)
            home, away = between
            scores = (context["first"], context["second"])
        won = _won_over(context, (home, away)) if home and away else None
        if won is None and (not home or not away or sorted(scores) != sorted((context["first"], context["second"]))):
            continue  # (a win told in the sentence stands whatever numbers the model gave)
        if won is not None:  # the sentence says who beat whom, and where
            home, away, scores = _answer_names(won[0], (home, away)), _answer_names(won[1], (home, away)), won[2]
            told.add(_pair(home, away))
        else:
            home, away, scores = _written_order(context, home, away, _winner_told(context, home, away, scores))
            home, away, scores = _favoured_order(context, *_host_then_score(context, home, away, scores))
        if not (_is_club(grounder, home) and _is_club(grounder, away)) or _one_inside_other(home, away):
            continue
        passage = context["passage"]
        if won is None:  # "den Rückstand auf Borussia Dortmund": no opponent, unless a win is told of it
            passage = _STANDINGS.sub(" ", passage)
        named = [_in_passage(team, passage) for team in (home, away)]
        if not all(named) and not all(
            seen or weak_support(team) for seen, team in zip(named, (home, away), strict=True)
        ):
            continue
        stub = MatchStub(home_team=home, away_team=away, home_score=scores[0], away_score=scores[1])
        pair = _pair(home, away)
        kept = best.get(pair)
        if kept is None or (all(named), sum(scores)) > (kept[0], kept[1].home_score + kept[1].away_score):
            best[pair] = (all(named), stub)
    strong = [stub for named, stub in best.values() if named]
    said = [stub for stub in strong if _pair(stub.home_team, stub.away_team) in told]
    rest = [stub for stub in strong if _pair(stub.home_team, stub.away_team) not in told]
    return [*said, *rest], [stub for named, stub in best.values() if not named], len(said)


def _unpaired(team: str, other: str) -> str:
    """A "team" the model copied with its opponent ("Vastese-Cesena" against "Cesena"): the other part."""
    parts = [part.strip() for part in re.split(r"\s?[-–/]\s?", team)]
    if len(parts) == 2 and all(parts):
        for part, rest in ((parts[0], parts[1]), (parts[1], parts[0])):
            if same_team(part, other):
                return rest
    return team


#: Words that write a score from the loser's side: "tabte 0-1 til Liverpool", "a 0-1 defeat".
_LOSS_WORDS = _word_starts(
    "lost", "lose", "loses", "losing", "defeat", "beaten", "went down", "fell",
    "tabte", "taber", "tabe", "nederlag", "verloor", "verliest", "verloren", "nederlaag", "verlies",
    "verlor", "verliert", "niederlage", "perso", "perde", "sconfitta",
    "perdio", "pierde", "cayo", "derrota", "perd", "defaite", "s'incline", "battu",
)  # fmt: skip
_LOSS_BEFORE, _LOSS_AFTER = 40, 25


def _written_order(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """A final written low-high puts the home team's goals first: "Real Madrid ... Inter (0-2)".

    Nobody writes a win as "0-2" from the winner's side, so the winner the model named is the away
    team; unless a loss word next to the score writes it from the loser's side ("tabte 0-1 til").
    """
    first, second = context["first"], context["second"]
    if not context["score"][0].isdigit() or first >= second or scores != (second, first):
        return home, away, scores
    passage = fold_text(context["passage"])
    for score in re.finditer(rf"(?<![\d.,:/-]){first}\s?[-:]\s?{second}(?![\d:/-]|[.,]\d)", passage):
        if _LOSS_WORDS.search(passage, max(0, score.start() - _LOSS_BEFORE), score.end() + _LOSS_AFTER):
            return home, away, scores
    return away, home, (first, second)


_ARTICLE = r"(?:(?:the|het|de|le|la|les|el|los|il|lo|i|der|die|das|dem|den)\s+|l['’])?"
_TEAM_NAME = r"[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:\s(?:[A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*|de|del|van|von)){0,3}"
#: A club named for the table, not as the opponent: "den Rückstand auf Borussia Dortmund verkürzen",
#: "two points behind Liverpool", "punten achter PSV", "a due punti dietro la Juventus".
_STANDINGS = re.compile(
    r"(?i:(?:rückstand|vorsprung)(?:\s+\S+){0,3}?\s+auf|punkte? (?:hinter|vor)"
    r"|points? (?:behind|clear of|above|below)|gap to"
    r"|achterstand op|voorsprong op|punten (?:achter|voor)|points? (?:derrière|d'avance sur|de retard sur)"
    r"|puntos? (?:por detrás de|de ventaja sobre)|punti (?:di distacco da|dietro)|points? efter|forspring til)"
    rf"\s+(?:(?:dem|den|der|the|de|het|le|la|l'|el|il|la)\s+)?{_TEAM_NAME}"
)


#: Words right before the team that lost ("a 2-0 win over Leeds", "de 0-2 overwinning tegen Liverpool") ...
_BEATEN = (
    r"beat|beats|beating|defeated|defeating|overcame|thrashed|edged|edged past|saw off|(?:win|won|victory|triumph)"
    r" (?:over|against)|(?:thrashing|hammering|demolition|rout|drubbing) of"
    r"|versloeg|verslaat|klopte|klopt|(?:overwinning|zege|winst) (?:op|tegen)|(?:won|wint|winnen) van"
    r"|schlug|schlägt|besiegte|besiegt|bezwang|(?:sieg|erfolg) (?:gegen|über)|(?:gewann|gewinnt|siegte) gegen"
    r"|batte|ha battuto|sconfigge|ha sconfitto|(?:vittoria|successo) (?:contro|sul|sulla|su)|vince contro"
    r"|a battu|bat|(?:victoire|succès) (?:contre|face à|sur)|s'impose (?:contre|face à)"
    r"|venció a|vence a|derrotó a|goleó a|(?:victoria|triunfo) (?:ante|contra|sobre)|ganó a"
    r"|slog|besejrede|besejrer|sejr (?:over|mod)|(?:vandt|vinder) (?:over|mod)"
    # "ontdeed Manchester City, zonder ..., zich gemakkelijk van Olympiakos", "deelde een mokerslag uit aan het Inter"
    r"|ontd(?:eed|oet|eden)\s+(?:\S+\s+){0,12}?zich\s+(?:\S+\s+){0,3}?van|(?:deelde|deelt|deelden)\s+(?:\S+\s+){0,4}?een\s+(?:\S+\s+){1,2}uit\s+aan"
)
#: ... and before the team that won ("lost 0-1 to Liverpool", "tabte 0-1 til Liverpool").
_BEATEN_BY = (
    r"lost to|lose to|loses to|beaten by|defeated by|(?:defeat|loss) (?:to|against)|tabte (?:til|mod)"
    r"|nederlag (?:til|mod)|(?:verloor|verliest) (?:van|tegen)|nederlaag tegen|(?:verlor|verliert) gegen"
    r"|niederlage gegen|unterlag|unterliegt|(?:perse|perde) (?:contro|con)|sconfitta contro|battuto da"
    r"|perdió (?:ante|contra|con)|cayó ante|derrota (?:ante|contra)|perd contre|perd face à|défaite contre"
    r"|s'incline face à|s'incline devant|battu par"
    r"|(?:è stato|è stata|sono stati|è uscito|è uscita) sconfitt[oai]"
    r" (?:sul terreno del|sul campo del|in casa del|dal|dalla)"
)
_GAP = r"\s+(?:\d{1,2}\s?[-:–]\s?\d{1,2}\s+)?"  # "won 2-0 against", "tabte 0-1 til"
_FIGHT = re.compile(
    rf"(?<!\w)(?:(?i:(?P<beat>{_BEATEN.replace(' ', _GAP)}))|(?i:(?P<by>{_BEATEN_BY.replace(' ', _GAP)})))"
    rf"(?:\s+\S+){{0,2}}?\s+{_ARTICLE}(?P<team>{_TEAM_NAME})"
)


def _winner_told(context: dict[str, Any], home: str, away: str, scores: tuple[int, int]) -> tuple[int, int]:
    """The scores, with the most goals for the team the score's own sentence says won.

    A small model keeps the written order of the numbers and of the names ("Atalanta ... de 0-2
    overwinning tegen Liverpool" -> Atalanta 0, Liverpool 2): a word for beating someone next to
    one of the two teams says which team lost. A draw, or no such word, leaves the answer as it is.
    """
    if scores[0] == scores[1]:
        return scores
    passage = context["passage"]
    written = re.search(rf"(?<!\d){context['first']}\s?[-:–]\s?{context['second']}(?!\d)", passage)
    at = written.start() if written else len(passage)
    # an only goal in words is told after the win: "ontdeed City zich van Olympiakos. ... het enige doelpunt";
    # so is a score whose sentence names neither team: "door te winnen van en bij Helmond Sport. Het duel
    # ... eindigde in 1-2."
    sentence = passage.rfind(". ", 0, at) + 1 if context["score"][0].isdigit() else 0
    if sentence and not any(_in_passage(team, passage[sentence:]) for team in (home, away)):
        sentence = 0
    stop = passage.find(". ", at)
    for hit in _FIGHT.finditer(passage, sentence, stop if stop >= 0 else len(passage)):
        named = [same_team(hit["team"], team) or _in_passage(team, hit["team"]) for team in (home, away)]
        if named.count(True) != 1:
            continue
        loser_is_home = named[0] == bool(hit["beat"])
        high, low = max(scores), min(scores)
        return (low, high) if loser_is_home else (high, low)
    return scores


#: A score "in favour of" the visitors or the hosts, right after it: "det endte 2-1 til gæsterne".
_FAVOURED = re.compile(
    r"[ \t]*(?:til|for|für|fur|voor|para|pour|per|in favore|a favore)\s+(?:de|the|die|den|dem|los|las|les|gli|i|le|la)?"
    r"\s*(?:(?P<away>gæsterne|gaesterne|gæster|udeholdet|visitors|visiting side|away side|guests|gäste|gaste|gasten"
    r"|bezoekers|visitantes|visiteurs|ospiti)|(?P<home>hjemmeholdet|værterne|vaerterne|hosts|home side|gastgeber"
    r"|hausherren|thuisploeg|locales|locaux|padroni di casa))\b"
)


def _favoured_order(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """The pair turned round where the score went to the visitors and the answer has the home side winning."""
    side = _favoured_side(context)
    if side and scores[0] != scores[1] and (scores[0] > scores[1]) == (side == "away"):
        return away, home, (scores[1], scores[0])  # "det endte 2-1 til gæsterne"
    return home, away, scores


def _favoured_side(context: dict[str, Any]) -> str | None:
    """"away" or "home" where the words right after the written score say whom it went to."""
    passage = context["passage"]
    written = re.search(rf"(?<!\d){context['first']}\s?[-:–]\s?{context['second']}(?!\d)", passage)
    if written is None:
        return None
    hit = _FAVOURED.match(fold_text(passage[written.end() : written.end() + 40]))
    if hit is None:
        return None
    return "away" if hit["away"] else "home"


#: "between A and B" in the task's languages: the sentence names the match's two teams itself.
_BETWEEN = re.compile(
    rf"\b(?:between|mellem|tussen|zwischen|tra|fra|entre)\s+{_ARTICLE}(?P<a>{_TEAM_NAME})"
    rf"\s+(?:and|og|en|und|e|et|y)\s+{_ARTICLE}(?P<b>{_TEAM_NAME})"
)


def _between(context: dict[str, Any]) -> tuple[str, str] | None:
    """The two teams a score's own sentence names as "between A and B", first named first; else None."""
    passage = context["passage"]
    score = re.search(rf"{context['first']}\s?[-:–]\s?{context['second']}", passage)
    if score is None:
        return None
    sentence = max(passage.rfind(". ", 0, score.start()) + 1, 0)
    hits = [hit for hit in _BETWEEN.finditer(passage, sentence, score.start())
            if not any(_LEAGUE_WORD.search(fold_text(hit[side])) for side in ("a", "b"))]  # fmt: skip
    if not hits and context["first"] == context["second"]:  # "FC Goa and SC East Bengal played out a 1-1 draw"
        hits = list(_PAIR_DREW.finditer(passage, sentence, score.start()))
    return (hits[-1]["a"].rstrip(".,;:"), hits[-1]["b"].rstrip(".,;:")) if hits else None


#: Two clubs, then the verb of their draw: "FC Goa and SC East Bengal played out a 1-1 draw", "Ajax en PSV
#: speelden met 2-2 gelijk", "Köln und Mainz trennten sich 1:1": the first named is home where no host is told.
_PAIR_DREW = re.compile(
    rf"(?<![\w-]){_ARTICLE}(?P<a>{_TEAM_NAME})\s+(?:and|og|en|und|e|et|y)\s+{_ARTICLE}(?P<b>{_TEAM_NAME})\s+"
    r"(?i:played out|drew|shared|speelden|trennten sich|spielten|se sont quitt[ée]s|ont partag[ée]|pareggiano"
    r"|hanno pareggiato|empataron|empatan|igualaron|spillede|delte)\b"
)


#: "the clash between the Northern and Southern Division": two divisions, no clubs.
_LEAGUE_WORD = re.compile(r"\b(?:division|divisie|league|liga|ligue|conference|serie|cup|pokal|coupe|copa|coppa)$")


_WIN_VERB = (
    r"won|wins|win|vandt|vinder|gewann|gewinnt|siegte|siegt|wint|won|gagne|a gagné|l'emporte|s'impose|ganó|gana"
    r"|se impuso|vince|ha vinto|vinse|s'è imposto|si è imposto"
)
_AWAY_WORD = r"ude|away|auswärts|uit|à l'extérieur|fuera de casa|in trasferta"
_HOME_WORD = r"hjemme|at home|zu hause|zuhause|thuis|à domicile|en casa|in casa"
_AGAINST = r"over|mod|against|gegen|contre|face à|contra|ante|tegen|van|contro|sur"
_AT = r"at|bei|beim|in|à|chez|bij|en casa de|en casa del|in casa del|in casa di"


def _host_then_score(
    context: dict[str, Any], home: str, away: str, scores: tuple[int, int]
) -> tuple[str, str, tuple[int, int]]:
    """The host and the score in brackets written right after it, host first: "derby bij FC Twente (5-0)".

    The score then reads from the host's side; else the answer as it is.
    """
    passage = fold_text(context["passage"])
    for team, other in ((home, away), (away, home)):
        written = re.search(rf"{_AT_HOST}{re.escape(fold_text(team))}\s*\((\d{{1,2}})\s?[-:–]\s?(\d{{1,2}})\)", passage)
        if written and sorted(map(int, written.groups())) == sorted(scores):
            return team, other, (int(written.group(1)), int(written.group(2)))
    return home, away, scores


def _won_over(
    context: dict[str, Any], answer: tuple[str, str] | None = None
) -> tuple[str, str, tuple[int, int]] | None:
    """(home, away, scores) when the score's own sentence says who beat whom, else None.

    "vandt FC Thy-Thisted med 2-0 ude over Fortuna Hjørring", "Brøndby won 2-1 away at Kolding",
    "FC Nordsjælland vandt 4-0 hjemme over AGF": the winner is named with the verb, the loser after
    the score; "ude" / "at" make the loser the host, "hjemme" the winner, else the winner, named
    first, is home (as where no one is said to have hosted). Of a loss ("Metz s'incline à Rennes
    (1-0)", "Ajax, which lost 1-0 at Liverpool") the same; where a relative clause tells no host
    ("Ajax, der tabte 0-1 til Liverpool"), the order of the model's `answer` when it names the two.
    The model tends to take the first club of the passage instead, which in a round-up's prose is
    often the previous sentence's.
    """
    first, second = context["first"], context["second"]
    score = rf"(?<!\d){first}\s?[-:–]\s?{second}(?!\d)|(?<!\d){second}\s?[-:–]\s?{first}(?!\d)"
    if first == second:
        return _drawn_at_home(context["passage"], score, first)
    tail = (
        rf"(?:(?:med|mit|met|by|con|par|avec)\s+)?(?:{score})\s+(?:(?P<where>{_AWAY_WORD}|{_HOME_WORD})\s+)?"
        rf"(?:(?P<against>{_AGAINST})|(?P<at>{_AT}))\s+{_ARTICLE}(?P<loser>{_TEAM_NAME})"
    )
    told = re.compile(
        rf"(?:(?P<winner>{_TEAM_NAME})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,2}}?(?i:{_WIN_VERB})"
        rf"|(?<!\w)(?i:{_WIN_VERB})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,2}}?{_ARTICLE}(?P<winner2>{_TEAM_NAME}))\s+{tail}"
    )
    passage = context["passage"]
    high, low = max(first, second), min(first, second)
    for hit in told.finditer(passage):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"] or hit["winner2"], hit["loser"]))
        if same_team(winner, loser):
            continue
        where = (hit["where"] or "").casefold()
        loser_hosts = bool(hit["at"]) or bool(where and re.fullmatch(_AWAY_WORD, where))
        return (loser, winner, (low, high)) if loser_hosts else (winner, loser, (high, low))
    lost = re.compile(
        rf"(?P<loser>{_TEAM_NAME})(?:,\s+(?i:{_WHO}))?\s+(?:[a-zæøåäöüéèàí]+\s+){{0,2}}?(?i:{_LOSS_VERB})\s+"
        rf"(?:(?P<before>{score})\s+)?"
        rf"(?:(?P<at>{_AT})|(?:{_AGAINST}|to|til|tegen|face à|devant))\s+{_ARTICLE}(?P<winner>{_TEAM_NAME})"
        rf"(?(before)|\s*\(?(?:{score}))"
    )  # "Metz s'incline à Rennes (1-0)", "Ajax, which lost 1-0 at Liverpool", "Ajax, der ... tabte 0-1 til Liverpool"
    for hit in lost.finditer(passage):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"], hit["loser"]))
        if same_team(winner, loser):
            continue
        if hit["at"]:
            return winner, loser, (high, low)
        if hit["before"] and answer and _same_pair(answer, (winner, loser)) and same_team(answer[0], winner):
            return winner, loser, (high, low)  # "Ajax, der ... tabte 0-1 til Liverpool": no host told, the model's
        return loser, winner, (low, high)
    lower = r"(?:(?:[a-zà-ÿ][\w'’-]*,?|\(\d{1,2}\s?[-–]\s?\d{1,2}\))\s+)"  # small words, a first leg "(0-6)"
    dealt = re.compile(
        rf"(?P<winner>{_TEAM_NAME})\s+(?:(?:dat|die)\s+{lower}{{0,6}}?(?P<loser>{_TEAM_NAME})\s+{lower}{{0,10}}?"
        rf"een\s+{lower}?(?i:{_DEFEAT_NOUN})\s+(?:(?:had|heeft|hebben)\s+)?(?i:{_DEALT})"
        rf"|(?i:{_DEALT})\s+(?P<loser2>{_TEAM_NAME})\s+een\s+{lower}{{0,2}}(?i:{_DEFEAT_NOUN}))\s*\(?(?:{score})"
    )  # "Mönchengladbach dat eerder op de avond Sjachtar Donetsk ... een pandoering had verkocht (4-0)"
    written = re.search(score, passage)
    own = passage.rfind(". ", 0, written.start()) if written else len(passage)  # the score's own sentence
    for hit in dealt.finditer(passage, own + 2 if own >= 0 else 0):
        winner, loser = (name.rstrip(".,;:") for name in (hit["winner"], hit["loser"] or hit["loser2"]))
        if not same_team(winner, loser):
            return winner, loser, (high, low)
    return None


#: Dutch: the winner "deals" the loser a defeat ("X bezorgde Y een nederlaag", "Y een pandoering verkopen").
_DEFEAT_NOUN = r"nederlaag|pandoering|afstraffing|oorwassing|pak slaag|loer|draai om de oren"
_DEALT = r"verkocht|verkochten|bezorgd|bezorgde|bezorgden|toegediend|toediende|aangesmeerd|gegeven|gaf"


def _drawn_at_home(passage: str, score: str, goals: int) -> tuple[str, str, tuple[int, int]] | None:
    """(host, visitor, score) of a draw its sentence says was at home, else None.

    "Marseille ... a perdu des points lors d'un match nul 1-1 à domicile avec Rennes": the host is
    the club named last before the score in its sentence.
    """
    drawn = re.compile(
        rf"(?:{score})\s+(?i:{_HOME_WORD})\s+(?i:{_AGAINST}|to|with|avec|mit|met|con|contre|face à|gegen|tegen)\s+"
        rf"{_ARTICLE}(?P<visitor>{_TEAM_NAME})"
    )
    for hit in drawn.finditer(passage):
        sentence = passage[passage.rfind(". ", 0, hit.start()) + 1 : hit.start()]
        before = [name.rstrip(".,;:") for name in re.findall(_TEAM_NAME, sentence)]
        host, visitor = (before[-1] if before else ""), hit["visitor"].rstrip(".,;:")
        if host and not same_team(host, visitor):
            return host, visitor, (goals, goals)
    return None


#: A relative pronoun after a club and its comma: "Ajax, which lost 1-0 at Liverpool".
_WHO = r"which|who|that|der|som|die|welche|welcher|qui|che|que|quien"
_LOSS_VERB = (
    r"lost|loses|lose|went down|tabte|taber|verlor|verliert|verloor|verliest|a perdu|perdu|perd|s'incline|s'est incliné"
    r"|perdió|pierde|cayó|cae|perde|ha perso"
)


def _answer_names(written: str, answer: tuple[str, str]) -> str:
    """The answer's name for a club a sentence names with words around it.

    A headline run into the lede ("... des Jahres Leverkusen gewinnt 2:0") makes "Jahres
    Leverkusen" of "Leverkusen".
    """
    words = written.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        for name in answer:
            if name and fold_text(tail) == fold_text(name):
                return name
    return written


def _same_pair(one: tuple[str, str], two: tuple[str, str]) -> bool:
    """Whether two pairs of names are the same two clubs, in either order."""
    return (same_team(one[0], two[0]) and same_team(one[1], two[1])) or (
        same_team(one[0], two[1]) and same_team(one[1], two[0])
    )


def _in_passage(team: str, passage: str) -> bool:
    """The passage names the team: its whole name or a telling word of it ("Atalanta" of "Atalanta Bergamo")."""
    folded = fold_text(passage)
    words = [w for w in re.findall(r"\w+", fold_text(team)) if len(w) >= 4 and w not in _PLAIN_NAME_WORDS]
    # a long word may be glued to the one before it by the page's markup ("DivisieExcelsior")
    return any(
        re.search(rf"(?<!\w){re.escape(word)}" if len(word) < 6 else re.escape(word), folded)
        for word in [fold_text(team).strip(), *words] if word
    )  # fmt: skip


_NAME_RUN = re.compile(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’.-]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’.-]+){0,2}")
_MISCOPY_RATIO = 0.8


def _as_written(team: str, passage: str) -> str:
    """The passage's own spelling of a club the model miscopied ("Patrato" for "Patronato"), else `team`.

    Only a capitalised run of the passage that starts like the answer and differs from it by a
    letter or two (ratio >= 0.8); the answer stands where the passage names it, or nothing is close.
    """
    if _in_passage(team, passage) or len(team) < 5:
        return team
    folded = fold_text(team)
    best, best_ratio = team, _MISCOPY_RATIO
    for hit in _NAME_RUN.finditer(passage):
        words = hit.group().split()
        runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
        for run in dict.fromkeys(runs):
            candidate = fold_text(run.rstrip(".,"))
            if candidate[:3] != folded[:3]:
                continue
            ratio = difflib.SequenceMatcher(None, folded, candidate).ratio()
            if ratio >= best_ratio and ratio < 1.0:
                best, best_ratio = run.rstrip(".,"), ratio
    return best


def _pair(home: str, away: str) -> frozenset[str]:
    return frozenset((team_key(home), team_key(away)))


def _stubs(answers: Answers, grounder: Grounder) -> list[MatchStub]:
    """The matches: results lines read by code, then step 1's answers; each reported pair once."""
    out: list[MatchStub] = []
    seen: set[frozenset[str]] = set()
    text = grounder.cleaned.text
    listed = [*(stub for stub, _, _ in summary_results(text)), *listed_results(text)]
    listed += [stub for stub in idiom_results(text) if not any(_shares_team(stub, other) for other in listed)]
    listed += [stub for stub in sheet_results(text) if not any(_shares_team(stub, other) for other in listed)]
    joined = {team_key(f"{s.home_team} {s.away_team}") for s in listed}
    strong, weak, said = _final_results(answers, grounder)
    strong, weak = [_named(stub, grounder) for stub in strong], [_named(stub, grounder) for stub in weak]
    first = 0  # results lines, then the pairs whose own sentence says who beat whom: kept before the rest
    for number, stub in enumerate([*listed, *strong]):
        pair = _pair(stub.home_team, stub.away_team)
        if pair in seen or team_key(stub.home_team) in joined or team_key(stub.away_team) in joined:
            continue
        seen.add(pair)
        out.append(stub)
        first += number < len(listed) + said
    out = _once_per_team(out, first, grounder)
    # a result whose teams only the lede names counts where no better result has either team
    weak = [stub for stub in weak if not any(_shares_team(stub, other) for other in out)]
    return [_sheet_order(stub, text) for stub in [*out, *_once_per_team(weak, 0, grounder)]]


def _named(stub: MatchStub, grounder: Grounder) -> MatchStub:
    """The model's names as the article writes the clubs; a pair naming one club twice gets its opponent."""
    stub = stub.model_copy(update={"home_team": _club_name(stub.home_team, grounder),
                                   "away_team": _club_name(stub.away_team, grounder)})  # fmt: skip
    return _with_opponent(stub, grounder) if same_team(stub.home_team, stub.away_team) else stub


def _shares_team(stub: MatchStub, other: MatchStub) -> bool:
    return any(same_team(one, two) for one in (stub.home_team, stub.away_team)
               for two in (other.home_team, other.away_team))  # fmt: skip


def _once_per_team(stubs: list[MatchStub], listed: int, grounder: Grounder) -> list[MatchStub]:
    """A team plays one match of a round: of the model's results that share a team, keep one.

    Results lines come first; then the result the article supports, with the most goals (a running
    score paired with the wrong opponent loses to the final), whose teams it names most often.
    """
    def rank(item: tuple[int, MatchStub]) -> tuple[int, int, int, int]:
        index, stub = item
        named = len(_mentions_of_team(grounder, stub.home_team)) + len(_mentions_of_team(grounder, stub.away_team))
        supported = index < listed or _stub_supported(stub, grounder)
        return (index >= listed, not supported, -(stub.home_score + stub.away_score), -named)

    kept: list[tuple[int, MatchStub]] = []
    for index, stub in sorted(enumerate(stubs), key=rank):
        if index >= listed and any(_shares_team(stub, other) for _, other in kept):
            continue
        kept.append((index, stub))
    return [stub for _, stub in sorted(kept, key=lambda item: item[0])]


_NOT_A_CLUB = frozenset(
    {"the", "this", "that", "after", "before", "with", "when", "while", "their", "they", "serie", "liga", "league",
     "premier", "champions", "stadium", "stadio", "estadio", "stade", "coach", "manager"}
)  # fmt: skip


def _with_opponent(stub: MatchStub, grounder: Grounder) -> MatchStub:
    """A pair that names one club twice ("Roma" v "AS Roma"): the other side from the result's sentence.

    The opponent is the capitalised name in the sentence that states the score which the article
    names most often (three times at least); with none, the pair stays as it was and is dropped.
    """
    folded = grounder.folded_text
    team = fold_text(stub.home_team)
    for hit in score_pattern(stub.home_score, stub.away_score).finditer(folded):
        start = _sentence_start(folded, hit.start())
        stops = [i for i in (folded.find(". ", hit.end()), folded.find("\n", hit.end())) if i >= 0]
        end = min([*stops, len(folded)])
        sentence_start, sentence_end = grounder.to_original(start, end)
        sentence = grounder.cleaned.original[sentence_start:sentence_end]
        counts: dict[str, int] = {}
        for word in re.findall(r"(?<![\w'’])[A-ZÀ-ÞØÆÅ][\w'’\-]{3,}", sentence):
            key = fold_text(word)
            if key in _NOT_A_CLUB or key in team or _WEEKDAY_PREFIX.match(word + " "):
                continue
            counts[word] = len(grounder.find_all(word))
        best = max(counts.items(), key=lambda item: item[1], default=None)
        if best is not None and best[1] >= 3:
            return stub.model_copy(update={"away_team": best[0]})
    return stub


#: A club joined to a player's role, then his name: Dutch/German/Danish compounds ("Rouveen-aanvaller
#: Daimen Schra", "VfB-Stürmer Silas Wamangituka", "Hobro-spilleren").
_ROLE_COMPOUND = re.compile(
    r"^(?P<club>[A-ZÀ-ÞØÆÅ][\w'’.]*)-(?i:aanvaller|verdediger|middenvelder|spits|doelman|keeper|trainer|coach"
    r"|stürmer|verteidiger|mittelfeldspieler|torwart|torhüter|profi|spieler|spilleren|angriber|forsvarer|træner"
    r"|målmand|kaptajn|aanvoerder|kapitän)(?:\s+[A-ZÀ-ÞØÆÅ][\w'’-]+)*$"
)


def _club_name(team: str, grounder: Grounder) -> str:
    """The club's name as the article writes it, where the model gave a word of it.

    "Mailand" of "Inter Mailand" (a known club name in the text) is "Inter Mailand"; the German
    demonym "Dortmunder" ("die Dortmunder") is "Dortmund" when the article also writes that.
    """
    role = _ROLE_COMPOUND.match(team)
    if role:  # "Rouveen-aanvaller Daimen Schra": the club of a player's role, not a club
        return role["club"]
    folded = fold_text(team).strip()
    if not folded or " " in folded or folded in CLUB_ALIASES or folded in CLUB_ALIASES.values():
        return team
    for key in CLUB_ALIASES:
        if " " in key and folded in key.split():
            hits = grounder.find_all(key)
            if hits:
                start, end = grounder.to_original(*hits[0])
                return grounder.cleaned.original[start:end]
    if len(folded) >= 6 and folded.endswith("er"):
        hits = grounder.find_all(team[:-2])
        if hits:
            start, end = grounder.to_original(*hits[0])
            return grounder.cleaned.original[start:end]
    return team


def _stub_supported(stub: MatchStub, grounder: Grounder) -> bool:
    return (
        not same_team(stub.home_team, stub.away_team)
        and grounder.locate(stub.home_team) is not None
        and grounder.locate(stub.away_team) is not None
        and score_stated(grounder.folded_text, stub.home_score, stub.away_score, (stub.home_team, stub.away_team))
    )


def _detail_contexts(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """One question per match that survives the article's own check (saves calls)."""
    cards = _CARD_WORDS.search(grounder.folded_text) is not None
    summarised = {_pair(stub.home_team, stub.away_team) for stub, _, _ in summary_results(grounder.cleaned.text)}
    return [
        {"index": index, **stub.model_dump(), "cards_mentioned": cards}
        for index, stub in enumerate(_stubs(answers, grounder))
        if _stub_supported(stub, grounder) and _said_more_than_once(stub, grounder)
        and _pair(stub.home_team, stub.away_team) not in summarised  # a wire summary lists it all
    ]


#: Words of a club name that do not tell it apart ("FC", "United"): not counted as a mention.
_PLAIN_NAME_WORDS = frozenset(
    {"united", "city", "real", "club", "sporting", "athletic", "olympique", "borussia", "calcio", "town", "county"}
) | _CLUB_AFFIXES


#: A line that tells who scored ("gol del baby fenomeno Haaland"), in the project's languages.
_SCORED_WORDS = re.compile(
    r"\b(?:goals?|scored|gol|goles|tore?|treffer|doelpunt(?:en)?|scoorde|buts?|rete|reti|segna\w*|marc[oó]|mal"
    r"|scorede|scorer)\b"
)


def _mentions_of_team(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """Where the article names a team: its whole name, or a telling word of it, also inflected.

    "Kölns Bittencourt" names Köln; "Phoenix coach" names Wellington Phoenix.
    """
    words = [w for w in re.findall(r"\w+", fold_text(team)) if len(w) >= 4 and w not in _PLAIN_NAME_WORDS]
    spans = set(grounder.find_all(team))
    for word in words or [fold_text(team).strip()]:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?:s|es|'s|’s|'|’)?(?!\w)")
        spans.update((hit.start(), hit.end()) for hit in pattern.finditer(grounder.folded_text))
    return sorted(spans)


def _capitalised_mentions(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """The team's mentions that start with a capital (or a digit) in the original text."""
    original = grounder.cleaned.original
    return [
        (start, end) for start, end in _mentions_of_team(grounder, team)
        if not original[grounder.to_original(start, end)[0]].islower()
    ]  # fmt: skip


#: Words for a match that a small model copies as a club ("Kampen i Aarhus endte 1-1"), folded.
_MATCH_WORDS = frozenset(fold_text(word) for word in (
    "Kampen", "Kamp", "Opgøret", "Das Spiel", "Spiel", "Partie", "Die Partie", "The match", "Match", "The game", "Game",
    "De wedstrijd", "Wedstrijd", "La partita", "Partita", "El partido", "Partido", "Le match", "La rencontre",
    "Rencontre", "Encuentro", "Incontro", "Derby", "Duel", "Duell",
    "Minute", "Minuten", "Spielminute", "Minuto", "Minut", "Minuut", "Halbzeit", "Pause",  # "45.+2 Minute- X 2 :1"
))  # fmt: skip
#: A dateline: a place opening a paragraph, then its agency or a stop ("Genova. Si è giocata ...",
#: "Bernburg/MZ/fk. - ...", "BERLIN (dpa) -"); the place is where the story was filed, not a club.
_DATELINE_AFTER = re.compile(r"(?:\.[ \t]+(?=[A-ZÀ-Þ])|/[A-Za-z]|[ \t]*\([\w ]{1,12}\)[ \t]*[-–])")


def _one_inside_other(home: str, away: str) -> bool:
    """A pair whose one name is all of the other's words ("VSK Aarhus" against "Aarhus"): one club, answered twice."""
    a, b = (fold_text(team) for team in (home, away))
    inside = [re.search(rf"(?<!\w){re.escape(x)}(?!\w)", y) for x, y in ((a, b), (b, a))]
    return a != b and bool(a and b) and any(hit is not None for hit in inside)


def _is_club(grounder: Grounder, team: str) -> bool:
    """Whether the article names the team as a club: capitalised, not only as its dateline.

    Not the word for the match either ("Kampen i Aarhus endte 1-1": "Kampen" is the match, not the opponent).
    """
    folded = fold_text(team)
    if folded in _MATCH_WORDS or folded in _SQUAD_WORDS or _PLACE_WORD.search(folded):
        return False
    return bool(_club_mentions(grounder, team))


#: A squad of a club, not a club: "SENIORS 1:4-ECHENEVEX:2" on a club's own site is its first team.
_SQUAD_WORDS = frozenset(
    {"seniors", "senior", "seniors 1", "seniors 2", "juniors", "reserves", "reserve", "equipe 1", "equipe 2",
     "l'equipe 2", "first team", "u19", "u17", "u21", "u23", "a-junioren", "b-junioren", "talenter", "damen",
     "herren", "frauen", "femenino", "juvenil", "cadete", "allievi", "primavera", "jeugd"}
)  # fmt: skip
#: A ground or a street, not a club: "på Peter Bangs Vej" (a training ground's road), "Hampden Park" is a
#: stadium too but "Park" also ends clubs' names ("Queen's Park"), so it is not here.
_PLACE_WORD = re.compile(
    r"(?:vej|gade|strasse|straße|stadion|sportpark)$"
    r"|\b(?:alle|road|street|lane|avenue|calle|rue|laan|straat|weg|estadio|stadio|stadium|arena)\b"
)  # not "stade": it opens clubs' names ("Stade Rennais")


def _club_mentions(grounder: Grounder, team: str) -> list[tuple[int, int]]:
    """The capitalised mentions of a team that are not the article's dateline."""
    original = grounder.cleaned.original
    mentions = []
    for start, end in _capitalised_mentions(grounder, team):
        a, b = grounder.to_original(start, end)
        line_start = original.rfind("\n", 0, a) + 1
        if not original[line_start:a].strip() and _DATELINE_AFTER.match(original, b):
            continue
        mentions.append((start, end))
    return mentions


def _said_more_than_once(stub: MatchStub, grounder: Grounder) -> bool:
    """Whether there is more to ask about a match than its result.

    Not for a match whose teams the article names only once, with no minute on that line or the
    next (a results box: "OB-Vejle 0-1 Søndag Randers FC-FC Nordsjælland 3-4"); yes when they
    are named again (by a telling word of the name, also inflected: "Kölns"), or those lines list
    the scorers ("Rayo 1-Barcelona 1. Goles: 40' Yamal").
    """
    text = grounder.folded_text
    for team in (stub.home_team, stub.away_team):
        mentions = _mentions_of_team(grounder, team)
        if len(mentions) > 1:
            return True
        for start, end in mentions:
            # its own line and the next one ("SM Caen 0-1 Bordeaux" / "But : Sankharé (19e) ...")
            line_end = text.find("\n", end)
            next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
            lines = text[start : next_end if next_end >= 0 else len(text)]
            own_line = text[start : line_end if line_end >= 0 else len(text)]
            if _MINUTE_EXPR.search(lines) or _SCORED_WORDS.search(own_line):
                return True
    return False


def _evidence(stub: MatchStub, grounder: Grounder) -> str | None:
    """The words around the score that state the result (preferring a hit naming both teams)."""
    text = grounder.folded_text
    names = [fold_text(stub.home_team), fold_text(stub.away_team)]
    best: tuple[int, int] | None = None
    for hit in score_pattern(stub.home_score, stub.away_score).finditer(text):
        start = max(text.rfind(". ", 0, hit.start()) + 2, text.rfind("\n", 0, hit.start()) + 1, hit.start() - 90)
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        end = min([*stops, hit.end() + 90, len(text)])
        if start > 0 and text[start - 1].isalnum():  # never cut a word
            start = text.find(" ", start) + 1 or hit.start()
        if end < len(text) and text[end].isalnum():
            end = max(text.rfind(" ", hit.end(), end), hit.end())
        found = sum(name in text[start:end] for name in names)
        if best is None or found == 2:
            best = (start, end)
            if found == 2:
                break
    if best is None:
        return None
    start, end = grounder.to_original(*best)
    return grounder.cleaned.original[start:end].strip() or None


# ---------------------------------------------------------------------------------------
# Scorer and card lines, read by code: "Tore: 1:0 Andersson (43./Elfmeter), 2:0 Gogia (79.)",
# "Goles: 40' Lamine Yamal, de penal (B); 67' Fran Pérez (RV)", "Buts : Sliti (58e) et Tavares
# (62e) pour Dijon // Diakité (33e) pour le Téfécé", "Ammoniti: Kulusevski (J), Darmian (I)".
# A small model loses half of such a list; its format says who scored, when and for whom.

_HEAD_START = r"(?:^[ \t]*[-*•]?[ \t]*|(?<=[.;|)])[ \t]+)"  # ")": "Fredensborg BI – Allerød FK 0 – 1 (0-1) Målscore:"
_GOALS_HEAD = re.compile(
    _HEAD_START + r"(?:[A-ZÀ-ÞØÆÅ]{3,}[ \t]+)?"  # a section label before it: "1. DIVISION Mål: 1-0 Hallur Hansson"
    r"(?i:(?:die|das|the|les|los|i|de|le|el|het)[ \t]+)?"  # "Die Tore: 10. Thiaw (Eigentor) 0:1"
    r"(?i:tore|tor|torschützen|torschütze|torschützin|torfolge|goals?|goalscorers?|scorers?|goles|gol|goleadores|buts?|reti"
    r"|marcatori|marcatore|doelpunten|doelpuntenmakers|scoreverloop|mål|målscorere|målscorer|målscore|målene)"
    r"(?:[ \t]?:[ \t]*|[ \t]+(?=\d{1,2}-\d{1,2},[ \t]*min))"  # "Goles 0-1, min.27: Iván; 0-2, min.40: ..."
    # a sequence head alone on its line, no colon: "Torfolge" then "0:1 (13')SV Hoffeld II", "1:1 (87')Aggelos Skortas"
    r"|^[ \t]*(?i:torfolge|torschützen|scoreverloop|goalscorers|målscorere|doelpuntenmakers|marcatori)[ \t]*(?=\n)",
    re.MULTILINE,
)
_YELLOW_HEAD = (
    r"ammonit[io]|ammonizioni|gelb|gelbe karten?|verwarnungen|yellow cards?|bookings?|booked|cautioned|amonestados?"
    r"|amonestaciones|tarjetas amarillas|avertissements?|cartons jaunes|gule kort|advarsler|gele kaarten?|geel"
)
_RED_HEAD = (
    r"espuls[io]|gelb-rote karten?|gelb/rote karten?|gelb-rot|gelb/rot|doble amarilla"
    r"|rot|rote karten?|platzverweise?|red cards?|sent off|expulsados?|expulsión|exp"
    r"|tarjetas? rojas?|expulsions?|exclusions?|cartons? rouges?|røde? kort|rødt kort|udvist|udvisninger"
    r"|rode kaarten?|rood"
)
_CARDS_HEAD = re.compile(
    _HEAD_START + rf"(?P<kind>(?i:{_RED_HEAD}|{_YELLOW_HEAD}))[ \t]?:[ \t]*", re.MULTILINE
)
#: An Italian sheet's notes name the booked and the sent off without a colon: "NOTE: Ammoniti Santi, Pozzi.
#: Espulso Di Stasio." (a name follows at once).
_BARE_CARDS_HEAD = re.compile(r"(?:^|(?<=[.:;]))[ \t]*(?P<kind>Ammonit[io]|Espuls[io])[ \t]+(?=[A-ZÀ-Þ])", re.MULTILINE)
#: "... . Ast: 14.438", "Exp:"; not a name before a running score ("67. Baumgartlinger 0:2")
_NEXT_HEAD = re.compile(r"(?:[.;]\s+|\s+)(?=[A-ZÀ-Þ][\w.]*(?:[ -][^\W\d]\w*)?\s?:(?!\d))")
_SECOND_YELLOW_TEXT = re.compile(
    r"(?i)doppia ammonizione|second yellow|2nd yellow|second bookable|two yellow|two bookings|gelb-rot|gelb/rot"
    r"|zweite gelbe|twee keer geel|doble amarilla|segunda amarilla|seconda ammonizione"
    r"|deuxième avertissement|double avertissement|second avertissement|andet gule|tweede gele|twee gele"
)
_PEN_FLAG = (
    r"pen\.?|penalty|foulpenalty|rig\.?|rigore|sp|s\.p\.|penal|de penalti|de penal|penalti|elfmeter|foulelfmeter|fe"
    r"|straffe"
)
_OG_FLAG = r"o\.g\.|own goal|csc|c\.s\.c\.|aut\.?|autogol|autorete|en contra|e\.c\.|p\.p\.|eigentor|selvmål"
_NAME_WORD = r"[A-ZÀ-ÞØÆÅ][\w'’´\-]*\.?"  # "´": a broken accent of wire copy ("Mitrovi´c")
_PARTICLE = r"(?:de|da|do|dos|di|del|della|van|von|der|den|ter|ten|el|al|bin|ibn)[ ]"
_LINE_TOKEN = re.compile(
    r"(?P<paren>\((?P<inner>[^()]{0,40})\))"
    r"|(?P<score>(?<![\d+])\d{1,2}[ ]?[:\-–][ ]?\d{1,2}(?![\d'’′+]|\.\d))"  # "0:1. 91. Wamangituka 0:2."
    r"|(?P<minute>(?<![\w+])\d{1,3}(?:[ ]?(?:['’′]|\.|e\b|eme\b))?(?:[ ]?\+[ ]?\d{1,2}[ ]?['’′]?)?"
    r"(?:[ ]?(?:pt|st|p\.t\.?|s\.t\.?)(?!\w))?)"
    r"|(?P<side>//|\||(?<=[ ])[–—-](?=[ ]))|(?P<group>;)"  # "Baby (5′) – Gragnic (20′)": the two sides
    rf"|(?P<pen>(?i:(?<!\w)(?:{_PEN_FLAG})(?!\w)))"
    rf"|(?P<og>(?i:(?<!\w)(?:{_OG_FLAG})(?!\w)))"
    r"|(?:pour|for|für|voor|per|à)[ ]+(?:(?:le|la|les|the|de|het)[ ]+|l['’])?"
    rf"(?P<ref>{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,2}})"
    rf"|(?P<name>{_NAME_WORD}(?:(?:[ ]|(?<=\.))(?:{_PARTICLE})*{_NAME_WORD}){{0,3}})"
    r"|(?P<connect>(?i:(?<!\w)(?:et|e|and|y|og|en|und|su|al|à|a|at|min\.?|minute|minuto|minuut"
    # a filler between entries: "0-1, Javi Tres de penalti (27´) y 0-2, Javi Tres también de penalti (75´)"
    r"|también|tambien|anche|auch|aussi|also|ook|også|again|ancora|erneut|wieder|nuevamente)(?!\w)))"
    r"|(?P<word>[^\W\d_][\w'’]*)"
)
_TAG = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þa-z]{0,3}$")
_SLASH_TAG = re.compile(
    r"^(?P<head>\d[^/]*)/\s*(?P<both>(?:beide|both|entrambi|tous deux|ambos)\s+)?(?P<tag>[A-ZÀ-ÞØÆÅ][\w.'’ -]{0,15})$"
)  # "(62./TSV)", "(59./beide Schw.-G.)": the minute, then the team (of both cards of the line)
_FLAG_ONLY = re.compile(rf"(?i:{_PEN_FLAG}|{_OG_FLAG})")
_GLUED_FLAG = re.compile(r"(\d)(pen|og)\b", re.IGNORECASE)  # wire copy's "60pen", "55og"
_GLUED = {"pen": "pen", "og": "o.g."}


@dataclass
class _Entry:
    """One goal or card of a line as parsed, with the line's clues to its team."""

    player: str
    minute: int | None = None
    penalty: bool = False
    own_goal: bool = False
    score: tuple[int, int] | None = None
    ref: str | None = None
    side: int = 0
    group: int = 0  # a cards line's ";"-part: "Belghazouani (64e) à Brest; Cavalli (14e), ..."


#: A side's label inside a line: "Buts : USJA Carquefou : Delanoë (27') / Red Star FC : Sabin (37')".
_SIDE_LABEL = re.compile(r"^\s*(?P<team>[A-ZÀ-ÞØÆÅ][\w.'’&-]*(?:[ ][A-ZÀ-ÞØÆÅ0-9][\w.'’&-]*){0,3})[ \t]?:[ \t]+")
_SIDES = re.compile(r"\s(?://|/|\|)\s")


def _labelled_sides(line: str) -> str:
    """Sides labelled by their team ("A : x (27') / B : y (37')") as the reader's form ("x (27') pour A // ...")."""
    parts = _SIDES.split(line)
    labels = [_SIDE_LABEL.match(part) for part in parts]
    if len(parts) < 2 or not all(labels):
        return line
    sides = zip(parts, labels, strict=True)
    return " // ".join(f"{part[label.end():].rstrip(' .;')} pour {label['team']}" for part, label in sides if label)


def _line_body(text: str, start: int) -> str:
    """A line's list from `start` to the line's end or the next "Label:" ("... . Ast: 14.438")."""
    return _line_body_end(text, start)[0]


def _line_body_end(text: str, start: int) -> tuple[str, int]:
    """`_line_body` and where it ends in `text`.

    A head alone on its line takes the entry lines under it ("Scoreverloop:" then "41. Branco
    van den Boomen (pen.) 1-0", "45. Darren Maatsen 1-1", ..., blank lines between them).
    """
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    if not text[start:end].strip():
        entries, position = [], end
        while (line := _ENTRY_LINE.match(text, position)) is not None:
            entries.append(line["entry"].strip())
            position = line.end()
        if entries:
            return ", ".join(entries), position
    body = _labelled_sides(text[start:end])
    stop = _NEXT_HEAD.search(body)
    return (body[: stop.start()], start + stop.start()) if stop else (body, end)


#: One entry of a list written a line each: a minute or a running score, then a short rest.
_ENTRY_LINE = re.compile(
    r"(?:\n[ \t]*)+(?P<entry>(?:\d{1,3}(?:[ ]?\+[ ]?\d{1,2})?[ ]?['’′.]?|\d{1,2}[ ]?[-:–][ ]?\d{1,2})"
    r"(?:[ \t]+|[ \t]*\(\d{1,3}(?:[ ]?\+[ ]?\d{1,2})?[.'’′]?\)[ \t]*)"  # "0:1 (13')SV Hoffeld II"
    r"[^\W\d][^\n]{1,70})(?=\n|$)"
)


def _minute_of(written: str) -> int | None:
    return parse_minute(written)


_SENTENCE_DOT = re.compile(r"(?<=\w\w\w)\.$")
_REASON = 40
#: Where a list goes on after a reason: a separator, then a minute or a name.
_RESUME = re.compile(
    r"(?:;|,|\s(?:e|et|and|y|og|en|und)(?=\s))(?=\s*(?:(?:al|à|a|at|min\.?)\s+)?(?:\d{1,3}\s*['’′.]|[A-ZÀ-ÞØÆÅ]))"
)


def _tokens(body: str) -> list[tuple[str, str]]:
    """(kind, text) of a line, with a parenthesis opened up unless it is a team tag ("(J)")."""
    out: list[tuple[str, str]] = []
    position = 0
    while (hit := _LINE_TOKEN.search(body, position)) is not None:
        position = hit.end()
        kind = hit.lastgroup or ""
        if kind == "inner":
            kind = "paren"
        if kind == "paren":
            inner = hit.group("inner").strip()
            slash = _SLASH_TAG.match(inner)  # "Bandholt (62./TSV)": the minute, then the team
            if _TAG.match(inner):
                out.append(("ref", inner))
            elif slash and not _FLAG_ONLY.fullmatch(slash["tag"]):
                out.extend((k, t) for k, t in _tokens(slash["head"]) if k in ("minute", "pen", "og"))
                out.append(("ref", ("beide " if slash["both"] else "") + slash["tag"].strip()))
            else:
                out.extend((k, t) for k, t in _tokens(inner) if k in ("minute", "pen", "og", "ref"))
            continue
        if kind == "word":
            resume = _RESUME.search(body, hit.start(), hit.start() + _REASON)
            if resume is not None and any(k == "name" for k, _ in out):
                # a short reason before the next entry: "Maestri (Spa) per gioco violento; al 33' s.t. Tonozzi"
                if resume.group() == ";":
                    out.append(("group", ";"))
                position = resume.end()
                continue
            out.append(("word", hit.group()))
            break  # prose after the list ("... Carlos Eduardo (18e) Dans un duel ...")
        if kind != "connect":
            out.append((kind, hit.group(kind) if kind == "ref" else hit.group().strip()))
    return out


def parse_line(body: str) -> list[_Entry]:
    """The goals (or cards) of one line, with minutes, penalty/own-goal flags and team clues.

    Minutes may come before the name ("40' Yamal") or after it ("Sliti (58e)", "Alvarez 17'");
    a flag belongs to the minute before it, else to the next one ("Haaland pen 90+5'"); a team
    tag or "pour X" names the team of every entry since the previous clue.
    """
    tokens = _tokens(_GLUED_FLAG.sub(lambda hit: f"{hit[1]} {_GLUED[hit[2].casefold()]}", body))
    if tokens and tokens[-1][0] == "word":
        tokens.pop()
        if tokens and tokens[-1][0] == "name":
            tokens.pop()  # "Dans" of "Dans un duel ...": prose, not a scorer without a minute
    kinds = [kind for kind, _ in tokens]
    if "name" not in kinds:
        return []
    first = kinds.index("name")
    scores_first = "score" in kinds[:first] or "score" not in kinds
    reader = _LineReader(minutes_first="minute" in kinds[:first], scores_first=scores_first)
    for kind, text in tokens:
        reader.read(kind, text)
    reader.close()
    for entry in reader.entries:
        entry.player = _SENTENCE_DOT.sub("", entry.player)  # "Diego." at the end of the line; "G." stays
    return reader.entries


class _LineReader:
    """State of `parse_line`: the entry being read (its name, minutes and flags) and the clues."""

    def __init__(self, minutes_first: bool, scores_first: bool = True) -> None:
        self.minutes_first = minutes_first
        self.scores_first = scores_first  # "1:0 Andersson (43.)"; else "31. Wamangituka 0:1. 91. ..."
        self.entries: list[_Entry] = []
        self.untagged = 0  # entries since the last team clue
        self.side = 0
        self.score: tuple[int, int] | None = None
        self.slots: list[tuple[int | None, set[str]]] = []  # the open entry's minutes and their flags
        self.waiting: set[str] = set()  # flags written before their minute
        self.name: str | None = None
        self.ref: str | None = None  # a team clue written inside the open entry

    def read(self, kind: str, text: str) -> None:
        if kind == "name":
            if not self.minutes_first or self.name is not None:
                self.close()
            self.name = text
        elif kind == "minute":
            if self.minutes_first and self.name is not None:
                self.close()
            self.slots.append((_minute_of(text), set(self.waiting)))
            self.waiting = set()
        elif kind in ("pen", "og"):
            (self.slots[-1][1] if self.slots else self.waiting).add(kind)
        elif kind == "score":
            home, away = re.split(r"[ ]?[:\-–][ ]?", text)
            if not self.scores_first and self.name is not None:
                self.score = (int(home), int(away))  # the score the open entry made
                self.close()
                return
            self.close()
            self.score = (int(home), int(away))
        elif kind == "ref":
            self.tag(text)
        elif kind in ("side", "group"):
            self.close()
            self.side += kind == "side"
            self.untagged = len(self.entries)

    def tag(self, ref: str) -> None:
        for entry in self.entries[self.untagged :]:
            entry.ref = entry.ref or ref
        self.untagged = len(self.entries)
        if self.name is not None or self.slots:
            self.ref = ref

    def close(self) -> None:
        if self.name is None:
            self.slots, self.waiting = ([], set()) if not self.minutes_first else (self.slots, self.waiting)
            return
        made = self.slots or [(None, set())]
        made[-1][1].update(self.waiting)
        for minute, flags in made:
            self.entries.append(
                _Entry(
                    player=self.name, minute=minute, penalty="pen" in flags, own_goal="og" in flags,
                    score=self.score, ref=self.ref, side=self.side,
                )
            )  # fmt: skip
            self.score = None
        if self.ref is not None:
            self.untagged = len(self.entries)
        self.slots, self.waiting, self.name, self.ref = [], set(), None, None


def _initials(team: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", team) if w and w.casefold() not in ("de", "di", "del", "la", "le", "of")]
    return "".join(w[0] for w in words).casefold()


def _own_words(team: str, home: str, away: str) -> set[str]:
    """The words of `team`'s name that the other team's name does not have."""
    other = away if team == home else home
    return set(re.findall(r"\w+", fold_text(team))) - set(re.findall(r"\w+", fold_text(other)))


_BOTH_WORDS = ("beide", "both", "tous", "deux", "entrambi", "ambos")


def _abbreviates(ref: str, team: str) -> bool:
    """Whether a dotted clue shortens each word of the team's name in turn ("schw.-g." of "schwarz-gelb")."""
    if "." not in ref:
        return False
    pieces = [p for p in re.split(r"[.\s-]+", ref) if p and p not in _BOTH_WORDS]
    words = [w for w in re.split(r"[\s-]+", team) if w]
    return bool(pieces) and len(pieces) == len(words) and all(
        w.startswith(p) for p, w in zip(pieces, words, strict=True)
    )


def _team_of_ref(ref: str | None, home: str, away: str) -> str | None:
    """The team a line's clue names: "Dijon", "les Girondins", "(RV)" for Rayo Vallecano, "l'OM"."""
    if not ref:
        return None
    folded = fold_text(ref)
    if folded in ("locales", "visitantes"):  # a Spanish card sentence's sides (`_sided`)
        return home if folded == "locales" else away
    tests: tuple[Callable[[str], bool], ...] = (
        lambda team: same_team(ref, team),
        lambda team: folded in re.findall(r"\w+", fold_text(team)) and len(folded) >= 3,
        lambda team: _initials(team) == folded,
        lambda team: _abbreviates(folded, fold_text(team)),  # "Schw.-G." for Schwarz-Gelb
        lambda team: len(folded) <= 2 and fold_text(team).startswith(folded),
        # "(C)" and "(U)" for Manchester City and Manchester United: the word only one of them has
        lambda team: len(folded) <= 2 and any(word.startswith(folded) for word in _own_words(team, home, away)),
    )
    for test in tests:
        hits = [team for team in (home, away) if test(team)]
        if len(hits) == 1:
            return hits[0]
    return None


def _line_teams(entries: list[_Entry], home: str, away: str, score: tuple[int, int] | None) -> list[str | None]:
    """Each entry's team: the running score, else its clue, else its side of the line.

    With the final `score` (goals only), a match one team did not score in gives the other.
    """
    sides = {entry.side for entry in entries}
    before = (0, 0)
    teams: list[str | None] = []
    for entry in entries:
        team = None
        if entry.score is not None:
            if entry.score == (before[0] + 1, before[1]):
                team = home
            elif entry.score == (before[0], before[1] + 1):
                team = away
            before = entry.score
        team = team or _team_of_ref(entry.ref, home, away)
        if team is None and sides == {0, 1}:
            team = (home, away)[entry.side]
        if team is None and score is not None and (score[0] == 0) != (score[1] == 0):
            team = home if score[0] else away
        teams.append(team)
    return teams


def _line_goals(
    entries: list[_Entry], stub: MatchStub, hints: dict[str, str] | None = None
) -> list[dict[str, Any]] | None:
    """A line's goals for one match, or None when they cannot be the match's goals.

    Each goal's team comes from the line's clues; a scorer the line gives no team takes the one
    that makes the goals fit the score, and where several would, the one `hints` (surname ->
    team, from the model) names. An own goal tagged with the scorer's own team ("85' aut.
    Chiellini (J)") moves to the other team when the score says so.
    """
    home, away = stub.home_team, stub.away_team
    limit = {home: stub.home_score, away: stub.away_score}
    teams = _line_teams(entries, home, away, (stub.home_score, stub.away_score))
    goals = [
        {"player": e.player, "team": team, "minute": e.minute, "penalty": e.penalty, "own_goal": e.own_goal,
         "assist": None}
        for e, team in zip(entries, teams, strict=True)
    ]  # fmt: skip
    if not _fits(goals, limit):
        for own in [g for g in goals if g["own_goal"] and g["team"] is not None]:
            side = str(own["team"])
            if sum(g["team"] == side for g in goals) > limit[side]:
                own["team"] = away if side == home else home
        if not _fits(goals, limit):
            return None
    _assign_unknown(goals, limit, hints or {})
    return [goal for goal in goals if goal["team"] is not None]


def _fits(goals: list[dict[str, Any]], limit: dict[str, int]) -> bool:
    return all(sum(g["team"] == team for g in goals) <= most for team, most in limit.items())


def _assign_unknown(goals: list[dict[str, Any]], limit: dict[str, int], hints: dict[str, str]) -> None:
    """Give the line's scorers without a team the team that fits the score (one team per scorer)."""
    unknown = sorted({_surname(g["player"]) for g in goals if g["team"] is None})
    if not unknown or len(unknown) > 10:
        return
    complete = len(goals) == sum(limit.values())
    teams = list(limit)
    best: list[tuple[int, dict[str, str]]] = []
    for choice in itertools.product(teams, repeat=len(unknown)):
        sides = dict(zip(unknown, choice, strict=True))
        counts = {team: sum((g["team"] or sides[_surname(g["player"])]) == team for g in goals) for team in teams}
        if any(counts[t] > limit[t] for t in teams) or (complete and any(counts[t] != limit[t] for t in teams)):
            continue
        agree = sum(hints.get(name) == side for name, side in sides.items())
        best.append((agree, sides))
    if not best:
        return
    top = max(agree for agree, _ in best)
    chosen = [sides for agree, sides in best if agree == top]
    for name in unknown:
        options = {sides[name] for sides in chosen}
        if len(options) == 1:
            side = options.pop()
            for goal in goals:
                if goal["team"] is None and _surname(goal["player"]) == name:
                    goal["team"] = side


#: A result followed by its scorers in brackets: "Inter – Arsenal 1–3 (10′, 31′ Gabriel Jesus; 18′ Sucic)".
_MINUTE_IN_LIST = re.compile(r"\d{1,3}\s?(?:['’′]|\.|e\b)")
_BRACKET_LIST = re.compile(
    r"(?<![\d.,:])\d{1,2}\s?[-–:]\s?\d{1,2}[ \t]*\((?P<body>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)


def _card_entries(body: str, head: str) -> list[tuple[_Entry, str]]:
    """The cards of one cards line: one entry per comma or semicolon piece, with its colour."""
    red = _is_red_head(head)
    out: list[tuple[_Entry, str]] = []
    side = group = 0
    body = _TRAILING_CLUB.sub(_club_to_each, body)  # "Vélez (min.23), Barace (min.23) pour Locales": both
    for piece in re.split(r"([,;])(?![^(]*\))", body):
        if piece in (",", ";"):
            group += piece == ";"
            continue
        for part in re.split(r"(//|\|)", piece):
            if part in ("//", "|"):
                side += 1
                continue
            if head.casefold().startswith(("gelb-rot", "gelb/rot", "doble amarilla")) or (
                red and _SECOND_YELLOW_TEXT.search(part)
            ):
                colour = "second_yellow"
            else:
                colour = "red" if red else "yellow"
            for entry in parse_line(part):  # "Busatto (Spa) e Pignatti (Spa)": one piece, two cards
                entry.side, entry.group = side, group
                out.append((entry, colour))
    return out


#: A club named after a ;-part of a cards line, for every card of that part: "A (12e), B (30e) à Brest; ...".
_TRAILING_CLUB = re.compile(
    r"(?P<part>[^;/|]*?,[^;/|]*?)\s+(?P<clue>(?:pour|à|for|für|per)\s+[A-ZÀ-ÞØÆÅ][^;/|,()]{0,40}?)\s*(?=;|//|\||$)"
)


def _club_to_each(hit: re.Match[str]) -> str:
    """`_TRAILING_CLUB`'s part with its club clue after every comma piece."""
    pieces = re.split(r",(?![^(]*\))", hit["part"])
    return ",".join(f"{piece.rstrip()} {hit['clue']}" for piece in pieces)


#: A Spanish card sentence: "Amarilla a los locales David y Lolo, y a los visitantes Negri", "Roja directa para Juan".
_CARD_SENTENCE = re.compile(
    r"(?:^|(?<=[.:;)])[ \t]*)(?:tarjetas?\s+)?(?P<kind>amarillas?|rojas?(?:\s+directas?)?"
    r"|amonest[óo](?:\s+con\s+(?:una\s+)?(?:tarjeta\s+)?amarilla)?"  # "Amonestó con una amarilla a los locales"
    r"|expuls[óo](?:\s+por\s+doble\s+(?:amarilla|amonestaci[óo]n)|\s+con\s+(?:tarjeta\s+)?roja(?:\s+directa)?)?)"
    r"\s+(?:a|al|para)\s+",  # "Amonestó a los locales Mario, ...", "Expulsó con roja directa al atlético Graciano"
    re.IGNORECASE | re.MULTILINE,
)  # at the start of a sentence of a match sheet; "por segunda tarjeta amarilla a Domingo" is prose
#: Words between "al" and a carded player's name: "al jugador del Aldeano Guillermo", "al atlético Graciano".
_CARDED_AS = re.compile(
    r"^\s*(?:(?:jugador|jugadora|futbolista)\s+del?\s+[A-ZÁÉÍÓÚÑ][\w-]*\s+|[a-záéíóúñ]{4,}\s+(?=[A-ZÁÉÍÓÚÑ]))"
)
#: "(min. 78)" does not end the sentence, nor a line the page broke mid-sentence ("al atlético" / "Graciano")
_CARD_SENTENCE_STOP = re.compile(r"(?<!\bmin)\.\s|\n(?=\s*(?:\n|[A-ZÁÉÍÓÚÑ][\w ]{0,20}:))|$")
_STAFF_CARD = re.compile(
    r"\s*(?:\by\s+)?\bal?\s+(?:técnico|entrenador|míster|preparador|delegado)\b[\w ]*?,?\s*"
    r"[A-ZÁÉÍÓÚÑ][\w]*(?:\s+[A-ZÁÉÍÓÚÑ][\w]*)*",
)
_HOME_SIDE = re.compile(r"^\s*(?:(?:a|para)\s+)?(?:los|el|al)\s+locales?\s*", re.IGNORECASE)
_AWAY_SIDE = re.compile(
    r"[,;]?\s*(?:\by\s+)?(?:(?:a|para)\s+)?(?:los|el|al)\s+(?:visitantes?|foráneos?)\s*", re.IGNORECASE
)


@functools.lru_cache(maxsize=16)
def _card_lines(text: str) -> tuple[tuple[int, str, str], ...]:
    """(position, kind, body) of the article's cards lines ("Gelbe Karten: ...") and Spanish card sentences.

    A sentence's staff card is left out ("y al técnico, Fran Nacarino"); "los locales" and
    "los visitantes" split it into the two sides, and "y" joins players like a comma.
    """
    found = [
        (hit.start(), hit.group("kind").casefold(), _line_body(text, hit.end())) for hit in _CARDS_HEAD.finditer(text)
    ]
    for hit in _BARE_CARDS_HEAD.finditer(text):  # "NOTE: Ammoniti Santi, Pozzi, Boilini. Espulso Di Stasio."
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        found.append((hit.start(), hit.group("kind").casefold(), text[hit.end() : min([*stops, len(text)])]))
    for hit in _CARD_SENTENCE.finditer(text):
        stop = _CARD_SENTENCE_STOP.search(text, hit.end())
        said_body = " ".join(text[hit.end() : stop.start() if stop else len(text)].split())
        body = _sided(_STAFF_CARD.sub("", said_body))
        said = hit.group("kind").casefold()
        kind = "doble amarilla" if "doble" in said else (
            "tarjetas rojas" if said.startswith(("roja", "expuls")) else "tarjetas amarillas"
        )
        # "... al atlético Graciano (min. 78) y al vallisoletano Ruba por doble amarilla (min. 78)": two kinds
        parts = re.split(r"\s+y\s+al?\s+(?=[a-záéíóúñ]+\s+[A-ZÁÉÍÓÚÑ][^,;]*\bpor\s+doble\b)", body, maxsplit=1)
        for number, part in enumerate(parts):
            part = _CARDED_AS.sub("", re.sub(r"\s+por\s+doble\s+(?:amarilla|amonestaci[óo]n)", "", part))
            part = re.sub(r"\s+[ye]\s+(?=[A-ZÁÉÍÓÚÑ])", ", ", part)
            found.append((hit.start() + number, "doble amarilla" if number else kind, part))
    return tuple(sorted(found))


def _sided(body: str) -> str:
    """A Spanish card sentence's players with their side as a clue.

    "a los locales A, B; y al visitante C" becomes "A, B pour Locales // C pour Visitantes"
    (`_team_of_ref` reads the two words).
    """
    home = _HOME_SIDE.match(body)
    if home:
        body = body[home.end() :]
    parts = _AWAY_SIDE.split(body, maxsplit=1)
    if len(parts) == 2:
        return f"{parts[0].rstrip(' ,;')} pour Locales // {parts[1].rstrip(' .;')} pour Visitantes"
    return f"{body.rstrip(' .;')} pour Locales" if home else body


_LEADING_BRACKETS = re.compile(r"^(?:\s*\([^()\n]*\))*\s*")
_TAIL_START = re.compile(r"\d{1,3}\s?['’′]|[A-ZÀ-ÞØÆÅ]")


def _result_line_tails(text: str) -> list[tuple[int, str]]:
    """Scorers after a results line on its line: "Catania-Feralpisalò 2-0 (and. 1-1) 59′ Barišič, 71′ Russotto"."""
    tails = []
    for hit in _LISTED.finditer(text):
        line_end = text.find("\n", hit.end())
        tail = text[hit.end() : line_end if line_end >= 0 else len(text)]
        lead = _LEADING_BRACKETS.match(tail)
        start = hit.end() + (lead.end() if lead else 0)
        body = text[start : hit.end() + len(tail)]
        if _TAIL_START.match(body) and _MINUTE_IN_LIST.search(body):
            tails.append((start, body))
    return tails


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


#: One side of a wire summary (Opta): "Crystal Palace (0) 1 Scorers: W. Zaha 59 Yellow card: Doucouré 95
#: Subs used: ...", the half-time score in brackets, then the final; the home side comes first.
_SUMMARY_SIDE = re.compile(
    r"(?<![\w(])(?P<team>[A-ZÀ-Þ][\w'’&.´-]*(?:[ ](?:[A-ZÀ-Þ&][\w'’&.´-]*|de|and|of))*)"
    r"[ ]\((?P<ht>\d{1,2})\)[ ](?P<ft>\d{1,2})(?=\s|$)"
)
_SUMMARY_LABEL = re.compile(
    r"(?P<label>Scorers|Goals|Yellow cards?|Red cards?|Second yellow|Subs used|Substitutes|Attendance|Referee)\s?:\s*"
)


@functools.lru_cache(maxsize=16)
def summary_results(text: str) -> tuple[tuple[MatchStub, tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]], ...]:
    """The matches of a wire summary, each with the goals and cards its sides list.

    A side's scorers count for that side (an own goal too: "L. Dunk 55og" under Fulham is
    Fulham's goal); a summary without a "Scorers:" label is not read.
    """
    if "Scorers:" not in text:
        return ()
    sides = [hit for hit in _SUMMARY_SIDE.finditer(text) if int(hit["ht"]) <= int(hit["ft"]) <= 20]
    found = []
    for home, away in zip(sides[::2], sides[1::2], strict=False):
        following = next((hit.start() for hit in sides if hit.start() > away.start()), len(text))
        if "..." in text[home.end() : away.start()] or _SUMMARY_LABEL.match(text, home.end() + 1) is None:
            break  # the pairing went astray: stop rather than pair the wrong sides
        stub = MatchStub(
            home_team=_WEEKDAY_PREFIX.sub("", home["team"]), away_team=_WEEKDAY_PREFIX.sub("", away["team"]),
            home_score=int(home["ft"]), away_score=int(away["ft"]),
        )  # fmt: skip
        goals: list[dict[str, Any]] = []
        cards: list[dict[str, Any]] = []
        bodies = ((stub.home_team, text[home.end() : away.start()]), (stub.away_team, text[away.end() : following]))
        for team, body in bodies:
            labels = list(_SUMMARY_LABEL.finditer(body))
            for label, after in zip(labels, [*labels[1:], None], strict=True):
                part = body[label.end() : after.start() if after else len(body)].split("....")[0]
                kind = label["label"].casefold()
                for entry in parse_line(part):
                    if kind in ("scorers", "goals"):
                        goals.append({
                            "player": entry.player, "team": team, "minute": entry.minute,
                            "penalty": entry.penalty, "own_goal": entry.own_goal, "assist": None,
                        })  # fmt: skip
                    elif kind.startswith(("yellow", "red", "second")):
                        colour = "yellow" if kind.startswith("yellow") else "red"
                        colour = "second_yellow" if kind.startswith("second") else colour
                        cards.append({"player": entry.player, "team": team, "minute": entry.minute, "card": colour})
        found.append((stub, tuple(goals), tuple(cards)))
    return tuple(found)


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


@functools.lru_cache(maxsize=64)
def _lineup_bodies(team: str, text: str) -> tuple[str, ...]:
    """The folded line-ups the article writes after "Team (formation):" (read once per team, not per player)."""
    bodies = []
    for hit in re.finditer(rf"(?<![\w-]){re.escape(team)}\s*(?:\([\d\s-]+\))?\s*:", text, re.IGNORECASE):
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


def _surname(name: str) -> str:
    words = re.findall(r"\w+", fold_text(name))
    return words[-1] if words else ""


_NULLISH = {"", "null", "none", "n/a", "unknown", "-"}


_PENALTY_NEAR = 40
_NOT_SCORED = _words(
    "missed", "saved", "won a", "conceded", "verschoss", "hielt", "fallito", "sbagliato", "parato", "falló", "fallado",
    "detuvo", "paró", "raté", "manqué", "arrêté", "brændte", "reddede", "miste", "gestopt", "tegengehouden",
)  # fmt: skip


#: Words that start a sentence, copied with the name after them ("After Henderson was dismissed ...").
_SENTENCE_OPENERS = frozenset(
    "after when but then before while once nach als dann aber doch toen maar nadat après quand mais puis dopo"
    " quando poi tras cuando pero luego efter men".split()
)


def _bare_name(player: str) -> str:
    """The player's name without a sentence's first word the model copied with it: "After Henderson" -> "Henderson"."""
    words = player.split()
    if len(words) >= 2 and fold_text(words[0]) in _SENTENCE_OPENERS:
        return " ".join(words[1:])
    return player


_OWN_GOAL_NEAR = 20


#: Prose words for an own goal (not a list's "(a)" or "csc", which mark the entry next to them only).
_OWN_GOAL_PROSE = _word_starts(
    "own goal", "own-goal", "own net", "selvmål", "eigentor", "eigen doel", "eigen goal", "autogol", "autogoal",
    "autorete", "propia puerta", "propia meta", "contre son camp", "son propre but",
)  # fmt: skip


def _own_goal_told(grounder: Grounder, player: str) -> bool:
    """An own-goal word right next to the scorer's name ("een eigen goal van Stije Resink", "Thiaw's own goal")."""
    return _near(grounder, player, _OWN_GOAL_PROSE, _OWN_GOAL_NEAR)


def _penalty_told(grounder: Grounder, player: str) -> bool:
    """A penalty word right next to the scorer's name, and no word saying it was missed or saved."""
    text = grounder.folded_text
    for start, end in _mentions(grounder, player):
        window = text[max(0, start - _PENALTY_NEAR) : end + _PENALTY_NEAR]
        if _PENALTY_WORDS.search(window) and not _NOT_SCORED.search(window):
            return True
    return False


def _clean_nulls(value: Any) -> Any:
    """A small model sometimes writes the string "null": that is null."""
    if isinstance(value, str):
        return None if value.strip().casefold() in _NULLISH else value
    if isinstance(value, dict):
        return {key: _clean_nulls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_nulls(item) for item in value]
    return value


# ---------------------------------------------------------------------------------------
# Cards told in prose ("Rot für Bittencourt", "Ross Flitney was then sent off", "blev BK Skjolds
# Frederik Levinsen udvist"): read by code from the words of each language, where the article
# has no cards lines. A small model lists few of them and gives most to the first team of its enum.

_PERSON = (
    r"(?P<name>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|do|dos|del|della|van|von|der|den|ter|ten|le|la)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})"
)
_FEW = r"(?:\S+[ ]){0,%d}?"  # a few words between the verb and the card ("sieht zudem nach einer Notbremse Rot")
_THE = r"(?:(?:den|dem|der|die|the|le|la|l['’]|el|il|lo|het|de)\s*)?"
_TELLS = (  # the card's words, then the player
    r"(?i:(?:glatt\s+)?(?:gelb-?rot(?:e\s+karte)?|rot|rote\s+karte|gelb|gelbe\s+karte|platzverweis)\s+für)",
    r"(?i:(?:(?:a|the|his|a\s+straight|a\s+second)\s+)?"
    r"(?:red\s+card|yellow\s+card|booking|sending[\s-]off|dismissal)\s+(?:for|to|of))",
    r"(?i:(?:rode|gele)\s+kaart\s+(?:voor|van)|(?:rood|geel)\s+voor)",
    r"(?i:(?:rødt|gult|direkte\s+rødt)(?:\s+kort)?\s+til|udvisning\s+af)",
    r"(?i:(?:carton\s+(?:rouge|jaune)|exclusion|expulsion|avertissement)\s+(?:\w+\s+)?(?:pour|à|de|d['’]))",
    r"(?i:(?:tarjeta\s+(?:roja|amarilla)|roja\s+directa|expulsión|amonestación)\s+(?:\w+\s+)?(?:para|a|al|de|del))"
    r"(?:\s+[a-záéíóúñ]+){0,2}",  # "la correcta expulsión del senegalés Pathe Ciss"
    r"(?i:(?:cartellino\s+(?:rosso|giallo)|rosso\s+diretto|espulsione|ammonizione)\s+(?:per|a|di|al|del)"
    r"|espulso|ammonito)",
)
_TOLD = (  # the player, then the card's words
    r"(?i:\s+(?:was|is|has\s+been|had\s+been|got|gets)\s+(?:\w+\s+)?(?:sent\s+off|dismissed|booked|cautioned"
    r"|red[\s-]carded|shown\s+(?:a|the|his)\s+(?:\w+\s+)?(?:red|yellow)))",
    r"(?i:\s+(?:\w+\s+)?(?:received|receives|picked\s+up|saw|sees|earned|collected)\s+(?:a|an|the|his|their)?\s*"
    r"(?:\w+\s+)?(?:red|yellow|booking|caution))",
    r"(?i:\s+(?:sieht|sah)\s+" + _FEW % 4
    + r"(?:gelb-?rot|glatt\s+rot|rot|gelb|die\s+(?:gelb-)?rote\s+karte|die\s+gelbe\s+karte)\b"
    r"|\s+(?:flog|fliegt|musste)\s+" + _FEW % 3 + r"vom\s+platz)",
    r"(?i:\s+(?:krijgt|kreeg|ontving|ontvangt|ziet|zag|pakt|pakte)\s+" + _FEW % 5
    + r"(?:rood|geel|(?:de|een)\s+(?:rode|gele)\s+kaart|(?:directe\s+)?(?:rode|gele)\s+(?:kaart|prent))\b"
    r"|\s+(?:de|een)\s+(?:rode|gele)\s+kaart\s+(?:toont|toonde|geeft|gaf)"
    r"|\s+werd\s+(?:\w+\s+)?(?:uit\s+het\s+veld\s+gestuurd|weggestuurd))",
    r"(?i:\s+(?:blev|bliver)\s+" + _FEW % 2 + r"udvist"
    r"|\s+(?:fik|får|modtog|modtager)\s+" + _FEW % 3 + r"(?:rødt|gult|det\s+røde|det\s+gule))",
    r"(?i:\s+(?:a\s+été|est|fut|sera|s['’]est\s+fait)\s+" + _FEW % 2 + r"(?:expulsé|exclu|averti)"
    r"|\s+(?:écope|reçoit|a\s+reçu|prend|voit)\s+" + _FEW % 3 + r"(?:carton|rouge|jaune))",
    r"(?i:\s+(?:fue|resultó|es|era)\s+(?:expulsado|amonestado)"
    r"|\s+(?:vio|ve|recibió|recibe)\s+" + _FEW % 3 + r"(?:roja|amarilla|tarjeta))",
    r"(?i:\s+(?:è\s+stato|viene|venne|fu)\s+(?:\w+\s+)?(?:espulso|ammonito)"
    r"|\s+(?:rimedia|riceve|prende)\s+" + _FEW % 3 + r"(?:rosso|giallo|cartellino))",
)
_INVERTED = (  # the verb, the player, the card: German, Danish and Dutch word order after an adverb
    (r"(?i:sieht|sah)", r"(?i:gelb-?rot|glatt\s+rot|rot|gelb|die\s+(?:gelb-)?rote\s+karte|die\s+gelbe\s+karte)\b"),
    (r"(?i:blev|bliver)", r"(?i:udvist)"),
    (r"(?i:fik|får|modtog)", r"(?i:(?:et\s+)?(?:direkte\s+)?(?:rødt|gult|det\s+røde|det\s+gule))"),
    (r"(?i:krijgt|kreeg|ontving|ziet|zag)", r"(?i:(?:de\s+|een\s+)?(?:rood|geel|rode\s+kaart|gele\s+kaart))\b"),
)


def _person(group: str) -> str:
    return _PERSON.replace("?P<name>", f"?P<{group}>")


_PROSE_CARD = re.compile(
    "|".join([
        *(rf"(?P<tell{i}>{tell})\s+{_THE}{_person(f'after{i}')}" for i, tell in enumerate(_TELLS)),
        *(rf"(?<!\w){verb}\s+{_person(f'inside{i}')}\s+{_FEW % 3}(?P<card{i}>{kind})"
          for i, (verb, kind) in enumerate(_INVERTED)),
        # "Joao Cancelo and Nelson Semedo both received straight reds": two players
        *(rf"(?:{_person(f'also{i}')}[ ](?:and|und|en|og|et|y|e)[ ])?{_person(f'before{i}')}(?P<told{i}>{told})"
          for i, told in enumerate(_TOLD)),
    ])
)  # fmt: skip
#: "de laatste 25 minuten tien tegen negen": a stretch of the match, not the minute of the card.
_SPAN_BEFORE = re.compile(
    r"(?:last|final|laatste|letzten|sidste|dernieres|ultimos|ultimi|next|first|eerste|ersten)\s+$"
)
_SENTENCE_STOP = re.compile(r"(?<!\d)[.!?](?=\s+[A-ZÀ-ÞØÆÅ\"“„«])|\n")
_GENITIVE = re.compile(r"(?:['’]s|['’]|s)$")
_NOT_A_PLAYER = re.compile(r"['’]s$")  # "for Richard Hill's side"
_NOT_A_NAME = frozenset(
    "dann da so nun auch aber doch und zudem später spater then but and also later so now here there og men så sa"
    " her der nu senere derefter en maar toen nu dan ook daarna later et mais puis alors ensuite y pero luego"
    " después despues e ma poi quindi poco il la le lo el de het die der das the".split()
)  # a sentence's first word, capitalised like a name: "Dann sieht Robin Krauße Gelb-Rot"
_SECOND_YELLOW_PHRASE = re.compile(r"(?i)gelb-?rot|tweede gele|twee keer geel")
_RED_PHRASE = re.compile(
    r"rot\b|rote|rood|rode|rodt|roja|rosso|rouge|red|vom platz|udvis|expuls|exclu|espuls|sent off|sending|dismiss"
    r"|uit het veld|weggestuurd"
)
_OF_CLUB = ("van", "von", "de", "di", "da", "del")  # "Daan Blij van Excelsior Maassluis"


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the stop before it to the stop after it."""
    stops = _SENTENCE_STOP.finditer(text, max(0, start - 400), start + 8)  # the look-ahead sees past `start`
    left = max((hit.end() for hit in stops if hit.end() <= start), default=max(0, start - 400))
    after = _SENTENCE_STOP.search(text, end)
    return text[left : after.start() if after else len(text)]


def _prose_kind(phrase: str, sentence: str) -> str:
    """second_yellow when the sentence says so; else red or yellow by the phrase's own words."""
    if _SECOND_YELLOW_WORDS.search(fold_text(sentence)) or _SECOND_YELLOW_PHRASE.search(phrase):
        return "second_yellow"
    return "red" if _RED_PHRASE.search(fold_text(phrase)) else "yellow"


def _team_prefix(words: list[str], teams: tuple[str, str]) -> tuple[str | None, list[str]]:
    """The club written with the player, and the player's own words.

    "Kölns Bittencourt", "BK Skjolds Frederik Levinsen", "SVN’69-middenvelder Niels Keizer",
    "Daan Blij van Excelsior Maassluis".
    """
    for cut, word in enumerate(words[1:-1], 1):
        club = " ".join(words[cut + 1 :])
        if word in _OF_CLUB and any(same_team(club, team) for team in teams):
            return next(team for team in teams if same_team(club, team)), words[:cut]
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        head = words[:size]
        last = head[-1].split("-")[0] if "-" in head[-1] and head[-1].split("-", 1)[1].islower() else head[-1]
        for team in teams:
            key = team_key(team)
            for written in (" ".join([*head[:-1], last]), " ".join([*head[:-1], _GENITIVE.sub("", last)])):
                folded = team_key(written)
                if folded and (folded == key or (len(folded) >= 4 and folded in key.split())):
                    return team, words[size:]
    return None, words


def _prose_card_team(
    card: dict[str, Any], stub: MatchStub, goals: list[dict[str, Any]], model: list[dict[str, Any]], sentence: str,
    text: str,
) -> str | None:
    """The card's team, or None (the card is then not kept).

    Written with the player, else his goal's team in this match, else the model's when all its
    cards for him agree, else the one of the two teams the card's sentence names, else the club
    the article writes right before him elsewhere ("Kölns Bittencourt"). (The team named nearer
    to him anywhere in the article was measured too: it gave wrong teams.)
    """
    if card["team"]:
        return str(card["team"])
    surname = _surname(card["player"])
    scored = {goal["team"] for goal in goals if _surname(goal["player"]) == surname and not goal.get("own_goal")}
    if len(scored) == 1:
        return str(next(iter(scored)))
    given = {item["team"] for item in model if _surname(item["player"]) == surname}
    if len(given) == 1 and given <= {stub.home_team, stub.away_team}:
        return str(next(iter(given)))
    named = [team for team in (stub.home_team, stub.away_team) if _named_in(fold_text(sentence), team)]
    if len(named) == 1:
        return named[0]
    return _club_before_player(card["player"], stub, text)


def _club_before_player(player: str, stub: MatchStub, text: str) -> str | None:
    """The one club the article writes right before the player anywhere ("Kölns Bittencourt springt")."""
    surname = player.split()[-1] if player.split() else player
    clubs = set()
    for hit in re.finditer(rf"((?:\S+[ ]){{1,3}}){re.escape(surname)}(?!\w)", text):
        words = hit.group(1).split()
        for size in range(len(words), 0, -1):
            team, rest = _team_prefix([*words[-size:], surname], (stub.home_team, stub.away_team))
            if team is not None and rest == [surname]:
                clubs.add(team)
                break
    return next(iter(clubs)) if len(clubs) == 1 else None


def _paragraph_match(text: str, position: int, stubs: list[MatchStub]) -> MatchStub | None:
    """The one match whose team the card's paragraph names (a prose round-up), else None."""
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    folded = fold_text(text[start : end if end >= 0 else len(text)])
    named = [stub for stub in stubs if any(_named_in(folded, team) for team in (stub.home_team, stub.away_team))]
    return named[0] if len(named) == 1 else None


def _prose_names(hit: re.Match[str]) -> tuple[str, list[str]]:
    """The card's words and the one or two players a prose hit names."""
    which = next(key for key, value in hit.groupdict().items() if value is not None and key[:4] in _PHRASE_GROUPS)
    index = which[4:]
    if which.startswith("tell"):
        return hit[which], [hit[f"after{index}"]]
    if which.startswith("card"):
        return hit[which], [hit[f"inside{index}"]]
    return hit[which], [name for name in (hit[f"before{index}"], hit[f"also{index}"]) if name]


_PHRASE_GROUPS = ("tell", "told", "card")


def prose_cards(
    stub: MatchStub, stubs: list[MatchStub], grounder: Grounder,
    goals: list[dict[str, Any]], model: list[dict[str, Any]],
) -> list[dict[str, Any]]:  # fmt: skip
    """The cards the article's sentences tell for one match, each with its team (or left out).

    A minute is kept only when the card's sentence states exactly one.
    """
    text = grounder.cleaned.text
    teams = (stub.home_team, stub.away_team)
    found: list[dict[str, Any]] = []
    position = 0
    while hit := _PROSE_CARD.search(text, position):
        position = hit.end()
        phrase, names = _prose_names(hit)
        first = names[0].split()[0]
        if fold_text(first) in _NOT_A_NAME and len(names[0].split()) == 1:
            position = hit.start() + len(first)  # "Dann sieht Robin Krauße Gelb-Rot": read on from "sieht"
            continue
        if (_match_of_line(text, hit.start(), stubs) or _paragraph_match(text, hit.start(), stubs)) is not stub:
            continue
        sentence = _sentence_of(text, hit.start(), hit.end())
        folded_sentence = fold_text(sentence)
        minutes = {
            parse_minute(m.group()) for m in _MINUTE_EXPR.finditer(folded_sentence)
            if not _SPAN_BEFORE.search(folded_sentence[max(0, m.start() - 16) : m.start()])
        } - {None}  # fmt: skip
        for name in names:
            team, words = _team_prefix(name.split(), teams)
            while words and fold_text(words[0]) in _NOT_A_NAME:
                words = words[1:]
            player = " ".join(words)
            if not player or _NOT_A_PLAYER.search(player) or any(same_team(player, side) for side in teams):
                continue
            said = sentence.find(player)
            if _COACH_WORDS.search(fold_text(sentence[max(0, said - _COACH_NEAR) : max(0, said)] + " " + name)):
                continue  # a coach's card is no player's ("Union-Trainer Hans Weber sieht Rot")
            card = {"player": player, "team": team, "minute": next(iter(minutes)) if len(minutes) == 1 else None,
                    "card": _prose_kind(phrase, sentence)}  # fmt: skip
            card["team"] = _prose_card_team(card, stub, goals, model, sentence, text)
            if card["team"] is not None:
                found.append(card)
    return found


def _with_prose_cards(prose: list[dict[str, Any]], model: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cards the sentences tell, and the model's cards of other players.

    A prose card whose sentence writes no minute takes the one of the model's card for the same
    player ("med to minutter tilbage": the model answered 88).
    """
    told = {_surname(card["player"]) for card in prose}
    minutes: dict[str, set[int]] = {}
    for card in model:
        if card.get("minute") is not None:
            minutes.setdefault(_surname(card["player"]), set()).add(card["minute"])
    for card in prose:
        given = minutes.get(_surname(card["player"]), set())
        if card["minute"] is None and len(given) == 1:
            card["minute"] = next(iter(given))
    return [*prose, *(card for card in model if _surname(card["player"]) not in told)]


# ---------------------------------------------------------------------------------------
# The stage (round, matchday, group) as the article writes it, read by code: the model was
# wrong on it more often than right, and the forms are few ("10. Spieltag", "Matchday 5", "J34",
# "Gruppe F", "octavos de final"). Kept only where the article names one stage and no other.

_ORDINAL_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|første|anden|tredje|fjerde|femte|sjette"
    r"|syvende|ottende|niende|tiende|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?|fünfte[nrs]?|eerste|tweede"
    r"|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|primer[ao]?|segund[ao]|tercer[ao]?|cuart[ao]|quint[ao]"
    r"|sext[ao]|séptim[ao]|octav[ao]|noven[ao]|décim[ao]|premi[eè]re|deuxième|troisième|quatrième|cinquième"
    r"|prim[oa]|second[oa]|terz[oa]|quart[oa]|quint[oa]|sest[oa]|settim[oa]|ottav[oa]|non[oa]|decim[oa]"
    r"|ventesim[oa]|trentesim[oa]"
)
_ROUND_NOUN = (
    r"matchday|match\s?week|gameweek|round|spieltag|spielrunde|runde|spillerunde|speelronde|ronde|journée|tour"
    r"|jornada|fecha|ronda|giornata|turno"
)
_KNOCKOUT = (
    r"round of (?:16|32)|last (?:16|32)|quarter-?finals?|semi-?finals?|achtelfinale|viertelfinale|halbfinale"
    r"|(?:achtste|kwart|halve)\s?finale|(?:1/8|1/4|1/2|8es|16es|32es|8e|16e|32e|quarts?|demi)[ -]de[ -]finale"
    r"|(?:octavos|dieciseisavos|cuartos|semifinales?)\s+de\s+final|(?:ottavi|quarti|sedicesimi)\s+di\s+finale"
    r"|semifinale|(?:ottende|kvart|semi)finale(?:n)?"
)
_STAGE = re.compile(
    r"(?<![\w-])(?i:"
    rf"(?:\d{{1,2}}(?:\.|e|è|ème|eme|es|st|nd|rd|th|ª|º|°)?|{_ORDINAL_WORD})\s+(?:{_ROUND_NOUN})"
    rf"|(?:{_ROUND_NOUN})\s+\d{{1,2}}"
    r"|(?:group|gruppe|groep|grupo|girone|groupe|pulje)\s+(?-i:[A-H])"
    rf"|{_KNOCKOUT}"
    r"|(?:league phase|group stage|fase liga|fase de liga|gruppenphase|groepsfase|phase de (?:groupes|ligue)"
    r"|fase de grupos|fase a gironi)"
    r")(?![\w-])"
    r"|(?<![\w-])J\d{1,2}(?![\w-])"  # French: "J34" for the 34th journée
)


_NEXT_STAGE = re.compile(
    r"(?i:\b(?:into|through to|(?:progress|advanc|go|goes|went|move)\w* (?:on )?to|reach\w*"
    r"|qualif\w* (?:for|to|pour|per)|(?:pase|paso|pasa|avanza) a|clasific\w* (?:a|para)"
    r"|accède aux|aux|in die|ins|door naar|naar|agli|approda ai|til)\s+(?:the|de|het|los|las|les|le|la|i|gli)?\s*)$"
)  # "el pase a octavos", "into the Fourth Round": the stage a win leads to, not the one played


#: Time long past, written after what it dates: "two weeks ago", "vor zwei Wochen", "twee weken geleden".
_AGO = re.compile(
    r"\b(?:ago|geleden|siden|(?:settimane|giorni|mesi|anni) fa|il y a|hace (?:dos|tres|unas?|\d+)"
    r"|vor (?:zwei|drei|vier|einer|einem|\d+) (?:wochen|tagen|monaten|woche|monat|jahren?))\b"
)


@functools.lru_cache(maxsize=16)
def article_stage(text: str) -> str | None:
    """The one stage the article names, as written (its first mention), or None.

    A knockout round beside a group or a matchday is the round ahead ("Group D ... the round of
    16"); a round a win leads to ("pase a octavos") or one of an earlier season or meeting
    ("Vorig seizoen ... in de tweede speelronde") is not the match's.
    """
    seen: dict[str, tuple[str, bool]] = {}
    for hit in _STAGE.finditer(text):
        sentence = fold_text(text[_sentence_start(text, hit.start()) : hit.start()])
        rest = fold_text(text[hit.end() : _sentence_end(text, hit.end())])
        if _NEXT_STAGE.search(text[max(0, hit.start() - 24) : hit.start()]) or _EARLIER_WORDS.search(sentence):
            continue
        if _AGO.search(rest):
            continue  # "in the FA Cup semi-final at Wembley less than two weeks ago"
        knockout = re.fullmatch(_KNOCKOUT, hit.group(), re.IGNORECASE) is not None
        seen.setdefault(re.sub(r"\s+", " ", fold_text(hit.group())), (re.sub(r"\s+", " ", hit.group()), knockout))
    rounds = [value for value, knockout in seen.values() if not knockout] or [value for value, _ in seen.values()]
    return rounds[0] if len(rounds) == 1 else None


# ---------------------------------------------------------------------------------------
# Coaches, read by code where the article ties one to a club in so many words ("Leverkusens
# Trainer Roger Schmidt", "Roma coach Paulo Fonseca", "FC Midtjyllands cheftræner, Brian Priske",
# "træner for Hanstholm IF, Per Kristiansen") or a match sheet puts one under a line-up ("All.:
# Carrera"). A coach named without his club ("Andrea Pirlo's men") is left null.

_COACH_TITLE = (
    r"(?:head\s+)?coach|manager|boss|trainer|coach|cheftræner|træner|entrenador|técnico|allenatore|entraîneur"
    r"|oefenmeester|chef-?coach|cheftrainer"
)
_COACH_NAME = (
    r"(?P<coach>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})"
)
_CLUB_WORDS = r"[A-ZÀ-ÞØÆÅ][\w'’&.-]*(?:[ ][A-ZÀ-ÞØÆÅ0-9][\w'’&.-]*){0,2}"
_COACH_OF = re.compile(
    rf"(?P<club>{_CLUB_WORDS})(?:[ ]|-)(?i:{_COACH_TITLE}),?[ ]{_COACH_NAME}"  # "Roma coach Paulo Fonseca"
    rf"|(?i:{_COACH_TITLE})[ ](?i:for|of|van|von|des|de|del|di|du)[ ](?P<club2>{_CLUB_WORDS}),?[ ]"
    rf"{_COACH_NAME.replace('?P<coach>', '?P<coach2>')}"  # "træner for Hanstholm IF, Per Kristiansen"
)
_SHEET_COACH = re.compile(r"(?<![\w.])All\.:?[ ]?(?P<coach>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ][A-ZÀ-ÞØÆÅ][\w'’-]+){0,2})")
_SHEET_TEAM = re.compile(
    r"(?:^|(?<=[\s.]))(?P<team>[A-ZÀ-ÞØÆÅ][\w'’&.-]*(?:[ ][A-ZÀ-ÞØÆÅ][\w'’&.-]*){0,2})[ ]?(?:\(\d[\d-]+\))?[ ]?:"
)  # "Lucchese:", "Inter (4-2-3-1):" opens a line-up


def _club_of(written: str, team: str) -> bool:
    """Whether the words before a coach's title name `team` ("Leverkusens", "Bayern", "FC Midtjyllands")."""
    return _team_prefix([*written.split(), "X"], (team, team))[0] is not None or same_team(written, team)


@functools.lru_cache(maxsize=16)
def _coach_mentions(text: str) -> tuple[tuple[str, str], ...]:
    """(club as written, coach) for every coach the article ties to a club."""
    found = []
    for hit in _COACH_OF.finditer(text):
        club, coach = (hit["club"], hit["coach"]) if hit["coach"] else (hit["club2"], hit["coach2"])
        found.append((club, coach))
    for hit in _SHEET_COACH.finditer(text):
        before = [team for team in _SHEET_TEAM.finditer(text, max(0, hit.start() - 600), hit.start())]
        if before:
            found.append((before[-1]["team"], hit["coach"]))
    return tuple(found)


def coaches(stub: MatchStub, text: str) -> tuple[str | None, str | None]:
    """The home and the away coach the article ties to each team, where it names exactly one."""
    out = []
    for team in (stub.home_team, stub.away_team):
        named = {coach for club, coach in _coach_mentions(text) if _club_of(club, team) and not same_team(coach, team)}
        out.append(next(iter(named)) if len(named) == 1 else None)
    return out[0], out[1]


# ---------------------------------------------------------------------------------------
# Scorers a sentence lists with their club: "Morgan Gibbs-White scored for Forest", "Adam Lallana,
# Kaoru Mitoma, and Pascal Groß scored for Brighton", "Jonathas (20., Foulelfmeter) und Klaus (60.)
# treffen für Hannover". The club named decides the team, and in a round-up the match.

_LISTED_NAME = (
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del|dos)[ ])*[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3}"
    r"(?:\s*\([^()\n]{0,40}\))?"
)
#: A brace or a hat-trick told after the scorer's name, before his minutes: "Bebou mit einem Doppelpack (40., 86.)".
_BRACE = (
    r"[ ](?i:mit einem|with a|con una|con un|avec un|met een|med et)[ ](?i:doppelpack|dreierpack|brace"
    r"|hat-trick|hattrick|doppietta|tripletta|doblete|triplete|doublé|triplé)"
)
_BRACED_NAME = _LISTED_NAME.replace(r"(?:\s*\(", rf"(?:{_BRACE})?(?:\s*\(", 1)
_SCORED_FOR = re.compile(
    rf"(?P<names>{_BRACED_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+(?:and|und|en|og|et|e|y)\s+|(?<=\))\s+){_BRACED_NAME}){{0,4}})\s+"
    r"(?:(?:all|both|also|each)\s+)?(?i:scored|netted|were on target|was on target|treffen|trafen|traf|trifft"
    r"|scoorden|scoorde|scorede|scorer|ont marqué|a marqué|marquent|segnano|hanno segnato|ha segnato|marcaron"
    r"|marcó)\s+(?i:for|für|voor|pour|per|para)\s+" + _ARTICLE + rf"(?P<team>{_TEAM_NAME})"
)
#: A scorer who put his club ahead or level: "Mikkel Lund gave Vejle the lead", "Lund brachte Vejle in Führung",
#: "Lund bracht Vejle op voorsprong", "Lund bragte Vejle foran", "Lund portò in vantaggio il Vejle".
_PUT_AHEAD = re.compile(
    rf"(?P<names>{_LISTED_NAME})\s+(?:[a-zæøåäöüéèàí]+\s+){{0,3}}?"
    r"(?i:gave|put|fired|headed|shot|drew|pulled|brought|brachte|schoss|köpfte|bracht|schoot|kopte|bragte|sendte"
    r"|portò in vantaggio|porta in vantaggio|adelantó a|puso por delante a)\s+" + _ARTICLE + rf"(?P<team>{_TEAM_NAME})"
    r"\s+(?i:ahead|in front|level|(?:an? |the )?(?:early |late |deserved |first-half |second-half )?lead|back level"
    r"|in führung|op voorsprong|foran)\b"
)
#: A club's goals, then their scorers: "FCN-målene blev sat ind af A, B, C og D", "Brighton's goals came from A and
#: B", "Die Tore für Hannover erzielten A und B", "Les buts de Lyon ont été inscrits par A et B".
_NAMES = rf"(?P<names>{_LISTED_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+(?:and|und|en|og|et|e|y)\s+){_LISTED_NAME}){{0,4}})"
_GOALS_BY = re.compile(
    r"(?:"
    rf"(?P<team>{_TEAM_NAME})(?:'s|’s|s)?[ -](?i:goals|målene|mål|tore|treffer)"
    rf"|(?i:the goals|målene|die tore|les buts|i gol|le reti|los goles|de doelpunten|de goals)"
    r"\s+(?i:for|of|from|for|für|von|de|du|des|del|della|dei|di|van)\s+" + _ARTICLE + rf"(?P<team2>{_TEAM_NAME})"
    r")\s+(?i:were scored by|came from|were from|were netted by|blev sat ind af|blev scoret af|blev lavet af"
    r"|kom fra|erzielten|schossen|markierten|stammen von|ont été inscrits par|ont été marqués par|sont signés"
    r"|portano la firma di|sono di|sono stati segnati da|sono stati realizzati da|fueron obra de|llevan la firma de"
    rf"|fueron de|kwamen van|werden gemaakt door|kwamen op naam van|waren van)\s+{_NAMES}"
)
_ONE_LISTED = re.compile(
    r"(?P<player>[A-ZÀ-ÞØÆÅ][\w'’-]+(?:[ ](?:(?:de|da|di|van|von|der|den|ter|le|la|del|dos)[ ])*"
    r"[A-ZÀ-ÞØÆÅ][\w'’-]+){0,3})(?:\s*\((?P<inner>[^()\n]{0,40})\))?"
)


def _told_scorers(stub: MatchStub, text: str) -> list[dict[str, Any]]:
    """The goals sentences list for one of the match's clubs, with the minutes in brackets after a name."""
    goals = []
    for hit in [*_SCORED_FOR.finditer(text), *_PUT_AHEAD.finditer(text), *_GOALS_BY.finditer(text)]:
        club = (hit["team"] or hit.groupdict().get("team2") or "").rstrip(".,;:")
        team = next((side for side in (stub.home_team, stub.away_team) if same_team(club, side)
                     or _in_passage(side, club)), None)  # fmt: skip
        if team is None:
            continue
        for named in _ONE_LISTED.finditer(re.sub(_BRACE, "", hit["names"])):
            player = named["player"].strip()
            if any(same_team(player, side) for side in (stub.home_team, stub.away_team)):
                continue
            minutes = [parse_minute(m) for m in re.findall(r"\d{1,3}(?:\s*\+\s*\d{1,2})?", named["inner"] or "")]
            penalty = bool(_PENALTY_WORDS.search(fold_text(named["inner"] or "")))
            timed: list[int | None] = [m for m in minutes if m is not None]
            for minute in timed or [None]:
                goals.append({"player": player, "team": team, "minute": minute, "penalty": penalty,
                              "own_goal": False, "assist": None})  # fmt: skip
    return goals


def _with_told_scorers(goals: list[dict[str, Any]], stub: MatchStub, text: str) -> list[dict[str, Any]]:
    """The model's goals, and the listed scorers it missed while the score has room for them.

    A listed scorer the model gave the other club is his listed club's.
    """
    told = _told_scorers(stub, text)
    if not told:
        return goals
    teams_told = {_surname(goal["player"]): goal["team"] for goal in told}
    sides = (stub.home_team, stub.away_team)
    out = [{**goal, "team": teams_told.get(_surname(goal["player"]), goal["team"])} for goal in goals
           if not any(same_team(str(goal.get("player") or ""), side) for side in sides)]  # "AGF" is no scorer
    room = {stub.home_team: stub.home_score, stub.away_team: stub.away_score}
    for goal in out:
        room[goal["team"]] = room.get(goal["team"], 0) - 1
    for goal in told:
        listed = [g for g in out if _surname(g["player"]) == _surname(goal["player"])]
        if listed and (goal["minute"] is None or any(g["minute"] == goal["minute"] for g in listed)):
            continue
        if room.get(goal["team"], 0) > 0:
            room[goal["team"]] -= 1
            out.append(goal)
    return out


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
        cards = _once_each(cards, grounder)
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


PLAN = Plan(
    steps=(
        Step(name="results", model=_result_model, contexts=lambda answers, grounder: score_questions(grounder)),
        Step(name="results_wider", model=_result_model, contexts=_wider_questions, template="results"),
        Step(name="details", model=_details_model, contexts=_detail_contexts),
        Step(name="goals_at", model=_goal_model, contexts=_goal_questions, with_previous=True),
    ),
    assemble=_assemble,
)
