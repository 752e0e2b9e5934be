"""Claims: one assertion each, with who asserts it and every article that carries it.

Assertions (see :mod:`newsprism.analysis.assertions`) are grouped across outlets when they
say the same thing: embedding cosine (MiniLM) above ``settings.claim_match_cosine`` is not
enough on its own, because cosine also matches a claim with its contradiction ("cut its
staff to a few dozen" vs "remained the same" score 0.81). Two wordings join only when their
polarity agrees (negation, denial, no-change statements), their quantities of the same unit
can both be true, and they share a speaker or content (a number or content vocabulary).
Two statements of one change ("from about 1,000 to a few dozen" ~ "from 1,000 to several
dozen") join on the amounts and the event family at a lower cosine, whatever noun each
counts. Only wordings that pass these checks with some other wording are embedded (one
batch). The canonical wording is the group's medoid: the variant closest to all others.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from newsprism.analysis.assertions import EMBEDDINGS, Assertion, extract_assertions
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.quantities import compatible, same_transition
from newsprism.config import DEFAULT, Settings
from newsprism.model import Article, Claim, Coverage, Quote, stable_id
from newsprism.nlp.pipeline import ParsedStory

# Wordings this close are one claim even when only one of them names its speaker.
CLOSE_WORDING = 0.85
# Cosine rates "cut its staff" and "fulfilled its last contract" (same company, same country)
# above true paraphrases, so grouped wordings must also share this much content vocabulary.
MIN_OVERLAP = 0.34
# Two statements of the same change ("from about 1,000 to a few dozen" and "from 1,000 to
# several dozen") in the same event family are one claim at this lower cosine, whatever
# noun each counts ("staff", "personnel", "advisers"): long wordings of one fact scored 0.5-0.6.
SAME_CHANGE_COSINE = 0.45


def quantities_agree(a: Assertion, b: Assertion) -> bool:
    """No quantity of one contradicts every same-unit quantity of the other."""
    for qa in a.quantities:
        same = [qb for qb in b.quantities if qb.unit == qa.unit and qa.unit is not None]
        if same and not any(compatible(qa, qb) for qb in same):
            return False
    return True


def same_polarity(a: Assertion, b: Assertion) -> bool:
    """Both say it is so, or both deny it, or both say it may be: "the king was flying a
    plane" and "the king may fly a bomber" are two claims."""
    return _stance(a) == _stance(b)


def _stance(a: Assertion) -> tuple[bool, bool, bool, bool]:
    return a.negated, a.denial, a.stability, a.hedged


def required_cosine(a: Assertion, b: Assertion, threshold: float) -> float | None:
    """The cosine two assertions need to be one claim, or None when they never can be.

    Everything but the embedding is checked here, so only wordings that could join are
    embedded at all.
    """
    if not same_polarity(a, b) or not quantities_agree(a, b):
        return None
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return None
    one_unattributed = (a.speaker is None) != (b.speaker is None)
    if bool(a.transition) != bool(b.transition):
        return None  # a change with its numbers says more than one without them
    if a.transition and b.transition:
        if not same_transition(a.transition, b.transition):
            return None
        if a.transition.direction == b.transition.direction and a.events & b.events:
            return CLOSE_WORDING if one_unattributed else SAME_CHANGE_COSINE
    if a.speaker and a.negated_event and b.negated_event and a.events & b.events:
        return SAME_CHANGE_COSINE  # "no talk of any cuts" ~ "no question of any reductions"
    shared_number = {q.value for q in a.quantities if q.value} & {
        q.value for q in b.quantities if q.value
    }
    if not shared_number and lexical_overlap(a, b) < MIN_OVERLAP:
        return None
    return CLOSE_WORDING if one_unattributed else threshold


def lexical_overlap(a: Assertion, b: Assertion) -> float:
    """Shared content words and event families over the smaller side's (Jaccard-like)."""
    wa = (a.lemmas - a.names) | {f"event:{e}" for e in a.events}
    wb = (b.lemmas - b.names) | {f"event:{e}" for e in b.events}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def candidate_pairs(assertions: list[Assertion], threshold: float) -> dict[tuple[int, int], float]:
    """Pairs (i < j) that may be one claim, with the cosine each pair needs.

    Every pair ``required_cosine`` can accept shares a content word, an event family or a
    number, so only pairs that share one are tried: a twentieth of all pairs on a 120-article
    story, where trying every pair was most of the claims stage.
    """
    keys = [_blocking_keys(a) for a in assertions]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(keys):
        for key in own:
            postings[key].append(i)
    needs: dict[tuple[int, int], float] = {}
    for i, a in enumerate(assertions):
        others = sorted({j for key in keys[i] for j in postings[key] if j > i})
        for j in others:
            need = required_cosine(a, assertions[j], threshold)
            if need is not None:
                needs[(i, j)] = need
    return needs


def _blocking_keys(a: Assertion) -> set[str]:
    """What two assertions must share to be one claim (see ``required_cosine``): a content
    word, an event family or a number."""
    return (
        (a.lemmas - a.names)
        | {f"event:{e}" for e in a.events}
        | {f"number:{q.value}" for q in a.quantities if q.value}
    )


def group_assertions(
    count: int, needs: dict[tuple[int, int], float], sims: dict[tuple[int, int], float]
) -> list[list[int]]:
    """Average-link merging of compatible assertions, most similar pairs first.

    Every cross pair of two groups must be compatible, so a chain A~B~C never joins A with
    a C that contradicts it.
    """

    def joins(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        return key in needs and sims[key] >= needs[key]

    groups: dict[int, list[int]] = {i: [i] for i in range(count)}
    owner = list(range(count))
    for _, i, j in sorted(((sims[k], *k) for k in needs if joins(*k)), reverse=True):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        members_i, members_j = groups[gi], groups[gj]
        if all(joins(x, y) for x in members_i for y in members_j):
            groups[gi] = members_i + members_j
            for m in members_j:
                owner[m] = gi
            del groups[gj]
    return sorted(groups.values(), key=min)


def _canonical(
    members: list[int], sims: dict[tuple[int, int], float], assertions: list[Assertion]
) -> int:
    """The medoid wording: the one closest to all others, shorter on a tie."""
    if len(members) == 1:
        return members[0]

    def score(i: int) -> tuple[float, int]:
        mean = float(np.mean([sims[(min(i, j), max(i, j))] for j in members if j != i]))
        return (round(mean, 3), -len(assertions[i].text))

    return max(members, key=score)


def build_claims(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex, settings: Settings = DEFAULT
) -> list[Claim]:
    """Group the story's assertions into claims, one per distinct statement and speaker."""
    assertions = extract_assertions(story, quotes, entities)
    needs = candidate_pairs(assertions, settings.claim_match_cosine)
    # Only wordings that could join another are embedded, all in one batch.
    embedded = sorted({i for pair in needs for i in pair})
    vectors = EMBEDDINGS.get([assertions[i].text for i in embedded], settings)
    row = {i: n for n, i in enumerate(embedded)}
    sims = {(i, j): float(np.dot(vectors[row[i]], vectors[row[j]])) for i, j in needs}
    order = {a.id: n for n, a in enumerate(story.articles)}
    claims: list[Claim] = []
    for members in group_assertions(len(assertions), needs, sims):
        head = assertions[_canonical(members, sims, assertions)]
        speakers = [assertions[m].speaker for m in members if assertions[m].speaker]
        speaker = max(set(speakers), key=speakers.count) if speakers else None
        article_ids = sorted({assertions[m].article_id for m in members}, key=order.__getitem__)
        variants = list(
            dict.fromkeys(assertions[m].text for m in members if assertions[m].text != head.text)
        )
        claims.append(
            Claim(
                id=stable_id("c", head.article_id, str(head.start), head.text),
                text=head.text,
                speaker=speaker,
                article_ids=article_ids,
                quote_ids=list(dict.fromkeys(q for m in members if (q := assertions[m].quote_id))),
                quantities=head.quantities,
                variants=variants,
            )
        )
    return claims


def outlet_name(article: Article) -> str:
    """The outlet of an article, or its file name (or id) when the outlet is unknown."""
    return str(article.outlet or article.file or article.id)


def build_coverage(story: ParsedStory, claims: list[Claim]) -> list[Coverage]:
    """For each claim, the outlets that carry it and the ones that do not."""
    outlets = list(dict.fromkeys(outlet_name(a) for a in story.articles))
    by_id = {a.id: outlet_name(a) for a in story.articles}
    rows = []
    for claim in claims:
        carrying = list(dict.fromkeys(by_id[i] for i in claim.article_ids if i in by_id))
        rows.append(
            Coverage(
                claim_id=claim.id,
                outlets=carrying,
                missing_from=[o for o in outlets if o not in carrying],
            )
        )
    return rows
