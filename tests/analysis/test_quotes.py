"""Quotes with speakers: the seed story's gold quotes, and one real snippet per construction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.analysis.entities import fold, resolve_entities
from newsprism.analysis.quotes import extract_quotes, find_quote_marks
from newsprism.ingest import read_articles
from newsprism.model import Article, Quote
from newsprism.nlp.pipeline import parse_story

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"


def quotes_of(*texts: str) -> list[Quote]:
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    story = parse_story(articles)
    return extract_quotes(story, resolve_entities(story))


def quote_with(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words.casefold() in q.text.casefold()]
    assert found, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return found[0]


@pytest.fixture(scope="module")
def seed_quotes() -> tuple[list[Quote], dict[str, str]]:
    """The seed story's quotes and each article's file name."""
    if not (CORPUS / "seeds").is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    articles = read_articles([CORPUS / "seeds"]).articles
    story = parse_story(articles)
    quotes = extract_quotes(story, resolve_entities(story))
    return quotes, {a.id: a.file or "" for a in articles}


def test_every_gold_quote_is_found_with_its_speaker(seed_quotes) -> None:
    quotes, by_file = seed_quotes
    gold = json.loads((CORPUS / "seeds-gold.json").read_text("utf-8"))
    missing = []
    for item in gold["quotes"]:
        for file in item["in"]:
            found = [
                q
                for q in quotes
                if by_file[q.article_id] == file
                and all(w.casefold() in q.text.casefold() for w in item["must_mention"])
                and q.speaker is not None
                and fold(q.speaker) == fold(item["speaker"])
            ]
            if not found:
                missing.append((item["speaker"], item["must_mention"], file))
    assert not missing


def test_spans_point_into_the_article_text(seed_quotes) -> None:
    quotes, _ = seed_quotes
    assert quotes
    for q in quotes:
        assert q.span[0] < q.span[1] and q.rule and q.cue


def test_speaker_after_quote_spanning_two_sentences() -> None:
    text = (
        'On Monday, the corporation Rostec dismissed the report. "The figures provided in the '
        "piece have been exaggerated tens of times. The numbers of our staff there has remained "
        'the same for many years," the press service of Rostec stated.'
    )
    q = quote_with(quotes_of(text), "tens of times")
    assert q.speaker == "Rostec" and q.kind == "direct" and q.cue == "stated"
    assert "remained the same" in q.text
    assert text[q.span[0] : q.span[1]] == q.text


def test_quoted_him_as_saying_resolves_the_pronoun_and_keeps_the_relay() -> None:
    text = (
        'Russian Foreign Minister Sergei Lavrov, for his part, expressed "shock" at the US '
        "president's glee. \"It is clear that (Trump) read the article in the Wall Street "
        'Journal," RIA Novosti news agency quoted him as saying.'
    )
    q = quote_with(quotes_of(text), "read the article")
    assert q.speaker == "Sergei Lavrov"
    assert q.via == "RIA Novosti"
    assert not any(x.text == "shock" for x in quotes_of(text))


def test_role_reference_resolves_to_the_named_person() -> None:
    text = (
        "“We will continue our multifaceted efforts on developing partner relations with "
        "brotherly Venezuela,” declared Russian Deputy Foreign Minister Sergei Ryabkov on Friday.\n"
        "“Reports concerning Russia’s military presence in Venezuela have been debunked many "
        "times,” the deputy foreign minister declared."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "multifaceted").speaker == "Sergei Ryabkov"
    assert quote_with(quotes, "debunked").speaker == "Sergei Ryabkov"


def test_definite_description_of_an_organisation() -> None:
    text = (
        "Russia's state military hardware exporter, Rosoboronexport, said that Moscow and Caracas "
        'are actually planning to increase cooperation. Russian companies "remain committed to '
        'deepening cooperation with the Ministry of Defense and other departments," the exporter '
        "stated."
    )
    quotes = quotes_of(text)
    said = quote_with(quotes, "planning to increase")
    assert said.speaker == "Rosoboronexport" and said.kind == "indirect"
    assert quote_with(quotes, "remain committed").speaker == "Rosoboronexport"


def test_unnamed_source_is_attributed_to_the_relaying_outlet() -> None:
    text = (
        'Rostec has cut its defense advisers in Venezuela to "just a few dozen" now, WSJ cited '
        "its source as saying, The Wall Street Journal reported.\n"
        '"They believe the fight is being lost," a person close to the Russian government was '
        "quoted as saying."
    )
    q = quote_with(quotes_of(text), "fight is being lost")
    assert q.speaker == "The Wall Street Journal"
    assert q.speaker_description == "a person close to the Russian government"


def test_unnamed_source_without_an_outlet_has_no_speaker() -> None:
    text = (
        "Secret Service protocol called for the Democratic presidential nominee to be taken to a "
        "state-designated Level I Trauma Center, sources said."
    )
    q = quote_with(quotes_of(text), "Trauma Center")
    assert q.speaker is None and q.speaker_description == "sources"


def test_according_to() -> None:
    text = (
        "Pressure is building on McAuliffe, who was greeted with chants at a labor conference in "
        "Williamsburg last month, according to Virginia AFL-CIO President Doris Crouse-Mays."
    )
    q = quote_with(quotes_of(text), "Pressure is building")
    assert q.cue == "according to" and q.speaker == "Doris Crouse-Mays"


def test_indirect_speech_with_told() -> None:
    text = (
        "Jason Miller told The Washington Post that Trump's maternity-leave policy would extend "
        "to single mothers."
    )
    q = quote_with(quotes_of(text), "maternity-leave")
    assert q.speaker == "Jason Miller" and q.cue == "told" and q.kind == "indirect"


def test_refuted_reports_and_estimates() -> None:
    text = (
        "Russian Ambassador to Venezuela Vladimir Zaemsky has refuted reports about the withdrawal "
        "of Russian military specialists from the Latin American country. Analyst Mark Galeotti "
        "estimates there are 300 Russian Defense Ministry officers in Venezuela."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "withdrawal").speaker == "Vladimir Zaemsky"
    assert quote_with(quotes, "300").speaker == "Mark Galeotti"


def test_pronoun_she_after_an_organisation_speaks() -> None:
    text = (
        '"The number of elements has not changed for several years," Rostek said in a statement.\n'
        '"Professional technicians regularly go to Venezuela to repair the equipment," she said.'
    )
    assert quote_with(quotes_of(text), "Professional technicians").speaker == "Rostek"


def test_scare_quotes_and_unpaired_marks() -> None:
    text = (
        "Venezuela's opposition, led by lawmaker Juan Guaido, with Guaido proclaiming himself "
        "'interim president'.\n“This is another piece of news which has absolutely nothing to do "
        "with reality,” Zaemsky said.\n“An unclosed quotation runs to the end of its paragraph"
    )
    marks = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert not any("interim president" in m for m in marks)
    assert marks[-1] == "An unclosed quotation runs to the end of its paragraph"
    q = quote_with(quotes_of(text), "nothing to do with reality")
    assert q.speaker == "Zaemsky"
