"""Where sources disagree: contradictions, denials, numbers, renderings and scope.

No natural-language-inference model runs offline, so conflicts come from structure, and
precision comes first (a false conflict costs more trust than a missed one):

- **denial / contradiction**: a speaker's statement that calls a claim false ("absolutely
  false", "denied the reports") or states a fact that cannot hold with it ("remained the
  same", "no talk of any cuts", "there could be no such message"), linked to a claim by
  someone else through the same event family ("cuts" ~ "cut its staff"), the denial's
  object or the denial sentence just before the quote, and embedding similarity. The kind
  is "contradiction" when the statement asserts an incompatible fact (negated existence of
  the event, no change, other numbers) and "denial" when it only says the claim is false.
- **numeric**: two speakers give incompatible values of the same unit for one claim.
- **quote-variant**: one speaker's statement rendered with incompatible numbers or
  polarity by two outlets.
- **scope-difference**: numbers of different counted things on one topic, shown side by
  side and expressly not called a contradiction.

One conflict per pair of claims and per denier and claim: a dispute is listed once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsprism.analysis.assertions import (
    DENIAL_VERBS,
    EMBEDDINGS,
    Assertion,
    _features,
)
from newsprism.analysis.claims import lexical_overlap
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.quantities import SPECIAL_UNITS, compatible
from newsprism.model import Claim, Conflict, ConflictSide, Quantity, Quote, stable_id
from newsprism.nlp.pipeline import ParsedStory

# A denial is linked to a claim when they share an event family and this cosine, or on
# cosine alone above the second value.
LINK_COSINE_WITH_EVENT = 0.3
LINK_COSINE_ALONE = 0.6
VARIANT_COSINE = 0.4
NUMERIC_COSINE = 0.6
SCOPE_COSINE = 0.5
KIND_RANK = {
    "contradiction": 0,
    "numeric": 1,
    "denial": 2,
    "quote-variant": 3,
    "scope-difference": 4,
}


@dataclass
class ClaimView:
    """A claim with the parsed features of its canonical wording and its context."""

    claim: Claim
    head: Assertion
    topics: list[str]  # texts that say what a denial is about


def _locate(story: ParsedStory, claim: Claim, entities: EntityIndex) -> Assertion | None:
    for article_id in claim.article_ids:
        doc = story.docs.get(article_id)
        if doc is None:
            continue
        start = doc.text.find(claim.text)
        if start < 0:
            continue
        span = doc.char_span(start, start + len(claim.text), alignment_mode="expand")
        if span is None:
            continue
        assertion = Assertion(
            article_id, start, start + len(claim.text), claim.text, claim.speaker, "claim"
        )
        return _features(assertion, span, entities)
    return None


def _denial_context(story: ParsedStory, head: Assertion) -> list[str]:
    """The denial sentence just before a statement ("X refuted reports about Y.")."""
    doc = story.docs[head.article_id]
    sents = list(doc.sents)
    index = next((n for n, s in enumerate(sents) if s.start_char <= head.start < s.end_char), None)
    if index is None:
        return []
    found = []
    for sent in sents[max(0, index - 2) : index + 1]:
        if any(t.lemma_.lower() in DENIAL_VERBS for t in sent):
            found.append(sent.text.strip())
    return found


def _views(
    story: ParsedStory, claims: list[Claim], quotes: list[Quote], entities: EntityIndex
) -> list[ClaimView]:
    cues = {q.id: (q.cue or "").lower() for q in quotes}
    views = []
    for claim in claims:
        head = _locate(story, claim, entities)
        if head is None:
            continue
        if any(_cue_lemma(cues.get(q, "")) in DENIAL_VERBS for q in claim.quote_ids):
            head.denial = True  # "X denied [that ...]": the text is what X denies
        topics = [claim.text]
        if head.denial or head.negated_event or head.stability:
            topics += _denial_context(story, head)
        views.append(ClaimView(claim, head, topics))
    return views


def _cue_lemma(cue: str) -> str:
    word = cue.split()[0] if cue else ""
    for ending, replacement in (("ied", "y"), ("ed", "e"), ("es", "e"), ("s", "")):
        if word.endswith(ending) and word[: -len(ending)] + replacement in DENIAL_VERBS:
            return word[: -len(ending)] + replacement
    return word


def _side(view: ClaimView) -> ConflictSide:
    return ConflictSide(
        speaker=view.claim.speaker,
        text=view.claim.text,
        article_ids=view.claim.article_ids,
        claim_id=view.claim.id,
    )


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _who(view: ClaimView) -> str:
    return view.claim.speaker or "the outlet itself"


def _conflict(kind: str, a: ClaimView, b: ClaimView, explanation: str) -> Conflict:
    return Conflict(
        id=stable_id("x", kind, a.claim.id, b.claim.id),
        kind=kind,  # type: ignore[arg-type]
        a=_side(a),
        b=_side(b),
        explanation=explanation,
    )


def _counts(quantities: list[Quantity]) -> list[Quantity]:
    return [q for q in quantities if q.unit and q.unit not in SPECIAL_UNITS]


def _incompatible(a: list[Quantity], b: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """A same-unit pair where no value of one side fits any value of the other."""
    for unit in {q.unit for q in a if q.unit} & {q.unit for q in b if q.unit}:
        side_a = [q for q in a if q.unit == unit]
        side_b = [q for q in b if q.unit == unit]
        if not any(compatible(x, y) for x in side_a for y in side_b):
            return side_a[0], side_b[0]
    return None


def _is_counter(view: ClaimView) -> bool:
    head = view.head
    return view.claim.speaker is not None and (head.denial or head.negated_event or head.stability)


def _counter_kind(view: ClaimView) -> str:
    """Contradiction when the statement asserts a fact; denial when it only says 'false'."""
    head = view.head
    if head.stability or (head.negated_event and not head.denial):
        return "contradiction"
    return "denial"


def find_conflicts(
    story: ParsedStory, claims: list[Claim], quotes: list[Quote], entities: EntityIndex
) -> list[Conflict]:
    views = _views(story, claims, quotes, entities)
    if len(views) < 2:
        return []
    texts = [t for v in views for t in v.topics + v.claim.variants]
    vectors = dict(zip(texts, EMBEDDINGS.get(texts), strict=True))

    def cosine(a: ClaimView, b: ClaimView, a_topics: bool = False) -> float:
        left = a.topics if a_topics else [a.claim.text, *a.claim.variants]
        right = [b.claim.text, *b.claim.variants]
        return max(float(np.dot(vectors[x], vectors[y])) for x in left for y in right)

    found: list[tuple[float, Conflict]] = []
    for counter in (v for v in views if _is_counter(v)):
        best: tuple[float, ClaimView] | None = None
        for target in views:
            if (
                target is counter
                or _is_counter(target)
                or target.claim.speaker in (None, counter.claim.speaker)
            ):
                continue
            sim = cosine(counter, target, a_topics=True)
            counter_events = set(counter.head.events)
            if counter.head.stability:  # "has not changed" answers claims of a change
                counter_events |= {"reduce", "increase"}
            for topic in counter.topics[1:]:
                counter_events |= {e for e in _topic_events(topic)}
            shared_event = bool(counter_events & target.head.events)
            if not ((shared_event and sim >= LINK_COSINE_WITH_EVENT) or sim >= LINK_COSINE_ALONE):
                continue
            # Reported side by side in one article is strong evidence of the link.
            together = bool(set(counter.claim.article_ids) & set(target.claim.article_ids))
            score = sim + (0.3 if shared_event else 0.0) + (0.2 if together else 0.0)
            if counter.head.stability and _counts(target.claim.quantities):
                score += 0.3  # "has not changed" answers a claim about a changed number
            if best is None or score > best[0]:
                best = (score, target)
        if best is None:
            continue
        target = best[1]
        kind = _counter_kind(counter)
        if kind == "contradiction":
            explanation = (
                f"{_who(target)} says “{_short(target.claim.text)}”, but {_who(counter)} states "
                f"“{_short(counter.claim.text)}”; both cannot be true."
            )
        else:
            explanation = (
                f"{_who(counter)} rejects the claim by {_who(target)} that "
                f"“{_short(target.claim.text)}” as false: “{_short(counter.claim.text)}”."
            )
        found.append((best[0], _conflict(kind, target, counter, explanation)))

    for i, a in enumerate(views):
        for b in views[i + 1 :]:
            found.extend(_pair_conflicts(a, b, cosine(a, b)))
    return _deduplicate(found)


def _topic_events(text: str) -> set[str]:
    from newsprism.analysis.assertions import EVENT_OF

    return {
        EVENT_OF[w] for w in (t.strip(".,;:“”\"'").lower() for t in text.split()) if w in EVENT_OF
    } | {
        EVENT_OF[w[:-1]]
        for w in (t.strip(".,;:“”\"'").lower() for t in text.split())
        if w.endswith("s") and w[:-1] in EVENT_OF
    }


def _pair_conflicts(a: ClaimView, b: ClaimView, sim: float) -> list[tuple[float, Conflict]]:
    out: list[tuple[float, Conflict]] = []
    sa, sb = a.claim.speaker, b.claim.speaker
    clash = _incompatible(a.claim.quantities, b.claim.quantities)
    separate_articles = not set(a.claim.article_ids) & set(b.claim.article_ids)
    if sa and sa == sb and separate_articles and sim >= VARIANT_COSINE:
        polarity_differs = a.head.negated != b.head.negated
        if clash or (polarity_differs and sim >= 0.75):
            what = (
                f"“{clash[0].text}” in one and “{clash[1].text}” in the other"
                if clash
                else "the statement negated in one and not the other"
            )
            out.append(
                (
                    sim,
                    _conflict(
                        "quote-variant",
                        a,
                        b,
                        f"Outlets render the same statement by {sa} differently: {what}.",
                    ),
                )
            )
        return out
    if sa == sb:
        return out
    if (
        clash
        and not (a.head.denial or b.head.denial)
        and sim >= NUMERIC_COSINE
        and (lexical_overlap(a.head, b.head) >= 0.34)
    ):
        out.append(
            (
                sim,
                _conflict(
                    "numeric",
                    a,
                    b,
                    f"{_who(a)} gives {clash[0].text} {clash[0].unit} where {_who(b)} gives "
                    f"{clash[1].text} {clash[1].unit} for the same thing.",
                ),
            )
        )
        return out
    ca, cb = _counts(a.claim.quantities), _counts(b.claim.quantities)
    if ca and cb and sa and sb and sim >= SCOPE_COSINE and a.head.names & b.head.names:
        units_a, units_b = {q.unit for q in ca}, {q.unit for q in cb}
        if not units_a & units_b:
            qa, qb = ca[0], cb[0]
            out.append(
                (
                    sim,
                    _conflict(
                        "scope-difference",
                        a,
                        b,
                        f"The figures count different things ({qa.text} {qa.unit}s per {sa}, "
                        f"{qb.text} {qb.unit} per {sb}), so they do not contradict each other.",
                    ),
                )
            )
    return out


def _deduplicate(found: list[tuple[float, Conflict]]) -> list[Conflict]:
    """One conflict per pair of claims, per (speaker, claim) dispute and per scope pair."""
    found.sort(key=lambda item: (KIND_RANK[item[1].kind], -item[0]))
    kept: list[Conflict] = []
    pairs: set[frozenset[str | None]] = set()
    disputes: set[tuple[str | None, str | None]] = set()
    scoped: set[str | None] = set()
    for _, conflict in found:
        pair = frozenset((conflict.a.claim_id, conflict.b.claim_id))
        dispute = (conflict.b.speaker, conflict.a.claim_id)
        if pair in pairs or (conflict.kind in ("contradiction", "denial") and dispute in disputes):
            continue
        if conflict.kind == "scope-difference":
            if conflict.a.claim_id in scoped or conflict.b.claim_id in scoped:
                continue
            scoped.update((conflict.a.claim_id, conflict.b.claim_id))
        pairs.add(pair)
        disputes.add(dispute)
        kept.append(conflict)
    return kept
