"""Date expressions in news text and the calendar dates they stand for.

News copy dates events mostly relative to the day it was written ("on Sunday", "earlier this
year", "in March"), so every expression here resolves against an *anchor*: the article's own
published date, or the story's when the article has none. Explicit dates ("June 3, 2019",
"3 June") need no anchor except for a missing year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsprism.model import DatePrecision

MentionKind = Literal["explicit", "weekday", "relative"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS.pop("may", None)  # re-added below: only the full name is unambiguous as a month
MONTHS["may"] = 5
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # noqa: E501
_DAY_NAME = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_PREFIX = r"(?:(?i:in|since|at\s+the\s+(?:start|end)\s+of|late|early|mid-?)\s+)+"
_PATTERNS: list[tuple[MentionKind, re.Pattern[str]]] = [
    ("explicit", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL}{_YEAR}\b")),
    ("explicit", re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+{_MONTH}{_YEAR}\b")),
    ("relative", re.compile(r"\b(?:at\s+)?the\s+end\s+of\s+(?P<rel>last|this)\s+year\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>earlier\s+this|last|this)\s+year\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?P<count>a|one|two|three|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I
        ),
    ),
    (
        "relative",
        re.compile(r"\b(?:this|last)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I),
    ),
    ("relative", re.compile(rf"\b{_MONTH_PREFIX}{_MONTH}{_YEAR}\b")),
    ("weekday", re.compile(rf"\b(?:(?P<step>(?i:last|past|next|coming))\s+)?{_DAY_NAME}\b")),
]

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    kind: MentionKind
    groups: dict[str, str]

    @property
    def weekday(self) -> int | None:
        name = self.groups.get("weekday")
        return WEEKDAYS[name.lower()] if name else None

    @property
    def step(self) -> str | None:
        """ "last" for "last Friday" (or "past"), "next" for "next Monday" (or "coming")."""
        word = self.groups.get("step", "").lower()
        return {"past": "last", "coming": "next"}.get(word, word) or None


def find_date_mentions(text: str) -> list[DateMention]:
    """Date expressions in text order; where patterns overlap the longest wins."""
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            if kind == "explicit" and not 1 <= int(groups["day"]) <= 31:
                continue
            found.append(DateMention(m.start(), m.end(), m.group(0), kind, groups))
    return sorted(found, key=lambda f: f.start)


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: date, weekday: int) -> date:
    """A plan for "Monday" in a Monday's paper is for that day ("meets ... later Monday")."""
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def resolve_stepped_weekday(mention: DateMention, anchor: date) -> date | None:
    """ "Last Friday" is before the anchor day, "next Monday" after it: in a Friday's paper
    "last Friday" is a week ago."""
    weekday = mention.weekday
    if weekday is None or mention.step is None:
        return None
    if mention.step == "last":
        return weekday_on_or_before(anchor - timedelta(days=1), weekday)
    return weekday_on_or_after(anchor + timedelta(days=1), weekday)


def _month_back(anchor: date, months: int) -> date:
    total = anchor.year * 12 + anchor.month - 1 - months
    return date(total // 12, total % 12 + 1, 1)


def resolve(mention: DateMention, anchor: date | None) -> tuple[date, DatePrecision] | None:
    """The date and precision of a non-weekday mention (weekdays need the article's context)."""
    g = mention.groups
    if mention.kind == "explicit":
        year = int(g["year"]) if "year" in g else None
        month = MONTHS[g["month"].lower().rstrip(".")]
        if year is None:
            if anchor is None:
                return None
            year = anchor.year if month <= anchor.month else anchor.year - 1
        try:
            return date(year, month, int(g["day"])), "day"
        except ValueError:
            return None
    if mention.kind != "relative":
        return None
    if "month" in g:
        month = MONTHS[g["month"].lower().rstrip(".")]
        if "year" in g:
            return date(int(g["year"]), month, 1), "month"
        if anchor is None:
            return None
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return date(year, month, 1), "month"
    if anchor is None:
        return None
    if "season" in g:
        month = SEASON_START[g["season"].lower()]
        last = mention.text.lower().startswith("last")
        year = anchor.year - (1 if last or month > anchor.month else 0)
        return date(year, month, 1), "month"
    if "unit" in g:
        count = _COUNTS.get(g["count"].lower()) or int(g["count"])
        unit = g["unit"].lower()
        if unit == "day":
            return anchor - timedelta(days=count), "day"
        if unit == "week":
            return anchor - timedelta(weeks=count), "day"
        if unit == "month":
            return _month_back(anchor, count), "month"
        return date(anchor.year - count, 1, 1), "year"
    rel = g["rel"].lower()
    year = anchor.year - 1 if rel == "last" else anchor.year
    if "end" in mention.text.lower():
        return date(year, 12, 1), "month"
    return date(year, 1, 1), "year"


def resolve_weekdays(weekdays: list[int], anchor: date, anchor_is_own: bool) -> dict[int, date]:
    """Dates for the weekday names one article uses.

    With the article's own date, each name is the latest such day on or before it (news
    reports the past). Without it, the names are laid out as one run of days, earliest first
    (the run starts after the widest gap between them in the week: {Mon, Tue} runs Mon->Tue,
    {Fri, Mon} runs Fri->Mon), and the run's first day is the latest such day on or before the
    story's anchor: so an undated "denied on Tuesday ... Monday's assertion" keeps Tuesday after
    Monday even when the anchor is that Monday.
    """
    names = sorted(set(weekdays))
    if anchor_is_own or len(names) < 2:
        return {w: weekday_on_or_before(anchor, w) for w in names}
    gaps = [((names[(k + 1) % len(names)] - names[k]) % 7 or 7, k) for k in range(len(names))]
    _, widest = max(gaps)
    first = names[(widest + 1) % len(names)]
    start = weekday_on_or_before(anchor, first)
    return {w: start + timedelta(days=(w - first) % 7) for w in names}
