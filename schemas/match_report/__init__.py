"""Task `match_report`: every football match whose result an article reports.

This package is a task definition, not engine code. The engine finds it by name
(`schemas/<task>/__init__.py`, as it would a module `schemas/<task>.py`) and reads from it:

* ``ROOT_MODEL`` - the pydantic model the LLM must fill.
* ``EVAL_SPEC`` - how the evaluation aligns and compares its fields.
* ``CHECKS`` - rules that need the article: the engine applies them to every answer.
* ``PLAN`` - the staged plan for small models: the matches first, then one short question per match.
* ``MERGE_SPEC`` - how reports of one match consolidate (`extractor merge`).

The field names of ``MatchReport``, ``Match``, ``Goal`` and ``Card`` (`models`) are a
public contract: other tools read them. Descriptions are written for the model
(they are sent in the JSON Schema) and teach it the conventions.

The modules, each importing only from those before it: `models`, `words`, `minutes`,
`lines`, `results`, `facts`, `checks`, `hosts`, `prose`, `stubs`, `questions`, `assemble`.
"""

from __future__ import annotations

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.merge_spec import MergeSpec, SubListMerge
from extractor.names import club_key as team_key
from extractor.names import same_club as same_team
from extractor.plan import Plan, Step

from .assemble import _assemble
from .checks import (
    _assister_findings,
    _caption_findings,
    _card_findings,
    _card_type_findings,
    _date_findings,
    _flag_findings,
    _minute_findings,
    _one_match_per_scorer,
    _one_side_per_scorer,
    _people_as_teams,
    _people_findings,
    _role_findings,
    _score_findings,
    _scorer_findings,
    _scorer_near_match,
    date_stated,
)
from .facts import line_facts
from .hosts import _fixture_score_findings, _host_findings, _venue_findings
from .lines import parse_line
from .minutes import parse_minute
from .models import (
    MAX_CARDS,
    MAX_GOALS,
    MAX_MATCHES,
    MINUTE_HELP,
    Card,
    Goal,
    Match,
    MatchReport,
    MatchStub,
    Name,
    OptName,
    OptPerson,
    Person,
    ResultKind,
    _details_model,
    _goal_model,
    _result_model,
    coerce_minute,
)
from .outcome import _side_outcome_findings, _winner_by_verb_findings
from .prose import article_stage, coaches, prose_cards
from .questions import _goal_questions, _wider_questions, score_questions
from .results import idiom_results, listed_results, sheet_results, summary_results
from .sides import _goal_epithet_findings, _goal_for_findings, _goal_lineup_findings, _goal_side_findings
from .stubs import _detail_contexts
from .words import score_pattern, score_stated

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


CHECKS = (
    _caption_findings,
    _people_as_teams, _score_findings, _host_findings, _fixture_score_findings, _side_outcome_findings,
    _winner_by_verb_findings,
    _people_findings, _role_findings,
    _assister_findings,
    _card_findings, _card_type_findings, _flag_findings, _goal_lineup_findings, _goal_for_findings, _goal_side_findings,
    _goal_epithet_findings, _one_match_per_scorer, _scorer_near_match, _one_side_per_scorer, _minute_findings,
    _date_findings,
    _venue_findings, _scorer_findings,
)  # fmt: skip


PLAN = Plan(
    steps=(
        Step(name="results", model=_result_model, contexts=lambda answers, grounder: score_questions(grounder)),
        Step(name="results_wider", model=_result_model, contexts=_wider_questions, template="results"),
        Step(name="details", model=_details_model, contexts=_detail_contexts),
        Step(name="goals_at", model=_goal_model, contexts=_goal_questions, with_previous=True),
    ),
    assemble=_assemble,
)

__all__ = [
    "CHECKS",
    "EVAL_SPEC",
    "MAX_CARDS",
    "MAX_GOALS",
    "MAX_MATCHES",
    "MERGE_SPEC",
    "MINUTE_HELP",
    "PLAN",
    "ROOT_MODEL",
    "Card",
    "Goal",
    "Match",
    "MatchReport",
    "MatchStub",
    "Name",
    "OptName",
    "OptPerson",
    "Person",
    "ResultKind",
    "article_stage",
    "coaches",
    "coerce_minute",
    "date_stated",
    "idiom_results",
    "line_facts",
    "listed_results",
    "parse_line",
    "parse_minute",
    "prose_cards",
    "same_team",
    "score_pattern",
    "score_questions",
    "score_stated",
    "sheet_results",
    "summary_results",
    "team_key",
]
