"""The store on real text: idempotent ingest, syndicated copies, schema by migration."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store.db import normalise_url, open_store
from newsprism.store.ingest import ingest_articles
from newsprism.store.models import ArticleRow, MinhashBand
from tests.conftest import shared_path


def seed_articles() -> list[Article]:
    folder = shared_path("corpus", "seeds")
    articles = []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".txt":
            continue
        text = path.read_text("utf-8")
        articles.append(Article(id=f"a-{path.stem}", file=path.name, text=text))
    if len(articles) < 3:
        pytest.skip("the seed corpus has fewer than 3 text articles")
    return articles


def polnear_texts(n: int) -> list[tuple[str, str]]:
    folder = shared_path("data", "polnear", "train", "text")
    files = sorted(folder.glob("*.txt"))[:n]
    return [(f.stem, f.read_text("utf-8")) for f in files]


def test_postgres_urls_use_psycopg() -> None:
    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("store.db") == "sqlite:///store.db"


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(NewsprismError, match="cannot open the store"):
        open_store("postgresql://nobody:x@127.0.0.1:9/none")
    with pytest.raises(NewsprismError, match="unsupported database"):
        open_store("mysql://u@h/db")


def test_ingest_twice_keeps_one_copy(db_url: str) -> None:
    articles = seed_articles()
    store = open_store(db_url)
    first = ingest_articles(store, articles, cluster=False)
    again = ingest_articles(store, articles, cluster=False)
    # The same text under another id and file name is still the same article.
    renamed = [a.model_copy(update={"id": a.id + "-x", "file": "copy.txt"}) for a in articles]
    third = ingest_articles(store, renamed, cluster=False)
    with store.session() as session:
        stored = session.scalar(select(func.count()).select_from(ArticleRow))
    store.close()
    assert (first.new, first.duplicate) == (len(articles), 0)
    assert (again.new, again.duplicate) == (0, len(articles))
    assert (third.new, third.duplicate) == (0, len(articles))
    assert stored == len(articles)


def test_reopening_runs_no_migration_twice(db_url: str) -> None:
    open_store(db_url).close()
    store = open_store(db_url)
    ingest_articles(store, seed_articles()[:1], cluster=False)
    with store.session() as session:
        assert (session.scalar(select(func.count()).select_from(MinhashBand)) or 0) > 0
    store.close()


def republished(text: str) -> str:
    """A republication: a disclaimer on top, two words changed, the last paragraph cut."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(paragraphs[:-1]) if len(paragraphs) > 4 else text
    body = body.replace(" said ", " says ", 1).replace(" the ", " a ", 1)
    return (
        "This article was originally published by another outlet and is republished here.\n" + body
    )


def test_republished_copy_links_to_its_origin(db_url: str) -> None:
    (name, original), (_, unrelated) = polnear_texts(2)
    origin = Article(id="a-origin", file=f"{name}.txt", text=original, outlet="First Outlet")
    copy = Article(id="a-copy", file="copy.txt", text=republished(original), outlet="Second Outlet")
    other = Article(id="a-other", file="other.txt", text=unrelated)
    store = open_store(db_url)
    counts = ingest_articles(store, [origin, other, copy], cluster=False)
    # A second copy links to the origin, not to the first copy.
    copy2 = Article(id="a-copy2", file="c2.txt", text=republished(copy.text) + "\nMore.")
    ingest_articles(store, [copy2], cluster=False)
    with store.session() as session:
        origins = dict(session.execute(select(ArticleRow.id, ArticleRow.origin_id)).tuples().all())
    store.close()
    assert counts.new == 3 and counts.syndicated == 1
    assert origins == {
        "a-origin": None,
        "a-other": None,
        "a-copy": "a-origin",
        "a-copy2": "a-origin",
    }


def test_an_older_copy_becomes_the_origin(db_url: str) -> None:
    from datetime import date

    ((_, text),) = polnear_texts(1)
    late = Article(id="a-late", text=republished(text), published=date(2016, 5, 3))
    early = Article(id="a-early", text=text, published=date(2016, 5, 1))
    store = open_store(db_url)
    ingest_articles(store, [late], cluster=False)
    ingest_articles(store, [early], cluster=False)
    with store.session() as session:
        origins = dict(session.execute(select(ArticleRow.id, ArticleRow.origin_id)).tuples().all())
    store.close()
    assert origins == {"a-early": None, "a-late": "a-early"}


def test_copies_within_one_batch_link_and_share_the_story(db_url: str) -> None:
    """Near copies in the batch that stores their origin are found before any row is
    written: the older text becomes the origin, and every copy lands in its story."""
    from datetime import date

    ((_, text), (_, other)) = polnear_texts(2)
    late = Article(id="a-late", text=republished(text), published=date(2016, 5, 3))
    early = Article(id="a-early", text=text, published=date(2016, 5, 1))
    later = Article(id="a-later", text=republished(text) + "\nMore.", published=date(2016, 5, 4))
    unrelated = Article(id="a-unrelated", text=other)
    store = open_store(db_url)
    counts = ingest_articles(store, [late, unrelated, early, later])
    with store.session() as session:
        rows = {r.id: (r.origin_id, r.story_id) for r in session.scalars(select(ArticleRow))}
    store.close()
    assert counts.new == 4
    assert {k: v[0] for k, v in rows.items()} == {
        "a-early": None,
        "a-late": "a-early",
        "a-later": "a-early",
        "a-unrelated": None,
    }
    assert rows["a-late"][1] == rows["a-later"][1] == rows["a-early"][1] is not None
    assert rows["a-unrelated"][1] != rows["a-early"][1]


def test_cli_ingest_and_stories(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from newsprism.cli import app

    folder = shared_path("corpus", "seeds")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--db", url, "-q"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", url])
    assert again.exit_code == 0
    assert "0 new" in again.output
    listed = runner.invoke(app, ["stories", "--db", url, "--json"])
    stories = json.loads(listed.stdout)
    # The seeds are five articles on one story.
    assert len(stories) == 1 and stories[0]["size"] >= 4
    reclustered = runner.invoke(app, ["recluster", "--db", url])
    assert reclustered.exit_code == 0
    assert "5 articles in 1 story" in reclustered.output


def test_sources_are_read_file_by_file_and_counted(tmp_path: Path) -> None:
    """Ingest reads an input only when the workers need it; the expected total starts at one
    per file and ends at the documents found, and a broken file is one problem line."""
    import json

    from newsprism.store.commands import SourceReader

    seeds = sorted(shared_path("corpus", "seeds").iterdir())[:2]
    for path in seeds:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    texts = [p.read_text("utf-8") for p in seeds]
    lines = [json.dumps({"title": f"Copy {i}", "text": t}) for i, t in enumerate(texts)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), "utf-8")
    (tmp_path / "broken.html").write_bytes(bytes(range(256)) * 20)
    files = [tmp_path / p.name for p in seeds] + [tmp_path / "feed.jsonl", tmp_path / "broken.html"]
    reader = SourceReader([str(f) for f in files])
    assert reader.expected == 4 and reader.problems == []
    stream = iter(reader)
    first = next(stream)
    assert first.file == seeds[0].name and reader.problems == []  # the broken file: not yet
    documents = [first, *stream]
    assert [d.title for d in documents[2:]] == ["Copy 0", "Copy 1"]
    assert reader.expected == len(documents) == 4  # 1 + 1 + 2 + 0 documents
    assert len(reader.problems) == 1 and "broken.html" in reader.problems[0]


def test_reading_stored_vectors_loads_no_embedding_runtime() -> None:
    """The store checks a stored vector's width without importing onnxruntime, which the
    web app and `newsprism stories` never need."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsprism.store.repository import vector_from\n"
        "assert vector_from(bytes(256 * 4)).size == 256 and not vector_from(bytes(384 * 4)).size\n"
        "print(sorted(m for m in sys.modules if m.startswith(('onnxruntime', 'newsprism.nlp'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
