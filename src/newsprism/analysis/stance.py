"""Stance of an article body toward a headline claim: agree, disagree, discuss or unrelated.

The FNC-1 recipe that works without a pretrained inference model: hand features of the
pair (TF-IDF and LSA cosines of headline vs body and vs the body's best-matching sentences,
word and n-gram overlap, denial, hedging and support cues in the sentences that talk about
the headline, negation polarity, shared numbers) fed to gradient boosting in two stages:
related vs unrelated first, then agree / disagree / discuss among the related pairs.
A body's cues count most where the body discusses the headline's terms, so the cue
features are read from the sentences that match the headline best.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")

# General English cue words (not tied to any data set's topics).
DENIAL = frozenset(
    "fake fraud hoax false falsely deny denies denied denying refute refutes refuted debunk "
    "debunks debunked debunking bogus untrue misleading nope doubt doubts doubtful dismiss "
    "dismisses dismissed retract retracts retracted prank pranks satire satirical myth "
    "fabricated fabrication baseless unfounded rumour rumor rumors rumours incorrect wrong "
    "not".split()
)
HEDGE = frozenset(
    "reportedly allegedly alleged claim claims claimed claiming according purportedly "
    "apparently unconfirmed unverified may might could possibly perhaps speculation "
    "speculate speculated report reports reported sources suggest suggests suggested "
    "believed believe rumoured rumored appears seems if whether".split()
)
SUPPORT = frozenset(
    "confirmed confirms confirm confirming announced announces revealed reveals official "
    "officially verified indeed shows showed proved proves evidence footage video photos "
    "statement said says told".split()
)
NEGATION = frozenset("not no never nothing none nobody neither nor without n't cannot".split())

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_STOP = frozenset(
    "a an the of to in on for and or but is are was were be been being at by with from as "
    "that this these those it its he she they them his her their we you i has have had do "
    "does did will would can shall should than then so such into over after before about "
    "up out just also who whom which what when where why how all any some more most".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP]


def sentences(text: str, max_sentences: int = 60) -> list[str]:
    found = [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20]
    return found[:max_sentences] or [text[:500]]


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _cue_counts(tokens: list[str]) -> list[float]:
    return [
        float(sum(t in DENIAL for t in tokens)),
        float(sum(t in HEDGE for t in tokens)),
        float(sum(t in SUPPORT for t in tokens)),
        float(sum(t in NEGATION or t.endswith("n't") for t in tokens)),
    ]


def _cues_near(tokens: list[str], terms: set[str], window: int = 8) -> list[float]:
    """Denial, hedge and negation words within ``window`` tokens of a headline term."""
    positions = [i for i, t in enumerate(tokens) if t in terms]
    if not positions:
        return [0.0, 0.0, 0.0]
    near: set[int] = set()
    for p in positions:
        near.update(range(max(0, p - window), min(len(tokens), p + window + 1)))
    chosen = [tokens[i] for i in near]
    return [
        float(sum(t in DENIAL for t in chosen)),
        float(sum(t in HEDGE for t in chosen)),
        float(sum(t in NEGATION or t.endswith("n't") for t in chosen)),
    ]


@dataclass
class _Body:
    tokens: list[str]
    content: set[str]
    sentence_tokens: list[list[str]]
    sentence_vectors: sparse.csr_matrix  # TF-IDF rows, one per sentence
    vector: sparse.csr_matrix
    char_vector: sparse.csr_matrix
    lsa: np.ndarray
    numbers: set[str]


class StanceFeatures:
    """Turns (headline, body) pairs into a feature matrix; fitted on the training texts."""

    TOP_SENTENCES = 3

    def __init__(self, lsa_dimensions: int = 100, seed: int = 0) -> None:
        self.lsa_dimensions = lsa_dimensions
        self.seed = seed

    def fit(self, texts: Sequence[str]) -> StanceFeatures:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        unique = list(dict.fromkeys(texts))
        self.word_tfidf = TfidfVectorizer(
            tokenizer=content_words, token_pattern=None, lowercase=False,
            sublinear_tf=True, min_df=2, ngram_range=(1, 2), max_features=60_000,
        ).fit(unique)
        self.char_tfidf = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=3,
            max_features=80_000,
        ).fit(unique)
        components = min(self.lsa_dimensions, len(unique) - 1, 100)
        self.svd = TruncatedSVD(n_components=max(components, 1), random_state=self.seed)
        self.svd.fit(self.word_tfidf.transform(unique))
        return self

    def _lsa(self, matrix: sparse.csr_matrix) -> np.ndarray:
        reduced = self.svd.transform(matrix)
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        return np.asarray(reduced / np.clip(norms, 1e-9, None))

    def _bodies(self, bodies: Sequence[str]) -> dict[str, _Body]:
        unique = list(dict.fromkeys(bodies))
        vectors = self.word_tfidf.transform(unique)
        char_vectors = self.char_tfidf.transform(unique)
        lsa = self._lsa(vectors)
        out = {}
        for i, text in enumerate(unique):
            sents = sentences(text)
            out[text] = _Body(
                tokens=words(text),
                content=set(content_words(text)),
                sentence_tokens=[words(s) for s in sents],
                sentence_vectors=self.word_tfidf.transform(sents),
                vector=vectors[i],
                char_vector=char_vectors[i],
                lsa=lsa[i],
                numbers=set(_NUMBER.findall(text)),
            )
        return out

    def transform(self, headlines: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        parsed = self._bodies(bodies)
        unique_heads = list(dict.fromkeys(headlines))
        head_index = {h: i for i, h in enumerate(unique_heads)}
        head_vectors = self.word_tfidf.transform(unique_heads)
        head_chars = self.char_tfidf.transform(unique_heads)
        head_lsa = self._lsa(head_vectors)
        rows = []
        for headline, body_text in zip(headlines, bodies, strict=True):
            h = head_index[headline]
            rows.append(self._pair(headline, head_vectors[h], head_chars[h], head_lsa[h],
                                   parsed[body_text]))
        return np.array(rows, dtype=np.float32)

    def _pair(
        self,
        headline: str,
        head_vector: sparse.csr_matrix,
        head_chars: sparse.csr_matrix,
        head_lsa: np.ndarray,
        body: _Body,
    ) -> list[float]:
        head_tokens = words(headline)
        head_content = set(content_words(headline))
        n_head = max(len(head_content), 1)
        tfidf_cos = float(head_vector.multiply(body.vector).sum())
        char_cos = float(head_chars.multiply(body.char_vector).sum())
        lsa_cos = float(head_lsa @ body.lsa)
        sentence_cos = np.asarray((body.sentence_vectors @ head_vector.T).todense()).ravel()
        order = np.argsort(-sentence_cos)[: self.TOP_SENTENCES]
        top = [body.sentence_tokens[i] for i in order]
        top_tokens = [t for s in top for t in s]
        first_cos = float(sentence_cos[0]) if len(sentence_cos) else 0.0
        overlap = head_content & body.content
        early = set(body.tokens[:100])
        head_bigrams, head_trigrams = _ngrams(head_tokens, 2), _ngrams(head_tokens, 3)
        body_bigrams, body_trigrams = _ngrams(body.tokens, 2), _ngrams(body.tokens, 3)
        head_numbers = set(_NUMBER.findall(headline))
        head_cues = _cue_counts(head_tokens)
        body_cues = [c / max(len(body.tokens), 1) * 100 for c in _cue_counts(body.tokens)]
        top_cues = _cue_counts(top_tokens)
        best_cues = _cue_counts(top[0]) if top else [0.0] * 4
        near = _cues_near(body.tokens, head_content)
        head_neg = head_cues[3] % 2
        return [
            tfidf_cos,
            char_cos,
            lsa_cos,
            float(sentence_cos.max()) if len(sentence_cos) else 0.0,
            float(np.sort(sentence_cos)[-self.TOP_SENTENCES:].mean()) if len(sentence_cos) else 0.0,
            first_cos,
            float((sentence_cos > 0.1).mean()) if len(sentence_cos) else 0.0,
            len(overlap) / n_head,
            len(overlap) / max(len(head_content | body.content), 1),
            len(head_content & early) / n_head,
            len(head_bigrams & body_bigrams) / max(len(head_bigrams), 1),
            len(head_trigrams & body_trigrams) / max(len(head_trigrams), 1),
            len(head_numbers & body.numbers) / max(len(head_numbers), 1),
            float(len(head_numbers)),
            float(len(head_tokens)),
            float(np.log1p(len(body.tokens))),
            *head_cues,
            *body_cues,
            *top_cues,
            *best_cues,
            *near,
            float(head_neg),
            float((head_neg + top_cues[3]) % 2),  # polarity agreement, as the FNC baseline
        ]


class StanceModel:
    """Two-stage gradient boosting: related vs unrelated, then agree / disagree / discuss."""

    def __init__(
        self, seed: int = 0, max_iter: int = 300, class_weight: str | None = None
    ) -> None:
        self.seed = seed
        self.max_iter = max_iter
        self.class_weight = class_weight

    def fit(
        self, headlines: Sequence[str], bodies: Sequence[str], stances: Sequence[str]
    ) -> StanceModel:
        from sklearn.ensemble import HistGradientBoostingClassifier

        unknown = set(stances) - set(STANCES)
        if unknown:
            raise ValueError(f"unknown stance labels: {sorted(unknown)}")
        self.features = StanceFeatures(seed=self.seed).fit([*headlines, *bodies])
        x = self.features.transform(headlines, bodies)
        y = np.array(stances)
        related = y != "unrelated"
        # A training set with one class (tiny slices) gets a constant answer for that stage.
        self._constant_related = None if len(set(related)) > 1 else bool(related[0])
        if self._constant_related is None:
            self.relatedness = HistGradientBoostingClassifier(
                max_iter=self.max_iter, learning_rate=0.1, random_state=self.seed
            ).fit(x, related)
        related_labels = sorted(set(y[related]))
        self._constant_stance = None
        if len(related_labels) < 2:
            self._constant_stance = related_labels[0] if related_labels else "discuss"
        else:
            self.stance = HistGradientBoostingClassifier(
                max_iter=self.max_iter, learning_rate=0.05, random_state=self.seed,
                class_weight=self.class_weight,
            ).fit(x[related], y[related])
        return self

    def predict_many(self, headlines: Sequence[str], bodies: Sequence[str]) -> list[str]:
        if not headlines:
            return []
        x = self.features.transform(headlines, bodies)
        if self._constant_related is None:
            related = self.relatedness.predict(x).astype(bool)
        else:
            related = np.full(len(headlines), self._constant_related)
        out = np.full(len(headlines), "unrelated", dtype=object)
        if related.any():
            if self._constant_stance is not None:
                out[related] = self._constant_stance
            else:
                out[related] = self.stance.predict(x[related])
        return [str(s) for s in out]

    def predict(self, headline: str, body: str) -> str:
        return self.predict_many([headline], [body])[0]
