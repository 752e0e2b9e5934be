"""The shipped JSON Schema is the one the data model defines."""

from __future__ import annotations

import jsonschema
import pytest

from newsprism.report.jsonout import brief_schema, generate_schema, validate_brief_json


def test_shipped_schema_matches_the_model() -> None:
    hint = "regenerate: newsprism schema > src/newsprism/schema/brief.schema.json"
    assert brief_schema() == generate_schema(), hint


def test_schema_rejects_a_brief_missing_required_keys() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_brief_json({"schema_version": "1", "articles": []})
