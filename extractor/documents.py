"""Turning an input file's bytes into text (finding the files is `extractor.discovery`).

A document's `doc_id` is the first 16 hex characters of the SHA-256 of its raw bytes, so it
is stable across runs, renames and machines, and known even when the file cannot be decoded.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from extractor.errors import InputError, MissingExtraError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

_CHUNK = 1 << 16
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - set(b"\t\n\r\f\v\x1b")))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")  # Cc without whitespace and ESC
_ASCII_TEXT = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_MAX_CONTROL_RATIO = 0.02  # text files carry almost no control characters
_MIN_ASCII_TEXT_RATIO = 0.7  # below this, bytes nothing decodes are treated as binary
_TIE = 0.01  # charset-normalizer scores this close count as a tie


@dataclass(frozen=True)
class Document:
    """One decoded input document."""

    doc_id: str
    source: str
    text: str
    encoding: str


class DocumentError(InputError):
    """A document cannot be read or decoded; carries its id and source for the error record.

    When the file cannot even be read, `doc_id` is derived from the path instead of the content.
    """

    def __init__(self, message: str, *, doc_id: str, source: str) -> None:
        super().__init__(message)
        self.doc_id = doc_id
        self.source = source


def doc_id_for(data: bytes) -> str:
    """The stable id of a document's raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def path_doc_id(path: Path) -> str:
    """The doc_id a file gets, without decoding it (streams the hash; for --resume)."""
    try:
        with _open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()[:16]
    except OSError:
        return doc_id_for(str(path).encode())


def read_document(path: Path, max_bytes: int) -> Document:
    """Read, size-check and decode one file; HTML files are reduced to their article text.

    Raises:
        DocumentError: unreadable, over `max_bytes`, empty, binary or undecodable.
        MissingExtraError: an HTML file, but the optional `trafilatura` is not installed.
    """
    source = str(path)
    try:
        with _open_regular(path) as handle:
            data, doc_id, size = _read_limited(handle, max_bytes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DocumentError(f"cannot read file: {reason}", doc_id=doc_id_for(source.encode()), source=source) from exc
    if data is None:
        raise DocumentError(
            f"file is {size} bytes, over the limit of {max_bytes} (--max-input-bytes)",
            doc_id=doc_id,
            source=source,
        )
    text, encoding = _decode(data, doc_id, source)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = _html_to_text(text, doc_id, source)
    return Document(doc_id=doc_id, source=source, text=text, encoding=encoding)


def _open_regular(path: Path) -> io.BufferedReader:
    """Open a regular file for reading; a FIFO or device (swapped in after discovery) fails at once.

    O_NONBLOCK makes opening a FIFO return instead of waiting for a writer; fstat then refuses it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(fd, True)
        return io.BufferedReader(io.FileIO(fd, "rb"))
    except BaseException:
        os.close(fd)
        raise


def document_from_text(text: str, source: str = "<text>") -> Document:
    """Wrap in-memory text as a Document (id from its UTF-8 bytes); never raises.

    Empty text is accepted here; the pipeline reports it as having nothing to extract.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    data = text.encode("utf-8", errors="surrogatepass")
    return Document(doc_id=doc_id_for(data), source=source, text=_newlines(text), encoding="utf-8")


def _read_limited(handle: BinaryIO, max_bytes: int) -> tuple[bytes | None, str, int]:
    """Read at most `max_bytes`; past that, only stream the rest through the hash.

    Returns (data or None when too large, doc_id, total size in bytes).
    """
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if size <= max_bytes:
            chunks.append(chunk)
        else:
            chunks.clear()  # too large: keep hashing, stop keeping
    doc_id = digest.hexdigest()[:16]
    return (b"".join(chunks) if size <= max_bytes else None), doc_id, size


def _decode(data: bytes, doc_id: str, source: str) -> tuple[str, str]:
    def fail(message: str) -> DocumentError:
        return DocumentError(message, doc_id=doc_id, source=source)

    if not data.strip():
        raise fail("empty document")
    decoded = _decode_bom(data, fail)
    if decoded is None:
        if b"\x00" in data or _control_ratio(data) > _MAX_CONTROL_RATIO:
            raise fail("binary or non-text file")
        decoded = _decode_utf8(data) or _decode_guess(data)
    if decoded is None:
        if _ascii_text_ratio(data) >= _MIN_ASCII_TEXT_RATIO:
            raise fail("cannot decode: not valid UTF-8 and no other text encoding fits")
        raise fail("binary or non-text file")
    text, encoding = decoded
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise fail("empty document")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise fail("binary or non-text file")
    return _newlines(text), encoding


def _decode_bom(data: bytes, fail: Callable[[str], DocumentError]) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise fail(f"cannot decode: starts with a {codec} byte-order mark but is not valid {codec}") from exc
    return None


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return None


def _decode_guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, preferring cp1252/latin-1 among equally good ones.

    On short Western-European text several single-byte code pages score the same, and the
    library's first pick (often cp1250) garbles letters such as 'ø'; cp1252 is the common case.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    ties = {
        codecs.lookup(m.encoding).name: m
        for m in matches
        if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE
    }
    chosen = ties.get("cp1252") or ties.get("iso8859-1") or best
    try:
        return str(chosen), codecs.lookup(chosen.encoding).name
    except (UnicodeDecodeError, LookupError):
        return None


def _html_to_text(html: str, doc_id: str, source: str) -> str:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("html", "trafilatura") from exc
    extracted = trafilatura.extract(html, include_comments=False, include_tables=True)
    if not isinstance(extracted, str) or not extracted.strip():
        raise DocumentError("no article text found in the HTML page", doc_id=doc_id, source=source)
    return _newlines(extracted)


def _control_ratio(data: bytes | str) -> float:
    if isinstance(data, bytes):
        count = len(data) - len(data.translate(None, _CONTROL_BYTES))
    else:
        count = len(_CONTROL_CHARS.findall(data))
    return count / max(len(data), 1)


def _ascii_text_ratio(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _ASCII_TEXT))) / max(len(data), 1)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
