"""kill -9 in the middle of an ingest of 10,000 articles, then a restart: each stored once."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsprism.store.db import open_store
from newsprism.store.models import ArticleRow
from tests.conftest import shared_path

N_ARTICLES = 10_000


def real_sentences() -> list[str]:
    folder = shared_path("data", "polnear", "train", "text")
    sentences: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 8)
    return list(dict.fromkeys(sentences))


def write_articles(path: Path) -> None:
    """10,000 small articles of three real sentences each; no two share more than one."""
    sentences = real_sentences()
    n = len(sentences)
    if n < 12_000:
        pytest.skip(f"only {n} distinct sentences in polnear")
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_ARTICLES):
            text = " ".join(sentences[(i + k) % n] for k in (0, 3331, 7919))
            out.write(json.dumps({"title": f"Item {i}", "text": text}) + "\n")


def stored(url: str) -> tuple[int, int]:
    store = open_store(url, migrate=False)
    try:
        with store.session() as session:
            rows = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
            hashes = session.scalar(select(func.count(func.distinct(ArticleRow.content_hash)))) or 0
    except Exception:  # the schema may not exist yet in the first second
        return 0, 0
    finally:
        store.close()
    return int(rows), int(hashes)


def survivors(source: Path) -> list[int]:
    """Processes still running an ingest of ``source``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if proc.name.isdigit() and str(source).encode() in cmdline:
            found.append(int(proc.name))
    return found


def ingest_command(source: Path, url: str) -> list[str]:
    code = "from newsprism.cli import main; main()"
    return [sys.executable, "-c", code, "ingest", str(source), "--db", url, "--no-cluster", "-q"]


@pytest.mark.slow
def test_kill_during_ingest_then_resume(db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    write_articles(source)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        ingest_command(source, db_url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 300
    while stored(db_url)[0] < 500 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert process.poll() is None, "ingest ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # Its extraction workers die with it: one left behind would keep the killed run's
    # database connection, and its locks, open.
    deadline = time.monotonic() + 10
    while survivors(source) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not survivors(source)
    before, _ = stored(db_url)
    assert 0 < before < N_ARTICLES

    restart = subprocess.run(
        ingest_command(source, db_url), env=env, capture_output=True, text=True, timeout=1200
    )
    assert restart.returncode == 0, restart.stderr[-2000:]
    # A few synthetic articles are only boilerplate to the cleaner ("Sign up to get an
    # email ..." opens them): both runs report those as skipped, and never store them.
    match = re.search(r"(\d+) skipped", restart.stderr)
    skipped = int(match.group(1)) if match else 0
    assert skipped < N_ARTICLES // 100
    rows, distinct = stored(db_url)
    assert rows == distinct == N_ARTICLES - skipped
    assert f"{N_ARTICLES - skipped - before} new" in restart.stderr
