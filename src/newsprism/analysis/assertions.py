"""One assertion per clause: the units that claims are grouped from and conflicts compare.

An assertion is a span of one article that states one thing, with who asserts it. It comes
from a quote (split into its sentences and coordinated clauses), from a reported sentence
without quotation marks ("The Wall Street Journal reported that ..."), or from the outlet's
own narration when that narration carries a checkable fact (a number or an entity acting).
Texts are always exact substrings of the article text, so any stage can find them again.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsprism.analysis.cues import CUE_LEMMAS, FACT_CUE_LEMMAS, RELATIVE_PRONOUNS
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.quantities import Transition, find_transition, quantities_in_span
from newsprism.config import DEFAULT, Settings
from newsprism.model import Quantity, Quote
from newsprism.nlp.embeddings import embed
from newsprism.nlp.pipeline import CLAUSE_SUBJECT_DEPS, DocIndex, ParsedStory

REPORTING_VERBS = {
    "say",
    "tell",
    "report",
    "state",
    "claim",
    "announce",
    "add",
    "note",
    "stress",
    "insist",
    "declare",
    "explain",
    "write",
    "cite",
    "quote",
    "assert",
    "argue",
    "allege",
    "confirm",
    "estimate",
    "warn",
    "suggest",
    "indicate",
    "acknowledge",
    "admit",
    "reaffirm",
    "tweet",
    "deny",
    "refute",
    "dismiss",
    "reject",
    "debunk",
    "rebut",
    "contend",
    "maintain",
    "believe",
    "accuse",
    "emphasize",
    "emphasise",
    "predict",
    "recall",
    "reveal",
    "disclose",
    "concede",
}
DENIAL_VERBS = {"deny", "refute", "dismiss", "reject", "debunk", "rebut", "disprove", "dispute"}
# Phrases that call a claim false without stating another fact.
DENIAL_PHRASES = re.compile(
    r"\b(?:absolutely |completely |totally |entirely )?(?:false|untrue|not true|fake news|"
    r"nothing to do with (?:the )?reality|no basis|baseless|groundless|unfounded|myth|"
    r"fabricat\w*|not correct|incorrect|misleading|nonsense|lies?\b|hoax|"
    r"(?:has|have|had) been debunked|not the case|no truth|exaggerat\w*|overestimat\w*|"
    r"overstat\w*|inflated)",
    re.IGNORECASE,
)
# Statements that something stayed as it was: they contradict claims of change.
STABILITY = re.compile(
    r"\b(?:remain(?:s|ed)? (?:the same|unchanged|stable|constant)|(?:has|have|had) not changed|"
    r"(?:hasn't|haven't|hadn't) changed|unchanged|no change)",
    re.IGNORECASE,
)
NEGATORS = {
    "not",
    "n't",
    "n’t",
    "no",
    "never",
    "nothing",
    "none",
    "nobody",
    "neither",
    "nor",
    "without",
}
QUESTION_OR_NONFACT = re.compile(r"\?\s*[\"”’]?$")
NON_COMMENT = re.compile(
    r"\b(?:declined|refused|would not|wouldn't|did not|didn't) (?:to )?"
    r"(?:comment|confirm|respond|reply|discuss)\b|\b(?:had|has|have) no comment\b",
    re.IGNORECASE,
)
LEADING_COMPLEMENTIZER = re.compile(
    r"(?:in a statement |on twitter )?(?:that|as) [\"“‘']?", re.IGNORECASE
)
# A lead-in that announces what follows on a new line.
INTRODUCTION = re.compile(r"[^\n]{0,80}:[ \t]*\n\s*")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Saying nothing of an event is no statement that it did not happen: "did not say",
# "without specifying where they died". "Attack" cues words ("attacked the plan, saying"),
# but "did not attack the village" denies an attack.
UNSAYING_VERBS = (CUE_LEMMAS - DENIAL_VERBS - {"attack"}) | {
    "specify",
    "identify",
    "name",
    "disclose",
    "indicate",
    "provide",
    "give",
}
# "We aren't aware of any chlorine attacks": what someone does not know of, not a denial.
COGNITION_ADJECTIVES = frozenset({"aware", "sure", "certain", "clear", "convinced"})
# A negated verb of knowing or imagining voices doubt, not that the event did not happen:
# "I cannot imagine where this information comes from", "we do not know what it means".
COGNITION_VERBS = {
    "know",
    "imagine",
    "understand",
    "see",
    "think",
    "believe",
    "remember",
    "recall",
    "expect",
    "rule",
    "comment",
    "confirm",
    "speculate",
    "suspect",
    "fear",
    "worry",
    "determine",
    "establish",
    "ascertain",
    "verify",
}
# "They have no idea why someone would have wanted her dead": not knowing, not a denial;
# "no evidence that her death was an assassination": unproven, not denied.
COGNITION_NOUNS = frozenset(
    {"idea", "clue", "knowledge", "inkling", "evidence", "proof", "indication", "sign"}
)
MIN_TOKENS = 4
# Verbs and nouns of one event family, so "no talk of any cuts" meets "cut its staff" and
# "reports about the withdrawal" meets "had withdrawn": general English, not story words.
EVENT_FAMILIES = {
    "reduce": (
        "withdraw",
        "withdrawal",
        "remove",
        "removal",
        "cut",
        "cutback",
        "reduce",
        "reduction",
        "pull",
        "pullout",
        "leave",
        "exodus",
        "departure",
        "slash",
        "decrease",
        "diminish",
        "drawdown",
        "shrink",
        "evacuate",
        "evacuation",
        "exit",
    ),
    "increase": (
        "increase",
        "raise",
        "expand",
        "expansion",
        "boost",
        "deploy",
        "deployment",
        "send",
        "grow",
        "growth",
        "add",
    ),
    "kill": (
        "kill",
        "killing",
        "die",
        "death",
        "dead",
        "casualty",
        "fatality",
        "murder",
        "massacre",
        "slaughter",
        "genocide",
    ),
    "inform": ("inform", "tell", "message", "letter", "notify", "notification"),
    "attack": ("attack", "strike", "bomb", "bombing", "shell", "shelling", "raid"),
    "arrest": ("arrest", "detain", "detention", "custody", "jail"),
    "exaggerate": ("exaggerate", "exaggeration", "overestimate", "overstate", "inflate"),
}
EVENT_OF = {word: family for family, words in EVENT_FAMILIES.items() for word in words}


def event_family(tok: Token) -> str | None:
    """The event family a word names. "Left" leaves only as a verb: "the center-left
    coalition" and "the left" withdraw nothing."""
    lemma = tok.lemma_.lower()
    if lemma == "leave" and (tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound")):
        return None
    return EVENT_OF.get(lemma)


@dataclass
class Assertion:
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    source: str  # "quote", "reported" or "narration"
    quote_id: str | None = None
    cue: str | None = None
    negated: bool = False
    denial: bool = False  # calls something false
    negated_event: bool = False  # the negation's scope names an event (EVENT_FAMILIES)
    negated_events: set[str] = field(default_factory=set)  # ... those events' families
    negated_words: set[str] = field(default_factory=set)  # lemmas the negations apply to
    stability: bool = False  # says something did not change
    hedged: bool = False  # says it may be so ("could lead the strikes"), not that it is
    quantities: list[Quantity] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # entity names and proper nouns, casefolded
    lemmas: set[str] = field(default_factory=set)  # content lemmas, casefolded
    verbs: set[str] = field(default_factory=set)  # lemmas of the verbs that carry content
    events: set[str] = field(default_factory=set)  # event families named (EVENT_FAMILIES)
    # ... less those only named as what a rumour or report says ("rumours that claimed him dead")
    asserted_events: set[str] = field(default_factory=set)
    transition: Transition | None = None  # "from about 1,000 to a few dozen"


def clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, quotation marks and final punctuation from a span of ``text``."""
    strip = " \t\n\"“”‘’'«»,;:—–-("
    while start < end and text[start] in strip:
        start += 1
    intro = INTRODUCTION.match(text, start, end)
    if intro:  # "The report noted the following:\n\nRostec has cut ...": keep what follows
        start = intro.end()
    lead = LEADING_COMPLEMENTIZER.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1] in strip + ".)":
        end -= 1
    # Keep a closing quote or bracket whose opening one is inside the span.
    for open_, close in (("“", "”"), ("(", ")"), ("‘", "’")):
        piece = text[start:end]
        if piece.count(open_) > piece.count(close) and end < len(text) and text[end] == close:
            end += 1
    return start, end


def _subtree_bounds(token: Token, skip: set[int]) -> tuple[int, int]:
    """Token index range of a subtree without the subtrees rooted at ``skip``."""
    idx = [t.i for t in token.subtree]
    excluded: set[int] = set()
    for other in token.subtree:
        if other.i in skip:
            excluded.update(t.i for t in other.subtree)
    idx = [i for i in idx if i not in excluded]
    return min(idx), max(idx) + 1


def split_clauses(span: Span) -> list[Span]:
    """Split a sentence into its coordinated main clauses ("X, and there is no Y" -> 2)."""
    doc = span.doc
    pieces: list[Span] = []
    roots = [t for t in span if t.head == t or t.head.i < span.start or t.head.i >= span.end]
    for root in roots:
        stack = [root]
        while stack:
            verb = stack.pop()
            conjs = [
                c
                for c in verb.children
                if c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
                and span.start <= c.i < span.end
            ]
            start, end = _subtree_bounds(verb, {c.i for c in conjs})
            start, end = max(start, span.start), min(end, span.end)
            if conjs:
                end = min(end, min(c.left_edge.i for c in conjs))
            while end > start and doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
            if end > start:
                pieces.append(doc[start:end])
            stack.extend(conjs)
    pieces.sort(key=lambda s: s.start)
    return pieces or [span]


def _open_alternative(tok: Token) -> bool:
    """ "whether or not", "or not": an open question; "not only ... but also": more, not
    less. Neither is a negation."""
    if tok.lower_ != "not":
        return False
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "or") or after in {"only", "just"}


_NEGATOR_DEPS = frozenset(
    {
        "neg",
        "det",
        "advmod",
        "nsubj",
        "nsubjpass",
        "dobj",
        "attr",
        "npadvmod",
        "pobj",
        "cc",
        "preconj",
    }
)


def _negations(span: Span) -> list[Token]:
    return [
        tok
        for tok in span
        if tok.lower_ in NEGATORS and tok.dep_ in _NEGATOR_DEPS and not _open_alternative(tok)
    ]


_NEGATIVE_IMPLICATIVES = frozenset({"fail", "refuse", "neglect"})


def _failed_verbs(span: Span) -> list[Token]:
    """What "fail to" or "refuse to" says did not happen: "failing to educate their children"
    is "not educating" them, so two renderings that use one and the other agree; "many
    refuse to leave" tells of no one leaving."""
    return [
        child
        for tok in span
        if tok.lemma_.lower() in _NEGATIVE_IMPLICATIVES
        for child in tok.children
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX")
    ]


def _lacks_evidence(span: Span) -> bool:
    """ "We lack conclusive evidence that the site is nuclear" says, like "there is no
    evidence", that something is not known, so it asserts nothing a denial could answer."""
    return any(
        tok.lemma_.lower() == "lack"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in COGNITION_NOUNS for c in tok.children)
        for tok in span
    )


def _negated_words(negations: list[Token]) -> set[str]:
    """What each negation applies to: the verb of "didn't make it", the noun of "no cuts"."""
    return {
        (tok.head if tok.dep_ in ("neg", "det", "advmod", "preconj") else tok).lemma_.lower()
        for tok in negations
    }


# What "deny" withholds rather than calls untrue: "deny Internet service to users".
_WITHHELD_NOUNS = frozenset(
    {
        "motion",
        "appeal",
        "petition",
        "bid",
        "parole",
        "plea",
        "waiver",
        "exemption",
        "asylum",
        "service",
        "access",
        "entry",
        "permission",
        "request",
        "visa",
        "bail",
        "application",
        "benefit",
        "right",
        "treatment",
        "care",
        "membership",
        "admission",
        "passage",
    }
)
# What one rejects or disputes as untrue, rather than turns down: "rejected the reports",
# not "rejecting ransom demands".
_CLAIM_NOUNS = frozenset(
    {
        "report",
        "claim",
        "allegation",
        "accusation",
        "charge",
        "rumour",
        "rumor",
        "story",
        "suggestion",
        "notion",
        "idea",
        "assertion",
        "information",
        "account",
        "speculation",
        "statement",
        "theory",
        "finding",
        "figure",
        "number",
        "estimate",
        "assessment",
        "characterization",
        "characterisation",
        "narrative",
        "version",
        "conclusion",
    }
)


def _denies(tok: Token) -> bool:
    """A verb of denial used to call something untrue."""
    lemma = tok.lemma_.lower()
    if lemma not in DENIAL_VERBS:
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if any(t.lemma_.lower() == "confirm" for t in _coordinated(tok)):
        return False  # "refused to confirm or deny the report" says nothing either way
    if obj is None or lemma in {"refute", "debunk", "rebut", "disprove"}:
        return True
    noun = obj.lemma_.lower()
    if lemma == "deny":
        return noun not in _WITHHELD_NOUNS
    return noun in _CLAIM_NOUNS or obj.pos_ == "PRON"


def _coordinated(tok: Token) -> list[Token]:
    """The words ``tok`` is coordinated with: "confirm" in "confirm or deny"."""
    return [
        *(c for c in tok.children if c.dep_ == "conj"),
        *([tok.head] if tok.dep_ == "conj" else []),
    ]


def _reports_denial(tok: Token) -> bool:
    """A denial told of in a relative clause with a subject of its own is that subject's,
    not the speaker's: "responsible for violations, a charge the KLA quickly denied"."""
    return tok.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children
    )


def denial_phrase(span: Span) -> Span | None:
    """The first phrase that calls a claim untrue ("the reports are false", "baseless
    allegations"); not one that says what kind of thing something is ("false promises",
    "inflated prices")."""
    for match in DENIAL_PHRASES.finditer(span.text):
        start, end = span.start_char + match.start(), span.start_char + match.end()
        words = span.doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            continue
        root = words.root
        if root.dep_ == "amod" and root.head.lemma_.lower() not in _CLAIM_NOUNS | HEARSAY_NOUNS:
            continue
        return words
    return None


# What these say is told, not asserted: "sparked rumours that claimed Castro dead".
HEARSAY_NOUNS = frozenset(
    {
        "rumour",
        "rumor",
        "report",
        "news",
        "claim",
        "allegation",
        "speculation",
        "suggestion",
        "hoax",
        "story",
    }
)


def denied_text(span: Span) -> str | None:
    """What a denial verb inside the span calls untrue, when the span says more besides:
    "... but he refused to co-operate and denied he had any links to terrorism" denies the
    links, not what the rest of the sentence tells; "was accused of X, but Emwazi refuted
    this" denies the clause "this" stands for; "denied the idea of pets entering heaven and
    said ..." denies the idea. None when the whole span is what is denied."""
    verb = next((t for t in span if _denies(t)), None)
    if verb is None:
        return None
    if verb.i == span.root.i and not any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children
    ):
        # "The ministry denied that ...": the span says nothing else; "denied the idea of
        # pets entering heaven and said their death meant ..." says more
        return None
    said = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "nsubjpass")]
    if not said:
        return None
    content = [t for c in said for t in c.subtree]
    words = [t for t in content if t.is_alpha and not t.is_stop]
    if len(words) >= 2:
        return span.doc[content[0].i : content[-1].i + 1].text
    if verb.dep_ == "conj" and all(t.pos_ in ("PRON", "DET") for t in said):
        # "refuted this": the clause before it in the same sentence
        own = {t.i for t in verb.subtree}
        before = [t for t in verb.head.subtree if t.i < verb.i and t.i not in own]
        while before and (before[-1].dep_ == "cc" or before[-1].is_punct):
            before.pop()
        if before:
            return span.doc[before[0].i : before[-1].i + 1].text
    return None


_OBLIGATION = frozenset({"should", "must", "ought", "shall"})
_POSSIBILITY = frozenset({"may", "might", "could"})
_JUDGING_VERBS = frozenset(
    {"tolerate", "accept", "allow", "permit", "forgive", "forget", "condone", "excuse", "justify"}
)
_GOAL_WORDS = frozenset({"sure", "ensure", "certain", "guarantee", "insure"})
_NOT_ONLY = frozenset({"alone", "only", "just", "merely", "simply", "solely"})
_NOT_THE_FIRST = frozenset({"first", "only", "last"})
_SETTING_PREPOSITIONS = frozenset(
    {"at", "in", "during", "near", "inside", "outside", "after", "before", "since", "amid"}
)


def _negated_events(span: Span) -> set[str]:
    """Event families a negation's scope names: "no talk of any cuts", "no such message"."""
    families: set[str] = set()
    for tok in span:
        if tok.lower_ in NEGATORS and not _open_alternative(tok):
            scope = tok.head if tok.dep_ in ("neg", "det", "advmod", "preconj") else tok
            if tok.lower_ == "without":  # "without indicating the locations": the verb
                scope = next((c for c in tok.children if c.dep_ in ("pcomp", "pobj")), tok)
            lemma = scope.lemma_.lower()
            if lemma in COGNITION_VERBS or (scope.pos_ == "VERB" and lemma in UNSAYING_VERBS):
                continue  # "not specifying where they died" denies no death ("no talk" does)
            if lemma in COGNITION_NOUNS:
                continue
            if any(c.dep_ == "acomp" and c.lower_ in COGNITION_ADJECTIVES for c in scope.children):
                continue
            if _OBLIGATION & _auxiliaries(scope):
                continue  # "should not cut the head off": a rule, not that nothing was cut
            if lemma in _JUDGING_VERBS:
                continue  # "killing a police officer will not be tolerated": it was done
            if any(a.lemma_.lower() in _GOAL_WORDS for a in scope.ancestors):
                continue  # "to be sure that no attacks are possible": a goal, not a fact
            near = {scope.i} | {c.i for c in scope.children}
            if any(
                t.dep_ == "advmod" and t.lower_ in _NOT_ONLY and t.head.i in near
                for t in scope.subtree
            ):
                continue  # "We will not do the air strikes alone": they will be done
            if any(
                t.dep_ == "amod"
                and t.lower_ in _NOT_THE_FIRST
                and t.head.dep_ == "attr"
                and t.head.head.i == scope.i
                for t in scope.subtree
            ):
                continue  # "not the first time his death has taken over": it has, again
            # "we weren't investigating him and that I had told ...": the coordinated clause
            # is outside what the negation denies ...
            # ... nor the clause it judges: "attacking the ports wouldn't be effective"
            # ... nor the subject a predicate is denied of: "the death will not be in vain"
            # ... nor what an adverbial clause takes as given: "didn't hear anything until we
            # got a letter"; nor where or when: "had not been at the site of the raid"
            # ... nor the doer of a denied act: "the bombs were not causing mass casualties"
            # denies casualties, not bombs ("the attack did not happen" denies the attack)
            transitive = any(c.dep_ == "dobj" for c in scope.children)
            outside = {
                t.i
                for c in scope.children
                if c.dep_ in ("conj", "cc", "csubj", "csubjpass", "advcl")
                or (c.dep_ in ("nsubj", "nsubjpass") and (scope.lemma_ == "be" or transitive))
                or (c.dep_ == "prep" and c.lower_ in _SETTING_PREPOSITIONS)
                for t in c.subtree
            }
            families |= {
                family
                for t in scope.subtree
                if t.i not in outside
                and (family := event_family(t)) is not None
                and not _thought_of(t, scope)
                and not _unrealised(t, scope)
            }
    return families


def _auxiliaries(verb: Token) -> set[str]:
    """A verb's auxiliaries, and those of the first verb it is coordinated with, which it
    shares: "should reform the markets and not pressure him" is a rule for both."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return {c.lemma_.lower() for v in {verb, first} for c in v.children if c.dep_ == "aux"}


def _unrealised(tok: Token, scope: Token) -> bool:
    """The event is an aim, an open question or a possibility on the way from the negation
    to it, not a fact that is denied: "encouraged women not to kill", "never tried to arrest
    them", "would not be able to arrest all", "had not determined whether there is a link",
    "not strong enough to ease concerns his members may be arrested". The negated verb's
    own "could" stays a denial: "troops could not have fired"."""
    node = tok
    while True:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True
        if node.i == scope.i or node.head.i == node.i:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY for c in node.children):
            return True
        node = node.head


def _hedged(span: Span) -> bool:
    """The main verb says what may be: "the king could lead the strikes himself", "he may
    fly a bomber", "possibly to discuss Castro's health"."""
    root = span.root
    return any(
        (c.dep_ == "aux" and c.lower_ in _POSSIBILITY)
        or (c.dep_ == "advmod" and c.lower_ in _HEDGES)
        for c in root.children
    )


_HEDGES = frozenset({"possibly", "perhaps", "maybe", "potentially"})


def _thought_of(tok: Token, scope: Token) -> bool:
    """The event is what someone would think or fear, not what happened: "no reason to
    speculate about his death"."""
    head = tok.head
    while head.i != scope.i and head.head.i != head.i:
        if head.lemma_.lower() in COGNITION_VERBS:
            return True
        head = head.head
    return False


def annotate(assertion: Assertion, span: Span, entities: EntityIndex, index: DocIndex) -> Assertion:
    """Fill the features conflicts and grouping compare: polarity, numbers, names, events.

    ``index`` is the span's parse; its entities are read from it, not from ``Span.ents``,
    which walks the whole document on each read."""
    negations = _negations(span)
    failed = _failed_verbs(span)
    assertion.negated = bool(negations or failed) or _lacks_evidence(span)
    assertion.negated_words = _negated_words(negations) | {v.lemma_.lower() for v in failed}
    assertion.negated_events = _negated_events(span)
    assertion.negated_event = bool(assertion.negated_events)
    assertion.denial = denial_phrase(span) is not None or any(
        _denies(t) and not _reports_denial(t) for t in span
    )
    assertion.stability = bool(STABILITY.search(span.text))
    assertion.hedged = _hedged(span)
    assertion.quantities = quantities_in_span(span)
    names: set[str] = set()
    for ent in index.ents_in(span):
        resolved = entities.entity_at(assertion.article_id, ent.start_char, ent.end_char)
        names.add((resolved.name if resolved else ent.text).casefold())
    names.update(t.lemma_.casefold() for t in span if t.pos_ == "PROPN")
    assertion.names = names
    assertion.lemmas = {
        t.lemma_.casefold()
        for t in span
        if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ", "NUM") and not t.is_stop
    }
    assertion.verbs = {
        t.lemma_.casefold()
        for t in span
        if t.pos_ == "VERB" and not t.is_stop and t.lemma_.casefold() not in REPORTING_VERBS
    }
    assertion.events = {family for t in span if (family := event_family(t)) is not None}
    hearsay = {
        t.i for h in span if h.lemma_.lower() in HEARSAY_NOUNS for t in h.subtree if t.i != h.i
    }
    assertion.asserted_events = {
        family for t in span if (family := event_family(t)) is not None and t.i not in hearsay
    }
    assertion.transition = find_transition(span.text)
    return assertion


def _speaker_of(
    subject: Token | None,
    article_id: str,
    text: str,
    entities: EntityIndex,
    last_speaker: str | None,
) -> str | None:
    """Who a reporting verb's subject names; ``text`` is the doc's text."""
    if subject is None:
        return None
    if subject.lower_ in RELATIVE_PRONOUNS:
        # "Gossip Cop, which specializes in debunking rumors": the name the clause hangs on
        if subject.head.dep_ != "relcl":
            return None
        noun = subject.head.head
        named = entities.entity_at(article_id, noun.idx, noun.idx + len(noun))
        return named.name if named else None
    if sum(1 for _ in subject.subtree) > 8 or any(
        t.is_punct and t.text != "'" for t in subject.subtree
    ):
        return None  # a misparse, not a name
    if subject.lower_ in PRONOUNS:
        return last_speaker
    tokens = list(subject.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    found = entities.entity_at(article_id, subject.idx, subject.idx + len(subject))
    found = found or entities.find(text[start:end]) or entities.find(subject.text)
    if found:
        return found.name
    return text[start:end].strip(" ,")


def _content_of(verb: Token) -> Token | None:
    """The clause a reporting verb reports: its ccomp, or the one under "as saying"."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return child
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "prep", "pcomp"):
            found = _content_of(child)
            if found is not None:
                return found
            for grand in child.children:
                if grand.dep_ == "pcomp":
                    found = _content_of(grand)
                    if found is not None:
                        return found
    return None


def _reporter(verb: Token) -> Token | None:
    """The subject of a reporting verb, walking up through "as saying" chains."""
    token = verb
    for _ in range(3):
        # The subject nearest the verb: a misparse can hang an earlier noun on it too.
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = max(subjects, key=lambda c: c.i if c.i < token.i else -1, default=None)
        if subject is not None and subject.dep_ == "nsubj":
            return subject
        if token.head.i == token.i:  # the root (a new Token object: compare indexes)
            return None
        token = token.head
    return None


def extract_assertions(
    story: ParsedStory, quotes: list[Quote], entities: EntityIndex
) -> list[Assertion]:
    """Every assertion of the story, in article and reading order."""
    results: list[Assertion] = []
    for article in story.articles:
        if story.docs.get(article.id) is None:
            continue
        index = story.index(article.id)
        doc = index.doc
        lemmas = _first_lemmas(doc)
        own = [q for q in quotes if q.article_id == article.id]
        covered: list[tuple[int, int]] = []
        fragments: list[Quote] = []
        for quote in own:
            if _is_fragment(index, quote):
                fragments.append(quote)  # "to “just a few dozen”": the sentence says the rest
                continue
            if _asserts_nothing(index, quote):
                covered.append(quote.span)
                continue
            cue_lemma = _lemma(lemmas, quote.cue)
            denied = cue_lemma in DENIAL_VERBS and not DENIAL_PHRASES.search(quote.text)
            pieces = _reporting_sentence(index, quote) if denied else _quote_pieces(doc, quote)
            if denied and any(NON_COMMENT.search(p.text) for p in pieces):
                covered.append(quote.span)  # "declined to confirm or deny that ...": no claim
                continue
            if not denied and pieces:
                clauses = [p for p in pieces if _has_subject(p)]
                # "accused Democrats of filing the suit", "called the allegations a 'sham'":
                # content with no clause of its own reads as a claim only in its sentence.
                pieces = clauses or _reporting_sentence(index, quote)
            for piece in pieces:
                made = _make(
                    article.id,
                    index,
                    piece,
                    quote.speaker,
                    "quote",
                    entities,
                    quote_id=quote.id,
                    cue=cue_lemma,
                )
                if cue_lemma in DENIAL_VERBS:
                    made.denial = True
                results.append(made)
            covered.append(quote.span)
        found = _sentence_assertions(article.id, index, covered, entities)
        for quote in fragments:
            holder = next((a for a in found if a.start <= quote.span[0] < a.end), None)
            if holder is not None:
                # The quotes stage resolves speakers better than a sentence's subject does.
                holder.quote_id = holder.quote_id or quote.id
                holder.speaker = quote.speaker or holder.speaker
        results.extend(found)
    return [a for a in results if a is not None and a.text]


def _asserts_nothing(index: DocIndex, quote: Quote) -> bool:
    """An open question ("asked whether the issue would be discussed") or what a speaker did
    not say ("did not say whether", "has not said when"): attributed, but no claim."""
    span = index.doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span[0].lower_ in ("whether", "if"):
        return True
    cue = span.root.head
    return span.root.dep_ == "ccomp" and any(c.dep_ == "neg" for c in cue.children)


def _is_fragment(index: DocIndex, quote: Quote) -> bool:
    """A quoted phrase without a verb inside a longer sentence ("just a few dozen", "key")."""
    span = index.doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    sent = index.sent(span)
    return len(sent) > len(span) + MIN_TOKENS


def _has_subject(span: Span) -> bool:
    """Whether a stretch of text holds a clause with its own subject."""
    return any(t.dep_ in CLAUSE_SUBJECT_DEPS and span.start <= t.head.i < span.end for t in span)


def _reporting_sentence(index: DocIndex, quote: Quote) -> list[Span]:
    """For "X denied that Y": the whole sentence, so the text reads as the denial, not as Y."""
    span = index.doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
    if span is None:
        return []
    sent = index.sent(span)
    return [sent] if sent.start <= span.start and span.end <= sent.end else [span]


def _first_lemmas(doc: Doc) -> dict[str, str]:
    """Lower-cased word -> the lemma of its first occurrence in the parse."""
    lemmas: dict[str, str] = {}
    for tok in doc:
        lemmas.setdefault(tok.lower_, str(tok.lemma_.lower()))
    return lemmas


def _lemma(lemmas: dict[str, str], word: str | None) -> str | None:
    """The lemma of a cue verb ("denied" -> "deny"), looked up in the parse it came from."""
    if not word:
        return None
    low = word.lower().split()[0]
    return lemmas.get(low, low)


def _make(
    article_id: str,
    index: DocIndex,
    span: Span,
    speaker: str | None,
    source: str,
    entities: EntityIndex,
    quote_id: str | None = None,
    cue: str | None = None,
) -> Assertion:
    start, end = clean_bounds(index.text, span.start_char, span.end_char)
    clause = index.doc.char_span(start, end, alignment_mode="expand") or span
    assertion = Assertion(
        article_id, start, end, index.text[start:end], speaker, source, quote_id=quote_id, cue=cue
    )
    return annotate(assertion, clause, entities, index)


def _quote_pieces(doc: Doc, quote: Quote) -> list[Span]:
    span = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
    if span is None:
        return []
    pieces: list[Span] = []
    for sent in span.sents:  # type: ignore[attr-defined]
        inner = doc[max(sent.start, span.start) : min(sent.end, span.end)]
        if len(inner) < MIN_TOKENS:
            continue
        pieces.extend(p for p in split_clauses(inner) if len(p) >= MIN_TOKENS - 1)
    return pieces


def _sentence_assertions(
    article_id: str, index: DocIndex, covered: list[tuple[int, int]], entities: EntityIndex
) -> list[Assertion]:
    doc = index.doc
    found: list[Assertion] = []
    last_speaker: str | None = None
    for sent in index.sents:
        if len(sent) < MIN_TOKENS or QUESTION_OR_NONFACT.search(sent.text.strip()):
            continue
        if any(s < sent.end_char and sent.start_char < e for s, e in covered):
            continue
        if NON_COMMENT.search(sent.text):
            continue
        reported = False
        seen: set[tuple[int, int]] = set()
        for verb in sent:
            lemma = verb.lemma_.lower()
            if lemma not in REPORTING_VERBS or verb.pos_ != "VERB":
                continue
            subject = _reporter(verb)
            if lemma in DENIAL_VERBS and not _denies(verb):
                continue  # "a policy of rejecting ransom demands": no one reporting anything
            if lemma in FACT_CUE_LEMMAS and subject is not None and subject.lower_ == "which":
                continue  # "..., which explains its wide reach": a fact, no one speaking
            speaker = _speaker_of(subject, article_id, index.text, entities, last_speaker)
            if lemma in DENIAL_VERBS:
                pieces = [sent]  # "X denied the reports as false": the denial is the claim
            else:
                content = _content_of(verb)
                if content is not None:
                    start, end = _subtree_bounds(content, set())
                elif verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.i > verb.head.i:
                    # "X has cut its staff, WSJ cited its source as saying": content first
                    start, end = _subtree_bounds(verb.head, {verb.i})
                    end = min(end, verb.left_edge.i)
                elif (lead := _content_before(sent, subject)) is not None:
                    # The same, parsed with the content as a fragment of the sentence.
                    start, end = lead
                else:
                    if verb.dep_ == "ROOT":
                        reported = True  # "the source was quoted as saying": no content
                    continue
                pieces = split_clauses(doc[start:end])
            for piece in pieces:
                key = (piece.start, piece.end)
                if key in seen or len(piece) < MIN_TOKENS - 1:
                    continue
                seen.add(key)
                found.append(
                    _make(
                        article_id,
                        index,
                        piece,
                        speaker,
                        "reported",
                        entities,
                        cue=verb.lemma_.lower(),
                    )
                )
                reported = True
            if speaker:
                last_speaker = speaker
        if reported:
            continue
        for piece in split_clauses(sent):
            assertion = _make(article_id, index, piece, None, "narration", entities)
            if _checkable(piece, assertion):
                found.append(assertion)
    return found


def _content_before(sent: Span, subject: Token | None) -> tuple[int, int] | None:
    """Token range of "X has cut its staff" in "X has cut its staff, WSJ cited ... saying"."""
    if subject is None:
        return None
    comma = subject.left_edge.i - 1
    if comma - sent.start < MIN_TOKENS or sent.doc[comma].text != ",":
        return None
    return sent.start, comma


def _checkable(span: Span, assertion: Assertion) -> bool:
    """Narration is kept when it states a number or an entity doing something."""
    if len(span) < MIN_TOKENS + 1:
        return False
    if assertion.quantities:
        return True
    for tok in span:
        if tok.dep_ == "ROOT" or (tok.head.i < span.start or tok.head.i >= span.end):
            if tok.pos_ != "VERB" or (
                tok.tag_ in ("VBG", "VBN")
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            ):
                return False
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subject is not None and (
                subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                or any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in subject.subtree)
            )
    return False


class EmbeddingCache:
    """Unit vectors by text, so stages that compare the same wordings embed them once."""

    def __init__(self, max_items: int = 20_000) -> None:
        self.max_items = max_items
        self.vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, texts: list[str], settings: Settings = DEFAULT) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            for text, vector in zip(missing, embed(missing, settings), strict=True):
                self.vectors[text] = vector
            while len(self.vectors) > self.max_items:
                self.vectors.popitem(last=False)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])


EMBEDDINGS = EmbeddingCache()
