"""Quotes with their speakers: direct, indirect and mixed, found from the dependency parse.

Each cue (a reporting verb or "according to") gives a speaker (its subject, or the object of
"quoted him as saying") and a content (an adjacent quotation, or the reported clause). The
speaker is resolved to a story entity: names directly, pronouns and definite descriptions ("the
corporation", "the deputy foreign minister") to the entity they refer back to, unnamed sources
("a person close to the ministry") to the outlet that relays them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsprism.analysis.cues import (
    APPEARANCE_LEMMAS,
    ATTITUDE_ADJECTIVES,
    CLAUSE_CUE_LEMMAS,
    CUE_LEMMAS,
    EVIDENCE_LEMMAS,
    INTENTION_LEMMAS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    NO_OBJECT_LEMMAS,
    NOUN_CUE_LEMMAS,
    OTHER_PARTY_NOUNS,
    OTHER_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_CUE_NOUNS,
    PREP_CUE_LEMMAS,
    QUOTE_ONLY_LEMMAS,
    RELATIVE_PRONOUNS,
    RELAY_LEMMAS,
    REPORT_NOUNS,
    SOURCE_NOUNS,
    STANCE_ADJECTIVES,
    STANCE_LEMMAS,
    UNNAMED_SOURCE_NOUNS,
)
from newsprism.analysis.entities import ORG_NOUNS, TITLE_WORDS, EntityIndex, fold
from newsprism.model import Entity, Quote, QuoteKind, stable_id
from newsprism.nlp.pipeline import CLAUSE_SUBJECT_DEPS, ParsedStory

_OPENING = "“„«"
_CLOSING = "”»"
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A direct quote and its cue are at most this far apart ('"...," the press service of X stated').
_MAX_CUE_GAP = 120
_MIN_DIRECT_WORDS = 3
# Prepositions after a cue that introduce what was said: "talked about", "warned of".
_ABOUT_PREPS = frozenset({"about", "of", "on", "over", "for", "against", "as"})
_CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORDINAL", "CARDINAL"})
_MEDIA_PLACES = frozenset(
    {"twitter", "facebook", "tv", "television", "radio", "air", "camera"}
    | {"show", "program", "programme", "channel", "network", "broadcast", "podcast"}
)
# The terms a source speaks on: "spoke on (the) condition of anonymity", "on background".
_TERMS = frozenset({"condition", "background"})
_UNNAMED_MARKERS = re.compile(
    r"\b(close to|familiar with|knowledge of|unnamed|anonymous|anonymity|briefed on)\b", re.I
)
# A paragraph that opens with a short name and a colon: "Pence: ...", "TRUMP: ...".
_COLON_LINE = re.compile(r"(?m)^[ \t\"“]*(?P<name>[^:\n\"“”]{2,60}?):[ \t]+(?P<content>[^\n]+)")
# A paragraph that is a quotation signed with a dash and a name: '"...” ― Jane Doe',
# '"..." -- John Smith, 25, a student'.
_DASH_SIGNED = re.compile(
    r"(?m)^[^\S\n]*[\"“„](?P<content>[^\n]+)[\"“”][^\S\n]*(?:―|—|–|--)[^\S\n]*"
    r"(?P<name>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,4})[^\S\n]*(?:[,.;][^\n]{0,80})?$"
)
_NOT_SPEAKERS = frozenset(
    {
        "update",
        "note",
        "editors note",
        "related",
        "watch",
        "correction",
        "breaking",
        "photo",
        "video",
        "source",
        "read more",
        "full text",
    }
)
# Things something can be "in" that speak for it: "in a CNN poll", "in a statement".
_IN_SOURCES = frozenset(
    {
        "poll",
        "survey",
        "statement",
        "interview",
        "study",
        "report",
        "letter",
        "memo",
        "op-ed",
        "editorial",
        "tweet",
        "speech",
        "ad",
        "filing",
    }
)
# Subordinators of a clause that sets the scene rather than being what was said.
_ADVERBIAL_MARKS = frozenset(
    {
        "after",
        "before",
        "when",
        "while",
        "because",
        "since",
        "although",
        "though",
        "until",
        "once",
        "as",
        "if",
        "unless",
        "whereas",
    }
)
# Prepositions that take what was said after particular cues: "pointed to", "hinted at".
_CUE_PREPS: dict[str, set[str]] = {
    "point": {"to"},
    "refer": {"to"},
    "allude": {"to"},
    "hint": {"at"},
    "object": {"to"},
    "appeal": {"to"},
    "agree": {"with"},
    "disagree": {"with"},
    "side": {"with"},
}
# Words left in lower case in a Title-Cased name ("A Time for Truth").
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with", "from"}
)
# Cues that say nothing of their own through their object ("told reporters") except an
# instruction: "told residents not to drink the water".
_DIRECTIVES = frozenset({"tell", "ask"})
_INDEFINITE_PRONOUNS = frozenset(
    {"some", "many", "most", "others", "few", "several", "both", "all", "none", "nobody"}
    | {"someone", "somebody", "anyone", "anybody", "everyone", "everybody"}
)
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_CUE_AFTER = re.compile(
    r"[,\s]*(?:[\w.’'-]+\s+){0,3}(?:said|says|say|added|asked|replied|wrote|states|stated)\b"
)
# Stances a subject receives from a source: "drew criticism from X", "faced opposition from X".
_RECEIVED_STANCES = frozenset(
    {
        "criticism",
        "opposition",
        "praise",
        "fire",
        "scrutiny",
        "condemnation",
        "rebuke",
        "backlash",
        "ridicule",
        "endorsement",
        "support",
        "backing",
    }
)
_RECEIVING_VERBS = frozenset(
    {"draw", "face", "receive", "get", "attract", "earn", "win", "come", "spark", "provoke"}
)
# Adverbs by which a writer passes on what others say: "the FBI is reportedly ...".
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})
# Prepositions that take what a feeling is about: "worried about", "proud of", "angry at".
_FELT_PREPS = frozenset({"about", "of", "over", "with", "at", "by", "in", "toward", "towards"})
# ... and those an attitude takes as well: "sympathetic to free trade", "enthusiastic for".
# Not for every stance: "made it clear to the jury" says to whom, not about what.
_ATTITUDE_PREPS = frozenset({"to", "for"})
# Verbs by which a subject has a stance that others hold: "enjoys the support of X".
_HAVING_VERBS = frozenset(
    {"have", "enjoy", "hold", "keep", "need", "lack", "lose", "gain", "secure", "garner", "court"}
)
# Nouns that take a that-clause of their own ("the fact that ...", "news that ..."): a clause
# on one of them under a cue's preposition is not what the cue said.
_COMPLEMENT_NOUNS = frozenset(
    {
        "fact",
        "idea",
        "news",
        "notion",
        "possibility",
        "evidence",
        "sign",
        "chance",
        "rumor",
        "rumour",
        "impression",
        "sense",
        "word",
        "point",
        "reason",
        "conclusion",
        "proof",
        "hope",
    }
)
# Cues whose object is the one spoken to ("told reporters"), not what was said.
_ADDRESSED_CUES = frozenset({"tell", "inform", "assure", "remind", "warn", "brief"})
_NOUN_CUES = NOUN_CUE_LEMMAS | set(POSSESSIVE_CUE_NOUNS) | _RECEIVED_STANCES
# "in his view", "in my opinion", "in the eyes of X": whose view a sentence gives.
_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "eyes", "eye"})
_QUESTIONS = frozenset({"ask", "wonder", "question", "inquire", "query"})
_IF_WHETHER = frozenset({"if", "whether"})
# Tags of the words that open an embedded question: "what", "which", "who", "whose", "why".
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_SENTENCE_PUNCT = re.compile(r"[.!?]\s|\n")
_THAT_CLAUSE = re.compile(r"(that|whether)\s")
_SENTENCE_STOP = re.compile(r"[.!?\n]")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_ASIDE_DASHES = frozenset({"—", "–", "--", "―"})
_ASIDE_MARKS = _ASIDE_DASHES | {",", ";"}


@dataclass(frozen=True)
class QuoteMarks:
    """A stretch of text between quotation marks (``start``/``end``: the content inside)."""

    open: int
    close: int  # index of the closing mark, or the paragraph end when unpaired
    start: int
    end: int
    paired: bool

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Double-quoted stretches, curly or straight; an unclosed quote runs to its paragraph end.

    Typewriter doubles (two apostrophes, two backticks: the New York Times archive style) count
    as a double quote. Single quotes count only in a text that has no double ones (see
    ``single_quote_marks``): elsewhere they are scare quotes ('interim president') or
    apostrophes far more often than quotations.
    """
    text = double_quotes(text)
    if not _DOUBLE_MARKS.search(text):
        return single_quote_marks(text)
    found: list[QuoteMarks] = []
    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(paragraph):
            pos = offset + i
            if ch in _OPENING or (ch == '"' and opened is None):
                if opened is not None:  # a new quote opens before the last one closed
                    found.append(_marks(text, opened, pos, paired=False))
                opened = pos
            elif ch in _CLOSING or ch == '"':
                if opened is not None:
                    found.append(_marks(text, opened, pos, paired=True))
                    opened = None
                elif ch in _CLOSING and found and not found[-1].paired:
                    # a quote carried over from the paragraph before closes here
                    found.append(_marks(text, offset - 1, pos, paired=True))
        if opened is not None:
            found.append(_marks(text, opened, offset + len(paragraph), paired=False))
        offset += len(paragraph) + 1
    return [q for q in found if q.end > q.start]


_DOUBLE_MARKS = re.compile(r'["“”„«»]')
_SINGLE_OPENING_AFTER = "([—–-:"
_SINGLE_CLOSING_BEFORE = ",;:.!?)—–"


def single_quote_marks(text: str) -> list[QuoteMarks]:
    """Single-quoted speech, as British and Australian papers print it ('It started off as a
    joke,' he said).

    The same mark is the apostrophe ("We're", "the boys' song"), so a stretch opens at a
    paragraph's start or after a space, before a letter or digit, and closes before a space
    or punctuation, but not after an "s" unless punctuation is next to the mark. A stretch
    left open mid-paragraph was an apostrophe or a scare quote and is dropped; one that opens
    its paragraph or a sentence runs to the paragraph's end, as a quotation carried on to the
    next paragraph does.
    """
    found: list[QuoteMarks] = []
    offset = 0
    for paragraph in text.split("\n"):
        start_at = len(paragraph) - len(paragraph.lstrip())
        opened: int | None = None
        for i, ch in enumerate(paragraph):
            if ch not in "‘’'":
                continue
            before = paragraph[i - 1] if i else ""
            after = paragraph[i + 1] if i + 1 < len(paragraph) else ""
            opens = (
                ch != "’"
                and (i == start_at or before.isspace() or before in _SINGLE_OPENING_AFTER)
                and after.isalnum()
            )
            if opens and opened != start_at:
                opened = i  # an earlier mark left open mid-paragraph was no quotation
                continue
            closes = (
                ch != "‘"
                and opened is not None
                and before != ""
                and not before.isspace()
                # "the boys' meal": after an s, a mark before a space is an apostrophe
                and (
                    before in ",.!?"
                    or after == ""
                    or after in _SINGLE_CLOSING_BEFORE
                    or before != "s"
                )
                and (after == "" or after.isspace() or after in _SINGLE_CLOSING_BEFORE)
            )
            if closes and opened is not None:
                found.append(_marks(text, offset + opened, offset + i, paired=True))
                opened = None
        if opened is not None and (opened == start_at or paragraph[:opened].rstrip()[-1:] in ".!?"):
            found.append(_marks(text, offset + opened, offset + len(paragraph), paired=False))
        offset += len(paragraph) + 1
    return [q for q in found if q.end > q.start]


def double_quotes(text: str) -> str:
    """The text with two-character quotation marks as one mark and a space (same length)."""
    if "''" not in text and "``" not in text:
        return text
    return text.replace("``", " “").replace("''", ' "')


def _marks(text: str, open_pos: int, close_pos: int, paired: bool) -> QuoteMarks:
    start, end = _trim(text, open_pos + 1, close_pos)
    return QuoteMarks(open_pos, close_pos, start, end, paired)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words within ``start:end``, less the spaces and the comma around them."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


@dataclass
class Speaker:
    entity: Entity | None
    description: str | None
    span: tuple[int, int] | None
    via: str | None = None


@dataclass
class _Candidate:
    cue: Token
    cue_text: str
    speaker: Speaker
    start: int
    end: int
    kind: QuoteKind
    rule: str
    priority: int


@dataclass
class _ArticleState:
    """What the article has said so far, for pronouns, definite descriptions and relays."""

    salient: list[tuple[int, Entity]] = field(default_factory=list)  # (char, entity) subjects
    speakers: list[tuple[int, Entity, str]] = field(default_factory=list)  # (char, entity, head)
    relays: list[tuple[int, Entity]] = field(default_factory=list)  # outlets relaying a source


class _ArticleQuotes:
    def __init__(self, article_id: str, doc: Doc, entities: EntityIndex) -> None:
        self.article_id = article_id
        self.doc = doc
        self.text = doc.text
        self.qtext = double_quotes(self.text)  # for checks on quotation marks
        self.entities = entities
        self.marks = [q for q in find_quote_marks(self.text) if not self.is_title(q)]
        self.state = _ArticleState()
        self.mentions = entities.mentions_in(article_id)

    def is_title(self, q: QuoteMarks) -> bool:
        """ "Fox News Sunday", "A Time for Truth": a Title-Cased name of a show or book in
        running text, not words anyone said."""
        words = re.findall(r"[\w'’-]+", self.text[q.start : q.end])
        if not 2 <= len(words) <= 10:
            return False
        if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
            return False
        if not words[0][:1].isupper() or words[0] == "I":
            return False
        if self.text[q.start : q.end].rstrip()[-1:] in "?!" or _CUE_AFTER.match(
            self.qtext, q.close + 1
        ):
            return False  # '"Your Honor," I said': a form of address, said
        start = self.text.rfind("\n", 0, q.open) + 1
        end = _find_or_end(self.text, "\n", q.close)
        around = re.findall(r"[A-Za-z]+", self.text[start : q.open] + self.text[q.close + 1 : end])
        lower = sum(w[0].islower() for w in around)
        return lower >= 3 and lower >= len(around) / 2  # running text, not a headline

    # -- speakers ---------------------------------------------------------------------------

    def entity_on(self, tok: Token) -> Entity | None:
        start, end = tok.idx, tok.idx + len(tok.text)
        for s, e, entity in self.mentions:
            if s < end and start < e:
                return entity
            if s >= end:
                break
        return None

    def entity_in(self, tokens: list[Token], types: tuple[str, ...]) -> Entity | None:
        for tok in tokens:
            entity = self.entity_on(tok)
            if entity is not None and entity.type in types:
                return entity
        return None

    def np_span(self, tok: Token) -> tuple[int, int]:
        words = [t for t in tok.subtree if not t.is_punct or t.i == tok.i]
        # stop at a relative clause or a comma-separated aside
        cut = [t for t in words if t.i > tok.i and t.dep_ in {"relcl", "acl"} and t.head == tok]
        last = min((c.left_edge.i for c in cut), default=words[-1].i + 1) - 1
        words = [t for t in words if t.i <= max(last, tok.i)]
        return words[0].idx, words[-1].idx + len(words[-1].text)

    def resolve(self, tok: Token) -> Speaker:
        """The entity (or unnamed source) that a subject or object token stands for."""
        span = self.np_span(tok)
        np_text = self.text[span[0] : span[1]]
        low = tok.lower_
        if low in _FIRST_PERSON and tok.pos_ == "PRON" and self.quoted(tok) is None:
            # "as I noted", "we reported" outside quotation marks: the writer speaks, not the
            # last person the text named ("the US" is no "us")
            return Speaker(None, "the author", span)
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            # "Giuliani, who is vowing to ...": the noun it stands for, mentioned as "who"
            noun = self.resolve(tok.head.head)
            return Speaker(noun.entity, noun.description, span)
        if low in _INDEFINITE_PRONOUNS:
            return Speaker(None, np_text, span)  # "some speculated": people the text leaves unnamed
        if low == "they" and (group := self.group_speaking_before(tok)) is not None:
            # "The chairmen said ... . '...,' they said": the group, still unnamed
            return Speaker(None, self.text[slice(*self.np_span(group))], span)
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | OTHER_PRONOUNS:
            entity = self.antecedent(tok)
            return Speaker(entity, entity.description if entity else None, span)
        entity = self.entity_on(tok)
        if entity is not None and entity.type not in {"DATE", "CARDINAL"}:
            return Speaker(entity, entity.description, span)
        speaker = self.described(tok, span)
        plural = tok.tag_ == "NNS" and not (tok.is_title and tok.i > tok.sent.start)
        if plural and speaker.entity is not None and speaker.entity.type == "PERSON":
            # "Four U.S. intelligence agencies", "supporters of Sen. Bernie Sanders": a group
            # that no one person named in or before it speaks for ("Cummings", capitalised
            # mid-sentence, is a name the tagger took for a plural)
            return Speaker(None, np_text, span)
        return speaker

    def described(self, tok: Token, span: tuple[int, int]) -> Speaker:
        """The entity (or unnamed source) that a noun phrase with no name of its own stands for."""
        np_text = self.text[span[0] : span[1]]
        low = tok.lower_
        # the noun phrase itself, without the clause that may hang on it ("headlines suggesting")
        subtree = [t for t in tok.subtree if span[0] <= t.idx < span[1]]
        lemma = _lemma(tok)
        if low in TITLE_WORDS or lemma in TITLE_WORDS:
            # "Trump's campaign manager Brad Parscale" is Parscale, not the title's owner
            owned = {t.i for c in tok.children if c.dep_ in {"poss", "prep"} for t in c.subtree}
            holder = [t for t in subtree if t.i not in owned]
            person = (
                self.entity_in(holder, ("PERSON",))
                or self.by_role(tok, subtree)
                or self.entity_in(subtree, ("PERSON",))
            )
            if person is not None:
                return Speaker(person, np_text, span)
        for child in tok.children:  # "Russia's exporter, Rosoboronexport," said
            if child.dep_ == "appos":
                named = self.entity_on(child)
                if named is not None and named.type not in {"GPE", "NORP"}:
                    return Speaker(named, np_text, span)
        if lemma in OTHER_PARTY_NOUNS:
            return Speaker(None, np_text, span)  # "Trump's critics", "ISIS supporters"
        owner = self.owner(tok)  # "Rostec's press service", "the press service of Rostec"
        if owner is not None:
            return Speaker(owner, np_text, span)
        if lemma in UNNAMED_SOURCE_NOUNS or low in UNNAMED_SOURCE_NOUNS:
            # "a person close to the ministry" speaks through the outlet that relays them;
            # "Russian officials" are a group speaking for itself, unnamed
            relayed = lemma == "source" or _UNNAMED_MARKERS.search(np_text) is not None
            return Speaker(self.relay_before(tok.idx) if relayed else None, np_text, span)
        modifiers = [t for c in tok.children if c.dep_ in {"compound", "nmod"} for t in c.subtree]
        named = self.entity_in(modifiers, ("ORG", "PERSON"))  # "RIA Novosti news agency"
        if named is not None:
            return Speaker(named, np_text, span)
        definite = any(c.lower_ in {"the", "that", "this"} for c in tok.children)
        if tok.tag_ != "NNS" and (definite or lemma in ORG_NOUNS | MEDIA_NOUNS):
            # "the agency", "the committee"; "the agencies" are several, none of them named
            referent = self.definite_referent(tok, subtree)
            if referent is not None and _name_agrees(tok, subtree, referent):
                return Speaker(referent, np_text, span)
        inside = self.entity_in(subtree, ("PERSON", "ORG"))
        if inside is not None:
            return Speaker(inside, np_text, span)
        known = self.entities.find(np_text)  # a name the model did not tag here
        if known is not None:
            return Speaker(known, known.description, span)
        return Speaker(None, np_text, span)

    def relay_before(self, char: int) -> Entity | None:
        """The outlet whose report the article is relaying at this point, if any."""
        relays = [e for c, e in self.state.relays if c < char]
        if relays:
            return relays[-1]
        media = [e for s, _, e in self.mentions if s < char and _is_media(e)]
        return media[-1] if media else None

    def owner(self, tok: Token) -> Entity | None:
        heads = [tok]
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                heads += [g for g in child.children if g.dep_ == "pobj"]
        for head in heads:
            for child in head.children:
                if child.dep_ == "poss" or (head is not tok and child.i == head.i):
                    named = self.entity_on(child)
                    if named is not None and named.type in {"ORG", "PERSON"}:
                        return named
            if head is not tok:
                named = self.entity_on(head)
                if named is not None and named.type in {"ORG", "PERSON"}:
                    return named
        return None

    def by_role(self, tok: Token, subtree: list[Token]) -> Entity | None:
        """ "the deputy foreign minister" -> the person described so, nearest in the article."""
        candidates = [e for e in self.entities.with_role(tok.lemma_) if e.type == "PERSON"]
        if not candidates:
            candidates = [e for e in self.entities.with_role(tok.lower_) if e.type == "PERSON"]
        if not candidates:
            return None
        words = {fold(t.text) for t in subtree if not t.is_punct}
        before = {e.id: s for s, _, e in self.mentions if s < tok.idx}

        def described(entity: Entity) -> set[str]:
            return {
                w for d in self.entities.descriptions.get(entity.id, []) for w in fold(d).split()
            }

        # "the head of Yugoslavia's other republic, Montenegro" says whose head: a head of
        # the International Crisis Group named before is someone else
        qualifiers = {
            fold(t.text)
            for c in tok.children
            if c.dep_ in ("poss", "appos") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "at"))
            for t in c.subtree
            if t.is_alpha and not t.is_stop
        }
        if qualifiers:
            candidates = [
                e
                for e in candidates
                if any(_same_stem(q, w) for q in qualifiers for w in described(e))
            ]
            if not candidates:
                return None

        def score(entity: Entity) -> tuple[int, int, int]:
            return (len(words & described(entity)), entity.id in before, before.get(entity.id, -1))

        return max(candidates, key=score)

    def definite_referent(self, tok: Token, subtree: list[Token]) -> Entity | None:
        lemma = _lemma(tok)
        named = next(
            ((p, e) for p, e, head in reversed(self.state.speakers) if head == lemma), None
        )
        if lemma in MEDIA_NOUNS:
            # "According to Snopes.com, ... 'Ever,' the site says": the outlet that spoke
            # last, even when another was called "the site" before
            media = next(
                ((p, e) for p, e, _ in reversed(self.state.speakers) if _is_media(e)), None
            )
            if media is not None and (named is None or media[0] > named[0]):
                return media[1]
        if named is not None:
            return named[1]
        described = [e for e in self.entities.with_role(lemma) if e.type != "GPE"]
        if described:
            before = {e.id: s for s, _, e in self.mentions if s < tok.idx}
            return max(described, key=lambda e: before.get(e.id, -1))
        if lemma in MEDIA_NOUNS or lemma in REPORT_NOUNS:
            return self.relay_before(tok.idx)
        if lemma in ORG_NOUNS:
            orgs = [(s, e) for s, _, e in self.mentions if e.type == "ORG" and not _is_media(e)]
            # "the party": the Democratic Party the article names, before or (in a subtitle)
            # after; else the organisation it named last
            called = [
                (tok.idx < s, abs(s - tok.idx), e) for s, e in orgs if lemma in fold(e.name).split()
            ]
            if called:
                return min(called, key=lambda c: c[:2])[2]
            # else the organisation the article has named most so far ("the company" is
            # Comcast, not the Tor browser named once in passing), the latest on a tie
            earlier = [e for s, e in orgs if s < tok.idx]
            if not earlier:
                return None
            counts = Counter(e.id for e in earlier)
            return max(reversed(earlier), key=lambda e: counts[e.id])
        return None

    def group_speaking_before(self, tok: Token) -> Token | None:
        """The unnamed plural subject ("the chairmen") of the nearest cue before ``tok``, within
        the two sentences before its own; None when that cue's subject is anyone else."""
        sentences = list(self.doc.sents)
        own = next(k for k, sent in enumerate(sentences) if sent.start <= tok.i < sent.end)
        start = sentences[max(0, own - 2)].start
        for i in range(tok.i - 1, start - 1, -1):
            verb = self.doc[i]
            if verb.pos_ != "VERB" or _lemma(verb) not in CUE_LEMMAS:
                continue
            if verb.dep_ == "ccomp" and _lemma(verb.head) in CUE_LEMMAS:
                continue  # a cue inside what was said: "said the memos underscore that ..."
            subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is None:
                continue
            unnamed = subject.tag_ == "NNS" and not subject.ent_type_
            return subject if unnamed and self.entity_on(subject) is None else None
        return None

    def antecedent(self, tok: Token) -> Entity | None:
        low = tok.lower_
        prior = sorted(((c, e) for c, e in self.state.salient if c < tok.idx), key=lambda p: p[0])
        if not prior:
            return None
        last_speaker = self.state.speakers[-1][1] if self.state.speakers else None
        if low in PERSON_PRONOUNS:
            for _, entity in reversed(prior):
                if entity.type == "PERSON" or entity is last_speaker:
                    return entity
            return None
        for _, entity in reversed(prior):  # "it", "they": never one person
            if entity.type in {"ORG", "GPE", "NORP"} or (
                entity is last_speaker and entity.type != "PERSON"
            ):
                return entity
        return None

    # -- cues -------------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        subjects = [
            s
            for c in verb.children
            if c.dep_ in _SUBJECT_DEPS
            for s in [self.unquoted_subject(c, verb)]
            if s is not None
        ]
        if subjects:  # "MOSCOW (Sputnik): ... The Wall Street Journal reported": the nearest
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ == "conj" and _lemma(verb) in CUE_LEMMAS:
            # "X said that Y had erred, and noted that ...": it is X who notes, whatever verb
            # the parse hangs "noted" on; the nearest reporting verb before it in its paragraph
            previous = self.previous_cue(verb)
            if previous is not None:
                return self.subject_of(previous)
        if verb.dep_ in {"conj", "xcomp", "advcl", "acomp"} and verb.head.i != verb.i:
            return self.subject_of(verb.head)  # "X was quick to point out that ..."
        if (
            verb.dep_ == "pcomp"
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_
            in {
                "VERB",
                "AUX",
            }
        ):
            return self.subject_of(verb.head.head)  # "X landed in hot water by saying ..."
        return self.subject_in_opening_phrase(verb)

    def subject_in_opening_phrase(self, verb: Token) -> Token | None:
        """ "In an interview with CNN Trump said that ...": with no comma after the opening
        phrase the parse takes the name right before the cue into the phrase; the person or
        organisation named there, last in the phrase, is the subject."""
        before = verb.i - 1
        if before <= verb.sent.start or verb.dep_ != "ROOT":
            return None
        entity = self.entity_on(self.doc[before])
        token = self.doc[before]
        if entity is None or entity.type not in {"PERSON", "ORG"} or token.pos_ != "PROPN":
            return None
        opening = next(
            (c for c in verb.children if c.dep_ == "prep" and c.i < before <= c.right_edge.i),
            None,
        )
        if opening is None or opening.right_edge.i != before:
            return None
        return token

    def previous_cue(self, verb: Token) -> Token | None:
        for i in range(verb.i - 1, verb.sent.start - 1, -1):
            tok = self.doc[i]
            if "\n" in tok.text_with_ws:
                return None
            if tok.pos_ == "VERB" and _lemma(tok) in CUE_LEMMAS:
                if (
                    tok.dep_ == "ccomp"
                    and _lemma(tok.head) in CUE_LEMMAS
                    and not _same_verb_form(tok, verb)
                ):
                    # "X said the DNC was seeking publicity and defended ...": "defended" is no
                    # form "was" takes, so it is X's second act; "Comey wrote that Trump had
                    # called him and pressed ..." keeps Trump as the one who pressed
                    continue
                if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
                    return tok
                if tok.dep_ != "conj":
                    return None
        return None

    def adjacent_quote(self, verb: Token, subject: Token | None) -> QuoteMarks | None:
        """A quotation right before or after the cue clause."""
        clause = [verb, *(subject.subtree if subject is not None else [])]
        left = min(t.idx for t in clause)
        right = max(t.idx + len(t.text) for t in clause)
        best: QuoteMarks | None = None
        # 'X called the program "worse than amnesty."': a quotation that closed its sentence
        # before the cue is not this cue's when the cue has content of its own
        own_content = _lemma(verb) not in NO_OBJECT_LEMMAS and any(
            c.i > verb.i and c.dep_ in {"dobj", "ccomp", "oprd", "xcomp"} for c in verb.children
        )
        for q in self.marks:
            if q.words(self.text) < _MIN_DIRECT_WORDS and not self.utterance(q):
                continue
            if q.close < left and left - q.close <= _MAX_CUE_GAP:
                gap = self.qtext[q.close + 1 : left]
                closed = self.text[q.start : q.end].rstrip()[-1:] in ".!"
                if closed and (own_content or any(c.dep_ == "neg" for c in verb.children)):
                    continue
                if not _SENTENCE_PUNCT.search(gap + " ") and (
                    not re.search(r'["“”\w]', gap) or self.reports_this_cue(verb, q.close, left)
                ):
                    best = q  # not '"can be good" because the campaign can now counter'
            elif q.open >= right and q.open - right <= 60:
                gap = self.qtext[right : q.open]
                tail = gap.rstrip()
                rest = self.qtext[q.close + 1 : q.close + 40]
                ends = not rest.strip() or re.match(r"\s*[.!?)\]]|\s*\n|\s+[A-Z“\"]", rest)
                if not _SENTENCE_PUNCT.search(gap) and (not tail or tail[-1] in ":,") and ends:
                    return q
        return best

    def reports_this_cue(self, verb: Token, start: int, end: int) -> bool:
        """'"...," Comey said he responded': the words between the quotation and the cue are
        the reporting verb the cue hangs on and its subject, nothing else."""
        head = verb.head
        if verb.dep_ != "ccomp" or _lemma(head) not in CUE_LEMMAS:
            return False
        allowed = {head.i} | {
            t.i for c in head.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree
        }
        between = [t for t in self.doc if start < t.idx < end and not t.is_punct]
        return bool(between) and all(t.i in allowed for t in between)

    def utterance(self, q: QuoteMarks) -> bool:
        """'"Absolutely," he said.': a short quotation that opens its sentence is a reply, not
        a phrase held up in quotation marks ('called it "a con"')."""
        lead = self.qtext[: q.open].rstrip()
        return not lead or lead[-1] in '.!?:\n"”'

    def paragraph(self, tok: Token) -> tuple[int, int]:
        """The character range of the paragraph a token is in."""
        return self.text.rfind("\n", 0, tok.idx) + 1, _find_or_end(self.text, "\n", tok.idx)

    def in_paragraph(self, tokens: list[Token], anchor: Token) -> list[Token]:
        """The tokens in the anchor's paragraph: the parser runs sentences across paragraph
        breaks after a closing quotation mark, and a cue never reaches over one."""
        start, end = self.paragraph(anchor)
        return [t for t in tokens if start <= t.idx < end]

    def around(self, phrase: Token, tokens: Iterable[Token]) -> list[Token]:
        """The tokens in the phrase's paragraph, less the phrase: what a cue set in the
        sentence ("as X noted", "according to X", "in a poll") attributes."""
        own = {t.i for t in phrase.subtree}
        return self.in_paragraph([t for t in tokens if t.i not in own], phrase)

    def content_clause(self, verb: Token) -> Token | None:
        start, end = self.paragraph(verb)
        clauses = [
            c
            for c in verb.children
            if c.dep_ == "ccomp" and start <= c.idx < end and not _relative_after(c, verb)
        ]
        for child in sorted(clauses, key=lambda c: c.i < verb.i):  # after the cue first
            if not _fronted_phrase(child, verb):
                return child
        for child in verb.children:  # "asked workers if they planned to attend"
            asks = child.dep_ == "advcl" and child.i > verb.i and _lemma(verb) in _QUESTIONS
            if asks and _has_mark(child, _IF_WHETHER):
                return child
        for child in verb.children:  # "said in a statement that ...": the parse hangs the
            clause = _statement_clause(child)  # clause on the noun
            if clause is not None:
                return clause
        return None

    def candidates_for(self, verb: Token) -> _Candidate | None:
        lemma = _lemma(verb)
        if verb.dep_ in {"amod", "compound"} or (verb.dep_ == "acl" and verb.tag_ != "VBG"):
            return None
        if _has_mark(verb, {"than"}) and any(c.lower_ == "rather" for c in verb.children):
            return None  # "Rather than report Russia's intentions, ...": what was not said
        if lemma in {"show", "call"} and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
        ):
            return None  # "showed off the burger", "called off the talks": no statement
        # "quoted him as saying", "cited its source as saying": the cue is "quoted"
        if lemma == "say" and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            return None
        if lemma == "ask" and verb.tag_ == "VBN":
            if verb.dep_ in {"advcl", "xcomp", "ROOT"} and not any(
                c.dep_ in _SUBJECT_DEPS for c in verb.children
            ):
                return self.asked(verb)  # "Asked about X, she ...": no subject of its own
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                asked = self.asked(verb)  # "after he was asked about X": the asker unnamed
                if asked is not None:
                    return asked
        subject = self.subject_of(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "the president saying that ..."
            subject = verb.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        quoted_as = lemma in {"quote", "cite"} and any(
            c.lower_ == "as" for c in verb.children if c.dep_ == "prep"
        )
        speaker_tok = subject
        via: str | None = None
        description: str | None = None
        if quoted_as and obj is not None and subject is not None:
            obj_speaker = self.resolve(obj)
            if obj.pos_ == "PRON" or (obj_speaker.entity and obj_speaker.entity.type == "PERSON"):
                relay = self.resolve(subject)
                via = relay.entity.name if relay.entity else relay.description
                speaker_tok = obj
            else:
                description = (
                    self.text[obj_speaker.span[0] : obj_speaker.span[1]]
                    if obj_speaker.span
                    else None
                )
        # "X reported, citing a source" relays the source; "..., citing a threat to public
        # health" gives the subject's reason
        relays = lemma == "cite" and verb.dep_ == "advcl" and self.cites_source(obj)
        if relays and obj is not None:
            description = self.text[slice(*self.np_span(obj))]
        if speaker_tok is None:
            return self.named_after_quote(verb) or self.inverted_after_quote(verb)
        if speaker_tok.dep_ == "nsubjpass" and speaker_tok.head.i == verb.i and not quoted_as:
            # "Trump is expected to ...", "It was reported that ...": the subject did not speak
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
            speaker = self.resolve(agent) if agent is not None else Speaker(None, None, None)
        elif self.quoted_apart(speaker_tok, verb):
            after_quote = self.named_after_quote(verb)
            if after_quote is not None:
                return after_quote  # '"We were wrong," Ramos, 58, told AFP': the name after it
            # the parse hung the cue on a verb inside a quotation ('Mr. Trump hardly clarified
            # it, treating the remark as a compliment -- "That makes me smart" -- and asserting,
            # "..."'): no word of it speaks; the sentence's named subject before it does
            speaker = self.named_subject_before(verb)
        else:
            speaker = self.resolve(speaker_tok)
        if lemma in EVIDENCE_LEMMAS and not self.can_speak(speaker_tok, speaker):
            return None  # "all appearances indicated ...": not a source
        if description is not None and speaker.entity is not None:
            speaker.description = description
        speaker.via = via
        cue_text = verb.text if not quoted_as else f"{verb.text} as saying"
        if relays:
            cue_text = verb.head.text

        quote = self.adjacent_quote(verb, speaker_tok if speaker_tok is subject else subject)
        clause = self.content_clause(verb)
        if quote is not None and clause is not None and quote.close < verb.idx < clause.idx:
            quote = None  # '"Fox News Sunday," Issa said Clinton's ...': the clause is the content
        if (
            quote is not None
            and quote.close < verb.idx
            and verb.tag_ == "VBG"
            and verb.head.i < verb.i
            and _lemma(verb.head) in CUE_LEMMAS
        ):
            quote = None  # '"...," he said, referring to X': the quotation is the said's
        if (
            quote is not None
            and verb.idx < quote.open
            and any(
                t.pos_ == "VERB" and _lemma(t) in CUE_LEMMAS
                for t in self.doc[verb.i + 1 :]
                if t.idx < quote.open
            )
        ):
            quote = None  # 'X left early, she said, adding, "..."': the quote is the next cue's
        if quote is not None:
            return _Candidate(
                verb, cue_text, speaker, quote.start, quote.end, "direct", "direct-adjacent", 0
            )
        if clause is not None:
            tokens = self.in_paragraph(_without_embedded_cues(clause), verb)
            if clause.i > verb.i:
                # "a trawler that the Navy said was a pirate vessel": the relative pronoun the
                # clause takes as its subject stands before the cue, outside what was said
                tokens = [t for t in tokens if t.i > verb.i] or tokens
            tokens = _without_leading_time(tokens, verb)
            start, end = self.token_span(tokens)
            return _Candidate(
                verb, cue_text, speaker, start, end, self.kind(start, end), "ccomp", 1
            )
        if verb.dep_ == "advcl" and _has_mark(verb, {"as"}):
            # "But as Clyburn noted, those voters will ...": the main clause is the content
            tokens = self.around(verb, verb.head.subtree)
            follows = (
                verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
            )
            set_off = verb.right_edge.text == "," or (follows is not None and follows.text == ",")
            fronted = verb.i < verb.head.i and set_off
            if len(tokens) >= 3 and fronted and not any(c.dep_ == "dobj" for c in verb.children):
                start, end = self.token_span(tokens)
                return _Candidate(
                    verb, cue_text, speaker, start, end, self.kind(start, end), "as-cue", 2
                )
        inverted = self.inverted(verb)
        if inverted is not None:
            named, tokens = inverted
            start, end = self.token_span(tokens)
            return _Candidate(
                verb, cue_text, named, start, end, self.kind(start, end), "inverted", 2
            )
        question = self.asked_about(verb)
        if question is not None:
            start, end = self.token_span(self.in_paragraph(list(question.subtree), verb))
            return _Candidate(
                verb, cue_text, speaker, start, end, self.kind(start, end), "asked", 2
            )
        trailing = self.trailing_clause(verb, subject)
        if trailing is not None:
            start, end = self.token_span(trailing)
            return _Candidate(
                verb, cue_text, speaker, start, end, self.kind(start, end), "trailing", 2
            )
        if verb.dep_ == "parataxis":
            # "By eliminating the line, Ms. Tchen said, the White House can ...": both sides;
            # "the stadium, which, Tompkins said, is usually full": the relative clause only
            host = verb.head
            if host.dep_ == "relcl":
                relative = [t for t in host.subtree if t.lower_ not in RELATIVE_PRONOUNS]
                tokens = self.around(verb, relative)
            else:
                tokens = self.around(verb, verb.sent)
            if len(tokens) >= 3:
                start, end = self.token_span(tokens)
                return _Candidate(
                    verb, cue_text, speaker, start, end, self.kind(start, end), "parataxis", 2
                )
        after = _leading_run(
            _cut_after(
                [t for t in verb.subtree if t.i > verb.i and not self.is_aside(t, verb)],
                verb,
                _nested_aside,
            )
        )
        complements = [c for c in verb.children if c.i > verb.i and not self.is_aside(c, verb)]
        # "pointed a gun at the officers": what is aimed was not said ("pointed out" is a cue)
        aimed = lemma == "point" and not any(c.dep_ == "prt" for c in verb.children)
        has_object = not aimed and any(
            c.dep_ in {"dobj", "xcomp", "oprd", "attr"} for c in complements
        )
        about = any(
            (
                (c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS | _CUE_PREPS.get(lemma, set()))
                or _for_clause(c, verb)
            )
            and lemma not in NO_OBJECT_LEMMAS
            for c in complements
        )
        stance = lemma in STANCE_LEMMAS and any(c.dep_ == "prep" for c in complements)
        words = [t for t in after if not (t.is_punct or t.is_space)]
        if relays:
            return None  # "X reported, citing a source": the relay, not a statement
        one_name = (
            len(words) == 1
            and lemma in STANCE_LEMMAS
            and (self.is_named(words[0]) or words[0].lower_ in {"him", "her", "them"})
        )
        if (len(words) >= 2 or one_name) and (
            ((has_object or about) and lemma not in NO_OBJECT_LEMMAS)
            or stance
            or (lemma in _DIRECTIVES and _directive(verb))
        ):
            start, end = self.token_span(after)
            if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                # "he was declared dead on arrival": a passive cue's subject is what it is
                # about; who spoke is the agent, if the sentence names one
                agent = next(
                    (g for c in verb.children if c.dep_ == "agent" for g in c.children), None
                )
                speaker = self.resolve(agent) if agent is not None else Speaker(None, None, None)
            return _Candidate(
                verb, cue_text, speaker, start, end, self.kind(start, end), "object", 3
            )
        if len(words) >= 2 and any(self.inside(q, after) for q in self.marks):
            start, end = self.token_span(after)
            return _Candidate(verb, cue_text, speaker, start, end, "mixed", "object-quote", 3)
        return None

    def quoted(self, tok: Token) -> QuoteMarks | None:
        """The quotation marks the token is inside, if any."""
        return next((q for q in self.marks if q.open < tok.idx < q.close), None)

    def quoted_apart(self, tok: Token, verb: Token) -> bool:
        """Whether the token is inside quotation marks the verb is outside of."""
        q = self.quoted(tok)
        return q is not None and not q.open < verb.idx < q.close

    def named_subject_before(self, verb: Token) -> Speaker:
        """The last person or organisation named as a subject before the verb in its sentence,
        outside quotation marks; an unknown speaker if none."""
        for tok in reversed(self.in_paragraph(list(verb.sent[: verb.i - verb.sent.start]), verb)):
            entity = self.entity_on(tok)
            if (
                tok.dep_ in _SUBJECT_DEPS
                and entity is not None
                and entity.type in {"PERSON", "ORG"}
                and self.quoted(tok) is None
            ):
                return self.resolve(tok)
        return Speaker(None, None, None)

    def unquoted_subject(self, subject: Token, verb: Token) -> Token | None:
        """'"..., the Wendy Wasserman Schultz Servers ...," Trump, a Republican, wrote': the
        parse made a noun inside the quotation the cue's subject. The speaker of a cue outside
        the quotation marks is never one of their words: it is the name after them that the
        parse hung on that noun, or none."""
        named = subject
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            named = verb.head  # 'a "politically motivated lawsuit" that threatens to ...'
        q = self.quoted(named)
        if q is None or q.open < verb.idx < q.close:
            return subject
        return next(
            (
                t
                for t in named.subtree
                if t.idx > q.close
                and t.pos_ in {"PROPN", "NOUN", "PRON"}
                and (t.head.i == named.i or self.quoted(t.head) is q)
            ),
            None,
        )

    def named_after_quote(self, verb: Token) -> _Candidate | None:
        """'"...," Ramos, 58, told AFP': the name between a quotation and a cue left without a
        subject (the parse joined the name to the quotation's clause), an aside after it."""
        start, _ = self.paragraph(verb)
        before = [q for q in self.marks if start <= q.close < verb.idx]
        if not before:
            return None
        quote = before[-1]
        between = [t for t in verb.doc[verb.sent.start : verb.i] if t.idx > quote.close]
        if not between or self.qtext[quote.close + 1 : between[0].idx].strip(" ,"):
            return None
        named = self.name_from(between[0])
        if named is None:
            return None
        speaker, last = named
        aside = [t for t in between if t.i > last.i]
        if aside and (
            len(aside) > 8
            or aside[0].text != ","
            or aside[-1].text != ","
            or any(t.pos_ in {"VERB", "AUX"} for t in aside)
        ):
            return None
        return _Candidate(
            verb, verb.text, speaker, quote.start, quote.end, "direct", "direct-adjacent", 0
        )

    def inverted_after_quote(self, verb: Token) -> _Candidate | None:
        """'"...," says Jane Doe, a historian': a name right after the cue that the parse
        took for the subject of a later clause (it runs sentences over paragraph breaks)."""
        after = verb.i + 1
        if after >= len(self.doc) or verb.tag_ not in {"VBD", "VBZ"}:
            return None
        named = self.name_from(self.doc[after])
        if named is None:
            return None
        quote = self.adjacent_quote(verb, None)
        if quote is None or quote.close > verb.idx:
            return None
        return _Candidate(
            verb, verb.text, named[0], quote.start, quote.end, "direct", "direct-adjacent", 0
        )

    def name_from(self, tok: Token) -> tuple[Speaker, Token] | None:
        """The person or organisation named from ``tok`` on, as a speaker, and the name's last
        token; None where no such name starts there."""
        entity = self.entity_on(tok)
        if entity is None or entity.type not in {"PERSON", "ORG"}:
            return None
        last = tok
        while last.i + 1 < len(self.doc) and self.entity_on(self.doc[last.i + 1]) is entity:
            last = self.doc[last.i + 1]
        return Speaker(entity, entity.description, (tok.idx, last.idx + len(last.text))), last

    def asked(self, verb: Token) -> _Candidate | None:
        """ "Asked about the merger, she ...": the question is the asker's, named or not."""
        content: Token | None = None
        for child in verb.children:
            if child.i < verb.i:
                continue
            if child.dep_ == "prep" and child.lower_ in {"about", "on", "whether", "if"}:
                content = next(
                    (
                        g
                        for g in child.children
                        if g.dep_ in {"pobj", "pcomp"} and g.ent_type_ not in _CIRCUMSTANCE_ENTS
                    ),
                    None,
                )
            elif (child.dep_ in {"ccomp", "advcl"} and _has_mark(child, _IF_WHETHER)) or (
                child.dep_ == "ccomp" and child.left_edge.tag_ in _WH_TAGS
            ):
                content = child  # "Asked whether ...", "Asked why he trailed ..."
            elif child.dep_ == "xcomp" and any(c.dep_ == "agent" for c in verb.children):
                content = child  # "asked by X to respond to Trump's criticism"
            if content is not None:
                break
        if content is None:
            return None
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
        speaker = self.resolve(agent) if agent is not None else Speaker(None, None, None)
        tokens = [t for t in content.subtree if not (t.head == content and t.dep_ == "advcl")]
        start, end = self.token_span(self.in_paragraph(tokens, verb))
        return _Candidate(verb, verb.text, speaker, start, end, self.kind(start, end), "asked", 2)

    def asked_about(self, verb: Token) -> Token | None:
        """ "Hewitt asked Trump about statements he had made", "We asked our followers their
        thoughts on X": what a question is about, or the second object of one asked; the
        first object is the one asked, not the question."""
        if _lemma(verb) not in _QUESTIONS or any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        after = [c for c in verb.children if c.i > verb.i]
        about = next((c for c in after if c.dep_ == "prep" and c.lower_ in {"about", "on"}), None)
        if about is not None and not self.is_aside(about, verb):
            return about
        objects = [c for c in after if c.dep_ == "dobj" and _lemma(c) != "question"]
        if len(objects) == 1 and any(c.dep_ == "dative" for c in after):
            return objects[0]  # not "asked Republicans a simple question": its words come after
        return None

    def cites_source(self, obj: Token | None) -> bool:
        """Whether a cited thing is a source (a person, an outlet, a report), not a reason."""
        if obj is None or obj.pos_ == "PRON":
            return True
        entity = self.entity_on(obj)
        if entity is not None and entity.type in {"PERSON", "ORG", "NORP"}:
            return True
        lemma = _lemma(obj)
        return lemma in SOURCE_NOUNS | UNNAMED_SOURCE_NOUNS | MEDIA_NOUNS | REPORT_NOUNS | (
            ORG_NOUNS | TITLE_WORDS
        )

    def is_named(self, tok: Token) -> bool:
        """A person or organisation by name: "endorsed Cruz" takes a side, "endorsed it" not."""
        entity = self.entity_on(tok)
        return tok.pos_ == "PROPN" and entity is not None and entity.type in {"PERSON", "ORG"}

    def can_speak(self, tok: Token, speaker: Speaker) -> bool:
        """Whether a subject can be a source: a name, a pronoun, a person or a document."""
        if speaker.entity is not None or tok.pos_ == "PRON":
            return True
        lemma = _lemma(tok)
        return (
            lemma in SOURCE_NOUNS
            or lemma in UNNAMED_SOURCE_NOUNS
            or lemma in MEDIA_NOUNS
            or lemma in REPORT_NOUNS
            or lemma in ORG_NOUNS
            or lemma in TITLE_WORDS
        )

    def is_aside(self, tok: Token, verb: Token) -> bool:
        """A dependent of the cue that is not what was said: when, where, to whom."""
        if tok.head.i != verb.i:
            return tok.head.i != tok.i and self.is_aside(tok.head, verb)
        if tok.dep_ in {
            "npadvmod",
            "advmod",
            "punct",
            "cc",
            "conj",
            "dative",
            "agent",
            "aux",
            "neg",
        }:
            return True
        preps = _ABOUT_PREPS | _CUE_PREPS.get(_lemma(verb), set())
        if (
            tok.dep_ == "prep"
            and tok.lower_ == "in"
            and any(
                c.dep_ == "pobj" and c.lower_ in {"favor", "favour", "support", "opposition"}
                for c in tok.children
            )
        ):
            return False  # "voted in favor of the bill"
        if tok.dep_ == "prep" and _says_of_object(tok, verb):
            return False
        if tok.dep_ == "prep" and tok.lower_ not in preps:
            return True
        if tok.dep_ == "prep" and any(c.dep_ == "pobj" and self.setting(c) for c in tok.children):
            return True  # "on Sunday", "on Twitter", "on the same show", "on condition of ..."
        return tok.dep_ == "advcl" and tok.i > verb.i and not _for_clause(tok, verb)

    def setting(self, noun: Token) -> bool:
        """Whether a cue's prepositional object says when, where, on what outlet or on what
        terms one spoke ("on ABC", "on the cable channel CNBC", "on condition of anonymity"),
        not what about."""
        if noun.ent_type_ in _CIRCUMSTANCE_ENTS or _lemma(noun) in _MEDIA_PLACES | _TERMS:
            return True
        if any(
            c.dep_ in {"compound", "appos"} and _lemma(c) in _MEDIA_PLACES for c in noun.children
        ):
            return True  # "the cable channel CNBC"
        entity = self.entity_on(noun)
        return entity is not None and _is_media(entity)

    def inverted(self, verb: Token) -> tuple[Speaker, list[Token]] | None:
        """ "..., The Wall Street Journal reported Sunday": a name, then the cue, at the end."""
        before = verb.i - 1
        if before < verb.sent.start or verb.i == verb.sent.start:
            return None
        if any(c.i > verb.i and not self.is_aside(c, verb) for c in verb.children):
            return None  # "..., Cruz praised Pence for ...": the content follows the cue
        if any(not t.is_punct for t in self.doc[verb.right_edge.i + 1 : verb.sent.end]):
            return None  # "which, Tompkins said, is usually full ...": a cue set in the middle
        entity = self.entity_on(self.doc[before])
        if entity is None or entity.type not in {"PERSON", "ORG"}:
            return None
        first = before
        while first > verb.sent.start and self.entity_on(self.doc[first - 1]) is entity:
            first -= 1
        if first - 1 <= verb.sent.start or self.doc[first - 1].text != ",":
            if not (first - 2 > verb.sent.start and self.doc[first - 1].lower_ == "the"):
                return None
            first -= 1
            if self.doc[first - 1].text != ",":
                return None
        tokens = self.in_paragraph([t for t in verb.sent if t.i < first - 1], verb)
        if len(tokens) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
            return None
        named = self.doc[first : before + 1]
        return Speaker(entity, entity.description, (named.start_char, named.end_char)), tokens

    def trailing_clause(self, verb: Token, subject: Token | None) -> list[Token] | None:
        """ "Sanders remains committed to ..., his top aide, Tad Devine, told The Huffington
        Post": a cue with its subject set off by a comma at the end of a sentence, which the
        parse coordinated with the clause before it. That clause is what was said."""
        head = verb.head
        if verb.dep_ != "conj" or head.i > verb.i or subject is None or subject.head != verb:
            return None
        left = subject.left_edge.i
        if left - 1 <= verb.sent.start or self.doc[left - 1].text != ",":
            return None
        if any(c.dep_ in {"cc", "preconj"} and c.i > head.i for c in head.children):
            return None  # "X resigned, and she said ...": two clauses, joined
        addressee = _lemma(verb) in _ADDRESSED_CUES
        for child in verb.children:
            if child.i < verb.i or self.is_aside(child, verb):
                continue
            if not (addressee and child.dep_ in {"dobj", "dative"}):
                return None  # "..., Cruz praised Pence for ...": the content follows the cue
        tokens = self.in_paragraph([t for t in verb.sent if t.i < left - 1], verb)
        if len(tokens) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
            return None
        return tokens

    def put_cue(self, verb: Token) -> _Candidate | None:
        """ "as one diplomat put it, ...", "Forbes puts his net worth at $45 billion"."""
        subject = self.subject_of(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            return None
        as_put_it = obj.lower_ == "it" and _has_mark(verb, {"as"})
        if as_put_it and verb.dep_ == "advcl":
            tokens = self.around(verb, verb.head.subtree)
            rule = "as-cue"
        else:
            at = next(
                (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i),
                None,
            )
            if at is None or not any(
                t.like_num or t.ent_type_ in {"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}
                for t in at.subtree
            ):
                return None  # "put pressure on", "put it at risk": not an estimate
            tokens = list(self.doc[obj.left_edge.i : at.right_edge.i + 1])
            rule = "object"
        if len(tokens) < 3:
            return None
        start, end = self.token_span(tokens)
        speaker = self.resolve(subject)
        return _Candidate(verb, verb.text, speaker, start, end, self.kind(start, end), rule, 2)

    def appearance(self, verb: Token) -> _Candidate | None:
        """ "Trump's supporters seemed equally unperturbed", "it appears that ...": the subject
        and how it seems, as an impression held by the one it seems to ("to X"), else by the
        writer. "Cruz looks to build on his momentum" is an aim: the subject's own."""
        if verb.dep_ in {"amod", "compound"}:
            return None  # "Christie's seeming thousand-yard stare"
        complement = next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and (
                    c.dep_ in {"xcomp", "acomp", "oprd", "attr", "ccomp"}
                    or (c.dep_ == "prep" and c.lower_ == "like")
                    or (c.dep_ == "advcl" and _has_mark(c, {"if", "though"}))
                )
            ),
            None,
        )
        subject = self.subject_of(verb)
        if complement is None or subject is None:
            return None  # "appeared on Fox News", "look at it"
        if complement.dep_ == "xcomp" and _lemma(complement) in CUE_LEMMAS:
            return None  # "seemed to confirm the critiques": the subject's own cue speaks
        aims = (
            _lemma(verb) == "look"
            and complement.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children)
        )
        extraposed = [c for c in verb.children if c.dep_ == "ccomp" and c.i > complement.i]
        if complement.dep_ == "ccomp" and subject.lower_ == "it":
            tokens = list(complement.subtree)  # "it appears that ...": the clause alone
        elif subject.lower_ == "it" and extraposed:
            # "It now seems inevitable that Mr. Rubio and Mr. Cruz will ...": how the clause seems
            tokens = [*complement.subtree, *extraposed[0].subtree]
        else:
            tokens = [*subject.subtree, verb, *complement.subtree]
        tokens = self.in_paragraph(sorted(tokens, key=lambda t: t.i), verb)
        if len(tokens) < 3:
            return None
        experiencer = next(
            (
                g
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        holder = subject if aims else experiencer
        speaker = self.resolve(holder) if holder is not None else Speaker(None, None, None)
        start, end = self.token_span(tokens)
        return _Candidate(
            verb, verb.text, speaker, start, end, self.kind(start, end), "appearance", 4
        )

    def hearsay(self, adverb: Token) -> _Candidate | None:
        """ "The FBI is reportedly making arrangements to interview Clinton", "the gun he
        allegedly used": the clause (or the noun its relative clause describes) is what others
        say, unnamed."""
        clause = adverb.head
        if clause.pos_ not in {"VERB", "AUX"}:
            return None
        phrase = clause.head if clause.dep_ == "relcl" else clause
        tokens = [t for t in _without_embedded_cues(phrase) if t.i != adverb.i]
        tokens = self.in_paragraph(tokens, adverb)
        if len(tokens) < 3:
            return None
        start, end = self.token_span(tokens)
        speaker = Speaker(None, None, None)
        return _Candidate(
            adverb, adverb.text, speaker, start, end, self.kind(start, end), "hearsay", 3
        )

    def prep_cue(self, verb: Token) -> _Candidate | None:
        """ "Clinton focused on Trump", "a policy institute focused on national security": what
        the preposition of such a verb takes, held by its subject (or the noun it describes)."""
        prep = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i and c.lower_ in PREP_CUE_LEMMAS[_lemma(verb)]
            ),
            None,
        )
        if prep is None:
            return None
        what = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if what is None or what.ent_type_ in _CIRCUMSTANCE_ENTS:
            return None  # "focused on Iowa": where, not what
        holder = verb.head if verb.dep_ == "acl" else self.subject_of(verb)
        if holder is None or holder.dep_ == "nsubjpass":
            return None
        start, end = self.token_span(self.in_paragraph(list(what.subtree), verb))
        speaker = self.resolve(holder)
        cue_text = self.text[verb.idx : prep.idx + len(prep.text)]
        return _Candidate(verb, cue_text, speaker, start, end, self.kind(start, end), "object", 3)

    def known_clause(self, verb: Token, candidate: _Candidate) -> bool:
        """Whether a verb of knowing or perceiving holds its clause as a view: a that-clause,
        or a finite one ("Reporters know they're being spun", "knows how Clinton caused this
        mess"); not a scene perceived ("saw Perez speak", "see him winning")."""
        if _THAT_CLAUSE.match(self.text, candidate.start):
            return True
        clause = self.content_clause(verb)
        return clause is not None and _finite(clause)

    def aim(self, verb: Token) -> Token | None:
        """The to-infinitive a verb of intention takes: "decided to bypass Faso"."""
        return next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp"
                and c.i > verb.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )

    def intention(self, verb: Token) -> _Candidate | None:
        """ "Teachout decided to bypass Faso himself": what the subject means to do."""
        aim = self.aim(verb)
        subject = self.subject_of(verb)
        if aim is None or subject is None or subject.dep_ == "nsubjpass":
            return None
        tokens = self.in_paragraph(_without_embedded_cues(aim), verb)
        start, end = self.token_span(tokens)
        speaker = self.resolve(subject)
        return _Candidate(
            verb, verb.text, speaker, start, end, self.kind(start, end), "intention", 3
        )

    def received(self, noun: Token) -> _Candidate | None:
        """ "Trump's comments have drawn criticism from Berlin", "Clinton has the support of
        women": what the subject received or has is the source's stance on the subject."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "under":  # "came under criticism"
            verb = verb.head
        elif noun.dep_ != "dobj":
            return None
        if _lemma(verb) not in _RECEIVING_VERBS | _HAVING_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
            return None
        source = next(
            (
                g
                for head in (noun, verb)
                for c in head.children
                if c.dep_ == "prep" and (c.lower_ == "from" or (head is noun and c.lower_ == "of"))
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if source is None:
            return None  # "Mrs. Clinton faced scrutiny": nobody's stance in particular
        speaker = self.resolve(source)
        start, end = self.np_span(subject)
        cue_text = self.text[verb.idx : noun.idx + len(noun.text)]
        return _Candidate(noun, cue_text, speaker, start, end, self.kind(start, end), "received", 3)

    def in_view(self, tok: Token) -> _Candidate | None:
        """ "In my view, ...", "which in his view has gained strength", "in the eyes of X":
        the rest of the sentence is the holder's view."""
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or _lemma(noun) not in _VIEW_NOUNS:
            return None
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is None and any(c.dep_ == "det" for c in noun.children):
            # "in the eyes of X" (not "in view of the delays": given the delays)
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if holder is None:
            return None
        cue_text = self.text[tok.idx : noun.idx + len(noun.text)]
        return self.rest_of_sentence(tok, cue_text, holder, "in-view")

    def viewpoint(self, prep: Token) -> _Candidate | None:
        """ "To Ms. Gil, skateboarding represents a cry of dissent against the city's
        gentrification": a sentence opened by "to" someone, set off by a comma, is how things
        look to them ("For Donald Trump, Florida represents a win" is as often what they get)."""
        holder = next((c for c in prep.children if c.dep_ == "pobj"), None)
        after = prep.right_edge.i + 1
        if holder is None or prep.i != prep.sent.start or after >= len(self.doc):
            return None
        if self.doc[after].text != "," or prep.head.pos_ not in {"VERB", "AUX"}:
            return None
        speaker = self.resolve(holder)
        if holder.ent_type_ in _CIRCUMSTANCE_ENTS or not self.can_speak(holder, speaker):
            return None  # "For years, ...", "For that reason, ..."
        return self.rest_of_sentence(prep, prep.text, holder, "viewpoint")

    def rest_of_sentence(
        self, tok: Token, cue_text: str, source: Token, rule: str
    ) -> _Candidate | None:
        """The sentence outside the cue phrase ``tok`` heads, as what ``source`` holds."""
        rest = self.around(tok, tok.sent)
        if len(rest) < 3:
            return None
        start, end = self.token_span(rest)
        speaker = self.resolve(source)
        return _Candidate(tok, cue_text, speaker, start, end, self.kind(start, end), rule, 1)

    def according_to(self, tok: Token) -> _Candidate | None:
        """ "..., according to X": content is the rest of the sentence."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None) if to else None
        if source is not None and source.dep_ == "pcomp":  # "according to show insiders",
            source = next((c for c in source.children if c.dep_ == "dobj"), source)  # mis-parsed
        if source is None:
            return None
        found = self.rest_of_sentence(tok, "according to", source, "according-to")
        if found is None and tok.i == tok.sent.start:
            # "According to host Rush Limbaugh, the move reeks of fear": the parse hangs the
            # sentence on the source; what follows the comma after the name is the content
            comma = next((t for t in tok.sent if t.i > source.i and t.text == ","), None)
            rest = [t for t in tok.sent if comma is not None and t.i > comma.i]
            if len([t for t in rest if t.is_alpha]) >= 3:
                start, end = self.token_span(self.in_paragraph(rest, tok))
                speaker, kind = self.resolve(source), self.kind(start, end)
                return _Candidate(tok, "according to", speaker, start, end, kind, "according-to", 1)
        return found

    def inside(self, q: QuoteMarks, tokens: list[Token]) -> bool:
        return tokens[0].idx <= q.open and q.close <= tokens[-1].idx + len(tokens[-1].text)

    def token_span(self, tokens: list[Token]) -> tuple[int, int]:
        words = [t for t in tokens if not (t.is_punct or t.is_space)]
        while len(words) > 1 and words[-1].dep_ == "cc":
            words.pop()
        if not words:
            words = tokens
        return words[0].idx, words[-1].idx + len(words[-1].text)

    def kind(self, start: int, end: int) -> QuoteKind:
        for q in self.marks:
            if start <= q.start and q.end <= end + 1 and q.words(self.text) >= 1:
                return "mixed"
        return "indirect"

    # -- the article ------------------------------------------------------------------------

    def remember(self, candidate: _Candidate) -> None:
        entity = candidate.speaker.entity
        if entity is None:
            return
        pos = candidate.speaker.span[0] if candidate.speaker.span else candidate.cue.idx
        subject = self.subject_of(candidate.cue)
        head = _lemma(subject) if subject is not None else ""
        self.state.speakers.append((pos, entity, head))
        self.state.salient.append((pos, entity))
        if entity.type == "ORG" and (_lemma(candidate.cue) in RELAY_LEMMAS or _is_media(entity)):
            self.state.relays.append((pos, entity))

    def run(self) -> list[Quote]:
        quoted = [(q.open, q.close) for q in self.marks]
        for tok in self.doc:
            if tok.dep_ in _SUBJECT_DEPS and not any(o < tok.idx < c for o, c in quoted):
                entity = self.entity_on(tok)
                if entity is not None and entity.type in {"PERSON", "ORG"}:
                    self.state.salient.append((tok.idx, entity))
        self.state.salient.sort(key=lambda s: s[0])
        chosen: list[_Candidate] = []
        for tok in self.doc:
            candidate: _Candidate | None = None
            if any(o < tok.idx < c for o, c in quoted):
                continue  # the quoted speaker's own words: their quotation carries them
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                candidate = self.according_to(tok)
            elif tok.pos_ in {"VERB", "AUX"} and _lemma(tok) in CUE_LEMMAS:
                candidate = self.candidates_for(tok)
            elif tok.pos_ == "NOUN" and _lemma(tok) in _NOUN_CUES:
                lemma = _lemma(tok)
                if lemma in _RECEIVED_STANCES:
                    candidate = self.received(tok)
                if candidate is None and lemma in NOUN_CUE_LEMMAS:
                    candidate = self.noun_cue(tok)
                if candidate is None:
                    candidate = self.possessive_cue(tok)
            elif tok.lower_ in _HEARSAY_ADVERBS and tok.dep_ == "advmod":
                candidate = self.hearsay(tok)
            elif tok.pos_ == "VERB" and _lemma(tok) in PREP_CUE_LEMMAS:
                candidate = self.prep_cue(tok)
            elif tok.pos_ == "VERB" and _lemma(tok) in INTENTION_LEMMAS and self.aim(tok):
                candidate = self.intention(tok)
            elif tok.pos_ == "VERB" and _lemma(tok) in CLAUSE_CUE_LEMMAS:
                candidate = self.candidates_for(tok)
                if candidate is not None and not (
                    (candidate.rule == "ccomp" and self.known_clause(tok, candidate))
                    or (candidate.rule == "object" and _sees_as(tok, self.text))
                ):
                    candidate = None  # "they know this", "I see him": not a view held
            elif tok.pos_ == "VERB" and _lemma(tok) in QUOTE_ONLY_LEMMAS:
                candidate = self.candidates_for(tok)
                if candidate is not None and candidate.rule != "direct-adjacent":
                    candidate = None  # "continued to plot against us": no speech
                elif (
                    candidate is not None
                    and _lemma(tok) == "go"
                    and not any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
                ):
                    candidate = None  # '"...," he went on' only
            elif tok.pos_ in {"VERB", "AUX"} and _lemma(tok) in APPEARANCE_LEMMAS:
                candidate = self.appearance(tok)
            elif tok.pos_ == "VERB" and _lemma(tok) == "put":
                candidate = self.put_cue(tok)
            elif tok.pos_ == "ADJ" and tok.lower_ in STANCE_ADJECTIVES:
                candidate = self.adjective_cue(tok)
            elif tok.lower_ == "to" and tok.dep_ == "prep":
                candidate = self.viewpoint(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                candidate = self.in_view(tok) or self.in_source(tok)
            if candidate is None or candidate.end - candidate.start < 2:
                continue
            clash = next((c for c in chosen if self.clashes(c, candidate)), None)
            if clash is not None:
                if clash.priority <= candidate.priority:
                    continue
                chosen.remove(clash)
            chosen.append(candidate)
            self.remember(candidate)
        chosen += [c for c in self.colon_cues() if not any(_overlap(c, o) > 0 for o in chosen)]
        chosen += [c for c in self.dash_cues() if not any(_overlap(c, o) > 0 for o in chosen)]
        chosen += self.continuations(chosen)
        chosen += self.unattributed(chosen)
        chosen.sort(key=lambda c: c.start)
        return [self.to_quote(c) for c in chosen]

    def clashes(self, a: _Candidate, b: _Candidate) -> bool:
        """Two finds of one attribution (nested attributions cost more precision than they add)."""
        return _overlap(a, b) > 0.5

    def dash_cues(self) -> list[_Candidate]:
        """'"He is someone I would never vote for.” ― John Doe': a
        quotation signed, as readers' responses and epigraphs are, by a dash and a name."""
        found: list[_Candidate] = []
        for match in _DASH_SIGNED.finditer(self.qtext):
            start, end = _trim(self.text, *match.span("content"))
            span = self.doc.char_span(*match.span("name"), alignment_mode="expand")
            if span is None or len(self.text[start:end].split()) < _MIN_DIRECT_WORDS:
                continue
            name = match.group("name").rstrip(".")
            entity = self.entity_in(list(span), ("PERSON", "ORG")) or self.entities.find(name)
            if entity is not None and entity.type not in {"PERSON", "ORG", "NORP"}:
                continue  # '"..." — Washington': a place, not a signature
            speaker = Speaker(entity, name, (span.start_char, span.start_char + len(name)))
            found.append(_Candidate(span[0], "―", speaker, start, end, "direct", "dash", 4))
        return found

    def colon_cues(self) -> list[_Candidate]:
        """ "Pence: Gennifer Flowers won't be at the debate": a name, a colon, the words.

        Headlines and transcripts put the speaker before a colon at the start of a paragraph.
        """
        found: list[_Candidate] = []
        for match in _COLON_LINE.finditer(self.qtext):
            name_start, name_end = match.span("name")
            start, end = match.span("content")
            while end > start and self.text[end - 1] in _CLOSING + '"':
                end -= 1
            if end - start < 10:
                continue
            quoted = self.qtext[start - 1 : start] in '"“'
            said = self.text[start:end]
            shouted = match.group("name").isupper() and len(match.group("name")) >= 3
            if not quoted and (
                (said.rstrip().endswith("?") and not shouted) or len(said.split()) < 5
            ):
                continue  # "Ted Cruz: Just hang on." in a list of goals, a question about X
            span = self.doc.char_span(name_start, name_end, alignment_mode="expand")
            if span is None or len(span) > 6:
                continue
            words = [t for t in span if not t.is_punct]
            if not words or not words[0].text[:1].isupper():
                continue
            entity = self.entity_in(words, ("PERSON", "ORG"))
            if entity is None and self.entity_in(words, ("GPE", "LOC", "DATE", "TIME")):
                continue  # "WASHINGTON: ...", "6 p.m.: ..."
            name = span.text
            if entity is None:
                entity = self.entities.find(name) or self.by_surname(name)
            known = entity is not None and entity.type in {"PERSON", "ORG", "NORP"}
            shouted = name.isupper() and len(name) >= 3 and fold(name) not in _NOT_SPEAKERS
            source = _lemma(words[-1]) in (
                SOURCE_NOUNS | UNNAMED_SOURCE_NOUNS | MEDIA_NOUNS | REPORT_NOUNS
            )
            if not (known or shouted or source):
                continue
            colon = self.doc.char_span(name_end, name_end + 1, alignment_mode="expand")
            if colon is None:
                continue
            speaker = Speaker(entity if known else None, name, (span.start_char, span.end_char))
            kind: QuoteKind = "direct" if quoted else "indirect"
            found.append(_Candidate(colon[0], ":", speaker, start, end, kind, "colon", 4))
        return found

    def by_surname(self, name: str) -> Entity | None:
        """The one person of the story whose last name this is ("PENCE" -> Mike Pence)."""
        key = fold(name)
        people = [
            e for e in self.entities.entities if e.type == "PERSON" and fold(e.name).endswith(key)
        ]
        return people[0] if len(people) == 1 and fold(people[0].name).split()[-1] == key else None

    def noun_cue(self, tok: Token) -> _Candidate | None:
        """ "Trump's claim that ...", "a statement from X that ...", "her view is that ..."."""
        verb = tok.head.head if tok.dep_ == "pobj" else None
        if verb is not None and _lemma(verb) in CUE_LEMMAS and verb.pos_ == "VERB":
            return None  # "said in a statement that ...": the verb's content
        clause = next(
            (
                c
                for c in tok.children
                if c.dep_ in {"acl", "ccomp", "relcl"} and _has_mark(c, {"that"})
            ),
            None,
        )
        if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            clause = next(
                (
                    c
                    for c in tok.head.children
                    if c.dep_ in {"ccomp", "attr"} and c.pos_ in {"VERB", "AUX"}
                ),
                None,
            )
        if clause is None:
            return None
        source = next((c for c in tok.children if c.dep_ == "poss"), None)
        if source is None:
            source = next(
                (
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
                    for g in c.children
                    if g.dep_ == "pobj" and (g.ent_type_ in {"PERSON", "ORG"} or g.pos_ == "PRON")
                ),
                None,
            )
        if source is None:
            source = self.performer(tok)  # "Trump made the claim that ..."
        speaker = self.resolve(source) if source is not None else Speaker(None, None, None)
        start, end = self.token_span(list(clause.subtree))
        return _Candidate(tok, tok.text, speaker, start, end, self.kind(start, end), "noun", 3)

    def performer(self, noun: Token) -> Token | None:
        """ "Christie unleashed withering attacks against Rubio", "Graham has come out in
        support of Cruz", "Trump made the claim that ...": a stance or statement noun with no
        possessor, the object of a verb or of its "in", is held by the verb's subject; not by
        one who has or receives it ("enjoys support", "drew criticism")."""
        if noun.dep_ == "dobj":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.dep_ == "prep":
            verb = noun.head.head
        else:
            return None
        if verb.pos_ != "VERB" or _lemma(verb) in _RECEIVING_VERBS | _HAVING_VERBS:
            return None
        subject = self.subject_of(verb)
        return subject if subject is not None and subject.dep_ == "nsubj" else None

    def possessive_cue(self, noun: Token) -> _Candidate | None:
        """ "Trump's call for a ban", "her refusal to testify": the possessor holds the stance."""
        preps = POSSESSIVE_CUE_NOUNS.get(_lemma(noun))
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is None and preps is not None:
            holder = self.performer(noun)
        if preps is None or holder is None or holder.lower_ in {"my", "our", "your"}:
            return None  # "my call for ...": the writer's own stance
        complement: Token | None = None
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ == "prep" and child.lower_ in preps:
                complement = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            elif child.dep_ in {"acl", "relcl"} and any(
                c.dep_ in {"aux", "mark"} and c.lower_ in {"to", "that"} and c.i < child.i
                for c in child.children
            ):
                complement = child
            if complement is not None:
                break
        if complement is None:
            return None
        speaker = self.resolve(holder)
        if speaker.entity is None and holder.pos_ != "PRON":
            return None  # "the bill's rejection of ...": not a source's stance
        start, end = self.token_span(self.in_paragraph(list(complement.subtree), noun))
        cue_text = self.text[noun.idx : complement.left_edge.idx].strip() or noun.text
        return _Candidate(
            noun, cue_text, speaker, start, end, self.kind(start, end), "possessive", 3
        )

    def felt_about(self, adj: Token) -> Token | None:
        """What a feeling or attitude is about: "worried about the economy", "skeptical of
        the deal", "frustrated with Washington" (not "sure to win", "happy in Iowa")."""
        prep = next(
            (
                c
                for c in adj.children
                if c.dep_ == "prep"
                and c.i > adj.i
                and (
                    c.lower_ in _FELT_PREPS
                    or (c.lower_ in _ATTITUDE_PREPS and adj.lower_ in ATTITUDE_ADJECTIVES)
                )
            ),
            None,
        )
        if prep is None:
            return None
        what = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        return None if what is None or what.ent_type_ in _CIRCUMSTANCE_ENTS else what

    def adjective_cue(self, adj: Token) -> _Candidate | None:
        """ "X is confident that ...", "X made clear that ...": a stance and its clause."""
        if adj.dep_ not in {"acomp", "oprd", "ccomp"}:
            return None
        verb = adj.head
        clauses = [c for c in adj.children if c.dep_ in {"ccomp", "advcl"} and c.i > adj.i]
        clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i]
        clause = next(
            (
                c
                for c in clauses
                if _has_mark(c, {"that", "whether"})
                or (c.dep_ == "ccomp" and any(m.dep_ == "nsubj" for m in c.children))
            ),
            None,
        )
        if clause is None:
            clause = self.felt_about(adj)  # "were worried about the economy"
        if clause is None:
            return None  # "sure to win", "clear enough", "happy because ..."
        subject = self.subject_of(verb)
        if subject is None or subject.lower_ in {"it", "this", "that", "there"}:
            return None  # "it is clear that ...": nobody holds the view
        speaker = self.resolve(subject)
        if speaker.entity is None and subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        tokens = self.in_paragraph(_without_embedded_cues(clause), adj)
        start, end = self.token_span(tokens)
        cue_text = self.text[verb.idx : adj.idx + len(adj.text)] if verb.i < adj.i else adj.text
        return _Candidate(adj, cue_text, speaker, start, end, self.kind(start, end), "adjective", 2)

    def in_source(self, tok: Token) -> _Candidate | None:
        """ "Clinton held a 24-point lead in a CNN poll": the poll is the source."""
        source = next((c for c in tok.children if c.dep_ == "pobj"), None)
        head = tok.head
        if source is None or _lemma(source) not in _IN_SOURCES:
            return None
        if source.tag_ == "NNS" or _lemma(tok.sent.root) in CUE_LEMMAS:
            return None  # "trails in the polls": no one poll; "In a statement, X said": the verb's
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head  # "held a lead in a CNN poll": the clause of the noun
        if head.pos_ not in {"VERB", "AUX"} or _lemma(head) in CUE_LEMMAS:
            return None  # "said in a statement" is the verb's own cue
        tokens = self.around(tok, head.subtree)
        if len(tokens) < 3:
            return None
        start, end = self.token_span(tokens)
        speaker = self.resolve(source)
        return _Candidate(tok, tok.text, speaker, start, end, self.kind(start, end), "in-source", 3)

    def continuations(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """A quotation with no cue of its own, right after a direct quote: the same speaker."""
        extra: list[_Candidate] = []
        directs = sorted((c for c in chosen if c.kind == "direct"), key=lambda c: c.start)
        for q in self.marks:
            if q.words(self.text) < 4 or any(
                c.start <= q.start < c.end or q.start <= c.start < q.end for c in chosen
            ):
                continue
            lead = self.qtext[: q.open].rstrip()
            if lead and lead[-1] not in '.!?:\n"”':  # a continuation starts a sentence
                continue
            before = [c for c in directs if c.end <= q.start and q.start - c.end <= 200]
            if not before:
                continue
            prev = before[-1]
            between = self.qtext[prev.end : q.open]
            if between.count("\n") > 2:
                continue
            extra.append(
                _Candidate(
                    prev.cue,
                    prev.cue_text,
                    prev.speaker,
                    q.start,
                    q.end,
                    "direct",
                    "continuation",
                    4,
                )
            )
        return extra

    def unattributed(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """Quotations no cue claims: after "X continued:" that subject, else the last speaker."""
        extra: list[_Candidate] = []
        taken = list(chosen)
        for q in self.marks:
            if q.words(self.text) < 5 or any(
                c.start <= q.start < c.end or q.start <= c.start < q.end for c in taken
            ):
                continue
            lead = self.qtext[: q.open].rstrip()
            if lead and lead[-1] not in '.!?:\n"”':  # '..., citing "a person close to ..."'
                continue
            speaker: Speaker | None = None
            cue: Token | None = None
            if lead.endswith(":"):
                colon = self.doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
                if colon is not None:
                    root = colon.sent.root
                    subject = self.subject_of(root)
                    if subject is not None:
                        speaker, cue = self.resolve(subject), root
            elif lead.endswith("."):
                # 'X said in a statement. "..."': a cue with nothing said after it
                stop = self.doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
                said = stop.sent.root if stop is not None else None
                if said is not None and self.bare_cue(said, taken):
                    subject = self.subject_of(said)
                    if subject is not None:
                        speaker, cue = self.resolve(subject), said
            if speaker is None:
                # the last voice, named or not: past an unnamed one ("county officials issued
                # the following release:") lies no earlier speaker
                prior = [c for c in taken if c.end <= q.start]
                if not prior or q.start - prior[-1].end > 600 or prior[-1].speaker.entity is None:
                    continue
                speaker, cue = prior[-1].speaker, prior[-1].cue
            assert cue is not None
            found = _Candidate(cue, cue.text, speaker, q.start, q.end, "direct", "unattributed", 5)
            extra.append(found)
            taken.append(found)
        return extra

    def bare_cue(self, verb: Token, taken: list[_Candidate]) -> bool:
        """A reporting verb that says nothing itself: "said in a statement", "told reporters"."""
        if verb.pos_ != "VERB" or _lemma(verb) not in CUE_LEMMAS - STANCE_LEMMAS:
            return False
        if any(c.cue.i == verb.i for c in taken):
            return False
        return not any(
            (c.dep_ == "ccomp" and not _fronted_phrase(c, verb))
            or c.dep_ in {"xcomp", "oprd"}
            or (c.dep_ == "dobj" and _lemma(verb) not in NO_OBJECT_LEMMAS)
            for c in verb.children
        )

    def to_quote(self, c: _Candidate) -> Quote:
        entity = c.speaker.entity
        description = c.speaker.description
        if entity is not None and description and fold(description) == fold(entity.name):
            description = entity.description
        return Quote(
            id=stable_id("q", self.article_id, str(c.start), str(c.end)),
            speaker=entity.name if entity else None,
            speaker_entity_id=entity.id if entity else None,
            speaker_description=description,
            via=c.speaker.via,
            cue=c.cue_text,
            text=self.text[c.start : c.end],
            kind=c.kind,
            article_id=self.article_id,
            span=(c.start, c.end),
            speaker_span=c.speaker.span,
            rule=c.rule,
        )


def _without_embedded_cues(clause: Token) -> list[Token]:
    """The clause without a reporting participle hung on it: "he saw no need, telling X that
    ..." is a second attribution, not part of the first one's content; nor is a clause set
    against it ("..., while 22 percent said ...") or an aside with a cue of its own."""
    return _cut_after(
        list(clause.subtree),
        clause,
        lambda tok: _second_cue(tok, clause) or _contrast(tok) or _nested_aside(tok),
    )


def _second_cue(tok: Token, clause: Token) -> bool:
    """A reporting verb hung on the clause that starts an attribution of its own."""
    if _lemma(tok) not in CUE_LEMMAS:
        return False
    if tok.dep_ in {"advcl", "xcomp", "conj"} and tok.tag_ == "VBG":
        return True
    # "said the plan would fail, and called him ...": the parse hangs the second cue of the
    # same speaker on the reported clause
    return (
        tok.dep_ == "conj"
        and tok.head.i == clause.i
        and (tok.tag_ in {"VBD", "VBZ"} or any(c.dep_ in {"aux", "neg"} for c in tok.children))
    )


def _cut_after(
    tokens: list[Token], anchor: Token, is_aside: Callable[[Token], bool]
) -> list[Token]:
    """The tokens less the subtree of each one after the anchor that ``is_aside`` picks (all
    of them where that would leave none)."""
    cut: set[int] = set()
    for tok in tokens:
        if tok.i > anchor.i and tok.i not in cut and is_aside(tok):
            cut.update(t.i for t in tok.subtree)
    return [t for t in tokens if t.i not in cut] or tokens


def _nested_aside(tok: Token) -> bool:
    """ "..., contradicting the police's earlier claim that ...", "..., which he said were
    ...": a comma-led clause that holds an attribution of its own, not part of this one."""
    if tok.dep_ not in {"advcl", "relcl", "acl", "conj", "parataxis"}:
        return False
    if not _set_off(tok, _ASIDE_MARKS):
        return False
    return any(
        (t.pos_ == "VERB" and _lemma(t) in CUE_LEMMAS)
        or (t.pos_ == "NOUN" and _lemma(t) in NOUN_CUE_LEMMAS)
        for t in tok.subtree
    )


def _set_off(tok: Token, marks: Collection[str]) -> bool:
    """Whether the phrase the token heads comes right after one of the marks: an aside."""
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text in marks


def _same_verb_form(first: Token, second: Token) -> bool:
    """Whether a coordinated verb can share the first one's auxiliary: "was seeking ... and
    defended" cannot, "had called ... and pressed" can; with no auxiliary, nothing says not."""
    if not any(c.dep_ in {"aux", "auxpass"} for c in first.children):
        return True
    if first.tag_ == "VBG":
        return second.tag_ == "VBG"
    if first.tag_ == "VBN":
        return second.tag_ in {"VBN", "VBD"}
    return True


def _fronted_phrase(clause: Token, verb: Token) -> bool:
    """ "In a statement released after X suspended ..., Cruz said": a phrase before the cue
    that the parse hung on it as its clause; it sets the scene, it is not what was said."""
    if clause.i > verb.i:
        return False
    subjectless = not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in clause.children)
    return (clause.left_edge.pos_ == "ADP" and subjectless) or _has_mark(clause, _ADVERBIAL_MARKS)


def _finite(clause: Token) -> bool:
    """Whether a clause has a tensed verb or a modal ("they're being spun", "he'll do")."""
    return clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in clause.children
    )


def _says_of_object(prep: Token, verb: Token) -> bool:
    """ "A Monmouth poll showed Clinton with a healthy lead", "polls show Clinton up by 10
    points": after the object of a verb of evidence, a phrase that says where the object
    stands is part of what is shown (not "showed Clinton ahead on Monday")."""
    if _lemma(verb) not in EVIDENCE_LEMMAS:
        return False
    if not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _has_mark(clause: Token, words: Collection[str]) -> bool:
    """Whether the clause opens with one of these subordinators ("that", "if", "as")."""
    return any(m.dep_ == "mark" and m.lower_ in words for m in clause.children)


def _contrast(tok: Token) -> bool:
    """ "..., while 22 percent said ...": a clause set against what was said, not part of it."""
    if tok.dep_ not in {"advcl", "conj"} or not _set_off(tok, {","}):
        return False
    return _has_mark(tok, {"while", "whereas"})


def _for_clause(tok: Token, verb: Token) -> bool:
    """ "called for all candidates to lay out specifics": the parse makes "for" the mark of
    a clause, where it is the preposition that takes what was called for."""
    mark = tok.doc[tok.left_edge.i]
    return (
        tok.dep_ == "advcl"
        and mark.lower_ == "for"
        and mark.dep_ == "mark"
        and mark.head.i == tok.i
        and mark.i - verb.right_edge.i <= 1
        and tok.doc[verb.i + 1 : mark.i].text.strip() in {"", ","}
    )


def _directive(verb: Token) -> bool:
    """ "told residents not to drink the water", "asks her assistant to print out ...": an
    instruction to someone, which is what was said."""
    children = [c for c in verb.children if c.i > verb.i]
    return any(c.dep_ in {"dobj", "dative"} for c in children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in children
    )


def _sees_as(verb: Token, text: str) -> bool:
    """ "developers see golf courses as wasted space": a view held of something (not asked
    about: "do you see those two as equivalent?")."""
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    stop = _SENTENCE_STOP.search(text, verb.idx)
    if not has_object or (stop is not None and stop.group() == "?"):
        return False
    # "as" on the verb, on its object ("see police violence as a problem"), on a phrase that
    # describes the object ("see the elections held Sunday as a test") or opening a clause
    # ("see the campaign as most unfair")
    holders = {verb.i} | {
        t.i for c in verb.children if c.dep_ == "dobj" for t in (c, *c.children) if t.i > verb.i
    }
    return any(
        t.lower_ == "as"
        and (t.head.i in holders or (t.head.dep_ == "advcl" and t.head.head == verb))
        for t in verb.subtree
        if t.i > verb.i
    )


def _same_stem(a: str, b: str) -> bool:
    """One word, or a country and its adjective: "russia" and "russian", "china" and
    "chinese"."""
    short, long = sorted((a, b), key=len)
    stem = short[: max(4, len(short) - 1)]
    return a == b or (len(short) >= 4 and long.startswith(stem))


def _without_leading_time(tokens: list[Token], verb: Token) -> list[Token]:
    """ "Holbrooke said Monday the situation was as bad": the day is when it was said, though
    the parse may hang it on the clause; "said Monday's vote was rigged" keeps its subject."""
    run = 0
    while (
        run < len(tokens) - 1
        and tokens[run].i == verb.i + 1 + run
        and tokens[run].ent_type_ in ("DATE", "TIME")
    ):
        run += 1
    if run and tokens[run - 1].dep_ in ("npadvmod", "tmod"):
        return tokens[run:]
    return tokens


def _leading_run(tokens: list[Token]) -> list[Token]:
    """The tokens up to the first word left out: "praised X, saying Y" -> "X"."""
    run: list[Token] = []
    for tok in tokens:
        if run and any(not t.is_punct for t in tok.doc[run[-1].i + 1 : tok.i]):
            break
        if run and tok.text in _ASIDE_DASHES:
            break  # "called him "the next George Washington" – the Founding Father who ..."
        run.append(tok)
    return run


def _relative_after(clause: Token, verb: Token) -> bool:
    """'"...," said his best friend, Bruce Turry, who remembered ...': a relative clause on
    the speaker after the cue, which the parse hung on it, is not what the cue said (unlike
    "a trawler, which the Navy said was a pirate vessel")."""
    first = clause.left_edge
    return first.i > verb.i and first.lower_ in ("who", "which") and first.nbor(-1).text == ","


def _statement_clause(prep: Token) -> Token | None:
    """The that-clause the parse hung on the noun of a cue's preposition: "said in a statement
    that ...", and "said during a news conference that he may wait", where the noun takes no
    clause of its own (a conference has no content; a statement, a fact or a report may)."""
    if prep.dep_ != "prep":
        return None
    for noun in prep.children:
        if noun.dep_ != "pobj":
            continue
        lemma = _lemma(noun)
        carries = prep.lower_ == "in" and lemma in NOUN_CUE_LEMMAS
        if not carries and (
            prep.i < prep.head.i or lemma in NOUN_CUE_LEMMAS or lemma in _COMPLEMENT_NOUNS
        ):
            continue  # "said in response to reports that ...": the reports' content
        for clause in noun.children:
            own_subject = any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
            # "tweeted in the early morning hours that ...": the parse may tag "that" an adverb
            that = _has_mark(clause, {"that"}) or (
                clause.left_edge.lower_ == "that" and clause.left_edge.dep_ == "advmod"
            )
            is_that = clause.dep_ in {"acl", "ccomp", "relcl"} and that
            if is_that and (carries or own_subject):
                return clause
    return None


def _name_agrees(head: Token, subtree: list[Token], referent: Entity) -> bool:
    """Whether a description's own capitalised words, and the nouns that say which one it
    is, all belong to the referent's name: "the Foreign Ministry" may be the Russian Foreign
    Ministry named before; "the Cuban Foreign Ministry" is a name of its own and never "the
    Castros", and "the defense ministry" is not the Foreign Ministry."""
    words = {
        fold(t.text)
        for t in subtree
        if t.text[:1].isupper() and t.i > t.sent.start and t.pos_ in ("PROPN", "NOUN", "ADJ")
    }
    named = {w for n in (referent.name, *referent.aliases) for w in fold(n).split()}
    if fold(head.lemma_) in named:
        # a kind of the thing the name names: "the defense ministry" and the Foreign Ministry;
        # "the press service" of Rostec is not named by its head
        words |= {fold(c.text) for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    return words <= named


def _lemma(tok: Token) -> str:
    """The lemma in lower case (spaCy keeps a proper noun's capitals)."""
    return tok.lemma_.lower()


def _find_or_end(text: str, sub: str, start: int) -> int:
    found = text.find(sub, start)
    return len(text) if found < 0 else found


_DOMAIN_NAME = re.compile(r"\w\.(?:com|org|net|info|co\.uk|com\.au)$", re.IGNORECASE)


def _is_media(entity: Entity) -> bool:
    """A news outlet or website: "The Wall Street Journal", "Snopes.com"."""
    return entity.type == "ORG" and (
        any(w in MEDIA_NAME_WORDS for w in fold(entity.name).split())
        or _DOMAIN_NAME.search(entity.name) is not None
    )


def _overlap(a: _Candidate, b: _Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / min(a.end - a.start, b.end - b.start)


def extract_quotes(story: ParsedStory, entities: EntityIndex) -> list[Quote]:
    """Every quote of every article, each with its speaker resolved where the text allows."""
    quotes: list[Quote] = []
    for article in story.articles:
        doc = story.docs.get(article.id)
        if doc is not None:
            quotes.extend(_ArticleQuotes(article.id, doc, entities).run())
    return quotes
