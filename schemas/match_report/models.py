"""The task's pydantic models: the root model other tools read, and the answers of the plan's steps.

``MatchReport`` and its ``Match``, ``Goal`` and ``Card`` are the public contract; ``MatchStub``
is step 1's result, and the small models built per question (`_result_for`, `_details_for`,
`_goal_for`) are what the grammar lets a small model answer.
"""

from __future__ import annotations

import functools
import re
from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from extractor.names import same_club as same_team
from extractor.plan import GROUNDED, GROUNDED_PERSON

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
        seen: dict[tuple[str, str, int | None], list[str]] = {}
        for goal in self.goals:
            side = self._side(goal.team, teams)
            if side is None:
                raise ValueError(
                    f"goal by {goal.player!r} is credited to {goal.team!r}, which is neither "
                    f"home_team {self.home_team!r} nor away_team {self.away_team!r}"
                )
            per_side[side] += 1
            key = (goal.player.lower(), side, goal.minute)
            seen.setdefault(key, []).append(goal.player)
        for (_, _, minute), names in seen.items():
            if len(names) > 1:  # the count in the message: each copy removed is a step (a model looping "X" x7)
                raise ValueError(f"duplicate goal entry: {names[0]!r} minute {minute}, {len(names)} times")
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

_GOAL_LIMIT = 8  # a longer list from a small model is junk repeated to the grammar's limit


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
