"""The speed task's story sample: spread over the story sizes, each cut to a brief's size."""

from __future__ import annotations

from newsprism.bench.speed import chunks, sample_stories


def test_sample_spreads_from_largest_to_smallest_story_and_caps_each():
    # stories: label 0 has 12 articles, 1 has 5, 2 has 3, 3 has 2; 4 and 5 are singletons
    labels = [0] * 12 + [1] * 5 + [2] * 3 + [3] * 2 + [4, 5]
    stories = sample_stories(labels, count=3, size=10)
    assert [len(s) for s in stories] == [10, 3, 2]  # the largest, one between, the smallest
    assert stories[0] == list(range(10))
    assert all(len({labels[i] for i in s}) == 1 for s in stories)


def test_sample_keeps_every_story_when_there_are_few():
    labels = [7, 7, 8, 9, 9, 9]
    assert sample_stories(labels, count=4, size=10) == [[3, 4, 5], [0, 1]]


def test_without_a_story_of_two_the_first_articles_stand_in():
    assert sample_stories([0, 1, 2], count=4, size=2) == [[0, 1]]
    assert sample_stories([], count=4, size=2) == []


def test_chunks_cover_every_item_once_in_order():
    assert chunks(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]


def test_ingest_stage_builds_articles_as_ingest_does():
    """The bench times the real ingest path: the same articles ``build_article`` gives."""
    from pathlib import Path

    from rich.console import Console

    from newsprism.bench.common import Stopwatch
    from newsprism.bench.speed import Report, _ingest
    from newsprism.ingest import build_article
    from newsprism.model import RawDocument

    page = Path(__file__).parents[1] / "ingest" / "fixtures" / "page.html"
    docs = [
        RawDocument(source="page", file="page.html", html=page.read_text("utf-8")),
        RawDocument(source="text", file="a.txt", text="The mayor said the bridge would reopen."),
        RawDocument(source="empty", file="b.txt", text="  "),
    ]
    console = Console(stderr=True, quiet=True)
    report = Report(console)
    articles, skipped, pages = _ingest(docs, report, Stopwatch(), console)
    assert (skipped, pages) == (1, 1)
    assert articles == [build_article(d) for d in docs[:2]]
    assert report.stages["extraction"]["articles"] == 1
    assert report.stages["cleaning"]["articles"] == 2
