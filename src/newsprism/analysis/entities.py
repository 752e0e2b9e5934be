"""Cross-document entity resolution: one entity per real-world name across a story's articles.

spaCy's small model tags each mention on its own; this stage merges the mentions of all
articles: accent and case folding, transliteration variants (fuzzy match, guarded), surnames to
full names, acronyms to multiword organisations, titles kept as descriptions, and the type
decided by the majority of mentions so one NER slip does not decide it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

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
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})
_ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "&", "on", "in", "de", "la"})
_OUTLET_VERBS = frozenset({"report", "publish", "broadcast", "air"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


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


@dataclass
class EntityIndex:
    """The story's resolved entities and where each is mentioned."""

    entities: list[Entity] = field(default_factory=list)
    # (article id, start char, end char) -> entity id
    mentions: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # entity id -> every role or title seen with it ("Kremlin spokesman", "corporation")
    descriptions: dict[str, list[str]] = field(default_factory=dict)
    # fold() of names and aliases already seen: find() runs once per speaker and quote
    _folded: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def find(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case- and accent-insensitive)."""
        key = fold(name)
        for entity in self.entities:
            if self._fold(entity.name) == key or key in (self._fold(a) for a in entity.aliases):
                return entity
        return None

    def _fold(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold(text)
        return folded

    def entity_at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity mentioned at (or overlapping) a character span of an article."""
        for (aid, s, e), entity_id in self.mentions.items():
            if aid == article_id and s < end and start < e:
                return self.get(entity_id)
        return None

    def mentions_in(self, article_id: str) -> list[tuple[int, int, Entity]]:
        """The article's mentions in text order, with their entities."""
        by_id = {e.id: e for e in self.entities}
        found = [(s, e, by_id[i]) for (aid, s, e), i in self.mentions.items() if aid == article_id]
        return sorted(found, key=lambda m: (m[0], m[1]))

    def with_role(self, role: str) -> list[Entity]:
        """Entities described with this role word anywhere in the story ("ambassador")."""
        role = role.casefold()
        found = []
        for entity in self.entities:
            words = {w for d in self.descriptions.get(entity.id, []) for w in fold(d).split()}
            if role in words:
                found.append(entity)
        return found


def _strip_edges(tokens: list[Token], label: str) -> tuple[list[Token], list[Token], bool]:
    """Drop articles, possessive endings and leading titles; return (name, title, capital The)."""
    the_cap = False
    while tokens and tokens[0].lower_ in _ARTICLES:
        first = tokens[0]
        the_cap = the_cap or (first.text == "The" and not first.is_sent_start)
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].is_punct):
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
                and doc[i - 1].pos_ in {"NOUN", "PROPN"}
            )
        ):
            words.insert(0, tok)
            i -= 1
            continue
        break
    while words and (words[0].pos_ == "ADP" or words[0].is_punct):
        words = words[1:]
    if not words:
        return []
    last = words[-1]
    if role_last and not ((last.is_lower and last.pos_ == "NOUN") or last.lower_ in TITLE_WORDS):
        return []
    return words


def _appos_description(ent_root: Token, text: str) -> str | None:
    """ "Russia's state military hardware exporter" in "Russia's ... exporter, Rosoboronexport,"."""
    nouns: list[Token] = []
    if ent_root.dep_ == "appos" and ent_root.head.pos_ == "NOUN" and not ent_root.head.ent_type_:
        head = ent_root.head
        nouns = [t for t in head.subtree if t.i < ent_root.i and not t.is_punct]
        nouns = [t for t in nouns if t.i >= head.left_edge.i and t.i <= head.i]
    else:
        for child in ent_root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
                nouns = [t for t in child.subtree if not t.is_punct]
                break
    while nouns and nouns[0].lower_ in _ARTICLES:
        nouns = nouns[1:]
    if not nouns or len(nouns) > 10:
        return None
    return _span_text(text, nouns)


def _span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _doc_mentions(article_id: str, index: DocIndex, gpe_names: set[str]) -> list[Mention]:
    found: list[Mention] = []
    doc, text = index.doc, index.text
    for ent in index.ents:
        if ent.label_ not in NAME_TYPES:
            continue
        tokens, title, the_cap = _strip_edges(list(ent), ent.label_)
        if not tokens or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
            continue
        label = ent.label_
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
            )
            for k in range(1, len(tokens) - 1):
                if (k == 1 and after_title) or fold(_span_text(text, tokens[:k])) in gpe_names:
                    place = tokens[:k]
                    found.append(_mention(article_id, text, place, "GPE", None, False))
                    left = _left_description(doc, tokens[k].i, role_last=False)
                    if not any(t.lower_ in TITLE_WORDS or t.is_lower for t in left):
                        left = []
                    tokens = tokens[k:]
                    break
        left = left or title or _left_description(doc, tokens[0].i)
        description = _span_text(text, left) if left else _appos_description(ent.root, text)
        label = _corrected_label(label, tokens, description)
        found.append(_mention(article_id, text, tokens, label, description, the_cap))
    return found


def _corrected_label(label: str, tokens: list[Token], description: str | None) -> str:
    """One mention's vote for its type, correcting what the small model often gets wrong.

    A NORP that is a singular proper noun acting as a noun ("Rostec stated") is not a
    nationality; a name described as a company or an exporter is an organisation.
    """
    role = fold(description).split()[-1] if description else ""
    if role in ORG_NOUNS:
        return "ORG"
    root = tokens[-1]
    if label in {"PERSON", "GPE", "NORP"} and len(tokens) == 1 and _acts_as_outlet(root):
        return "ORG"
    if label == "NORP" and len(tokens) == 1 and root.tag_ == "NNP" and root.dep_ in _NOUN_DEPS:
        return "ORG"
    return label


def _acts_as_outlet(tok: Token) -> bool:
    """Syntax that marks a one-word name as a news outlet, not a person or a place.

    "speaking to X", "X reported", "in an interview with X", and the dateline credit
    "MOSCOW (X) -": a person is rarely the subject of "reported" or a dateline credit, and
    "speaking to" a single-word name that is not a surname points to the outlet interviewing.
    """
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_ in _OUTLET_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in {"speak", "talk"}:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "interview":
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


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _majority_type(labels: Counter[str], has_full_person_name: bool) -> str:
    if has_full_person_name and labels["PERSON"]:
        labels = labels + Counter({"PERSON": 1})  # a first + last name settles a tie
    top = max(labels.values())
    tied = [t for t in labels if labels[t] == top]
    return min(tied, key=lambda t: _TYPE_PREFERENCE.index(t) if t in _TYPE_PREFERENCE else 99)


def _similar_names(a: str, b: str) -> bool:
    """Spelling variants of one name (Zaemsky/Zayemsky, Rostec/Rostek), guarded for short names."""
    ta, tb = a.split(), b.split()
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
    gpe_names = {
        fold(e.text)
        for doc in story.docs.values()
        for e in doc.ents
        if e.label_ == "GPE" and len(e) <= 3
    }
    mentions: list[Mention] = []
    for article in story.articles:
        if article.id in story.docs:
            mentions.extend(_doc_mentions(article.id, story.index(article.id), gpe_names))
    if not mentions:
        return EntityIndex()

    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[fold(m.text)].append(m)
    key_type = {
        k: _majority_type(Counter(m.label for m in ms), len(k.split()) > 1)
        for k, ms in by_key.items()
    }
    key_articles = {k: {m.article_id for m in ms} for k, ms in by_key.items()}
    groups = _UnionFind()
    keys = sorted(by_key, key=lambda k: (-len(by_key[k]), k))
    for k in keys:
        groups.find(k)

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
                groups.union(a, b)

    # Acronyms of multiword organisations: WSJ -> Wall Street Journal.
    multiword_orgs = [k for k in keys if key_type[k] == "ORG" and len(k.split()) > 1]
    for k in keys:
        surface = by_key[k][0].text
        if " " in k or not (2 <= len(surface) <= 6 and surface.isupper()):
            continue
        matches = {groups.find(o) for o in multiword_orgs if _acronym(o) == k}
        if len(matches) == 1:
            groups.union(matches.pop(), k)

    # Surnames to full names: Peskov -> Dmitry Peskov, when the surname names one person.
    last_names: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if key_type[k] == "PERSON" and len(k.split()) > 1:
            last_names[k.split()[-1]].add(k)
    for k in keys:
        if " " in k or key_type[k] in {"GPE", "LOC", "NORP"}:
            continue
        fulls_of: dict[str, set[str]] = defaultdict(set)  # group root -> its full names
        for full in last_names.get(k, ()):
            fulls_of[groups.find(full)].add(full)
        if not fulls_of:  # a variant spelling of the surname, in another article
            for last, fulls in last_names.items():
                if _similar_names(last, k) and not key_articles[k] & _arts(fulls, key_articles):
                    for full in fulls:
                        fulls_of[groups.find(full)].add(full)
        if fulls_of:
            # The most mentioned; between namesakes as often mentioned, the one named in the
            # surname's own articles, then the first by name, whatever the hash seed.
            rank = {
                root: (
                    _group_size(root, groups, by_key),
                    len(key_articles[k] & _arts(fulls, key_articles)),
                )
                for root, fulls in fulls_of.items()
            }
            groups.union(max(sorted(rank), key=rank.__getitem__), k)

    members: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        members[groups.find(k)].append(k)

    article_order = {a.id: i for i, a in enumerate(story.articles)}
    index = EntityIndex()
    for group_keys in members.values():
        group = [m for k in group_keys for m in by_key[k]]
        etype = _majority_type(
            Counter(m.label for m in group), any(len(k.split()) > 1 for k in group_keys)
        )
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


def _add_reference_aliases(index: EntityIndex, places: set[str]) -> None:
    """The other ways a story refers to a person: the surname alone ("Merkel" for Angela
    Merkel) and a capitalised title seen with the name ("German Foreign Minister", also
    without its nationality: "Foreign Minister"), each only where it names one entity."""
    people = [e for e in index.entities if e.type == "PERSON" and len(e.name.split()) > 1]
    offered: dict[str, list[Entity]] = defaultdict(list)
    for entity in people:
        names = [entity.name, *(a for a in entity.aliases if len(a.split()) > 1)]
        forms = {n.split()[-1] for n in names if n.split()[-1][:1].isupper()}
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
        entity.aliases.sort()


def _form_of(key: str, entity: Entity, index: EntityIndex) -> str:
    """The written form of a folded alias key, as the story spells it."""
    for name in (entity.name, *entity.aliases):
        if key == fold(name.split()[-1]):
            return name.split()[-1]
    for description in index.descriptions.get(entity.id, []):
        words = description.split()
        for form in (description, " ".join(words[1:])):
            if fold(form) == key:
                return form
    return key


def _arts(keys: set[str], key_articles: dict[str, set[str]]) -> set[str]:
    return {a for k in keys for a in key_articles[k]}


def _group_size(root: str, groups: _UnionFind, by_key: dict[str, list[Mention]]) -> int:
    return sum(len(ms) for k, ms in by_key.items() if groups.find(k) == root)


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
        return (len(words), forms[form], sum(token_freq[w] for w in words), -first_seen[form])

    name = max(forms, key=score)
    if etype == "ORG" and any(m.the_capitalised and m.text == name for m in group):
        name = "The " + name
    return name


def _best_description(descriptions: list[str]) -> str | None:
    if not descriptions:
        return None
    counts = Counter(descriptions)
    return max(counts, key=lambda d: (counts[d], len(d)))
