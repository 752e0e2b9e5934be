from newsprism.nlp.pipeline import DocIndex, load_nlp

TEXT = (
    "Rostec has cut its staff in Venezuela to just a few dozen, the Wall Street Journal "
    "reported on Sunday. Kremlin spokesman Dmitry Peskov told reporters in Moscow that "
    "he had not seen the report. Russia's ambassador to Caracas, Vladimir Zaemsky, "
    "called it nonsense."
)


def test_doc_index_reads_the_parse_as_spacy_does() -> None:
    doc = load_nlp()(TEXT)
    index = DocIndex(doc)
    assert index.text == doc.text == TEXT
    assert [(s.start, s.end) for s in index.sents] == [(s.start, s.end) for s in doc.sents]
    assert len(index.sents) == 3
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(i + 8, len(doc) + 1))]
    for span in spans:
        assert (index.sent(span).start, index.sent(span).end) == (span.sent.start, span.sent.end)
        assert [(e.start, e.end) for e in index.ents_in(span)] == [
            (e.start, e.end) for e in span.ents
        ]
    whole = [e.text for e in index.ents_in(doc[:])]
    assert "Dmitry Peskov" in whole and whole == [e.text for e in doc.ents]


def test_lemmas_the_small_model_gets_wrong_are_set_right() -> None:
    doc = load_nlp()("She hoped he was hoping, and lambasted the hopping critics who retweeted it.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["hoped"] == lemmas["hoping"] == "hope"
    assert lemmas["lambasted"] == "lambaste" and lemmas["retweeted"] == "retweet"
    assert lemmas["hopping"] == "hop"


def test_a_curly_quotation_mark_is_a_token_even_without_spaces() -> None:
    doc = load_nlp()("Ryan said,“Look, it’s over.” He left.")
    assert [t.text for t in doc][:5] == ["Ryan", "said", ",", "“", "Look"]
    assert "it" in [t.text for t in doc] and "’s" in [t.text for t in doc]


def test_every_paragraph_starts_a_sentence() -> None:
    # FNC-1 body with an embedded tweet: the signature has no full stop
    text = (
        "Abu Ubaidah got martyred with his father by US airstrikes 2 weeks ago. #IS\n\n"
        "—\n\n"
        "Islamic State Times (@ISTimes1) October 07, 2014\n\n"
        "Mr. Cooper first saw ISIS supporters tweeting that the young boy was dead on Sept. 26."
    )
    sentences = [s.text.strip() for s in load_nlp()(text).sents]
    assert sentences[-2:] == [
        "Islamic State Times (@ISTimes1) October 07, 2014",
        "Mr. Cooper first saw ISIS supporters tweeting that the young boy was dead on Sept. 26.",
    ]
    assert "—" in sentences
