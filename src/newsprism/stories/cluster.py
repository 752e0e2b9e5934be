"""Story clustering: articles about the same event, online as they arrive and in batch.

The similarity follows Miranda et al. (2018), "Multilingual Clustering of Streaming News":
an article is compared with story centroids by a weighted sum of TF-IDF cosines (content
words of the whole text, and the names and numbers it mentions) and the embedding cosine of
title + lead, multiplied by a time decay when both sides have dates. Names and numbers are
what tell two events of one kind apart (two boxing title fights, two earthquakes): they are
read from capitalisation over the whole text, which costs no parser. Document frequencies
grow with the stream, so IDF needs no corpus known in advance. An article joins the best
story above a threshold (a lower one for a story that several articles already agree on),
or starts a new one; two stories whose centroids come close are merged. ``batch_cluster``
re-clusters everything with average-linkage agglomerative clustering over the same
similarity blended with shared nearest neighbours, which also splits stories the online
pass glued together.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.config import DEFAULT, Settings
from newsprism.model import Article

_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_WORD = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W\d_]")
_CASED_WORD = re.compile(r"\b[^\W\d_][\w'’-]*\w")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def content_words(text: str) -> list[str]:
    """Lower-cased words without stop words or bare numbers (years kept)."""
    words = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in ENGLISH_STOP_WORDS:
            continue
        if word.isdigit() and not _YEAR.fullmatch(word):
            continue  # years tell two events of one kind apart; other bare numbers do not
        words.append(word)
    return words


def names_and_numbers(text: str) -> list[str]:
    """Capitalised words the text never writes in lower case, and the numbers it gives.

    These are the participants, places and figures of an event ("Thompson", "Bern", "26"),
    read without a parser: a word that also appears in lower case ("Striking" at the start
    of a sentence) is ordinary vocabulary. Numbers carry a ``#`` so they never meet a word.
    """
    words = [m.group() for m in _CASED_WORD.finditer(text)]
    lower = {w for w in words if w[0].islower()}
    names = []
    for word in words:
        if not word[0].isupper() or word.lower() in lower:
            continue
        key = word.lower().replace("’", "'")
        if key.endswith("'s"):
            key = key[:-2]
        if len(key) < 2 or key in ENGLISH_STOP_WORDS:
            continue
        names.append(key)
    names.extend("#" + m.group() for m in _NUMBER.finditer(text))
    return names


def lead_text(article: Article, chars: int) -> str:
    """Title and the start of the text: what a reader sees first and what names the event."""
    body = article.text[:chars]
    cut = body.rfind(" ")
    if len(article.text) > chars and cut > chars // 2:
        body = body[:cut]
    if article.title and not article.text.startswith(article.title):
        return f"{article.title}. {body}"
    return body


@dataclass
class Features:
    """What clustering knows of one article."""

    terms: dict[str, float]  # content word -> sublinear term frequency
    entities: dict[str, float]  # name or #number -> sublinear term frequency
    vector: np.ndarray  # unit embedding of title + lead
    published: date | None = None
    # Per prefix: the stream size, the TF-IDF norm, and the weights times IDF squared.
    _weighted: dict[str, tuple[int, float, dict[str, float]]] = field(
        default_factory=dict, repr=False
    )

    def weighted(self, df: DocumentFrequencies, prefix: str) -> tuple[float, dict[str, float]]:
        """TF-IDF norm and weights x IDF² at the stream's current size, computed once for
        the many stories one article is compared with."""
        cached = self._weighted.get(prefix)
        if cached is None or cached[0] != df.n_docs:
            weights = self.entities if prefix else self.terms
            idf = {t: df.idf(prefix + t) for t in weights}
            norm = math.sqrt(sum((w * idf[t]) ** 2 for t, w in weights.items()))
            cached = (df.n_docs, norm, {t: w * idf[t] ** 2 for t, w in weights.items()})
            self._weighted[prefix] = cached
        return cached[1], cached[2]


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def extract_features(articles: Sequence[Article], settings: Settings = DEFAULT) -> list[Features]:
    """Features of many articles at once (the embeddings run in one batch)."""
    from newsprism.nlp.embeddings import embed_fast

    if not articles:
        return []
    vectors = embed_fast([lead_text(a, settings.cluster_lead_chars) for a in articles])
    out = []
    for article, vector in zip(articles, vectors, strict=True):
        text = f"{article.title}\n{article.text}" if article.title else article.text
        text = text[: settings.max_parse_chars]
        out.append(
            Features(
                terms=_sublinear(Counter(content_words(text))),
                entities=_sublinear(Counter(names_and_numbers(text))),
                vector=vector.astype(np.float32),
                published=article.published,
            )
        )
    return out


@dataclass
class DocumentFrequencies:
    """How many articles contain each term; grows with the stream (IDF of Miranda et al.)."""

    n_docs: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    # IDFs computed since the last article: one article meets the same terms in many stories.
    _memo: dict[str, float] = field(default_factory=dict, repr=False)

    def add(self, keys: Iterable[str]) -> None:
        self.n_docs += 1
        self.counts.update(keys)
        self._memo.clear()

    def idf(self, key: str) -> float:
        value = self._memo.get(key)
        if value is None:
            value = math.log((1 + self.n_docs) / (1 + self.counts.get(key, 0))) + 1.0
            self._memo[key] = value
        return value


def entity_key(name: str) -> str:
    """Entities share the document-frequency table with words under their own prefix."""
    return "ent:" + name


@dataclass
class Story:
    """A story's centroid: summed term and entity weights and the summed embedding."""

    id: str
    size: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    vector_sum: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    first_seen: date | None = None
    last_seen: date | None = None
    _unit: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32), repr=False)
    _unit_of: np.ndarray | None = field(default=None, repr=False)
    # TF-IDF norms of the centroid by prefix, with the stream size they were computed at.
    _norms: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)

    def norm(self, df: DocumentFrequencies, prefix: str) -> float:
        """The centroid's TF-IDF norm, recomputed once the stream has grown by half: while
        the stream's mix stays the same, document counts grow in proportion and IDFs barely
        move, and summing over a large centroid for every candidate is the cost."""
        cached = self._norms.get(prefix)
        if cached is None or df.n_docs > cached[0] * 1.5 + 1:
            weights = self.entities if prefix else self.terms
            cached = (df.n_docs, tfidf_norm(weights, df, prefix))
            self._norms[prefix] = cached
        return cached[1]

    def add(self, features: Features) -> None:
        self._norms.clear()
        self.size += 1
        self.terms.update(features.terms)
        self.entities.update(features.entities)
        if self.vector_sum.size == 0:
            self.vector_sum = features.vector.astype(np.float32).copy()
        else:
            self.vector_sum = self.vector_sum + features.vector
        self._widen(features.published, features.published)

    def absorb(self, other: Story) -> None:
        self._norms.clear()
        self.size += other.size
        self.terms.update(other.terms)
        self.entities.update(other.entities)
        self.vector_sum = (
            other.vector_sum.copy()
            if self.vector_sum.size == 0
            else self.vector_sum + other.vector_sum
        )
        self._widen(other.first_seen, other.last_seen)

    def _widen(self, first: date | None, last: date | None) -> None:
        if first is not None and (self.first_seen is None or first < self.first_seen):
            self.first_seen = first
        if last is not None and (self.last_seen is None or last > self.last_seen):
            self.last_seen = last

    def trim(self, max_terms: int) -> None:
        """Keep the heaviest terms only, so a long story's centroid stays small to store."""
        self._norms.clear()
        if len(self.terms) > max_terms:
            self.terms = Counter(dict(self.terms.most_common(max_terms)))
        if len(self.entities) > max_terms:
            self.entities = Counter(dict(self.entities.most_common(max_terms)))

    @property
    def unit_vector(self) -> np.ndarray:
        # Cached against the sum it was computed from (the sum is replaced, never mutated).
        if self._unit_of is not self.vector_sum:
            norm = float(np.linalg.norm(self.vector_sum))
            self._unit = self.vector_sum / norm if norm > 0 else self.vector_sum
            self._unit_of = self.vector_sum
        return self._unit

    def as_features(self) -> Features:
        return Features(
            terms=dict(self.terms),
            entities=dict(self.entities),
            vector=self.unit_vector,
            published=self.last_seen,
        )


def tfidf_norm(weights: Mapping[str, float], df: DocumentFrequencies, prefix: str = "") -> float:
    return math.sqrt(sum((w * df.idf(prefix + t)) ** 2 for t, w in weights.items()))


def _tfidf_cosine(
    features: Features, story: Story, df: DocumentFrequencies, prefix: str = ""
) -> float:
    norm_a, weighted = features.weighted(df, prefix)
    other = story.entities if prefix else story.terms
    if not weighted or not other:
        return 0.0
    dot = sum(w * other[t] for t, w in weighted.items() if t in other)
    return dot / (norm_a * story.norm(df, prefix)) if dot else 0.0


def time_decay(published: date | None, story: Story, settings: Settings = DEFAULT) -> float:
    """1 within the story's time span, falling off (Gaussian, in days) outside it.

    Undated articles or stories get 1: time is evidence only when both sides have it.
    """
    if published is None or story.first_seen is None or story.last_seen is None:
        return 1.0
    if story.first_seen <= published <= story.last_seen:
        return 1.0
    gap = min(abs((published - story.first_seen).days), abs((published - story.last_seen).days))
    return math.exp(-((gap / settings.cluster_time_sigma_days) ** 2))


def similarity(
    features: Features, story: Story, df: DocumentFrequencies, settings: Settings = DEFAULT
) -> float:
    """Weighted TF-IDF (words, entities) and embedding cosines, times the time decay."""
    words = _tfidf_cosine(features, story, df)
    names = _tfidf_cosine(features, story, df, "ent:")
    vector = story.unit_vector
    semantic = float(features.vector @ vector) if vector.size == features.vector.size else 0.0
    score = (
        settings.cluster_weight_words * words
        + settings.cluster_weight_entities * names
        + settings.cluster_weight_embedding * max(semantic, 0.0)
    )
    return score * time_decay(features.published, story, settings)


class OnlineClusterer:
    """Assigns each incoming article to a story, keeping story centroids up to date.

    Candidates are the stories nearest by embedding plus those sharing an entity, so each
    article costs a matrix product over the active stories and a few exact similarities,
    never a pass over every stored article. Only the ``cluster_active_stories`` most recently
    updated stories stay active, so that cost stays the same however long the stream runs.
    """

    def __init__(
        self,
        settings: Settings = DEFAULT,
        df: DocumentFrequencies | None = None,
        stories: Iterable[Story] = (),
    ) -> None:
        """``stories``: the active ones, most recently updated first (as the store lists them)."""
        self.settings = settings
        self.df = df or DocumentFrequencies()
        self.stories: dict[str, Story] = {}
        self._by_entity: dict[str, set[str]] = {}
        # The stories' unit vectors as rows of one matrix, kept up to date as stories change,
        # so finding the nearest ones is one product, not a rebuild per article.
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._row_story: list[str | None] = []
        self._story_row: dict[str, int] = {}
        self._free_rows: list[int] = []
        for story in reversed(list(stories)):
            self._index(story)
        self._retire_oldest()

    def _index(self, story: Story) -> None:
        self.stories[story.id] = story
        for name in story.entities:
            self._by_entity.setdefault(name, set()).add(story.id)
        vector = story.unit_vector
        if not vector.size:
            return  # a story not yet given an article
        if not self._matrix.shape[1]:  # the first vector sets the width: one model makes all
            self._matrix = np.zeros((0, vector.size), dtype=np.float32)
        if self._free_rows:
            row = self._free_rows.pop()
        else:
            row = len(self._row_story)
            if row >= self._matrix.shape[0]:
                grown = np.zeros((max(64, 2 * row), vector.size), dtype=np.float32)
                grown[:row] = self._matrix[:row]
                self._matrix = grown
            self._row_story.append(None)
        self._matrix[row] = vector
        self._row_story[row] = story.id
        self._story_row[story.id] = row

    def _unindex(self, story: Story) -> None:
        self.stories.pop(story.id, None)
        for name in story.entities:
            ids = self._by_entity.get(name)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del self._by_entity[name]
        row = self._story_row.pop(story.id, None)
        if row is not None:
            self._matrix[row] = 0.0
            self._row_story[row] = None
            self._free_rows.append(row)

    def insert(self, story: Story) -> None:
        """Add a story built elsewhere (a re-clustered one)."""
        self._index(story)
        self._retire_oldest()

    def _retire_oldest(self) -> None:
        """Drop the least recently updated stories beyond the active limit.

        ``stories`` keeps the order stories were last (re)indexed in, which is update order.
        A retired story stays in the store; new articles just no longer join it.
        """
        excess = len(self.stories) - self.settings.cluster_active_stories
        for story in list(islice(self.stories.values(), max(excess, 0))):
            self._unindex(story)

    def remove(self, story_id: str) -> None:
        story = self.stories.get(story_id)
        if story is not None:
            self._unindex(story)

    def candidates(self, features: Features, exclude: str | None = None) -> list[Story]:
        """The stories nearest by embedding, and those sharing the article's rarest names."""
        limit = self.settings.cluster_candidates
        # A name in many stories points to none of them, and its list grows with the store:
        # only names in at most `cluster_candidates` x 10 stories are followed.
        postings = [
            ids
            for n in features.entities
            if not n.startswith("#") and 0 < len(ids := self._by_entity.get(n, set())) <= limit * 10
        ]
        shared: Counter[str] = Counter()
        for ids in sorted(postings, key=len)[:limit]:
            shared.update(ids)
        shared.pop(exclude or "", None)
        # Ties go to the smaller id, so the choice does not hang on the run's string hashing.
        nearest = heapq.nsmallest(limit, shared.items(), key=lambda kv: (-kv[1], kv[0]))
        ids = {story_id for story_id, _ in nearest}
        # Vectors of another model never get here: the store leaves them out when it loads.
        rows = len(self._row_story)
        if rows:
            scores = self._matrix[:rows] @ features.vector
            k = min(limit + 1, rows)  # one more, in case ``exclude`` is among them
            top = np.argpartition(-scores, k - 1)[:k]
            for row in top[np.argsort(-scores[top])]:
                story_id = self._row_story[row]
                if story_id is not None and story_id != exclude and len(ids) < 2 * limit:
                    ids.add(story_id)
        ids.discard(exclude or "")
        return [self.stories[i] for i in sorted(ids) if i in self.stories]

    def best(self, features: Features, exclude: str | None = None) -> tuple[Story | None, float]:
        best_story, best_score = None, 0.0
        for story in self.candidates(features, exclude):
            score = similarity(features, story, self.df, self.settings)
            if score > best_score:
                best_story, best_score = story, score
        return best_story, best_score

    def add(self, features: Features, story_id: str) -> tuple[Story, list[str]]:
        """Place one article; ``story_id`` names the story it starts if it joins none.

        Returns its story and the ids of stories merged into it (now gone).
        """
        self.df.add(list(features.terms) + [entity_key(e) for e in features.entities])
        story, score = self.best(features)
        if story is None or score < self.settings.cluster_threshold:
            story = Story(id=story_id)
            story.add(features)
            self._index(story)
            self._retire_oldest()
            return story, []
        self._unindex(story)
        story.add(features)
        story.trim(self.settings.cluster_centroid_terms)
        self._index(story)
        return story, self._merge_into(story)

    def _merge_into(self, story: Story) -> list[str]:
        merged: list[str] = []
        while True:
            other, score = self.best(story.as_features(), exclude=story.id)
            if other is None or score < self.settings.cluster_merge_threshold:
                return merged
            self._unindex(other)
            self._unindex(story)
            story.absorb(other)
            story.trim(self.settings.cluster_centroid_terms)
            self._index(story)
            merged.append(other.id)


def pairwise_similarity(
    features: Sequence[Features], df: DocumentFrequencies, settings: Settings = DEFAULT
) -> np.ndarray:
    """Symmetric article-by-article similarity with the online measure (vectorised)."""
    from sklearn.preprocessing import normalize

    def tfidf_matrix(rows: list[dict[str, float]], prefix: str) -> sparse.csr_matrix:
        vocab: dict[str, int] = {}
        data, indices, indptr = [], [], [0]
        for row in rows:
            for term, weight in row.items():
                indices.append(vocab.setdefault(term, len(vocab)))
                data.append(weight * df.idf(prefix + term))
            indptr.append(len(indices))
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocab), 1)))
        return normalize(matrix)

    words = tfidf_matrix([f.terms for f in features], "")
    names = tfidf_matrix([f.entities for f in features], "ent:")
    vectors = np.stack([f.vector for f in features]) if features else np.zeros((0, 1))
    score = (
        settings.cluster_weight_words * (words @ words.T).toarray()
        + settings.cluster_weight_entities * (names @ names.T).toarray()
        + settings.cluster_weight_embedding * np.clip(vectors @ vectors.T, 0.0, None)
    )
    days = [f.published.toordinal() if f.published else None for f in features]
    if any(d is not None for d in days):
        known = np.array([d is not None for d in days])
        ordinal = np.array([d or 0 for d in days], dtype=np.float64)
        gap = np.abs(ordinal[:, None] - ordinal[None, :])
        decay = np.exp(-((gap / settings.cluster_time_sigma_days) ** 2))
        both = known[:, None] & known[None, :]
        score = np.where(both, score * decay, score)
    np.fill_diagonal(score, 1.0)
    return score


def batch_cluster(
    features: Sequence[Features], df: DocumentFrequencies, settings: Settings = DEFAULT
) -> list[int]:
    """A story label per article, all clustered at once (see ``cluster_similarities``)."""
    if len(features) < 2:
        return [0] * len(features)
    return cluster_similarities(pairwise_similarity(features, df, settings), settings)


def cluster_similarities(similarity_matrix: np.ndarray, settings: Settings = DEFAULT) -> list[int]:
    """Average-linkage agglomerative clustering cut at the batch threshold; a label per item.

    The article-to-article similarity is first blended with shared nearest neighbours,
    which tells apart two events of one kind. Then articles left alone or in pairs join
    the established story (three or more articles) they are most similar to on average,
    when that is above the lower attach threshold: a story several articles agree on is
    firmer evidence than one lone article.
    """
    from sklearn.cluster import AgglomerativeClustering

    if len(similarity_matrix) < 2:
        return [0] * len(similarity_matrix)
    if settings.cluster_neighbours:
        weight = settings.cluster_neighbour_weight
        second = shared_neighbours(
            similarity_matrix,
            settings.cluster_neighbours,
            settings.cluster_neighbour_similarity,
            settings.cluster_neighbours_max,
        ).tocoo()
        similarity_matrix = similarity_matrix * (1.0 - weight)
        similarity_matrix[second.row, second.col] += weight * second.data
        np.fill_diagonal(similarity_matrix, 1.0)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - settings.cluster_batch_threshold,
    )
    labels = model.fit_predict(np.clip(1.0 - similarity_matrix, 0.0, None))
    return [int(label) for label in attach_small_clusters(similarity_matrix, labels, settings)]


def shared_neighbours(
    similarity_matrix: np.ndarray, k: int, close: float, most: int
) -> sparse.csr_matrix:
    """Second-order similarity: the cosine of two articles' nearest-neighbour rows.

    Shared nearest neighbours (Jarvis and Patrick 1973) judge two articles by the company
    they keep. Two events of one kind (two emergency patches, two DUI arrests of one team's
    players) share vocabulary, so their articles look alike one by one, but each event's
    articles are each other's nearest neighbours; and two short items on one event that
    share few words still share neighbours. An article's neighbours are its ``k`` most
    similar (itself included) and every article at least ``close`` to it: with a fixed k,
    a story much larger than k would fall apart into groups of k. At most ``most``
    neighbours an article, which bounds the product by n x most². Sparse, and built a block
    of rows at a time, so it stays small beside the n x n matrix.
    """
    from sklearn.preprocessing import normalize

    n = similarity_matrix.shape[0]
    k, most = min(k, n), min(most, n)
    rows, columns = [], []
    for start in range(0, n, 1024):
        block = similarity_matrix[start : start + 1024]
        near = block >= close
        if most < n:
            nearest = np.zeros_like(near)
            np.put_along_axis(
                nearest, np.argpartition(block, n - most, axis=1)[:, n - most :], True, axis=1
            )
            near &= nearest
        np.put_along_axis(near, np.argpartition(block, n - k, axis=1)[:, n - k :], True, axis=1)
        row, column = np.nonzero(near)
        rows.append(row + start)
        columns.append(column)
    row, column = np.concatenate(rows), np.concatenate(columns)
    values = np.clip(similarity_matrix[row, column], 0.0, None)
    unit = normalize(sparse.csr_matrix((values, (row, column)), shape=(n, n)))
    return (unit @ unit.T).tocsr()


def attach_small_clusters(
    similarity_matrix: np.ndarray, labels: np.ndarray, settings: Settings = DEFAULT
) -> np.ndarray:
    """Move members of clusters below ``cluster_established_size`` into their best story."""
    sizes = Counter(labels.tolist())
    established = [label for label, n in sizes.items() if n >= settings.cluster_established_size]
    if not established:
        return labels
    members = np.stack([labels == label for label in established]).astype(np.float64)
    mean_similarity = similarity_matrix @ members.T / members.sum(axis=1)
    moved = labels.copy()
    for i, label in enumerate(labels.tolist()):
        if sizes[label] >= settings.cluster_established_size:
            continue
        best = int(np.argmax(mean_similarity[i]))
        if mean_similarity[i, best] >= settings.cluster_attach_threshold:
            moved[i] = established[best]
    return moved
