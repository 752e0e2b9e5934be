"""What the people-facing reports show, computed once from a :class:`Brief`.

Markdown, the HTML file and the web pages all lay out the same things: numbered articles that
every statement cites, quotes grouped by speaker with their renderings across outlets, the
claim x outlet coverage matrix, the timeline, framing per outlet and the cited summary. This
module derives them; the renderers only format. Nothing here escapes text: each renderer
escapes for its own output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet

from newsprism.model import Article, Brief, Claim, Conflict, ConflictSide, Quote, TimelineEvent

# Two outlets' renderings of one speaker's words are shown as variants of one quote when they
# are nearly the same text (rapidfuzz ratio of the normalised words, 0-100), when the shorter
# one is found nearly verbatim inside the other (partial ratio) with all its content words, or
# when they share at least QUOTE_SHARED_WORDS content words making up more than
# QUOTE_SHARED_SHARE of the content words of the quote that has fewer.
QUOTE_SAME_TEXT_RATIO = 90
QUOTE_FRAGMENT_RATIO = 85
QUOTE_SHARED_WORDS = 3
QUOTE_SHARED_SHARE = 0.5

KIND_LABELS: dict[str, str] = {
    "contradiction": "Contradiction",
    "numeric": "Numbers differ",
    "denial": "Denial",
    "quote-variant": "Quote rendered differently",
    "scope-difference": "Different scope",
}

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)

Cell = Literal["carried", "missing", "contradicted"]


def safe_url(url: str | None) -> str | None:
    """The url when it is a plain http(s) address, else ``None`` (never ``javascript:`` etc.)."""
    if not url:
        return None
    url = url.strip()
    if not _SAFE_URL.match(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, plural unless ``n`` is 1: "1 outlet", "2 outlets", "3 stories"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def format_date(value: date | None, precision: str = "day") -> str:
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return value.strftime("%B %Y")
    return value.isoformat()


@dataclass
class Segment:
    """A run of article text; ``quote`` is the 1-based quote number when it is quoted."""

    text: str
    quote: int | None = None


@dataclass
class ArticleView:
    number: int  # what [n] citations point to
    id: str
    outlet: str  # the outlet, or a stand-in that says it is unknown
    outlet_known: bool
    title: str | None
    published: str
    published_source: str | None
    url: str | None  # the original, shown as text
    link: str | None  # only a safe http(s) url
    file: str | None
    language: str
    text: str
    segments: list[Segment]
    removed: list[str]


@dataclass
class SideView:
    speaker: str
    text: str
    refs: list[int]
    claim: int | None  # the 1-based row of its claim in the coverage matrix


@dataclass
class ConflictView:
    id: str
    kind: str
    label: str
    a: SideView
    b: SideView
    explanation: str


@dataclass
class Rendering:
    """One article's rendering of a quote."""

    number: int  # 1-based quote number, the anchor of its highlighted span
    text: str
    kind: str
    cue: str | None
    via: str | None
    source: str | None  # how the text describes a speaker it does not name ("officials")
    outlet: str
    outlet_known: bool
    ref: int


@dataclass
class QuoteGroupView:
    renderings: list[Rendering]

    @property
    def outlets(self) -> list[str]:
        """The outlets carrying the quote; each unknown-outlet article counts as its own."""
        return _unique(_outlet_key(r.outlet, r.outlet_known, r.ref) for r in self.renderings)

    @property
    def differs(self) -> bool:
        return len({_normal(r.text) for r in self.renderings}) > 1


@dataclass
class SpeakerView:
    speaker: str
    description: str | None
    groups: list[QuoteGroupView]

    @property
    def count(self) -> int:
        return sum(len(g.renderings) for g in self.groups)


@dataclass
class ColumnView:
    label: str
    refs: list[int]


@dataclass
class ClaimRow:
    number: int
    id: str
    text: str
    speaker: str | None
    variants: list[str]
    refs: list[int]
    cells: list[Cell]  # one per column
    quantities: list[str]


@dataclass
class TimelineView:
    date: str
    iso: str
    precision: str
    text: str
    basis: str
    refs: list[int]


@dataclass
class FramingItem:
    term: str
    refers_to: str | None
    others_say: list[str]
    refs: list[int]


@dataclass
class FramingOutlet:
    outlet: str
    items: list[FramingItem]


@dataclass
class SummaryView:
    text: str
    refs: list[int]


@dataclass
class BriefView:
    headline: str
    first_seen: str
    last_seen: str
    articles: list[ArticleView]
    conflicts: list[ConflictView]
    speakers: list[SpeakerView]
    columns: list[ColumnView]
    claims: list[ClaimRow]
    timeline: list[TimelineView]
    framing: list[FramingOutlet]
    summary: list[SummaryView]
    outlets: list[str] = field(default_factory=list)

    @property
    def kind_counts(self) -> list[tuple[str, str, int]]:
        counts: dict[str, int] = {}
        for c in self.conflicts:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        return [(k, KIND_LABELS.get(k, k), n) for k, n in counts.items()]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _outlet_key(outlet: str, known: bool, number: int) -> str:
    """An outlet's name, or for an unknown outlet one label per article, so that two articles of
    unknown origin are never counted as one outlet."""
    return outlet if known else f"{outlet} [{number}]"


@cache
def _stop_words() -> frozenset[str]:
    # Imported on first use: importing spaCy takes about a second, which importing the
    # report layer (the web app, the CLI) should not cost when no quotes are grouped.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _content_words(text: str) -> frozenset[str]:
    """The words that carry what was said, lowercased.

    Left out: stop words, one-letter pieces (the "s" of "'s") and words capitalised inside a
    sentence, which are names ("President Nicolas Maduro", "Iran"): every outlet repeats the
    story's names whatever the statement, so sharing them says nothing about the words.
    """
    stop = _stop_words()
    words: set[str] = set()
    sentence_start = True
    for match in re.finditer(r"\w+|[.!?]", text):
        word = match.group()
        if word in ".!?":
            sentence_start = True
            continue
        is_name = not sentence_start and word[0].isupper() and not word.isupper()
        sentence_start = False
        lower = word.lower()
        if len(lower) > 1 and lower not in stop and not is_name:
            words.add(lower)
    return frozenset(words)


@dataclass(frozen=True)
class _Wording:
    """A quote's text as the grouping compares it, computed once per quote."""

    normal: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Wording:
        return cls(_normal(text), _content_words(text))


def _same_words(a: _Wording, b: _Wording) -> bool:
    """Whether two renderings in different articles read as one statement.

    Nearly identical text does; so does a short fragment found nearly verbatim in a longer
    rendering ("it 'very good news'" in "that the move was 'very good news'"). Otherwise they
    must share real content: a token-set ratio alone calls "that it was" the same as any
    quote holding those three words.
    """
    short, long = sorted((a, b), key=lambda w: len(w.normal))
    if fuzz.ratio(short.normal, long.normal) >= QUOTE_SAME_TEXT_RATIO:
        return True
    shared = len(short.words & long.words)
    if (
        shared == len(short.words) >= 2
        and fuzz.partial_ratio(short.normal, long.normal) >= QUOTE_FRAGMENT_RATIO
    ):
        return True
    fewest = min(len(short.words), len(long.words))
    return shared >= QUOTE_SHARED_WORDS and shared > QUOTE_SHARED_SHARE * fewest


def outlet_label(article: Article) -> str | None:
    """The outlet as the article names it, else the host of its url."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    link = safe_url(article.url)
    if link:
        host = urlsplit(link).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _segments(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Segment]:
    """Split ``text`` into plain and quoted runs; overlapping spans keep the earlier one."""
    out: list[Segment] = []
    pos = 0
    for start, end, number in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], number))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


class _Refs:
    def __init__(self, articles: list[ArticleView]) -> None:
        self.number = {a.id: a.number for a in articles}

    def __call__(self, article_ids: Iterable[str]) -> list[int]:
        return sorted({self.number[i] for i in article_ids if i in self.number})


def build_view(brief: Brief, columns_by: Literal["outlet", "article"] = "outlet") -> BriefView:
    """Everything the reports show, with articles numbered in the brief's order.

    ``columns_by``: the coverage matrix has one column per outlet (the reports) or per
    article (the web page's side-by-side view).
    """
    quote_number = {q.id: n for n, q in enumerate(brief.quotes, start=1)}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for q in brief.quotes:
        spans.setdefault(q.article_id, []).append((q.span[0], q.span[1], quote_number[q.id]))

    articles: list[ArticleView] = []
    for n, a in enumerate(brief.articles, start=1):
        label = outlet_label(a)
        articles.append(
            ArticleView(
                number=n,
                id=a.id,
                outlet=label or "Unknown outlet",
                outlet_known=label is not None,
                title=a.title,
                published=format_date(a.published),
                published_source=a.published_source,
                url=a.url,
                link=safe_url(a.url),
                file=a.file,
                language=a.language,
                text=a.text,
                segments=_segments(a.text, spans.get(a.id, [])),
                removed=a.removed,
            )
        )
    refs = _Refs(articles)
    by_id = {a.id: a for a in articles}
    claim_row = {c.id: n for n, c in enumerate(brief.claims, start=1)}
    columns = (
        _columns(articles)
        if columns_by == "outlet"
        else [ColumnView(f"[{a.number}] {a.outlet}", [a.number]) for a in articles]
    )
    return BriefView(
        headline=brief.story.headline,
        first_seen=format_date(brief.story.first_seen),
        last_seen=format_date(brief.story.last_seen),
        articles=articles,
        conflicts=[_conflict(c, refs, claim_row) for c in brief.conflicts],
        speakers=_speakers(brief, by_id, quote_number),
        columns=columns,
        claims=_claim_rows(brief.claims, brief.conflicts, columns, refs),
        timeline=[_timeline(t, refs) for t in sorted(brief.timeline, key=lambda t: t.date)],
        framing=_framing(brief, refs),
        summary=[SummaryView(s.text, refs(s.article_ids)) for s in brief.summary],
        outlets=_unique(c.label for c in _columns(articles)),
    )


def _side(side: ConflictSide, refs: _Refs, claim_row: dict[str, int]) -> SideView:
    return SideView(
        speaker=side.speaker or "Unattributed",
        text=side.text,
        refs=refs(side.article_ids),
        claim=claim_row.get(side.claim_id) if side.claim_id else None,
    )


def _conflict(c: Conflict, refs: _Refs, claim_row: dict[str, int]) -> ConflictView:
    return ConflictView(
        id=c.id,
        kind=c.kind,
        label=KIND_LABELS.get(c.kind, c.kind),
        a=_side(c.a, refs, claim_row),
        b=_side(c.b, refs, claim_row),
        explanation=c.explanation,
    )


def _side_quote(side: ConflictSide, quotes: list[Quote]) -> str | None:
    """The quote a conflict side stands for: same speaker, one of its articles, same words."""
    best, best_score = None, 0.0
    for q in quotes:
        if q.speaker != side.speaker or q.article_id not in side.article_ids:
            continue
        score = fuzz.partial_ratio(_normal(side.text), _normal(q.text))
        if score > best_score:
            best, best_score = q.id, score
    return best if best_score >= 80 else None


def _speakers(
    brief: Brief, articles: dict[str, ArticleView], quote_number: dict[str, int]
) -> list[SpeakerView]:
    """Quotes by speaker; within a speaker, renderings of one statement grouped together.

    Renderings are one statement when one claim holds both, when a quote-variant conflict
    pairs them, when their words are the same, or when a named speaker's quotes in two
    different articles read alike (:func:`_same_words`). Two quotes of one article are two
    statements, and unattributed quotes share no speaker to tie them.
    """
    group_key: dict[str, str] = {}
    for c in brief.claims:
        for qid in c.quote_ids:
            group_key.setdefault(qid, c.id)
    paired: set[frozenset[str]] = set()
    for conflict in brief.conflicts:
        if conflict.kind == "quote-variant":
            qa = _side_quote(conflict.a, brief.quotes)
            qb = _side_quote(conflict.b, brief.quotes)
            if qa and qb and qa != qb:
                paired.add(frozenset((qa, qb)))
    by_speaker: dict[str, list[Quote]] = {}
    for q in brief.quotes:
        if q.article_id in articles:
            by_speaker.setdefault(q.speaker or "", []).append(q)

    roles = {e.name: e.description for e in brief.entities if e.description}

    wording = {q.id: _Wording.of(q.text) for q in brief.quotes}

    def same_statement(qi: Quote, qj: Quote) -> bool:
        key = group_key.get(qi.id)
        wi, wj = wording[qi.id], wording[qj.id]
        return (
            (key is not None and key == group_key.get(qj.id))
            or frozenset((qi.id, qj.id)) in paired
            or wi.normal == wj.normal
            or (qi.speaker is not None and qi.article_id != qj.article_id and _same_words(wi, wj))
        )

    speakers: list[SpeakerView] = []
    for speaker, items in by_speaker.items():
        groups = _statements(items, same_statement, [wording[q.id].normal for q in items])
        views = [
            QuoteGroupView(
                [
                    Rendering(
                        number=quote_number[q.id],
                        text=q.text,
                        kind=q.kind,
                        cue=q.cue,
                        via=q.via,
                        source=q.speaker_description if q.speaker is None else None,
                        outlet=articles[q.article_id].outlet,
                        outlet_known=articles[q.article_id].outlet_known,
                        ref=articles[q.article_id].number,
                    )
                    for q in _once_per_article(group, wording, articles)
                ]
            )
            for group in groups
        ]
        # Statements carried by several outlets first: they are where renderings can differ.
        views.sort(key=lambda g: -len(g.outlets))
        description = (
            roles.get(speaker)
            or next((q.speaker_description for q in items if q.speaker_description), None)
            if speaker
            else None  # unnamed speakers are described one quote at a time
        )
        speakers.append(SpeakerView(speaker or "Unattributed", description, views))
    speakers.sort(key=lambda s: (s.speaker == "Unattributed", -s.count, s.speaker.lower()))
    return speakers


def _once_per_article(
    group: list[Quote], wording: dict[str, _Wording], articles: dict[str, ArticleView]
) -> list[Quote]:
    """The group's quotes in article order, a page that repeats a paragraph rendered once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for q in sorted(group, key=lambda q: articles[q.article_id].number):
        key = (q.article_id, wording[q.id].normal)
        if key not in seen:
            seen.add(key)
            kept.append(q)
    return kept


def _statements(
    items: list[Quote], linked: Callable[[Quote, Quote], bool], normal: list[str]
) -> list[list[Quote]]:
    """Groups of ``items`` joined by ``linked``, closest wordings (``normal``, each item's
    normalised text) first, in first-seen order.

    A group never takes two differently worded quotes from one article: a chain of links across
    outlets (A in one article like B in another, B like C back in the first) would otherwise
    make two things one article says into one statement.
    """
    links = sorted(
        (
            (i, j)
            for i in range(len(items))
            for j in range(i + 1, len(items))
            if linked(items[i], items[j])
        ),
        key=lambda pair: -fuzz.ratio(normal[pair[0]], normal[pair[1]]),
    )
    groups = DisjointSet(range(len(items)))
    # Each group's one wording per article, kept at the group's root.
    wordings = {i: {q.article_id: normal[i]} for i, q in enumerate(items)}
    for i, j in links:
        a, b = groups[i], groups[j]
        if a == b or any(
            wordings[a][k] != wordings[b][k] for k in wordings[a].keys() & wordings[b]
        ):
            continue
        groups.merge(a, b)
        wordings[groups[a]] = {**wordings.pop(a), **wordings.pop(b)}
    by_root: dict[int, list[Quote]] = {}
    for i, q in enumerate(items):
        by_root.setdefault(groups[i], []).append(q)
    return list(by_root.values())


def _columns(articles: list[ArticleView]) -> list[ColumnView]:
    """One column per outlet; articles of an unknown outlet each get their own column."""
    columns: dict[str, ColumnView] = {}
    for a in articles:
        key = _outlet_key(a.outlet, a.outlet_known, a.number)
        columns.setdefault(key, ColumnView(key, [])).refs.append(a.number)
    return list(columns.values())


def _claim_rows(
    claims: list[Claim], conflicts: list[Conflict], columns: list[ColumnView], refs: _Refs
) -> list[ClaimRow]:
    """Each claim against each outlet: carried, missing, or carrying the opposing claim."""
    opposed: dict[str, set[str]] = {}
    for c in conflicts:
        if c.kind == "scope-difference":
            continue
        a_ids = set(c.b.article_ids) - set(c.a.article_ids)
        b_ids = set(c.a.article_ids) - set(c.b.article_ids)
        if c.a.claim_id:
            opposed.setdefault(c.a.claim_id, set()).update(a_ids)
        if c.b.claim_id:
            opposed.setdefault(c.b.claim_id, set()).update(b_ids)
    rows: list[ClaimRow] = []
    for n, claim in enumerate(claims, start=1):
        carried = set(refs(claim.article_ids))
        against = set(refs(opposed.get(claim.id, ())))
        cells: list[Cell] = []
        for col in columns:
            if carried & set(col.refs):
                cells.append("carried")
            elif against & set(col.refs):
                cells.append("contradicted")
            else:
                cells.append("missing")
        rows.append(
            ClaimRow(
                number=n,
                id=claim.id,
                text=claim.text,
                speaker=claim.speaker,
                variants=[v for v in claim.variants if v != claim.text],
                refs=sorted(carried),
                cells=cells,
                quantities=[q.text for q in claim.quantities],
            )
        )
    return rows


def _timeline(t: TimelineEvent, refs: _Refs) -> TimelineView:
    return TimelineView(
        date=format_date(t.date, t.precision),
        iso=t.date.isoformat(),
        precision=t.precision,
        text=t.text,
        basis=t.basis,
        refs=refs(t.article_ids),
    )


def _framing(brief: Brief, refs: _Refs) -> list[FramingOutlet]:
    outlets: dict[str, FramingOutlet] = {}
    for f in brief.framing:
        outlets.setdefault(f.outlet, FramingOutlet(f.outlet, [])).items.append(
            FramingItem(f.term, f.refers_to, list(f.others_say), refs(f.article_ids))
        )
    return list(outlets.values())
