"""Cross-document entity resolution: one entity per real-world name across a story's articles.

spaCy's small model tags each mention on its own; this stage merges the mentions of all
articles: accent and case folding, transliteration variants (fuzzy match, guarded), surnames to
full names, acronyms to multiword organisations, titles kept as descriptions, and the type
decided by the majority of mentions so one NER slip does not decide it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet
from spacy.tokens import Doc, Token

from newsprism.analysis.cues import CUE_LEMMAS
from newsprism.model import Entity, stable_id
from newsprism.nlp.pipeline import DocIndex, ParsedStory

NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Types whose names are spelled the same everywhere: never merged by fuzzy similarity.
_NO_FUZZY_TYPES = frozenset({"GPE", "LOC", "NORP", "EVENT", "LAW", "DATE"})
# Order used to break a tie between types: a name the model also tags NORP or PERSON is more
# often an organisation (a company or an outlet) than the reverse.
_TYPE_PREFERENCE = ("ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP")

# Titles and roles that precede a name; kept as the entity's description, never in its name.
TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "president",
        "vice",
        "deputy",
        "minister",
        "prime",
        "foreign",
        "interior",
        "defence",
        "defense",
        "finance",
        "secretary",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "cardinal",
        "bishop",
        "general",
        "gen",
        "admiral",
        "colonel",
        "col",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "commander",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "director",
        "head",
        "leader",
        "judge",
        "justice",
        "attorney",
        "lawmaker",
        "candidate",
        "nominee",
        "premier",
        "emperor",
        "sheikh",
        "ayatollah",
        "president-elect",
        "former",
        "acting",
        "interim",
        "incumbent",
        "first",
        "lady",
        "self-proclaimed",
        "official",
        "officer",
        "adviser",
        "advisor",
        "correspondent",
        "reporter",
        "editor",
        "professor",
        "economist",
        "expert",
        "founder",
        "executive",
        "manager",
    ]
)
_ADDRESS_FORMS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
HONORIFICS = _ADDRESS_FORMS | {"dr", "sir", "dame"}

# Head nouns that say a name is an organisation ("the exporter", "defence conglomerate Rostec").
ORG_NOUNS = frozenset(
    [
        "company",
        "corporation",
        "conglomerate",
        "firm",
        "group",
        "exporter",
        "manufacturer",
        "maker",
        "producer",
        "agency",
        "ministry",
        "department",
        "bank",
        "party",
        "organisation",
        "organization",
        "network",
        "newspaper",
        "outlet",
        "broadcaster",
        "channel",
        "paper",
        "daily",
        "magazine",
        "publication",
        "website",
        "service",
        "council",
        "committee",
        "commission",
        "association",
        "union",
        "institute",
        "foundation",
        "university",
        "court",
        "government",
        "administration",
    ]
)
# Words that qualify a role but are not one ("former", "acting"): never a description alone.
_ROLE_QUALIFIERS = frozenset(
    {"former", "acting", "interim", "incumbent", "then", "late", "outgoing", "ex", "new"}
)
# The titles and roles only a person holds: the nouns of TITLE_WORDS.
PERSON_ROLES = TITLE_WORDS - _ROLE_QUALIFIERS - {
    "vice", "deputy", "prime", "foreign", "interior", "defence", "defense", "finance", "first",
    "self-proclaimed",
}  # fmt: skip
# The last word of a newspaper's title, by which a story names it again ("the Post said").
NEWSPAPER_WORDS = frozenset(
    {"post", "times", "journal", "tribune", "herald", "guardian", "telegraph", "globe",
     "gazette", "chronicle", "independent", "observer", "inquirer", "courier"}
)  # fmt: skip
# Generational suffixes: the word before one is the surname (Donald Trump Jr. -> Trump).
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Dependencies by which a name qualifies the noun after it ("DNC chairwoman", "Trump campaign").
_MODIFIER_DEPS = frozenset({"compound", "amod"})
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})
_ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "&", "on", "in", "de", "la"})
_OUTLET_VERBS = frozenset({"report", "publish", "broadcast", "air"})
# Verbs of posting: "said on Twitter", "announced on Telegram" name a platform, not a person.
_POSTING_VERBS = frozenset(
    {"say", "announce", "write", "post", "tweet", "respond", "reply", "comment", "declare"}
)
_ARTICLES = frozenset({"the", "a", "an"})
# Words after which a description's words describe something other than its holder.
_DESCRIPTION_LINKS = frozenset(
    {"of", "for", "at", "in", "to", "on", "with", "from", "who", "whose", "which", "that", ","}
)
# A preposition of place right before a name: "in Washington" is the place, not the surname.
# "of" is left out: "a video of Bolden" as often as "the people of Ohio"
_PLACE_WORD = re.compile(r"\b(?:in|into|to|from|at|near|across|outside|around)\s+$", re.I)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-free, case-free, punctuation-light key of a name: Guaidó -> guaido."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("-", " ").replace(".", "")
    return " ".join(plain.casefold().split())


@dataclass
class Mention:
    article_id: str
    start: int  # character offsets of the cleaned name in the article text
    end: int
    text: str
    label: str
    description: str | None = None
    the_capitalised: bool = (
        False  # "The Wall Street Journal" written with a capital The mid-sentence
    )
    # The name qualifies a noun after it ("the Trump campaign", "Trump's lawyer"): the model's
    # label then describes the phrase more than the name, and does not outvote a person.
    modifier: bool = False


@dataclass
class EntityIndex:
    """The story's resolved entities and where each is mentioned."""

    entities: list[Entity] = field(default_factory=list)
    # (article id, start char, end char) -> entity id
    mentions: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # entity id -> every role or title seen with it ("Kremlin spokesman", "corporation")
    descriptions: dict[str, list[str]] = field(default_factory=dict)
    # Lookups built on first use, rebuilt when entities or mentions are added (and reset
    # where an alias is): find() and entity_at() run for every pair of claims conflicts compare.
    _by_name: tuple[int, dict[str, Entity]] | None = field(default=None, repr=False, compare=False)
    _by_article: tuple[int, dict[str, list[tuple[int, int, str]]]] | None = field(
        default=None, repr=False, compare=False
    )

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def find(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case- and accent-insensitive, a
        leading article aside: "The Cuban Foreign Ministry")."""
        key = fold(name)
        first, _, rest = key.partition(" ")
        if first in _ARTICLES and rest:
            key = rest
        return self._names().get(key)

    def _names(self) -> dict[str, Entity]:
        size = len(self.entities)
        if self._by_name is None or self._by_name[0] != size:
            names: dict[str, Entity] = {}
            for entity in self.entities:  # the first entity with the name or alias wins
                for text in (entity.name, *entity.aliases):
                    names.setdefault(fold(text), entity)
            self._by_name = (size, names)
        return self._by_name[1]

    def entity_at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity mentioned at (or overlapping) a character span of an article."""
        if self._by_article is None or self._by_article[0] != len(self.mentions):
            by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
            for (aid, s, e), entity_id in self.mentions.items():
                by_article[aid].append((s, e, entity_id))
            self._by_article = (len(self.mentions), dict(by_article))
        for s, e, entity_id in self._by_article[1].get(article_id, ()):
            if s < end and start < e:
                return self.get(entity_id)
        return None

    def mentions_in(self, article_id: str) -> list[tuple[int, int, Entity]]:
        """The article's mentions in text order, with their entities."""
        by_id = {e.id: e for e in self.entities}
        found = [(s, e, by_id[i]) for (aid, s, e), i in self.mentions.items() if aid == article_id]
        return sorted(found, key=lambda m: (m[0], m[1]))

    def with_role(self, role: str) -> list[Entity]:
        """Entities a description names as this role anywhere in the story ("ambassador"):
        "chairman of the Democratic Party" is a chairman, not a party; "an appointee of
        President Clinton" is no president."""
        role = fold(role)
        return [
            e
            for e in self.entities
            if any(_description_head(d) == role for d in self.descriptions.get(e.id, []))
        ]


def _description_head(description: str) -> str:
    """The word a description says its holder is: the last before any phrase hung on it
    ("chairman" of "chairman of the Democratic Party", "director" of "former F.B.I. director")."""
    words = re.findall(r"[\w']+|,", fold(description))
    cut = next((n for n, w in enumerate(words) if w in _DESCRIPTION_LINKS), len(words))
    return words[cut - 1] if cut else ""


def _is_past_cue(token: Token) -> bool:
    """A verb of saying in the past, written with a capital after a name and tagged as its
    last word: "Waleed Abu Nada Tweeted on Wednesday". Not "said", a surname (Edward Said)."""
    word = token.lower_
    return word in ("told", "wrote") or (
        word.endswith("ed") and (word[:-1] in CUE_LEMMAS or word[:-2] in CUE_LEMMAS)
    )


def _strip_edges(tokens: list[Token], label: str) -> tuple[list[Token], list[Token], bool]:
    """Drop articles, pronouns ("Anything Obama did"), possessive endings, leading marks
    (white space, punctuation, a stray "\\n") and leading titles; return (name, title,
    capital The)."""
    the_cap = False
    while tokens and (
        tokens[0].lower_ in _ARTICLES
        or (len(tokens) > 1 and (tokens[0].pos_ == "PRON" or not tokens[0].text[:1].isalnum()))
    ):
        first = tokens[0]
        the_cap = the_cap or (first.text == "The" and not first.is_sent_start)
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].text in _POSSESSIVE
        or tokens[-1].is_punct
        or tokens[-1].is_space
        or (len(tokens) > 1 and _is_past_cue(tokens[-1]))
    ):
        tokens = tokens[:-1]
    title: list[Token] = []
    if label == "PERSON":
        while len(tokens) > 1 and (
            tokens[0].lower_.rstrip(".") in TITLE_WORDS or tokens[0].is_lower or tokens[0].is_punct
        ):
            title.append(tokens[0])
            tokens = tokens[1:]
    return tokens, title, the_cap


def _left_description(doc: Doc, start: int, role_last: bool = True) -> list[Token]:
    """The role words right before a name: "Kremlin spokesman" before "Dmitry Peskov"."""
    words: list[Token] = []
    i = start - 1
    while i >= 0 and len(words) < 8:
        tok = doc[i]
        if (tok.is_sent_end and i != start - 1) or "\n" in tok.text_with_ws:
            break
        if (
            tok.pos_ in {"PROPN", "NOUN", "ADJ"}
            or tok.text == "-"
            or (
                tok.pos_ == "ADP"
                and tok.lower_ in {"to", "of", "in", "for"}
                and words
                and i > 0
                # "Ambassador to Venezuela", and hyphenated: "son-in-law"
                and (doc[i - 1].pos_ in {"NOUN", "PROPN"} or doc[i - 1].text == "-")
            )
        ):
            words.insert(0, tok)
            i -= 1
            continue
        break
    if role_last:
        # "appointee of President Bill Clinton": the words up to "of" describe someone else.
        cuts = [n for n, t in enumerate(words) if t.pos_ == "ADP" and doc[t.i - 1].text != "-"]
        if cuts:
            words = words[cuts[-1] + 1 :]
    while words and (words[0].pos_ == "ADP" or words[0].is_punct):
        words = words[1:]
    if not words:
        return []
    last = words[-1]
    if role_last and not ((last.is_lower and last.pos_ == "NOUN") or last.lower_ in TITLE_WORDS):
        return []
    return words


def _names_a_role(words: list[Token]) -> bool:
    """Whether the words hold a noun that is a role: "former" or "acting" alone is not one."""
    return any(t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in _ROLE_QUALIFIERS for t in words)


def _appos_description(name: list[Token], text: str) -> tuple[str, Token] | None:
    """ "Russia's state military hardware exporter" in "Russia's ... exporter, Rosoboronexport,",
    with the noun that heads it (the role: "exporter"). A noun before the name is one only
    where a comma or a bracket sets the name off: "trouble — Yemen, Syria" gives an example
    of trouble."""
    doc = name[0].doc
    ent_root = _name_root(name)
    nouns: list[Token] = []
    head = ent_root.head
    before = name[0].i - 1
    while before > 0 and (doc[before].lower_ in _ARTICLES or doc[before].is_quote):
        before -= 1  # his recent book, "A Higher Loyalty"
    set_off = before >= 0 and doc[before].text in {",", "("}
    if ent_root.dep_ == "appos" and head.pos_ == "NOUN" and not head.ent_type_:
        if not set_off:
            return None
        # the role with what it is of, up to the comma before the name: "the head of the
        # Interior Ministry's Natural Disasters Headquarters, Abbas Jazayeri"
        nouns = [t for t in head.subtree if t.i < before and (not t.is_punct or t.text == "-")]
        nouns = [t for t in nouns if head.left_edge.i <= t.i]
    else:
        for child in ent_root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
                head = child
                nouns = [t for t in child.subtree if not t.is_punct]
                break
    while nouns and nouns[0].lower_ in _ARTICLES:
        nouns = nouns[1:]
    if not nouns or len(nouns) > 10:
        return None
    return _span_text(text, nouns), head


def _span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


@dataclass
class _StoryNames:
    """What the whole story shows of its names, to read each mention with: the places, the
    people's full names and every tail of them ("wasserman schultz", "schultz"), the first
    words of those names, and the nouns written in lowercase ("servers")."""

    places: set[str] = field(default_factory=set)
    full_names: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    first_names: set[str] = field(default_factory=set)
    common_nouns: set[str] = field(default_factory=set)


def _story_names(story: ParsedStory) -> _StoryNames:
    names = _StoryNames()
    for doc in story.docs.values():
        for ent in doc.ents:
            if ent.label_ == "GPE" and len(ent) <= 3:
                names.places.add(fold(ent.text))
            if ent.label_ == "PERSON":
                words = fold(_joined(_strip_edges(list(ent), "PERSON")[0])).split()
                if len(words) > 1:
                    names.full_names.add(" ".join(words))
                    names.first_names.add(words[0])
                    names.people.update(" ".join(words[i:]) for i in range(len(words)))
        names.common_nouns.update(t.lower_ for t in doc if t.is_lower and t.pos_ == "NOUN")
    return names


def _joined(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _names_cut_short(index: DocIndex, names: _StoryNames) -> dict[int, tuple[int, int]]:
    """People's names the model cut short, by the start of the entity it tagged, with the
    name's whole token span: "Representative Debbie Wasserman Schultz" tagged from
    "Wasserman", "Donald J. Trump" cut into "Donald" (GPE) and "J. Trump", "first lady
    Melania Trump" tagged "Melania" (GPE). A word next to the entity is taken back where the
    story has the name in full, or where the name starts with an initial and the word before
    it is a first name there."""
    doc = index.doc
    spans: dict[int, tuple[int, int]] = {}
    for ent in index.ents:
        if ent.label_ not in NAME_TYPES:
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON" and start > 0 and _loose_name_word(doc[start - 1]):
            before = doc[start - 1]
            in_full = fold(f"{before.text} {ent.text}") in names.full_names
            initial = len(ent) > 1 and _is_initial(ent[0])
            if in_full or (initial and fold(before.text) in names.first_names):
                start -= 1
        after = doc[end] if end < len(doc) else None
        surname_left_out = (
            after is not None
            and _loose_name_word(after)
            and after.ent_iob_ == "O"
            and fold(f"{doc[start:end].text} {after.text}") in names.full_names
        )
        if surname_left_out:
            end += 1
        if (start, end) != (ent.start, ent.end):
            spans[ent.start] = (start, end)
    return spans


def _is_initial(tok: Token) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _loose_name_word(tok: Token) -> bool:
    """A capitalised word outside any longer entity, that is not a title."""
    return tok.is_alpha and tok.is_title and tok.lower_ not in TITLE_WORDS and tok.ent_iob_ != "I"


def _doc_mentions(article_id: str, index: DocIndex, names: _StoryNames) -> list[Mention]:
    found: list[Mention] = []
    doc, text = index.doc, index.text
    cut_short = _names_cut_short(index, names)
    taken_back = {i for start, end in cut_short.values() for i in range(start, end)}
    for ent in index.ents:
        if ent.label_ not in NAME_TYPES:
            continue
        label = ent.label_
        if ent.start in cut_short:
            start, end = cut_short[ent.start]
            ent_tokens, label = list(doc[start:end]), "PERSON"
        elif any(t.i in taken_back for t in ent):
            continue
        else:
            ent_tokens = list(ent)
        tokens, title, the_cap = _strip_edges(ent_tokens, label)
        if not tokens or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
            continue
        if label == "PERSON":
            # "Jordan's King Abdullah": the owner is a place or person of its own
            owner, rest = _split_possessor(tokens, names)
            if owner and rest:
                owner_label = "GPE" if fold(_joined(owner)) in names.places else "PERSON"
                found.append(_mention(article_id, text, owner, owner_label, None, False))
                tokens, title, the_cap = _strip_edges(rest, label)
            if _demonym_before_name(tokens, names):
                title, tokens = tokens[:1], tokens[1:]  # "Londoner Mohammed Emwazi"
        else:
            people = _people_in_span(tokens, names)
            if people is not None:
                for person in people:
                    found.append(_mention(article_id, text, person, "PERSON", None, False))
                continue
            owner, tokens = _split_possessor(tokens, names)
            if owner:
                owner_label = "PERSON" if fold(_joined(owner)) in names.people else "GPE"
                found.append(_mention(article_id, text, owner, owner_label, None, False))
            tokens, title = _title_before_person(tokens, names) or (tokens, title)
            if title:
                label = "PERSON"
        tokens, label = _without_common_noun_tail(tokens, label, names)
        tokens, head, label = _without_common_noun_head(tokens, label, names)
        title = title or head
        left: list[Token] = []
        # "Venezuela Vladimir Zaemsky": a place the story knows as a GPE glued to a full name;
        # with the words before it, the place is part of the title ("Ambassador to Venezuela").
        if label == "PERSON" and len(tokens) >= 3:
            first = tokens[0].i
            # "Ambassador to Venezuela Vladimir Zaemsky": a title's place object, even unseen
            after_title = (
                first >= 2
                and doc[first - 1].lower_ in {"to", "in", "of"}
                and doc[first - 2].lower_ in TITLE_WORDS
                # "campaign manager of Donald J. Trump": a first name, not a place
                and not _is_initial(tokens[1])
            )
            for k in range(1, len(tokens) - 1):
                if (k == 1 and after_title) or fold(_span_text(text, tokens[:k])) in names.places:
                    place = tokens[:k]
                    found.append(_mention(article_id, text, place, "GPE", None, False))
                    left = _left_description(doc, tokens[k].i, role_last=False)
                    if not any(t.lower_ in TITLE_WORDS or t.is_lower for t in left):
                        left = []
                    tokens = tokens[k:]
                    break
        modifier_dep = _modifier_dep(tokens)
        if not left and not title and modifier_dep not in _MODIFIER_DEPS:
            # The words before a name that qualifies a noun go with that noun: "former" and
            # "DNC" both qualify "chairwoman" in "former DNC chairwoman Debbie Wasserman Schultz".
            left = _left_description(doc, tokens[0].i)
        left = left or title
        description, role, title_before = None, None, False
        if left and _names_a_role(left):
            description, role, title_before = _span_text(text, left), left[-1], True
        elif appos := _appos_description(tokens, text):
            description, role = appos
        label = _corrected_label(label, tokens, role, title_before and modifier_dep is None)
        mention = _mention(article_id, text, tokens, label, description, the_cap)
        mention.modifier = modifier_dep is not None
        found.append(mention)
    return found


def _name_root(tokens: list[Token]) -> Token:
    """The name's syntactic head: its token attached outside the name."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].root


def _modifier_dep(tokens: list[Token]) -> str | None:
    """How the name qualifies the noun after it ("compound" in "the Trump campaign", "poss" in
    "Trump's lawyer"), or None where the name is not such a qualifier."""
    root = _name_root(tokens)
    doc = root.doc
    qualifies = root.dep_ in _MODIFIER_DEPS or root.dep_ == "poss"
    if qualifies and root.head.i > tokens[-1].i and root.head.pos_ in {"NOUN", "PROPN"}:
        hyphenated = doc[tokens[-1].i + 1].text == "-"  # "Moon Jae-in" tagged "Moon Jae"
        return None if hyphenated else str(root.dep_)
    return None


def _people_in_span(tokens: list[Token], names: _StoryNames) -> list[list[Token]] | None:
    """The people a span tagged as something else lists: "Gates and Manafort", each a name
    the story gives a person."""
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.lower_ in {"and", "&"} or tok.text == ",":
            parts.append([])
        else:
            parts[-1].append(tok)
    if len(parts) < 2 or not all(p and fold(_joined(p)) in names.people for p in parts):
        return None
    return parts


def _split_possessor(tokens: list[Token], names: _StoryNames) -> tuple[list[Token], list[Token]]:
    """A person or a place the story knows, owning the rest of the span: "Obama's State
    Department" is Obama and the State Department. Returns (owner, rest); no owner if none."""
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok.text in _POSSESSIVE:
            owner = fold(_joined(tokens[:i]))
            if owner in names.people or owner in names.places:
                return tokens[:i], tokens[i + 1 :]
            break
    return [], tokens


def _demonym_before_name(tokens: list[Token], names: _StoryNames) -> bool:
    """ "Londoner Mohammed Emwazi", tagged one name: a word made from a place the story names
    ("London"), before a full name the story gives on its own."""
    if len(tokens) < 3 or fold(_joined(tokens[1:])) not in names.full_names:
        return False
    word = tokens[0].lower_
    return any(
        len(part) >= 4 and word.startswith(part[:-1]) and word != part
        for place in names.places
        for part in place.split()
    )


def _title_before_person(
    tokens: list[Token], names: _StoryNames
) -> tuple[list[Token], list[Token]] | None:
    """A title and a person's full name tagged as one thing: "DNC Chair Tom Perez" (tagged a
    work of art). Returns (name, title)."""
    for j in range(1, len(tokens) - 1):
        title_word = tokens[j - 1].lower_.rstrip(".") in TITLE_WORDS
        if title_word and fold(_joined(tokens[j:])) in names.full_names:
            return tokens[j:], tokens[:j]
    return None


def _without_common_noun_tail(
    tokens: list[Token], label: str, names: _StoryNames
) -> tuple[list[Token], str]:
    """A person's name followed by a plural the story also writes as a common noun names a
    thing of that person, not the person: "the Wendy Wasserman Schultz Servers", "Clinton
    Emails". The name alone is kept, as a mention of the person (as "Clinton's emails" is).

    A span the model calls an organisation is read so only when the rest is a full name: a
    company may be named after a person and a plural ("Trump Hotels")."""
    if label not in {"PERSON", "ORG"} or len(tokens) < 2:
        return tokens, label
    last = tokens[-1]
    plural = last.tag_ in {"NNS", "NNPS"} or last.lower_.endswith("s")
    if not plural or last.lower_ not in names.common_nouns:
        return tokens, label
    name = fold(_joined(tokens[:-1]))
    if (label == "PERSON" and name in names.people) or name in names.full_names:
        return tokens[:-1], "PERSON"
    return tokens, label


def _without_common_noun_head(
    tokens: list[Token], label: str, names: _StoryNames
) -> tuple[list[Token], list[Token], str]:
    """A word capitalised only because it opens the sentence, which the story also writes
    as a common noun, or an adverb, is not part of the name after it: "Mates Casey Dean and
    Eduard Nitz wish ...", "Teammates Philip Rivers ..." (tagged an organisation), "Luckily
    Jess Smith ...". Returns (name, the noun as a title, label)."""
    if label not in {"PERSON", "ORG"} or len(tokens) < 2 or not tokens[0].is_sent_start:
        return tokens, [], label
    word = tokens[0].lower_
    adverb = tokens[0].pos_ == "ADV"  # "Luckily Jess Smith said ...", "Luckily Jess ..."
    rest_known = fold(_joined(tokens[1:])) in names.people | names.first_names
    if len(tokens) < 3 and not (adverb and rest_known):
        return tokens, [], label
    if not adverb and not {word, word.removesuffix("s")} & names.common_nouns:
        return tokens, [], label
    rest = tokens[1:]
    if label == "ORG" and fold(_joined(rest)) not in names.full_names:
        return tokens, [], label
    return rest, [] if adverb else tokens[:1], "PERSON"


def _corrected_label(label: str, tokens: list[Token], role: Token | None, titled: bool) -> str:
    """One mention's vote for its type, correcting what the small model often gets wrong.

    A NORP that is a singular proper noun acting as a noun ("Rostec stated") is not a
    nationality; a name whose role is a company or an exporter is an organisation (the role
    is the description's head: "professor" in "professor at Manchester University"), and
    one ``titled`` by a role only a person holds, written right before it, or after "Mr",
    is a person ("Qeshm island governor Heydar Alishbandi", tagged a facility).
    """
    if role is not None and role.lower_ in ORG_NOUNS:
        return "ORG"
    if titled and role is not None and role.lower_ in PERSON_ROLES:
        return "PERSON"
    before = tokens[0].nbor(-1) if tokens[0].i > 0 else None
    if before is not None and before.lower_.rstrip(".") in HONORIFICS:
        return "PERSON"  # "Mr Chauhan", tagged a place
    root = tokens[-1]
    if label in {"PERSON", "GPE", "NORP"} and len(tokens) == 1 and _acts_as_outlet(root):
        return "ORG"
    if label == "NORP" and len(tokens) == 1 and root.tag_ == "NNP" and root.dep_ in _NOUN_DEPS:
        return "ORG"
    return label


def _acts_as_outlet(tok: Token) -> bool:
    """Syntax that marks a one-word name as a news outlet or a platform, not a person or a place.

    "speaking to X", "X reported", "in an interview with X", "said on X", and the dateline
    credit "MOSCOW (X) -": a person is rarely the subject of "reported", a place to post on or
    a dateline credit, and "speaking to" a single-word name that is not a surname points to
    the outlet interviewing.
    """
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_ in _OUTLET_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in {"speak", "talk"}:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "interview":
        return True
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_ in _POSTING_VERBS:
        return True
    doc = tok.doc
    if 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")":
        before = doc[tok.i - 2] if tok.i >= 2 else None
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        dateline = before is not None and before.is_upper and len(before.text) > 2
        return dateline and (after is None or after.text in {":", "-", "–", "—", ","})
    return False


def _mention(
    article_id: str, text: str, tokens: list[Token], label: str, desc: str | None, the_cap: bool
) -> Mention:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Mention(article_id, start, end, text[start:end], label, desc, the_cap)


class _KeyGroups:
    """Entity keys grouped by the links made so far.

    Each group is represented by its first key in the order given (the most mentioned, then
    the first by name), so that choices between groups do not depend on the order of links.
    """

    def __init__(self, keys: list[str]) -> None:
        self._order = {k: i for i, k in enumerate(keys)}
        self._sets = DisjointSet(keys)

    def link(self, a: str, b: str) -> None:
        self._sets.merge(a, b)

    def representative(self, key: str) -> str:
        """The representative of ``key``'s group."""
        return min(self.members(key), key=self._order.__getitem__)

    def members(self, key: str) -> set[str]:
        """Every key in ``key``'s group."""
        return self._sets.subset(key)


def _majority_type(labels: Counter[str], has_full_person_name: bool) -> str:
    if has_full_person_name and labels["PERSON"]:
        labels = labels + Counter({"PERSON": 1})  # a first + last name settles a tie
    top = max(labels.values())
    tied = [t for t in labels if labels[t] == top]
    return min(tied, key=lambda t: _TYPE_PREFERENCE.index(t) if t in _TYPE_PREFERENCE else 99)


def _entity_type(mentions: list[Mention]) -> str:
    """The type most mentions vote for.

    The model tags a name qualifying a noun by the phrase ("the Trump campaign": ORG), so a
    person is one where the full names (two words or more), or else the mentions that qualify
    nothing, mostly say PERSON, whatever the other mentions say.
    """
    free = [m for m in mentions if not m.modifier]
    full = [m for m in mentions if len(fold(m.text).split()) > 1]
    free_full = [m for m in full if not m.modifier] or full
    if full and _majority_type(Counter(m.label for m in free_full), True) == "PERSON":
        return "PERSON"
    if free and _majority_type(Counter(m.label for m in free), bool(full)) == "PERSON":
        return "PERSON"
    return _majority_type(Counter(m.label for m in mentions), bool(full))


def _shorter_form(short: str, full: str) -> bool:
    """Whether a name of several words is a shorter form of a longer one: its tail ("Wasserman
    Schultz", "Trump Jr.") or the name less middle names or initials ("James Comey" for
    "James B. Comey", "Donald Jr." for "Donald Trump Jr.")."""
    s, f = short.split(), full.split()
    if len(s) >= len(f):
        return False
    if f[-len(s) :] == s:
        return True
    if s[0] != f[0] or s[-1] != f[-1]:
        return False
    rest = iter(f)
    return all(word in rest for word in s)


def _surname(name: str) -> str:
    """The last word of a name that is not a generational suffix: Mueller in Robert S.
    Mueller III."""
    words = name.split()
    if fold(words[-1]) in _NAME_SUFFIXES:
        return words[-2] if len(words) > 2 else ""
    return words[-1]


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‑]")


def _without_arabic_article(key: str) -> list[str]:
    return [_ARABIC_ARTICLE.sub("", w) for w in key.split() if w not in {"al", "el"}]


def _similar_names(a: str, b: str) -> bool:
    """Spelling variants of one name (Zaemsky/Zayemsky, Rostec/Rostek, Mohammed al-Momani/
    Mohammad Momani: the Arabic article written or not), guarded for short names."""
    ta, tb = _without_arabic_article(a), _without_arabic_article(b)
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < 5 or x[0] != y[0]:
            return False
        threshold = 80 if min(len(x), len(y)) >= 6 else 88
        if fuzz.ratio(x, y) < threshold:
            return False
    return True


def _acronym(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_STOPWORDS)


def resolve_entities(story: ParsedStory) -> EntityIndex:
    """Merge every article's named-entity mentions into the story's entities."""
    names = _story_names(story)
    mentions: list[Mention] = []
    for article in story.articles:
        if article.id in story.docs:
            mentions.extend(_doc_mentions(article.id, story.index(article.id), names))
    if not mentions:
        return EntityIndex()

    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[fold(m.text)].append(m)
    key_type = {k: _entity_type(ms) for k, ms in by_key.items()}
    key_articles = {k: {m.article_id for m in ms} for k, ms in by_key.items()}
    keys = sorted(by_key, key=lambda k: (-len(by_key[k]), k))
    groups = _KeyGroups(keys)

    # Spelling variants: only across articles (within one article two similar names are more
    # likely two entities), only for names and organisations.
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if key_type[a] in _NO_FUZZY_TYPES or key_type[b] in _NO_FUZZY_TYPES:
                continue
            if (key_type[a] == "PERSON") != (key_type[b] == "PERSON"):
                continue
            if key_articles[a] & key_articles[b]:
                continue
            if _similar_names(a, b):
                groups.link(a, b)

    # Acronyms of multiword organisations and countries: WSJ -> Wall Street Journal,
    # U.S. -> United States.
    multiword_orgs = [k for k in keys if key_type[k] == "ORG" and len(k.split()) > 1]
    acronymed = multiword_orgs + [k for k in keys if key_type[k] == "GPE" and len(k.split()) > 1]
    for k in keys:
        surface = by_key[k][0].text
        if " " in k or not (2 <= len(surface) <= 8 and surface.isupper()):
            continue
        matches = {groups.representative(o) for o in acronymed if _acronym(o) == k}
        if len(matches) == 1:
            groups.link(matches.pop(), k)

    # A newspaper by the last word of its title: "the Post" -> The Washington Post.
    for k in keys:
        if k in NEWSPAPER_WORDS:
            titles = {groups.representative(o) for o in multiword_orgs if o.split()[-1] == k}
            if len(titles) == 1:
                groups.link(titles.pop(), k)

    full_names = [k for k in keys if key_type[k] == "PERSON" and len(k.split()) > 1]
    # Shorter forms of full names: Wasserman Schultz -> Debbie Wasserman Schultz.
    for k in full_names:
        longer = {full for full in full_names if _shorter_form(k, full)}
        if longer:
            _link_to_likeliest(k, longer, groups, by_key, key_articles)

    # One word to a full name: the name's last word (Peskov -> Dmitry Peskov), else its first.
    last_names: dict[str, set[str]] = defaultdict(set)
    first_names: dict[str, set[str]] = defaultdict(set)
    for k in full_names:
        last_names[k.split()[-1]].add(k)
        first_names[k.split()[0]].add(k)
    for k in keys:
        if " " in k:
            continue
        if key_type[k] in {"GPE", "LOC", "NORP"}:
            # "Baehr said" tagged a place: the surname of the one person the same articles name
            # in full, where no mention reads as a place ("in Baehr")
            named = last_names.get(k, set())
            if (
                len({groups.representative(f) for f in named}) == 1
                and key_articles[k] <= _arts(named, key_articles)
                and not any(_after_place_word(story, m) for m in by_key[k])
            ):
                _link_to_likeliest(k, named, groups, by_key, key_articles)
            continue
        fulls = set(last_names.get(k, ()))
        if not fulls:  # a variant spelling of the surname, in another article
            for last, named in last_names.items():
                if _similar_names(last, k) and not key_articles[k] & _arts(named, key_articles):
                    fulls |= named
        if not fulls:
            # A family name written first (Kim -> Kim Jong Un, Moon -> Moon Jae-in) or a first
            # name alone (Donald -> Donald Trump); only once no name ends with the word. A word
            # tagged as an organisation ("his wife, Brigitte") only where it starts one name.
            starting = first_names.get(k, set())
            if key_type[k] == "PERSON" or (key_type[k] == "ORG" and len(starting) == 1):
                fulls = set(starting)
        if fulls:
            _link_to_likeliest(k, fulls, groups, by_key, key_articles)

    members: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        members[groups.representative(k)].append(k)

    article_order = {a.id: i for i, a in enumerate(story.articles)}
    index = EntityIndex()
    for group_keys in members.values():
        group = [m for k in group_keys for m in by_key[k]]
        etype = _entity_type(group)
        name = _canonical_name(group, etype, article_order)
        entity_id = stable_id("ent", etype, name)
        aliases = sorted({m.text for m in group} - {name})
        descriptions = [m.description for m in group if m.description]
        article_ids = sorted({m.article_id for m in group}, key=lambda a: article_order.get(a, 0))
        index.entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=etype,
                aliases=aliases,
                article_ids=article_ids,
                description=_best_description(descriptions),
            )
        )
        index.descriptions[entity_id] = descriptions
        for m in group:
            index.mentions[(m.article_id, m.start, m.end)] = entity_id
    _add_reference_aliases(index, {k for k in keys if key_type[k] in {"NORP", "GPE"}})
    index.entities.sort(key=lambda e: (e.type, e.name))
    return index


def _after_place_word(story: ParsedStory, mention: Mention) -> bool:
    """Whether a preposition of place comes right before the mention ("in Washington")."""
    doc = story.docs.get(mention.article_id)
    return doc is not None and bool(
        _PLACE_WORD.search(doc.text[max(0, mention.start - 12) : mention.start])
    )


def _add_reference_aliases(index: EntityIndex, places: set[str]) -> None:
    """The other ways a story refers to a person: the surname alone ("Merkel" for Angela
    Merkel) and a capitalised title seen with the name ("German Foreign Minister", also
    without its nationality: "Foreign Minister"), each only where it names one entity.

    A person the story already calls by the name's first word ("Mr. Kim" for Kim Jong-un)
    has the family name first: the last word ("Jong-un") is not a surname to offer."""
    people = [e for e in index.entities if e.type == "PERSON" and len(e.name.split()) > 1]
    offered: dict[str, list[Entity]] = defaultdict(list)
    for entity in people:
        names = [entity.name, *(a for a in entity.aliases if len(a.split()) > 1)]
        forms = {_surname(n) for n in names if _surname(n)[:1].isupper()}
        if fold(entity.name.split()[0]) in {fold(a) for a in entity.aliases}:
            forms.clear()
        for description in index.descriptions.get(entity.id, []):
            words = description.split()
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                continue
            forms.add(description)
            if fold(words[0]) in places and len(words) > 2:
                forms.add(" ".join(words[1:]))
        for form in forms:
            offered[fold(form)].append(entity)
    for entity in people:
        taken = {fold(entity.name), *(fold(a) for a in entity.aliases)}
        for key, owners in offered.items():
            if owners == [entity] and key not in taken and index.find(key) is None:
                entity.aliases.append(_form_of(key, entity, index))
                index._by_name = None
        entity.aliases.sort()


def _form_of(key: str, entity: Entity, index: EntityIndex) -> str:
    """The written form of a folded alias key, as the story spells it."""
    for name in (entity.name, *entity.aliases):
        if key == fold(_surname(name)):
            return _surname(name)
    capitalised_first = sorted(index.descriptions.get(entity.id, []), key=str.islower)
    for description in capitalised_first:
        words = description.split()
        for form in (description, " ".join(words[1:])):
            if fold(form) == key:
                return form
    return key


def _link_to_likeliest(
    key: str,
    fulls: set[str],
    groups: _KeyGroups,
    by_key: dict[str, list[Mention]],
    key_articles: dict[str, set[str]],
) -> None:
    """Join a partial name to the group of one of the full names it may stand for: the most
    mentioned; between namesakes as often mentioned, the one named in the partial name's own
    articles, then the first by name, whatever the hash seed."""
    fulls_of: dict[str, set[str]] = defaultdict(set)  # group root -> its full names
    for full in fulls:
        fulls_of[groups.representative(full)].add(full)
    rank = {
        root: (
            _group_size(root, groups, by_key),
            len(key_articles[key] & _arts(named, key_articles)),
        )
        for root, named in fulls_of.items()
    }
    groups.link(max(sorted(rank), key=rank.__getitem__), key)


def _arts(keys: set[str], key_articles: dict[str, set[str]]) -> set[str]:
    return {a for k in keys for a in key_articles[k]}


def _group_size(root: str, groups: _KeyGroups, by_key: dict[str, list[Mention]]) -> int:
    return sum(len(by_key[k]) for k in groups.members(root))


def _canonical_name(group: list[Mention], etype: str, article_order: dict[str, int]) -> str:
    """The most complete, most frequent proper form; "The" kept where the outlet's name has it."""
    forms = Counter(m.text for m in group)
    token_freq = Counter(w for m in group for w in fold(m.text).split())
    first_seen: dict[str, int] = {}
    for rank, m in enumerate(
        sorted(group, key=lambda m: (article_order.get(m.article_id, 0), m.start))
    ):
        first_seen.setdefault(m.text, rank)

    def score(form: str) -> tuple[int, int, int, int]:
        words = fold(form).split()
        complete = sum(len(w) > 1 for w in words)  # an initial adds nothing: Donald J. Trump
        return (complete, forms[form], sum(token_freq[w] for w in words), -first_seen[form])

    name = max(forms, key=score)
    if etype == "ORG" and any(m.the_capitalised and m.text == name for m in group):
        name = "The " + name
    return name


def _best_description(descriptions: list[str]) -> str | None:
    """The most frequent description; a form of address ("Ms", "Mr.") describes nobody."""
    descriptions = [d for d in descriptions if fold(d).rstrip(".") not in _ADDRESS_FORMS]
    if not descriptions:
        return None
    counts = Counter(descriptions)
    return max(counts, key=lambda d: (counts[d], len(d)))
