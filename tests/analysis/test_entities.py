"""Cross-document entities on real news snippets (the seed story's wording)."""

from __future__ import annotations

from newsprism.analysis.entities import EntityIndex, fold, resolve_entities
from newsprism.model import Article
from newsprism.nlp.pipeline import parse_story


def index_of(*texts: str) -> EntityIndex:
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    return resolve_entities(parse_story(articles))


def test_fold_removes_accents_and_case() -> None:
    assert fold("Guaidó") == fold("GUAIDO") == "guaido"


def test_transliterations_and_surnames_merge_across_articles() -> None:
    index = index_of(
        "Russian Ambassador to Venezuela Vladimir Zaemsky has refuted reports about the "
        "withdrawal. “There is no talk of any cuts,” Zaemsky said.",
        '"The work is carried out in compliance with existing obligations," Ambassador Vladimir '
        "Zayemsky was quoted as saying.",
    )
    zaemsky = index.find("Vladimir Zayemsky")
    assert zaemsky is not None and zaemsky.type == "PERSON"
    assert zaemsky.name == "Vladimir Zaemsky"
    assert index.find("Zaemsky") is zaemsky
    assert zaemsky.article_ids == ["a0", "a1"]
    assert zaemsky.description == "Russian Ambassador to Venezuela"
    assert index.find("Venezuela") is not None and index.find("Venezuela").type == "GPE"


def test_titles_become_descriptions_and_surnames_join_full_names() -> None:
    index = index_of(
        '"There was no official letter from Russia," Kremlin spokesman Dmitry Peskov told '
        'reporters. "This operation is in accordance with a plan," Peskov said.'
    )
    peskov = index.find("Peskov")
    assert peskov is not None and peskov.name == "Dmitry Peskov"
    assert peskov.description == "Kremlin spokesman"


def test_acronym_article_and_majority_type() -> None:
    index = index_of(
        "On Sunday, The Wall Street Journal reported that Rostec had withdrawn advisers. "
        "Rostec stated that the figures were exaggerated.",
        "Rostek denied information reported by the Wall Street Journal. WSJ cited its source.",
    )
    wsj = index.find("WSJ")
    assert wsj is not None and wsj.name == "The Wall Street Journal" and wsj.type == "ORG"
    assert index.find("Wall Street Journal") is wsj
    rostec = index.find("Rostek")
    assert rostec is not None and rostec is index.find("Rostec") and rostec.type == "ORG"


def test_mentions_point_at_names_in_the_text() -> None:
    text = "Kremlin spokesman Dmitry Peskov told reporters on Tuesday."
    index = index_of(text)
    peskov = index.find("Dmitry Peskov")
    assert peskov is not None
    spans = [(s, e) for (aid, s, e), eid in index.mentions.items() if eid == peskov.id]
    assert [text[s:e] for s, e in spans] == ["Dmitry Peskov"]
    assert index.entity_at("a0", spans[0][0], spans[0][1]) is peskov


def test_outlet_named_by_its_syntax_is_an_organisation() -> None:
    index = index_of(
        "MOSCOW (Sputnik) - The ambassador has refuted reports about the withdrawal.",
        "“There is no talk of any cuts,” Zaemsky said, speaking to Sputnik on Monday.",
    )
    sputnik = index.find("Sputnik")
    assert sputnik is not None and sputnik.type == "ORG"


def test_surname_and_capitalised_title_become_aliases() -> None:
    index = index_of(
        "“We will continue our efforts,” declared Russian Deputy Foreign Minister Sergei Ryabkov "
        "on Friday. Kremlin spokesman Dmitry Peskov told reporters there was no letter."
    )
    ryabkov = index.find("Sergei Ryabkov")
    assert ryabkov is not None
    assert {"Ryabkov", "Russian Deputy Foreign Minister"} <= set(ryabkov.aliases)
    assert index.find("Peskov") is index.find("Dmitry Peskov")
