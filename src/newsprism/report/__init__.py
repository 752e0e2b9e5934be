"""The brief for programs (JSON) and for people (Markdown, a self-contained HTML file)."""

from __future__ import annotations

from newsprism.model import Brief


def render(brief: Brief, fmt: str) -> str:
    if fmt == "json":
        from newsprism.report.jsonout import to_json

        return to_json(brief)
    if fmt == "md":
        from newsprism.report.markdown import to_markdown

        return to_markdown(brief)
    if fmt == "html":
        from newsprism.report.html import to_html

        return to_html(brief)
    raise ValueError(f"unknown format {fmt!r}")
