"""Start-up (issue 11): a command loads what it needs when it runs, `--help` loads none of it.

What loads is the behaviour pinned here (a fresh interpreter each time); how long it takes is
measured by hand (`python -X importtime`, `time extractor --help`), not in a timed test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import language
from extractor.backends.embedded import N_CTX

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

#: What `extractor --help` must not import: the model stack, settings, language detection, rich's help.
HEAVY = ("openai", "instructor", "pydantic_settings", "extractor.settings", "numpy", "py3langid", "asyncio",
         "extractor.local_model", "extractor.api")


def loaded_after(argv: list[str]) -> tuple[str, list[str]]:
    """Run the CLI with `argv` in a fresh interpreter; its output and which HEAVY modules it loaded."""
    code = (
        "import sys, json\n"
        f"sys.argv = ['extractor', *{argv!r}]\n"
        "from extractor.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m in heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "COLUMNS": "120"})
    *output, last = done.stdout.strip().splitlines()
    return "\n".join(output), json.loads(last)


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["eval", "--help"], ["model", "serve", "--help"]])
def test_help_loads_no_model_stack_and_no_settings(argv: list[str]) -> None:
    output, heavy = loaded_after(argv)
    assert "Usage" in output
    assert heavy == []


def test_model_serve_help_states_the_embedded_backends_context_size() -> None:
    output, _ = loaded_after(["model", "serve", "--help"])
    assert f"default {N_CTX}" in " ".join(output.split())  # written in the help, so it is checked here


def test_the_cached_language_model_gives_py3langids_own_answers(tmp_path: Path) -> None:
    from py3langid.langid import LanguageIdentifier

    model = language._model_path()
    reference = LanguageIdentifier.from_model_file(model)
    first = language.load_cached(model, tmp_path)  # unpacks into tmp_path
    again = language.load_cached(model, tmp_path)  # maps what the first call wrote
    assert [p.name for p in tmp_path.iterdir()] == [language._cache_key(model)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["Der Torwart hielt den Elfmeter in der letzten Minute.", "Спартак обыграл Зенит в субботу.", "1-0"]
    for text in texts:
        assert first.rank(text) == reference.rank(text) == again.rank(text)
