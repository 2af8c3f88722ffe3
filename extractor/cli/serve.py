"""`extractor serve`: the HTTP API and the review page, one model backend for every request."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli import options as opt
from extractor.errors import ConfigError

SERVICE_PANEL = "Service"
#: The service's own key. Not EXTRACTOR_API_KEY: Settings already reads that as the *backend's* key,
#: so reusing it would send the service key to the model endpoint.
SERVICE_KEY_ENV = "EXTRACTOR_SERVICE_API_KEY"


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only). "
                                      "Example: --host 0.0.0.0", rich_help_panel=SERVICE_PANEL)] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port. Example: --port 8000",
                                      rich_help_panel=SERVICE_PANEL)] = 8000,
    store: Annotated[Path, typer.Option("--store", help="Folder of the jobs (inputs, records); jobs survive a "
                                        "restart. Example: --store /var/lib/extractor",
                                        rich_help_panel=SERVICE_PANEL)] = Path("extractor-jobs"),
    api_key: Annotated[str | None, typer.Option(
        "--api-key", envvar=SERVICE_KEY_ENV, show_default=False, rich_help_panel=SERVICE_PANEL,
        help=f"Require 'Authorization: Bearer KEY' on every request (else ${SERVICE_KEY_ENV}). "
        "Example: --api-key \"$(openssl rand -hex 16)\"")] = None,
    max_body_bytes: Annotated[int, typer.Option("--max-body-bytes", min=1, rich_help_panel=SERVICE_PANEL,
                                                help="Requests with a larger body get 413. Example: "
                                                "--max-body-bytes 50000000")] = 20_000_000,
    gold: Annotated[Path | None, typer.Option(
        "--gold", rich_help_panel=SERVICE_PANEL, help="Gold files the review page compares a job's records with "
        "(default: the task's evals/<task>/gold). Example: --gold evals/match_report/gold")] = None,
    backend: opt.Backend = None,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    backend_api_key: Annotated[str | None, typer.Option(
        "--backend-api-key", show_default=False, rich_help_panel=opt.BACKEND_PANEL,
        help="API key for --backend openai (prefer $OPENAI_API_KEY). Example: --backend-api-key \"$KEY\"")] = None,
    mode: opt.Mode = None,
    model_path: opt.ModelPath = None,
    server_url: opt.ServerUrl = None,
    lang: opt.Lang = None,
    concurrency: opt.Concurrency = None,
    max_input_bytes: opt.MaxInputBytes = None,
    max_input_chars: opt.MaxInputChars = None,
    strategy: opt.Strategy = None,
    task: opt.Task = None,
    home: opt.Home = None,
) -> None:
    """Serve the extraction API (/v1/...) and the review page (/) until Ctrl-C.

    Example: extractor serve --backend openai --base-url http://localhost:11434/v1 -j 8 --port 8000
    """
    from rich.console import Console

    from extractor.service.models import ServiceConfig

    console = Console(stderr=True)
    settings = opt.build_settings(
        backend=backend, model=model, base_url=base_url, api_key=backend_api_key, mode=mode, model_path=model_path,
        server_url=server_url, language=lang, concurrency=concurrency, max_input_bytes=max_input_bytes,
        max_input_chars=max_input_chars, strategy=strategy, task=task, home=home,
    )
    if gold is not None and not gold.is_dir():
        raise ConfigError(f"--gold {gold}: not a folder of gold files")
    config = ServiceConfig(host=host, port=port, api_key=api_key or None, store=store, max_body_bytes=max_body_bytes,
                           gold=gold)
    if api_key is None and not _loopback(host):
        console.print(f"warning: listening on {host} without --api-key: anyone who can reach it can use the model")
    if api_key is None and os.environ.get("EXTRACTOR_API_KEY"):
        console.print(f"note: EXTRACTOR_API_KEY is the model backend's key; the service's own key is "
                      f"--api-key or ${SERVICE_KEY_ENV}")
    try:
        config.store.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"--store {store}: cannot create it: {exc.strerror or exc}") from exc
    from extractor.service.app import serve as run_service  # needs the 'service' extra (MissingExtraError)

    console.print(f"extractor serve: http://{host}:{port}/ (API docs at /docs), jobs in {config.store}, "
                  f"backend {settings.backend}, {settings.concurrency} document(s) at a time")
    run_service(settings, config)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
