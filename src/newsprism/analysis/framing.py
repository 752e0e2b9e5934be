"""PLACEHOLDER (owner: timeline/framing/summary helper)."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex
from newsprism.model import FramingTerm, Quote
from newsprism.nlp.pipeline import ParsedStory


def find_framing(story: ParsedStory, quotes: list[Quote], entities: EntityIndex) -> list[FramingTerm]:
    return []
