"""The README's command table against ``vanban --help``: every command documented, with options that exist,
and a Python equivalent that is a function of the public API."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import regex

import vanban

README = Path(__file__).resolve().parent.parent / "README.md"

# The subcommands in the usage line of `vanban --help`: "{text,extract,highlight,…}".
_CHOICES = regex.compile(r"(?x) \{ (?P<names> [a-z]+ (?: , [a-z]+ )* ) \}")
# An option in a usage line or a README cell: "--db", "-o", "--max-memory".
_OPTION = regex.compile(r"(?x) (?<![\w-]) (?P<option> --?[a-z][a-z-]* )")
# A row of the command table: "| `vanban ingest PATH... [--db data/vanban.db]` | `vanban.ingest(DB, …)` | … |".
_ROW = regex.compile(
    r"(?x) ^ \| \s* `vanban \s (?P<command> [a-z]+ ) (?P<rest> [^`]* ) ` \s* \| (?P<python> [^|]* ) \|"
)
# A call of the API in the Python cell: "vanban.ingest(", "vanban.read(FILE).text".
_CALL = regex.compile(r"(?x) `vanban\. (?P<function> [a-z_]+ ) \(")


def _help(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "vanban", *args, "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@cache
def commands_in_help() -> list[str]:
    match = _CHOICES.search(_help())
    assert match, "no subcommands in vanban --help"
    return match.group("names").split(",")


@cache
def readme_rows() -> dict[str, tuple[str, str]]:
    """command → (the rest of its command cell, its Python cell), from the table under "## The command"."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The command") :]
    section = section[: section.index("\n## ", 1)]
    rows: dict[str, tuple[str, str]] = {}
    for line in section.splitlines():
        match = _ROW.match(line)
        if match:
            assert match.group("command") not in rows, f"{match.group('command')} documented twice"
            rows[match.group("command")] = (match.group("rest"), match.group("python"))
    return rows


def test_every_command_is_documented_and_every_documented_command_exists() -> None:
    assert sorted(readme_rows()) == sorted(commands_in_help())


@pytest.mark.parametrize("command", sorted(readme_rows()))
def test_documented_options_exist(command: str) -> None:
    documented = {m.group("option") for m in _OPTION.finditer(readme_rows()[command][0])}
    usage = _help(command).split("\n\n")[0]
    assert documented <= {m.group("option") for m in _OPTION.finditer(usage)}, command


@pytest.mark.parametrize("command", sorted(readme_rows()))
def test_each_command_names_its_python_function(command: str) -> None:
    functions = [m.group("function") for m in _CALL.finditer(readme_rows()[command][1])]
    assert functions, f"{command}: no Python equivalent in the README"
    for name in functions:
        assert name in vanban.__all__ and callable(getattr(vanban, name)), (command, name)


def test_the_option_pattern_reads_usage_lines() -> None:
    usage = "usage: vanban highlight [-h] [-o OUTPUT] file\n  [--max-memory SIZE] [--follow-symlinks]"
    assert [m.group("option") for m in _OPTION.finditer(usage)] == [
        "-h",
        "-o",
        "--max-memory",
        "--follow-symlinks",
    ]


# ---------------------------------------------------------------- the architecture section

REPO = README.parent
FOLDERS = ("pipeline", "extractors", "vanban")
# A folder's paragraph in "## How it is built": "**`pipeline/`** (`vanban.pipeline`): …".
_FOLDER = regex.compile(r"(?xm) ^ \*\*`(?P<folder> [a-z]+ )/`\*\*")
# The first cell of a module table's row: "| `legacy.py`, `legacy_tables.py` | …".
_MODULE_CELL = regex.compile(r"(?xm) ^ \| (?P<cell> [^|]* \.py` [^|]* ) \|")
_MODULE = regex.compile(r"(?x) `(?P<name> [\w]+ \.py )`")


def modules_in_readme() -> dict[str, set[str]]:
    """folder → the modules its table in "## How it is built" names."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## How it is built") :]
    section = section[: section.index("\n## ", 1)]
    heads = list(_FOLDER.finditer(section))
    tables = {}
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        part = section[head.end() : following.start() if following else len(section)]
        cells = (m.group("cell") for m in _MODULE_CELL.finditer(part))
        tables[head.group("folder")] = {m.group("name") for cell in cells for m in _MODULE.finditer(cell)}
    return tables


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_architecture_names_every_module_of_each_folder(folder: str) -> None:
    on_disk = {path.name for path in (REPO / folder).glob("*.py")}
    if folder != "vanban":
        on_disk.discard("__init__.py")  # the package's docstring, no code of its own
    named = modules_in_readme().get(folder, set())
    assert not on_disk - named, f"README's {folder}/ table leaves out {sorted(on_disk - named)}"
    assert not named - on_disk, f"README's {folder}/ table names {sorted(named - on_disk)}, which {folder}/ lacks"
