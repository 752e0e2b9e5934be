"""The story's timeline: dated events from every article, merged across articles.

Dates come from the text (see :mod:`newsprism.analysis.dates`), resolved against the article's
published date or, for an undated article, the story's anchor: the most common published date
among the story's articles (the latest on a tie). In a story with no published date at all,
only dates that name their year are placed. A weekday is the latest such day on or before
the article's date, unless the sentence tells a plan ("will vote Sunday", "leaves Saturday"):
then it is the first on or after it; "last Friday" and "next Monday" step from the day. An
event is the clause around the date expression; the same event told by several articles on
the same date becomes one entry that cites them all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from newsprism.analysis.cues import CUE_LEMMAS
from newsprism.analysis.dates import (
    DateMention,
    find_date_mentions,
    resolve,
    resolve_stepped_weekday,
    resolve_weekdays,
    weekday_on_or_after,
)
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.summary import DATELINE
from newsprism.model import Article, DatePrecision, Quote, TimelineEvent
from newsprism.nlp.pipeline import ParsedStory

# Two events on the same date are one when their descriptions are this similar (MiniLM cosine).
SAME_EVENT_COSINE = 0.55
RELATED_COSINE = 0.4
_MIN_EVENT_WORDS = 5


@dataclass
class _Event:
    when: date
    precision: DatePrecision
    text: str
    article_id: str
    basis: str
    names: set[str]


def story_anchor(articles: list[Article]) -> tuple[date, Article] | None:
    """The most common published date of the story's articles (the latest on a tie)."""
    dated = [a for a in articles if a.published]
    if not dated:
        return None
    counts = Counter(a.published for a in dated)
    best = max(counts, key=lambda d: (counts[d], d))
    return best, next(a for a in dated if a.published == best)  # type: ignore[return-value]


def _label(article: Article) -> str:
    return article.outlet or article.file or article.id


def _event_text(sentence: Span, mention_start: int) -> tuple[str, set[str]]:
    """The clause that carries the date, and the proper nouns in it.

    The clause is the subtree of the nearest governing verb that has a subject of its own (or of
    a possessed event noun: "Trump's assertion on Monday"); a short one gives the sentence.
    """
    token = next((t for t in sentence if t.idx <= mention_start < t.idx + len(t)), None)
    span: Span = sentence
    while token is not None and token.head.i != token.i:
        token = token.head
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in token.children)
        if token.pos_ in ("VERB", "AUX", "NOUN") and has_subject:
            words = list(token.subtree)
            clause = sentence.doc[words[0].i : words[-1].i + 1]
            if len(clause) >= _MIN_EVENT_WORDS and clause.start > sentence.start:
                span = clause
            break
    if len(span) > _MIN_EVENT_WORDS and span[0].dep_ == "mark" and span[0].lower_ == "that":
        span = span[1:]  # "that operations had resumed": what was said, not the saying
    names = {t.text.casefold() for t in span if t.pos_ == "PROPN"}
    return DATELINE.sub("", " ".join(span.text.split())), names


def _article_events(
    story: ParsedStory, article: Article, anchor: tuple[date, Article] | None
) -> list[_Event]:
    doc = story.docs.get(article.id)
    if doc is None:
        return []
    own = article.published
    base = own or (anchor[0] if anchor else None)
    # With no date to anchor to, only dates that name their year ("April 20, 2018") are placed.
    how = (
        "the article's own published date"
        if own
        else f"published date of article {_label(anchor[1])}"
        if anchor
        else None
    )
    hits: list[tuple[Span, DateMention]] = []
    for sentence in doc.sents:
        if len([t for t in sentence if t.is_alpha]) < _MIN_EVENT_WORDS:
            continue  # a bare dateline such as "June 03, 2019"
        for mention in find_date_mentions(sentence.text):
            mention.start += sentence.start_char
            mention.end += sentence.start_char
            hits.append((sentence, mention))
    weekdays = [m.weekday for _, m in hits if m.weekday is not None]
    by_weekday = (
        resolve_weekdays(weekdays, base, anchor_is_own=own is not None)
        if weekdays and base is not None
        else {}
    )
    events = []
    for sentence, mention in hits:
        if mention.weekday is not None:
            if mention.weekday not in by_weekday:
                continue
            when, precision = by_weekday[mention.weekday], "day"
            if own is not None:
                stepped = resolve_stepped_weekday(mention, own)
                if stepped is not None:
                    when = stepped
                elif _looks_ahead(sentence, mention.end):
                    when = weekday_on_or_after(own, mention.weekday)
        else:
            resolved = resolve(mention, base)
            if resolved is None:
                continue
            when, precision = resolved
        if resolve(mention, None) is not None:
            basis = f"explicit date '{mention.text}' in article {_label(article)}"
        else:
            assert base is not None
            basis = (
                f"'{mention.text}' in article {_label(article)}, anchored to "
                f"{base.isoformat()} ({how})"
            )
        text, names = _event_text(sentence, mention.start)
        events.append(_Event(when, precision, text, article.id, basis, names))  # type: ignore[arg-type]
    return events


def _looks_ahead(sentence: Span, end: int) -> bool:
    """The weekday ending at ``end`` names a day still to come when the article was written:
    "will vote Sunday", "before he leaves Saturday", "is scheduled to meet Tuesday". News
    tells the past, so every other weekday is the latest such day."""
    day = next((t for t in reversed(sentence) if t.idx < end), None)
    if day is None:
        return False
    for tok in reversed(day.doc[sentence.start : day.i]):
        if tok.is_punct:
            break
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ == "VBD":
                return False  # "he said in an interview Wednesday", however it is parsed
            break
    verb = day.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # "is scheduled to meet Tuesday": the tense is the finite verb's, above the infinitive
    while (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.i != verb.i
    ):
        verb = verb.head
    return _future_or_present(verb)


def _future_or_present(verb: Token) -> bool:
    """A verb in the future, or in the present tense, which news uses for plans."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") for a in auxiliaries):
        return True
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return False  # "has left Saturday": done
    finite = auxiliaries[0] if auxiliaries else verb
    # "says" in a lead tells what was just said; "leaves", "is leaving", "is due" tell plans
    return finite.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in CUE_LEMMAS


def _same_event(a: _Event, b: _Event, cosine: float) -> bool:
    """Close wording, or related wording that names the same people or bodies."""
    return cosine >= SAME_EVENT_COSINE or (cosine >= RELATED_COSINE and bool(a.names & b.names))


def build_timeline(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex
) -> list[TimelineEvent]:
    """Dated events of the story, earliest first, each citing every article that reports it."""
    from newsprism.nlp.embeddings import embed

    anchor = story_anchor(story.articles)
    events = [e for a in story.articles for e in _article_events(story, a, anchor)]
    if not events:
        return []
    vectors = embed([e.text for e in events])
    order = {a.id: k for k, a in enumerate(story.articles)}
    groups: list[list[int]] = []
    for i, event in enumerate(events):
        for group in groups:
            first = events[group[0]]
            if (first.when, first.precision) != (event.when, event.precision):
                continue
            if any(
                _same_event(events[i], events[j], float(vectors[i] @ vectors[j])) for j in group
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    timeline = []
    for group in groups:
        # The wording most like the others stands for the group; the dated article's basis first.
        centre = max(group, key=lambda i: sum(float(vectors[i] @ vectors[j]) for j in group))
        members = [events[i] for i in group]
        bases = list(dict.fromkeys(e.basis for e in members))
        timeline.append(
            TimelineEvent(
                date=events[centre].when,
                precision=events[centre].precision,
                text=events[centre].text,
                article_ids=sorted({e.article_id for e in members}, key=order.__getitem__),
                basis="; ".join(bases),
            )
        )
    timeline.sort(key=lambda t: (t.date, -len(t.article_ids)))
    return timeline
