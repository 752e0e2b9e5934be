"""PLACEHOLDER (owner: entities/quotes helper): cross-document entity resolution."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.model import Entity
from newsprism.nlp.pipeline import ParsedStory


@dataclass
class EntityIndex:
    """The story's resolved entities and where each is mentioned."""

    entities: list[Entity] = field(default_factory=list)
    # (article id, start char, end char) -> entity id
    mentions: dict[tuple[str, int, int], str] = field(default_factory=dict)

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def find(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case-insensitive)."""
        key = name.casefold()
        for entity in self.entities:
            if entity.name.casefold() == key or key in (a.casefold() for a in entity.aliases):
                return entity
        return None

    def entity_at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity mentioned at (or overlapping) a character span of an article."""
        for (aid, s, e), entity_id in self.mentions.items():
            if aid == article_id and s < end and start < e:
                return self.get(entity_id)
        return None


def resolve_entities(story: ParsedStory) -> EntityIndex:
    return EntityIndex()
