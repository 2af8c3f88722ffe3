"""Keep what is valid: ground facts, apply task rules, drop only what still breaks a rule.

An answer that fails validation is not thrown away. Facts that a rule rejects are removed
one by one (a nullable field is set to null, otherwise its nearest list item goes), each
with a `Warning` saying where, which rule and what was dropped. An error record is left for
a document with nothing valid at all.
"""

from __future__ import annotations

import copy
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from extractor.grounding import Grounder
from extractor.plan import Check, Finding, Grounded, Path, format_path
from extractor.records import Grounding, RecordWarning
from extractor.shorten import ELLIPSIS, shorten

MAX_ROUNDS = 200
_DROP_CLIP = 300


class NothingValid(Exception):
    """Not even an empty root object validates."""


def grounded_values(model: type[BaseModel], data: Any, path: Path = ()) -> Iterator[tuple[Path, str, bool, bool]]:
    """(path, value, required, partial allowed) of every grounded string field present in `data`."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        value = data.get(name)
        here = (*path, name)
        marker = _marker(info)
        if isinstance(value, str) and value.strip() and marker is not None:
            yield here, value, info.is_required(), marker.partial
        sub = _nested_model(info.annotation)
        if sub is None:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from grounded_values(sub, item, (*here, index))
        elif isinstance(value, dict):
            yield from grounded_values(sub, value, here)


def ground_findings(model: type[BaseModel], data: dict[str, Any], grounder: Grounder) -> list[Finding]:
    """A finding for every grounded value that the article does not contain."""
    findings = []
    for path, value, required, partial in grounded_values(model, data):
        if grounder.locate(value, allow_partial=partial) is None:
            findings.append(
                Finding(path, "not_in_text", f"{value!r} does not occur in the article", "drop" if required else "null")
            )
    return findings


def spans(model: type[BaseModel], data: dict[str, Any], grounder: Grounder) -> list[Grounding]:
    """Where each grounded value of a final result stands in the original document."""
    out = []
    for path, value, _, partial in grounded_values(model, data):
        span = grounder.locate(value, allow_partial=partial)
        out.append(
            Grounding(
                path=format_path(path),
                quote=value,
                start=span.start if span else None,
                end=span.end if span else None,
                partial=bool(span and span.partial),
            )
        )
    return out


def refine(
    model: type[BaseModel], data: dict[str, Any], grounder: Grounder, checks: tuple[Check, ...] = ()
) -> tuple[BaseModel, list[RecordWarning]]:
    """Ground, check, and validate `data` into `model`, dropping what breaks a rule.

    Raises:
        NothingValid: not even the emptied data validates.
    """
    data = copy.deepcopy(data)
    warnings: list[RecordWarning] = []
    findings = ground_findings(model, data, grounder)
    warnings += apply(data, findings)
    for check in checks:
        warnings += apply(data, check(data, grounder))
    value, more = validate_salvaging(model, data)
    return value, warnings + more


def apply(data: dict[str, Any], findings: list[Finding]) -> list[RecordWarning]:
    """Carry out findings (deepest and last first, so earlier paths stay valid)."""
    warnings = []
    done: set[Path] = set()
    for finding in sorted(findings, key=lambda f: _sort_key(f.path), reverse=True):
        target = finding.path if finding.action != "drop" else _item_path(finding.path)
        if target is None or target in done or any(target[: len(d)] == d for d in done if len(d) < len(target)):
            continue
        if finding.action == "set":
            removed = _replace(data, target, finding.value)
        else:
            removed = _remove(data, target, finding.action == "null")
        if removed is _MISSING:
            continue
        done.add(target)
        warnings.append(
            RecordWarning(path=format_path(target), rule=finding.rule, message=finding.message, dropped=_clip(removed))
        )
    return warnings


def validate_salvaging(model: type[BaseModel], data: dict[str, Any]) -> tuple[BaseModel, list[RecordWarning]]:
    """Validate, removing the smallest piece that each error points at until it passes."""
    warnings: list[RecordWarning] = []
    for _ in range(MAX_ROUNDS):
        try:
            return model.model_validate(data), warnings
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
        loc: Path = tuple(error["loc"])
        rule = str(error["type"])
        message = str(error["msg"])
        fixed = _fix_by_child(model, data, loc, message) or _fix_by_null(model, data, loc, message)
        if fixed is None:
            target = _item_path(loc)
            if target is None:
                raise NothingValid(f"{format_path(loc) or 'result'}: {message}")
            fixed = (target, _remove(data, target, False))
        path, removed = fixed
        warnings.append(RecordWarning(path=format_path(path), rule=rule, message=message, dropped=_clip(removed)))
    raise NothingValid("too many invalid facts to salvage")


_MISSING = object()


def _fix_by_child(model: type[BaseModel], data: dict[str, Any], loc: Path, message: str) -> tuple[Path, Any] | None:
    """Remove the list items below `loc` whose removal makes `loc`'s error go away.

    Tries one item (last first), then pairs, then triples (three copies of one duplicate goal),
    so `loc` itself is dropped only when no few smaller pieces can save it. Returns the first
    removed item; the caller's loop removes the rest on its next rounds.
    """
    node = _get(data, loc)
    if not isinstance(node, dict):
        return None
    plan = _removals(model, data, loc, message, depth=_SEARCH_DEPTH)
    if not plan:
        return None
    return plan[0], _remove(data, plan[0], False)


_SEARCH_DEPTH = 3
_SEARCH_WIDTH = (24, 12, 8)  # items tried per level: all of a match's 12 + 12, then fewer deeper down


def _removals(model: type[BaseModel], data: dict[str, Any], loc: Path, message: str, depth: int) -> list[Path]:
    node = _get(data, loc)
    width = _SEARCH_WIDTH[min(_SEARCH_DEPTH - depth, len(_SEARCH_WIDTH) - 1)]
    children = list(reversed(list(_list_items(node, loc))))[:width] if isinstance(node, dict) else []
    trials = []
    for child in children:
        trial = copy.deepcopy(data)
        _remove(trial, child, False)
        if not _has_error(model, trial, loc, message):
            return [child]
        trials.append((child, trial))
    if depth <= 1:
        return []
    for child, trial in trials:
        rest = _removals(model, trial, loc, message, depth - 1)
        if rest:
            return [child, *rest]
    return []


def _fix_by_null(model: type[BaseModel], data: dict[str, Any], loc: Path, message: str) -> tuple[Path, Any] | None:
    """Set a scalar field to null if that is valid (a minute out of range)."""
    if not loc or isinstance(loc[-1], int) or not isinstance(_get(data, loc), str | int | float | bool):
        return None
    trial = copy.deepcopy(data)
    _remove(trial, loc, True)
    if _has_error(model, trial, loc, message):
        return None
    return loc, _remove(data, loc, True)


def _has_error(model: type[BaseModel], data: dict[str, Any], loc: Path, message: str) -> bool:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return any(tuple(e["loc"]) == loc and str(e["msg"]) == message for e in exc.errors(include_url=False))
    return False


def _list_items(node: dict[str, Any], path: Path) -> Iterator[Path]:
    for key, value in node.items():
        if isinstance(value, list):
            for index in range(len(value)):
                yield (*path, key, index)


def _item_path(path: Path) -> Path | None:
    """The nearest list item at or above `path`."""
    for cut in range(len(path), 0, -1):
        if isinstance(path[cut - 1], int):
            return path[:cut]
    return None


def _get(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def _remove(data: dict[str, Any], path: Path, to_null: bool) -> Any:
    parent = _get(data, path[:-1])
    key = path[-1]
    try:
        old = parent[key]
    except (KeyError, IndexError, TypeError):
        return _MISSING
    if to_null:
        parent[key] = None
    else:
        del parent[key]
    return old


def _replace(data: dict[str, Any], path: Path, value: Any) -> Any:
    parent = _get(data, path[:-1])
    try:
        old = parent[path[-1]]
    except (KeyError, IndexError, TypeError):
        return _MISSING
    parent[path[-1]] = value
    return old


def _sort_key(path: Path) -> tuple[Any, ...]:
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in path)


def _clip(value: Any) -> Any:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= _DROP_CLIP else shorten(text, _DROP_CLIP + len(ELLIPSIS))


def _marker(info: FieldInfo) -> Grounded | None:
    return next((meta for meta in info.metadata if isinstance(meta, Grounded)), None)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _nested_model(arg)
            if found is not None:
                return found
    return None
