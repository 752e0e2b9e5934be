"""PLACEHOLDER (owner: timeline/framing/summary helper)."""

from __future__ import annotations

from newsprism.config import DEFAULT, Settings
from newsprism.model import Claim, SummarySentence
from newsprism.nlp.pipeline import ParsedStory


def summarize(
    story: ParsedStory, claims: list[Claim], settings: Settings = DEFAULT
) -> tuple[str, list[SummarySentence]]:
    titles = [a.title for a in story.articles if a.title]
    return (titles[0] if titles else "Untitled story"), []
