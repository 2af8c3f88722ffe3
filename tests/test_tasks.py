import json
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from extractor.errors import ConfigError
from extractor.prompts import PromptSet
from extractor.tasks import load_task, resolve_home

ROOT = Path(__file__).resolve().parents[1]


def test_home_resolves_to_checkout():
    assert resolve_home() == ROOT


def test_unknown_task_lists_available():
    with pytest.raises(ConfigError, match="match_report"):
        load_task("nope", ROOT)


def test_a_new_task_needs_no_engine_change(tmp_path):
    """A second task = a schema file + a prompt file: the engine loads it as is."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "prompts" / "books").mkdir(parents=True)
    (tmp_path / "schemas" / "books.py").write_text(
        "from pydantic import BaseModel\n"
        "class Book(BaseModel):\n    title: str\n    author: str\n"
        "class Books(BaseModel):\n    books: list[Book]\n"
        "ROOT_MODEL = Books\n",
        encoding="utf-8",
    )
    (tmp_path / "prompts" / "books" / "default.toml").write_text(
        'task = "books"\nlanguage = "default"\nversion = "0.1"\nsystem = "List books."\nuser = "{{ text }}"\n'
        "[[examples]]\ntext = \"Dune by Frank Herbert\"\n"
        f"output = '{json.dumps({'books': [{'title': 'Dune', 'author': 'Frank Herbert'}]})}'\n",
        encoding="utf-8",
    )
    task = load_task("books", tmp_path)
    assert issubclass(task.root_model, BaseModel)
    assert task.root_model.__name__ == "Books"
    assert PromptSet(task).select("en").id == "books/default"


def test_missing_fallback_prompt_is_an_error(tmp_path):
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "prompts" / "match_report").mkdir(parents=True)
    shutil.copy(ROOT / "prompts" / "match_report" / "en.toml", tmp_path / "prompts" / "match_report")
    with pytest.raises(Exception, match="fallback"):
        PromptSet(load_task("match_report", tmp_path))
