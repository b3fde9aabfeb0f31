"""The knowledge base: the tables of ``extractors/data``, loaded once and checked.

Every extractor, the OCR corrector, the resolver and the store read their
word lists and name tables through :func:`table` — never with their own
``json.load`` — so a table has one reader and one schema
(``extractors/data/schema.json``). A table that breaks its schema (a missing
key, a key nobody declared, a number where a list belongs) stops the import
with :class:`KnowledgeError` naming the table and the place, instead of an
extractor quietly finding nothing. Keys starting with ``_`` are notes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import regex

DATA_DIR = Path(__file__).resolve().parent / "data"
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


class KnowledgeError(ValueError):
    """A knowledge table that does not match its schema."""


@cache
def _schemas() -> dict:
    return json.loads((DATA_DIR / "schema.json").read_text(encoding="utf-8"))


def table_names() -> list[str]:
    """Every knowledge table, by name (``"doc_types"``, ``"issuers"`` …)."""
    return sorted(name for name in _schemas() if not name.startswith("_"))


@cache
def table(name: str) -> dict:
    """The knowledge table ``extractors/data/<name>.json``, checked against its schema.

    The result is shared by every caller: treat it as read-only.
    """
    schema = _schemas().get(name)
    if schema is None:
        raise KnowledgeError(f"{name}: no such knowledge table (known: {', '.join(table_names())})")
    path = DATA_DIR / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{name}: cannot load {path.name}: {exc}") from None
    problems = list(check(data, schema))
    if problems:
        raise KnowledgeError(f"{name}: " + "; ".join(problems[:5]))
    return data


def check(value: object, schema: dict, where: str = "$") -> list[str]:
    """What in ``value`` breaks ``schema`` (the JSON Schema subset schema.json uses), one line each."""
    problems: list[str] = []
    expected = schema.get("type")
    if expected is not None:
        names = expected if isinstance(expected, list) else [expected]
        # bool is an int to Python, never to JSON
        ok = any(
            isinstance(value, _TYPES[n]) and not (n in ("integer", "number") and isinstance(value, bool)) for n in names
        )
        if not ok:
            return [f"{where}: expected {' or '.join(names)}, found {type(value).__name__}"]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        patterns = [(regex.compile(p), s) for p, s in schema.get("patternProperties", {}).items()]
        extra = schema.get("additionalProperties", True)
        for key in schema.get("required", []):
            if key not in value:
                problems.append(f"{where}: missing key {key!r}")
        for key, item in value.items():
            child = f"{where}.{key}"
            if key in properties:
                problems += check(item, properties[key], child)
                continue
            matched = [s for p, s in patterns if p.search(key)]
            if matched:
                for sub in matched:
                    problems += check(item, sub, child)
            elif extra is False:
                problems.append(f"{where}: key {key!r} is not in the schema")
            elif isinstance(extra, dict):
                problems += check(item, extra, child)
    elif isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += check(item, schema["items"], f"{where}[{i}]")
    return problems


def declared_keys(name: str) -> set[str]:
    """The keys ``schema.json`` declares for a table (at any depth): each must be read somewhere."""
    keys: set[str] = set()

    def walk(schema: dict) -> None:
        for key, sub in schema.get("properties", {}).items():
            keys.add(key)
            walk(sub)
        for part in ("items", "additionalProperties"):
            if isinstance(schema.get(part), dict):
                walk(schema[part])

    walk(_schemas()[name])
    return keys
