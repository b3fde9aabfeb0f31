"""Word 97-2003 (.doc) reader: LibreOffice converts it to .docx, the DOCX reader reads that.

Why LibreOffice and not antiword (both are installed): antiword prints plain text
with tables flattened to ``|``-separated lines and drops footnote structure, so the
two-column header table of a văn bản comes out interleaved
(``ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …``) and appendix tables lose their cells.
LibreOffice keeps tables, footnotes and document order, and the converted file
goes through exactly the same code as a .docx. It costs ~2 s a file (start-up),
which is fine for an ingest pipeline. Each call runs with its own throw-away
profile (``-env:UserInstallation``) so parallel conversions do not collide on
LibreOffice's profile lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import ReadError

from . import docx
from .document import TextDocument

TIMEOUT_SECONDS = 120
_SOFFICE_NAMES = ("soffice", "libreoffice")


def _soffice() -> str | None:
    for name in _SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(path: Path, outdir: Path) -> Path:
    """Convert ``path`` with LibreOffice headless into ``outdir``; return the .docx written."""
    soffice = _soffice()
    if soffice is None:
        raise ReadError(
            str(path),
            "cannot read .doc: LibreOffice (soffice) is not installed "
            "(Debian: apt-get install libreoffice-writer-nogui)",
        )
    profile = outdir / "profile"
    # Copy to a plain name: soffice mangles some non-ASCII paths and names its output after the input.
    source = outdir / "input.doc"
    shutil.copyfile(path, source)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(source),
    ]
    # A process group of its own: soffice starts soffice.bin, and a conversion that times out stops them both.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, process_group=0)
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ReadError(str(path), f"LibreOffice did not convert the .doc within {TIMEOUT_SECONDS} s") from None
    converted = outdir / "input.docx"
    if not converted.exists():
        detail = (stderr or stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit status {process.returncode}"
        raise ReadError(str(path), f"LibreOffice could not convert this .doc (damaged?): {reason}")
    return converted


def read(path: Path) -> TextDocument:
    """Read a .doc through a LibreOffice conversion to .docx."""
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        converted = convert_to_docx(path, Path(tmp))
        document = docx.read(converted, format="doc")
    return dataclasses.replace(document, format="doc")
