"""Story clustering on real coverage: ECB+ documents of different events fall apart."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import numpy as np
import pytest

from newsprism.bench.cluster import bcubed, load_ecbplus, load_fnc_stories
from newsprism.stories.cluster import (
    DocumentFrequencies,
    Features,
    OnlineClusterer,
    Story,
    attach_small_clusters,
    batch_cluster,
    cluster_similarities,
    content_words,
    entity_key,
    extract_features,
    names_and_numbers,
    shared_neighbours,
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


def test_online_clustering_never_glues_different_events(two_topics) -> None:
    """Decided one article at a time from an empty stream, stories stay pure (recall
    comes from the window re-clustering of ``ingest``, tested in tests/store)."""
    articles, gold, features = two_topics
    clusterer = OnlineClusterer()
    labels: list[str] = []
    for article, feats in zip(articles, features, strict=True):
        story, merged = clusterer.add(feats, "s-" + article.id)
        labels = [story.id if label in merged else label for label in labels]
        labels.append(story.id)
    precision, recall, _ = bcubed(gold, labels)
    assert precision >= 0.9, (precision, recall, labels)
    assert len(set(labels)) < len(labels)


def test_names_and_numbers_tell_two_fights_apart() -> None:
    first = names_and_numbers(
        "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim. "
        "Striking early, Klitschko won. His striking was precise; he is 53-3."
    )
    second = names_and_numbers(
        "Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern. "
        "The Ukrainian's record is now 59-3."
    )
    assert first == [
        "wladimir", "klitschko", "hasim", "rahman", "mannheim", "klitschko", "#53", "#3"
    ]  # "Striking" is written in lower case too: a word, not a name; "His" is a stop word
    assert "ukrainian" in second and "#59" in second
    assert not {"rahman", "mannheim"} & set(second)


def test_lone_articles_join_an_established_story() -> None:
    similarity_matrix = np.array(
        [
            [1.0, 0.8, 0.8, 0.25, 0.0],
            [0.8, 1.0, 0.8, 0.25, 0.0],
            [0.8, 0.8, 1.0, 0.25, 0.0],
            [0.25, 0.25, 0.25, 1.0, 0.05],
            [0.0, 0.0, 0.0, 0.05, 1.0],
        ]
    )
    labels = np.array([0, 0, 0, 1, 2])
    moved = attach_small_clusters(similarity_matrix, labels)
    assert moved.tolist() == [0, 0, 0, 0, 2]  # 0.25 is above the attach threshold, 0 is not


def test_batch_clustering_separates_the_events(two_topics) -> None:
    _, gold, features = two_topics
    df = DocumentFrequencies()
    for f in features:
        df.add(list(f.terms) + [entity_key(e) for e in f.entities])
    labels = batch_cluster(features, df)
    precision, recall, f1 = bcubed(gold, labels)
    assert precision >= 0.9 and f1 >= 0.85, (precision, recall, labels)


def test_shared_neighbours_part_two_events_of_one_kind() -> None:
    """Each event's articles are each other's nearest neighbours even when every article
    of one event also looks like every article of the other (same kind, same words)."""
    from newsprism.config import Settings

    within, across = 0.6, 0.45
    similarity_matrix = np.full((10, 10), across)
    similarity_matrix[:5, :5] = similarity_matrix[5:, 5:] = within
    np.fill_diagonal(similarity_matrix, 1.0)
    second = shared_neighbours(similarity_matrix, k=5, close=0.5, most=8).toarray()
    assert second[0, 1] > 0.9 and second[0, 9] == 0.0
    # At most 5 neighbours: the close ones beyond the 5 nearest are left out.
    capped = shared_neighbours(similarity_matrix, k=5, close=0.4, most=5).toarray()
    assert np.allclose(capped, shared_neighbours(similarity_matrix, 5, close=1.1, most=5).toarray())

    # First order, 0.45 across is above the threshold: one story.
    assert len(set(cluster_similarities(similarity_matrix, Settings(cluster_neighbours=0)))) == 1
    settings = Settings(cluster_neighbours=5, cluster_neighbour_similarity=0.5)
    labels = cluster_similarities(similarity_matrix, settings)
    assert len(set(labels[:5])) == len(set(labels[5:])) == 1 and labels[0] != labels[5]


def test_batch_clustering_of_all_ecbplus_finds_its_stories() -> None:
    """The whole corpus at once, the number of stories unknown (the bench's task)."""
    items = load_ecbplus(shared_path("data", "ecbplus"))
    features = extract_features([a for a, _ in items])
    df = DocumentFrequencies()
    for f in features:
        df.add(list(f.terms) + [entity_key(e) for e in f.entities])
    precision, recall, f1 = bcubed([g for _, g in items], batch_cluster(features, df))
    assert f1 >= 0.94, (precision, recall, f1)


def test_large_stories_keep_together_under_shared_neighbours() -> None:
    """FNC-1's six largest stories (29 to 50 bodies): a neighbourhood of a fixed 10 articles
    would break each into groups of about 10; every close article counts as a neighbour."""
    from newsprism.config import Settings

    items = load_fnc_stories(shared_path("data", "fnc-1"))
    largest = {story for story, _ in Counter(s for _, s in items).most_common(6)}
    chosen = [(a, s) for a, s in items if s in largest]
    features = extract_features([a for a, _ in chosen])
    df = DocumentFrequencies()
    for f in features:
        df.add(list(f.terms) + [entity_key(e) for e in f.entities])
    gold = [s for _, s in chosen]
    precision, recall, _ = bcubed(gold, batch_cluster(features, df))
    assert precision >= 0.95 and recall >= 0.65, (precision, recall)
    fixed = Settings(cluster_neighbour_similarity=1.01)  # the k most similar only
    _, fixed_recall, _ = bcubed(gold, batch_cluster(features, df, fixed))
    assert fixed_recall < recall - 0.1


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
    right.add(Features(terms={**words, "toll": 1.0}, entities={"aquila": 1.0}, vector=vector))
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


def test_only_the_most_recently_updated_stories_stay_active(two_topics) -> None:
    """However long the stream, an article is compared with a bounded set of stories: the
    ones updated last, so a story that keeps getting articles is never dropped."""
    from newsprism.config import Settings

    _, gold, features = two_topics
    fa, fb, fc = (features[gold.index(g)] for g in dict.fromkeys(gold))  # one per event
    clusterer = OnlineClusterer(Settings(cluster_active_stories=2))
    story_a, _ = clusterer.add(fa, "s-a")
    clusterer.add(fb, "s-b")
    assert clusterer.add(fa, "s-again")[0].id == story_a.id  # "a" is now the latest update
    clusterer.add(fc, "s-c")
    assert set(clusterer.stories) == {story_a.id, "s-c"}
    # The retired story is gone from every index: its names lead nowhere.
    assert all("s-b" not in ids for ids in clusterer._by_entity.values())
    assert clusterer.add(fb, "s-b2")[0].id == "s-b2"
    assert len(clusterer.stories) == 2


def test_candidates_tied_on_shared_names_are_the_smallest_ids_in_order() -> None:
    """The choice between stories sharing as many names does not hang on Python's string
    hashing, which changes from run to run."""
    clusterer = OnlineClusterer()
    empty = np.zeros(0, dtype=np.float32)
    for n in reversed(range(40)):
        story = Story(id=f"s-{n:02d}")
        story.add(Features(terms={"talks": 1.0}, entities={"geneva": 1.0}, vector=empty))
        clusterer.insert(story)
    article = Features(terms={"talks": 1.0}, entities={"geneva": 1.0}, vector=empty)
    limit = clusterer.settings.cluster_candidates
    found = [s.id for s in clusterer.candidates(article)]
    assert found == [f"s-{n:02d}" for n in range(limit)]
