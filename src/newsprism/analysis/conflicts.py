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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Span, Token

from newsprism.analysis.assertions import (
    DENIAL_VERBS,
    EMBEDDINGS,
    EVENT_OF,
    REPORTING_VERBS,
    Assertion,
    annotate,
    denial_phrase,
    denied_text,
    event_family,
)
from newsprism.analysis.claims import lexical_overlap
from newsprism.analysis.entities import EntityIndex, fold
from newsprism.analysis.quantities import SPECIAL_UNITS, base_unit, compatible
from newsprism.model import Claim, Conflict, ConflictSide, Quantity, Quote, stable_id
from newsprism.nlp.pipeline import ParsedStory

# A denial is linked to a claim when they share an event family and this cosine, or on
# cosine alone above the second value (and then they must still share some content).
LINK_COSINE_WITH_EVENT = 0.3
LINK_COSINE_ALONE = 0.6
LINK_MIN_OVERLAP = 0.25
LINK_MIN_SHARED_WORDS = 2
# A counter that repeats this share of a claim's content words is reporting it, not denying it.
SELF_CONTAINED = 0.8
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
# Nouns that count people: a scope difference compares two counts of people (or two of
# anything else) that count different groups, never people against aircraft.
PEOPLE_NOUNS = {
    "people",
    "person",
    "staff",
    "personnel",
    "employee",
    "worker",
    "troop",
    "soldier",
    "officer",
    "adviser",
    "advisor",
    "specialist",
    "expert",
    "technician",
    "engineer",
    "instructor",
    "member",
    "official",
    "diplomat",
    "civilian",
    "resident",
    "refugee",
    "migrant",
    "immigrant",
    "student",
    "child",
    "man",
    "woman",
    "police",
    "policeman",
    "fighter",
    "militant",
    "protester",
    "demonstrator",
    "voter",
    "patient",
    "victim",
    "prisoner",
    "detainee",
    "crew",
    "guard",
    "agent",
    "mercenary",
    "marine",
    "sailor",
    "pilot",
    "doctor",
    "nurse",
    "teacher",
    "journalist",
    "volunteer",
    "contractor",
    "delegate",
    "lawmaker",
    "senator",
    "representative",
    "supporter",
    "citizen",
    "national",
    "individual",
    "casualty",
    "element",
    "suspect",
    "passenger",
    "hostage",
    "survivor",
    "inmate",
    "tourist",
    "player",
}


@dataclass
class ClaimView:
    """A claim with the parsed features of its canonical wording and its context."""

    claim: Claim
    head: Assertion
    topics: list[str]  # texts that say what a denial is about
    counted: dict[str, str] = field(default_factory=dict)  # unit -> what the number counts
    denied_events: set[str] | None = None  # events in the clause a "nonsense" speaks of
    people: set[str] = field(default_factory=set)  # persons the claim names, resolved
    qualifiers: set[str] = field(default_factory=set)  # counts that only qualify a noun
    # when the claim says it happened ("last season", "dawn saturday"), lower-cased
    times: set[str] = field(default_factory=set)
    acts: dict[str, str] = field(default_factory=dict)  # count's text -> the verb counting it
    additional: bool = False  # counts more of something ("10 militants were also killed")

    @property
    def texts(self) -> list[str]:
        return [self.claim.text, *self.claim.variants]


def _locate(
    story: ParsedStory, claim: Claim, entities: EntityIndex
) -> tuple[Assertion, Span] | None:
    for article_id in claim.article_ids:
        if story.docs.get(article_id) is None:
            continue
        index = story.index(article_id)
        start = index.text.find(claim.text)
        if start < 0:
            continue
        span = index.doc.char_span(start, start + len(claim.text), alignment_mode="expand")
        if span is None:
            continue
        assertion = Assertion(
            article_id, start, start + len(claim.text), claim.text, claim.speaker, "claim"
        )
        return annotate(assertion, span, entities, index), span
    return None


def _denial_context(story: ParsedStory, head: Assertion) -> list[str]:
    """The denial sentence just before a statement ("X refuted reports about Y.")."""
    sents = story.index(head.article_id).sents
    index = next((n for n, s in enumerate(sents) if s.start_char <= head.start < s.end_char), None)
    if index is None:
        return []
    found = []
    for sent in sents[max(0, index - 2) : index + 1]:
        if any(t.lemma_.lower() in DENIAL_VERBS for t in sent):
            found.append(sent.text.strip())
    return found


def counted_phrase(span: Span, quantity: Quantity) -> str | None:
    """What a number counts, with its modifiers: "Russian Defense Ministry ... officers".

    The words between the number and its noun when the noun follows ("300 Russian ...
    officers"), else the noun with its left modifiers ("cut its staff from 1,000"); a
    possessive pronoun becomes the clause's subject ("its staff" -> "Rostec's staff").
    """
    found = _counted_noun(span, quantity)
    if found is None:
        return None
    noun, follows = found
    if follows:
        after = _end_of(span, quantity)
        first = next((t.i for t in span if t.idx >= after), noun.i)
        tokens = list(span.doc[first : noun.i + 1])
    else:
        tokens = list(span.doc[max(noun.left_edge.i, span.start) : noun.i + 1])
    words: list[str] = []
    for tok in tokens:
        if tok.like_num or tok.pos_ in ("NUM", "DET", "PUNCT"):
            continue
        if tok.dep_ == "poss" and tok.pos_ == "PRON":
            owner = _clause_subject(noun)
            words.append(f"{owner}'s" if owner else tok.text)
            continue
        words.append(tok.text)
    while words and words[0].lower() in {"out", "of"}:
        words.pop(0)  # "300 out of 400 soldiers" counts soldiers
    phrase = " ".join(words).replace(" 's", "'s").strip()
    return phrase or None


def _end_of(span: Span, quantity: Quantity) -> int:
    at = span.text.find(quantity.text)
    return span.start_char + at + len(quantity.text) if at >= 0 else span.end_char


def _counted_noun(span: Span, quantity: Quantity) -> tuple[Token, bool] | None:
    """The noun a number counts, and whether it follows the number ("300 ... officers")
    rather than comes before it ("cut its staff from 1,000")."""
    unit = quantity.unit or ""
    after = _end_of(span, quantity)
    nouns = [t for t in span if t.lemma_.lower() == unit and t.pos_ in ("NOUN", "PROPN")]
    noun = next((t for t in nouns if t.idx >= after), None)
    if noun is not None and noun.i - span.doc[noun.i].left_edge.i < 12:
        return noun, True
    return (nouns[0], False) if nouns else None


def _describes_other_noun(span: Span, quantity: Quantity) -> bool:
    """The count only qualifies a noun: it is not a figure the statement gives, so it meets
    no other figure. "The 15 nation EU"; "one of the 12 worst-hit villages" names the group
    something belongs to, and a superlative picks the group ("the 12 worst-hit")."""
    found = _counted_noun(span, quantity)
    if found is None:
        return False
    noun = found[0]
    if noun.dep_ == "compound":
        return True
    if any(t.tag_ in ("JJS", "RBS") for c in noun.children if c.dep_ == "amod" for t in c.subtree):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one"


def _clause_subject(token: Token) -> str | None:
    head = token.head
    # spaCy makes a new Token object on each access: identity never holds, indexes do.
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    named = [
        e
        for e in subject.doc.ents
        if subject.left_edge.i <= e.start
        and e.end <= subject.i + 1
        and e.label_ in ("ORG", "PERSON", "GPE")
    ]
    if named:
        return str(named[-1].text)
    return str(subject.text)


def _views(
    story: ParsedStory, claims: list[Claim], quotes: list[Quote], entities: EntityIndex
) -> list[ClaimView]:
    cues = {q.id: (q.cue or "").lower() for q in quotes}
    views = []
    for claim in claims:
        claim = claim.model_copy(update={"speaker": _canonical_speaker(claim.speaker, entities)})
        located = _locate(story, claim, entities)
        if located is None:
            continue
        head, span = located
        if any(_cue_lemma(cues.get(q, "")) in DENIAL_VERBS for q in claim.quote_ids):
            head.denial = True  # "X denied [that ...]": the text is what X denies
        topics = [claim.text]
        denied_events = _phrase_scope_events(span)
        if head.denial and (denied := denied_text(span)) is not None:
            topics = [denied]  # what is called untrue, not all the sentence tells
            if denied_events is None:  # ... and its events, not those of "told a pal"
                denied_events = _topic_events(denied)
        if head.denial or head.negated_event or head.stability:
            topics += [t for t in _denial_context(story, head) if claim.text not in t]
        counted = {}
        qualifiers = set()
        for q in _counts(claim.quantities):
            phrase = counted_phrase(span, q)
            if phrase:
                counted[q.unit or ""] = phrase
            if _describes_other_noun(span, q):
                qualifiers.add(q.text)
        people = _people(story, head.article_id, span, entities)
        views.append(
            ClaimView(
                claim,
                head,
                topics,
                counted,
                denied_events=denied_events,
                people=people,
                qualifiers=qualifiers,
                times=_time_phrases(span),
                acts={q.text: act for q in _counts(claim.quantities) if (act := _act_of(span, q))},
                # "10 militants were also killed", "killed too"; not "too small"
                additional=any(
                    t.lower_ in _ADDITIVE and t.dep_ == "advmod" and t.head.pos_ == "VERB"
                    for t in span
                )
                or _counts_more(claim),
            )
        )
    return views


_ADDITIVE = frozenset({"also", "additionally", "too"})
_MORE_OF = re.compile(r"\s+(?:more|additional|further|other|new|extra)\b", re.IGNORECASE)


def _counts_more(claim: Claim) -> bool:
    """ "14 more police officers", "eight additional people": a count on top of another."""
    for quantity in _counts(claim.quantities):
        at = claim.text.find(quantity.text)
        if at >= 0 and _MORE_OF.match(claim.text, at + len(quantity.text)):
            return True
    return False


def _act_of(span: Span, quantity: Quantity) -> str | None:
    """The verb whose subject or object the counted noun is ("killed 300 soldiers", "300
    soldiers were killed"), as its event family where it has one, else its lemma."""
    found = _counted_noun(span, quantity)
    if found is None:
        return None
    token = found[0]
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() not in _LISTING_VERBS:
            return event_family(token) or token.lemma_.lower()
    return None


# Verbs that list what something else did or holds: "seized a cache ..., including seven rifles"
_LISTING_VERBS = frozenset({"include", "comprise", "contain"})


def _counted_by_one_act(a: ClaimView, qa: Quantity, b: ClaimView, qb: Quantity) -> bool:
    """Whether two counts can be of one thing: the verbs that count them agree, where both
    are known."""
    act_a, act_b = a.acts.get(qa.text), b.acts.get(qb.text)
    return act_a is None or act_b is None or act_a == act_b


def _time_phrases(span: Span) -> set[str]:
    """The date and time phrases of a claim, as the parser marks them."""
    phrases: list[list[str]] = []
    for tok in span:
        if tok.ent_type_ in ("DATE", "TIME"):
            if tok.ent_iob_ == "B" or not phrases:
                phrases.append([])
            phrases[-1].append(tok.lower_)
    return {" ".join(p) for p in phrases}


def _other_times(a: ClaimView, b: ClaimView) -> bool:
    """Both claims say when, and no time of one is the other's or part of it: "last season"
    and "this season" are two seasons' figures; "Saturday" and "dawn Saturday" are one day."""
    if not a.times or not b.times:
        return False
    return not any(
        set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split())
        for x in a.times
        for y in b.times
    )


def _people(story: ParsedStory, article_id: str, span: Span, entities: EntityIndex) -> set[str]:
    """The persons a claim names, by their story-wide names."""
    people = set()
    for ent in story.index(article_id).ents_in(span):
        if ent.label_ == "PERSON":
            named = entities.entity_at(article_id, ent.start_char, ent.end_char)
            people.add(fold(named.name if named else ent.text))
    return people


def _canonical_speaker(speaker: str | None, entities: EntityIndex) -> str | None:
    """One name per speaker, so "Comey" and "James Comey" are never two sides."""
    if speaker is None or not speaker.strip():
        return None
    name = " ".join(speaker.split())
    entity = entities.find(name)
    return entity.name if entity else name


def _asserts_itself(counter: ClaimView, target: ClaimView) -> bool:
    """The counter's own wording carries the target's content ("X is nonsense but that
    [target]"): its denial is aimed at something else."""
    words = target.head.lemmas
    return bool(words) and len(words & counter.head.lemmas) / len(words) >= SELF_CONTAINED


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


def _figures(view: ClaimView) -> list[Quantity]:
    """The numbers a claim gives, less counts that only qualify a noun."""
    return [q for q in view.claim.quantities if q.text not in view.qualifiers]


def _counts(quantities: list[Quantity]) -> list[Quantity]:
    """Counts of things ("300 officers", "100 people a day"): not money, shares or multiples."""
    return [q for q in quantities if q.unit and base_unit(q.unit) not in SPECIAL_UNITS]


def _referent(unit: str | None) -> str | None:
    """The broad class of what is counted: people, or the counted noun itself."""
    return "people" if unit in PEOPLE_NOUNS else unit


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


def _self_named(view: ClaimView) -> bool:
    """The speaker is named inside the claim as its object ("advisers propped up Maduro").

    Speakers seldom talk of themselves by name, so the attribution is most likely wrong
    and a dispute built on it would be false.
    """
    speaker = view.claim.speaker
    return bool(speaker) and fold(speaker or "") in fold(view.claim.text)


def _phrase_scope_events(span: Span) -> set[str] | None:
    """Events of the clause a denial word judges: in "the hookers thing is nonsense but
    Putin had told him ...", only the first clause is called false."""
    if any(t.lemma_.lower() in DENIAL_VERBS for t in span):
        return None
    word = denial_phrase(span)
    if word is None:
        return None
    clause = word.root
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    skip = {t.i for c in clause.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return {
        family
        for t in clause.subtree
        if t.i not in skip and (family := event_family(t)) is not None
    }


def _counter_events(counter: ClaimView) -> set[str]:
    head = counter.head
    if counter.denied_events is not None and not (head.negated_event or head.stability):
        return set(counter.denied_events)
    if _counter_kind(counter) == "contradiction" and head.negated_events:
        # a fact is contradicted by what the negation denies, not by the rest of its sentence
        events = set(head.negated_events)
    else:
        events = set(head.events)
        for topic in counter.topics[1:]:
            events |= _topic_events(topic)
    if head.stability:  # "has not changed" answers claims of a change
        events |= {"reduce", "increase"}
    return events


def _topic_events(text: str) -> set[str]:
    words = [t.strip(".,;:“”\"'").lower() for t in text.split()]
    return {EVENT_OF[w] for w in words if w in EVENT_OF} | {
        EVENT_OF[w[:-1]] for w in words if w.endswith("s") and w[:-1] in EVENT_OF
    }


def _shares_amount(counter: ClaimView, target: ClaimView) -> bool:
    """The denial repeats an amount the claim states ("reducing ... to a few dozen")."""
    return any(
        (q.value is not None or q.low is not None)
        and any(
            compatible(q, t, tolerance=0.0) and (q.value is None) == (t.value is None)
            for t in target.claim.quantities
        )
        for q in counter.claim.quantities
        if q.unit not in SPECIAL_UNITS
    )


def _shares_content(a: Assertion, b: Assertion) -> bool:
    """Enough shared content words (not names) that cosine alone may link a denial."""
    shared = (a.lemmas - a.names - REPORTING_VERBS) & (b.lemmas - b.names - REPORTING_VERBS)
    return len(shared) >= LINK_MIN_SHARED_WORDS and lexical_overlap(a, b) >= LINK_MIN_OVERLAP


def _link_candidates(
    views: list[ClaimView], entities: EntityIndex
) -> list[tuple[ClaimView, ClaimView, bool]]:
    """(counter, target, shared event) pairs worth a cosine: structure first, then meaning."""
    pairs = []
    for counter in (v for v in views if _is_counter(v)):
        events = _counter_events(counter)
        # A fact is contradicted only where the target asserts it, not tells of a rumour.
        asserts = _counter_kind(counter) == "contradiction"
        for target in views:
            if (
                target is counter
                or _is_counter(target)
                or target.claim.speaker is None
                # no one disputes their own side: "Comcast" and "Comcast spokesman" Douglas
                or _same_voice(target.claim.speaker, counter.claim.speaker, entities)
                or _self_named(target)
                or _asserts_itself(counter, target)
                # what is itself denied is no claim to deny: "was never going to be a panel"
                or target.head.negated
                or target.head.denial
            ):
                continue
            shared_event = bool(
                events & (target.head.asserted_events if asserts else target.head.events)
            )
            if shared_event or _shares_content(counter.head, target.head):
                pairs.append((counter, target, shared_event))
    return pairs


def _pair_candidates(views: list[ClaimView]) -> list[tuple[ClaimView, ClaimView]]:
    """Pairs that could be a numeric, quote-variant or scope conflict."""
    pairs = []
    for i, a in enumerate(views):
        for b in views[i + 1 :]:
            sa, sb = a.claim.speaker, b.claim.speaker
            if sa and sa == sb:
                separate = not set(a.claim.article_ids) & set(b.claim.article_ids)
                if separate and (
                    _incompatible(_figures(a), _figures(b))
                    or (
                        a.head.negated != b.head.negated
                        and lexical_overlap(a.head, b.head) >= LINK_MIN_OVERLAP
                    )
                ):
                    pairs.append((a, b))
            elif sa != sb and _counts(a.claim.quantities) and _counts(b.claim.quantities):
                pairs.append((a, b))
    return pairs


def find_conflicts(
    story: ParsedStory, claims: list[Claim], quotes: list[Quote], entities: EntityIndex
) -> list[Conflict]:
    """Every disagreement between the story's claims, each dispute listed once."""
    views = _views(story, claims, quotes, entities)
    if len(views) < 2:
        return []
    links = _link_candidates(views, entities)
    pairs = _pair_candidates(views)
    # Embed only what a candidate compares, once, in one batch (the claims stage has
    # already embedded most of these wordings, so the cache answers them).
    texts: list[str] = []
    for counter, target, _ in links:
        texts += counter.topics + target.texts
    for a, b in pairs:
        texts += a.texts + b.texts
    unique = list(dict.fromkeys(texts))
    vectors = dict(zip(unique, EMBEDDINGS.get(unique), strict=True))

    def cosine(left: Iterable[str], right: Iterable[str]) -> float:
        return max(float(np.dot(vectors[x], vectors[y])) for x in left for y in right)

    best: dict[str, tuple[float, ClaimView, ClaimView]] = {}
    for counter, target, shared_event in links:
        sim = cosine(counter.topics, target.texts)
        if not ((shared_event and sim >= LINK_COSINE_WITH_EVENT) or sim >= LINK_COSINE_ALONE):
            continue
        if not shared_event and _counter_kind(counter) == "contradiction":
            continue  # a fact is contradicted only by one denying the same kind of event
        # Reported side by side in one article is strong evidence of the link.
        together = bool(set(counter.claim.article_ids) & set(target.claim.article_ids))
        score = sim + (0.3 if shared_event else 0.0) + (0.2 if together else 0.0)
        if _counter_events(counter) & target.head.asserted_events:
            score += 0.1  # "Banksy was arrested" over "a news story covering an arrest"
        if counter.head.stability and _counts(target.claim.quantities):
            score += 0.3  # "has not changed" answers a claim about a changed number
        if _shares_amount(counter, target):
            score += 0.4  # "denied ... reducing the number to a few dozen"
        if counter.claim.id not in best or score > best[counter.claim.id][0]:
            best[counter.claim.id] = (score, counter, target)

    found: list[tuple[float, Conflict]] = []
    for score, counter, target in best.values():
        if _counter_kind(counter) == "contradiction":
            explanation = (
                f"{_who(target)} says “{_short(target.claim.text)}”, but {_who(counter)} states "
                f"“{_short(counter.claim.text)}”; both cannot be true."
            )
            found.append((score, _conflict("contradiction", target, counter, explanation)))
        else:
            explanation = (
                f"{_who(counter)} rejects as false the claim by {_who(target)} that "
                f"“{_short(target.claim.text)}”: “{_short(counter.claim.text)}”."
            )
            found.append((score, _conflict("denial", target, counter, explanation)))

    scored = [(cosine(a.texts, b.texts), a, b) for a, b in pairs]
    for sim, a, b in _one_rendering_each(scored):
        found.extend(_pair_conflicts(a, b, sim))
    return _deduplicate(found, views, entities)


def _one_rendering_each(
    scored: list[tuple[float, ClaimView, ClaimView]],
) -> list[tuple[float, ClaimView, ClaimView]]:
    """Pairs of one speaker's statements are kept only when each is the other's closest:
    a statement has one other rendering, so an analyst's ten prices for ten models are ten
    statements, not forty-five misquotes of one. Pairs of two speakers all stay."""
    best: dict[str, float] = {}
    for sim, a, b in scored:
        if a.claim.speaker and a.claim.speaker == b.claim.speaker:
            for view in (a, b):
                best[view.claim.id] = max(best.get(view.claim.id, -1.0), sim)
    return [
        (sim, a, b)
        for sim, a, b in scored
        if not (a.claim.speaker and a.claim.speaker == b.claim.speaker)
        or (
            sim >= best[a.claim.id]
            and sim >= best[b.claim.id]
            and lexical_overlap(a.head, b.head) >= LINK_MIN_OVERLAP
        )
    ]


def _pair_conflicts(a: ClaimView, b: ClaimView, sim: float) -> list[tuple[float, Conflict]]:
    out: list[tuple[float, Conflict]] = []
    sa, sb = a.claim.speaker, b.claim.speaker
    clash = _incompatible(_figures(a), _figures(b))
    if clash and (_other_times(a, b) or a.additional or b.additional):
        clash = None  # two times' or two groups' figures, not two renderings of one
    if sa and sa == sb:
        if sim < VARIANT_COSINE or not (
            (clash and _same_act(a.head, b.head))
            or (
                a.head.negated != b.head.negated
                and sim >= 0.75
                and negates_the_same(a.head, b.head)
            )
        ):
            return out
        what = (
            f"“{clash[0].text}” in one and “{clash[1].text}” in the other"
            if clash
            else "the statement negated in one and not the other"
        )
        explanation = f"Outlets render the same statement by {sa} differently: {what}."
        return [(sim, _conflict("quote-variant", a, b, explanation))]
    if clash and not (a.head.denial or b.head.denial):
        # two voices' figures meet as counts of something, never a count that only
        # qualifies a noun ("the 15 nation EU"), nor an interest rate and an inflation rate
        figures = _incompatible(_counts(_figures(a)), _counts(_figures(b)))
        if (
            figures is not None
            and sim >= NUMERIC_COSINE
            and lexical_overlap(a.head, b.head) >= 0.34
            and _same_act(a.head, b.head)
            # "surrounding more than 400 soldiers" and "killed 300": two acts' counts
            and _counted_by_one_act(a, figures[0], b, figures[1])
            # Thomas's 793 yards and Ivory's 716 are two players' figures
            and not (a.people and b.people and not a.people & b.people)
            and not _different_groups(
                a.counted.get(figures[0].unit or ""), b.counted.get(figures[1].unit or "")
            )
        ):
            qa, qb = figures
            explanation = (
                f"{_who(a)} gives {qa.text} {a.counted.get(qa.unit or '', qa.unit)} where "
                f"{_who(b)} gives {qb.text} {b.counted.get(qb.unit or '', qb.unit)} for the "
                "same thing."
            )
            out.append((sim, _conflict("numeric", a, b, explanation)))
        return out
    scope = _scope_pair(a, b)
    if scope and sa and sb and sim >= SCOPE_COSINE and a.head.names & b.head.names:
        qa, qb = scope
        # Prefer the counterpart reported in the same article and carried by more outlets.
        together = bool(set(a.claim.article_ids) & set(b.claim.article_ids))
        reach = len(a.claim.article_ids) + len(b.claim.article_ids)
        score = sim + (0.2 if together else 0.0) + 0.05 * reach
        explanation = (
            f"{sa}'s figure ({qa.text}) counts {a.counted.get(qa.unit or '', qa.unit)}, while "
            f"{sb}'s ({qb.text}) counts {b.counted.get(qb.unit or '', qb.unit)}: different "
            "groups, so the figures do not contradict each other."
        )
        out.append((score, _conflict("scope-difference", a, b, explanation)))
    return out


def negates_the_same(a: Assertion, b: Assertion) -> bool:
    """One rendering negates a word the other says: "didn't make it" and "made it" are one
    statement rendered two ways; "didn't make it into the watch" and "wanted to produce a
    tool" are two statements."""
    negated, other = (a, b) if a.negated else (b, a)
    return bool(negated.negated_words & other.lemmas)


def _different_groups(a: str | None, b: str | None) -> bool:
    """Counts of one noun told apart by their modifiers, none shared: "cable TV subscribers"
    and "U.S. broadband subscribers", "Russian troops" and "Syrian troops"."""
    if not a or not b:
        return False
    left, right = (set(fold(p).split()[:-1]) for p in (a, b))
    if ("and" in left) != ("and" in right):
        return True  # "soldiers and police officers" and "police officers": a whole and a part
    return bool(left and right) and not left & right


def _same_act(a: Assertion, b: Assertion) -> bool:
    """Whether two statements count what one act did: a verb or event family in common.
    "boarded two vessels" and "attacked nearly 100 vessels" count different things."""
    return bool(a.verbs & b.verbs or a.events & b.events)


# What a count of a state is counted by: "there are 300 officers", "the staff numbers 40";
# None where no verb counts it.
_STATES = frozenset({None, "be", "have", "remain", "number", "total"})


def _scope_pair(a: ClaimView, b: ClaimView) -> tuple[Quantity, Quantity] | None:
    """Counts of the same broad class (people) of different counted groups, by one act.

    Counts that can be equal ("about 1,000 staff", "about a thousand troops") are most
    likely one group named two ways, not two groups.
    """
    if any(
        compatible(qa, qb) and _referent(qa.unit) == _referent(qb.unit)
        for qa in _counts(a.claim.quantities)
        for qb in _counts(b.claim.quantities)
    ):
        return None
    for qa in _counts(a.claim.quantities):
        for qb in _counts(b.claim.quantities):
            # "a hundred people joined a vigil" and "two officers shot him" never looked
            # like one count; "cut its staff to a few dozen" and "there are 300 officers"
            # (a state) do
            acts = {a.acts.get(qa.text), b.acts.get(qb.text)}
            if (
                qa.unit != qb.unit
                and _referent(qa.unit) == _referent(qb.unit)
                and (len(acts) == 1 or acts & _STATES)
            ):
                return qa, qb
    return None


def _same_voice(a: str | None, b: str | None, entities: EntityIndex) -> bool:
    """One speaker speaks for the other: "Kremlin spokesman" Peskov and the Kremlin."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    for one, other in ((a, b), (b, a)):
        entity = entities.find(one)
        if entity is None:
            continue
        roles = [*entities.descriptions.get(entity.id, []), entity.description or ""]
        if any(fold(other) in fold(role) for role in roles if role):
            return True
    return False


def _same_dispute_sides(k: Conflict, c: Conflict, entities: EntityIndex) -> bool:
    """Two conflicts that share a claim on one side and a voice on the other."""
    for x, y in ((k.a, k.b), (k.b, k.a)):
        for u, v in ((c.a, c.b), (c.b, c.a)):
            if x.claim_id == u.claim_id and (
                y.speaker == v.speaker or _same_voice(y.speaker, v.speaker, entities)
            ):
                return True
    return False


def _within(text: str, topics: list[str]) -> bool:
    """The text is one of the topics, or part of one (a denial sentence it elaborates)."""
    return any(text in topic or topic in text for topic in topics[1:])


def _deduplicate(
    found: list[tuple[float, Conflict]], views: list[ClaimView], entities: EntityIndex
) -> list[Conflict]:
    """One conflict per dispute.

    A dispute is a pair of claims, or one claim and the voice that rejects it (a speaker
    and whoever speaks for it, or a statement and the denial sentence it elaborates), or
    the same two voices over the same event; each claim appears in at most one scope
    difference. The strongest kind is kept.
    """
    topics = {v.claim.id: v.topics for v in views}
    events = {v.claim.id: v.head.events for v in views}
    found.sort(key=lambda item: (KIND_RANK[item[1].kind], -item[0]))
    kept: list[Conflict] = []
    scoped: set[str | None] = set()
    for _, conflict in found:
        pair = frozenset((conflict.a.claim_id, conflict.b.claim_id))
        if any(frozenset((k.a.claim_id, k.b.claim_id)) == pair for k in kept):
            continue
        if conflict.kind in ("contradiction", "denial") and any(
            k.kind in ("contradiction", "denial")
            and k.a.claim_id == conflict.a.claim_id
            and (
                _same_voice(k.b.speaker, conflict.b.speaker, entities)
                or _within(k.b.text, topics.get(conflict.b.claim_id or "", []))
                or _within(conflict.b.text, topics.get(k.b.claim_id or "", []))
            )
            for k in kept
        ):
            continue
        if conflict.kind in ("contradiction", "denial") and any(
            k.kind in ("contradiction", "denial")
            and _same_voice(k.a.speaker, conflict.a.speaker, entities)
            and _same_voice(k.b.speaker, conflict.b.speaker, entities)
            and events.get(k.a.claim_id or "", set()) & events.get(conflict.a.claim_id or "", set())
            for k in kept
        ):
            continue  # the same two voices over the same event, told in other words
        if conflict.kind == "numeric" and any(
            k.kind == "numeric" and _same_dispute_sides(k, conflict, entities) for k in kept
        ):
            continue  # one claim's figure against one voice's, whichever wording it takes
        if conflict.kind == "scope-difference":
            if conflict.a.claim_id in scoped or conflict.b.claim_id in scoped:
                continue
            scoped.update((conflict.a.claim_id, conflict.b.claim_id))
        kept.append(conflict)
    return kept
