"""What a JSON answer must say next, told by its schema: the text the model is spared deciding.

A grammar-constrained answer spends most of its tokens on text the schema fixes: the keys in
their order, the colons and commas between them, the rest of an enum value once its first
letters are written ("Borussia Moenchengladbach" after "Bor"). The batched server feeds such a
guess to the model with the token it has just sampled, in one step, and keeps the part the
model itself would have written (greedy, checked token by token), so an answer is the same and
costs fewer steps: on two cores a step of one token takes ~73 ms and each more token ~30 ms.

`continuation(schema, text)` reads an answer's text so far against the schema (as
llama-cpp-python's `json_schema_to_gbnf` orders it: required properties first, in the schema's
order) and returns what must follow, in the layout this model writes (`{ "key": value, "key2":
value}`), or "" where the schema leaves a choice (a free string, a number, an optional key, the
length of a list, whitespace the model has not shown). `complete(schema, text)` says whether the
text is a whole answer, so the server need not spend one more step to hear the end token.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Frame:
    """An object or a list being written, and where in it the text stands."""

    schema: dict[str, Any]
    keys: list[str] = field(default_factory=list)  # an object's keys in the grammar's order
    required: int = 0  # how many of `keys` are required (they come first)
    written: int = 0  # an object's keys written so far, a list's items
    state: str = "open"  # open | key | colon | value | after


class _Reader:
    """A character-level reader of a JSON prefix that keeps the schema of where it stands."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.stack: list[_Frame] = []
        self.scalar: str | None = None  # kind of the scalar being written: string | number | literal
        self.scalar_schema: dict[str, Any] = {}
        self.buffer = ""
        self.escaped = False
        self.done = False
        self.bad = False

    # -- schema ------------------------------------------------------------------------

    def resolve(self, schema: Any) -> dict[str, Any]:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 32:
            ref = str(schema["$ref"])
            node: Any = self.root
            for part in ref.lstrip("#/").split("/"):
                node = node.get(part, {}) if isinstance(node, dict) else {}
            schema, seen = node, seen + 1
        return schema if isinstance(schema, dict) else {}

    def _object(self, schema: dict[str, Any]) -> _Frame:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        keys = [k for k in properties if k in required] + [k for k in properties if k not in required]
        return _Frame(schema=schema, keys=keys, required=len([k for k in keys if k in required]))

    def value_schema(self) -> dict[str, Any]:
        """The schema of the value about to be written."""
        if not self.stack:
            return self.resolve(self.root)
        top = self.stack[-1]
        if top.schema.get("type") == "array" or "items" in top.schema:
            return self.resolve(top.schema.get("items") or {})
        key = top.keys[top.written - 1] if 0 < top.written <= len(top.keys) else None
        return self.resolve((top.schema.get("properties") or {}).get(key, {}))

    # -- reading -------------------------------------------------------------------------

    def feed(self, text: str) -> None:
        for char in text:
            if self.bad:
                return
            self._char(char)

    def _char(self, char: str) -> None:
        if self.scalar == "string":
            self._string_char(char)
            return
        if self.scalar in ("number", "literal"):
            if char.isalnum() or char in "+-.":
                self.buffer += char
                return
            self._end_value()
        if char.isspace():
            return
        if self.done:
            self.bad = True
            return
        top = self.stack[-1] if self.stack else None
        if top is None or (top.state in ("value", "open") and _is_list(top.schema)):
            self._start_value(char, top)
        elif _is_list(top.schema):
            self._list_char(char, top)
        else:
            self._object_char(char, top)

    def _string_char(self, char: str) -> None:
        if self.escaped:
            self.escaped = False
        elif char == "\\":
            self.escaped = True
        elif char == '"':
            self.scalar = None
            top = self.stack[-1] if self.stack else None
            if top is not None and top.state == "key":
                top.state = "colon"
                top.written += 1
                return
            self._end_value()
            return
        self.buffer += char

    def _start_value(self, char: str, top: _Frame | None) -> None:
        schema = self.value_schema()
        if top is not None and _is_list(top.schema):
            if char == "]" and top.state == "open":
                self._close()
                return
            top.written += 1
        if top is not None:
            top.state = "value"
        if char == "{":
            self.stack.append(self._object(schema))
        elif char == "[":
            self.stack.append(_Frame(schema=schema))
        elif char == '"':
            self.scalar, self.scalar_schema, self.buffer = "string", schema, ""
        elif char in "-0123456789":
            self.scalar, self.scalar_schema, self.buffer = "number", schema, char
        elif char in "tfn":
            self.scalar, self.scalar_schema, self.buffer = "literal", schema, char
        else:
            self.bad = True

    def _list_char(self, char: str, top: _Frame) -> None:
        if top.state == "after" and char == ",":
            top.state = "value"
        elif char == "]":
            self._close()
        else:
            self.bad = True

    def _object_char(self, char: str, top: _Frame) -> None:
        if top.state in ("open", "key") and char == '"':
            top.state = "key"
            self.scalar, self.buffer = "string", ""
        elif top.state == "colon" and char == ":":
            top.state = "value"
        elif top.state == "value":
            self._start_value(char, top)
        elif top.state == "after" and char == ",":
            top.state = "key"
        elif top.state in ("after", "open") and char == "}":
            self._close()
        else:
            self.bad = True

    def _end_value(self) -> None:
        self.scalar, self.buffer = None, ""
        if self.stack:
            self.stack[-1].state = "after"
        else:
            self.done = True

    def _close(self) -> None:
        self.stack.pop()
        self._end_value()


def _is_list(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "array" or "items" in schema


def _options(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    return None


def _opening(schema: dict[str, Any]) -> str:
    """What a value of this schema surely starts with ("" where it may start otherwise)."""
    options = _options(schema)
    if options is not None:
        texts = [json.dumps(option, ensure_ascii=False) for option in options]
        return texts[0] if len(texts) == 1 else ('"' if all(t.startswith('"') for t in texts) else "")
    kind = schema.get("type")
    if kind == "string":
        return '"'
    if kind == "object" or "properties" in schema:
        return "{ "
    return ""


def _next_key(reader: _Reader, top: _Frame, comma: bool, spaced: bool) -> str:
    """After a value of an object: the next required key and what its value surely starts with.

    Not the closing brace: the model writes it with or without a space, and the tokenizer
    merges it with what follows ('"},'), so a guess of it is mostly refused.
    """
    if top.written >= top.required:
        return ""
    key = top.keys[top.written]
    opening = _opening(reader.resolve((top.schema.get("properties") or {}).get(key, {})))
    space = " " if spaced else ""
    head = ("," if comma else "") + space + json.dumps(key, ensure_ascii=False) + ":"
    return head + (space + opening if opening else "")


def continuation(schema: dict[str, Any], text: str) -> str:
    """The text the schema fixes after `text` ("" where the model must choose)."""
    reader = _Reader(schema)
    reader.feed(text)
    colon = text.find('":')
    spaced = colon < 0 or text[colon + 2 : colon + 3] in (" ", "")
    guess = "" if reader.bad or reader.done else _guess(reader, spaced)
    return guess[1:] if guess.startswith(" ") and text.endswith(" ") else guess


def _guess(reader: _Reader, spaced: bool) -> str:
    top = reader.stack[-1] if reader.stack else None
    if reader.scalar == "string":
        options = _options(reader.scalar_schema)
        if (top is not None and top.state == "key") or options is None:
            return ""
        fitting = [o for o in options if isinstance(o, str) and o.startswith(reader.buffer)]
        if len(fitting) != 1:
            return ""
        rest = json.dumps(fitting[0], ensure_ascii=False)[len(json.dumps(reader.buffer, ensure_ascii=False)) - 1 :]
        then = _next_key(reader, top, True, spaced) if top is not None and not _is_list(top.schema) else ""
        return rest + then if then else rest[:-1]  # the closing quote merges with what follows
    if reader.scalar is not None or top is None or _is_list(top.schema):
        return ""
    if top.state in ("open", "key"):  # after "{" or after a comma
        return _next_key(reader, top, False, spaced) if top.state == "key" or top.written == 0 else ""
    return _next_key(reader, top, True, spaced) if top.state == "after" else ""


def complete(schema: dict[str, Any], text: str) -> bool:
    """Whether `text` is a whole answer (its root value closed)."""
    reader = _Reader(schema)
    reader.feed(text)
    return reader.done and not reader.bad
