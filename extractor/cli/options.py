"""Options shared by `run` and `eval`, turned into one `Settings` object."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from extractor.errors import ConfigError
from extractor.settings import Settings

BACKEND_PANEL = "Model backend"
RUN_PANEL = "Run control"

Backend = Annotated[
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
Record = Annotated[
    Path | None,
    typer.Option("--record", help="Store every model exchange in DIR and serve repeats from it (a cache). "
                 "Example: --record tests/fixtures/recordings", rich_help_panel=RUN_PANEL),
]
Replay = Annotated[
    Path | None,
    typer.Option("--replay", help="Serve model answers only from DIR; no model is called, a miss is an error. "
                 "Example: --replay tests/fixtures/recordings", rich_help_panel=RUN_PANEL),
]
Task = Annotated[
    str | None,
    typer.Option("--task", help="Extraction task (schemas/<task>.py). Example: --task match_report",
                 rich_help_panel=RUN_PANEL),
]
Home = Annotated[
    Path | None,
    typer.Option("--home", help="Folder with schemas/, prompts/, evals/ (default: the installed ones). "
                 "Example: --home ./my-tasks", rich_help_panel=RUN_PANEL),
]


def build_settings(**flags: Any) -> Settings:
    """Settings from the flags the user gave; unset flags leave env vars and defaults in force."""
    given = {name: value for name, value in flags.items() if value is not None}
    if given.get("record_dir") and given.get("replay_dir"):
        raise ConfigError("--record and --replay exclude each other")
    try:
        return Settings(**given)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
