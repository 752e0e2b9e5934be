"""PLACEHOLDER (owner: claims/conflicts helper): conflicts between sources."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex
from newsprism.model import Claim, Conflict, Quote
from newsprism.nlp.pipeline import ParsedStory


def find_conflicts(
    story: ParsedStory, claims: list[Claim], quotes: list[Quote], entities: EntityIndex
) -> list[Conflict]:
    return []
