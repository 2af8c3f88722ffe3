"""What a task may declare beyond its root model: grounded fields, checks, a staged plan.

All of it is optional task data read from `schemas/<task>.py`; the engine never names a
task's fields.

* ``Annotated[str, GROUNDED]`` marks a string field whose value must be found in the
  article. Unfound, an optional field is set to null and a required one costs its list item,
  each with a warning.
* ``CHECKS``: functions ``(result, grounder) -> list[Finding]`` for task rules the types
  cannot say (a score that must appear in the text, a card that needs a card word nearby).
* ``PLAN``: a `Plan` of small questions for small models. Each `Step` names a template in the
  prompt file (``[steps.<name>]``), builds its response model from a context (so a per-match
  question can enumerate that match's two teams in the grammar), and lists the contexts to
  ask about, given the answers so far. ``assemble`` turns all answers into data shaped like
  the root model. Without a plan, the engine asks for the root model in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from extractor.grounding import Grounder

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Grounded:
    """Annotated marker: the string value must occur in the article.

    With `partial`, a multi-word value may be grounded on its longest word (a person named
    in full once and by surname later); without, only the whole value counts.
    """

    partial: bool = False


GROUNDED = Grounded()
GROUNDED_PERSON = Grounded(partial=True)


@dataclass(frozen=True)
class Finding:
    """A fact a rule rejects or corrects.

    `action`: drop removes the nearest list item, null sets the field to null, set puts
    `value` there (a value the rule found in the text itself).
    """

    path: Path
    rule: str
    message: str
    action: Literal["drop", "null", "set"] = "drop"
    value: Any = None


Check = Callable[[dict[str, Any], Grounder], list[Finding]]
Answers = dict[str, list[tuple[dict[str, Any], BaseModel | None]]]


@dataclass(frozen=True)
class Step:
    """One kind of question.

    Attributes:
        name: The prompt template key (``[steps.<name>]`` in the prompt file).
        model: Builds the response model for one context.
        contexts: The contexts to ask about, from the answers of earlier steps and the article
            (default: one). A task may skip a context the article cannot support.
        template: The prompt template key when it is not `name`: a step that asks an earlier
            step's question again with other contexts (a re-ask) shares that step's template.
        with_previous: Asked together with the step before it: its contexts need only that
            step's contexts, not its answers (it sees that step's contexts with ``None`` answers),
            so a server with parallel slots answers both steps' questions in one batch.
    """

    name: str
    model: Callable[[dict[str, Any]], type[BaseModel]]
    contexts: Callable[[Answers, Grounder], Sequence[dict[str, Any]]] = field(default=lambda answers, grounder: [{}])
    template: str | None = None
    with_previous: bool = False

    @property
    def template_name(self) -> str:
        """The `[steps.<key>]` template this step renders."""
        return self.template or self.name


@dataclass(frozen=True)
class Plan:
    """Steps in order, and how their answers become one result."""

    steps: tuple[Step, ...]
    assemble: Callable[[Answers, Grounder], dict[str, Any]]

    def step(self, name: str) -> Step:
        """The step called `name`.

        Raises:
            KeyError: the plan has no such step.
        """
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(name)

    @property
    def step_names(self) -> tuple[str, ...]:
        """Template names a prompt file must provide."""
        return tuple(dict.fromkeys(step.template_name for step in self.steps))


def format_path(path: Path) -> str:
    """('matches', 0, 'goals', 1) -> 'matches[0].goals[1]'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
