"""The one typed data model every stage reads and writes.

The brief's JSON contract (``schema_version`` 1) is :class:`Brief`; the shipped JSON Schema in
``newsprism/schema/brief.schema.json`` is generated from it (``newsprism schema``).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

PublishedSource = Literal["metadata", "text", "inferred"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ConflictKind = Literal["contradiction", "numeric", "denial", "quote-variant", "scope-difference"]
DatePrecision = Literal["day", "month", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def stable_id(prefix: str, *parts: str, length: int = 12) -> str:
    """An id that depends only on its inputs, so the same input gives the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


class RawDocument(_Model):
    """What a reader found in one input, before extraction and cleaning.

    ``html`` is set for HTML input, ``text`` for plain text; the hints are metadata the
    container itself carried (a JSON Lines record, an HTTP header, a feed entry).
    """

    source: str  # file path, "path:line" for JSON Lines, or URL
    file: str | None = None  # the input file's name
    html: str | None = None
    text: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


class Article(_Model):
    id: str
    file: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    language: str = "en"
    text: str
    removed: list[str] = Field(default_factory=list)


class Entity(_Model):
    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, ...
    aliases: list[str] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)
    description: str | None = None  # a role or title seen with the name: "Kremlin spokesman"


class Quote(_Model):
    id: str
    speaker: str | None
    speaker_entity_id: str | None = None
    speaker_description: str | None = None
    via: str | None = None
    cue: str | None = None
    text: str
    kind: QuoteKind
    article_id: str
    span: tuple[int, int]
    speaker_span: tuple[int, int] | None = None  # where the speaker is named in the article
    rule: str | None = None  # the pattern that found it, for review


class Quantity(_Model):
    value: float | None
    approx: bool = False
    unit: str | None = None
    text: str
    low: float | None = None  # for ranges such as "a few dozen"
    high: float | None = None


class Claim(_Model):
    id: str
    text: str
    speaker: str | None
    article_ids: list[str]
    quote_ids: list[str] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)  # other wordings of the same claim


class ConflictSide(_Model):
    speaker: str | None
    text: str
    article_ids: list[str]
    claim_id: str | None = None


class Conflict(_Model):
    id: str
    kind: ConflictKind
    a: ConflictSide
    b: ConflictSide
    explanation: str


class TimelineEvent(_Model):
    date: date
    precision: DatePrecision
    text: str
    article_ids: list[str]
    basis: str


class FramingTerm(_Model):
    outlet: str
    term: str
    refers_to: str | None
    others_say: list[str] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)


class Coverage(_Model):
    claim_id: str
    outlets: list[str]
    missing_from: list[str]


class SummarySentence(_Model):
    text: str
    article_ids: list[str]


class StoryInfo(_Model):
    headline: str
    first_seen: date | None = None
    last_seen: date | None = None


class Brief(_Model):
    schema_version: Literal["1"] = "1"
    story: StoryInfo
    articles: list[Article]
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    framing: list[FramingTerm] = Field(default_factory=list)
    coverage: list[Coverage] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
