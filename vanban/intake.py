"""Which paths are documents to take in: the inbox's rules and the command line's, in one place.

- Temporary and system files a clerk never means to file (``~$x.docx``,
  ``Thumbs.db``, ``x.pdf.part``) are ignored.
- Only regular files are read. A symbolic link is never followed in the inbox
  (a link ``a.txt → /etc/passwd`` would publish the password file), and on the
  command line only with ``--follow-symlinks``; a FIFO (opening it blocks for
  ever), a socket or a device is never opened. Each is refused with a reason.
- A name that is not valid UTF-8 cannot be stored or shown; it is refused too.

:class:`Folders` is the inbox and its ``archive/`` and ``failed/`` folders;
:func:`iter_files` expands the paths given to ``vanban ingest``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from vanban.pipeline.read import EXTENSIONS, special_kind

SUPPORTED_EXTENSIONS = frozenset(EXTENSIONS)

# Names that are never documents: office lock/owner files, OS droppings, unfinished downloads.
IGNORED_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
IGNORED_PREFIXES = (".", "~$")  # dotfiles (incl. LibreOffice ".~lock.x.odt#"), Word owner files "~$x.docx"
IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".download", ".partial")

INVALID_NAME = "the file name is not valid UTF-8 text (a byte no text encoding can show): rename it"


def is_ignored_name(name: str) -> bool:
    """True for temporary and system files a clerk never means to file (``~$x.docx``, ``Thumbs.db`` …)."""
    lowered = name.lower()
    return lowered in IGNORED_NAMES or lowered.startswith(IGNORED_PREFIXES) or lowered.endswith(IGNORED_SUFFIXES)


def has_invalid_name(path: str | os.PathLike) -> bool:
    """True when the path holds bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\udc80" <= c <= "\udcff" for c in os.fspath(path))


def repaired(path: str | os.PathLike) -> str:
    """The path with each byte that is not UTF-8 shown as U+FFFD, so it can be stored and printed."""
    return os.fsencode(os.fspath(path)).decode("utf-8", errors="replace")


def refusal(path: str | os.PathLike, follow_symlinks: bool = False, hint: bool = False) -> str | None:
    """Why ``path`` must not be opened (a link, a FIFO, a socket, a device, an unreadable name), or None.

    A missing file or a folder is left for the reader to report. ``hint`` names
    the command-line flag that reads a link (the inbox has none).
    """
    if has_invalid_name(path):
        return INVALID_NAME
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        if not follow_symlinks:
            return "a symbolic link: not followed" + (" (--follow-symlinks reads what it points to)" if hint else "")
        try:
            info = os.stat(path)
        except OSError:
            return "a symbolic link to a file that does not exist"
    if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
        return None
    return f"not a regular file ({special_kind(info.st_mode) or 'special file'}): not read"


def iter_files(paths: list[str | os.PathLike], follow_symlinks: bool = False) -> list[Path]:
    """The files named, and the supported files under the folders named, in a stable order.

    Hidden files and Word lock files (``~$x.docx``) are skipped inside folders; a
    file named explicitly is always tried. Links to files inside a folder are
    listed for :func:`refusal` to refuse; links to folders are walked only with
    ``follow_symlinks``, and a folder reached twice through links is walked once.
    """
    found: list[Path] = []
    for item in paths:
        item = Path(item)
        if not item.is_dir() or (item.is_symlink() and not follow_symlinks):
            found.append(item)
            continue
        seen: set[str] = set()
        for root, dirs, files in os.walk(item, followlinks=follow_symlinks):
            real = os.path.realpath(root)
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            root_path = Path(root)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
                    continue
                found.append(root_path / name)
    return found


@dataclass(frozen=True)
class Folders:
    """Where the watcher reads from and where the originals go."""

    inbox: Path
    archive: Path
    failed: Path

    @classmethod
    def for_inbox(
        cls, inbox: str | os.PathLike, archive: str | os.PathLike | None = None, failed: str | os.PathLike | None = None
    ) -> Folders:
        """The inbox and its ``archive/`` and ``failed/`` siblings unless given."""
        inbox = Path(inbox).resolve()
        return cls(
            inbox=inbox,
            archive=Path(archive).resolve() if archive else inbox.parent / "archive",
            failed=Path(failed).resolve() if failed else inbox.parent / "failed",
        )

    def skipped_dir(self, path: Path) -> bool:
        """A folder under the inbox that is not scanned: dot-folders, the archive and failed folders."""
        return (
            path.name.startswith(".")
            or path in (self.archive, self.failed)
            or (path.parent == self.inbox and path.name in ("archive", "failed"))
        )

    def is_candidate(self, path: Path) -> bool:
        """True if ``path`` (absolute, under the inbox) is a file the watcher should take."""
        if is_ignored_name(path.name):
            return False
        try:
            relative = path.relative_to(self.inbox)
        except ValueError:
            return False
        parent = self.inbox
        for part in relative.parts[:-1]:
            parent = parent / part
            if self.skipped_dir(parent) or parent.is_symlink():
                return False
        return True

    def scan(self) -> list[Path]:
        """Every candidate in the inbox, its subfolders included; a link to a folder is one (to be refused)."""
        found = []
        for root, dirs, files in os.walk(self.inbox):
            root_path = Path(root)
            links = [d for d in dirs if (root_path / d).is_symlink()]
            dirs[:] = [d for d in dirs if d not in links and not self.skipped_dir(root_path / d)]
            found.extend(root_path / name for name in files + links if not is_ignored_name(name))
        return sorted(found)


def pending_files(
    inbox: str | os.PathLike, archive: str | os.PathLike | None = None, failed: str | os.PathLike | None = None
) -> list[Path]:
    """Files waiting in the inbox, by the watcher's own rules (for ``vanban status``)."""
    folders = Folders.for_inbox(inbox, archive, failed)
    return folders.scan() if folders.inbox.is_dir() else []
