"""Running a task's staged plan: small questions, each with a schema built for it.

Every question about one document shares the same messages up to the question itself
(system text, then the article), so a llama.cpp server reuses the article's KV cache and
each question after the first pays only for its own few tokens. A question that fails
costs its own facts (a warning says so), not the document; only a failed first step does.
"""

from __future__ import annotations

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
    """Ask every step's questions in order; return the assembled result and the warnings."""
    answers: Answers = {}
    warnings: list[RecordWarning] = []
    for number, step in enumerate(plan.steps):
        results: list[tuple[dict[str, Any], Any]] = []
        for context in step.contexts(answers, grounder):
            messages = prompt.render_step(step.template_name, text, language, context)
            model = step.model(context)
            try:
                value = await structured_call(
                    rt.client, rt.endpoint, rt.settings, messages, model, ledger, keep_messages=True
                )
            except ModelOutputError as exc:
                if number == 0:
                    raise
                warnings.append(
                    RecordWarning(path=f"{step.name}{_label(context)}", rule="question_failed", message=str(exc))
                )
                value = None
            results.append((context, value))
        answers[step.name] = results
    return plan.assemble(answers, grounder), warnings


def _label(context: dict[str, Any]) -> str:
    return "(" + ", ".join(f"{k}={v!r}" for k, v in context.items()) + ")" if context else ""
