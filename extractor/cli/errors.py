"""Typed errors become one clear line on stderr and exit status 2 (1 is 'some documents failed')."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from extractor.errors import ExtractorError

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so an `ExtractorError` prints its message and exits with status 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ExtractorError as exc:
            Console(stderr=True).print(f"[red]error ({exc.kind}):[/red] {exc}", highlight=False)
            raise typer.Exit(2) from exc
        except KeyboardInterrupt:
            Console(stderr=True).print("interrupted: records written so far are kept; rerun with --resume")
            raise typer.Exit(130) from None

    return wrapper
