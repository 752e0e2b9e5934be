"""Framing: the words each outlet chooses, in its own voice, for the story's people and events.

Only the outlet's own voice counts: words inside quotation marks (straight or curly double
quotes, and single quotes that enclose several words) and inside the spans of extracted quotes
belong to someone else. A single-quoted *label* of one to three words right after a modifier
("self-proclaimed 'interim president'") is a scare quote, the outlet's own irony, and stays in.

Two kinds of term are reported:
- labels of a referent: the compound and adjectival modifiers and appositions of a name
  ("opposition leader Juan Guaido", "self-proclaimed 'interim president' Juan Guaido"), found
  on the dependency parse; reported when another outlet labels the same referent differently;
- loaded words from a general lexicon (regime, self-proclaimed, coup, puppet, ...), reported
  for each outlet that uses them in its own voice where another outlet calls the same referent
  differently, or where most outlets of the story do not use them at all.
  ``others_say`` lists what the other outlets call the same referent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.analysis.entities import EntityIndex
from newsprism.model import Article, FramingTerm, Quote
from newsprism.nlp.pipeline import ParsedStory

# Loaded or evaluative words of political news, each with the kind of referent it frames.
LOADED_TERMS: dict[str, str] = {
    "regime": "government", "regime change": "action", "junta": "government",
    "dictator": "person", "dictatorship": "government", "strongman": "person",
    "self-proclaimed": "person", "self-declared": "person", "so-called": "label",
    "puppet": "person", "usurper": "person", "illegitimate": "label",
    "coup": "action", "coup d'état": "action", "coup d’état": "action", "putsch": "action",
    "uprising": "action", "insurrection": "action", "invasion": "interference",
    "meddling": "interference", "interference": "interference", "aggression": "interference",
    "terrorist": "person", "terrorists": "person", "militants": "person", "rebels": "person",
    "freedom fighters": "person", "thugs": "person", "mob": "person",
    "alleged": "claim", "allegedly": "claim", "supposedly": "claim", "purported": "claim",
    "so-called experts": "claim", "myth": "claim", "hoax": "claim", "fake news": "claim",
    "propaganda": "claim", "narrative": "claim", "mainstream media": "media",
    "democratically elected": "government", "legitimate": "label",
}  # fmt: skip

_LOADED = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted((re.escape(t) for t in LOADED_TERMS), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Neutral wordings of an attempt to change a government, the counterpart of "coup".
_ACTION = re.compile(
    r"(?<![\w-])((?:[\w-]+-backed\s+)?(?:campaign|attempt|efforts?|bid|push|drive|plot)\s+to\s+"
    r"(?:topple|oust|overthrow|remove|unseat|install|replace)\b)",
    re.IGNORECASE,
)
# Double quotes always quote; single quotes around 4+ words quote, around 1-3 words they scare.
_DOUBLE_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»")
_SINGLE_QUOTED = re.compile(r"(?<![\w])['‘]([^'’\n]+)['’](?![\w])")
_BARE_TITLES = {
    "mr", "mrs", "ms", "dr", "sir", "president", "general", "attorney", "deputy", "secretary",
    "minister", "sen", "senator", "rep", "gov", "governor", "judge", "prime", "vice", "chief",
    "king", "queen", "prince", "princess", "sheikh", "lieutenant", "lt", "first lieutenant",
    "captain", "capt", "sergeant", "sgt", "colonel", "col", "major", "maj", "corporal", "cpl",
    "private", "pvt", "admiral", "adm", "commander", "cmdr", "officer", "professor", "prof",
    "representative", "congressman", "congresswoman",
}  # fmt: skip
# Abbreviated titles, read as the word they shorten: "Qeshm Gov." is "Qeshm Governor".
_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "lt": "lieutenant", "capt": "captain", "sgt": "sergeant", "col": "colonel", "maj": "major",
    "cpl": "corporal", "pvt": "private", "adm": "admiral", "cmdr": "commander",
    "prof": "professor", "atty": "attorney", "supt": "superintendent", "insp": "inspector",
}  # fmt: skip
_LABEL_DEPS = {"compound", "amod", "appos", "nmod"}
_BEFORE_A_VERB = {"to", "that", "which", "who"}
_WORDS_FOR_A_NAME = {"name", "word", "term", "phrase"}


def own_voice_mask(article: Article, quotes: list[Quote]) -> list[bool]:
    """For each character of the article, True where the outlet speaks in its own voice."""
    text = article.text
    mask = [True] * len(text)

    def cut(start: int, end: int) -> None:
        for k in range(max(start, 0), min(end, len(text))):
            mask[k] = False

    for m in _DOUBLE_QUOTED.finditer(text):
        cut(m.start(), m.end())
    for m in _SINGLE_QUOTED.finditer(text):
        if len(m.group(1).split()) > 3:
            cut(m.start(), m.end())
    for quote in quotes:
        if quote.article_id == article.id and quote.kind in ("direct", "mixed"):
            cut(*quote.span)
    return mask


@dataclass
class _Use:
    outlet: str
    term: str
    referent: str
    article_id: str


def _outlet(article: Article) -> str:
    return article.outlet or article.file or article.id


def _referent_of(token: Token, entities: EntityIndex, article_id: str) -> str:
    """The name the label belongs to: the resolved entity, else the named head it modifies."""
    head = token
    while head.dep_ in _LABEL_DEPS and head.head.i != head.i:
        head = head.head
        if head.ent_type_ or head.pos_ == "PROPN":
            break
    entity = entities.entity_at(article_id, head.idx, head.idx + len(head))
    if entity is not None:
        return entity.name
    if head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return ent.text
    if head.pos_ == "PROPN":
        return " ".join(t.text for t in head.subtree if t.pos_ == "PROPN")
    # A label the parser attached loosely ("self-proclaimed 'interim-president' Juan Guaido"):
    # the person named right after it, with no verb between ("the dictator described Trump
    # as ..." says nothing of Trump).
    near = [
        e
        for e in token.doc.ents
        if e.label_ == "PERSON"
        and 0 < e.start - token.i <= 6
        and not any(t.pos_ in ("VERB", "AUX") for t in token.doc[token.i + 1 : e.start])
    ]
    if near:
        found = entities.entity_at(article_id, near[0].start_char, near[0].end_char)
        return found.name if found else near[0].text
    return head.lemma_.lower()


def _foreign_or_electoral(token: Token) -> bool:
    """Whether an intrusion word is about one country acting on another or on an election:
    "Russian meddling", "interference in the 2016 election", "the meddling of a foreign
    power", and not "an invasion of privacy"."""
    near = [*token.subtree]
    if token.dep_ in ("compound", "amod"):
        near.extend(c for c in token.head.children if c.i != token.i)
    return any(
        t.ent_type_ in ("GPE", "NORP")
        or t.lemma_.lower() in ("foreign", "election", "electoral", "campaign", "vote")
        for t in near
    )


def _government_of(token: Token, entities: EntityIndex, article_id: str) -> str:
    """ "Maduro's regime" and "the Maduro government" both frame "Maduro's government"."""
    noun = token if token.pos_ in ("NOUN", "PROPN") else token.head
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
            found = entities.entity_at(article_id, child.idx, child.idx + len(child))
            ent = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
            name = found.name if found else ent.text if ent is not None else child.text
            return f"{name}'s government"
    return "government"


def _loaded_uses(article: Article, doc: Doc, mask: list[bool], entities: EntityIndex) -> list[_Use]:
    uses = []
    for m in _LOADED.finditer(article.text):
        if not all(mask[m.start() : m.end()]):
            continue
        term = m.group(1).lower()
        token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if token is None:
            continue
        kind = LOADED_TERMS.get(term, "label")
        if kind == "interference":
            if not _foreign_or_electoral(token.root):
                continue  # "an invasion of privacy lawsuit": not one state's hand in another's
            referent = "foreign involvement"
        elif kind in ("action", "claim", "media"):
            referent = kind
        elif kind == "government":
            referent = _government_of(token.root, entities, article.id)
        else:
            referent = _referent_of(token.root, entities, article.id)
        referent = " ".join(referent.split())
        if not _nested(_key(referent), _key(term)):  # nothing it clearly refers to
            uses.append(_Use(_outlet(article), term, referent, article.id))
    for m in _ACTION.finditer(article.text):
        if all(mask[m.start() : m.end()]):
            uses.append(_Use(_outlet(article), m.group(1).lower(), "action", article.id))
    return uses


def _labels(article: Article, doc: Doc, mask: list[bool], entities: EntityIndex) -> list[_Use]:
    """Own-voice descriptive labels of people: "opposition leader Juan Guaido"."""
    uses = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = " ".join(ent.text.split())
        resolved = entities.entity_at(article.id, ent.start_char, ent.end_char)
        referent = resolved.name if resolved else name
        # A label is a noun with what qualifies it ("Welsh actor", "North Korean Dictator"):
        # an adjective alone ("perfect", "younger") or a name (a first name the model left
        # out, a place) is no name for the person; loaded adjectives ("self-proclaimed") come
        # from the lexicon.
        # ... written before the name, or the noun the name is in apposition to right before
        # it ("North Korean Dictator Kim Jong Un" parsed with the name as the apposition)
        before = [t for t in ent.root.lefts if t.dep_ in _LABEL_DEPS and t.i < ent.start]
        if ent.root.dep_ == "appos" and ent.root.head.i == ent.start - 1:
            before.append(ent.root.head)
        words = [
            t
            for t in before
            if t.pos_ in ("NOUN", "PROPN")
            and not t.ent_type_  # "Easter weekend Pompeo met Kim": a date, not a label
        ]
        for word in words:
            start = min(x.i for x in word.subtree)
            while start < word.i and doc[start].lower_ in ("the", "a", "an"):
                start += 1  # "the American journalist" is the label "American journalist"
            span = doc[start : word.i + 1]
            if not all(mask[span.start_char : span.end_char]) or len(span) > 5:
                continue
            if span.start > 0 and doc[span.start - 1].lower_ in _BEFORE_A_VERB:
                continue  # "to nail Jobs", "acts that detail Jobs": a verb tagged a noun
            label = " ".join(span.text.split()).strip(" ,")
            if label.lower().rstrip(".") in _BARE_TITLES | _WORDS_FOR_A_NAME:
                continue  # "Mr.", "President": forms of address; "the name": no choice of words
            in_name = label.lower() in name.lower() or label.lower() in referent.lower()
            if re.fullmatch(r"[\w][\w .'’-]*", label) and not in_name:
                uses.append(_Use(_outlet(article), label, referent, article.id))
    return uses


def find_framing(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex
) -> list[FramingTerm]:
    """Terms an outlet uses in its own voice for a referent where the other outlets do not."""
    uses: list[_Use] = []
    for article in story.articles:
        doc = story.docs.get(article.id)
        if doc is None:
            continue
        mask = own_voice_mask(article, quotes)
        uses.extend(_loaded_uses(article, doc, mask, entities))
        uses.extend(_labels(article, doc, mask, entities))
    by_referent: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for use in uses:
        by_referent[_key(use.referent)][use.outlet].add(use.term)
    outlets = {_outlet(a) for a in story.articles}
    merged: dict[tuple[str, str, str], FramingTerm] = {}
    for use in uses:
        users = {u.outlet for u in uses if _key(u.term) == _key(use.term)}
        if users >= outlets:  # every outlet says it: not a choice that sets one apart
            continue
        said_by_others = by_referent[_key(use.referent)]
        own = {_key(t) for t in said_by_others[use.outlet]}
        # A contrast is a word this outlet does not use itself, and not the same word with
        # more or fewer modifiers ("dictator" beside "North Korean dictator").
        others = sorted(
            {
                t
                for o, terms in said_by_others.items()
                if o != use.outlet
                for t in terms
                if _key(t) not in own and not _nested(_key(t), _key(use.term))
            }
        )
        # one form of each wording: "British aid worker", not also "British aid workers"
        others = [
            t for n, t in enumerate(others) if not any(_same_wording(t, u) for u in others[:n])
        ]
        is_loaded = use.term in LOADED_TERMS
        if not others and (not is_loaded or 2 * len(users) > len(outlets)):
            continue  # a plain label nobody contrasts with, or a loaded word most outlets use
        if not is_loaded and 2 * len(users) > len(outlets):
            continue  # the common wording ("French President" in four of five): the others'
            # words are the choice, and list it among what the others say
        key = (use.outlet, _key(use.term), _key(use.referent))
        if key in merged:
            if use.article_id not in merged[key].article_ids:
                merged[key].article_ids.append(use.article_id)
            continue
        merged[key] = FramingTerm(
            outlet=use.outlet,
            term=use.term,
            refers_to=use.referent,
            others_say=others,
            article_ids=[use.article_id],
        )
    return sorted(merged.values(), key=lambda f: (f.outlet, f.refers_to or "", f.term))


def _key(text: str) -> str:
    text = re.sub(r"\b(?:\w\.){2,}", lambda m: m.group().replace(".", ""), text)  # C.I.A.
    words = re.sub(r"[\W_]+", " ", text.casefold()).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _nested(a: str, b: str) -> bool:
    """Whether one key's words run inside the other's, or the two are forms of one wording
    ("alleged" and "allegedly", "British aid worker" and "British aid workers")."""
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) > 1 and _in_order(short, _expand_acronyms(long, short)):
        return True  # "Judiciary Chairman", "CIA Director" of "House Judiciary Committee Chairman"
    return _same_wording(a, b)


def _expand_acronyms(words: list[str], others: list[str]) -> list[str]:
    """The words with each run whose initials spell a word of ``others`` read as that word:
    "central intelligence agency director" as "cia director" beside "cia director"."""
    acronyms = {w for w in others if 2 <= len(w) <= 6}
    out, i = [], 0
    while i < len(words):
        for j in range(len(words), i + 1, -1):
            if "".join(w[0] for w in words[i:j]) in acronyms:
                out.append("".join(w[0] for w in words[i:j]))
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _in_order(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _same_wording(a: str, b: str) -> bool:
    words_a, words_b = _key(a).split(), _key(b).split()
    return len(words_a) == len(words_b) and all(
        x == y or _forms_of_one_word(x, y) for x, y in zip(words_a, words_b, strict=True)
    )


def _forms_of_one_word(a: str, b: str) -> bool:
    """ "alleged" and "allegedly", "worker" and "workers"."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 2
