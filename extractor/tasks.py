"""A task is data: `schemas/<task>.py` + `prompts/<task>/*.toml` + `evals/<task>/gold/`.

The schema may also be a package, `schemas/<task>/__init__.py` with modules beside it that it
imports relatively (`from .models import Match`).

The engine finds those three folders under a *home*: `Settings.home` if given, else the
copy bundled inside the installed package (`extractor/_home`, put there by the wheel
build), else the source checkout the package was imported from. Adding a task means adding
files under the home; no engine code changes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel

from extractor.errors import ConfigError
from extractor.evalspec import EvalSpec
from extractor.merge_spec import MergeSpec
from extractor.plan import Check, Plan

_PACKAGE_DIR = Path(__file__).resolve().parent


def resolve_home(home: Path | None = None) -> Path:
    """The folder that holds schemas/, prompts/ and evals/."""
    candidates = [home] if home is not None else [_PACKAGE_DIR / "_home", _PACKAGE_DIR.parent]
    for candidate in candidates:
        if candidate is not None and (candidate / "schemas").is_dir() and (candidate / "prompts").is_dir():
            return candidate.resolve()
    where = ", ".join(str(c) for c in candidates if c is not None)
    raise ConfigError(f"no schemas/ and prompts/ folders found (looked in {where}); pass --home DIR")


@dataclass(frozen=True)
class Task:
    """Everything the engine needs to run and score one extraction task."""

    name: str
    home: Path
    root_model: type[BaseModel]
    eval_spec: EvalSpec
    plan: Plan | None = None
    checks: tuple[Check, ...] = ()
    merge_spec: MergeSpec | None = None

    @property
    def prompts_dir(self) -> Path:
        """Folder of this task's prompt files."""
        return self.home / "prompts" / self.name

    @property
    def evals_dir(self) -> Path:
        """Folder of this task's gold files and committed eval results."""
        return self.home / "evals" / self.name

    @property
    def gold_dir(self) -> Path:
        """Folder of hand-labelled gold files."""
        return self.evals_dir / "gold"


def load_task(name: str, home: Path | None = None) -> Task:
    """Load a task by name from the resolved home."""
    return _load_task(name, resolve_home(home))


@cache
def _load_task(name: str, home: Path) -> Task:
    path = _schema_path(home / "schemas", name)
    if path is None:
        available = ", ".join(_available_tasks(home / "schemas")) or "none"
        raise ConfigError(f"unknown task {name!r}; available: {available}")
    module = _import_schema_module(name, path)
    root = getattr(module, "ROOT_MODEL", None)
    if not (isinstance(root, type) and issubclass(root, BaseModel)):
        raise ConfigError(f"{path} must define ROOT_MODEL, a pydantic model class")
    spec = getattr(module, "EVAL_SPEC", None) or EvalSpec()
    if not isinstance(spec, EvalSpec):
        raise ConfigError(f"{path}: EVAL_SPEC must be an extractor.evalspec.EvalSpec")
    plan = getattr(module, "PLAN", None)
    if plan is not None and not isinstance(plan, Plan):
        raise ConfigError(f"{path}: PLAN must be an extractor.plan.Plan")
    checks = tuple(getattr(module, "CHECKS", ()))
    if not all(callable(check) for check in checks):
        raise ConfigError(f"{path}: CHECKS must be a sequence of functions (result, grounder) -> findings")
    merge = getattr(module, "MERGE_SPEC", None)
    if merge is not None and not isinstance(merge, MergeSpec):
        raise ConfigError(f"{path}: MERGE_SPEC must be an extractor.merge_spec.MergeSpec")
    return Task(name=name, home=home, root_model=root, eval_spec=spec, plan=plan, checks=checks, merge_spec=merge)


def _schema_path(schemas: Path, name: str) -> Path | None:
    """The task's schema: the package `schemas/<name>/__init__.py`, else the module `schemas/<name>.py`.

    The package first, as Python's own import takes it when both exist.
    """
    for path in (schemas / name / "__init__.py", schemas / f"{name}.py"):
        if path.is_file():
            return path
    return None


def _available_tasks(schemas: Path) -> list[str]:
    """The task names under `schemas/`: its modules and its packages (not `_private` ones)."""
    names = {p.stem for p in schemas.glob("*.py")} | {p.parent.name for p in schemas.glob("*/__init__.py")}
    return sorted(n for n in names if not n.startswith("_"))


def _import_schema_module(name: str, path: Path) -> ModuleType:
    # One identity per schema file: `import schemas.<task>` from a checkout and this
    # loader must give the same classes, or isinstance checks would disagree.
    module_name = f"schemas.{name}"
    existing = sys.modules.get(module_name)
    if existing is not None:
        if Path(getattr(existing, "__file__", "")).resolve() == path.resolve():
            return existing
        # Same task name from another home: load it beside, never over, the first.
        module_name = f"_extractor_task_{hashlib.sha256(str(path).encode()).hexdigest()[:12]}_{name}"
    # A package's relative imports (`from .models import X`) find its modules through the search location.
    locations = [str(path.parent)] if path.name == "__init__.py" else None
    spec = importlib.util.spec_from_file_location(module_name, path, submodule_search_locations=locations)
    if spec is None or spec.loader is None:
        raise ConfigError(f"cannot import task schema {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        for loaded in [key for key in sys.modules if key == module_name or key.startswith(f"{module_name}.")]:
            del sys.modules[loaded]
        raise ConfigError(f"task schema {path} failed to import: {exc}") from exc
    return module
