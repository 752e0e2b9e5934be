"""A stored story in one line, and its JSON: the same in ``newsprism stories --json`` and
the web API. Kept free of database imports so the web app can use it without the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass
class StorySummary:
    id: str
    headline: str | None
    size: int  # articles, copies included
    origins: int  # independent texts, not copies
    outlets: list[str]
    first_seen: date | None
    last_seen: date | None
    updated: str | None = None  # ISO timestamp of the last change to the story

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "size": self.size,
            "origins": self.origins,
            "outlets": self.outlets,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "updated": self.updated,
        }
