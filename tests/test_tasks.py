import json
import shutil
import sys
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


def _package_task(home: Path, name: str, title: str) -> None:
    """A task whose schema is a package: `__init__.py` imports its model from a module beside it."""
    package = home / "schemas" / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from .models import Items\n\nROOT_MODEL = Items\n", encoding="utf-8")
    (package / "models.py").write_text(
        "from pydantic import BaseModel\n"
        f"TITLE = {title!r}\n"
        "class Item(BaseModel):\n    name: str\n"
        "class Items(BaseModel):\n    items: list[Item]\n",
        encoding="utf-8",
    )
    (home / "prompts" / name).mkdir(parents=True)


def test_a_package_task_with_a_relative_import_loads(tmp_path):
    _package_task(tmp_path, "pkgtask_one", "first")
    task = load_task("pkgtask_one", tmp_path)
    assert task.root_model.__name__ == "Items"
    assert sys.modules[task.root_model.__module__].TITLE == "first"
    assert task.root_model.model_validate({"items": [{"name": "x"}]}).items[0].name == "x"


def test_a_package_task_of_the_same_name_from_a_second_home_loads_beside_the_first(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    _package_task(first, "pkgtask_two", "first home")
    _package_task(second, "pkgtask_two", "second home")
    one, two = load_task("pkgtask_two", first), load_task("pkgtask_two", second)
    assert one.root_model is not two.root_model
    assert sys.modules[one.root_model.__module__].TITLE == "first home"
    assert sys.modules[two.root_model.__module__].TITLE == "second home"
    assert one.root_model.__module__ == "schemas.pkgtask_two.models"
    assert two.root_model.__module__.startswith("_extractor_task_")


def test_unknown_task_lists_a_package_task(tmp_path):
    _package_task(tmp_path, "pkgtask_three", "listed")
    (tmp_path / "schemas" / "plain.py").write_text("", encoding="utf-8")
    (tmp_path / "schemas" / "not_a_task").mkdir()  # no __init__.py: not a task
    with pytest.raises(ConfigError, match=r"available: pkgtask_three, plain$"):
        load_task("nope", tmp_path)
