"""PLACEHOLDER (owner: timeline/framing/summary helper)."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex
from newsprism.model import Quote, TimelineEvent
from newsprism.nlp.pipeline import ParsedStory


def build_timeline(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex
) -> list[TimelineEvent]:
    return []
