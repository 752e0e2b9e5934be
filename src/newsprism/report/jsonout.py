"""The brief as JSON, and its JSON Schema (shipped as ``newsprism/schema/brief.schema.json``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from newsprism.model import Brief


def generate_schema() -> dict[str, Any]:
    """The schema as pydantic derives it from :class:`~newsprism.model.Brief`."""
    schema = Brief.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsprism story brief"
    return schema


@cache
def brief_schema() -> dict[str, Any]:
    """The shipped schema file (kept equal to :func:`generate_schema` by a test)."""
    text = resources.files("newsprism.schema").joinpath("brief.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def to_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2)


def validate_brief_json(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract."""
    jsonschema.validate(data, brief_schema())
