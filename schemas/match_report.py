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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from extractor.evaluation.spec import EvalSpec, FieldRule, ListRule

MAX_MATCHES = 16
MAX_GOALS = 12
MAX_CARDS = 12

MINUTE_HELP = (
    "Match minute as an integer, or null when the text does not pin it down. "
    "Stoppage time adds: 90+3 -> 93, 45+1 -> 46. '11 minutes from time' -> 79; "
    "'on 13 minutes' / 'in the 13th minute' -> 13."
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

    player: str = Field(description="Scorer's name as written in the article.")
    team: str = Field(
        description=(
            "Team credited with the goal; must be the match's home_team or away_team "
            "spelled the same way. For an own goal: the team that BENEFITS."
        )
    )
    minute: int | None = Field(default=None, ge=1, le=130, description=MINUTE_HELP)
    penalty: bool = Field(default=False, description="True only for a goal scored from a penalty kick.")
    own_goal: bool = Field(default=False, description="True when the scorer put the ball into his own net.")
    assist: str | None = Field(default=None, description="Player who set up the goal, if named.")


class Card(_Timed):
    """A booking or sending-off."""

    player: str = Field(description="Player shown the card.")
    team: str = Field(description="The player's team: the match's home_team or away_team.")
    minute: int | None = Field(default=None, ge=1, le=130, description=MINUTE_HELP)
    card: Literal["yellow", "red", "second_yellow"] = Field(
        description="'second_yellow' when a second booking sends the player off; 'red' for a straight red."
    )


class Match(_Strict):
    """One match whose final (or current) result the article reports."""

    competition: str | None = Field(
        default=None, description="Competition, e.g. 'Champions League', 'Serie A'."
    )
    stage: str | None = Field(
        default=None, description="Stage, group or round within the competition, e.g. 'Group D'."
    )
    date: Date | None = Field(
        default=None,
        description="Day the match was played, ISO YYYY-MM-DD, only if the article states or dates it; else null.",
    )
    venue: str | None = Field(default=None, description="Stadium (or city if no stadium is named) where it was played.")
    home_team: str = Field(description="The host team (playing at its own ground).")
    away_team: str = Field(description="The visiting team.")
    home_score: int = Field(ge=0, le=99, description="Goals scored by home_team.")
    away_score: int = Field(ge=0, le=99, description="Goals scored by away_team.")
    home_coach: str | None = Field(default=None, description="Home team's coach, if named.")
    away_coach: str | None = Field(default=None, description="Away team's coach, if named.")
    goals: list[Goal] = Field(
        default_factory=list,
        max_length=MAX_GOALS,
        description="Goals of this match whose scorer is named. Penalty shoot-out kicks are not goals.",
    )
    cards: list[Card] = Field(
        default_factory=list, max_length=MAX_CARDS, description="Yellow and red cards mentioned for this match."
    )
    evidence: str | None = Field(
        default=None, max_length=200, description="Exact quote (a few words) from the article stating the result."
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
