"""Quantities in news text as comparable values: "about 1,000", "a few dozen", "$1.5 billion".

Numbers are what sources most often disagree on, and the disagreement is only visible once
"a thousand", "about 1,000" and "1,000" read as one value and "a few dozen" as a range.
Conventions:

- an exact number has ``value`` set and ``low``/``high`` unset;
- a vague amount ("a few dozen", "dozens of", "tens of times") has ``value`` None and the
  range it can mean in ``low``/``high``, always with ``approx`` True;
- ``unit`` is "percent", "times", a currency code, or the counted noun's lemma when one
  follows ("100 troops" -> "troop"); None when the text does not say what is counted.

Years, dates, clock times, durations ("several years") and model designations ("S-300",
"F-35") are not quantities and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsprism.model import Quantity

WORD_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague counts as (low, high) multipliers: "a few" dozen is 2-5 dozen.
VAGUE = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "a handful of": (2, 5),
}
# "dozens of", "tens of": a plural scale means at least two of it, less than the next scale.
PLURAL_SCALES = {
    "dozens": (24, 132),
    "tens": (20, 90),
    "scores": (40, 180),
    "hundreds": (200, 900),
    "thousands": (2_000, 9_000),
    "millions": (2_000_000, 9_000_000),
    "billions": (2e9, 9e9),
}
APPROX_BEFORE = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more than",
    "over",
    "up to",
    "at least",
    "less than",
    "fewer than",
    "close to",
    "an estimated",
    "estimated",
    "as many as",
    "as few as",
    "just over",
    "just under",
    "under",
    "upwards of",
    "roughly",
    "circa",
)
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
}
TIME_NOUNS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "time",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# Words after a number that are not what it counts.
NOT_UNITS = {
    "of",
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "than",
    "as",
    "per",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "more",
    "less",
    "just",
    "only",
    "there",
    "here",
    "said",
    "says",
    "last",
    "next",
    "this",
    "these",
    "several",
    "few",
    "many",
    "some",
    "other",
    "such",
    "new",
    "most",
    "another",
    "each",
}
# Nouns that say a number is a number, not what it counts.
VAGUE_NOUNS = {"number", "figure", "total", "amount", "count", "level", "estimate"}
SPECIAL_UNITS = {"percent", "times", "fraction", *CURRENCIES.values(), *CURRENCY_WORDS.values()}

_WORDNUM = "|".join(sorted(WORD_UNITS, key=len, reverse=True))
_SCALE = "|".join(SCALES)
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_PLURAL = "|".join(PLURAL_SCALES)
_APPROX = "|".join(re.escape(a) for a in sorted(set(APPROX_BEFORE), key=len, reverse=True))
# Thousands grouped by commas, also as South Asian papers group them ("9,34,200" = 934,200)
_DIGITS = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "300 out of 400 soldiers", "two of the 12 victims": a share and the whole it is of
_SHARE_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?", re.IGNORECASE)
_AGE = re.compile(r"[\s-]*(?:year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
# "an eight-year offer", "a 30-day stint": how long something lasts, not a count of it;
# "a two-thirds majority": a fraction
_DURATION_OR_FRACTION = re.compile(
    r"\s?-\s?(?:year|month|week|day|hour|minute|second|decade|century|game|season"
    r"|(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b",
    re.IGNORECASE,
)

QUANTITY_RE = re.compile(
    rf"""
    (?:(?P<approx>{_APPROX})\s+)?
    (?:
        (?P<vague>{_VAGUE})\s+(?P<vscale>dozen|hundred|thousand|million|billion|times)\b
      | (?P<plural>{_PLURAL})\s+of\b
      | (?:(?P<cur>[$€£¥])\s?)?(?P<num>{_DIGITS})(?:\s?(?P<nscale>{_SCALE}|bn|m)\b)?
        (?:\s?(?P<pct>%|per\s?cent\b|percent\b))?
      | (?P<words>(?:(?:a|one|{_WORDNUM})[\s-]+)?(?:{_WORDNUM}|{_SCALE})
          (?:[\s-]+(?:{_WORDNUM}|{_SCALE}))*)\b(?:\s?(?P<wpct>per\s?cent|percent)\b)?
      | (?P<half>half)\b
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NEXT_WORDS_RE = re.compile(r"[\s\"“”'‘’(]*([A-Za-z][\w'’.-]*)")


@dataclass(frozen=True)
class FoundQuantity:
    quantity: Quantity
    start: int  # character offsets into the text searched
    end: int
    rate: str | None = None  # "per season" of "$22 million per season"


# "$22 million per season", "$5 an hour", "100 people a day", "$1bn annually": a rate, which
# no total ("a seven-year deal worth $140 million") contradicts. Up to two words of what is
# counted may come between ("300 barrels of oil a day" is not read that far).
_RATE = re.compile(
    r"(?:\s+(?!(?:for|in|over|within|during|of|the|this|last|next|than|to|from|and|or|by|"
    r"on|at|per|a|an|each|every)\b)[A-Za-z-]+){0,2}"
    r"\s+(?:(?:per|a|an|each|every)\s+(?P<noun>year|season|month|week|day|night|hour|minute|"
    r"game|match|head|capita|person|share)\b|(?P<adverb>annually|yearly|monthly|weekly|daily|"
    r"nightly|hourly)\b)",
    re.IGNORECASE,
)
_RATE_ADVERBS = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "nightly": "night",
    "hourly": "hour",
}


def _rate_after(text: str, end: int) -> str | None:
    match = _RATE.match(text, end)
    if match is None:
        return None
    noun = match.group("noun") or _RATE_ADVERBS[match.group("adverb").lower()]
    return noun.lower()


def with_rate(unit: str | None, rate: str | None) -> str | None:
    """A rate's unit names what it is per: "USD/season" never meets a total in "USD"."""
    return f"{unit or ''}/{rate}" if rate else unit


def base_unit(unit: str | None) -> str | None:
    """What is measured, a rate or not: "USD" of "USD/season", "people" of "people/day"."""
    return unit.partition("/")[0] if unit else unit


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _word_number(words: str) -> float | None:
    """'a thousand' -> 1000, 'two hundred fifty' -> 250, 'three' -> 3; None for 'a'."""
    total = 0.0
    current = 0.0
    seen = False
    previous = ""
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "one"):
            current = max(current, 1.0)
        elif word in WORD_UNITS:
            # "a seven-year deal": the article counts nothing ("a hundred" does, below)
            current = WORD_UNITS[word] if previous == "a" else current + WORD_UNITS[word]
            seen = True
        elif word in SCALES:
            current = max(current, 1.0) * SCALES[word]
            seen = True
            if SCALES[word] >= 1000:
                total += current
                current = 0.0
        previous = word
    return total + current if seen else None


def _is_designation(text: str, start: int, end: int) -> bool:
    """'S-300', 'F-35', 'COVID-19', 'G7', '300VM', '3rd': names, not amounts."""
    before = text[max(0, start - 2) : start]
    return bool(re.search(r"[A-Za-z]-?$", before)) or bool(
        re.match(r"[A-Za-z]", text[end : end + 1])
    )


def _next_word(text: str, end: int) -> tuple[str, int]:
    match = _NEXT_WORDS_RE.match(text, end)
    return (match.group(1), match.end()) if match else ("", end)


def _is_date_or_year(text: str, start: int, end: int, value: float, raw: str) -> bool:
    prev_words = text[max(0, start - 12) : start].lower().split()
    prev = prev_words[-1].strip(".,") if prev_words else ""
    nxt, _ = _next_word(text, end)
    if prev in MONTHS or nxt.lower().strip(".,") in MONTHS:
        return True
    if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100:
        return True
    return bool(
        re.match(r"\s?(?::\d\d|/\d)", text[end : end + 3]) or text[start - 1 : start] == "/"
    )


def _unit_from_text(text: str, end: int) -> tuple[str | None, bool]:
    """The counted noun after a number (regex fallback), and whether it is a time noun."""
    word, after = _next_word(text, end)
    low = word.lower().strip(".,")
    if low == "of":  # "dozens of soldiers", "a third of voters"
        word, after = _next_word(text, after)
        if word.lower() in ("the", "their", "its", "his", "her", "our"):
            word, _ = _next_word(text, after)
        low = word.lower().strip(".,")
    if low in TIME_NOUNS:
        return None, True
    if low in CURRENCY_WORDS:
        return CURRENCY_WORDS[low], False
    if not low or low in NOT_UNITS or not word[0].islower():
        return None, False
    return (low[:-1] if low.endswith("s") and not low.endswith("ss") else low), False


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every quantity in ``text`` with its character span, in reading order."""
    found: list[FoundQuantity] = []
    for match in QUANTITY_RE.finditer(text):
        start, end = match.span()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-:/."):
            continue
        approx = match.group("approx") is not None
        core_start = match.start("approx") if approx else start
        value: float | None = None
        low: float | None = None
        high: float | None = None
        unit: str | None = None
        if match.group("vague"):
            mult_low, mult_high = VAGUE[match.group("vague").lower()]
            scale_word = match.group("vscale").lower()
            if scale_word == "times":
                unit, scale = "times", 1.0
            else:
                scale = SCALES[scale_word]
            low, high, approx = mult_low * scale, mult_high * scale, True
        elif match.group("plural"):
            word = match.group("plural").lower()
            low, high = PLURAL_SCALES[word]
            approx = True
        elif match.group("num"):
            raw = match.group("num")
            if not match.group("cur") and _is_designation(
                text, match.start("num"), match.end("num")
            ):
                continue
            value = _number(raw)
            scale_word = (match.group("nscale") or "").lower()
            if scale_word:
                value *= {"bn": 1e9, "m": 1e6}.get(scale_word, SCALES.get(scale_word, 1))
            elif (
                not match.group("cur")
                and not match.group("pct")
                and _is_date_or_year(text, match.start("num"), match.end("num"), value, raw)
            ):
                continue
            if match.group("cur"):
                unit = CURRENCIES[match.group("cur")]
            if match.group("pct"):
                unit = "percent"
        elif match.group("words"):
            words = match.group("words")
            if words.lower() in ("a", "one"):
                continue
            value = _word_number(words)
            if value is None or value < 2:
                continue
            if match.group("wpct"):
                unit = "percent"
        elif match.group("half"):
            if _unit_from_text(text, end)[1]:
                continue  # "half a year", "the past half year": a duration
            value, unit = 0.5, "fraction"
        if value is None and low is None:
            continue
        if _AGE.match(text, end) or _DURATION_OR_FRACTION.match(text, end):
            continue  # "the 33-year-old journalist": an age, not a count of journalists
        is_time = False
        if unit is None:
            unit, is_time = _unit_from_text(text, end)
        nxt, after_next = _next_word(text, end)
        if nxt.lower() == "times" and unit not in ("percent",):
            unit, is_time, end = "times", False, after_next
        if is_time:
            continue
        rate = _rate_after(text, end)
        found.append(
            FoundQuantity(
                Quantity(
                    value=value,
                    approx=approx,
                    unit=with_rate(unit, rate),
                    text=text[core_start:end].strip(),
                    low=low,
                    high=high,
                ),
                core_start,
                end,
                rate,
            )
        )
    return found


def parse_quantities(text: str) -> list[Quantity]:
    """The quantities of a text, without their spans."""
    return [f.quantity for f in find_quantities(text)]


def quantities_in_span(span: Span) -> list[Quantity]:
    """Quantities of a parsed clause, with the counted noun taken from the parse.

    The parse finds the noun a number counts across adjectives ("300 Russian officers") and
    across "from X to Y" ("cut its staff from 1,000 to a few dozen": the verb's object).
    """
    doc = span.doc
    base = span.start_char
    results: list[Quantity] = []
    text = span.text
    found = find_quantities(text)

    def share_of(part: FoundQuantity, whole: FoundQuantity) -> bool:
        between = _SHARE_OF.match(text, part.end)
        return between is not None and between.end() == whole.start

    for k, item in enumerate(found):
        quantity = item.quantity
        if k and share_of(found[k - 1], item):
            continue  # the whole a share is of: no claim about the same measure
        if base_unit(quantity.unit) not in SPECIAL_UNITS:
            counted = item
            if k + 1 < len(found) and share_of(item, found[k + 1]):
                counted = found[k + 1]  # "300 out of 400 soldiers" counts soldiers
            unit = _parsed_unit(doc, base + counted.start, base + counted.end)
            quantity = quantity.model_copy(update={"unit": with_rate(unit, item.rate)})
        results.append(_without_verb_particle(quantity, doc, base + item.start))
    return results


def _without_verb_particle(quantity: Quantity, doc: Doc, start: int) -> Quantity:
    """ "running over two soldiers", "handed over 300 rifles": the verb's "over" is no
    "more than", so the count is exact."""
    word, _, rest = quantity.text.partition(" ")
    if word.lower() not in ("over", "under") or not rest or quantity.low is not None:
        return quantity
    token = doc.char_span(start, start + len(word))
    if token is None or not (
        token[0].dep_ == "prt" or (token[0].dep_ == "prep" and token[0].head.pos_ == "VERB")
    ):
        return quantity
    return quantity.model_copy(update={"approx": False, "text": rest})


def _parsed_unit(doc: Doc, start: int, end: int) -> str | None:
    chunk = doc.char_span(start, end, alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    unit = _counted_noun(doc, chunk)
    return None if unit in VAGUE_NOUNS else unit


def _counted_noun(doc: Doc, chunk: Span) -> str | None:
    # Scan right: "300 Russian Defense Ministry and corporate security company officers in".
    last_noun = None
    for tok in doc[chunk.end : chunk.end + 10]:
        if tok.lower_ == "of" and tok.i == chunk.end:
            continue
        if tok.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "SCONJ", "NUM") or (
            tok.pos_ == "ADP" and tok.lower_ != "of"
        ):
            break
        if tok.lower_ in TIME_NOUNS:
            last_noun = None
            break
        if tok.pos_ == "DET" and last_noun is not None:
            break  # "a radius 39 feet and a depth of 16 feet": a second noun phrase
        if tok.pos_ == "NOUN":
            last_noun = tok
    if last_noun is not None:
        return str(last_noun.lemma_.lower())
    token = chunk[-1]
    for _ in range(4):
        head = token.head
        if head.i == token.i:  # the root (a new Token object: compare indexes)
            return None
        if head.pos_ == "NOUN" and head.i > chunk.end - 1 and head.lower_ not in TIME_NOUNS:
            return str(head.lemma_.lower())
        if head.pos_ == "ADP" and head.lower_ in ("from", "to"):
            verb = head.head
            # "cut its staff from X to Y" counts the object; "staff fell from X" the subject.
            rank = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}
            objects = sorted(
                (c for c in verb.children if c.dep_ in rank), key=lambda c: rank[c.dep_]
            )
            nouns = [o for o in objects if o.pos_ == "NOUN" and o.lower_ not in TIME_NOUNS]
            if verb.pos_ in ("VERB", "AUX") and nouns:
                return str(nouns[0].lemma_.lower())
            return None
        token = head
    return None


def _rounding(quantity: Quantity) -> float:
    """Half a unit of the last digit written: "2.6 percent" may be 2.58 rounded."""
    if quantity.value is None:
        return 0.0
    match = re.search(_DIGITS, quantity.text)
    if match is None:
        return 0.0
    written = _number(match.group())
    scale = abs(quantity.value / written) if written else 1.0
    decimals = len(match.group().partition(".")[2])
    if scale > 1 and not decimals:
        return 0.0  # "2 million" is no rounding of 2.3 million
    return 0.499 * 10.0**-decimals * scale  # 12 and 13 stay apart


def range_of(quantity: Quantity, tolerance: float = 0.0) -> tuple[float, float] | None:
    """The interval a quantity can mean: what its last written digit rounds, and for an
    approximate value ``tolerance`` either side."""
    if quantity.value is not None:
        slack = abs(quantity.value) * tolerance if quantity.approx else 0.0
        slack = max(slack, _rounding(quantity))
        return quantity.value - slack, quantity.value + slack
    if quantity.low is not None and quantity.high is not None:
        return quantity.low, quantity.high
    return None


def compatible(a: Quantity, b: Quantity, tolerance: float = 0.15) -> bool:
    """Whether two amounts of the same thing can both be true (their ranges overlap)."""
    ra, rb = range_of(a, tolerance), range_of(b, tolerance)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit is not None and a.unit == b.unit


# "from about 1,000", "to “just a few dozen”": the word that makes a number a start or an end.
_TRANSITION_LEAD = re.compile(
    r"\b(?P<role>from|to)\s+(?:[\"“‘']\s*)?(?:(?:just|only|merely|barely|about|around|roughly|"
    r"some|nearly|almost|approximately)\s+)*[\"“‘']?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Transition:
    """A change of one amount: "cut its staff from about 1,000 to a few dozen"."""

    before: Quantity
    after: Quantity

    @property
    def direction(self) -> str:
        low = range_of(self.before)
        high = range_of(self.after)
        if low is None or high is None:
            return "change"
        if high[1] < low[0]:
            return "down"
        return "up" if high[0] > low[1] else "change"


def find_transition(text: str) -> Transition | None:
    """The "from X to Y" change a clause states, in either order ("to Y, from X")."""
    before: Quantity | None = None
    after: Quantity | None = None
    for item in find_quantities(text):
        lead = _TRANSITION_LEAD.search(text[max(0, item.start - 40) : item.start])
        if lead is None or item.quantity.unit in ("times", "fraction"):
            continue
        if lead.group("role").lower() == "from" and before is None:
            before = item.quantity
        elif lead.group("role").lower() == "to" and after is None:
            after = item.quantity
    return Transition(before, after) if before is not None and after is not None else None


def same_transition(a: Transition, b: Transition) -> bool:
    """Two changes that can be the same one: start and end amounts both overlap."""
    return compatible(a.before, b.before) and compatible(a.after, b.after)
