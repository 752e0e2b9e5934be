"""Readers, HTML extraction, metadata and boilerplate cleaning: files in, Articles out.

PLACEHOLDER body (owner: ingest helper): reads .txt files only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import NoReadableInput
from newsprism.model import Article, stable_id


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, naming the file


def read_articles(paths: list[Path]) -> ReadResult:
    result = ReadResult()
    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*.txt")))
    for f in files:
        text = f.read_text("utf-8")
        result.articles.append(Article(id=stable_id("a", f.name, text), file=f.name, text=text))
    if not result.articles:
        raise NoReadableInput("no readable articles in " + ", ".join(map(str, paths)))
    return result
