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


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")

# General English cue words (not tied to any data set's topics).
DENIAL = _word_set(
    "fake fraud hoax false falsely deny denies denied denying refute refutes refuted "
    "debunk debunks debunked debunking bogus untrue misleading nope doubt doubts doubtful "
    "dismiss dismisses dismissed retract retracts retracted prank pranks satire satirical "
    "myth fabricated fabrication baseless unfounded rumour rumor rumors rumours incorrect "
    "wrong not"
)
HEDGE = _word_set(
    "reportedly allegedly alleged claim claims claimed claiming according purportedly "
    "apparently unconfirmed unverified may might could possibly perhaps speculation "
    "speculate speculated report reports reported sources suggest suggests suggested "
    "believed believe rumoured rumored appears seems if whether"
)
SUPPORT = _word_set(
    "confirmed confirms confirm confirming announced announces revealed reveals official "
    "officially verified indeed shows showed proved proves evidence footage video photos "
    "statement said says told"
)
NEGATION = _word_set("not no never nothing none nobody neither nor without n't cannot")

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_STOP = _word_set(
    "a an the of to in on for and or but is are was were be been being at by with from as "
    "that this these those it its he she they them his her their we you i has have had do "
    "does did will would can shall should than then so such into over after before about "
    "up out just also who whom which what when where why how all any some more most"
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


@dataclass
class _Text:
    """What the features read from one headline or body, computed once per distinct text."""

    tokens: list[str]
    content: set[str]
    numbers: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    cues: list[float]
    sentence_tokens: list[list[str]]
    positions: dict[str, list[int]]  # token -> where it occurs (bodies only)


def _text(text: str, split_sentences: bool) -> tuple[_Text, list[str]]:
    tokens = words(text)
    sents = sentences(text) if split_sentences else []
    positions: dict[str, list[int]] = {}
    if split_sentences:
        for i, token in enumerate(tokens):
            positions.setdefault(token, []).append(i)
    return _Text(
        tokens=tokens,
        content=set(content_words(text)),
        numbers=set(_NUMBER.findall(text)),
        bigrams=_ngrams(tokens, 2),
        trigrams=_ngrams(tokens, 3),
        cues=_cue_counts(tokens),
        sentence_tokens=[words(s) for s in sents],
        positions=positions,
    ), sents


class StanceFeatures:
    """Turns (headline, body) pairs into a feature matrix; fitted on the training texts."""

    TOP_SENTENCES = 3
    NEAR_WINDOW = 8
    N_FEATURES = 36

    def __init__(self, lsa_dimensions: int = 100, seed: int = 0) -> None:
        self.lsa_dimensions = lsa_dimensions
        self.seed = seed

    def fit(self, texts: Sequence[str]) -> StanceFeatures:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        unique = list(dict.fromkeys(texts))
        self.word_tfidf = TfidfVectorizer(
            tokenizer=content_words,
            token_pattern=None,
            lowercase=False,
            sublinear_tf=True,
            min_df=2,
            ngram_range=(1, 2),
            max_features=60_000,
        ).fit(unique)
        matrix = self.word_tfidf.transform(unique)
        components = min(self.lsa_dimensions, len(unique) - 1, matrix.shape[1] - 1)
        self.svd = TruncatedSVD(n_components=max(components, 1), random_state=self.seed)
        self.svd.fit(matrix)
        return self

    def _lsa(self, matrix: sparse.csr_matrix) -> np.ndarray:
        reduced = self.svd.transform(matrix)
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        return np.asarray(reduced / np.clip(norms, 1e-9, None))

    def transform(self, headlines: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        heads = list(dict.fromkeys(headlines))
        texts = list(dict.fromkeys(bodies))
        head_of = {h: i for i, h in enumerate(heads)}
        body_of = {b: i for i, b in enumerate(texts)}
        head_info = [_text(h, split_sentences=False)[0] for h in heads]
        body_info, body_sentences = zip(*(_text(b, True) for b in texts), strict=True)
        head_vectors = self.word_tfidf.transform(heads)
        body_vectors = self.word_tfidf.transform(texts)
        # All bodies' sentences in one call; rows [offsets[i], offsets[i+1]) are body i's.
        all_sentences = [s for sents in body_sentences for s in sents]
        offsets = np.cumsum([0, *(len(sents) for sents in body_sentences)])
        sentence_vectors = self.word_tfidf.transform(all_sentences)
        head_lsa, body_lsa = self._lsa(head_vectors), self._lsa(body_vectors)
        h_rows = np.array([head_of[h] for h in headlines])
        b_rows = np.array([body_of[b] for b in bodies])
        # Unit TF-IDF rows: the row-wise dot product is the cosine, for all pairs at once.
        tfidf_cos = np.asarray(head_vectors[h_rows].multiply(body_vectors[b_rows]).sum(axis=1))
        lsa_cos = np.einsum("ij,ij->i", head_lsa[h_rows], body_lsa[b_rows])
        out = np.zeros((len(headlines), self.N_FEATURES), dtype=np.float32)
        by_body: dict[int, list[int]] = {}
        for k, b in enumerate(b_rows):
            by_body.setdefault(int(b), []).append(k)
        for b, pair_ids in by_body.items():
            sents = sentence_vectors[offsets[b] : offsets[b + 1]]
            cosines = (sents @ head_vectors[h_rows[pair_ids]].T).toarray()  # sentence x pair
            for j, k in enumerate(pair_ids):
                h = int(h_rows[k])
                out[k] = [
                    float(tfidf_cos[k, 0]),
                    float(lsa_cos[k]),
                    *self._pair(head_info[h], body_info[b], cosines[:, j]),
                ]
        return out

    def _pair(self, head: _Text, body: _Text, sentence_cos: np.ndarray) -> list[float]:
        n_head = max(len(head.content), 1)
        order = np.argsort(-sentence_cos)[: self.TOP_SENTENCES]
        top = [body.sentence_tokens[i] for i in order]
        top_cues = _cue_counts([t for s in top for t in s])
        best_cues = _cue_counts(top[0]) if top else [0.0] * 4
        overlap = head.content & body.content
        early = set(body.tokens[:100])
        n_body = max(len(body.tokens), 1)
        head_neg = head.cues[3] % 2
        if not len(sentence_cos):
            sentence_cos = np.zeros(1)
        return [
            float(sentence_cos.max()),
            float(np.sort(sentence_cos)[-self.TOP_SENTENCES :].mean()),
            float(sentence_cos[0]),
            float((sentence_cos > 0.1).mean()),
            len(overlap) / n_head,
            len(overlap) / max(len(head.content | body.content), 1),
            len(head.content & early) / n_head,
            len(head.bigrams & body.bigrams) / max(len(head.bigrams), 1),
            len(head.trigrams & body.trigrams) / max(len(head.trigrams), 1),
            len(head.numbers & body.numbers) / max(len(head.numbers), 1),
            float(len(head.numbers)),
            float(len(head.tokens)),
            float(np.log1p(len(body.tokens))),
            *head.cues,
            *(c / n_body * 100 for c in body.cues),
            *top_cues,
            *best_cues,
            *self._cues_near(body, head.content),
            float(head_neg),
            float((head_neg + top_cues[3]) % 2),  # polarity agreement, as the FNC baseline
        ]

    def _cues_near(self, body: _Text, terms: set[str]) -> list[float]:
        """Denial, hedge and negation words within a few tokens of a headline term."""
        near: set[int] = set()
        for term in terms:
            for p in body.positions.get(term, ()):
                near.update(range(max(0, p - self.NEAR_WINDOW), p + self.NEAR_WINDOW + 1))
        chosen = [body.tokens[i] for i in near if i < len(body.tokens)]
        return [
            float(sum(t in DENIAL for t in chosen)),
            float(sum(t in HEDGE for t in chosen)),
            float(sum(t in NEGATION or t.endswith("n't") for t in chosen)),
        ]


class StanceModel:
    """Two-stage gradient boosting: related vs unrelated, then agree / disagree / discuss."""

    def __init__(self, seed: int = 0, max_iter: int = 300, class_weight: str | None = None) -> None:
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
                max_iter=self.max_iter,
                learning_rate=0.05,
                random_state=self.seed,
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
