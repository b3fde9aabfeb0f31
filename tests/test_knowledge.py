"""The knowledge base (extractors/data): every table loads through one reader, matches its schema,
and every key the schema declares is read by the code."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import regex

from vanban.extractors import knowledge

REPO = Path(__file__).resolve().parent.parent
CODE = [p for d in ("extractors", "pipeline", "vanban") for p in (REPO / d).rglob("*.py") if p.name != "knowledge.py"]


@pytest.mark.parametrize("name", knowledge.table_names())
def test_every_table_matches_its_schema(name: str) -> None:
    data = knowledge.table(name)
    jsonschema.validate(data, json.loads((knowledge.DATA_DIR / "schema.json").read_text(encoding="utf-8"))[name])
    assert knowledge.check(data, json.loads((knowledge.DATA_DIR / "schema.json").read_text())[name]) == []


def test_every_data_file_has_a_schema() -> None:
    files = {p.stem for p in knowledge.DATA_DIR.glob("*.json")} - {"schema"}
    assert files == set(knowledge.table_names())


@pytest.mark.parametrize("name", knowledge.table_names())
def test_every_declared_key_is_read(name: str) -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in CODE)
    unread = sorted(
        k for k in knowledge.declared_keys(name) if not regex.search(rf"""["']{regex.escape(k)}["']""", code)
    )
    assert not unread, f"{name}: keys no code reads: {unread}"


# (value, schema, the problem reported)
BROKEN = [
    (
        {"words": "x"},
        {"type": "object", "properties": {"words": {"type": "array"}}},
        "$.words: expected array, found str",
    ),
    ({}, {"type": "object", "required": ["words"]}, "$: missing key 'words'"),
    (
        {"wrods": []},
        {"type": "object", "properties": {"words": {}}, "additionalProperties": False},
        "$: key 'wrods' is not in the schema",
    ),
    (
        {"_doc": 3},
        {"type": "object", "patternProperties": {"^_": {"type": "string"}}},
        "$._doc: expected string, found int",
    ),
    ([1, "a"], {"type": "array", "items": {"type": "integer"}}, "$[1]: expected integer, found str"),
    (
        {"QH": {"name": None}},
        {"type": "object", "additionalProperties": {"type": "object", "required": ["scope"]}},
        "$.QH: missing key 'scope'",
    ),
    (True, {"type": "integer"}, "$: expected integer, found bool"),
]


@pytest.mark.parametrize("value, schema, problem", BROKEN)
def test_a_broken_table_is_named_with_its_place(value, schema, problem) -> None:
    assert knowledge.check(value, schema) == [problem]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(value, schema)


def test_an_unknown_table_is_an_error() -> None:
    with pytest.raises(knowledge.KnowledgeError, match="no such knowledge table"):
        knowledge.table("duty_lexicon_old")


def test_no_module_reads_the_data_folder_itself() -> None:
    """One reader: no other module opens extractors/data."""
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        assert not regex.search(r"""["'][a-z_]+\.json["']""", text) or path.name in {"publish.py", "migrations.py"}, (
            path
        )
