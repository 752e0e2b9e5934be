"""PLACEHOLDER (owner: entities/quotes helper): quotes with their speakers."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex
from newsprism.model import Quote
from newsprism.nlp.pipeline import ParsedStory


def extract_quotes(story: ParsedStory, entities: EntityIndex) -> list[Quote]:
    return []
