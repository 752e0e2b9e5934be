"""Story clustering on real coverage: ECB+ documents of different events fall apart."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np
import pytest

from newsprism.bench.cluster import bcubed, load_ecbplus
from newsprism.stories.cluster import (
    DocumentFrequencies,
    Features,
    OnlineClusterer,
    Story,
    batch_cluster,
    content_words,
    entity_key,
    extract_features,
    time_decay,
)
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def two_topics():
    """Six documents each of three events: two of one kind (topic 1) and one other."""
    items = load_ecbplus(shared_path("data", "ecbplus"))
    groups: dict[str, list] = defaultdict(list)
    for article, gold in items:
        if gold in ("1/ecb", "1/ecbplus", "3/ecb"):
            groups[gold].append(article)
    chosen = [(a, gold) for gold, arts in sorted(groups.items()) for a in arts[:6]]
    # Arrival interleaves the stories.
    chosen.sort(key=lambda pair: pair[0].id)
    articles = [a for a, _ in chosen]
    return articles, [g for _, g in chosen], extract_features(articles)


def test_online_clustering_separates_the_events(two_topics) -> None:
    articles, gold, features = two_topics
    clusterer = OnlineClusterer()
    labels = []
    for article, feats in zip(articles, features, strict=True):
        story, merged = clusterer.add(feats, "s-" + article.id)
        labels = [story.id if label in merged else label for label in labels]
        labels.append(story.id)
    precision, recall, f1 = bcubed(gold, labels)
    assert precision >= 0.9 and f1 >= 0.85, (precision, recall, labels)


def test_batch_clustering_separates_the_events(two_topics) -> None:
    _, gold, features = two_topics
    df = DocumentFrequencies()
    for f in features:
        df.add(list(f.terms) + [entity_key(e) for e in f.entities])
    labels = batch_cluster(features, df)
    precision, recall, f1 = bcubed(gold, labels)
    assert precision >= 0.9 and f1 >= 0.85, (precision, recall, labels)


def test_content_words_keep_years_and_drop_stop_words() -> None:
    words = content_words("The earthquake struck in 2009, killing 300 people; it's the worst.")
    assert words == ["earthquake", "struck", "2009", "killing", "people", "worst"]


def test_time_decay_needs_dates_on_both_sides() -> None:
    story = Story(id="s", first_seen=date(2019, 6, 1), last_seen=date(2019, 6, 3))
    assert time_decay(None, story) == 1.0
    assert time_decay(date(2019, 6, 2), story) == 1.0
    assert time_decay(date(2019, 6, 10), story) < time_decay(date(2019, 6, 5), story) < 1.0
    assert time_decay(date(2019, 6, 10), Story(id="t")) == 1.0


def test_stories_whose_centroids_meet_are_merged() -> None:
    vector = np.ones(4, dtype=np.float32) / 2
    words = {"earthquake": 1.0, "italy": 1.0, "aquila": 1.0, "rescue": 1.0}
    quake = Features(terms=words, entities={"aquila": 1.0}, vector=vector)
    flood = Features(terms={"flood": 1.0}, entities={}, vector=np.array([1, 0, 0, 0], np.float32))
    # Two stories of one event, kept apart so far (as after a stricter threshold) ...
    left, right, other = Story(id="s-1"), Story(id="s-2"), Story(id="s-3")
    left.add(quake)
    right.add(Features(terms={**words, "toll": 1.0}, entities={}, vector=vector))
    other.add(flood)
    df = DocumentFrequencies()
    for f in (quake, flood, quake):
        df.add(list(f.terms) + [entity_key(e) for e in f.entities])
    clusterer = OnlineClusterer(df=df, stories=[left, right, other])
    # ... the next article joins one of them, and the two merge; the flood story stays.
    story, merged = clusterer.add(quake, "s-new")
    assert {story.id, *merged} == {"s-1", "s-2"}
    assert set(clusterer.stories) == {story.id, "s-3"}
    assert clusterer.stories[story.id].size == 3
