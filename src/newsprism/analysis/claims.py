"""Claims: one assertion each, with who asserts it and every article that carries it.

Assertions (see :mod:`newsprism.analysis.assertions`) are grouped across outlets when they
say the same thing: embedding cosine (MiniLM) above ``settings.claim_match_cosine`` is not
enough on its own, because cosine also matches a claim with its contradiction ("cut its
staff to a few dozen" vs "remained the same" score 0.81). Two wordings join only when their
polarity agrees (negation, denial, no-change statements), their quantities of the same unit
can both be true, and they share a speaker or content (an entity, a number, or very close
wording). The canonical wording is the group's medoid: the variant closest to all others.
"""

from __future__ import annotations

import numpy as np

from newsprism.analysis.assertions import EMBEDDINGS, Assertion, extract_assertions
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.quantities import compatible
from newsprism.config import DEFAULT, Settings
from newsprism.model import Article, Claim, Coverage, Quote, stable_id
from newsprism.nlp.pipeline import ParsedStory

# Wordings this close are one claim even without a shared entity or number.
CLOSE_WORDING = 0.85
# Cosine rates "cut its staff" and "fulfilled its last contract" (same company, same country)
# above true paraphrases, so grouped wordings must also share this much content vocabulary.
MIN_OVERLAP = 0.34


def quantities_agree(a: Assertion, b: Assertion) -> bool:
    """No quantity of one contradicts every same-unit quantity of the other."""
    for qa in a.quantities:
        same = [qb for qb in b.quantities if qb.unit == qa.unit and qa.unit is not None]
        if same and not any(compatible(qa, qb) for qb in same):
            return False
    return True


def same_polarity(a: Assertion, b: Assertion) -> bool:
    return (a.negated, a.denial, a.stability) == (b.negated, b.denial, b.stability)


def can_group(a: Assertion, b: Assertion, cosine: float, threshold: float) -> bool:
    if cosine < threshold or not same_polarity(a, b) or not quantities_agree(a, b):
        return False
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if (a.speaker is None) != (b.speaker is None) and cosine < CLOSE_WORDING:
        return False
    shared_number = {q.value for q in a.quantities if q.value} & {
        q.value for q in b.quantities if q.value
    }
    return bool(shared_number) or lexical_overlap(a, b) >= MIN_OVERLAP or cosine >= CLOSE_WORDING


def lexical_overlap(a: Assertion, b: Assertion) -> float:
    """Shared content words and event families over the smaller side's (Jaccard-like)."""
    wa = (a.lemmas - a.names) | {f"event:{e}" for e in a.events}
    wb = (b.lemmas - b.names) | {f"event:{e}" for e in b.events}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def group_assertions(
    assertions: list[Assertion], vectors: np.ndarray, threshold: float
) -> list[list[int]]:
    """Average-link merging of compatible assertions, most similar pairs first.

    Every cross pair of two groups must be compatible, so a chain A~B~C never joins A with
    a C that contradicts it.
    """
    sims = vectors @ vectors.T if len(assertions) else np.zeros((0, 0))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(assertions))}
    owner = list(range(len(assertions)))
    pairs = sorted(
        (
            (float(sims[i, j]), i, j)
            for i in range(len(assertions))
            for j in range(i + 1, len(assertions))
            if sims[i, j] >= threshold
        ),
        reverse=True,
    )
    for _, i, j in pairs:
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        members_i, members_j = groups[gi], groups[gj]
        if all(
            can_group(assertions[x], assertions[y], float(sims[x, y]), threshold)
            for x in members_i
            for y in members_j
        ):
            groups[gi] = members_i + members_j
            for m in members_j:
                owner[m] = gi
            del groups[gj]
    return sorted(groups.values(), key=min)


def _canonical(members: list[int], sims: np.ndarray, assertions: list[Assertion]) -> int:
    if len(members) == 1:
        return members[0]

    def score(i: int) -> tuple[float, int]:
        mean = float(np.mean([sims[i, j] for j in members if j != i]))
        return (round(mean, 3), -len(assertions[i].text))

    return max(members, key=score)


def build_claims(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex, settings: Settings = DEFAULT
) -> list[Claim]:
    """Group the story's assertions into claims, one per distinct statement and speaker."""
    assertions = extract_assertions(story, quotes, entities)
    vectors = EMBEDDINGS.get([a.text for a in assertions], settings)
    sims = vectors @ vectors.T if assertions else np.zeros((0, 0))
    order = {a.id: n for n, a in enumerate(story.articles)}
    claims: list[Claim] = []
    for members in group_assertions(assertions, vectors, settings.claim_match_cosine):
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
                quote_ids=list(
                    dict.fromkeys(q for m in members if (q := assertions[m].quote_id))
                ),
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
