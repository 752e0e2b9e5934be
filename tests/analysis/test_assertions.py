"""What a statement's negation denies, on sentences from FNC-1 stories and the seeds."""

from __future__ import annotations

import pytest

from newsprism.analysis.assertions import Assertion, annotate, denied_text, extract_assertions
from newsprism.analysis.entities import EntityIndex, resolve_entities
from newsprism.analysis.quotes import extract_quotes
from newsprism.model import Article
from newsprism.nlp.pipeline import DocIndex, load_nlp, parse_story


def negated_event(sentence: str) -> bool:
    doc = load_nlp()(sentence)
    assertion = Assertion("a", 0, len(sentence), sentence, None, "narration")
    return annotate(assertion, doc[:], EntityIndex(), DocIndex(doc)).negated_event


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no talk of any cuts.",
        "He did not die in the attack.",
        "Moscow has not withdrawn its advisers.",
    ],
)
def test_a_negation_that_denies_an_event(sentence: str) -> None:
    assert negated_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # saying nothing of it
        "Without indicating the locations of the attacks, the statement said the militants "
        "aimed at the army's morale.",
        "The group said both were killed, but not specifying exactly where they died.",
        # not knowing of it
        "We aren't aware of any chlorine attacks against the Iraqi forces.",
        # more, not less
        "The death will call not only for the death of his killers, but also their families.",
        "We will not do the air strikes alone.",
        # where, and what it is said of
        "He had not been at the site of the raid.",
        "The death of the pilot will not be in vain.",
        # what an adverbial clause takes as given
        "We didn't hear anything until we got a letter saying she'd been picked.",
    ],
)
def test_a_negation_that_denies_no_event(sentence: str) -> None:
    assert not negated_event(sentence)


def assertions_of(text: str) -> list[Assertion]:
    story = parse_story([Article(id="a", text=text)])
    entities = resolve_entities(story)
    return extract_assertions(story, extract_quotes(story, entities), entities)


def test_which_explains_is_a_fact_and_which_said_an_organisation() -> None:
    # FNC-1 body on a Banksy hoax; "which said" as the seeds write it
    text = (
        "There are a lot of fake Banksy accounts on social media but the one that scraped "
        "Lucille Clerc's image has over a million followers, which explains its wide reach.\n\n"
        "The contract went to Rostec, which said the staff had not changed."
    )
    speakers = {a.text.split()[0]: a.speaker for a in assertions_of(text)}
    assert speakers["There"] is None  # the article's own statement
    assert speakers["the"] == "Rostec"


def denial(sentence: str) -> bool:
    doc = load_nlp()(sentence)
    assertion = Assertion("a", 0, len(sentence), sentence, None, "narration")
    return annotate(assertion, doc[:], EntityIndex(), DocIndex(doc)).denial


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("The Kremlin denied on Tuesday that it had informed Washington.", True),
        ("Rostec denied information reported by the Wall Street Journal.", True),
        ("The ministry rejected the reports.", True),
        # FNC-1 bodies: turning down and withholding are no denials
        (
            "Isis was demanding millions, but the US has a policy of rejecting ransom demands.",
            False,
        ),
        ("Comcast will deny Internet service to users of the Tor browser.", False),
        # DUC 2004 wire stories (Kosovo, 1998): saying nothing either way, a kind of
        # promise, and someone else's denial told of in a relative clause
        ("The defense ministry refused to confirm or deny the report.", False),
        ("Milosevic was playing the classic game of making false promises.", False),
        (
            "Rebel forces also were responsible for human rights violations, a charge the KLA "
            "quickly denied.",
            False,
        ),
        ("The ministry issued a statement which denied the reports.", True),
        ("These are baseless allegations.", True),
    ],
)
def test_a_verb_of_denial_calls_something_untrue_only_when_it_denies_a_claim(
    sentence: str, denies: bool
) -> None:
    assert denial(sentence) is denies


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack did not only kill soldiers but also civilians.",
        "The attack did not just kill soldiers but also civilians.",
        "They asked whether or not the talks would go on.",
    ],
)
def test_more_rather_than_less_and_an_open_question_are_no_negation(sentence: str) -> None:
    doc = load_nlp()(sentence)
    assertion = Assertion("a", 0, len(sentence), sentence, None, "narration")
    assert not annotate(assertion, doc[:], EntityIndex(), DocIndex(doc)).negated


@pytest.mark.parametrize(
    "sentence",
    [
        # a rule, not that nothing was cut (FNC-1 body on an ISIS video)
        "Muslim people should not cut the head off an animal in front of another animal.",
        # what one would think, not what happened (FNC-1 body on Castro death rumours)
        "There is no reason to speculate about Castro's death.",
    ],
)
def test_a_rule_or_a_thought_denies_no_event(sentence: str) -> None:
    assert not negated_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # ECB+ stories: a judgement of what was done, and a goal
        "Anger said that the message sent by the jury's sentence - that killing a police "
        "officer and flaunting all respect for authority and for life will not be tolerated - "
        "was clear.",
        "It would be a good idea to disable Active Scripting, just to be sure that no "
        "successful attacks are possible.",
    ],
)
def test_a_judgement_or_a_goal_denies_no_event(sentence: str) -> None:
    assert not negated_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # DUC 2004 wire stories: an aim, an attempt, an ability, an open question, not
        # knowing, and a rule that a coordinated clause shares
        "She encouraged women not to kill their child.",
        "NATO forces have never tried to arrest them.",
        "Authorities would not be able to arrest all the party's supporters.",
        "Investigators had not determined whether there is a link between the five killings.",
        "They have no idea why someone would have wanted her dead.",
        "There was still no evidence that her death was a political assassination.",
        "Governments should reform rigid labor markets and not pressure him to cut rates.",
        # a possibility the negated clause speaks of (the parser hangs it on "were")
        "Hun Sen's assurances were not strong enough to ease concerns his party members may "
        "be arrested upon their return to Cambodia.",
    ],
)
def test_what_was_aimed_at_asked_or_unknown_is_not_denied(sentence: str) -> None:
    assert not negated_event(sentence)


def test_not_the_first_time_says_it_happened_again() -> None:
    # FNC-1 story on rumours of Fidel Castro's death
    assert not negated_event(
        "This is not the first time Fidel Castro's alleged death has taken over social media."
    )
    assert not negated_event("It is not the only attack on the village.")
    assert negated_event("The first attack did not kill anyone.")


def test_not_attacking_denies_an_attack_though_attack_can_cue_words() -> None:
    assert negated_event("The army did not attack the village.")
    assert negated_event("The army could not have attacked the village.")


def test_the_political_left_leaves_nothing() -> None:
    # DUC 2004 wire story on Prodi's government
    assert not negated_event(
        "He would not govern with any other majority than the center-left one that elected him."
    )
    assert negated_event("The party did not leave the coalition.")


def calls_false(sentence: str) -> bool:
    doc = load_nlp()(sentence)
    assertion = Assertion("a", 0, len(sentence), sentence, None, "narration")
    return annotate(assertion, doc[:], EntityIndex(), DocIndex(doc)).denial


def test_denying_a_motion_turns_it_down_and_denying_a_report_calls_it_false() -> None:
    # ECB+ story on a death sentence
    assert not calls_false(
        "In denying an automatic motion by the defense to reduce the jury's recommendation, "
        "the judge upheld the sentence."
    )
    assert calls_false("The ministry denied the reports of a withdrawal.")


def test_what_a_denial_calls_untrue_is_its_own_clause() -> None:
    # FNC-1 bodies on Mohammed Emwazi
    doc = load_nlp()(
        "Mr Emwazi claimed in emails that he was repeatedly approached by the security "
        "services, but he said he refused to co-operate and denied he had any links to "
        "terrorism. He was accused of trying to reach Somalia, but Emwazi refuted this."
    )
    first, second = list(doc.sents)
    assert denied_text(first) == "he had any links to terrorism"
    assert denied_text(second) == "He was accused of trying to reach Somalia"
    whole = load_nlp()("Peskov denied the reports.")
    assert denied_text(whole[:]) is None
    # FNC-1 bodies on Pope Francis and pets: the idea denied, not the death told after "and"
    more = load_nlp()(
        "Pope Benedict XVI had also denied the idea of pets entering heaven and said their "
        "death simply meant the end of their existence on Earth."
    )
    assert denied_text(more[:]) == "the idea of pets entering heaven"


def test_a_relative_pronoun_speaks_for_the_name_it_hangs_on() -> None:
    # FNC-1 body on an Axl Rose death hoax: "which" was a speaker
    text = (
        "The site Gossip Cop, which specializes in debunking rumors about celebrities — dead "
        "or alive — was among the first to expose the fakery, which apparently fooled "
        "numerous internet users with its convincing-looking URL, “msnbc.website.”"
    )
    assert "which" not in {a.speaker for a in assertions_of(text)}
