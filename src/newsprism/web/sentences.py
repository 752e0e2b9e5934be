"""The sentence in each article that carries a claim, for the story page's claim rows."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsprism.model import Brief

# Sentence ends: . ! ? (with closing quotes) before white space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def claim_sentences(brief: Brief) -> dict[int, dict[int, str]]:
    """Claim row number -> article number -> the article's sentence closest to the claim.

    Quote spans give the exact place where the claim rests on a quote; otherwise the sentence
    whose words overlap the claim (or one of its wordings) most.
    """
    numbers = {a.id: n for n, a in enumerate(brief.articles, start=1)}
    by_id = {a.id: a for a in brief.articles}
    quotes = {q.id: q for q in brief.quotes}
    split = {a.id: sentences(a.text) for a in brief.articles}
    out: dict[int, dict[int, str]] = {}
    for row, claim in enumerate(brief.claims, start=1):
        found: dict[int, str] = {}
        for qid in claim.quote_ids:
            q = quotes.get(qid)
            if q and q.article_id in by_id:
                text = by_id[q.article_id].text
                found.setdefault(numbers[q.article_id], text[q.span[0] : q.span[1]])
        wordings = [claim.text, *claim.variants]
        for aid in claim.article_ids:
            if aid not in by_id or numbers[aid] in found or not split[aid]:
                continue
            best = max(split[aid], key=lambda s: max(fuzz.token_set_ratio(w, s) for w in wordings))
            found[numbers[aid]] = best
        out[row] = found
    return out
