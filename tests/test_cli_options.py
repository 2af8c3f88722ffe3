"""The options `run` and `eval` share are declared once (`extractor.cli.options.SHARED`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli import options as opt

runner = CliRunner()


def flags_of(command: str) -> set[str]:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    return set(re.findall(r"--[a-z][a-z-]+", result.output))


def test_run_and_eval_both_offer_every_shared_option() -> None:
    shared = {"--" + name.replace("_", "-") for name in opt.SHARED}
    assert len(shared) == 16
    assert shared <= flags_of("run")
    assert shared <= flags_of("eval")
    assert {"--lang", "--follow-symlinks", "--resume"} <= flags_of("run") - flags_of("eval")
    assert {"--prompt", "--split"} <= flags_of("eval") - flags_of("run")


def test_a_command_gets_the_shared_values_keyed_by_settings_field() -> None:
    seen: dict[str, Any] = {}
    probe = typer.Typer()

    @probe.command()
    @opt.settings_options
    def go(name: Annotated[str, typer.Option("--name")] = "x", *, shared: dict[str, Any]) -> None:
        seen.update(shared, name=name)

    result = runner.invoke(probe, ["--name", "y", "--record", "rec", "--task", "books", "-j", "3"])
    assert result.exit_code == 0, result.output
    assert seen.pop("name") == "y"
    assert seen.pop("record_dir") == Path("rec") and seen.pop("task") == "books" and seen.pop("concurrency") == 3
    assert set(seen) == {field for field, _ in opt.SHARED.values()} - {"record_dir", "task", "concurrency"}
    assert all(value is None for value in seen.values()), "an option not given stays unset (env vars then apply)"
    settings = opt.build_settings(**{"record_dir": Path("rec"), "task": "books", **seen})
    assert settings.record_dir == Path("rec") and settings.task == "books"


def test_a_command_cannot_declare_a_shared_option_twice() -> None:
    def twice(task: str | None = None, *, shared: dict[str, Any]) -> None: ...

    with pytest.raises(TypeError, match="declares shared option"):
        opt.settings_options(twice)
