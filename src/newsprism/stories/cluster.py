"""Story clustering: articles about the same event, online as they arrive and in batch.

The similarity follows Miranda et al. (2018), "Multilingual Clustering of Streaming News":
an article is compared with story centroids by a weighted sum of TF-IDF cosines (content
words of the whole text, named entities of the title and lead) and the embedding cosine
of title + lead, multiplied by a time decay when both sides have dates. Document
frequencies grow with the stream, so IDF needs no corpus known in advance. An article
joins the best story above a threshold, or starts a new one; two stories whose centroids
come close are merged. ``batch_cluster`` re-clusters everything with average-linkage
agglomerative clustering over the same similarity, which also splits stories the online
pass glued together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.config import DEFAULT, Settings
from newsprism.model import Article

# Entity types that name a participant, place or thing of an event; DATE/CARDINAL etc. are
# too generic across stories ("Tuesday", "two").
NAMED_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_WORD = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W\d_]")


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
    entities: dict[str, float]  # normalised entity name -> count
    vector: np.ndarray  # unit embedding of title + lead
    published: date | None = None


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def extract_features(articles: Sequence[Article], settings: Settings = DEFAULT) -> list[Features]:
    """Features of many articles at once (NER and embeddings run in batches)."""
    from newsprism.nlp.embeddings import embed
    from newsprism.nlp.pipeline import load_nlp

    if not articles:
        return []
    leads = [lead_text(a, settings.cluster_lead_chars) for a in articles]
    nlp = load_nlp(settings.spacy_model)
    others = [name for name in nlp.pipe_names if name != "ner"]
    docs = nlp.pipe(leads, disable=others, batch_size=settings.spacy_batch_size)
    vectors = embed(
        leads,
        settings.model_copy(update={"embedding_max_tokens": settings.cluster_embedding_tokens}),
    )
    out = []
    for article, doc, vector in zip(articles, docs, vectors, strict=True):
        names: Counter[str] = Counter(
            " ".join(content_words(ent.text)) for ent in doc.ents if ent.label_ in NAMED_TYPES
        )
        names.pop("", None)
        text = f"{article.title}\n{article.text}" if article.title else article.text
        terms = Counter(content_words(text[: settings.max_parse_chars]))
        out.append(
            Features(
                terms=_sublinear(terms),
                entities=dict(names),
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

    def add(self, keys: Iterable[str]) -> None:
        self.n_docs += 1
        self.counts.update(keys)

    def idf(self, key: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.counts.get(key, 0))) + 1.0


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

    def add(self, features: Features) -> None:
        self.size += 1
        self.terms.update(features.terms)
        self.entities.update(features.entities)
        if self.vector_sum.size == 0:
            self.vector_sum = features.vector.astype(np.float32).copy()
        else:
            self.vector_sum = self.vector_sum + features.vector
        self._widen(features.published, features.published)

    def absorb(self, other: Story) -> None:
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
        if len(self.terms) > max_terms:
            self.terms = Counter(dict(self.terms.most_common(max_terms)))
        if len(self.entities) > max_terms:
            self.entities = Counter(dict(self.entities.most_common(max_terms)))

    @property
    def unit_vector(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm > 0 else self.vector_sum

    def as_features(self) -> Features:
        return Features(
            terms=dict(self.terms),
            entities=dict(self.entities),
            vector=self.unit_vector,
            published=self.last_seen,
        )


def _tfidf_cosine(
    a: Mapping[str, float], b: Mapping[str, float], df: DocumentFrequencies, prefix: str = ""
) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    idf = {t: df.idf(prefix + t) for t in a}
    dot = sum(w * b[t] * idf[t] ** 2 for t, w in a.items() if t in b)
    if dot == 0.0:
        return 0.0
    norm_a = math.sqrt(sum((w * idf[t]) ** 2 for t, w in a.items()))
    norm_b = math.sqrt(sum((w * df.idf(prefix + t)) ** 2 for t, w in b.items()))
    return dot / (norm_a * norm_b)


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
    words = _tfidf_cosine(features.terms, story.terms, df)
    names = _tfidf_cosine(features.entities, story.entities, df, "ent:")
    vector = story.unit_vector
    semantic = float(features.vector @ vector) if vector.size else 0.0
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
    never a pass over every stored article.
    """

    def __init__(
        self,
        settings: Settings = DEFAULT,
        df: DocumentFrequencies | None = None,
        stories: Iterable[Story] = (),
    ) -> None:
        self.settings = settings
        self.df = df or DocumentFrequencies()
        self.stories: dict[str, Story] = {}
        self._by_entity: dict[str, set[str]] = {}
        for story in stories:
            self._index(story)

    def _index(self, story: Story) -> None:
        self.stories[story.id] = story
        for name in story.entities:
            self._by_entity.setdefault(name, set()).add(story.id)

    def _unindex(self, story: Story) -> None:
        self.stories.pop(story.id, None)
        for name in story.entities:
            ids = self._by_entity.get(name)
            if ids is not None:
                ids.discard(story.id)

    def candidates(self, features: Features, exclude: str | None = None) -> list[Story]:
        ids: set[str] = set()
        for name in features.entities:
            ids.update(self._by_entity.get(name, ()))
        pool = [s for s in self.stories.values() if s.id != exclude]
        if pool and features.vector.size:
            matrix = np.stack([s.unit_vector for s in pool])
            scores = matrix @ features.vector
            top = np.argsort(-scores)[: self.settings.cluster_candidates]
            ids.update(pool[i].id for i in top)
        ids.discard(exclude or "")
        return [self.stories[i] for i in ids if i in self.stories]

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
    from scipy import sparse
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
    """Average-linkage agglomerative clustering cut at the batch threshold; a label per item."""
    from sklearn.cluster import AgglomerativeClustering

    if len(features) < 2:
        return [0] * len(features)
    distance = 1.0 - pairwise_similarity(features, df, settings)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - settings.cluster_batch_threshold,
    )
    return [int(label) for label in model.fit_predict(np.clip(distance, 0.0, None))]
