"""PLACEHOLDER (owner: reports helper)."""

from html import escape

from newsprism.model import Brief


def to_html(brief: Brief) -> str:
    return f"<!doctype html><title>{escape(brief.story.headline)}</title>"
