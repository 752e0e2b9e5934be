"""The brief as Markdown: conflicts first, every statement cited as [n] to a numbered article list.

Article text is untrusted: every piece of it is backslash-escaped (CommonMark lets any ASCII
punctuation be escaped), so no ``<tag>``, link or emphasis in an article survives as markup.
"""

from __future__ import annotations

import re

from newsprism.model import Brief
from newsprism.report.view import (
    ArticleView,
    BriefView,
    Rendering,
    SpeakerView,
    build_view,
    counted,
)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
_LINE_START_MARK = re.compile(r"^(\s*)([-+=])")
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: str | None, line_start: bool = False) -> str:
    """Inline text safe in Markdown: special characters escaped, newlines folded.

    ``line_start``: the text begins a line, so a leading list or heading marker is escaped too.
    """
    if not text:
        return ""
    escaped = _escape_run(text).strip()
    return _escape_line_start(escaped) if line_start else escaped


def _escape_run(text: str) -> str:
    """Special characters escaped, whitespace runs folded to one space (edges kept)."""
    return _INLINE_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _escape_line_start(text: str) -> str:
    """A leading list, heading or quote marker escaped so the line stays a paragraph."""
    text = _LINE_START_MARK.sub(r"\1\\\2", text)
    return _LINE_START_NUMBER.sub(r"\1\\\2", text)


def _refs(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers) if numbers else "(no article)"


def _none(what: str) -> list[str]:
    return [f"_No {what} found._", ""]


def to_markdown(brief: Brief) -> str:
    view = build_view(brief)
    lines: list[str] = [f"# {md_escape(view.headline)}", ""]
    lines += _header(view)
    lines += _conflicts(view)
    lines += _quotes(view)
    lines += _coverage(view)
    lines += _timeline(view)
    lines += _framing(view)
    lines += _summary(view)
    lines += _articles(view)
    return "\n".join(lines).rstrip() + "\n"


def _header(view: BriefView) -> list[str]:
    span = ""
    if view.first_seen:
        span = f", {view.first_seen}"
        if view.last_seen and view.last_seen != view.first_seen:
            span += f" to {view.last_seen}"
    outlets = ", ".join(md_escape(o) for o in view.outlets)
    quotes = sum(s.count for s in view.speakers)
    return [
        f"{counted(len(view.articles), 'article')} from {counted(len(view.outlets), 'source')}"
        f"{span}: {outlets}.",
        "",
        f"{counted(len(view.conflicts), 'conflict')}, {counted(quotes, 'quote')}, "
        f"{counted(len(view.claims), 'claim')}. "
        "Numbers in brackets cite the articles listed at the end.",
        "",
    ]


def _conflicts(view: BriefView) -> list[str]:
    lines = ["## Where the sources disagree", ""]
    if not view.conflicts:
        return lines + _none("conflicts between the sources")
    for n, c in enumerate(view.conflicts, start=1):
        lines.append(f"### {n}. {c.label}")
        lines.append("")
        for tag, side in (("A", c.a), ("B", c.b)):
            claim = f" (claim {side.claim})" if side.claim else ""
            lines.append(
                f"- **{tag}: {md_escape(side.speaker)}**: {md_escape(side.text)} "
                f"{_refs(side.refs)}{claim}"
            )
        lines += ["", md_escape(c.explanation, line_start=True), ""]
    return lines


def _speaker_block(s: SpeakerView) -> list[str]:
    head = f"### {md_escape(s.speaker)}"
    if s.description:
        head += f" ({md_escape(s.description)})"
    lines = [head, ""]
    for group in s.groups:
        if len(group.renderings) == 1:
            r = group.renderings[0]
            lines.append(f"- “{md_escape(r.text)}” ({_how(r)}) [{r.ref}]")
            continue
        note = "renderings differ" if group.differs else "same wording"
        lines.append(f"- Carried by {counted(len(group.outlets), 'outlet')} ({note}):")
        for r in group.renderings:
            lines.append(f"  - {md_escape(r.outlet)}: “{md_escape(r.text)}” ({_how(r)}) [{r.ref}]")
    lines.append("")
    return lines


def _how(r: Rendering) -> str:
    parts = [r.kind]
    if r.cue:
        parts.append(md_escape(r.cue))
    if r.via:
        parts.append(f"via {md_escape(r.via)}")
    if r.source:
        parts.append(f"source: {md_escape(r.source)}")
    return ", ".join(parts)


def _quotes(view: BriefView) -> list[str]:
    lines = ["## Who said what", ""]
    if not view.speakers:
        return lines + _none("quotes")
    for s in view.speakers:
        lines += _speaker_block(s)
    return lines


def _coverage(view: BriefView) -> list[str]:
    lines = ["## Which source carried which claim", ""]
    if not view.claims:
        return lines + _none("claims")
    header = ["#", "Claim", *(md_escape(c.label) for c in view.columns)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    marks = {"carried": "✔ carried", "missing": "— missing", "contradicted": "✘ contradicts"}
    for row in view.claims:
        who = f"{md_escape(row.speaker)}: " if row.speaker else ""
        cells = [str(row.number), f"{who}{md_escape(row.text)} {_refs(row.refs)}"]
        cells += [marks[c] for c in row.cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _timeline(view: BriefView) -> list[str]:
    lines = ["## Timeline", ""]
    if not view.timeline:
        return lines + _none("dated events")
    for t in view.timeline:
        precision = "" if t.precision == "day" else f" ({t.precision})"
        lines.append(
            f"- **{md_escape(t.date)}**{precision}: {md_escape(t.text)} {_refs(t.refs)}"
            f" (date from: {md_escape(t.basis)})"
        )
    lines.append("")
    return lines


def _framing(view: BriefView) -> list[str]:
    lines = ["## Framing: each outlet's own words", ""]
    if not view.framing:
        return lines + _none("framing differences")
    for outlet in view.framing:
        lines.append(f"### {md_escape(outlet.outlet)}")
        lines.append("")
        for item in outlet.items:
            target = f" for {md_escape(item.refers_to)}" if item.refers_to else ""
            others = (
                "; others say " + ", ".join(f"“{md_escape(o)}”" for o in item.others_say)
                if item.others_say
                else ""
            )
            lines.append(f"- “{md_escape(item.term)}”{target}{others} {_refs(item.refs)}")
        lines.append("")
    return lines


def _summary(view: BriefView) -> list[str]:
    lines = ["## Summary", ""]
    if not view.summary:
        return lines + _none("summary sentences")
    text = " ".join(f"{md_escape(s.text)} {_refs(s.refs)}" for s in view.summary)
    lines.append(_escape_line_start(text))
    lines.append("")
    return lines


def _article_text(article: ArticleView) -> list[str]:
    """The clean text as a block quote, quoted spans in bold, one paragraph per line."""
    paragraphs: list[str] = []
    current = ""
    for seg in article.segments:
        pieces = seg.text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:
                paragraphs.append(current)
                current = ""
            escaped = _escape_run(piece)
            if seg.quote is not None and escaped.strip():
                lead, core, trail = _strip_edges(escaped)
                escaped = f"{lead}**{core}**{trail}"
            current += escaped
    paragraphs.append(current)
    out: list[str] = []
    for p in paragraphs:
        if p.strip():
            out += [f"> {_escape_line_start(p.strip())}", ">"]
    return out[:-1] if out else ["> (no text)"]


def _strip_edges(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.find(core)
    return text[:start], core, text[start + len(core) :]


def _articles(view: BriefView) -> list[str]:
    lines = ["## Articles", ""]
    if not view.articles:
        return lines + _none("articles")
    for a in view.articles:
        title = md_escape(a.title) if a.title else "(untitled)"
        lines.append(f"### [{a.number}] {md_escape(a.outlet)}: {title}")
        lines.append("")
        meta = [f"Published: {a.published or 'unknown'}"]
        if a.published and a.published_source:
            meta[0] += f" (from {a.published_source})"
        if a.link:
            meta.append(f"URL: <{a.link}>")
        elif a.url:
            meta.append(f"URL (not a web address, not linked): {md_escape(a.url)}")
        if a.file:
            meta.append(f"File: {md_escape(a.file)}")
        lines += ["  \n".join(meta), ""]
        lines += _article_text(a)
        lines.append("")
    return lines
