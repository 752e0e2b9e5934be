"""PLACEHOLDER (owner: reports helper)."""

from newsprism.model import Brief


def to_markdown(brief: Brief) -> str:
    return f"# {brief.story.headline}\n"
