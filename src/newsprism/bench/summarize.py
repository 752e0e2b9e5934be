"""DUC 2004 task 2 (multi-document summaries of 100 words): ROUGE-1/2 recall of ours and peers.

Layout of the data folder: ``docs/<set>t/<DOCNO>`` (one sentence a line),
``models-txt/<set>.m.100.t.<a-h>`` (four human summaries a set) and ``peers-txt/<set>.<System>``
(the published systems' summaries). Every summary, ours and the peers', is scored by the same
scorer in the same run.

Scorer, as ROUGE-1.5.5 ``-n 2 -m -l 100`` (stemming on, stopwords kept): each summary is cut to
its first 100 whitespace words, tokenised and Porter-stemmed by rouge-score's tokenizer, and the
recall against several references is ROUGE-1.5.5's default "model average" (``-f A``): the
clipped n-gram hits summed over all references divided by the references' n-gram counts summed,
per set; the figure is the mean over sets, in percent.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.analysis.summary import summarize_documents
from newsprism.errors import NewsprismError

WORD_LIMIT = 100


@dataclass
class SummarySet:
    name: str  # "d30001"
    documents: list[str]
    references: list[str]
    peers: dict[str, str] = field(default_factory=dict)  # system name -> its summary


def load_sets(data: Path, limit: int | None = None) -> list[SummarySet]:
    docs_dir, models_dir, peers_dir = data / "docs", data / "models-txt", data / "peers-txt"
    if not docs_dir.is_dir() or not models_dir.is_dir():
        raise NewsprismError(f"{data} is not a DUC 2004 folder (no docs/ and models-txt/ in it)")
    sets: list[SummarySet] = []
    for set_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        name = set_dir.name.rstrip("t")
        documents = [p.read_text("utf-8", errors="replace") for p in sorted(set_dir.iterdir())]
        references = [
            p.read_text("utf-8", errors="replace")
            for p in sorted(models_dir.glob(f"{name}.m.100.t.*"))
        ]
        if not references:
            continue
        peers: dict[str, str] = {}
        if peers_dir.is_dir():
            for p in sorted(peers_dir.glob(f"{name}.*")):
                peers[p.suffix.lstrip(".")] = p.read_text("utf-8", errors="replace")
        sets.append(SummarySet(name, documents, references, peers))
        if limit is not None and len(sets) >= limit:
            break
    if not sets:
        raise NewsprismError(f"no summary sets with references found under {data}")
    return sets


class RougeRecall:
    """ROUGE-N recall against several references, as ROUGE-1.5.5 ``-m -l 100 -f A``."""

    def __init__(self, word_limit: int = WORD_LIMIT) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self.tokenizer = DefaultTokenizer(use_stemmer=True)
        self.word_limit = word_limit

    def tokens(self, text: str) -> list[str]:
        words = text.split()[: self.word_limit]
        return list(self.tokenizer.tokenize(" ".join(words)))

    @staticmethod
    def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
        return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    def recall(self, summary: str, references: Sequence[str], n: int) -> float:
        peer = self.ngrams(self.tokens(summary), n)
        hits = total = 0
        for reference in references:
            ref = self.ngrams(self.tokens(reference), n)
            hits += sum(min(count, peer[gram]) for gram, count in ref.items())
            total += sum(ref.values())
        return hits / total if total else 0.0


def _sumy_summarizer(kind: str) -> Callable[[list[str]], str]:
    """sumy's LexRank or TextRank as a live peer, cut to 100 words like every other system.

    sumy's own tokenizer needs NLTK's punkt data, which is not installable offline; DUC text is
    one sentence a line, so lines are the sentences and a regex gives the words.
    """
    import re

    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class LineTokenizer:
        language = "english"

        def to_sentences(self, paragraph: str) -> list[str]:
            return [line.strip() for line in paragraph.splitlines() if line.strip()]

        def to_words(self, sentence: str) -> list[str]:
            return re.findall(r"[\w'-]+", sentence)

    tokenizer = LineTokenizer()
    stemmer = Stemmer("english")
    summarizer = (LexRankSummarizer if kind == "LexRank" else TextRankSummarizer)(stemmer)
    summarizer.stop_words = get_stop_words("english")

    def run(documents: list[str]) -> str:
        sentences = [
            Sentence(line, tokenizer) for doc in documents for line in tokenizer.to_sentences(doc)
        ]
        document = ObjectDocumentModel([Paragraph(sentences)])
        # A callable count gets the sentences best first: take them until 100 words.
        chosen = summarizer(document, _first_hundred_words)
        words = [w for sentence in chosen for w in str(sentence).split()]
        return " ".join(words[:WORD_LIMIT])

    return run


def _first_hundred_words(ranked: list[Any]) -> list[Any]:
    """sumy's sentence infos, best first, until they hold 100 words."""
    taken: list[Any] = []
    words = 0
    for info in ranked:
        if words >= WORD_LIMIT:
            break
        taken.append(info)
        words += len(str(info.sentence).split())
    return taken


def run(data: Path, limit: int | None = None) -> dict[str, object]:
    """Score our summaries, the published peers' and sumy's live on the DUC 2004 sets."""
    sets = load_sets(Path(data), limit)
    scorer = RougeRecall()
    systems: dict[str, Callable[[list[str]], str]] = {
        "ours": lambda docs: summarize_documents(docs, max_words=WORD_LIMIT)
    }
    for kind in ("LexRank", "TextRank"):
        with contextlib.suppress(ImportError):  # sumy is a bench extra: skip when absent
            systems[f"sumy-{kind}"] = _sumy_summarizer(kind)
    totals: dict[str, list[tuple[float, float]]] = {}
    seconds: dict[str, float] = {}
    for summary_set in sets:
        for name, system in systems.items():
            start = time.perf_counter()
            summary = system(summary_set.documents)
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
            totals.setdefault(name, []).append(_score(scorer, summary, summary_set.references))
        for name, summary in summary_set.peers.items():
            totals.setdefault(name, []).append(_score(scorer, summary, summary_set.references))

    def mean(scores: list[tuple[float, float]]) -> dict[str, float]:
        return {
            "rouge1": round(100 * sum(s[0] for s in scores) / len(scores), 2),
            "rouge2": round(100 * sum(s[1] for s in scores) / len(scores), 2),
            "sets": len(scores),
        }

    ours = totals.pop("ours")
    return {
        "task": "summarize",
        "items": len(sets),
        "scorer": "ROUGE-1.5.5 -n 2 -m -l 100 equivalent (rouge-score tokenizer, -f A averaging)",
        "ours": mean(ours),
        "peers": {name: mean(scores) for name, scores in sorted(totals.items())},
        "seconds": {name: round(s, 2) for name, s in seconds.items()},
    }


def _score(scorer: RougeRecall, summary: str, references: list[str]) -> tuple[float, float]:
    return scorer.recall(summary, references, 1), scorer.recall(summary, references, 2)
