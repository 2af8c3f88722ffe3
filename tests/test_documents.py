"""Reading, decoding and discovering input documents."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from extractor.discovery import discover
from extractor.documents import (
    SUPPORTED_SUFFIXES,
    Document,
    DocumentError,
    doc_id_for,
    document_from_text,
    read_document,
)
from extractor.errors import InputError, MissingExtraError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIMIT = 1_000_000


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- doc ids


def test_doc_id_is_sha256_prefix_of_raw_bytes() -> None:
    data = "Høegh".encode()
    assert doc_id_for(data) == hashlib.sha256(data).hexdigest()[:16]
    assert len(doc_id_for(b"")) == 16


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_read_as_utf8_with_id_from_bytes(seed: Path) -> None:
    document = read_document(seed, LIMIT)
    assert isinstance(document, Document)
    assert document.doc_id == hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert document.encoding == "utf-8"
    assert document.source == str(seed)
    assert "\r" not in document.text


def test_doc_id_is_stable_across_copies(tmp_path: Path) -> None:
    data = b"Atalanta drew 1-1 with Midtjylland on Tuesday."
    first = read_document(_write(tmp_path / "a.txt", data), LIMIT)
    second = read_document(_write(tmp_path / "sub" / "b.md", data), LIMIT)
    assert first.doc_id == second.doc_id == doc_id_for(data)


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_western_encoding_comes_out_right(tmp_path: Path, encoding: str) -> None:
    text = "Daniel Høegh scorede mod Mönchengladbach."
    document = read_document(_write(tmp_path / "a.txt", text.encode(encoding)), LIMIT)
    assert document.text == text
    assert "Høegh" in document.text and "Mönchengladbach" in document.text
    assert document.encoding in ("cp1252", "iso8859-1")


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_articles_reencoded_in_latin1_round_trip(tmp_path: Path, prefix: str) -> None:
    (seed,) = SEEDS.glob(f"{prefix}_*.txt")
    text = seed.read_text(encoding="utf-8").replace("‘", "'").replace("’", "'").replace("–", "-")
    document = read_document(_write(tmp_path / "a.txt", text.encode("latin-1")), LIMIT)
    assert document.text == text


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    text = "“I’m proud,” said Jesper Hansen – Midtjylland’s goalkeeper in Mönchengladbach."
    document = read_document(_write(tmp_path / "a.txt", text.encode("cp1252")), LIMIT)
    assert document.text == text


def test_utf8_bom_is_stripped_and_newlines_normalised(tmp_path: Path) -> None:
    data = "\ufeffFirst line\r\nSecond line\rThird line\n".encode()
    document = read_document(_write(tmp_path / "a.txt", data), LIMIT)
    assert document.text == "First line\nSecond line\nThird line\n"
    assert document.encoding == "utf-8"
    assert document.doc_id == doc_id_for(data)


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Romero udlignede til 1-1 i Bergamo."
    document = read_document(_write(tmp_path / "a.txt", text.encode("utf-16")), LIMIT)
    assert document.text == text
    assert document.encoding == "utf-16"


def test_other_scripts_decode(tmp_path: Path) -> None:
    text = "Спартак обыграл Зенит со счётом 2:1 в матче чемпионата России в субботу."
    document = read_document(_write(tmp_path / "a.txt", text.encode("cp1251")), LIMIT)
    assert document.text == text


# ---------------------------------------------------------------- errors


def _error(path: Path, limit: int = LIMIT) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(path, limit)
    error = info.value
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert len(error.doc_id) == 16
    return error


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n"])
def test_empty_document(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "a.txt", data)
    error = _error(path)
    assert str(error) == "empty document"
    assert error.doc_id == doc_id_for(data)


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,  # a zip
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"text with a NUL\x00 byte in it",
        bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]) * 50,
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "a.txt", data)
    error = _error(path)
    assert str(error) == "binary or non-text file"
    assert error.doc_id == doc_id_for(data)


def test_too_large_file_is_refused_with_streamed_id(tmp_path: Path) -> None:
    data = b"Atalanta 1-1 Midtjylland.\n" * 10_000
    path = _write(tmp_path / "big.txt", data)
    error = _error(path, limit=1_000)
    assert str(error) == f"file is {len(data)} bytes, over the limit of 1000 (--max-input-bytes)"
    assert error.doc_id == doc_id_for(data)


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    data = b"Atalanta 1-1 Midtjylland."
    assert read_document(_write(tmp_path / "a.txt", data), len(data)).text == data.decode()


def test_undecodable_text_says_so(tmp_path: Path) -> None:
    # Mostly ASCII text, but with every high byte in a row: no encoding makes sense of it.
    data = b"Ein Text " + bytes(range(0x80, 0x100)) + b" Ende. " * 60
    error = _error(_write(tmp_path / "a.txt", data))
    assert str(error) == "cannot decode: not valid UTF-8 and no other text encoding fits"


def test_mostly_undecodable_bytes_are_binary(tmp_path: Path) -> None:
    data = b"Ein Text " + bytes(range(0x80, 0x100)) + b" Ende. " * 6
    assert str(_error(_write(tmp_path / "a.txt", data))) == "binary or non-text file"


def test_broken_utf16_bom_says_cannot_decode(tmp_path: Path) -> None:
    data = b"\xff\xfeA\x00B"  # odd length after a UTF-16 BOM
    error = _error(_write(tmp_path / "a.txt", data))
    assert str(error).startswith("cannot decode")


def test_unreadable_path_is_a_document_error(tmp_path: Path) -> None:
    error = _error(tmp_path)  # a directory cannot be opened as a file
    assert str(error).startswith("cannot read file")


# ---------------------------------------------------------------- in-memory text


def test_document_from_text() -> None:
    document = document_from_text("\ufeffLine one\r\nLine two", source="clipboard")
    assert document.text == "Line one\nLine two"
    assert document.source == "clipboard"
    assert document.encoding == "utf-8"
    assert document.doc_id == doc_id_for(b"Line one\r\nLine two")
    assert document_from_text("x").source == "<text>"
    assert document_from_text("").text == ""  # the pipeline reports empty text, not this


# ---------------------------------------------------------------- HTML


def test_html_without_trafilatura_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    path = _write(tmp_path / "a.html", b"<html><body><p>Atalanta 1-1 Midtjylland.</p></body></html>")
    with pytest.raises(MissingExtraError, match="html"):
        read_document(path, LIMIT)


# ---------------------------------------------------------------- discover


def test_discover_walks_folders_and_keeps_named_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "c.html", "d.htm", "e.TXT", "skip.json", ".hidden.txt", "sub/f.txt", ".git/g.txt"]:
        _write(tmp_path / "in" / name, b"x")
    named = _write(tmp_path / "named.json", b"x")
    found = discover([tmp_path / "in", named, str(tmp_path / "in" / "a.md")])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == sorted(names, key=lambda n: str(tmp_path / n))
    assert set(names) == {"in/a.md", "in/b.txt", "in/c.html", "in/d.htm", "in/e.TXT", "in/sub/f.txt", "named.json"}
    assert len(names) == len(set(names))  # a.md named twice, listed once


def test_discover_deduplicates_spellings_of_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "a.txt", b"x")
    monkeypatch.chdir(tmp_path)
    assert discover(["a.txt", "./a.txt", tmp_path / "a.txt", tmp_path]) == [Path("a.txt")]


def test_discover_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "nope"])


def test_discover_seeds() -> None:
    found = discover([SEEDS])
    assert found == sorted(SEEDS.glob("*.txt"))
    assert all(p.suffix in SUPPORTED_SUFFIXES for p in found)
