"""Framing: an outlet's own word choices, with quoted voices left out."""

from __future__ import annotations

import pytest

from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.framing import find_framing, own_voice_mask
from newsprism.model import Article, Quote
from newsprism.nlp.pipeline import parse_story
from tests.conftest import shared_path


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(id=aid, outlet=outlet, text=text)


def _terms(framing, outlet):
    return {f.term for f in framing if f.outlet == outlet}


def test_quoted_words_are_not_the_outlets_voice_but_scare_quotes_are():
    text = (
        'The report cited "Mr. Maduro\'s regime" as the cause, while the US pursued regime '
        "change and backed self-proclaimed 'interim president' Juan Guaido."
    )
    article = _article("a1", "X", text)
    mask = own_voice_mask(article, [])
    inside = text.index("regime")
    assert not mask[inside]  # inside a double-quoted quotation
    assert mask[text.index("regime change")]
    assert mask[text.index("interim")]  # a two-word single-quoted label is a scare quote


def test_quote_spans_from_the_quote_stage_are_excluded():
    text = "Officials called it a coup. Analysts described an attempt to oust the president."
    article = _article("a1", "X", text)
    quote = Quote(
        id="q1",
        speaker="Officials",
        text="a coup",
        kind="mixed",
        article_id="a1",
        span=(0, text.index(".") + 1),
    )
    assert not own_voice_mask(article, [quote])[text.index("coup")]


def test_loaded_terms_and_labels_differ_by_outlet():
    articles = [
        _article(
            "a",
            "Outlet A",
            (
                "Washington backed a coup against the government in Caracas, installing "
                "self-proclaimed 'interim president' Juan Guaido."
            ),
        ),
        _article(
            "b",
            "Outlet B",
            (
                "Opposition leader Juan Guaido led a campaign to topple the government, "
                'which critics call "a brutal regime".'
            ),
        ),
    ]
    framing = find_framing(parse_story(articles), [], EntityIndex())
    assert {"coup", "self-proclaimed"} <= _terms(framing, "Outlet A")
    # B's "regime" is a quotation, not B's word.
    assert "regime" not in _terms(framing, "Outlet B")
    coup = next(f for f in framing if f.term == "coup")
    assert coup.refers_to == "action" and "campaign to topple" in coup.others_say
    assert coup.article_ids == ["a"]
    guaido = next(f for f in framing if f.term == "self-proclaimed")
    assert guaido.refers_to == "Juan Guaido"


def test_seed_story_framing(seed_articles):
    framing = find_framing(parse_story(seed_articles), [], EntityIndex())
    assert "self-proclaimed" in _terms(framing, "RT")
    assert {"coup", "coup d’état"} & _terms(framing, "Sputnik")
    zero_hedge = next(a.outlet for a in seed_articles if a.file.startswith("004"))
    # Zero Hedge's own "regime change"; "Mr. Maduro's regime" sits inside the WSJ quotation.
    assert any("regime" in t for t in _terms(framing, zero_hedge))


@pytest.fixture(scope="module")
def seed_articles():
    from newsprism.ingest import read_articles

    articles = read_articles([shared_path("corpus", "seeds")]).articles
    return [a.model_copy(update={"outlet": a.outlet or a.file}) for a in articles]


def _newswcl_story(event: int):
    from tests.analysis.newswcl_loader import load_event

    return parse_story(load_event(shared_path("data", "newswcl50"), event))


def test_newswcl_dictator_is_a_label_some_outlets_choose():
    # Event 2 (North Korea halts tests): HuffPost, Fox News and Breitbart write "North Korean
    # dictator Kim Jong Un" in their own words; The New York Times and USA Today do not.
    framing = find_framing(_newswcl_story(2), [], EntityIndex())
    users = {f.outlet for f in framing if "dictator" in f.term and "Kim" in (f.refers_to or "")}
    assert users == {"HuffPost", "Fox News", "Breitbart"}


def test_newswcl_quoted_narrative_is_not_the_outlets_word():
    # Event 3 (DNC lawsuit): Breitbart writes of "a collusion narrative" in its own voice;
    # HuffPost's "narrative" is inside a quotation of someone else.
    framing = find_framing(_newswcl_story(3), [], EntityIndex())
    narrative = {f.outlet for f in framing if f.term == "narrative"}
    assert narrative == {"Breitbart"}


def test_newswcl_dictator_as_subject_is_not_a_label_of_the_person_after_it():
    # HuffPost: "... while the dictator described Trump as a 'mentally deranged U.S. dotard.'"
    # The dictator is Kim; the verb between them means Trump is not what the word labels.
    framing = find_framing(_newswcl_story(2), [], EntityIndex())
    assert not [f for f in framing if "dictator" in f.term and "Trump" in (f.refers_to or "")]


def test_contrasts_leave_out_the_outlets_own_words_and_the_same_word_modified():
    articles = [
        _article(
            "a",
            "Outlet A",
            "North Korean dictator Kim Jong Un spoke on Friday. Later the dictator Kim Jong Un "
            "left Pyongyang.",
        ),
        _article("b", "Outlet B", "Dictator Kim Jong Un spoke on Friday in Pyongyang."),
        _article("c", "Outlet C", "Supreme leader Kim Jong Un spoke on Friday in Pyongyang."),
    ]
    framing = find_framing(parse_story(articles), [], EntityIndex())
    for term in framing:
        for other in term.others_say:
            assert "dictator" not in other.lower() or "dictator" not in term.term.lower()
    dictator_b = next(f for f in framing if f.outlet == "Outlet B" and f.term.lower() == "dictator")
    assert dictator_b.others_say == ["Supreme leader"]


def test_newswcl_meddling_and_interference_frame_one_thing_but_privacy_invasion_does_not():
    # Event 3 (DNC lawsuit): Breitbart writes of "Russian meddling", USA Today of "Russian
    # interference in the 2016 election"; The New York Times' "invasion of privacy lawsuit" is
    # about a different thing altogether.
    framing = find_framing(_newswcl_story(3), [], EntityIndex())
    meddling = next(f for f in framing if f.outlet == "Breitbart" and f.term == "meddling")
    assert "interference" in meddling.others_say
    assert not [f for f in framing if "invasion" in f.term or "invasion" in f.others_say]


def test_forms_of_one_word_are_no_contrast_and_a_word_most_outlets_use_is_no_choice():
    articles = [
        _article("a", "Outlet A", "Russia allegedly hacked the servers before the election."),
        _article("b", "Outlet B", "The alleged hacking of the servers came before the election."),
        _article("c", "Outlet C", "Russian interference in the election was widely reported."),
        _article("d", "Outlet D", "Russian interference in the election drew sanctions."),
        _article("e", "Outlet E", "Russian interference in the election came to light."),
    ]
    framing = find_framing(parse_story(articles), [], EntityIndex())
    alleged = [f for f in framing if f.term in ("alleged", "allegedly")]
    assert alleged and all(not set(f.others_say) & {"alleged", "allegedly"} for f in alleged)
    assert not [f for f in framing if f.term == "interference"]  # three of five outlets say it


def test_ranks_abbreviations_adjectives_and_verbs_are_no_labels_but_role_nouns_are():
    # FNC-1 and ECB+ stories: a pilot's rank, a governor's abbreviated title, an actor praised
    articles = [
        _article(
            "a",
            "Outlet A",
            "First Lieutenant Moaz al-Kasasbeh was captured in December. Qeshm Gov. Heidar "
            "Alishvandi said ten people died. He has the right balance to nail Christian Bale.",
        ),
        _article(
            "b",
            "Outlet B",
            "Jordanian pilot Moaz al-Kasasbeh was captured in December. Qeshm Governor Heidar "
            "Alishvandi said ten people died. The younger Christian Bale won an Oscar.",
        ),
        _article(
            "c",
            "Outlet C",
            "Captured airman Moaz al-Kasasbeh was shown in a video. Welsh actor Christian Bale "
            "won an Oscar.",
        ),
    ]
    framing = find_framing(parse_story(articles), [], EntityIndex())
    terms = {f.term for f in framing} | {t for f in framing for t in f.others_say}
    assert {"Jordanian pilot", "Captured airman"} <= terms  # two outlets' words for one man
    for no_label in ("First Lieutenant", "Lieutenant", "Qeshm Gov.", "Qeshm Governor", "nail"):
        assert no_label not in terms
    assert "younger" not in terms and "The younger" not in terms


def test_one_title_written_short_or_long_is_no_contrast_but_a_capitalised_label_counts():
    # NewsWCL50 events 0 and 1: titles written out or abbreviated, "Dictator" in a headline
    articles = [
        _article(
            "a",
            "Outlet A",
            "CIA Director Mike Pompeo met North Korean Dictator Kim Jong Un. House Judiciary "
            "Committee Chairman Bob Goodlatte asked for the memos.",
        ),
        _article(
            "b",
            "Outlet B",
            "Central Intelligence Agency Director Mike Pompeo met North Korean leader Kim Jong "
            "Un. Judiciary Chairman Bob Goodlatte asked for the memos.",
        ),
    ]
    framing = find_framing(parse_story(articles), [], EntityIndex())
    assert not [f for f in framing if f.refers_to in ("Mike Pompeo", "Bob Goodlatte")]
    labels = {f.term: f.others_say for f in framing if f.outlet == "Outlet A"}
    assert labels["North Korean Dictator"] == ["North Korean leader"]


def test_the_wording_most_outlets_use_is_not_reported_as_a_choice():
    # NewsWCL50 event 4: four outlets write "French President", The New York Times does not
    common = "French President Emmanuel Macron welcomed the guests at the Elysee."
    articles = [_article(x, f"Outlet {x}", common) for x in "abc"]
    articles.append(
        _article("d", "Outlet d", "Hosting President Emmanuel Macron welcomed the guests.")
    )
    framing = find_framing(parse_story(articles), [], EntityIndex())
    assert [(f.outlet, f.term, f.others_say) for f in framing] == [
        ("Outlet d", "Hosting President", ["French President"])
    ]
