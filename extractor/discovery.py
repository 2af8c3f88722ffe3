"""Finding the input files: a stream in path order that holds no list of them.

`Discovery(paths)` checks the paths given at once (a typo raises `InputError` before anything
runs); iterating it walks them, one folder at a time, and yields each input in the order of its
path string: a `Path` to read, or an `Unusable` saying why a file or folder cannot be used. Memory
does not grow with the number of files: a folder's listing is sorted in runs of `RUN` names and
kept packed (about one byte per character) while the walk is inside it, and nothing of a folder
is kept once the walk has left it. 200,000 files cost the same as 2,000 (bench/memory.py).

The rules (issue #10's input edge):

* Files named directly are kept whatever their suffix. Folders are walked recursively for
  `SUPPORTED_SUFFIXES` (case-insensitive), skipping hidden files and folders below them; a
  symbolic link to a folder is not walked into.
* Nothing is opened: a FIFO or device cannot stall discovery. A dangling link, a file without
  read permission, something that is not a regular file (FIFO, socket, device), an unreadable
  folder, and a symbolic link that resolves outside the input roots (unless `follow_symlinks`)
  each become an `Unusable`, so a folder of untrusted files cannot make the run read, say,
  /etc/passwd and send it to the model endpoint. The input roots are the folders given, and the
  folder of each file given (so `d/*.txt` expanded by the shell does not bless a link in `d/`).
* One file, one input: a path that an earlier argument already reaches (the same file named
  twice, a folder inside another folder given, a file named and inside a folder given) is
  listed once, under the first argument's spelling; a symbolic link whose target is itself an
  input (found under its own name) is left out, the target is read under its own name.
"""

from __future__ import annotations

import heapq
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.documents import SUPPORTED_SUFFIXES, doc_id_for
from extractor.errors import InputError

#: Names of one folder sorted at a time; the sorted runs are kept packed, not as a list of strings.
RUN = 4096
_DIR = "/"  # sorts a sub-folder's key where its files' paths sort: 'a/x.txt' after 'a.txt', before 'a0'
_CHECK = "\x01"  # a file that needs a closer look than its directory entry gives (a link, not regular)


@dataclass(frozen=True)
class Unusable:
    """A file (or folder) discovery found but cannot use; it becomes an `input_error` record."""

    path: Path
    reason: str

    @property
    def doc_id(self) -> str:
        """Derived from the path: there are no bytes to hash."""
        return doc_id_for(str(self.path).encode())


@dataclass(frozen=True)
class Scan:
    """What discovery found, as lists: files to read, and everything it could not use (with why)."""

    files: list[Path]
    unusable: list[Unusable]


def discover(paths: Sequence[str | Path], *, follow_symlinks: bool = False) -> list[Path]:
    """The usable input files under `paths`, as a list (see `Discovery`; the unusable ones are dropped)."""
    return scan(paths, follow_symlinks=follow_symlinks).files


def scan(paths: Sequence[str | Path], *, follow_symlinks: bool = False) -> Scan:
    """`Discovery` as two sorted lists (for small inputs; a run streams `Discovery` itself).

    Raises:
        InputError: a path given does not exist (a typo, reported before anything runs).
    """
    files: list[Path] = []
    unusable: list[Unusable] = []
    for item in Discovery(paths, follow_symlinks=follow_symlinks):
        if isinstance(item, Unusable):
            unusable.append(item)
        else:
            files.append(item)
    return Scan(files=files, unusable=sorted(unusable, key=lambda u: str(u.path)))


@dataclass(frozen=True)
class _Argument:
    path: Path  # as given
    real: Path  # resolved
    folder: bool
    link: bool  # a symbolic link named directly: it provides its target only when nothing else does


class Discovery:
    """The inputs under `paths`, streamed in path order; iterate it (more than once if need be).

    Raises on construction:
        InputError: a path given does not exist.
    """

    def __init__(self, paths: Sequence[str | Path], *, follow_symlinks: bool = False) -> None:
        self.follow_symlinks = follow_symlinks
        self._arguments: list[_Argument] = []
        seen: set[str] = set()
        for raw in paths:
            path = Path(raw)
            if not path.exists() and not path.is_symlink():
                raise InputError(f"no such file or directory: {path}")
            spelled = os.path.abspath(path)
            if spelled in seen:
                continue  # the same path given twice ('a.txt', './a.txt')
            seen.add(spelled)
            folder = path.is_dir()
            self._arguments.append(_Argument(path, path.resolve(), folder, not folder and path.is_symlink()))
        self.roots = [a.real if a.folder else a.path.absolute().parent.resolve() for a in self._arguments]

    def __iter__(self) -> Iterator[Path | Unusable]:
        streams = [self._argument(index) for index in range(len(self._arguments))]
        for _, item in heapq.merge(*streams, key=lambda pair: pair[0]):
            yield item

    def count(self) -> int:
        """How many file names the walk will look at (a quick listing without checks, for a progress bar).

        Overlapping arguments are counted twice; the stream is the truth, this is an estimate.
        """
        total = 0
        for argument in self._arguments:
            if not argument.folder:
                total += 1
                continue
            pending = [str(argument.path)]
            while pending:
                folder = pending.pop()
                try:
                    with os.scandir(folder) as entries:
                        for entry in entries:
                            key = _key(entry)
                            if key is None:
                                continue
                            if key.endswith(_DIR):
                                pending.append(os.path.join(folder, entry.name))
                            else:
                                total += 1
                except OSError:
                    continue
        return total

    # -- one argument ----------------------------------------------------------------------------

    def _argument(self, index: int) -> Iterator[tuple[str, Path | Unusable]]:
        argument = self._arguments[index]
        earlier = self._arguments[:index]
        if not argument.folder:
            if not argument.link and self._reached_by(argument.real, earlier):
                return
            item = self._candidate(argument.path, plain=False, real=None)
            if item is not None:
                yield str(argument.path), item
            return
        if any(self._reached_by_folder(argument.real, other) for other in earlier if other.folder):
            return  # a folder inside a folder given before it: already walked
        overlaps = [other for other in earlier if not other.link and _inside(other.real, argument.real)]
        yield from self._walk(str(argument.path), argument.real, overlaps)

    def _walk(self, folder: str, real: Path, overlaps: list[_Argument]) -> Iterator[tuple[str, Path | Unusable]]:
        """Depth first, each folder's entries in the order of their keys (so paths come out sorted)."""
        try:
            keys = _listing(folder)
        except OSError as exc:
            yield folder + _DIR, Unusable(Path(folder), f"cannot read folder: {exc.strerror or exc}")
            return
        for key in keys:
            if key.endswith(_DIR):
                name = key[:-1]
                inner = real / name
                if any(other.folder and other.real == inner for other in overlaps):
                    continue  # given before this folder: walked as that argument
                yield from self._walk(_join(folder, name), inner, overlaps)
                continue
            plain = not key.endswith(_CHECK)
            name = key if plain else key[:-1]
            if overlaps and plain and any(not o.folder and o.real == real / name for o in overlaps):
                continue  # named before this folder
            path = Path(_join(folder, name))
            item = self._candidate(path, plain=plain, real=real / name if plain else None)
            if item is not None:
                yield str(path), item

    def _candidate(self, path: Path, *, plain: bool, real: Path | None) -> Path | Unusable | None:
        """`path` as an input, an `Unusable` with why not, or None when it is a second name of an input."""
        if plain:  # a regular file in a folder being walked: inside the roots by construction
            return path if os.access(path, os.R_OK) else Unusable(path, "cannot read file: permission denied")
        problem, target = _problem(path, self.roots, self.follow_symlinks)
        if problem is not None:
            return Unusable(path, problem)
        if target is not None and path.is_symlink() and self._reached_by(target, self._arguments):
            return None  # a link to a file that is an input under its own name
        return path

    def _reached_by(self, real: Path, arguments: Sequence[_Argument]) -> bool:
        """Whether one of `arguments` yields the file `real` itself (not through a link)."""
        for argument in arguments:
            if argument.folder:
                if self._reached_by_folder(real, argument) and real.name.lower().endswith(SUPPORTED_SUFFIXES):
                    return True
            elif argument.real == real and not argument.link:
                return True
        return False

    @staticmethod
    def _reached_by_folder(real: Path, argument: _Argument) -> bool:
        """Whether the walk of folder `argument` goes through `real` (no hidden part on the way)."""
        if not _inside(real, argument.real):
            return False
        return not any(part.startswith(".") for part in real.relative_to(argument.real).parts)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _join(folder: str, name: str) -> str:
    """`str(Path(folder) / name)` without building the Path."""
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def _key(entry: os.DirEntry[str]) -> str | None:
    """The sort key of a directory entry the walk wants, or None for one it skips."""
    name = entry.name
    if name.startswith("."):
        return None
    try:
        is_dir = entry.is_dir()  # follows a link, as os.walk does: a link to a folder is not a file
    except OSError:
        is_dir = False
    if is_dir:
        return None if entry.is_symlink() else name + _DIR
    if not name.lower().endswith(SUPPORTED_SUFFIXES):
        return None
    try:
        plain = entry.is_file(follow_symlinks=False)
    except OSError:
        plain = False
    return name if plain else name + _CHECK


def _listing(folder: str) -> Iterator[str]:
    """The keys of `folder`'s entries in sorted order (read now, so an unreadable folder raises here).

    Sorted `RUN` at a time; each sorted run is kept as one NUL-joined string and the runs are
    merged lazily, so a folder of 200,000 names costs ~3 MB instead of a 14 MB list.

    Raises:
        OSError: the folder cannot be listed.
    """
    runs: list[str] = []
    chunk: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            key = _key(entry)
            if key is None:
                continue
            chunk.append(key)
            if len(chunk) == RUN:
                runs.append("\0".join(sorted(chunk)))
                chunk = []
    chunk.sort()
    if not runs:
        return iter(chunk)
    runs.append("\0".join(chunk))
    return heapq.merge(*(_split(run) for run in runs if run))


def _split(run: str) -> Iterator[str]:
    start = 0
    while (end := run.find("\0", start)) != -1:
        yield run[start:end]
        start = end + 1
    yield run[start:]


def _problem(path: Path, roots: Sequence[Path], follow_symlinks: bool) -> tuple[str | None, Path | None]:
    """(why `path` cannot be used as an input file or None, its resolved target), from metadata only."""
    try:
        target = path.resolve(strict=True)
        info = target.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"dangling symbolic link (its target {os.readlink(path)} does not exist)", None
        return "no such file", None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return f"cannot resolve path: {getattr(exc, 'strerror', None) or exc}", None
    if not follow_symlinks and not any(target.is_relative_to(root) for root in roots):
        return (
            f"symbolic link to {target}, outside the input folders: not read "
            "(pass --follow-symlinks to read such files)"
        ), target
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_file_kind(info.st_mode)}): not read", target
    if not os.access(target, os.R_OK):
        return "cannot read file: permission denied", target
    return None, target


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a file")
