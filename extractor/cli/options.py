"""Options shared by the commands, each declared once, turned into one `Settings` object.

`settings_options` gives a command the options `run` and `eval` share (`SHARED`) without
repeating them in its signature: the command receives their values as one mapping of
`Settings` field names, ready for `build_settings`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from extractor.errors import ConfigError

if TYPE_CHECKING:
    from extractor.settings import Settings

# pydantic-settings (and so `extractor.settings`) loads when a command builds its settings, not
# for `extractor --help` (issue 11: start-up).

BACKEND_PANEL = "Model backend"
RUN_PANEL = "Run control"

BackendOption = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="'embedded' (default: local llama.cpp model, no key) or 'openai' "
                 "(any OpenAI-compatible server). Example: --backend openai", rich_help_panel=BACKEND_PANEL),
]
Model = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Model name sent to the server. Example: --model gpt-4o-mini",
                 rich_help_panel=BACKEND_PANEL),
]
BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", help="OpenAI-compatible endpoint (else $OPENAI_BASE_URL). "
                 "Example: --base-url http://localhost:11434/v1", rich_help_panel=BACKEND_PANEL),
]
ApiKey = Annotated[
    str | None,
    typer.Option("--api-key", help="API key for --backend openai (prefer $OPENAI_API_KEY: a flag shows in `ps`). "
                 "Example: --api-key \"$MY_KEY\"", rich_help_panel=BACKEND_PANEL, show_default=False),
]
Mode = Annotated[
    str | None,
    typer.Option("--mode", help="instructor mode: json, tools, md_json or json_schema (default per backend). "
                 "Example: --mode json", rich_help_panel=BACKEND_PANEL),
]
ModelPath = Annotated[
    Path | None,
    typer.Option("--model-path", help="Another GGUF file for the embedded backend. Example: --model-path ~/m.gguf",
                 rich_help_panel=BACKEND_PANEL),
]
ServerUrl = Annotated[
    str | None,
    typer.Option("--server-url", help="Reuse a running `extractor model serve`. "
                 "Example: --server-url http://127.0.0.1:8765/v1", rich_help_panel=BACKEND_PANEL),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", help="Skip detection and use this ISO 639-1 language. Example: --lang da",
                 rich_help_panel=RUN_PANEL),
]
Concurrency = Annotated[
    int | None,
    typer.Option("--concurrency", "-j", min=1, help="Documents in flight at once. Example: -j 8",
                 rich_help_panel=RUN_PANEL),
]
Parallel = Annotated[
    int | None,
    typer.Option("--parallel", min=1, max=64, help="Questions of one step in flight at once; the embedded model "
                 "server decodes this many together (default 4; 1 = one at a time). Example: --parallel 1",
                 rich_help_panel=RUN_PANEL),
]
RecordOption = Annotated[
    Path | None,
    typer.Option("--record", help="Store every model exchange in DIR and serve repeats from it (a cache). "
                 "Example: --record tests/fixtures/recordings", rich_help_panel=RUN_PANEL),
]
Replay = Annotated[
    Path | None,
    typer.Option("--replay", help="Serve model answers only from DIR; no model is called, a miss is an error. "
                 "Example: --replay tests/fixtures/recordings", rich_help_panel=RUN_PANEL),
]
FollowSymlinks = Annotated[
    bool,
    typer.Option("--follow-symlinks", help="Also read symlinks that point outside the input folders (off: they "
                 "get an error record and are never read). Example: --follow-symlinks", rich_help_panel=RUN_PANEL),
]
MaxInputBytes = Annotated[
    int | None,
    typer.Option("--max-input-bytes", min=1, help="Refuse files larger than this many bytes (default 2,000,000). "
                 "Example: --max-input-bytes 5000000", rich_help_panel=RUN_PANEL),
]
MaxInputChars = Annotated[
    int | None,
    typer.Option("--max-input-chars", min=1, help="Refuse articles longer than this after cleaning (default "
                 "20,000; must fit the model's context). Example: --max-input-chars 30000", rich_help_panel=RUN_PANEL),
]
Strategy = Annotated[
    str | None,
    typer.Option("--strategy", help="How to ask the model: 'staged' (the task's small questions; the embedded "
                 "default), 'single' (one call per document; the openai default) or another prompt variant "
                 "folder such as 'naive'. Example: --strategy single", rich_help_panel=RUN_PANEL),
]
TaskOption = Annotated[
    str | None,
    typer.Option("--task", help="Extraction task (schemas/<task>.py). Example: --task match_report",
                 rich_help_panel=RUN_PANEL),
]
Home = Annotated[
    Path | None,
    typer.Option("--home", help="Folder with schemas/, prompts/, evals/ (default: the installed ones). "
                 "Example: --home ./my-tasks", rich_help_panel=RUN_PANEL),
]

#: The options `run` and `eval` share: command parameter -> (Settings field, option declaration).
SHARED: dict[str, tuple[str, Any]] = {
    "backend": ("backend", BackendOption),
    "model": ("model", Model),
    "base_url": ("base_url", BaseUrl),
    "api_key": ("api_key", ApiKey),
    "mode": ("mode", Mode),
    "model_path": ("model_path", ModelPath),
    "server_url": ("server_url", ServerUrl),
    "concurrency": ("concurrency", Concurrency),
    "parallel": ("parallel_questions", Parallel),
    "max_input_bytes": ("max_input_bytes", MaxInputBytes),
    "max_input_chars": ("max_input_chars", MaxInputChars),
    "record": ("record_dir", RecordOption),
    "replay": ("replay_dir", Replay),
    "strategy": ("strategy", Strategy),
    "task": ("task", TaskOption),
    "home": ("home", Home),
}
#: The parameter through which a `settings_options` command receives the shared values.
SHARED_PARAMETER = "shared"

R = TypeVar("R")


def settings_options(command: Callable[..., R]) -> Callable[..., R]:
    """Add the `SHARED` options to a typer command.

    The command declares a parameter ``shared: dict[str, Any]``; it receives the shared
    options' values keyed by `Settings` field (``{"record_dir": ..., "task": ...}``) and passes
    them on to `build_settings` together with its own flags. Typer sees the command's own
    parameters followed by the shared ones (all default None), so ``--help`` lists them all.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [p for name, p in signature.parameters.items() if name != SHARED_PARAMETER]
    if len(own) == len(signature.parameters):
        raise TypeError(f"{command.__name__} must take a {SHARED_PARAMETER!r} parameter")
    clash = {p.name for p in own} & set(SHARED)
    if clash:
        raise TypeError(f"{command.__name__} declares shared option(s) itself: {', '.join(sorted(clash))}")
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
             for name, (_, annotation) in SHARED.items()]
    own_positional = [p for p in own if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    own_keyword = [p for p in own if p.kind is inspect.Parameter.KEYWORD_ONLY]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        shared = {field: kwargs.pop(name, None) for name, (field, _) in SHARED.items()}
        return command(*args, **kwargs, **{SHARED_PARAMETER: shared})

    wrapper.__signature__ = signature.replace(parameters=[*own_positional, *own_keyword, *added])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*own, *added]}
    return wrapper


#: Settings fields by the flag (or variable) a user sets them with, for error messages.
FLAGS = {
    "base_url": "--base-url (or OPENAI_BASE_URL)",
    "server_url": "--server-url",
    "language": "--lang",
    "replay_dir": "--replay",
    "record_dir": "--record",
    "model_path": "--model-path",
    "concurrency": "--concurrency",
    "parallel_questions": "--parallel",
    "api_key": "--api-key (or OPENAI_API_KEY)",
    "max_input_bytes": "--max-input-bytes",
    "max_input_chars": "--max-input-chars",
    "strategy": "--strategy",
}


def build_settings(**flags: Any) -> Settings:
    """Settings from the flags the user gave; unset flags leave env vars and defaults in force.

    Raises:
        ConfigError: one line per wrong value, naming the flag that sets it.
    """
    from pydantic import ValidationError

    from extractor.settings import Settings

    given = {name: value for name, value in flags.items() if value is not None}
    if given.get("record_dir") and given.get("replay_dir"):
        raise ConfigError("--record and --replay exclude each other")
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise ConfigError("; ".join(_problem(error) for error in exc.errors())) from None
    except ValueError as exc:
        raise ConfigError(" ".join(str(exc).split())) from exc


def _problem(error: Any) -> str:
    """`--lang: not an ISO 639-1 language code: 'xx' ...` from one pydantic error."""
    field = str(error["loc"][0]) if error.get("loc") else ""
    where = FLAGS.get(field) or (f"EXTRACTOR_{field.upper()}" if field else "settings")
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    return f"{where}: {' '.join(message.split())}"


# Old names still used by `serve` and `report`, whose files other changes have open; new code uses
# BackendOption and TaskOption (the old names shadow extractor.llm.backend.Backend and tasks.Task).
Backend = BackendOption
Task = TaskOption
