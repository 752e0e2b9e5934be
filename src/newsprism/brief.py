"""Build the brief of one story: the stages in the order the data flows through them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from newsprism.analysis.claims import build_claims, build_coverage
from newsprism.analysis.conflicts import find_conflicts
from newsprism.analysis.entities import resolve_entities
from newsprism.analysis.framing import find_framing
from newsprism.analysis.quotes import extract_quotes
from newsprism.analysis.summary import summarize
from newsprism.analysis.timeline import build_timeline
from newsprism.config import DEFAULT, Settings
from newsprism.model import Article, Brief, StoryInfo
from newsprism.nlp.pipeline import parse_story

T = TypeVar("T")


# The stages build_brief runs, in order (a progress display counts them).
STAGES = (
    "nlp", "entities", "quotes", "claims", "conflicts", "timeline", "framing", "coverage",
    "summary",
)  # fmt: skip


class StageTimer:
    """Wall-clock seconds per stage, so a slow stage shows up in ``--timings``; ``on_start``
    hears each stage's name as it starts (for a progress display)."""

    def __init__(self, on_start: Callable[[str], None] | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.on_start = on_start

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.on_start is not None:
            self.on_start(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def run(self, name: str, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        with self.stage(name):
            return fn(*args, **kwargs)


def build_brief(
    articles: list[Article], settings: Settings = DEFAULT, timer: StageTimer | None = None
) -> Brief:
    """Run every analysis stage over the articles of one story."""
    timer = timer or StageTimer()
    story = timer.run("nlp", parse_story, articles, settings)
    entities = timer.run("entities", resolve_entities, story)
    quotes = timer.run("quotes", extract_quotes, story, entities)
    claims = timer.run("claims", build_claims, story, quotes, entities, settings)
    conflicts = timer.run("conflicts", find_conflicts, story, claims, quotes, entities)
    timeline = timer.run("timeline", build_timeline, story, quotes, entities)
    framing = timer.run("framing", find_framing, story, quotes, entities)
    coverage = timer.run("coverage", build_coverage, story, claims)
    headline, summary = timer.run("summary", summarize, story, claims, settings)
    seen = sorted(a.published for a in articles if a.published)
    return Brief(
        story=StoryInfo(
            headline=headline,
            first_seen=min(seen) if seen else None,
            last_seen=max(seen) if seen else None,
        ),
        articles=articles,
        entities=entities.entities,
        quotes=quotes,
        claims=claims,
        conflicts=conflicts,
        timeline=timeline,
        framing=framing,
        coverage=coverage,
        summary=summary,
    )
