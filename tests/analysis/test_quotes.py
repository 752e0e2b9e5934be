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


def said_by(q: Quote) -> str | None:
    """The speaker's name, or how the text describes an unnamed one."""
    return q.speaker or q.speaker_description


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


def test_the_day_something_was_said_is_not_what_was_said() -> None:
    # DUC 2004 wire story on Kosovo
    q = quote_with(
        quotes_of(
            "U.S. special envoy Richard Holbrooke said Monday the military situation in Kosovo "
            "was as bad now as two weeks ago."
        ),
        "military situation",
    )
    assert q.text == "the military situation in Kosovo was as bad now as two weeks ago"
    assert quote_with(quotes_of("The opposition said Monday's vote was rigged."), "vote").text == (
        "Monday's vote was rigged"
    )


def test_a_role_said_of_something_else_is_not_the_person_with_that_role() -> None:
    # DUC 2004 wire story on Kosovo: the head of Montenegro is not the head of the ICG
    text = (
        "The United States waited four months, said Morton Abramowitz, head of the "
        "International Crisis Group. The head of Yugoslavia's other republic, Montenegro, said "
        "Milosevic must accept all international demands. Dmitry Peskov, spokesman for the "
        "Kremlin, spoke. The spokesman for the Kremlin said there was no letter."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "must accept").speaker != "Morton Abramowitz"
    assert quote_with(quotes, "no letter").speaker == "Dmitry Peskov"


def test_made_clear_to_someone_is_not_an_attitude_to_them() -> None:
    # ECB+ story on a death sentence: "to the jury" says to whom it was made clear; the
    # courthouse named in the subject is no speaker of what the jurors said
    text = (
        "He squandered two opportunities, they said. It looked to them as though he preferred "
        "the life of a criminal. A taped conversation in a holding cell at the Bellflower "
        "Courthouse made it clear to the jury that a life in prison would not diminish his "
        "threat, they said."
    )
    q = quote_with(quotes_of(text), "taped conversation")
    assert q.speaker != "Bellflower Courthouse"


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


def test_coordinated_cue_keeps_the_first_conjuncts_speaker() -> None:
    text = (
        "The WSJ claimed that the withdrawal of Russian advisers was an “embarrassment” for "
        "President Nicolas Maduro.\n\nEarlier Monday, Rostec’s press service said in a statement "
        "that The Wall Street Journal had “overestimated the numbers of Rostec staff in Venezuela "
        "by several times,” and noted that the numbers had actually remained “unchanged for many "
        "years.”"
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "remained").speaker == "Rostec"
    assert quote_with(quotes, "overestimated").speaker == "Rostec"


def test_a_group_of_officials_speaks_for_itself_not_for_the_outlet() -> None:
    text = (
        "Earlier, the Wall Street Journal reported, citing “a person close to the Russian defence "
        "ministry,” that Rostec had cut its staff.\n\nThe contracts were signed before the start "
        "of the political crisis, and Russian officials have indicated recently that they have no "
        "plans to sign new contracts on the delivery of weaponry to Venezuela."
    )
    q = quote_with(quotes_of(text), "no plans to sign")
    assert q.speaker is None and q.speaker_description == "Russian officials"


def test_the_president_is_the_person_described_as_president() -> None:
    text = (
        "US President Donald Trump said on Friday that Moscow had informed Washington.\n"
        "The announcement follows the president saying that “Russia has to get out” of the "
        "region amid US efforts to install opposition leader Juan Guaido."
    )
    assert quote_with(quotes_of(text), "has to get out").speaker == "Donald Trump"


def test_appearances_do_not_speak() -> None:
    text = (
        "A month ago all appearances indicated Moscow was rapidly drawing down military support "
        "to the Venezuelan armed forces."
    )
    assert not [q for q in quotes_of(text) if "drawing down" in q.text]


def test_dateline_is_not_content_and_the_report_keeps_its_outlet() -> None:
    text = (
        "MOSCOW (Sputnik): On Sunday, The Wall Street Journal reported, citing an unnamed source "
        "said to be close to Russia’s Defence Ministry, that Russian defence conglomerate Rostec "
        "had withdrawn “key” defence advisers from Venezuela."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "had withdrawn").speaker == "The Wall Street Journal"
    assert not [q for q in quotes if "MOSCOW" in q.text]


def test_typewriter_double_quotes_and_a_quote_split_by_its_cue() -> None:
    text = (
        "''Exposure to import competition is bad for centrists,'' Mr. Hanson said. ''We've known "
        "that political polarization and income inequality track each other.''"
    )
    marks = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert marks[0] == "Exposure to import competition is bad for centrists"
    quotes = quotes_of(text)
    assert quote_with(quotes, "import competition").speaker == "Hanson"
    assert quote_with(quotes, "income inequality").speaker == "Hanson"


def test_parenthetical_cue_takes_both_sides_of_the_sentence() -> None:
    text = (
        "By eliminating the receiving line, Ms. Tchen said, the White House is able to invite "
        "twice as many guests to a party."
    )
    q = quote_with(quotes_of(text), "twice as many guests")
    assert "receiving line" in q.text and q.speaker == "Tchen"


def test_headline_colon_names_the_speaker() -> None:
    text = (
        "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp\n\n"
        "Republican vice-presidential nominee Gov. Mike Pence spoke on Sunday."
    )
    q = quote_with(quotes_of(text), "Gennifer Flowers")
    assert q.cue == ":" and q.speaker == "Mike Pence"


def test_poll_and_claim_nouns_as_cues() -> None:
    text = (
        "In the fall of 2007, Hillary Clinton held a 24-point lead over Barack Obama among black "
        "voters in a CNN national poll. Politifact did a fact-check on Donald Trump’s claim that "
        "there have been thousands of shootings in Chicago this year."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "24-point lead").cue == "in"
    assert quote_with(quotes, "thousands of shootings").speaker == "Donald Trump"


def test_stance_verbs_and_passive_expectation() -> None:
    text = (
        "Senator Ted Cruz praised Governor Mike Pence for cutting taxes and paring regulations. "
        "John Kasich is assuring voters he is tough enough to be president. Donald Trump is "
        "expected to deliver a victory speech."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "cutting taxes").speaker == "Ted Cruz"
    assert quote_with(quotes, "tough enough").speaker == "John Kasich"
    assert quote_with(quotes, "victory speech").speaker is None


def test_cue_never_reaches_over_a_paragraph_break() -> None:
    # the parser runs "Why should I be surprised?" into the next paragraph's sentence
    text = (
        "“It’s been seven-and-a-half years,” McCain said, asked about the vagueness in an "
        "interview. “Why should I be surprised?”\n\n"
        "The administration said it was doing its best to follow the rules Congress set."
    )
    q = quote_with(quotes_of(text), "doing its best")
    assert "surprised" not in q.text and q.text.startswith("it was doing")


def test_second_cue_of_a_speaker_is_its_own_attribution() -> None:
    text = (
        "Sen. Rand Paul (R-Ky.) said Rubio's tax plan would give money to undocumented "
        'immigrants, and called him "the leading proponent for allowing people in the country '
        'illegally to be citizens." Former Arkansas governor Mike Huckabee called the H1-B '
        'program "worse than amnesty."'
    )
    quotes = quotes_of(text)
    said = quote_with(quotes, "tax plan")
    assert "leading proponent" not in said.text and said.speaker == "Rand Paul"
    assert quote_with(quotes, "leading proponent").speaker == "Rand Paul"
    assert quote_with(quotes, "worse than amnesty").speaker == "Mike Huckabee"


def test_stance_object_stops_before_a_participle() -> None:
    text = (
        "Mrs. Warren praised Mrs. Clinton's advocacy for families and children, saying she had "
        "''steady hands, but most of all, she has a good heart.''"
    )
    q = quote_with(quotes_of(text), "advocacy")
    assert q.text == "Mrs. Clinton's advocacy for families and children"


def test_cue_words_inside_a_quotation_are_the_quoted_speakers() -> None:
    text = (
        '"I said we would win this state, and I believe we will," Sen. Bernie Sanders told '
        "supporters in Madison on Tuesday."
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].kind == "direct"
    assert quotes[0].speaker == "Bernie Sanders"


def test_participle_and_prepositional_cues_take_the_main_subject() -> None:
    text = (
        "Donald Trump landed himself in hot water last week by saying that the judge can't be "
        "impartial. House Speaker Paul Ryan was quick to point out that this is the textbook "
        "definition of racism. Senator Harry Reid pointed to Cruz's record on immigration."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "can't be impartial").speaker == "Donald Trump"
    assert quote_with(quotes, "textbook definition").speaker == "Paul Ryan"
    assert quote_with(quotes, "record on immigration").speaker == "Harry Reid"


def test_stance_adjectives_and_knowing_verbs_with_a_that_clause() -> None:
    text = (
        "Twitter has now made clear that it was stepping up its fight against extremist "
        "accounts. Senator Elizabeth Warren is confident that the bill will pass the Senate. "
        "It is clear that turnout was low. Investigators know that the server was hacked. "
        "Voters know this."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "stepping up its fight").speaker == "Twitter"
    assert quote_with(quotes, "bill will pass").speaker == "Elizabeth Warren"
    assert quote_with(quotes, "server was hacked").cue == "know"
    assert not [q for q in quotes if "turnout" in q.text or q.text == "this"]


def test_reported_clause_before_the_cue_and_scene_setting_clause() -> None:
    text = (
        "Mateen didn't mingle but left as soon as prayers were finished, Nefzi said, adding, "
        '"He was not very religious." In a statement released shortly after the Florida '
        "senator suspended his campaign, Cruz said he is certain Rubio will continue to be a "
        "champion for opportunity."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "didn't mingle").speaker == "Nefzi"
    assert quote_with(quotes, "not very religious").kind == "direct"
    assert quote_with(quotes, "certain Rubio").speaker == "Cruz"


def test_quotation_after_a_cue_that_says_nothing_itself() -> None:
    text = (
        "Sam Lau, the communications director for the Iowa Democratic Party, said in a "
        "statement. “There are no paper ballots to recount. Monday’s caucuses were a unique "
        "event.”"
    )
    q = quote_with(quotes_of(text), "no paper ballots")
    assert q.speaker == "Sam Lau" and q.kind == "direct"


def test_possessive_noun_cues_take_their_complement() -> None:
    text = (
        "Donald Trump has said he would repeal the law. Trump’s call for a temporary ban on "
        "Muslims entering the United States drew wide criticism. Turkey’s refusal to acknowledge "
        "fully the atrocities committed has strained ties. My call for calm went unheeded."
    )
    quotes = quotes_of(text)
    ban = quote_with(quotes, "temporary ban on Muslims")
    assert ban.speaker == "Donald Trump" and ban.rule == "possessive"
    assert ban.text.startswith("a temporary ban")
    assert quote_with(quotes, "to acknowledge fully").speaker == "Turkey"
    assert not [q for q in quotes if "calm" in q.text]  # the writer's own call


def test_asked_about_is_the_askers_question() -> None:
    text = (
        "Asked by Stephanopoulos to respond to Trump’s criticism, Carson said he was not "
        "worried.\n\nAsked about Cruz's charges, Rubio said that the reforms could wait.\n\n"
        "Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton "
        "shook her head."
    )
    quotes = quotes_of(text)
    asked = quote_with(quotes, "respond to Trump’s criticism")
    assert asked.speaker == "Stephanopoulos" and asked.cue == "Asked"
    assert quote_with(quotes, "Cruz's charges").speaker is None
    assert quote_with(quotes, "cabinet position").text.startswith("whether")
    assert quote_with(quotes, "reforms could wait").speaker == "Rubio"


def test_stance_verb_with_a_named_object_and_voting_in_favor() -> None:
    text = (
        "Morton Blackwell, founder of the Leadership Institute, endorsed Cruz last week. "
        "Sen. Susan Collins voted in favor of the provision. Mr. Smith endorsed it."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "Cruz").speaker == "Morton Blackwell"
    assert quote_with(quotes, "the provision").speaker == "Susan Collins"
    assert not [q for q in quotes if q.text == "it"]


def test_participle_after_a_quoted_cue_has_its_own_content() -> None:
    text = (
        "“He'd get choked up speaking about America,” Mr. Brown said, recalling a visit to his "
        "church by Rafael Cruz."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "choked up").cue == "said"
    recalled = quote_with(quotes, "visit to his church")
    assert recalled.cue == "recalling" and recalled.speaker == "Brown"


def test_colon_lists_and_headline_questions_are_not_quotes() -> None:
    text = (
        "Ted Cruz: Constitutional conservative or another typical career politician?\n\n"
        "Here is what each candidate needs on Tuesday.\n\n"
        "Bernie Sanders: Win in a walk.\n\nMarco Rubio: Finish second.\n\n"
        "Chris Matthews: Well, speculation is bad for everyone who holds a 401(k)."
    )
    quotes = quotes_of(text)
    assert not [q for q in quotes if "walk" in q.text or "second" in q.text]
    assert not [q for q in quotes if "career politician" in q.text]
    assert quote_with(quotes, "speculation is bad").speaker == "Chris Matthews"


def test_titles_in_quotation_marks_are_not_direct_quotes() -> None:
    text = (
        "Ben Carson appeared on “Fox News Sunday” and said the refugees should be screened. "
        "Mr. Cruz wrote in his book, “A Time for Truth,” that his father fled Cuba."
    )
    quotes = quotes_of(text)
    assert not [q for q in quotes if q.kind == "direct"]
    assert quote_with(quotes, "refugees should be screened").speaker == "Ben Carson"


def test_quotation_signed_with_a_dash_and_a_name() -> None:
    text = (
        "31 Latinos share their thoughts on the debate.\n\n"
        "“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan.\n"
        '"The most unqualified child to ever run for president." -- Francisco Herrero\n\n'
        "She called it “a basket of deplorables” — a phrase she later regretted."
    )
    quotes = quotes_of(text)
    wall = quote_with(quotes, "build a wall")
    assert wall.rule == "dash" and wall.kind == "direct"
    assert said_by(wall) == "Steve Quinlan" and wall.speaker_span is not None
    assert text[slice(*wall.speaker_span)] == "Steve Quinlan"
    child = quote_with(quotes, "unqualified child")
    assert said_by(child) == "Francisco Herrero"
    assert not [q for q in quotes if q.rule == "dash" and "deplorables" in q.text]


def test_name_after_the_cue_that_the_parse_gave_to_the_next_paragraph() -> None:
    text = (
        "\"That's not to say that other first ladies weren't devoted to their husbands, but few "
        'can match Nancy Reagan," says Myra Gutin, a first lady historian and professor at '
        "Rider University in Lawrenceville, N.J.\n\nThe paradox of Nancy, says Carl Anthony, "
        "historian at the National First Ladies Library, is that she was powerful."
    )
    q = quote_with(quotes_of(text), "few can match Nancy Reagan")
    assert q.speaker == "Myra Gutin" and q.kind == "direct" and q.cue == "says"


def test_asides_with_their_own_attribution_are_left_out_of_the_content() -> None:
    text = (
        "Amnesty International spokesman Eric Ferrero said groups of observers were dispatched "
        "with the marchers, whom he described as peaceful.\n\n"
        "Among Trump voters, 74 percent said they are set on voting for the real estate mogul, "
        "while 22 percent said they might change their mind."
    )
    quotes = quotes_of(text)
    observers = quote_with(quotes, "groups of observers")
    assert observers.text.endswith("with the marchers")
    assert quote_with(quotes, "set on voting").text.endswith("real estate mogul")
    assert quote_with(quotes, "might change their mind").text.startswith("they might")


def test_as_someone_put_it_and_estimates_put_at_a_figure() -> None:
    text = (
        "As Ms. Simonyan put it in a statement in July, RT is ''providing a perspective you "
        "won't get from the mainstream press.''\n\n"
        "As for Mr. Bloomberg, Forbes put his net worth at $45 billion.\n\n"
        "The strike put the whole project at risk."
    )
    quotes = quotes_of(text)
    simonyan = quote_with(quotes, "providing a perspective")
    assert said_by(simonyan) in {"Simonyan", "Ms. Simonyan"}
    assert simonyan.rule == "as-cue" and "RT is" in simonyan.text
    worth = quote_with(quotes, "net worth")
    assert worth.text == "his net worth at $45 billion" and worth.speaker == "Forbes"
    assert not [q for q in quotes if "at risk" in q.text]


def test_transcript_questions_and_report_headlines_after_a_colon() -> None:
    text = (
        "Report: Republican Colin Powell Advised Clinton To Use Private Email.\n\n"
        "WALLACE: Do you really see those two as equivalent, Mark Cuban and Gennifer Flowers?\n\n"
        "PENCE: Well, look, you know, Mark Cuban is a supporter of the campaign."
    )
    quotes = quotes_of(text)
    assert said_by(quote_with(quotes, "Colin Powell Advised")) == "Report"
    question = quote_with(quotes, "those two as equivalent")
    assert said_by(question) == "WALLACE" and question.rule == "colon"


def test_verbs_that_report_speech_only_beside_a_quotation() -> None:
    text = (
        "Hillary Clinton spoke at a church in Charlotte on Sunday.\n\n"
        "“Maybe I can, by speaking directly to white people, say, look, this is not who we "
        "are,” she continued.\n\nOur enemies continued to plot against us for years."
    )
    quotes = quotes_of(text)
    continued = quote_with(quotes, "not who we are")
    assert continued.speaker == "Hillary Clinton" and continued.cue == "continued"
    assert not [q for q in quotes if "plot" in q.text or q.text == "us"]


def test_seeing_something_as_something_is_a_view_held() -> None:
    text = (
        "In South Florida, where buildable land is fast disappearing, developers see golf "
        "courses as wasted space. Mr. Obama demurred, seeing it as showmanship. "
        "I see him every day."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "golf courses").text == "golf courses as wasted space"
    assert quote_with(quotes, "showmanship").speaker == "Obama"
    assert not [q for q in quotes if q.text == "him every day"]


def test_passive_asked_and_called_for_a_clause() -> None:
    text = (
        '"We will continue to strike the Islamic State wherever we can," said Pentagon '
        "spokesman Navy Capt. Jeff Davis, who was asked about the need for a different war "
        "strategy.\n\nClinton has repeatedly accused Trump of using divisive rhetoric. She also "
        "called for all candidates to lay out specifics of their plans."
    )
    quotes = quotes_of(text)
    asked = quote_with(quotes, "different war strategy")
    assert asked.rule == "asked" and asked.text.startswith("the need")
    called = quote_with(quotes, "lay out specifics")
    assert "all candidates to lay out" in called.text and called.speaker == "Clinton"


def test_citing_a_reason_is_content_and_citing_a_source_is_a_relay() -> None:
    text = (
        "In 1986, the Supreme Court blocked a New Jersey company from abandoning its oil waste "
        "processing plants in bankruptcy, citing a threat to public health and safety.\n\n"
        "The New York Times reported that the talks had stalled, citing two officials."
    )
    quotes = quotes_of(text)
    reason = quote_with(quotes, "threat to public health")
    assert reason.speaker == "Supreme Court" and reason.cue == "citing"
    assert not [q for q in quotes if q.text.startswith("two officials")]
    assert quote_with(quotes, "talks had stalled").cue == "reported"


def test_according_to_a_source_the_parse_took_for_a_verb() -> None:
    text = (
        "As a reality TV boss, Donald Trump repeatedly demeaned women with sexist language, "
        "according to show insiders."
    )
    q = quote_with(quotes_of(text), "demeaned women")
    assert q.rule == "according-to" and "according" not in q.text


def test_in_someones_view_gives_the_rest_of_the_sentence() -> None:
    text = "Hillary Clinton spoke in Ohio on Monday. In her view, the Senate should act now."
    q = quote_with(quotes_of(text), "Senate should act")
    assert q.rule == "in-view" and q.cue == "In her view"
    assert q.text == "the Senate should act now" and q.speaker == "Hillary Clinton"


def test_criticism_drawn_from_a_source_is_the_sources_stance() -> None:
    text = (
        "Trump's often controversial comments on Muslims have drawn criticism from Berlin, "
        "Paris and other European capitals. Mrs. Clinton faced scrutiny over her emails."
    )
    quotes = quotes_of(text)
    drawn = quote_with(quotes, "controversial comments")
    assert drawn.rule == "received" and drawn.speaker == "Berlin"
    assert not [q for q in quotes if "Clinton" in q.text]


def test_telling_or_asking_someone_to_do_something() -> None:
    text = (
        "Since October, officials have told Flint residents not to drink the water. "
        "Clinton asks her assistant to print out the recommendations. "
        "Trump told reporters on Monday."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "not to drink").text == "Flint residents not to drink the water"
    assert quote_with(quotes, "print out").speaker == "Clinton"
    assert not [q for q in quotes if "reporters" in q.text]


def test_a_one_word_reply_is_a_quote_and_a_quoted_phrase_is_not() -> None:
    text = (
        'Bernie Sanders spoke in Hollywood.\n\n"Absolutely," he said when asked by a reporter. '
        'Hillary Clinton called it "a con" on Monday.'
    )
    quotes = quotes_of(text)
    reply = quote_with(quotes, "Absolutely")
    assert reply.kind == "direct" and reply.speaker == "Bernie Sanders"
    assert not [q for q in quotes if q.text == "a con"]


def test_a_cue_between_the_halves_of_a_sentence_stays_in_its_paragraph() -> None:
    text = (
        "Her daughter has taken a job that many economists say is the future in postindustrial "
        "America - she works in a medical lab. The only problem, Ms. Bigbee said, is that her "
        "daughter's hourly pay is one-third less than her own pay at Carrier.\n\n"
        "''I think it will be extremely hard to find a job that pays $22 an hour,'' Ms. Bigbee "
        "said. ''You have to be really blessed to find a job that pays that kind of money.''"
    )
    quotes = quotes_of(text)
    problem = quote_with(quotes, "only problem")  # the parser runs it into the next paragraph
    assert problem.rule == "parataxis" and problem.text.endswith("her own pay at Carrier")
    assert quote_with(quotes, "hard to find a job").kind == "direct"


def test_reported_clause_before_the_cue_may_open_with_a_phrase_of_its_own() -> None:
    text = (
        "After some challenges, Mr. Clarke's reclamation work has been meeting regulatory "
        "standards and even exceeding expectations, one West Virginia official said."
    )
    q = quote_with(quotes_of(text), "reclamation work")
    assert q.text.startswith("After some challenges") and q.cue == "said"
    assert said_by(q) == "one West Virginia official"


def test_stance_object_stops_at_a_dash_aside() -> None:
    text = (
        "Glenn Beck has backed Ted Cruz for months. He has also called the Texas senator “the "
        "next George Washington” – the Founding Father who Beck idolizes with religious fervor."
    )
    q = quote_with(quotes_of(text), "George Washington")
    assert q.cue == "called" and "Founding Father" not in q.text


def test_verbs_the_small_model_lemmatizes_wrongly_are_cues() -> None:
    text = (
        "Clinton hoped the debate would focus on the economy. Senator Elizabeth Warren "
        "lambasted the bank's chief executive over the fake accounts. Mr. Trump retweeted a "
        "post calling the judge a hater of Israel."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "focus on the economy").cue == "hoped"
    assert quote_with(quotes, "chief executive").speaker == "Elizabeth Warren"
    assert quote_with(quotes, "hater of Israel").cue == "retweeted"


def test_criticism_one_came_under_is_the_sources_stance() -> None:
    text = (
        "The health plan came under criticism from Senate Democrats, who said it would cut "
        "Medicaid."
    )
    q = quote_with(quotes_of(text), "health plan")
    assert q.rule == "received" and q.cue == "came under criticism"
    assert "Democrats" in (said_by(q) or "")


def test_criticism_shrugged_off_is_not_received() -> None:
    text = "The mayor shrugged off criticism from local business owners on Tuesday."
    assert not [q for q in quotes_of(text) if "mayor" in q.text]


def test_criticism_a_relative_clause_faced_has_no_subject_to_quote() -> None:
    text = "The governor, who faced criticism from teachers unions, signed the budget on Friday."
    assert not [q for q in quotes_of(text) if q.rule == "received"]


def test_in_the_eyes_of_someone_and_in_view_of_something() -> None:
    text = (
        "In the eyes of many Republicans, the nominee has already lost the election.\n\n"
        "In view of the delays, the council postponed the vote until March."
    )
    quotes = quotes_of(text)
    eyes = quote_with(quotes, "already lost")
    assert eyes.rule == "in-view" and eyes.text == "the nominee has already lost the election"
    assert said_by(eyes) == "Republicans"
    assert not [q for q in quotes if "postponed" in q.text]


def test_citing_a_named_person_is_a_relay() -> None:
    text = (
        "The Washington Post reported that the talks had stalled, citing Defense Secretary "
        "Jim Mattis."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "talks had stalled").speaker == "Washington Post"
    assert not [q for q in quotes if "Mattis" in q.text]


def test_went_without_on_does_not_report_speech() -> None:
    text = (
        '"We are going to win this state, and we are going to win it big," Trump told the '
        'crowd. "Believe me." Then he went back to his hotel.'
    )
    assert not [q for q in quotes_of(text) if q.cue == "went"]


def test_a_dash_signed_by_a_place_or_under_three_words_is_no_quote() -> None:
    text = (
        "Readers responded to the flood coverage.\n\n"
        '"Not again." — Jane Miller\n\n'
        '"We will rebuild this town, one house at a time." — Baton Rouge, La.'
    )
    assert not [q for q in quotes_of(text) if q.rule == "dash"]


def test_as_someone_noted_makes_the_main_clause_the_content() -> None:
    text = "But as Clyburn noted, those voters will not stay home in November."
    q = quote_with(quotes_of(text), "stay home")
    assert q.rule == "as-cue" and said_by(q) == "Clyburn"


def test_a_quotation_after_someone_continued_and_a_colon() -> None:
    text = (
        "Bernie Sanders spoke for an hour in Des Moines. He continued:\n\n"
        '"We are going to take on the billionaire class, and we are going to win."'
    )
    q = quote_with(quotes_of(text), "billionaire class")
    assert q.speaker == "Bernie Sanders" and q.cue == "continued" and q.kind == "direct"


def test_a_clause_before_the_cue_opened_by_after_or_when_is_not_what_was_said() -> None:
    text = (
        "In a statement released shortly after the Florida senator suspended his presidential "
        "campaign, Senator Ted Cruz said on Tuesday night.\n\n"
        '"Marco has a bright future in the Republican Party, and I wish him well."'
    )
    quotes = quotes_of(text)
    assert not any("suspended" in q.text for q in quotes)
    assert quote_with(quotes, "bright future").speaker == "Ted Cruz"


def test_a_phrase_before_the_cue_that_the_parse_made_a_clause_is_not_what_was_said() -> None:
    text = (
        'In his 2002 book, "Make Your Kid a Millionaire," Mr. McKinley suggested looking at the '
        "things on your credit card statement."
    )
    quotes = quotes_of(text)
    assert not any("2002 book" in q.text for q in quotes)
    q = quote_with(quotes, "credit card statement")
    assert q.speaker == "McKinley" and q.text.startswith("looking at")


def test_a_reported_clause_before_the_cue_with_there_or_a_clause_as_its_subject() -> None:
    text = (
        "Under the new rules, there will be no exceptions for small farms, Agriculture Minister "
        "Julia Brandt said.\n\n"
        "As for complexity, broadening the base inevitably involves some administration, said "
        "Mr. Kamin."
    )
    quotes = quotes_of(text)
    rules = quote_with(quotes, "no exceptions")
    assert rules.text.startswith("Under the new rules") and rules.speaker == "Julia Brandt"
    assert quote_with(quotes, "broadening the base").speaker == "Kamin"


def test_a_quotation_after_a_colon_is_the_colon_sentences_subject_not_the_last_speaker() -> None:
    text = (
        '"We are not going to raise taxes on the middle class," Senator Maria Alvarez said at a '
        "rally in Toledo on Monday.\n\n"
        "Her Republican opponent, Representative Tom Keller, answered in a radio interview the "
        "next morning:\n\n"
        '"The numbers in her plan do not add up, and the voters of Ohio know it."'
    )
    q = quote_with(quotes_of(text), "do not add up")
    assert q.speaker == "Tom Keller" and q.cue == "answered" and q.rule == "unattributed"


def test_a_quotation_no_cue_claims_goes_to_the_last_named_speaker() -> None:
    text = (
        "\"Look, it's a phony system,\" Trump told Bill O'Reilly of Fox News this week.\n\n"
        "Trump has complimented the moderator of Monday night's first debate, Lester Holt of NBC "
        "News, but with a distinct edge.\n\n"
        '"I think Lester Holt will be very fair, but the system is rigged against me."'
    )
    q = quote_with(quotes_of(text), "very fair")
    assert q.speaker == "Trump" and q.cue == "told" and q.rule == "unattributed"


def test_a_quotation_far_from_any_named_speaker_is_left_unattributed() -> None:
    text = (
        '"This is the most important election of our lifetime," Senator Maria Alvarez told '
        "supporters in Toledo on Monday.\n\n"
        "The race has tightened since the summer. Polls taken after the second debate show the "
        "two candidates within three points of each other among likely voters, and both "
        "campaigns have poured money into television advertising in the Cleveland and Columbus "
        "media markets. Turnout in early voting has been higher than in 2012, especially in the "
        "suburbs around Columbus, where both parties see their best chance of winning over "
        "undecided voters.\n\n"
        "Local officials expect long lines on Election Day. The county board of elections has "
        "hired more poll workers than in any previous year and extended the hours of its early "
        "voting centers, and volunteers from both parties have been trained to watch the count "
        "in every precinct of the county.\n\n"
        '"Every vote in this county will be counted, no matter how long it takes us."'
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "most important election").speaker == "Maria Alvarez"
    assert not any("Every vote" in q.text for q in quotes)


def test_a_first_person_cue_outside_quotation_marks_is_the_author_not_the_last_speaker() -> None:
    text = (
        "Kim Jong Un announced on Saturday that North Korea would halt its nuclear tests, "
        "state media said.\n\n"
        "Again, as I noted just recently in a Fox News Opinion piece, what Kim is likely doing "
        "is setting the craftiest of traps – one designed to suck the Trump administration into "
        "months or years of negotiations."
    )
    quotes = quotes_of(text)
    noted = [q for q in quotes if "craftiest" in q.text]
    assert noted and all(q.speaker is None for q in noted), [(q.text, q.speaker) for q in noted]


def test_a_noun_inside_the_quotation_never_speaks_for_the_cue_after_it() -> None:
    text = (
        '"This can be good news in that we will now counter for the DNC Server that they '
        "refused to give to the FBI, the Wendy Wasserman Schultz Servers and Documents held by "
        'the Pakistani mystery man and Clinton Emails," Trump, a Republican, wrote.'
    )
    q = quote_with(quotes_of(text), "good news")
    assert q.speaker == "Trump" and q.kind == "direct" and "Clinton Emails" in q.text


def test_a_clause_on_quoted_words_is_not_a_cue_with_a_speaker_of_its_own() -> None:
    text = (
        "The Trump campaign is seeking to dismiss that case, arguing in court filings that it is "
        'a "disruptive, politically motivated lawsuit" that threatens to interfere with Trump\'s '
        "presidential duties."
    )
    quotes = quotes_of(text)
    assert not any(q.cue == "threatens" for q in quotes)
    assert quote_with(quotes, "politically motivated").cue == "arguing"


def test_what_someone_did_rather_than_report_is_no_report() -> None:
    text = (
        "Rather than report Russia's intentions to interfere with elections, \"the Trump campaign "
        "and its agents gleefully welcomed Russia's help,\" the lawsuit states."
    )
    assert not any(q.cue == "report" for q in quotes_of(text))


def test_a_cue_the_parse_hung_inside_a_quotation_goes_to_the_subject_named_before_it() -> None:
    text = (
        "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a "
        "compliment -- ''That makes me smart'' -- and, when questioned after the debate, "
        "asserting, ''Of course, I pay federal taxes.''"
    )
    q = quote_with(quotes_of(text), "I pay federal taxes")
    assert q.cue == "asserting" and q.speaker == "Trump" and q.speaker_span is not None
    assert text[slice(*q.speaker_span)] == "Mr. Trump"


def test_a_plural_common_noun_is_an_unnamed_group_not_the_outlet_or_a_named_person() -> None:
    text = (
        "WASHINGTON (Reuters) -\n\n"
        "Trump has repeatedly denied his campaign colluded with Russia and Moscow has denied "
        "meddling in the election.\n\n"
        "Four U.S. intelligence agencies reported last year that Russia sponsored the hacking of "
        "Democratic Party groups and other actions during the 2016 campaign.\n\n"
        "Part of the effort was to benefit Trump over Clinton, the agencies said."
    )
    quotes = quotes_of(text)
    reported = quote_with(quotes, "Russia sponsored the hacking")
    assert reported.speaker is None
    assert reported.speaker_description == "Four U.S. intelligence agencies"
    effort = quote_with(quotes, "Part of the effort")
    assert effort.speaker is None and effort.speaker_description == "the agencies"


def test_who_stands_for_the_noun_its_clause_hangs_on() -> None:
    text = (
        "Trump's legal team, meanwhile, is expanding with the addition of former federal "
        "prosecutor and New York mayor Rudy Giuliani, who is vowing to seek a swift resolution "
        "to the special counsel probe."
    )
    q = quote_with(quotes_of(text), "swift resolution")
    assert q.speaker == "Rudy Giuliani" and q.cue == "vowing"


def test_the_party_is_the_party_the_article_names_not_a_person_described_by_it() -> None:
    perez = (
        "Tom Perez, the chairman of the Democratic Party, said the committee had alerted Senate "
        "Minority Leader Chuck Schumer."
    )
    text = (
        "Democrats sue Russia and Trump campaign, alleging conspiracy in 2016 election.\n\n"
        "The party alleged that top officials in Trump's campaign conspired with Russia to hurt "
        "Hillary Clinton.\n\n"
        "The Democratic Party sued the Russian government, U.S. President Donald Trump's campaign "
        "and WikiLeaks on Friday."
    )
    q = quote_with(quotes_of(perez, text), "top officials")
    assert q.speaker == "Democratic Party" and q.speaker_description == "The party"


def test_a_quotation_before_a_cue_in_another_clause_is_not_that_cues() -> None:
    text = (
        'Trump tweeted Friday evening that the lawsuit "can be good" because the Trump campaign '
        "can now counter sue for more information from the DNC and from former DNC chairwoman "
        "Debbie Wasserman Schultz of Florida.\n\n"
        "Responding on Twitter, Wikileaks said the DNC was seeking publicity with its lawsuit and "
        "defended its release of the committee's emails, saying it helped expose the \"DNC rigged "
        "its primaries on behalf of Hillary Clinton.\" Friday's lawsuit opens another legal "
        "challenge to Trump and his allies, who already are contending with special counsel "
        "Robert Mueller's investigation of Russian interference in the 2016 presidential election."
    )
    quotes = quotes_of(text)
    assert not any(q.cue in {"counter", "contending"} for q in quotes)
    good = quote_with(quotes, "can be good")
    assert good.cue == "tweeted" and good.speaker == "Trump"
    rigged = quote_with(quotes, "rigged its primaries")
    assert rigged.cue == "saying" and said_by(rigged) == "Wikileaks"


def test_a_second_cue_goes_with_the_speaker_not_with_a_cue_inside_what_was_said() -> None:
    text = (
        "Responding on Twitter, Wikileaks said the DNC was seeking publicity with its lawsuit and "
        "defended its release of the committee's emails."
    )
    q = quote_with(quotes_of(text), "its release")
    assert q.cue == "defended" and said_by(q) == "Wikileaks"


def test_it_after_a_quoted_person_is_not_that_person() -> None:
    text = (
        '"I have one perspective on the behavior I saw," Comey wrote in his book.\n\n'
        "Last July, two Democratic donors and a former staffer member filed an invasion of "
        "privacy lawsuit against Mr. Trump's campaign and Mr. Stone.\n\n"
        "It also accused them of conspiring in the release of hacked Democratic emails and "
        "files that exposed their personal information to the public."
    )
    q = quote_with(quotes_of(text), "conspiring in the release")
    assert q.speaker is None


def test_some_who_speculated_are_unnamed_not_the_last_speaker() -> None:
    text = (
        "Rendell noted that Ronald Reagan appeared unsteady in his first debate against Walter "
        "Mondale in 1984, and some speculated about his health at the time."
    )
    q = quote_with(quotes_of(text), "his health")
    assert q.speaker is None and q.speaker_description == "some"


def test_a_cue_that_did_not_happen_takes_no_quotation() -> None:
    text = (
        '"The suit gives Democrats a useful and perhaps compelling narrative," said Leonard '
        "Williams, a political science professor at Manchester University.\n\n"
        '"From that partisan standpoint, it is exactly what their candidates and spokespeople '
        'need." WikiLeaks, and attorneys for Trump Jr., Manafort, Gates and Papadopoulos also did '
        "not immediately respond to requests for comment."
    )
    q = quote_with(quotes_of(text), "partisan standpoint")
    assert q.speaker == "Leonard Williams" and q.cue == "said"


def test_a_title_with_a_name_is_the_named_holder_not_the_titles_owner() -> None:
    text = (
        "President Donald Trump has repeatedly said his campaign did not collude with the Russian "
        "government.\n\n"
        '"They successfully hacked the Democratic Party in 2016 and they will be back," Perez '
        "said.\n\n"
        "\"We must prevent future attacks on our democracy, and that's exactly what we're doing "
        'today."\n\n'
        'Trump\'s campaign manager Brad Parscale called the lawsuit "frivolous" and said the '
        "campaign will fight back aggressively, potentially using the discovery process to "
        "explore DNC records."
    )
    quotes = quotes_of(text)
    assert quote_with(quotes, "frivolous").speaker == "Brad Parscale"
    assert quote_with(quotes, "fight back").speaker == "Brad Parscale"


def test_a_plural_title_is_a_group_not_the_one_person_the_story_gives_that_title() -> None:
    text = (
        "World leaders and diplomats almost universally expressed outrage over North Korea's "
        "latest gambit.\n\n"
        'South Korea accused the North\'s leader, Kim Jong Un, of "fanatic recklessness."'
    )
    q = quote_with(quotes_of(text), "outrage")
    assert q.speaker is None and q.speaker_description == "World leaders and diplomats"


def test_a_verb_sharing_the_auxiliary_of_a_reported_clause_keeps_its_subject() -> None:
    text = (
        "More than two months later, on March 30, Comey wrote that Trump had called him and "
        "pressed the FBI director to make public that the president was not under investigation."
    )
    q = quote_with(quotes_of(text), "to make public")
    assert q.cue == "pressed" and said_by(q) == "Trump"


def test_a_quotation_before_someone_said_he_responded_is_the_response() -> None:
    text = (
        "Comey met the president in the Oval Office.\n\n"
        '"I told him I would see what we could do and that we would do the work well and as '
        'quickly as we could," Comey said he responded.'
    )
    q = quote_with(quotes_of(text), "I would see what we could do")
    assert q.kind == "direct" and said_by(q) == "Comey"


def test_a_surname_the_tagger_took_for_a_plural_is_still_the_person() -> None:
    text = (
        "Rep. Elijah E. Cummings of Maryland, the top Democrat on the House Oversight "
        "Committee, said the memos showed a pattern.\n\n"
        '"President Trump\'s interference was a blatant effort to deny justice," Cummings said '
        "in a statement."
    )
    q = quote_with(quotes_of(text), "blatant effort")
    assert q.speaker == "Elijah E. Cummings"


def test_they_after_an_unnamed_group_spoke_is_that_group() -> None:
    text = (
        "House Intelligence Committee Chairman Devin Nunes released the memos on Thursday.\n\n"
        "The chairmen said the memos underscore that Comey had different standards in dealing "
        "with Trump than he did with others.\n\n"
        "He chose not to memorialize conversations with President Obama or others, but "
        '"he immediately began to memorialize conversations with President Trump," they said.'
    )
    q = quote_with(quotes_of(text), "immediately began")
    assert q.speaker is None and said_by(q) == "The chairmen"


def test_a_relative_pronoun_before_the_cue_is_not_part_of_what_was_said() -> None:
    # ECB+ topic 12
    text = (
        "Later, the Tabar fired at and sank a Thai trawler that the Indian Navy said was a "
        'pirate "mother vessel".'
    )
    q = quote_with(quotes_of(text), "mother vessel")
    assert q.text.startswith("was a pirate") and said_by(q) == "Indian Navy"


def test_a_that_clause_after_the_occasion_of_a_cue_is_what_was_said() -> None:
    # PolNeAR train: the parse hangs the clause on "conference", which takes none
    text = (
        "Adelson said earlier on Friday during a news conference that he may wait until "
        "February’s primaries to decide who to back."
    )
    q = quote_with(quotes_of(text), "may wait")
    assert q.speaker == "Adelson" and "conference" not in q.text


def test_a_that_clause_the_parse_hangs_on_a_time_is_what_was_said() -> None:
    # PolNeAR dev: the parse reads "that Machado was ..." as a relative clause of "hours"
    text = (
        "Donald Trump attacked a former beauty queen. Trump tweeted in the early morning hours "
        "that Machado was disgusting."
    )
    q = quote_with(quotes_of(text), "Machado was disgusting")
    assert q.cue == "tweeted" and "hours" not in q.text


def test_a_cue_set_in_the_middle_takes_its_whole_clause_or_relative_clause() -> None:
    # PolNeAR: a cue between commas in mid-sentence is not one that ends the sentence
    text = (
        "Dan Tompkins runs the park. The park is near the football stadium, which, Tompkins "
        "said, is usually full of activities on game days. If the law conflicts with God's "
        "orders, Marco Rubio said, Christians must ignore the law."
    )
    quotes = quotes_of(text)
    stadium = quote_with(quotes, "full of activities")
    assert stadium.text == "is usually full of activities on game days"
    rubio = quote_with(quotes, "God's orders")
    assert rubio.text.endswith("Christians must ignore the law")


def test_a_name_closing_an_opening_phrase_without_a_comma_is_the_cues_subject() -> None:
    # PolNeAR dev: "In a March 2016 meeting with ... the Washington Post Trump said that ..."
    text = (
        "Donald Trump spoke about the border. In an interview with CNN Trump said that the wall "
        "would be built."
    )
    q = quote_with(quotes_of(text), "wall would be built")
    assert said_by(q) == "Donald Trump"


def test_according_to_that_opens_a_sentence_attributes_what_follows_the_comma() -> None:
    # PolNeAR dev: the parse hangs the sentence on "According"
    text = (
        "Rush Limbaugh hosts a radio show. According to conservative talk radio host Rush "
        "Limbaugh, the move reeks of “fear” and desperation."
    )
    q = quote_with(quotes_of(text), "reeks of")
    assert said_by(q) == "Rush Limbaugh" and q.text.startswith("the move reeks")


def test_a_relative_clause_on_the_speaker_after_the_cue_does_not_displace_the_quote() -> None:
    # PolNeAR train (NYT): the parse hangs "who ... remembered" on "said"
    text = (
        "Freddy joined a Jewish fraternity.\n\n''It may have been Freddy's first attempt to make "
        "his own statement to his father,'' said his best friend at Lehigh, Bruce Turry, who, "
        "like several other former fraternity brothers, remembered Freddy claiming that his "
        "father was Jewish."
    )
    q = quote_with(quotes_of(text), "first attempt")
    assert q.kind == "direct" and q.cue == "said"


def test_as_x_noted_set_off_by_a_comma_the_parse_keeps_attributes_the_main_clause() -> None:
    # PolNeAR train: the parse makes the comma part of "As ... noted"
    text = (
        "As the International Business Times noted, Clinton raised more than $1.1 million "
        "from the securities industry for her 2000 Senate campaign."
    )
    q = quote_with(quotes_of(text), "raised more than")
    assert said_by(q) == "International Business Times" and q.cue == "noted"
    assert q.text.startswith("Clinton raised")


def test_a_clause_that_a_noun_takes_stays_that_nouns() -> None:
    text = "The senator spoke in response to reports that the base would close."
    q = quote_with(quotes_of(text), "base would close")
    assert q.cue == "reports" and "senator" not in (said_by(q) or "")


def test_a_cue_set_off_at_the_end_of_a_sentence_takes_the_clause_before_it() -> None:
    # PolNeAR train: the parse coordinates "told" with "remains"
    text = (
        "Despite a series of costly defeats on Tuesday night, Sen. Bernie Sanders remains "
        "committed to seeing the Democratic primary through to the convention, his top aide, "
        "Tad Devine, told The Huffington Post."
    )
    q = quote_with(quotes_of(text), "remains committed")
    assert q.speaker == "Tad Devine" and "Huffington" not in q.text


def test_a_name_and_an_aside_between_a_quotation_and_its_cue_speak_it() -> None:
    # PolNeAR train: the parse joins "Ramos" and "told" to the quotation's own clause
    text = (
        "“We were tremendously wrong to not have confronted him from the beginning,” "
        "Ramos, 58, told AFP in an interview in Miami."
    )
    q = quote_with(quotes_of(text), "tremendously wrong")
    assert q.speaker == "Ramos" and q.kind == "direct"


def test_a_quotation_glued_to_its_cue_is_found() -> None:
    # PolNeAR train: no space between the comma and the quotation mark
    text = "Ryan said,“Look, anti-Semitic images, they’ve got no place in a presidential campaign.”"
    q = quote_with(quotes_of(text), "no place")
    assert q.speaker == "Ryan" and q.kind == "direct"


def test_a_verb_with_off_states_nothing() -> None:
    # FNC-1 body (Daily Mail): "showed off" shows an object
    quotes = quotes_of(
        "Casey told the program it was time to free the burger.\n\n"
        "'As opposed to a Junior Burger', Casey joked.\n\n"
        "They showed off their prized possession on The Project on Monday evening."
    )
    assert {q.cue for q in quotes} == {"told", "joked"}
    assert said_by(quote_with(quotes, "Junior Burger")) == "Casey"


# FNC-1 bodies from papers that print speech in single quotes (the Daily Mail, Metro)
SINGLE_QUOTED = (
    "Casey told the program it was time to 'free the burger' and the boys have released a "
    "song dedicated to their 'Senior Burger'.\n\n"
    "'We're pretty sure it's the oldest burger in the world,' Mr Dean said of the boys' meal.\n\n"
    "‘It started off as a joke,’ he added. ‘Then the weeks ran into months.\n\n"
    "‘And now it is decades.’"
)


def test_single_quotes_are_quotation_marks_where_a_text_has_no_double_ones() -> None:
    marks = [SINGLE_QUOTED[q.start : q.end] for q in find_quote_marks(SINGLE_QUOTED)]
    assert marks == [
        "free the burger",  # scare quotes, as in double-quoted texts
        "Senior Burger",
        "We're pretty sure it's the oldest burger in the world",  # apostrophes inside
        "It started off as a joke",
        "Then the weeks ran into months.",  # carried on to the next paragraph
        "And now it is decades.",
    ]
    assert [q.paired for q in find_quote_marks(SINGLE_QUOTED)] == [True] * 4 + [False, True]
    # With double quotes in the text, single ones are scare quotes or apostrophes.
    mixed = "He called it \"a joke\" and said 'it started off as a joke,' laughing."
    assert [mixed[q.start : q.end] for q in find_quote_marks(mixed)] == ["a joke"]


def test_single_quoted_speech_is_direct_and_keeps_its_speaker() -> None:
    quotes = quotes_of(SINGLE_QUOTED)
    oldest = quote_with(quotes, "oldest burger")
    assert oldest.kind == "direct" and said_by(oldest) == "Dean"
    joke = quote_with(quotes, "started off as a joke")
    assert joke.kind == "direct" and said_by(joke) == "Dean"


def test_a_single_quote_closed_without_a_comma_still_closes() -> None:
    text = (
        "'It's rock hard, absolutely solid as a brick' the friends said while showing the "
        "burger to the boys' families."
    )
    assert [text[q.start : q.end] for q in find_quote_marks(text)] == [
        "It's rock hard, absolutely solid as a brick"
    ]


def test_critics_supporters_and_family_of_a_name_speak_for_themselves() -> None:
    quotes = quotes_of(
        "Donald Trump's critics said the plan would fail.\n\n"
        "ISIS supporters announced that the group's youngest soldier had died in combat.\n\n"
        "The victim's family said they were devastated by the verdict."
    )
    for words, group in [
        ("plan would fail", "Donald Trump's critics"),
        ("youngest soldier", "ISIS supporters"),
        ("devastated", "The victim's family"),
    ]:
        q = quote_with(quotes, words)
        assert q.speaker is None and q.speaker_description == group


def test_the_site_is_the_website_that_spoke_last() -> None:
    # FNC-1 body on a hoax: "the site" was Huzlers.com before, Snopes.com here
    text = (
        "Huzlers.com posted an article about six days of darkness, and the site claimed NASA "
        "had confirmed it.\n\n"
        "According to Snopes.com, similar rumors have been going on for a while.\n\n"
        "“Neither NASA nor any other credible scientific entity has made such a "
        "pronouncement. Ever,” the site says."
    )
    q = quote_with(quotes_of(text), "credible scientific entity")
    assert q.speaker == "Snopes.com"


def test_the_company_is_the_organisation_the_article_names_most() -> None:
    # FNC-1 body: the Tor browser, named once in passing, is not "the company"
    text = (
        "Comcast has threatened to cut off customers who use Tor, users say. Comcast denies it."
        "\n\nReports that Comcast will deny Internet service to users of the Tor Internet "
        "browser are false, the company says in a new blog post."
    )
    q = quote_with(quotes_of(text), "are false")
    assert q.speaker == "Comcast"


def test_a_description_with_a_name_of_its_own_is_no_earlier_organisation() -> None:
    # FNC-1 body on Castro death rumours: "The Cuban Foreign Ministry" went untagged there,
    # and was taken for "the Castros", the organisation named before
    text = (
        "He posted images of Cubans wearing American flag leggings after the announcement of "
        "President Obama’s concessions to the Castros.\n\nRumors strengthened this week, "
        "however, as the anniversary of Castro’s last appearance approached. News outlets in "
        "Miami reported this week that the Cuban government had "
        "called for a press conference today to follow up Castro’s year-long absence with an "
        "update, many speculating that they would announce Castro’s death. The Cuban Foreign "
        "Ministry denied that any such press conference was scheduled for today."
    )
    q = quote_with(quotes_of(text), "any such press conference")
    assert q.speaker != "Castros"
    assert said_by(q) == "The Cuban Foreign Ministry"


def test_a_description_naming_another_kind_of_body_is_no_earlier_organisation() -> None:
    # DUC 2004 wire story on Kosovo: "the defense ministry" is not the Foreign Ministry
    text = (
        "Yugoslavia's Foreign Ministry said the talks had failed. The defense ministry said "
        "Britain was ready to take part in a NATO attack."
    )
    q = quote_with(quotes_of(text), "NATO attack")
    assert q.speaker != "Foreign Ministry"
    assert said_by(q) == "The defense ministry"
    # the seeds: a press service is not named by its head, so it stays its owner's
    text = (
        "The figures have been exaggerated, the press service of Rostec stated. "
        '"Just recently, the maintenance of a batch of aircraft was completed," the press '
        "service added."
    )
    assert quote_with(quotes_of(text), "Just recently").speaker == "Rostec"


def test_the_ministry_is_the_ministry_named_before() -> None:
    text = (
        "The Russian Foreign Ministry summoned the ambassador on Monday.\n\n"
        "On Tuesday the ministry said the expulsions would be answered."
    )
    q = quote_with(quotes_of(text), "expulsions")
    assert q.speaker == "Russian Foreign Ministry"


def test_no_speaker_before_an_unnamed_one_carries_on_to_the_next_quotation() -> None:
    # FNC-1 body on an Ebola hoax: after the county's release, no earlier speaker goes on
    text = (
        "The National Report website is reporting the town of Purdon has been sealed off by "
        "the CDC and local police. This is not true.\n"
        "Navarro County officials issued the following news release calling the report "
        "untrue:\n"
        '"A release today on at least one website, National Report, stated that “The small '
        "town of Purdon, Texas has been quarantined after a family of five tested positive "
        "for the Ebola virus.”\n"
        ' "This report is entirely false."'
    )
    false = [q for q in quotes_of(text) if "entirely false" in q.text]
    assert all(q.speaker != "National Report" for q in false)


def test_the_subject_of_a_passive_cue_is_what_it_is_about_not_who_spoke() -> None:
    # ECB+ story on a police shooting in Brooklyn
    quotes = quotes_of(
        "Kimani Gray was shot by police on Saturday. After the shooting, Gray was rushed to a "
        "hospital but was declared dead on arrival.\n\n"
        "The senator was criticised by the White House for the remarks about the deal."
    )
    assert all(q.speaker != "Kimani Gray" for q in quotes)
    assert quote_with(quotes, "remarks about the deal").speaker == "White House"


def test_pointing_a_gun_says_nothing_and_pointing_out_does() -> None:
    # ECB+ story on a police shooting; a USA Today headline from PolNeAR
    quotes = quotes_of(
        "The teenager pointed a revolver at the two officers.\n\n"
        "Trump and Clinton point out own credentials, each other's failings during leadership "
        "forum."
    )
    assert [q for q in quotes if q.cue == "pointed"] == []
    assert quote_with(quotes, "own credentials").speaker == "Trump"


def test_how_someone_seems_is_the_writers_impression_or_the_one_it_seems_to() -> None:
    # PolNeAR (train): campaign stories from Politico and the New York Times
    quotes = quotes_of(
        "Campaign chair Paul Manafort dismissed the whole kerfuffle. Trump’s supporters seemed "
        "equally unperturbed.",
        "It appears, though, that the NFL championship game wasn’t boring to everyone.",
        "To Montclair State University political science professor Brigid Harrison, Christie’s "
        "stare seemed to reflect sadness.",
        "Mr. Trump appeared on Fox News on Sunday.",
    )
    unperturbed = quote_with(quotes, "equally unperturbed")
    assert unperturbed.text == "Trump’s supporters seemed equally unperturbed"
    assert said_by(unperturbed) is None
    boring = quote_with(quotes, "wasn’t boring")
    assert boring.text == "that the NFL championship game wasn’t boring to everyone"
    assert said_by(boring) is None
    sadness = quote_with(quotes, "reflect sadness")
    assert sadness.text.startswith("Christie’s stare")
    assert sadness.speaker == "Brigid Harrison"
    assert [q for q in quotes if q.cue == "appeared"] == []


def test_what_one_is_asked_about_is_the_question_not_the_one_asked() -> None:
    # PolNeAR (train): debate stories
    quotes = quotes_of(
        "Conservative radio host Hugh Hewitt asked Trump about statements he had made the "
        "previous night.",
        "We asked our followers their thoughts on Donald Trump meeting with Mexican President "
        "Enrique Pena Nieto.",
        "Asked why he trailed Hillary Clinton so badly among minority voters, Senator Bernie "
        "Sanders said he was working on it.",
    )
    statements = quote_with(quotes, "statements he had made")
    assert statements.text == "about statements he had made the previous night"
    assert statements.speaker == "Hugh Hewitt"
    thoughts = quote_with(quotes, "their thoughts")
    assert thoughts.text.startswith("their thoughts on Donald Trump meeting")
    assert said_by(thoughts) == "the author"
    trailed = quote_with(quotes, "why he trailed")
    assert trailed.text == "why he trailed Hillary Clinton so badly among minority voters"
    assert said_by(trailed) is None


def test_what_someone_decides_or_plans_to_do_is_their_intention() -> None:
    # PolNeAR (train): a congressional race and a State of the Union story
    quotes = quotes_of(
        "On Monday, Zephyr Teachout decided to bypass Faso himself and go after his donor.",
        "Mr. Obama decided to use the most prominent platform in American politics to push back.",
    )
    donor = quote_with(quotes, "bypass Faso")
    assert donor.text == "to bypass Faso himself and go after his donor"
    assert donor.speaker == "Zephyr Teachout"
    platform = quote_with(quotes, "most prominent platform")
    assert platform.text.startswith("to use the most prominent platform")
    assert platform.speaker == "Obama"


def test_a_finite_clause_known_is_a_view_and_a_scene_seen_is_not() -> None:
    # PolNeAR (train): opinion pieces and a campaign report
    quotes = quotes_of(
        "Reporters know they’re being spun, but they go with it.",
        "It’s up to Donald Trump to make damn sure everyone knows how Hillary Clinton caused "
        "this mess.",
        "Voters in Concord saw Ayotte speak last week at a town-hall-style event.",
    )
    spun = quote_with(quotes, "being spun")
    assert spun.text == "they’re being spun"
    assert said_by(spun) == "Reporters"
    mess = quote_with(quotes, "caused this mess")
    assert mess.text == "how Hillary Clinton caused this mess"
    assert said_by(mess) == "everyone"
    assert [q for q in quotes if q.cue == "saw"] == []


def test_a_stance_noun_made_the_object_of_a_verb_is_its_subjects() -> None:
    # PolNeAR (train): debate and campaign reports
    quotes = quotes_of(
        "Chris Christie avoided direct criticism of front-runner Donald Trump until recent days.",
        "Donald Trump launched a pre-emptive attack on Barack Obama at the press conference.",
        "Hillary Clinton has the support of women and older voters.",
    )
    criticism = quote_with(quotes, "front-runner")
    assert criticism.text == "front-runner Donald Trump"
    assert criticism.speaker == "Chris Christie"
    attack = quote_with(quotes, "Obama")
    assert attack.text == "Barack Obama"
    assert attack.speaker == "Donald Trump"
    assert [q for q in quotes if q.speaker == "Hillary Clinton"] == []


def test_where_a_poll_shows_someone_is_part_of_what_it_shows() -> None:
    # PolNeAR (train): primary coverage
    quotes = quotes_of(
        "A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders in New York."
    )
    lead = quote_with(quotes, "healthy lead")
    assert lead.text == "Clinton with a healthy lead over Sanders in New York"
    assert said_by(lead) == "A Monmouth poll out Monday"


def test_what_a_source_focuses_on_or_pushes_for_is_where_it_stands() -> None:
    # PolNeAR (train): debate and convention coverage
    quotes = quotes_of(
        "Hillary Clinton spoke for an hour. Instead, she focused on the economy, trying to use "
        "the debate to her advantage.",
        "Gay Republicans push for pro-LGBT language in the party platform.",
        "Ted Cruz focused on Iowa in the last week of January.",
    )
    economy = quote_with(quotes, "economy")
    assert economy.text == "the economy"
    assert economy.speaker == "Hillary Clinton"
    language = quote_with(quotes, "pro-LGBT")
    assert language.text == "pro-LGBT language in the party platform"
    assert said_by(language) == "Gay Republicans"
    assert [q for q in quotes if q.speaker == "Ted Cruz"] == []


def test_what_reportedly_or_allegedly_happened_is_hearsay_with_no_speaker() -> None:
    # PolNeAR (train): campaign and gun-law stories
    quotes = quotes_of(
        "The FBI is reportedly making arrangements to interview Hillary Clinton.",
        "The loophole is how Dylann Roof was able to obtain the gun he allegedly used to kill "
        "nine people in last year's shooting.",
    )
    fbi = quote_with(quotes, "making arrangements")
    assert fbi.text == "The FBI is reportedly making arrangements to interview Hillary Clinton"
    assert said_by(fbi) is None
    gun = quote_with(quotes, "nine people")
    assert gun.text.startswith("the gun he allegedly used")
    assert said_by(gun) is None


def test_the_show_or_the_terms_one_speaks_on_are_not_what_was_said() -> None:
    # PolNeAR (train): sourcing and interview lines
    quotes = quotes_of(
        "Two of those advisers spoke on the condition of anonymity.",
        "Jeffrey W. Ubben was speaking on the cable channel CNBC.",
        "Senator Claire McCaskill spoke on the economy.",
    )
    assert [q for q in quotes if "anonymity" in q.text or "CNBC" in q.text] == []
    economy = quote_with(quotes, "economy")
    assert economy.speaker == "Claire McCaskill"


def test_questions_raised_about_something_are_the_raisers_stance() -> None:
    # PolNeAR (train): birther coverage
    quotes = quotes_of(
        "Donald Trump has raised questions about Barack Obama's birthplace and religion.",
        "Hillary Clinton faced questions about her private email server.",
    )
    birthplace = quote_with(quotes, "birthplace")
    assert birthplace.text == "Barack Obama's birthplace and religion"
    assert birthplace.speaker == "Donald Trump"
    assert [q for q in quotes if q.speaker == "Hillary Clinton"] == []


def test_seeing_something_as_something_is_a_view_wherever_the_parse_hangs_as() -> None:
    # PolNeAR (train): poll and election stories
    quotes = quotes_of(
        "Millennials see police violence against African Americans as a problem.",
        "Experts see the elections held Sunday as a test of whether the generals will truly "
        "loosen their grip on power.",
    )
    problem = quote_with(quotes, "police violence")
    assert problem.text == "police violence against African Americans as a problem"
    assert said_by(problem) == "Millennials"
    test = quote_with(quotes, "a test of")
    assert test.text.startswith("the elections held Sunday as a test")
    assert said_by(test) == "Experts"


def test_the_support_a_subject_has_is_the_supporters_stance_on_it() -> None:
    # PolNeAR (train): a Wisconsin court race
    quotes = quotes_of("Rebecca Bradley had the full support of the conservative movement.")
    bradley = quote_with(quotes, "Bradley")
    assert bradley.text == "Rebecca Bradley"
    assert said_by(bradley) == "the conservative movement"


def test_a_claim_made_by_a_subject_is_the_subjects() -> None:
    # PolNeAR (train): immigration coverage
    quotes = quotes_of(
        "Donald Trump made the claim that the migrants crossing into the United States are "
        "largely the dregs of Mexico's jails."
    )
    dregs = quote_with(quotes, "dregs")
    assert dregs.text.startswith("that the migrants crossing into the United States")
    assert dregs.speaker == "Donald Trump"


def test_endorsing_or_opposing_a_person_named_by_a_pronoun_takes_a_side() -> None:
    # PolNeAR (train): primary endorsements
    quotes = quotes_of(
        "Ted Cruz won the Iowa caucuses. Two days later, Carly Fiorina endorsed him.",
        "The plan reached the Senate floor, and Jeb Bush endorsed it.",
    )
    endorsed = [q for q in quotes if q.cue == "endorsed"]
    assert [(q.text, q.speaker) for q in endorsed] == [("him", "Carly Fiorina")]


def test_what_a_feeling_is_about_is_the_feelers_stance() -> None:
    # PolNeAR (train): exit polls
    quotes = quotes_of(
        "More than nine of 10 Republicans in Tennessee and Georgia were worried about the economy.",
        "Hillary Clinton was happy in Iowa.",
    )
    economy = quote_with(quotes, "economy")
    assert economy.text == "the economy"
    assert said_by(economy) == "Republicans"
    assert [q for q in quotes if q.speaker == "Hillary Clinton"] == []


def test_an_attitude_toward_something_is_a_stance_on_it() -> None:
    # PolNeAR (train): trade and gun-politics stories
    quotes = quotes_of(
        "Some very conservative members of Congress have been sympathetic to free trade "
        "arguments in the past.",
        "Younger Republicans are supportive of same-sex marriage.",
    )
    trade = quote_with(quotes, "free trade")
    assert trade.text == "free trade arguments"
    assert trade.speaker_span is not None and trade.speaker_span[0] == 0  # "Some very ..."
    marriage = quote_with(quotes, "marriage")
    assert marriage.text == "same-sex marriage"
    assert said_by(marriage) == "Republicans"


def test_a_sentence_opened_by_to_someone_is_how_things_look_to_them() -> None:
    # PolNeAR (train): a feature on skateboarders
    quotes = quotes_of(
        "Nina Gil skates every day. To Ms. Gil, skateboarding represents a cry of dissent "
        "against the city's gentrification.",
        "To be sure, the city has changed.",
    )
    dissent = quote_with(quotes, "cry of dissent")
    assert dissent.text.startswith("skateboarding represents")
    assert dissent.speaker == "Nina Gil"
    assert [q for q in quotes if "city has changed" in q.text] == []


def test_the_us_is_no_first_person() -> None:
    # seed story (Venezuela): "US" lowercases to "us", which is not the writer
    quotes = quotes_of(
        "The coup attempt received the immediate backing of the US and its Latin American and "
        "European allies."
    )
    coup = quote_with(quotes, "coup attempt")
    assert said_by(coup) == "US"


def test_how_an_extraposed_clause_seems_is_the_clause_with_its_adjective() -> None:
    # PolNeAR (train): primary coverage
    quotes = quotes_of(
        "It now seems inevitable that Mr. Rubio and Mr. Cruz will direct their fire against "
        "Mr. Trump."
    )
    fire = quote_with(quotes, "direct their fire")
    assert (
        fire.text
        == "inevitable that Mr. Rubio and Mr. Cruz will direct their fire against Mr. Trump"
    )
    assert said_by(fire) is None
