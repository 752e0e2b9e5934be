"""Conflicts on small real-style snippets: each kind found, and no false conflict."""

from __future__ import annotations

import pytest

from newsprism.analysis.assertions import Assertion, annotate
from newsprism.analysis.claims import build_claims
from newsprism.analysis.conflicts import counted_phrase, find_conflicts, negates_the_same
from newsprism.analysis.entities import EntityIndex, resolve_entities
from newsprism.analysis.quantities import quantities_in_span
from newsprism.analysis.quotes import extract_quotes
from newsprism.model import Article, Claim, Quote, stable_id
from newsprism.nlp.pipeline import DocIndex, load_nlp, parse_story


def quote(article: Article, text: str, speaker: str, cue: str = "said") -> Quote:
    start = article.text.index(text)
    return Quote(
        id=stable_id("q", article.id, text),
        speaker=speaker,
        cue=cue,
        text=text,
        kind="direct",
        article_id=article.id,
        span=(start, start + len(text)),
    )


def article(name: str, outlet: str, text: str) -> Article:
    return Article(id=stable_id("a", name), file=name, outlet=outlet, text=text)


def run(articles: list[Article], quotes: list[Quote]):
    story = parse_story(articles)
    index = EntityIndex()
    claims = build_claims(story, quotes, index)
    return claims, find_conflicts(story, claims, quotes, index)


def test_stability_statement_contradicts_a_reported_cut() -> None:
    a = article(
        "a.txt",
        "Daily",
        "The ministry has cut its staff in the region from about 800 "
        "to just a few dozen, the newspaper said, citing officials.",
    )
    b = article(
        "b.txt",
        "Wire",
        'The company rejected the report. "The number of our staff '
        'there has not changed for several years," the company said in a statement.',
    )
    quotes = [
        quote(
            a,
            "The ministry has cut its staff in the region from about 800 to just a few dozen",
            "The Daily",
        ),
        quote(b, "The number of our staff there has not changed for several years", "The company"),
    ]
    _, conflicts = run([a, b], quotes)
    kinds = {(c.kind, c.a.speaker, c.b.speaker) for c in conflicts}
    assert ("contradiction", "The Daily", "The company") in kinds


def test_quote_rendered_with_different_multipliers_is_a_quote_variant() -> None:
    a = article(
        "a.txt",
        "One",
        '"The figures in the report have been exaggerated tens of times," the press service said.',
    )
    b = article(
        "b.txt",
        "Two",
        'The press service said the report had "overestimated the figures by several times."',
    )
    quotes = [
        quote(a, "The figures in the report have been exaggerated tens of times", "Agency"),
        quote(b, "overestimated the figures by several times", "Agency"),
    ]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == ["quote-variant"]


def test_same_figure_in_two_outlets_is_one_claim_not_a_conflict() -> None:
    a = article(
        "a.txt",
        "One",
        "Police said at least 12 people were killed in the blast in the city centre.",
    )
    b = article(
        "b.txt",
        "Two",
        "Police said 12 people were killed in the blast in the city centre on Friday.",
    )
    quotes = [
        quote(a, "at least 12 people were killed in the blast in the city centre", "Police"),
        quote(b, "12 people were killed in the blast in the city centre on Friday", "Police"),
    ]
    claims, conflicts = run([a, b], quotes)
    assert conflicts == []
    assert len(claims) == 1 and len(claims[0].article_ids) == 2


def test_casualty_figures_from_two_sources_are_a_numeric_conflict() -> None:
    a = article(
        "a.txt", "One", "Police said 12 people were killed in the blast in the city centre."
    )
    b = article(
        "b.txt",
        "Two",
        "Hospital officials said 40 people were killed in the blast in the city centre.",
    )
    quotes = [
        quote(a, "12 people were killed in the blast in the city centre", "Police"),
        quote(b, "40 people were killed in the blast in the city centre", "Hospital officials"),
    ]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == ["numeric"]


def test_unrelated_negation_is_not_a_conflict() -> None:
    a = article(
        "a.txt", "One", "The minister said the government will build 300 new schools in the north."
    )
    b = article(
        "b.txt", "Two", "The mayor said the city does not plan to raise local taxes this year."
    )
    quotes = [
        quote(a, "the government will build 300 new schools in the north", "The minister"),
        quote(b, "the city does not plan to raise local taxes this year", "The mayor"),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_same_change_with_different_counted_nouns_is_one_claim_and_one_dispute() -> None:
    a = article(
        "a.txt",
        "One",
        "The paper reported that the firm's personnel had left the country en masse, with "
        "the numbers diminishing from 1,000 to several dozen.",
    )
    b = article(
        "b.txt",
        "Two",
        "The paper reported that the firm had cut its staff in the country from about 1,000 "
        'to "just a few dozen" today. "The numbers of our staff there have remained the same '
        'for many years," the firm said.',
    )
    quotes = [
        quote(
            a,
            "the firm's personnel had left the country en masse, with the numbers diminishing "
            "from 1,000 to several dozen",
            "The Paper",
            "reported",
        ),
        quote(
            b,
            'the firm had cut its staff in the country from about 1,000 to "just a few dozen" '
            "today",
            "The Paper",
            "reported",
        ),
        quote(b, "The numbers of our staff there have remained the same for many years", "Firm"),
    ]
    claims, conflicts = run([a, b], quotes)
    cut = [c for c in claims if c.speaker == "The Paper"]
    assert len(cut) == 1 and len(cut[0].article_ids) == 2
    assert [(c.kind, c.a.speaker, c.b.speaker) for c in conflicts] == [
        ("contradiction", "The Paper", "Firm")
    ]


def test_head_counts_of_different_groups_are_a_scope_difference_saying_what_each_counts() -> None:
    a = article(
        "a.txt",
        "One",
        "The paper said the company has cut its staff in Syria from about 1,000 to just "
        "a few dozen. Analyst Jane Roe estimates there are 300 defense ministry officers in "
        "Syria.",
    )
    quotes = [
        quote(
            a,
            "the company has cut its staff in Syria from about 1,000 to just a few dozen",
            "The Paper",
        ),
        quote(a, "there are 300 defense ministry officers in Syria", "Jane Roe"),
    ]
    _, conflicts = run([a], quotes)
    [scope] = [c for c in conflicts if c.kind == "scope-difference"]
    assert "staff" in scope.explanation and "defense ministry officers" in scope.explanation
    assert not [c for c in conflicts if c.kind in ("contradiction", "numeric", "denial")]


def test_counts_of_people_by_two_different_acts_are_no_scope_difference() -> None:
    # FNC-1 bodies on the Kimani Gray shooting: the vigil's crowd and the officers who shot
    # him; Rostec's staff cut to a few dozen and Galeotti's 300 officers there are one scope
    from newsprism.analysis.conflicts import _scope_pair, _views

    texts = {
        "vigil": "more than a hundred people joined a candlelit vigil for Kimani Gray",
        "shot": "two plainclothes officers fatally shot Kimani Gray on Saturday",
        "cut": "the company has cut its staff in Syria to a few dozen",
        "there": "there are 300 defense ministry officers in Syria",
    }
    articles = [article(f"{k}.txt", k, f"{t}.") for k, t in texts.items()]
    story = parse_story(articles)
    entities = resolve_entities(story)
    claims = [
        Claim(
            id=k,
            text=t,
            speaker=k,
            article_ids=[a.id],
            quantities=quantities_in_span(load_nlp()(t)[:]),
        )
        for (k, t), a in zip(texts.items(), articles, strict=True)
    ]
    vigil, shot, cut, there = _views(story, claims, [], entities)
    assert _scope_pair(vigil, shot) is None
    assert _scope_pair(cut, there) is not None


def test_nonsense_judges_its_own_clause_not_what_follows_but() -> None:
    a = article(
        "a.txt",
        "One",
        "The director wrote that the president told him the adviser had done nothing wrong.",
    )
    b = article(
        "b.txt",
        "Two",
        "The president said the dossier story is nonsense but that the envoy had told him "
        "about the hotels.",
    )
    quotes = [
        quote(a, "the president told him the adviser had done nothing wrong", "The director"),
        quote(
            b,
            "the dossier story is nonsense but that the envoy had told him about the hotels",
            "The president",
        ),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_whether_or_not_is_no_negation() -> None:
    a = article(
        "a.txt", "One", "The president said the two countries were beginning to agree on a deal."
    )
    b = article(
        "b.txt",
        "Two",
        "The prime minister said it was unclear whether or not a new deal would be possible.",
    )
    quotes = [
        quote(a, "the two countries were beginning to agree on a deal", "The president"),
        quote(b, "it was unclear whether or not a new deal would be possible", "The PM"),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_denial_in_a_sentence_without_a_verb_ends() -> None:
    """ "Pure fabrication, all of it." has no verb to climb to: the walk up the parse stops
    at the root (it once looped forever there, hanging a whole brief)."""
    import signal

    from newsprism.analysis.conflicts import _clause_subject, _phrase_scope_events
    from newsprism.nlp.pipeline import load_nlp

    doc = load_nlp()("Pure fabrication, all of it. Total nonsense from the ministry.")
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("hung")))
    signal.alarm(20)
    try:
        for sentence in doc.sents:
            assert not any(t.pos_ in ("VERB", "AUX") for t in sentence)
            assert _phrase_scope_events(sentence) == set()
            assert _clause_subject(sentence[0]) is None
    finally:
        signal.alarm(0)


def test_a_negation_does_not_reach_into_a_coordinated_clause() -> None:
    # Comey's memo: the negation is about investigating; "I had told the leaders" is a second
    # clause, and what Trump told Comey earlier is no event the memo denies.
    a = article(
        "a.txt",
        "One",
        "Mr. Trump told Mr. Comey in January to let the inquiry go, the memo says.",
    )
    b = article(
        "b.txt",
        "Two",
        "Mr. Comey wrote that he reminded the president that he had told him they weren't "
        "investigating him and that he had told the congressional leaders the same thing.",
    )
    told = "Mr. Trump told Mr. Comey in January to let the inquiry go"
    reminded = (
        "he had told him they weren't investigating him and that he had told the "
        "congressional leaders the same thing"
    )
    quotes = [quote(a, told, "The memo"), quote(b, reminded, "James Comey", cue="wrote")]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_the_same_two_voices_over_the_same_event_are_one_dispute() -> None:
    a = article(
        "a.txt",
        "Daily",
        "The ministry has cut its staff in the region from about 800 to just a few dozen, the "
        "newspaper said. Its engineers have left the region en masse, with the staff cut to a "
        "few dozen, the newspaper said.",
    )
    b = article(
        "b.txt",
        "Wire",
        '"The number of our staff there has not changed for several years," the ministry said. '
        '"The numbers of our engineers there have remained the same for many years," it added.',
    )
    quotes = [
        quote(
            a,
            "The ministry has cut its staff in the region from about 800 to just a few dozen",
            "The Daily",
        ),
        quote(
            a,
            "Its engineers have left the region en masse, with the staff cut to a few dozen",
            "The Daily",
        ),
        quote(b, "The number of our staff there has not changed for several years", "The ministry"),
        quote(
            b,
            "The numbers of our engineers there have remained the same for many years",
            "The ministry",
            cue="added",
        ),
    ]
    _, conflicts = run([a, b], quotes)
    disputes = [c for c in conflicts if c.kind in ("contradiction", "denial")]
    assert len(disputes) == 1, [(c.a.text, c.b.text) for c in disputes]


def test_judging_an_act_is_not_denying_it() -> None:
    # ECB+ topic 12: two officials agree that attacking pirate bases on land would not work.
    a = article(
        "a.txt",
        "One",
        "Vice Adm. Bill Gortney said there would be many difficulties in attacking land bases "
        "in an effort to curtail piracy.",
    )
    b = article(
        "b.txt",
        "Two",
        "Cmdr. Nirad Sinha said attacking Somali ports probably wouldn't be effective in "
        "battling rampant piracy.",
    )
    quotes = [
        quote(a, "there would be many difficulties in attacking land bases", "Bill Gortney"),
        quote(b, "attacking Somali ports probably wouldn't be effective", "Nirad Sinha"),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_figures_of_different_acts_are_no_conflict_and_one_figure_is_disputed_once() -> None:
    # ECB+ topic 12 (Indian navy captures pirates), one sentence from each of five articles.
    texts = [
        "Marine commandos boarded two of the pirate vessels to nab 12 Somali and 11 Yemeni "
        "pirates, the navy said.",
        "This year, pirates have attacked nearly 100 vessels off Somalia's coast and hijacked "
        "nearly 40, the International Maritime Bureau said.",
        "Nine assault rifles, a grenade launcher, 13 fully loaded magazines and a GPS receiver "
        "were seized from the pirates, Cmdr. Nirad Sinha said.",
        "Indian marine commandoes boarded the pirate boats and seized a substantial cache of arms "
        "and equipment, including seven AK-47 assault rifles, three machine guns and a "
        "rocket-propelled grenade launcher.",
        "Among the seized items were seven AK-47 automatic rifles, three other automatic weapons "
        "and 13 loaded magazines.",
    ]
    a, b, c, d, e = (article(f"{n}.txt", f"Outlet {n}", t) for n, t in enumerate(texts))
    quotes = [
        quote(a, texts[0].split(", the navy")[0], "The navy"),
        quote(b, texts[1].split(", the International")[0], "International Maritime Bureau"),
        quote(c, texts[2].split(", Cmdr.")[0], "Nirad Sinha"),
    ]
    _, conflicts = run([a, b, c, d, e], quotes)
    assert [c.kind for c in conflicts] == ["numeric"]  # the rifles, once
    assert "Nine assault rifles" in conflicts[0].explanation


def test_not_saying_where_they_died_denies_no_death() -> None:
    # FNC-1 bodies on a boy fighter reported killed in Syria
    a = article(
        "a.txt",
        "One",
        "Those sharing the pictures are paying tribute to the child as the youngest martyr "
        "from the Arabian Peninsula to have been killed in Syria, according to Charlie Cooper.",
    )
    b = article(
        "b.txt",
        "Two",
        "ISIS supporters said both he and his father were killed during clashes in Syria in "
        "recent weeks, but not specifying exactly where they died or who they had been "
        "fighting against.",
    )
    tribute = (
        "Those sharing the pictures are paying tribute to the child as the youngest martyr "
        "from the Arabian Peninsula to have been killed in Syria"
    )
    killed = (
        "both he and his father were killed during clashes in Syria in recent weeks, but not "
        "specifying exactly where they died or who they had been fighting against"
    )
    quotes = [quote(a, tribute, "Charlie Cooper"), quote(b, killed, "ISIS")]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_a_curly_apostrophe_is_no_different_rendering() -> None:
    # FNC-1 bodies quoting a Tiger Woods island's broker
    said = "after his divorce he doesn't need an island in Sweden any more"
    curly = said.replace("'", "’")
    a = article("a.txt", "One", f"The broker Sabine Rollinger said {said}.")
    b = article("b.txt", "Two", f"The broker Sabine Rollinger said {curly}.")
    quotes = [quote(a, said, "Sabine Rollinger"), quote(b, curly, "Sabine Rollinger")]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_not_only_and_a_subject_a_predicate_is_denied_of_deny_no_event() -> None:
    # FNC-1 bodies after the killing of a Jordanian pilot
    a = article(
        "a.txt",
        "One",
        "Obama said the brutal killing of the pilot would only strengthen international "
        "resolve to destroy the extremists.",
    )
    b = article(
        "b.txt",
        "Two",
        "The king said the death of the pilot will call not only for the death of his "
        "killers, but also for their punishment. His spokesman said the death of the pilot "
        "will not be in vain.",
    )
    strengthen = (
        "the brutal killing of the pilot would only strengthen international resolve to "
        "destroy the extremists"
    )
    call = (
        "the death of the pilot will call not only for the death of his killers, but also for "
        "their punishment"
    )
    vain = "the death of the pilot will not be in vain"
    quotes = [
        quote(a, strengthen, "Barack Obama"),
        quote(b, call, "King Abdullah"),
        quote(b, vain, "Mohammed al-Momani"),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_a_negation_does_not_deny_what_its_adverbial_clause_takes_as_given() -> None:
    # FNC-1 bodies on the Teletubbies sun baby
    a = article(
        "a.txt",
        "One",
        "Jess Smith said her decision to come out came after her first week at university, "
        "when students were told to say something about themselves.",
    )
    b = article(
        "b.txt",
        "Two",
        "Her mother said we didn't hear anything until we got a letter when she was 18 months "
        "old saying she'd been picked.",
    )
    decision = (
        "her decision to come out came after her first week at university, when students were "
        "told to say something about themselves"
    )
    letter = (
        "we didn't hear anything until we got a letter when she was 18 months old saying "
        "she'd been picked"
    )
    quotes = [quote(a, decision, "Jess Smith"), quote(b, letter, "Anji Smith")]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_two_negations_of_one_fact_agree() -> None:
    # FNC-1 bodies on the failed raid to free Luke Somers
    a = article(
        "a.txt",
        "One",
        "John Kirby said that during a U.S. raid last month that attempted to free Somers he "
        "turned out not to be at the site.",
    )
    b = article("b.txt", "Two", "US officials said he had not been at the site of the raid.")
    kirby = (
        "during a U.S. raid last month that attempted to free Somers he turned out not to be at "
        "the site"
    )
    officials = "he had not been at the site of the raid"
    quotes = [quote(a, kirby, "John Kirby"), quote(b, officials, "US officials")]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []


def test_a_fact_is_contradicted_only_by_a_denial_of_the_same_kind_of_event() -> None:
    # FNC-1 bodies on a giant catfish: another species' size is no answer to this fish's
    a = article(
        "a.txt",
        "One",
        "According to USA Today Sports, Dino Ferrari caught the huge fish in Po Delta. While the "
        "catfish caught by Ferrari was 8.7 feet in length and weighed 280 pounds, the largest "
        "catfish ever caught weighed 300 pounds.",
    )
    b = article(
        "b.txt",
        "Two",
        "“The American catfish doesn’t grow to such large dimensions – at most it can weigh "
        "50kg,” Dino Ferrari said.",
    )
    caught = (
        "While the catfish caught by Ferrari was 8.7 feet in length and weighed 280 pounds, the "
        "largest catfish ever caught weighed 300 pounds"
    )
    species = (
        "The American catfish doesn’t grow to such large dimensions – at most it can weigh 50kg"
    )
    quotes = [quote(a, caught, "USA Today Sports"), quote(b, species, "Dino Ferrari")]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts if c.kind == "contradiction"] == []


def test_a_negation_variant_negates_a_word_the_other_rendering_says() -> None:
    # FNC-1 bodies quoting the Teletubbies sun baby, and two WSJ statements on the Apple Watch
    said = "I have changed much since then"
    a = article("a.txt", "One", f"Jess Smith said: {said}.")
    b = article("b.txt", "Two", "Jess Smith said: I haven't changed much since then.")
    quotes = [
        quote(a, said, "Jess Smith"),
        quote(b, "I haven't changed much since then", "Jess Smith"),
    ]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == ["quote-variant"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # FNC-1 bodies on a Serbian school's sex-education row: "failing to" is "not"
        (
            "Babici blamed parents for not educating their children properly",
            "Babici is blaming parents for failing to educate their children properly",
        ),
        # FNC-1 bodies on a prankster's video: "none of" negates as "not" does
        ("the video was not staged", "none of the videos were staged or scripted"),
    ],
)
def test_two_ways_of_saying_not_are_one_rendering(one: str, other: str) -> None:
    a = article("a.txt", "One", f"Nenad Babici said {one}.")
    b = article("b.txt", "Two", f"Nenad Babici said {other}.")
    quotes = [quote(a, one, "Nenad Babici"), quote(b, other, "Nenad Babici")]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == []


def test_a_denial_answers_the_claim_that_asserts_the_event_not_one_telling_of_a_story() -> None:
    # FNC-1 bodies on a fake report of Banksy's arrest
    hoax = article("a.txt", "One", "Spokeswoman Jo Brooks said the Banksy arrest is a hoax.")
    arrested = article(
        "b.txt", "Two", "The National Report said Banksy was arrested in London by a task force."
    )
    story = article(
        "c.txt",
        "Three",
        "Fact-checker Tom Hart said the article contains all the elements you would expect to "
        "see from a news story covering the Banksy arrest, including quotes from those close "
        "to Banksy.",
    )
    [denial] = _full_run(hoax, arrested, story)
    assert denial.kind == "denial" and denial.a.text.startswith("Banksy was arrested")


def test_a_denial_of_genocide_answers_the_charge_of_genocide() -> None:
    # DUC 2004 set d30051t: Jelisic admitted the killings and denied they were genocide
    charge = article(
        "a.txt",
        "One",
        "Prosecutor Jane Roe said Goran Jelisic is guilty of genocide against Muslims.",
    )
    boast = article(
        "b.txt",
        "Two",
        "Witness Ana Kovac said Jelisic boasted about the number of Muslims he had killed.",
    )
    denied = article(
        "c.txt", "Three", "Jelisic has denied that the killing spree constituted genocide."
    )
    [denial] = _full_run(charge, boast, denied)
    assert denial.kind == "denial" and "guilty of genocide" in denial.a.text


def test_refusing_to_leave_is_not_leaving_so_no_evacuation_contradicts_it() -> None:
    # FNC-1 bodies on the siege of Kobani
    refuse = article(
        "a.txt",
        "One",
        "The Syrian Observatory for Human Rights said many of the civilians refuse to leave.",
    )
    trapped = article(
        "b.txt",
        "Two",
        "Kurdish official Anwar Muslim said there are civilians trapped in the centre of town, "
        "whom we cannot evacuate because of snipers.",
    )
    assert _full_run(refuse, trapped) == []


def test_a_negated_rendering_negates_a_word_the_other_says() -> None:
    # FNC-1 bodies quoting the Wall Street Journal on the Apple Watch: two statements, not
    # one rendered with and without a negation
    nlp = load_nlp()

    def head(text: str) -> Assertion:
        doc = nlp(text)
        return annotate(
            Assertion("a", 0, len(text), text, None, "quote"), doc[:], EntityIndex(), DocIndex(doc)
        )

    dropped = head(
        "Other features that didn't make it into the final Apple Watch were blood-pressure and "
        "blood-oxygen-level tracking"
    )
    wanted = head(
        "Apple executives wanted to produce a cutting edge health-monitoring tool, one capable "
        "of measuring a user's blood pressure"
    )
    tracked = head("The first Apple Watch tracked the blood pressure of its wearer")
    untracked = head("The first Apple Watch didn't track the blood pressure of its wearer")
    assert not negates_the_same(dropped, wanted)
    assert negates_the_same(untracked, tracked) and negates_the_same(tracked, untracked)


def test_an_analysts_prices_for_different_models_are_not_misquotes_of_one() -> None:
    # FNC-1 bodies on Piper Jaffray's Apple Watch price estimates
    texts = [
        "the stainless steel Apple Watch will be priced at $499",
        "base model Apple Watch Edition devices will start at $4,999",
        "the elastomer bands for the Apple Watch Sport will range in price from $29 to $39",
        "the mid-tier Apple Watch could start at anywhere from $499 to $549",
    ]
    articles = [
        article(f"{i}.txt", f"Outlet {i}", f"Analyst Gene Munster said {t}.")
        for i, t in enumerate(texts)
    ]
    quotes = [quote(a, t, "Gene Munster") for a, t in zip(articles, texts, strict=True)]
    _, conflicts = run(articles, quotes)
    assert len([c for c in conflicts if c.kind == "quote-variant"]) <= 1


def test_no_one_disputes_their_own_spokesman() -> None:
    # FNC-1 bodies on Comcast and the Tor browser
    a = article(
        "a.txt",
        "One",
        '"This story is wildly inaccurate," Comcast spokesperson Charlie Douglas told Ars.\n\n'
        'While Comcast publishes an acceptable use policy, the company "doesn’t monitor users’ '
        'browser software or Web surfing and has no program addressing the Tor browser," '
        "Douglas said.",
    )
    b = article(
        "b.txt",
        "Two",
        "Reports that Comcast will deny Internet service to users of the Tor Internet browser "
        "are false, Comcast says in a new blog post.",
    )
    story = parse_story([a, b])
    index = resolve_entities(story)
    quotes = extract_quotes(story, index)
    claims = build_claims(story, quotes, index)
    assert find_conflicts(story, claims, quotes, index) == []


def test_declining_to_confirm_or_deny_is_no_claim() -> None:
    # FNC-1 bodies on the naming of "Jihadi John"
    a = article(
        "a.txt",
        "One",
        "Downing Street declined to confirm or deny that the reported name was known to the "
        "intelligence and security services.",
    )
    b = article(
        "b.txt",
        "Two",
        "Scotland Yard would not confirm the name, and Downing Street declined to comment on "
        "the report.",
    )
    story = parse_story([a, b])
    index = resolve_entities(story)
    quotes = extract_quotes(story, index)
    claims = build_claims(story, quotes, index)
    assert not any("confirm or deny" in c.text for c in claims)
    assert find_conflicts(story, claims, quotes, index) == []


def test_a_share_counts_the_noun_of_its_whole() -> None:
    # FNC-1 body on the chlorine attack near Fallujah
    doc = load_nlp()("ISIS killed 300 out of 400 soldiers they besieged.")
    (share,) = quantities_in_span(doc[:])
    assert counted_phrase(doc[:], share) == "soldiers"


def _full_run(*articles: Article) -> list:
    story = parse_story(list(articles))
    index = resolve_entities(story)
    quotes = extract_quotes(story, index)
    claims = build_claims(story, quotes, index)
    return find_conflicts(story, claims, quotes, index)


def test_a_rumour_of_a_death_is_not_contradicted_as_a_death() -> None:
    # FNC-1 bodies on Fidel Castro death rumours
    rumour = article(
        "a.txt",
        "One",
        "According to Laiguana TV, it’s also possible that a blog by Yusnaby Perez may have "
        "sparked rumors that claimed Fidel Castro dead because he had not been in public in "
        "many months.",
    )
    death = article(
        "c.txt", "Three", "Fidel Castro died in Havana on Friday, El Nuevo Herald reported."
    )
    alive = article(
        "b.txt",
        "Two",
        "“Fidel Castro has not died, he is at home reading,” his son Alejandro Castro Espin said.",
    )
    assert [c.kind for c in _full_run(death, alive)] == ["contradiction"]
    assert _full_run(rumour, alive) == []
    news = article(
        "d.txt",
        "Four",
        "The news of Fidel Castro's death spread quickly across Miami on Friday, the Miami "
        "Herald reported.",
    )
    assert _full_run(news, alive) == []


def test_a_statement_that_itself_denies_is_not_the_claim_a_denial_answers() -> None:
    # FNC-1 bodies on an ESPN programme: the network's spokesman and its reporter agree
    spokesman = article(
        "a.txt",
        "One",
        "“Despite Esquire’s report from the 26th, tonight’s programming was never going to be "
        "a panel on domestic violence,” ESPN spokesman Josh Krulewitz said.",
    )
    reporter = article(
        "b.txt",
        "Two",
        "ESPN reporter Jane McManus took to Twitter to debunk Esquire’s domestic violence "
        "panel story.",
    )
    assert [c for c in _full_run(spokesman, reporter) if c.kind == "denial"] == []


def test_a_total_and_a_rate_or_two_players_figures_are_no_numeric_conflict() -> None:
    # ECB+ stories on Mark Teixeira's free agency and on the Saints' running backs
    orioles = article(
        "a.txt",
        "One",
        "The Orioles have offered Teixeira an eight-year deal worth $140 million, the Baltimore "
        "Sun reported.",
    )
    red_sox = article(
        "b.txt",
        "Two",
        "Teixeira still has an eight-year deal on the table from the Red Sox, worth roughly "
        "$22 million per season, Newsday reported.",
    )
    assert [c for c in _full_run(orioles, red_sox) if c.kind == "numeric"] == []
    thomas = article(
        "c.txt",
        "Three",
        "“Pierre Thomas ran for 793 yards in 14 games last season,” coach Sean Payton said.",
    )
    ivory = article(
        "d.txt",
        "Four",
        "“Chris Ivory ran for 716 yards in 14 games last season,” general manager Mickey Loomis "
        "said.",
    )
    assert [c for c in _full_run(thomas, ivory) if c.kind == "numeric"] == []
    same = article(
        "e.txt",
        "Five",
        "“Pierre Thomas ran for 716 yards in 14 games last season,” general manager Mickey "
        "Loomis said.",
    )
    assert [c.kind for c in _full_run(thomas, same)] == ["numeric"]


def test_a_denial_answers_what_it_calls_untrue_not_the_rest_of_its_sentence() -> None:
    # FNC-1 bodies on Mohammed Emwazi: being known to the security services is not what he
    # denied
    known = article(
        "a.txt",
        "One",
        "Emwazi was known to British security services, the BBC's Dominic Casciani said.",
    )
    emails = article(
        "b.txt",
        "Two",
        "Mr Emwazi claimed in emails that he was repeatedly approached by the security "
        "services over the course of the following year but he said he refused to co-operate "
        "and denied he had any links to terrorism.",
    )
    assert _full_run(known, emails) == []


def test_a_negation_contradicts_only_the_event_it_denies() -> None:
    # FNC-1 bodies on ISIS and Kobane: denying casualties is no answer to airstrikes
    strikes = article(
        "a.txt",
        "One",
        "The U.S. said it had launched a further 20 airstrikes against ISIS targets, including "
        "raids near Sinjar and Mosul.",
    )
    expert = article(
        "b.txt",
        "Two",
        "Hamish de Bretton-Gordon said the bombs were not causing mass casualties but had a "
        "massive psychological impact.",
    )
    assert _full_run(strikes, expert) == []
    casualties = article(
        "c.txt",
        "Three",
        "The Syrian Observatory said dozens of civilians were killed in Kobane this week.",
    )
    assert [c.kind for c in _full_run(casualties, expert)] == ["contradiction"]


def test_counts_of_groups_told_apart_by_their_modifiers_are_no_numeric_conflict() -> None:
    # FNC-1 bodies on HBO Now: cable TV subscribers are not broadband-only subscribers
    cable = article(
        "a.txt",
        "One",
        "The service could reach some of the 70 million cable TV subscribers who do not "
        "subscribe to HBO, Jeff Bewkes said.",
    )
    broadband = article(
        "b.txt",
        "Two",
        "The service could reach some of the 10 million U.S. broadband subscribers who do not "
        "subscribe to HBO, analysts said.",
    )
    assert [c for c in _full_run(cable, broadband) if c.kind == "numeric"] == []
    same = article(
        "c.txt",
        "Three",
        "The service could reach some of the 10 million cable TV subscribers who do not "
        "subscribe to HBO, analysts said.",
    )
    assert [c.kind for c in _full_run(cable, same)] == ["numeric"]


def test_two_rates_of_one_count_can_conflict_and_a_rate_never_meets_a_total() -> None:
    daily = article(
        "a.txt", "One", "About 100 people a day crossed the border into Turkey, police said."
    )
    more = article(
        "b.txt", "Two", "About 400 people a day crossed the border into Turkey, the UN said."
    )
    total = article(
        "c.txt", "Three", "About 4,000 people crossed the border into Turkey, the UN said."
    )
    assert [c.kind for c in _full_run(daily, more)] == ["numeric"]
    assert [c for c in _full_run(daily, total) if c.kind == "numeric"] == []


def test_a_count_that_qualifies_a_noun_or_a_whole_against_its_part_is_no_numeric_conflict() -> None:
    # DUC 2004 wire stories: the euro zone's 11 nations and the 15-nation EU; soldiers and
    # police officers killed against police officers killed
    euro = article(
        "a.txt",
        "One",
        "Inflation in the 11 nations that adopt the euro fell to 0.9 percent in November, "
        "Eurostat said.",
    )
    union = article(
        "b.txt",
        "Two",
        "In the 15 nation EU as a whole, inflation fell to 1 percent in November, the European "
        "Commission said.",
    )
    assert [c for c in _full_run(euro, union) if c.kind == "numeric"] == []
    both = article(
        "c.txt",
        "Three",
        "Rebel commander Naim Maloku said that at least 47 Serbian soldiers and police officers "
        "were killed in the fighting.",
    )
    police = article(
        "d.txt",
        "Four",
        "Ten Serbian police officers were killed in the fighting, the Serbian Interior Ministry "
        "said.",
    )
    assert [c for c in _full_run(both, police) if c.kind == "numeric"] == []
    more = article(
        "e.txt",
        "Five",
        "Rebel commander Naim Maloku said that 30 Serbian police officers were killed in the "
        "fighting.",
    )
    assert [c.kind for c in _full_run(more, police)] == ["numeric"]


def test_two_voices_percentages_of_different_rates_are_no_numeric_conflict() -> None:
    # DUC 2004 wire stories on the euro: an interest rate and an inflation rate
    interest = article(
        "a.txt",
        "One",
        "Ten of the 11 countries adopting the euro dropped their interest rate to 3 percent.",
    )
    inflation = article(
        "b.txt",
        "Two",
        "The annual inflation rate in the 11 nations that adopt the euro fell to 0.9 percent in "
        "November, the European Union said.",
    )
    assert [c for c in _full_run(interest, inflation) if c.kind == "numeric"] == []


def test_counts_of_people_in_two_unrelated_statements_are_no_scope_difference() -> None:
    # DUC 2004 wire stories on the Salt Lake City Olympic bid: agents who sold votes and
    # people given free surgery have nothing to set side by side
    agents = article(
        "a.txt",
        "One",
        "Marc Hodler said a group of four agents, including one IOC member, have been involved "
        "in promising votes for payment.",
    )
    surgery = article(
        "b.txt",
        "Two",
        "Intermountain Health Care said it gave free surgical services to at least two people "
        "associated with the IOC in 1994.",
    )
    assert _full_run(agents, surgery) == []


def test_a_group_something_belongs_to_is_no_figure_of_the_statement() -> None:
    # ECB+ held-out story on the Qeshm earthquake: "one of the 12 worst-hit villages" picks a
    # group, it does not count the villages destroyed
    toll = article(
        "a.txt",
        "One",
        "The new death toll came after the bodies of two more victims were found in the village "
        "of Ziranag which is one of the 12 worst-hit villages in the quake, Qeshm Governor "
        "Heidar Alishvandi said.",
    )
    destroyed = article(
        "b.txt",
        "Two",
        "The governor of Qeshm island, Heidar Alishvandi, told the AFP news agency four villages "
        "had been destroyed.",
    )
    assert _full_run(toll, destroyed) == []
    seven = article(
        "c.txt",
        "Three",
        "Provincial official Alireza Safa said seven villages had been destroyed in the quake.",
    )
    assert [c.kind for c in _full_run(destroyed, seven)] == ["numeric"]


def test_lacking_evidence_for_a_claim_is_no_claim_for_a_denial_to_answer() -> None:
    # DUC 2004 wire stories on North Korea's underground site
    doubt = article(
        "a.txt",
        "One",
        "U.S. envoy Charles Kartman said Monday that we lack conclusive evidence that the "
        "intended purpose of the underground site is nuclear related, but he urged Pyongyang "
        "to allow inspections.",
    )
    denial = article(
        "b.txt",
        "Two",
        "The North Koreans have denied the underground construction site has any nuclear "
        "purpose, a spokesman said in Pyongyang on Tuesday.",
    )
    assert _full_run(doubt, denial) == []
    claim = article(
        "c.txt",
        "Three",
        "U.S. envoy Charles Kartman said Monday that the intended purpose of the underground "
        "site is nuclear related.",
    )
    assert [c.kind for c in _full_run(claim, denial)] == ["denial"]


def test_figures_of_two_seasons_or_of_an_additional_group_are_no_numeric_conflict() -> None:
    # FNC-1 stories: a running back's yards; a drone strike and the militants "also" killed
    coach, analyst = "Coach Sean Payton said the Saints", "Analyst Mike Clay said the Saints"
    last = article("a.txt", "One", f"{coach} ran for 793 yards last season.")
    this = article("b.txt", "Two", f"{analyst} ran for 716 yards this season.")
    assert _full_run(last, this) == []
    same = article("c.txt", "Three", f"{analyst} ran for 716 yards last season.")
    assert [c.kind for c in _full_run(last, same)] == ["numeric"]
    strike = article(
        "d.txt", "Four", "Governor Ahmed Saleh said a drone strike killed nine militants in Shabwa."
    )
    more = article(
        "e.txt", "Five", "Colonel Ali Omar said ten militants were also killed in Shabwa."
    )
    assert _full_run(strike, more) == []
    ten = article("f.txt", "Six", "Colonel Ali Omar said ten militants were killed in Shabwa.")
    assert [c.kind for c in _full_run(strike, ten)] == ["numeric"]
    # "too late" says how late, not that more were killed
    late = article(
        "g.txt",
        "Seven",
        "Governor Ahmed Saleh said nine militants were killed in an attack that came too late "
        "to stop.",
    )
    in_attack = article("h.txt", "Eight", "Colonel Ali Omar said ten militants were killed.")
    assert [c.kind for c in _full_run(late, in_attack)] == ["numeric"]
    # FNC-1 story on the missing Iguala students: "14 more" officers on top of the first 22
    detained = article(
        "i.txt",
        "Nine",
        "The paper said officials have detained 30 people, including 22 police officers.",
    )
    more_officers = article(
        "j.txt",
        "Ten",
        "Attorney General Jesus Murillo Karam said 14 more police officers had been arrested.",
    )
    assert _full_run(detained, more_officers) == []


def test_one_speakers_figures_for_two_different_acts_are_no_misquote() -> None:
    # FNC-1 story on Apple Watch bands: an analyst's revenue and price figures
    added = article(
        "a.txt", "One", "Analyst Gene Munster said the bands would add $25 to each watch sold."
    )
    priced = article(
        "b.txt", "Two", "Analyst Gene Munster said the bands would range in price from $29."
    )
    assert _full_run(added, priced) == []
    sold = article("c.txt", "Three", "Analyst Gene Munster said the bands would sell for $29.")
    sold_too = article("d.txt", "Four", "Analyst Gene Munster said the bands would sell for $25.")
    assert [c.kind for c in _full_run(sold, sold_too)] == ["quote-variant"]


def test_a_denial_of_one_clause_answers_that_clauses_events_only() -> None:
    # FNC-1 live blog on Mohammed Emwazi: "refuted this" denies the Somalia accusation, not
    # the telling of "told a pal", which had met "he told friends" in another article
    from newsprism.analysis.conflicts import _counter_events, _views

    text = (
        "It is alleged that the young Londoner was accused of trying to reach Somalia, but "
        "Emwazi refuted this and then told a pal how MI5 officers tried to recruit him."
    )
    blog = article("a.txt", "One", text)
    story = parse_story([blog])
    entities = resolve_entities(story)
    claim = Claim(id="c1", text=text.rstrip("."), speaker="Emwazi", article_ids=[blog.id])
    [view] = _views(story, [claim], [], entities)
    assert view.head.denial and view.topics[0].endswith("accused of trying to reach Somalia")
    assert "inform" not in _counter_events(view)


def test_counts_of_two_acts_in_claims_that_share_an_event_are_no_numeric_conflict() -> None:
    # FNC-1 story on the Saqlawiya siege: soldiers surrounded against soldiers killed
    surrounded = article(
        "a.txt",
        "One",
        "The ministry said militants used chlorine gas in Saqlawiyah, after surrounding more "
        "than 400 soldiers, which led to the death of three hundreds of them.",
    )
    killed = article(
        "b.txt",
        "Two",
        "Ali al-Budairi said ISIS killed 300 out of 400 soldiers they besieged in Saqlawiya.",
    )
    assert _full_run(surrounded, killed) == []
    also_killed = article(
        "c.txt", "Three", "The ministry said militants killed more than 400 soldiers in Saqlawiyah."
    )
    assert [c.kind for c in _full_run(also_killed, killed)] == ["numeric"]
