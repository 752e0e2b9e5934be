"""Cut the boilerplate that survives HTML extraction or comes with copied text.

Each line is judged by general signals: promo and disclaimer vocabulary, link lead-ins
("Also on", "Read more:"), credit lines, bare URLs, date-only lines, a script different from
the body's, Markdown residue. Cut lines are kept for review; lines that carry metadata (a
date, the article's own URL, the outlet named by a promo or a disclaimer) are reported so
the caller can fill the Article's fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from newsprism.ingest.metadata import canonical_outlet, date_from_line, hostname, outlet_from_url

_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w&.'’-]*){0,5}"

# Lines cut whatever their length: a real paragraph does not begin or read like these.
_ALWAYS = [
    ("promo", re.compile(r"^(?:subscribe|sign up|signup|register)\b.*\b(?:newsletter|email|inbox|"
                         r"stories|updates|free|channel|podcast|alerts?)\b", re.I)),
    ("promo", re.compile(r"^(?:follow|like|join)\s+(?:us|" + _NAME + r")\s+on\s+"
                         r"(?:twitter|facebook|instagram|telegram|youtube|tiktok|x\b|vk|whatsapp|"
                         r"linkedin|threads|bluesky)", re.I)),
    ("mission", re.compile(r"^" + _NAME + r"\s*['’]s\s+mission\s+is\b")),
    ("disclaimer", re.compile(r"\b(?:republished|reprinted|reposted|syndicated)\b.{0,80}?"
                              r"\b(?:with|under|from|by)\b.{0,60}?\b(?:permission|licen[cs]e|"
                              r"feed|creative commons|original)", re.I)),
    ("disclaimer", re.compile(r"\bviews\s+expressed\b.{0,80}\b(?:not|solely)\b", re.I)),
    ("disclaimer", re.compile(r"\b(?:takedown request|DMCA|DCMA)\b", re.I)),
    ("disclaimer", re.compile(r"\ball rights reserved\b", re.I)),
    ("promo", re.compile(r"\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram|"
                         r"telegram|linkedin|threads|bluesky)\b", re.I)),
]

# Lines cut only when short: these words also occur in ordinary reporting.
_SHORT_WORDS = 30
_SHORT = [
    ("promo", re.compile(r"\b(?:newsletter|in your inbox|to your inbox|get stories|"
                         r"support (?:our|independent) journalism|become a (?:member|patron|"
                         r"subscriber)|make a (?:donation|contribution)|donate now|"
                         r"download (?:our|the) app|delivered (?:to|through|straight to) your|"
                         r"use (?:the )?code|for as little as|"
                         r"subscriptions? (?:service|plan|offer))\b", re.I)),
    ("promo", re.compile(r"^(?:advertisement|sponsored(?: content)?|story continues below|"
                         r"continue reading|scroll to continue|share this(?: article| story)?|"
                         r"share on \w+|print this|email this|skip (?:to content|advertisement)"
                         r")\W*$", re.I)),
    ("comments", re.compile(r"^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|"
                            r"add (?:a )?comment|post a comment|"
                            r"join the (?:conversation|discussion)|"
                            r"show comments|view comments|tell us what you think)\b", re.I)),
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)),
    ("self-link", re.compile(r"^visit\s+(?:us\s+at\s+)?(?:https?://|www\.)\S+\W*$", re.I)),
]

# Lead-ins of link lines that point to other stories; such a line may be glued to the next
# real paragraph ("...last yearThe corporation said"), which is then kept.
_LINK_LEAD = re.compile(
    r"^(?:also on\s+\S+\.[a-z]{2,}\b|also on\s+" + _NAME + r"\s*:|read (?:more|also)\b|"
    r"see also\b|related(?: articles?| stories| coverage| content| reading| news)?\s*:|"
    r"recommended(?: for you)?\s*:|more (?:from|on)\b.{0,40}:|you (?:may|might) also like\b|"
    r"don['’]t miss\s*(?::|$)|see more\s*:|watch\s*:|listen\s*:|opinion\s*:|"
    r".{3,200}\[[A-Z ]{2,20}\]\W*$)",
    re.I,
)
_GLUE = re.compile(r"(?<=[a-z0-9%)\]’'\"”?!.])(?=[A-Z][a-z]+\b)")
_CREDIT_LEAD = re.compile(
    r"^\(?(?:photo(?:graph)?s?|image|picture|pic|illustration|credit|video|source image)"
    r"(?:\s+(?:by|credit))?\s*[:©]", re.I
)
_CREDIT_TAIL = re.compile(
    r"(?:getty images|shutterstock|ap photo|afp photo|reuters|via [A-Z]\w+)\)?$", re.I
)
_TIME_LINE = re.compile(r"^(?:updated|published|posted|last updated)(?:\s+(?:at|on))?\s*:?\s*"
                        r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\W*$", re.I)
_GLUED_DATELINE = re.compile(r"^([A-Z][\w ,.'’-]{1,40}\([\w .&-]{2,40}\))(?=[A-Z\"“])")
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]+){0,5}$")
_URL_LINE = re.compile(r"^<?(?:https?://|www\.)[^\s<>]+>?$", re.I)
_URL_LABEL = re.compile(
    r"^(?:original|source|canonical|article)\s*(?:url|link|article)?\s*:\s*(?P<url><?(?:https?://|"
    r"www\.)[^\s<>]+>?)?$", re.I
)
_SOCIAL = {"share", "tweet", "email", "print", "facebook", "twitter", "whatsapp", "linkedin",
           "reddit", "telegram", "pinterest", "copy link", "save", "comment", "x"}

# Markdown residue: images, links, emphasis, headings, autolinks.
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]*|[^()]*\([^()]*\)[^()]*)\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^\s<>]+)>")
_MD_MARK = re.compile(r"[#!\[*_<]")  # a line without these has no Markdown to strip

# Text cues that name the outlet.
_PROMO_OUTLET = re.compile(
    r"\b(?:subscribe to|sign up (?:for|to)|follow)\s+(?:the\s+)?(?P<name>" + _NAME + r")"
    r"(?:\s*['’]s)?\s+(?:newsletter|daily|weekly|channel|podcast|updates|alerts|on\s)"
)
_MISSION_OUTLET = re.compile(r"^(?P<name>" + _NAME + r")\s*['’]s\s+mission\s+is\b")
_REPUBLISHED_FROM = re.compile(
    r"\b(?:republished|reprinted|reposted|syndicated|originally (?:published|appeared))\b"
    r"[^.]{0,120}?\b(?:on|at|by|from|in)\s+(?P<name>" + _NAME + r")\s*(?:[.,;(]|$|under|with)"
)
_REPUBLISHER = re.compile(
    r"\b(?:opinions|views)\s+(?:or\s+(?:views|opinions)\s+)?of\s+(?P<name>" + _NAME + r")"
    r"(?:,|\s+or\b|\s*\.|\s+its\b)"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<name>[A-Z][\w&.'’ -]{1,30})\)\s*[:\-–—]"
)


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    url: str | None = None  # the article's own URL, when the text states it
    original_outlet: str | None = None  # who first published it, when a disclaimer says so
    republished_by: str | None = None  # the site that republished it, when it says so
    named_outlet: str | None = None  # the outlet a dateline, promo or self-link names


def strip_markdown(line: str) -> tuple[str, bool]:
    """The line without Markdown markup, and whether it was a heading."""
    if not _MD_MARK.search(line):
        return line.strip(), False  # most lines: no character any rule below needs
    heading = bool(_MD_HEADING.match(line))
    line = _MD_HEADING.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPH.sub(r"\2", line)
    line = _AUTOLINK.sub(r"\1", line)
    return line.strip(), heading


# Characters outside Latin letters (Basic, Supplement, Extended A/B and Additional) and
# the general punctuation and currency blocks.
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")

# Scripts written together in one language count as one.
_SCRIPT_GROUP = {"CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK",
                 "HALFWIDTH": "CJK", "FULLWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}


@cache
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    script = name.split(" ")[0] if name else "UNKNOWN"
    return _SCRIPT_GROUP.get(script, script)


def script_share(text: str) -> tuple[str | None, float]:
    """The Unicode script (LATIN, ARABIC, CYRILLIC, CJK ...) of most letters, and its share."""
    counts: Counter[str] = Counter()
    for ch, n in Counter(text).items():  # each distinct character looked up once
        if ch.isalpha():
            counts[_script_of(ch)] += n
    if not counts:
        return None, 0.0
    script, count = counts.most_common(1)[0]
    return script, count / sum(counts.values())


def same_title(line: str, title: str) -> bool:
    """The page's title repeated as the first line, maybe with or without the site's name."""
    a, b = " ".join(line.casefold().split()), " ".join(title.casefold().split())
    if len(a.split()) > 40:
        return False
    return a == b or (len(a) >= 20 and (b.startswith(a) or a.startswith(b)))


def looks_like_title(line: str, blank_after: bool) -> bool:
    """A short line without final punctuation, set apart by a blank line."""
    words = line.split()
    return (
        blank_after
        and 2 <= len(words) <= 25
        and len(line) <= 200
        and line[-1] not in ".,;:"
        and not line[0].islower()
        and date_from_line(line) is None
        and _URL_LINE.match(line) is None
    )


def is_credit(line: str) -> bool:
    """Photo or video credits: "Name / Agency / Agency", "Photo: Agency"."""
    words = line.split()
    if not words or len(words) > 15:
        return False
    if _CREDIT_LEAD.match(line):
        return True
    if line.endswith((".", "?", "!", '"', "”")):
        return False
    parts = [p.strip() for p in re.split(r"\s+[/|]\s+|/", line) if p.strip()]
    if len(parts) >= 2 and all(1 <= len(p.split()) <= 4 for p in parts):
        return all(w[0].isupper() or w[0].isdigit() or w in {"de", "van", "von", "&", "for"}
                   for p in parts for w in p.split())
    return len(words) <= 6 and bool(_CREDIT_TAIL.search(line)) and line[0].isupper()


def classify_line(line: str) -> str | None:
    """Why a whole line is boilerplate, or None when it is content."""
    words = line.split()
    for reason, pattern in _ALWAYS:
        if pattern.search(line):
            return reason
    if len(words) <= _SHORT_WORDS:
        for reason, pattern in _SHORT:
            if pattern.search(line):
                return reason
    if _TIME_LINE.match(line):
        return "date"
    if _BYLINE.match(line):
        return "byline"
    if is_credit(line):
        return "credit"
    if len(words) <= 3 and line.lower().strip(" :|·•") in _SOCIAL:
        return "share"
    return None


def split_link_line(line: str) -> tuple[str, str] | None:
    """(link part, kept rest) for a related-link line; rest is "" when nothing was glued on."""
    if not _LINK_LEAD.match(line):
        return None
    for glue in _GLUE.finditer(line):
        head, rest = line[: glue.start()], line[glue.start() :]
        left_word = head.split()[-1] if head.split() else ""
        if len(head.split()) >= 3 and len(rest.split()) >= 6 and not left_word[:1].isupper():
            return head.strip(), rest.strip()
    if len(line.split()) <= 40:
        return line, ""
    return None


def _republishing_cues(lines: list[str]) -> tuple[str | None, str | None]:
    original = republisher = None
    for line in lines:
        if original is None and (m := _REPUBLISHED_FROM.search(line)):
            original = canonical_outlet(m.group("name"))
        if republisher is None and (m := _REPUBLISHER.search(line)):
            republisher = canonical_outlet(m.group("name"))
    return original, republisher


def clean_text(
    text: str, *, known_title: str | None = None, find_title: bool = True, url: str | None = None
) -> Cleaned:
    """Clean one article's text; paragraphs come back separated by blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    raw_lines = text.split("\n")
    # (line, heading, blank line after)
    lines: list[tuple[str, bool, bool]] = []
    for i, raw in enumerate(raw_lines):
        stripped, heading = strip_markdown(" ".join(raw.split()))
        if not stripped:
            continue
        blank_after = i + 1 < len(raw_lines) and not raw_lines[i + 1].strip()
        lines.append((stripped, heading, blank_after))

    result = Cleaned(text="")
    body_script, body_share = script_share(" ".join(line for line, _, _ in lines))
    if body_share < 0.8:
        body_script = None  # a mixed-script body: no line is foreign to it
    if lines:
        first, heading, blank_after = lines[0]
        if known_title and same_title(first, known_title):
            lines = lines[1:]
        elif find_title and len(lines) > 1 and (heading or looks_like_title(first, blank_after)):
            result.title = first
            lines = lines[1:]

    if lines:  # "Hong Kong (CNN Business)A muddled view": a dateline glued to its sentence
        lines[0] = (_GLUED_DATELINE.sub(r"\1 ", lines[0][0]), lines[0][1], lines[0][2])
    kept: list[str] = []
    cut: list[str] = []
    foreign: set[int] = set()  # kept lines in another script than the body's
    own_host = hostname(url)
    expect_url = False
    for line, _heading, _ in lines:
        if (label := _URL_LABEL.match(line)) is not None:
            cut.append(line)
            found = label.group("url")
            if found:
                result.url = result.url or found.strip("<>")
            expect_url = not found
            continue
        if _URL_LINE.match(line) and (expect_url or hostname(line.strip("<>")) == own_host):
            cut.append(line)
            if expect_url and result.url is None:
                result.url = line.strip("<>")
            expect_url = False
            continue
        expect_url = False
        if result.published is None and (day := date_from_line(line)) is not None:
            result.published = day
            cut.append(line)
            continue
        if date_from_line(line) is not None:
            cut.append(line)
            continue
        # A line of Latin letters, punctuation and symbols only is Latin: look up scripts
        # only for other lines.
        if (body_script and not (body_script == "LATIN" and not _BEYOND_LATIN.search(line))
                and script_share(line)[0] not in (None, body_script)):
            foreign.add(len(kept))
        if (split := split_link_line(line)) is not None:
            head, rest = split
            cut.append(head)
            if rest:
                kept.append(rest)
            continue
        if classify_line(line) is not None:
            cut.append(line)
            continue
        kept.append(line)

    # A trailing run of lines in another script is a widget (comments, share buttons) in the
    # site's language; the same lines inside the article are quotations and stay.
    tail = len(kept)
    while tail > 0 and tail - 1 in foreign:
        tail -= 1
    cut.extend(kept[tail:])
    del kept[tail:]
    result.removed = cut
    result.text = "\n\n".join(kept)
    result.original_outlet, result.republished_by = _republishing_cues(cut)
    result.named_outlet = named_outlet(kept, cut)
    return result


_SELF_LINK = re.compile(r"(?:^also on\s+|^visit\s+(?:us\s+at\s+)?|https?://)(?P<host>[\w.-]+\.[a-z]{2,})",
                        re.I)


def named_outlet(kept: list[str], cut: list[str]) -> str | None:
    """The outlet a dateline, a promo, a mission statement or a self-link names."""
    if kept and (m := _DATELINE.match(kept[0])):
        return canonical_outlet(m.group("name"))
    for line in cut:
        if (m := _PROMO_OUTLET.search(line)) or (m := _MISSION_OUTLET.match(line)):
            return canonical_outlet(m.group("name"))
    for line in cut:
        if (m := _SELF_LINK.search(line)) is not None:
            return outlet_from_url(m.group("host"))
    return None
