"""The `extractor` command: a thin typer layer over `extractor.api`."""

from __future__ import annotations

import json
import logging

import typer

from extractor.cli import options as opt
from extractor.cli.errors import handle_errors
from extractor.cli.eval import eval_command
from extractor.cli.merge import merge_command
from extractor.cli.model import app as model_app
from extractor.cli.report import report
from extractor.cli.run import run
from extractor.cli.serve import serve

app = typer.Typer(
    help="Extract typed, validated, evidence-backed JSON from news articles with an LLM.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
prompts_app = typer.Typer(help="Inspect the versioned prompts.", no_args_is_help=True)
app.command("run")(handle_errors(run))
app.command("eval")(handle_errors(eval_command))
app.command("merge")(handle_errors(merge_command))
app.command("serve")(handle_errors(serve))
app.command("report")(handle_errors(report))
app.add_typer(prompts_app, name="prompts")
app.add_typer(model_app, name="model", help="The embedded model: where it is, and a server to reuse.")


@app.command("schema")
@handle_errors
def schema(task: opt.TaskOption = None, home: opt.Home = None) -> None:
    """Print the task's JSON Schema (what the model must fill). Example: extractor schema."""
    from extractor.tasks import load_task

    settings = opt.build_settings(task=task, home=home)
    loaded = load_task(settings.task, settings.home)
    typer.echo(json.dumps(loaded.root_model.model_json_schema(), indent=2, ensure_ascii=False))


@prompts_app.command("list")
@handle_errors
def prompts_list(task: opt.TaskOption = None, home: opt.Home = None) -> None:
    """Show every prompt: task, language, version, hash. Example: extractor prompts list."""
    from rich.console import Console
    from rich.table import Table

    from extractor.prompts import PromptSet
    from extractor.tasks import load_task

    settings = opt.build_settings(task=task, home=home)
    prompts = PromptSet(load_task(settings.task, settings.home))
    table = Table("task", "language", "version", "sha256", "file")
    for prompt in prompts:
        table.add_row(prompt.spec.task, prompt.spec.language, prompt.version, prompt.sha256[:16], prompt.path.name)
    Console().print(table)




def main() -> None:
    """Entry point of the `extractor` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # instructor logs every failed attempt at ERROR, even ones a retry then fixes; the records
    # and the summary table already say what failed and why.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    app()
