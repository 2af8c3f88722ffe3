"""Running a task's staged plan: small questions, each with a schema built for it.

Every question about one document shares the same messages up to the question itself
(system text, then the article), so a llama.cpp server reuses the article's KV cache and
each question after the first pays only for its own few tokens. A step's questions do not
depend on each other, so up to `Settings.parallel_questions` of them are in flight at once (a
server with parallel slots decodes them in one batch). A question that fails costs its own
facts (a warning says so), not the document; only a failed first step does.
"""

from __future__ import annotations

import asyncio
from typing import Any

from extractor.errors import ModelOutputError
from extractor.grounding import Grounder
from extractor.llm.call import Ledger, structured_call
from extractor.plan import Answers, Plan
from extractor.prompts import Prompt
from extractor.records import RecordWarning


async def run_plan(
    plan: Plan,
    prompt: Prompt,
    text: str,
    language: str | None,
    grounder: Grounder,
    rt: Any,
    ledger: Ledger,
) -> tuple[dict[str, Any], list[RecordWarning]]:
    """Ask every step's questions in order; return the assembled result and the warnings.

    Steps marked `with_previous` join the wave of the step before them: their contexts are
    built from that step's contexts alone, and all the wave's questions are in flight at once.
    """
    answers: Answers = {}
    warnings: list[RecordWarning] = []
    limit = asyncio.Semaphore(max(1, rt.settings.parallel_questions))

    async def ask(step: Any, context: dict[str, Any], first: bool) -> Any:
        messages = prompt.render_step(step.template_name, text, language, context)
        async with limit:
            try:
                return await structured_call(
                    rt.client, rt.endpoint, rt.settings, messages, step.model(context), ledger, keep_messages=True
                )
            except ModelOutputError as exc:
                if first:
                    raise
                return exc

    for wave in _waves(plan):
        asked: list[tuple[Any, dict[str, Any]]] = []
        for step in wave:
            contexts = list(step.contexts(answers, grounder))
            answers[step.name] = [(context, None) for context in contexts]  # what a `with_previous` step sees
            asked += [(step, context) for context in contexts]
        values = await _all(ask(step, context, step is plan.steps[0]) for step, context in asked)
        for step in wave:
            answers[step.name] = []
        for (step, context), value in zip(asked, values, strict=True):
            if isinstance(value, ModelOutputError):  # in the questions' order, however they finished
                path = f"{step.name}{_label(context)}"
                warnings.append(RecordWarning(path=path, rule="question_failed", message=str(value)))
                value = None
            answers[step.name].append((context, value))
    return plan.assemble(answers, grounder), warnings


def _waves(plan: Plan) -> list[list[Any]]:
    """The plan's steps grouped: each step, with the `with_previous` steps right after it."""
    waves: list[list[Any]] = []
    for step in plan.steps:
        if step.with_previous and waves:
            waves[-1].append(step)
        else:
            waves.append([step])
    return waves


async def _all(calls: Any) -> list[Any]:
    """Await every call at once, in order; the first failure cancels the others and is raised as is."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(call) for call in calls]
    except BaseExceptionGroup as failed:
        raise failed.exceptions[0] from None
    return [task.result() for task in tasks]


def _label(context: dict[str, Any]) -> str:
    return "(" + ", ".join(f"{k}={v!r}" for k, v in context.items()) + ")" if context else ""
