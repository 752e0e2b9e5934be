"""Quantities parsed from real news wordings (several from the seed story, others typical)."""

from __future__ import annotations

import pytest

from newsprism.analysis.quantities import compatible, parse_quantities, quantities_in_span
from newsprism.nlp.pipeline import load_nlp


def one(text: str):
    found = parse_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit", "approx"),
    [
        ("cut its staff from about 1,000 several years ago", 1000, None, None, None, True),
        ("about a thousand Russian troops were there", 1000, None, None, None, True),
        ("to just a few dozen today", None, 24, 60, None, True),
        ("the numbers shrank to several dozen", None, 36, 108, None, True),
        ("have been exaggerated tens of times", None, 20, 90, "times", True),
        ("overestimated the numbers by several times", None, 3, 9, "times", True),
        ("Hyperinflation hits 130,000% last year", 130000, None, None, "percent", False),
        ("a $1.5 billion loan was approved", 1.5e9, None, None, "USD", False),
        ("three people were killed", 3, None, None, "people", False),
        ("half of the voters stayed home", 0.5, None, None, "fraction", False),
    ],
)
def test_values_ranges_and_units(text, value, low, high, unit, approx) -> None:
    q = one(text)
    assert q.value == value and q.low == low and q.high == high
    assert q.approx is approx
    if unit is not None:
        assert q.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "in 2019 the talks resumed",
        "on June 3 officials met",
        "the S-300VM system and F-35 jets",
        "for many years",
        "one of the largest contractors",
        "over the past half year",
        "within a couple of weeks",
        "at 10:30 on Monday",
        # how long something lasts, and a fraction (ECB+ and FNC-1 wordings)
        "a seven - year deal",
        "Teixeira still has an eight-year offer on the table",
        "a 90-day court-ordered stint",
        "passed by a two-thirds majority",
    ],
)
def test_years_dates_durations_and_designations_are_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_parse_finds_the_counted_noun_across_adjectives_and_from_to() -> None:
    nlp = load_nlp()
    doc = nlp(
        "Analyst Mark Galeotti estimates there are 300 Russian Defense Ministry and "
        "corporate security company officers in Venezuela."
    )
    assert [q.unit for q in quantities_in_span(doc[:])] == ["officer"]
    doc = nlp("Rostec has cut its staff in Venezuela from about 1,000 to just a few dozen.")
    assert [q.unit for q in quantities_in_span(doc[:])] == ["staff", "staff"]


def test_compatibility_of_ranges() -> None:
    few_dozen, several_dozen = one("a few dozen"), one("several dozen")
    assert compatible(few_dozen, several_dozen)
    assert not compatible(one("tens of times"), one("several times"))
    assert compatible(one("about 1,000 troops"), one("a thousand troops"))
    assert not compatible(one("12 people"), one("40 people"))


def test_an_age_counts_nothing_and_south_asian_grouping_reads_as_one_number() -> None:
    # FNC-1 bodies: "the 33-year-old journalist"; an Indian paper's "9,34,200 square feet"
    assert parse_quantities("The United States said the 33-year-old journalist was killed.") == []
    assert parse_quantities("a three-year-old boy and a man 40 years old") == []
    (area,) = parse_quantities("The properties comprise about 9,34,200 square feet.")
    assert area.value == 934200 and area.approx


def test_a_share_counts_what_its_whole_counts_and_the_whole_is_no_claim() -> None:
    # FNC-1 body: "the death of 300 out of 400 soldiers" is no figure of 400 against 300
    nlp = load_nlp()
    for sentence, value in [
        ("The gas attack resulted in the death of 300 out of 400 soldiers.", 300),
        ("Two of the 12 victims were children.", 2),
    ]:
        (share,) = quantities_in_span(nlp(sentence)[:])
        assert share.value == value and share.unit in {"soldier", "victim"}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("an offer worth roughly $22 million per season", "USD/season"),
        ("he earned $3 million a year", "USD/year"),
        ("$1bn annually", "USD/year"),
        ("about 100 people a day crossed", "people/day"),
        # a duration, not a rate
        ("it cost $5 million for a year", "USD"),
    ],
)
def test_a_rate_names_what_it_is_per(text: str, unit: str) -> None:
    assert one(text).unit == unit


@pytest.mark.parametrize(
    ("a", "b", "fits"),
    [
        # a figure written with fewer digits may be the other rounded (FNC-1 wordings)
        ("only 2.6 percent of downstream traffic", "grew to 2.58 percent", True),
        ("a fish of 9 feet", "a fish of 8.7 feet", True),
        # but not another figure
        ("12 people were killed", "13 people were killed", False),
        ("2 million users", "2.3 million users", False),
        ("1.5 billion", "1.6 billion", False),
    ],
)
def test_a_rounded_figure_fits_what_it_rounds(a: str, b: str, fits: bool) -> None:
    assert compatible(one(a), one(b)) is fits


@pytest.mark.parametrize(
    ("sentence", "text", "approx"),
    [
        # FNC-1 bodies on the Saint-Jean-sur-Richelieu attack: "run over", not "more than"
        ("He is accused of running over two Canadian Forces soldiers.", "two", False),
        ("The rebels handed over 300 rifles.", "300", False),
        ("They killed over 300 people.", "over 300", True),
    ],
)
def test_a_verbs_over_is_no_more_than(sentence: str, text: str, approx: bool) -> None:
    (quantity,) = quantities_in_span(load_nlp()(sentence)[:])
    assert (quantity.text, quantity.approx) == (text, approx)


def test_a_count_stops_at_the_next_noun_phrase() -> None:
    # FNC-1 bodies on a meteorite in Managua: two measures of one crater
    doc = load_nlp()("The meteorite left a crater with a radius 39 feet and a depth of 16 feet.")
    assert [(q.value, q.unit) for q in quantities_in_span(doc[:])] == [(39, "foot"), (16, "foot")]
