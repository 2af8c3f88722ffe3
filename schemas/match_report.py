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

import re
import unicodedata
from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from extractor.evaluation.spec import EvalSpec, FieldRule, ListRule
from extractor.grounding import Grounder, fold_text
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

_CLUB_AFFIXES = re.compile(r"\b(fc|afc|cf|sc|ac|as|ssc|bc|fk|if|bk|club|calcio)\b")


def team_key(name: str) -> str:
    """Normalise a club name for comparison: accents, case, punctuation, FC/AS affixes."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _CLUB_AFFIXES.sub(" ", re.sub(r"[^\w\s]", " ", text))
    return " ".join(text.split())


def same_team(a: str, b: str) -> bool:
    """Whether two spellings name the same club ('Atalanta' ~ 'Atalanta Bergamo')."""
    ka, kb = team_key(a), team_key(b)
    if not ka or not kb:
        return a.strip().lower() == b.strip().lower()
    return ka == kb or ka in kb.split() or kb in ka.split() or ka in kb or kb in ka


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


# ---------------------------------------------------------------------------------------
# Rules that need the article: the engine applies them to every answer, whatever strategy.

_SEP = r"\s*[-:]\s*"  # matched on folded text, where every dash is '-'


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
_OWN_GOAL_WORDS = _words(
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
    "'s side", "'s men", "la squadra di", "l'équipe de", "el equipo de", "manden bag",
)  # fmt: skip
_WINDOW = 220
_MONTHS = _words(
    "jan", "feb", "mar", "apr", "may", "mai", "maj", "jun", "jul", "aug", "sep", "oct", "okt", "nov", "dec", "dez",
    "gen", "ene", "fév", "avr", "mei", "mag", "giu", "lug", "ago", "set", "ott", "dic", "juin", "juil", "août",
    "déc", "mär", "maart", "marzo", "mars", "abril", "mayo", "junio", "julio", "agosto", "octubre", "noviembre",
    "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
)  # fmt: skip
_GENERIC_STAGE = {
    fold_text(word)
    for word in (
        "round", "group", "stage", "matchday", "league", "groep", "gruppe", "grupo", "girone", "groupe", "journée",
        "spieltag", "runde", "speelronde", "jornada", "giornata", "fase", "phase", "final", "finale", "of", "the",
    )
}  # fmt: skip
_NEAR = 90
_CARD_LIMIT = 6


def score_pattern(home: int, away: int) -> re.Pattern[str]:
    """The score in either orientation ("2-1", "1:2", "2 – 1"), not inside a longer number."""
    pair = f"{home}{_SEP}{away}|{away}{_SEP}{home}"
    return re.compile(rf"(?<![\d.,/])(?:{pair})(?!\d|[.,:/]\d)")


def _score_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    findings = []
    for index, match in enumerate(data.get("matches") or []):
        home, away = match.get("home_score"), match.get("away_score")
        if isinstance(home, int) and isinstance(away, int) and not score_pattern(home, away).search(
            grounder.folded_text
        ):
            message = f"the score {home}-{away} does not occur in the article"
            findings.append(Finding(("matches", index), "score_not_in_text", message))
    return findings


def _near(grounder: Grounder, name: str, pattern: re.Pattern[str], window: int) -> bool:
    """Whether `pattern` occurs within `window` characters of a mention of `name` (or its surname)."""
    text = grounder.folded_text
    for word in dict.fromkeys([name, *name.split()[-1:]]):
        if len(word) < 3:
            continue
        for start, end in grounder.find_all(word):
            if pattern.search(text[max(0, start - window) : end + window]):
                return True
    return False


def _card_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for c, card in enumerate(match.get("cards") or []):
            player = card.get("player") or ""
            if not _near(grounder, player, _CARD_WORDS, _WINDOW):
                findings.append(
                    Finding(("matches", m, "cards", c), "no_card_in_text", f"no card is mentioned near {player!r}")
                )
    return findings


def _flag_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """An own goal or penalty flag needs its word near the scorer; a coach needs a coach word."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for g, goal in enumerate(match.get("goals") or []):
            player = goal.get("player") or ""
            for flag, words in (("own_goal", _OWN_GOAL_WORDS), ("penalty", _PENALTY_WORDS)):
                if goal.get(flag) is True and not _near(grounder, player, words, _WINDOW):
                    message = f"{flag} for {player!r}, but the article says nothing of it near the name"
                    path = ("matches", m, "goals", g, flag)
                    findings.append(Finding(path, f"{flag}_not_in_text", message, "set", False))
        stage = match.get("stage")
        if isinstance(stage, str) and not set(re.findall(r"\w+", fold_text(stage))) - _GENERIC_STAGE:
            findings.append(Finding(("matches", m, "stage"), "generic_stage", f"{stage!r} names no round", "null"))
        for side in ("home_coach", "away_coach"):
            coach = match.get(side)
            if isinstance(coach, str) and coach and not _near(grounder, coach, _COACH_WORDS, _NEAR):
                message = f"{coach!r} is not called a coach in the article"
                findings.append(Finding(("matches", m, side), "not_a_coach", message, "null"))
    return findings


_MINUTE_EXPR = re.compile(
    r"\d{1,3}\s*['.]?\s*\+\s*\d{1,2}"  # 90+2, 90'+2, 90.+2
    r"|\(\d{1,3}[.'e]?\)"  # (38.) (38') (38e)
    r"|\d{1,3}(?:st|nd|rd|th|e|eme|º|°|\.)?\s*(?:min|spielmin)"  # 13th minute, 38. Minute, 38e minute
    r"|(?:minut[oe]s?|minute)\s+\d{1,3}"  # minuto 38
    r"|\d{1,3}\s*'(?:\s*(?:pt|st)\b)?"  # 38', 4' st
    r"|\d{1,3}(?:e|eme)\b"  # 38e
)


def _minutes_near(grounder: Grounder, name: str) -> set[int]:
    """Match minutes stated in the sentences that mention `name` (or its surname)."""
    text = grounder.folded_text
    found: set[int] = set()
    for word in dict.fromkeys([name, *name.split()[-1:]]):
        if len(word) < 3:
            continue
        for start, end in grounder.find_all(word):
            # this sentence and the one before it ("took the lead in the 13th minute. ... Scholz volleyed")
            left = max(_sentence_start(text, _sentence_start(text, start) - 2), start - 2 * _WINDOW)
            stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
            right = min([*stops, end + _WINDOW])
            for hit in _MINUTE_EXPR.finditer(text, max(left, 0), right):
                minute = parse_minute(text[hit.start() : min(hit.end() + 24, len(text))])
                if minute is not None:
                    found.add(minute)
    return found


def _sentence_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    return max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1, 0)


def _minute_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A goal's or card's minute must be stated near the player; the text's own minute wins."""
    findings = []
    for m, match in enumerate(data.get("matches") or []):
        for kind in ("goals", "cards"):
            for i, item in enumerate(match.get(kind) or []):
                minute = item.get("minute")
                stated = _minutes_near(grounder, item.get("player") or "")
                path = ("matches", m, kind, i, "minute")
                if minute is None:
                    if len(stated) == 1:
                        value = next(iter(stated))
                        message = f"no minute given; the text states {value} next to {item.get('player')!r}"
                        findings.append(Finding(path, "minute_from_text", message, "set", value))
                    continue
                if not isinstance(minute, int) or any(abs(minute - s) <= 1 for s in stated):
                    continue
                if len(stated) == 1:
                    value = next(iter(stated))
                    message = f"minute {minute} is not stated near {item.get('player')!r}; the text says {value}"
                    findings.append(Finding(path, "minute_from_text", message, "set", value))
                else:
                    message = f"minute {minute} is not stated near {item.get('player')!r}"
                    findings.append(Finding(path, "minute_not_in_text", message, "null"))
    return findings


def _date_findings(data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    text = grounder.folded_text
    findings = []
    for index, match in enumerate(data.get("matches") or []):
        value = match.get("date")
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue
        year, _, day = value.split("-")
        day_said = re.search(rf"(?<!\d){int(day)}(?!\d)", text) is not None
        if not (day_said and (year in text or _MONTHS.search(text))):
            message = f"the article does not state {value}"
            findings.append(Finding(("matches", index, "date"), "date_not_in_text", message, "null"))
    return findings


CHECKS = (_score_findings, _card_findings, _flag_findings, _minute_findings, _date_findings)


# ---------------------------------------------------------------------------------------
# The staged plan for small models: the matches first, then one short question per match.

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
_FROM_END = re.compile(
    r"from time|from the end|left|remaining|to go|to play|before the end|før tid|igen|tilbage|før slut"
    r"|vor schluss|vor dem ende|zu spielen|voor tijd|voor het einde|del final|para el final|de la fin"
    r"|avant la fin|dalla fine|al termine"
)
_SECOND_HALF = re.compile(
    r"\bst\b|secondo tempo|ripresa|second half|after the break|anden halvleg|2\. halvleg|zweite[n]? (?:halbzeit|hälfte)"
    r"|tweede helft|segund[ao] (?:tiempo|parte|mitad)|seconde période|deuxième période|seconde mi-temps"
    r"|deuxième mi-temps"
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
        words = re.search(r"\b(\w+)\s+(?:minut|minute|minuten|minuti|minutos)", text)
        number = _NUMBER_WORDS.get(words.group(1)) if words else None
    if number is None:
        return None
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


class MatchList(_Strict):
    """Step 1's answer."""

    matches: list[MatchStub] = Field(max_length=MAX_MATCHES)


def _details_model(context: dict[str, Any]) -> type[BaseModel]:
    """Step 2's answer for one match: its two teams are the only teams the grammar allows.

    At most as many goals as the score has, and no cards at all unless the article uses a
    card word somewhere (most reports mention none, and a small model invents them).
    """
    goals = context["home_score"] + context["away_score"]
    cards = _CARD_LIMIT if context.get("cards_mentioned") else 0
    return _details_for(context["home_team"], context["away_team"], goals, cards)


_DETAILS_CACHE: dict[tuple[str, str, int, int], type[BaseModel]] = {}


def _details_for(home: str, away: str, goals: int, cards: int) -> type[BaseModel]:
    key = (home, away, goals, cards)
    cached = _DETAILS_CACHE.get(key)
    if cached is not None:
        return cached
    team: Any = Literal[home, away] if home != away else Literal[home]
    minute: Any = (str | None, Field(max_length=32))
    goal_fields: dict[str, Any] = {
        "player": (str, ...), "team": (team, ...), "minute": minute, "penalty": (bool, ...), "own_goal": (bool, ...),
    }  # fmt: skip
    card_fields: dict[str, Any] = {
        "player": (str, ...), "team": (team, ...), "minute": minute,
        "card": (Literal["yellow", "red", "second_yellow"], ...),
    }  # fmt: skip
    goal = create_model("GoalAnswer", __base__=_Strict, **goal_fields)
    card = create_model("CardAnswer", __base__=_Strict, **card_fields)
    optional: Any = (str | None, ...)
    details_fields: dict[str, Any] = {
        "competition": optional, "stage": optional,
        "date": (str | None, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        "venue": optional, "home_coach": optional, "away_coach": optional,
        "goals": (list[goal], Field(max_length=goals)),
        "cards": (list[card], Field(max_length=cards)),
    }  # fmt: skip
    model = create_model("MatchDetails", __base__=_Strict, **details_fields)
    _DETAILS_CACHE[key] = model
    return model


def _stubs(answers: Answers) -> list[MatchStub]:
    """Step 1's matches, each reported pair once."""
    out: list[MatchStub] = []
    for _, answer in answers.get("matches", []):
        for stub in answer.matches if isinstance(answer, MatchList) else []:
            pair = {team_key(stub.home_team), team_key(stub.away_team)}
            if not any(pair == {team_key(o.home_team), team_key(o.away_team)} for o in out):
                out.append(stub)
    return out


def _stub_supported(stub: MatchStub, grounder: Grounder) -> bool:
    return (
        not same_team(stub.home_team, stub.away_team)
        and grounder.locate(stub.home_team) is not None
        and grounder.locate(stub.away_team) is not None
        and score_pattern(stub.home_score, stub.away_score).search(grounder.folded_text) is not None
    )


def _detail_contexts(answers: Answers, grounder: Grounder) -> list[dict[str, Any]]:
    """One question per match that survives the article's own check (saves calls)."""
    cards = _CARD_WORDS.search(grounder.folded_text) is not None
    return [
        {"index": index, **stub.model_dump(), "cards_mentioned": cards}
        for index, stub in enumerate(_stubs(answers))
        if _stub_supported(stub, grounder)
    ]


def _evidence(stub: MatchStub, grounder: Grounder) -> str | None:
    """The sentence that states the score (preferring one naming a team), from the article."""
    text = grounder.folded_text
    best: tuple[int, int] | None = None
    for hit in score_pattern(stub.home_score, stub.away_score).finditer(text):
        start = max(text.rfind(". ", 0, hit.start()) + 2, text.rfind("\n", 0, hit.start()) + 1, hit.start() - 160)
        stops = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        end = min([*stops, hit.end() + 160, len(text)])
        names = sum(fold_name in text[start:end] for fold_name in map(fold_text, (stub.home_team, stub.away_team)))
        if best is None or names == 2:
            best = (start, end)
            if names == 2:
                break
    if best is None:
        return None
    start, end = grounder.to_original(*best)
    return grounder.cleaned.original[start:end].strip()[:400] or None


def _assemble(answers: Answers, grounder: Grounder) -> dict[str, Any]:
    details = {ctx["index"]: answer for ctx, answer in answers.get("details", [])}
    matches = []
    for index, stub in enumerate(_stubs(answers)):
        found = details.get(index)
        extra = found.model_dump() if found is not None else {}
        goals = [
            {
                "player": goal["player"], "team": goal["team"], "minute": parse_minute(goal["minute"]),
                "penalty": goal["penalty"], "own_goal": goal["own_goal"], "assist": None,
            }
            for goal in extra.get("goals", [])
        ]  # fmt: skip
        cards = [
            {**card, "minute": parse_minute(card["minute"])} for card in extra.get("cards", [])
        ]
        matches.append(
            {
                "competition": extra.get("competition"), "stage": extra.get("stage"), "date": extra.get("date"),
                "venue": extra.get("venue"), **stub.model_dump(),
                "home_coach": extra.get("home_coach"), "away_coach": extra.get("away_coach"),
                "goals": goals, "cards": cards, "evidence": _evidence(stub, grounder),
            }
        )  # fmt: skip
    return {"matches": matches}


PLAN = Plan(
    steps=(
        Step(name="matches", model=lambda context: MatchList),
        Step(name="details", model=_details_model, contexts=_detail_contexts),
    ),
    assemble=_assemble,
)
