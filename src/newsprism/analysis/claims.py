"""PLACEHOLDER (owner: claims/conflicts helper): claims and coverage."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex
from newsprism.config import DEFAULT, Settings
from newsprism.model import Claim, Coverage, Quote
from newsprism.nlp.pipeline import ParsedStory


def build_claims(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex, settings: Settings = DEFAULT
) -> list[Claim]:
    return []


def build_coverage(story: ParsedStory, claims: list[Claim]) -> list[Coverage]:
    return []
