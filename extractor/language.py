"""Language detection with py3langid (its model ships inside the package; no download).

The answer is an ISO 639-1 code. py3langid also knows some languages that have only
three-letter codes ('pcm', 'bcl', ...); those are mostly look-alikes of a big language on
news text, so regional variants are folded into their language ('arz' -> 'ar') and the
rest are passed over for the best-ranked language that has a two-letter code.

py3langid's model is a 4.5 MB LZMA file that unpacks to 68 MB of arrays: loading it took
~0.6 s and 76 MiB of every process's memory (issue 11). The first load also writes the
unpacked arrays to a cache folder (`cache_dir()`); later processes map those files
read-only, so loading costs milliseconds and only the pages a text touches are resident
(and shared between processes). The arrays are py3langid's own, as its loader returns
them, so the answers are the same (tests/test_language.py compares the two loaders). If
the folder cannot be written, the model is loaded the ordinary way.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from py3langid import modelio
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

log = logging.getLogger(__name__)

MIN_LETTERS = 20  # fewer letters than this cannot be told apart reliably
MAX_CHARS = 10_000  # the start of a long article is plenty to identify its language
NO_LANGUAGE = "zxx"  # py3langid's label for text without linguistic content

# Three-letter labels of py3langid that are a variety of a language with a two-letter code.
_VARIETIES = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "hbo": "he", "gug": "gn"}

#: The arrays of py3langid's model, in the order its loader returns them (classes are a JSON list).
_ARRAYS = ("ptc", "pc", "nextmove", "row", "out")
#: memoryview format codes of the integer tables the DFA walk indexes (py3langid's own codes).
_Code = Literal["H", "I", "L", "i", "q"]
_UNSIGNED: dict[int, _Code] = {2: "H", 4: "I", 8: "L"}
_CODES: dict[str, dict[int, _Code]] = {"nextmove": _UNSIGNED, "row": _UNSIGNED, "out": {4: "i", 8: "q"}}
_CACHE_FORMAT = 1


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/extractor/langid``, else ``~/.cache/extractor/langid``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "extractor" / "langid"


def _model_path() -> Path:
    return Path(str(MODEL_DIR)) / str(MODEL_FILE)


def _cache_key(model: Path) -> str:
    """Names the unpacked copy of one model file: its size and mtime (a reinstall makes a new one)."""
    info = model.stat()
    stamp = f"{_CACHE_FORMAT}:{model.resolve()}:{info.st_size}:{info.st_mtime_ns}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """A private identifier, so nobody's `set_languages` on the global one affects us."""
    model = _model_path()
    try:
        return load_cached(model, cache_dir())
    except (OSError, ValueError, KeyError) as exc:
        log.debug("language model cache unusable (%s); loading %s directly", exc, model)
        return LanguageIdentifier.from_model_file(model)


def load_cached(model: Path, cache: Path) -> LanguageIdentifier:
    """The identifier from the memory-mapped copy of `model` in `cache`, unpacked there first if missing.

    Raises:
        OSError: the cache folder cannot be written or read.
        ValueError, KeyError: a cached copy is damaged.
    """
    folder = cache / _cache_key(model)
    if not (folder / "classes.json").is_file():
        _unpack(model, folder)
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    classes = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    tables = {name: _table(arrays[name], name) for name in ("nextmove", "row", "out")}
    return LanguageIdentifier(
        np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), classes, tables["nextmove"], tables["out"],
        tk_row=tables["row"],
    )


def _table(array: Any, name: str) -> memoryview[int]:
    """A read-only integer view of a mapped array: indexes like py3langid's `array`/list, copies nothing."""
    code = _CODES[name][array.dtype.itemsize]
    return memoryview(array).cast("B").cast(code)


def _unpack(model: Path, folder: Path) -> None:
    """Write py3langid's arrays of `model` into `folder` (atomically: a half-written copy is never used)."""
    ptc, pc, classes, nextmove, row, out = modelio.load_model(model)
    arrays = {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "nextmove": _from_table(nextmove),
              "row": _from_table(row), "out": np.asarray(out, dtype=np.int32)}
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".unpacking-"))
    try:
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", array, allow_pickle=False)
        (staging / "classes.json").write_text(json.dumps(list(classes)), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / "classes.json").is_file():  # not another process that won the race
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _from_table(table: Any) -> Any:
    """py3langid's stdlib `array` as a numpy array of the same item type."""
    kinds = {"H": np.uint16, "I": np.uint32, "L": np.uint64}
    return np.frombuffer(table, dtype=kinds[table.typecode]) if hasattr(table, "typecode") else np.asarray(table)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when it is too short to tell.

    Args:
        text: the (cleaned) article text.

    Returns:
        A two-letter code such as 'en', 'da' or 'nl'; None for text with fewer than
        `MIN_LETTERS` letters or without linguistic content.
    """
    sample = text[:MAX_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None
    for label, _score in _identifier().rank(sample):
        code = _VARIETIES.get(label, label)
        if code == NO_LANGUAGE:
            return None
        if len(code) == 2:
            return str(code)
    return None
