"""The similarity's bookkeeping on real text: IDFs follow the stream as it grows, and the
cosines and centroids come out exactly as the plain formulas give them, so clustering
decisions do not depend on how the sums are organised."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from newsprism.config import DEFAULT
from newsprism.stories.cluster import (
    DocumentFrequencies,
    Features,
    Story,
    content_words,
    entity_key,
    names_and_numbers,
    similarity,
    tfidf_norm,
)

HARBOUR = (
    "Dock workers in the northern port returned to work on Monday after the city council "
    "agreed to a new pay scale that ends a three-week strike over night-shift wages. "
    "Shipping companies had diverted 40 vessels to other ports during the strike."
)
HARBOUR_AGAIN = (
    "The harbour strike is over: the council's new pay scale raises night-shift pay by "
    "nine percent, the union said, and dock workers were back on the quays on Monday."
)
HARBOUR_LATER = (
    "The 40 ships that waited out the dock strike sailed into the port on Monday, and the "
    "council said the backlog would clear within ten days."
)
FLOOD = (
    "Floodwater closed the main road into Bern on Sunday after two days of rain, and the "
    "canton asked residents of the old town to move cars away from the river banks."
)


def features(text: str, vector: list[float]) -> Features:
    def sublinear(words: list[str]) -> dict[str, float]:
        return {t: 1.0 + math.log(c) for t, c in Counter(words).items()}

    unit = np.asarray(vector, dtype=np.float32)
    return Features(
        terms=sublinear(content_words(text)),
        entities=sublinear(names_and_numbers(text)),
        vector=unit / np.linalg.norm(unit),
    )


def stream(*items: Features) -> DocumentFrequencies:
    df = DocumentFrequencies()
    for item in items:
        df.add(list(item.terms) + [entity_key(e) for e in item.entities])
    return df


def test_idfs_follow_the_stream_as_articles_arrive() -> None:
    harbour, again, flood = (
        features(HARBOUR, [1, 0, 0]),
        features(HARBOUR_AGAIN, [1, 1, 0]),
        features(FLOOD, [0, 0, 1]),
    )
    df = stream(harbour, flood)
    # "strike" and "rain" are each in one of the two articles, "spaceship" in neither.
    assert df.idfs(["strike", "rain", "spaceship"]) == [
        math.log(3 / 2) + 1.0,
        math.log(3 / 2) + 1.0,
        math.log(3 / 1) + 1.0,
    ]
    # Names and numbers count under their own prefix: "40" is no content word.
    assert df.idfs(["#40"], "ent:") == [math.log(3 / 2) + 1.0]
    assert df.idfs(["#40"]) == [math.log(3 / 1) + 1.0]
    # A third article with "strike": its IDF falls, the others' rise with the stream.
    df.add(list(again.terms) + [entity_key(e) for e in again.entities])
    assert df.idfs(["strike", "rain"]) == [math.log(4 / 3) + 1.0, math.log(4 / 2) + 1.0]


def test_tfidf_norm_is_the_length_of_the_weighted_vector() -> None:
    assert tfidf_norm({"strike": 2.0, "council": 1.0}, [1.5, 3.0]) == math.sqrt(
        (2.0 * 1.5) ** 2 + (1.0 * 3.0) ** 2
    )
    assert tfidf_norm({}, []) == 0.0


def test_similarity_is_the_plain_weighted_cosine_sum() -> None:
    harbour, again, flood, later = (
        features(HARBOUR, [1, 0, 0]),
        features(HARBOUR_AGAIN, [1, 1, 0]),
        features(FLOOD, [0, 0, 1]),
        features(HARBOUR_LATER, [2, 1, 0]),
    )
    story = Story(id="s-harbour")
    for item in (harbour, flood, again):  # a story that took in an unrelated article too
        story.add(item)
    df = stream(harbour, flood, again, later)
    # The centroid sums the weights, in the order terms first arrived.
    expected_terms = dict(harbour.terms)
    for item in (flood, again):
        for term, weight in item.terms.items():
            expected_terms[term] = expected_terms.get(term, 0.0) + weight
    assert list(story.terms.items()) == list(expected_terms.items())
    assert story.terms["strike"] == harbour.terms["strike"] + again.terms["strike"]

    def cosine(article: dict[str, float], centroid: Counter[str], prefix: str) -> float:
        idf = {t: math.log((1 + df.n_docs) / (1 + df.counts[prefix + t])) + 1.0 for t in article}
        article_norm = math.sqrt(sum((w * idf[t]) ** 2 for t, w in article.items()))
        centroid_idf = [
            math.log((1 + df.n_docs) / (1 + df.counts[prefix + t])) + 1.0 for t in centroid
        ]
        centroid_norm = math.sqrt(
            sum((w * i) ** 2 for w, i in zip(centroid.values(), centroid_idf, strict=True))
        )
        # Summed in the article's order: the same sum every time the pair is compared.
        dot = sum(w * idf[t] ** 2 * centroid[t] for t, w in article.items() if t in centroid)
        return dot / (article_norm * centroid_norm)

    words = cosine(later.terms, story.terms, "")
    names = cosine(later.entities, story.entities, "ent:")
    semantic = float(later.vector @ story.unit_vector)
    assert words > 0 and names > 0 and semantic > 0
    assert similarity(later, story, df) == (
        DEFAULT.cluster_weight_words * words
        + DEFAULT.cluster_weight_entities * names
        + DEFAULT.cluster_weight_embedding * semantic
    )


def test_curly_and_straight_apostrophes_give_the_same_words() -> None:
    curly = "Thompson’s corner didn’t stop the fight in Bern’s arena"
    straight = curly.replace("’", "'")
    assert content_words(curly) == content_words(straight)
    assert content_words(curly)[:3] == ["thompson", "corner", "didn't"]
    assert names_and_numbers(curly) == names_and_numbers(straight) == ["thompson", "bern"]
