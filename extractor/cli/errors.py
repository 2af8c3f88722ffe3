"""Typed errors become one clear line on stderr and exit status 2 (1 is 'some documents failed')."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

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
            from extractor.redact import env_secrets, redact

            secrets = [*env_secrets(), kwargs.get("api_key")]
            print_error(f"error ({exc.kind}): ", redact(str(exc), [s for s in secrets if isinstance(s, str)]))
            raise typer.Exit(2) from exc
        except KeyboardInterrupt:
            from rich.console import Console

            Console(stderr=True).print("interrupted: records written so far are kept; rerun with --resume")
            raise typer.Exit(130) from None

    return wrapper


def print_error(label: str, message: str) -> None:
    """One error line on stderr; the message is plain text (a '[html]' in it is not rich markup)."""
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, soft_wrap=True).print(Text.assemble((label, "red"), " ".join(message.split())))
