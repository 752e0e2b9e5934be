"""The web load test: small bounded runs over a temporary store or an existing one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.bench.common import BenchDataError
from newsprism.bench.web_load import percentile, run
from newsprism.cli import app
from newsprism.model import RawDocument

HARBOUR = (
    "Council approves harbour budget\n\nThe city council approved the harbour budget on "
    "Tuesday. Mayor Ann Lee said the plan would cost 12 million euros."
)
HARBOUR_AGAIN = (
    "Harbour plan passes\n\nCouncillors backed the harbour plan on Tuesday, though the "
    "opposition leader said the cost was closer to 20 million euros."
)
ENDPOINTS = {
    "story list",
    "search: words",
    "search: entity",
    "story JSON",
    "brief JSON",
    "story page",
    "article JSON",
    "article page",
}


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([], 0.95) == 0.0


def test_small_run_answers_every_request(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HARBOUR_AGAIN, encoding="utf-8")
    result = run(tmp_path, limit=24, threads=2, time_cap_s=60)
    assert result["items"] == 24
    assert result["ours"]["errors"] == 0, result["notes"]
    assert result["ours"]["p99_ms"] >= result["ours"]["p95_ms"] >= result["ours"]["p50_ms"] > 0
    assert set(result["endpoints"]) >= ENDPOINTS
    assert sum(e["requests"] for e in result["endpoints"].values()) == 24


def test_cli_reads_an_existing_store(tmp_path: Path) -> None:
    from newsprism.web.store_backend import StoreBackend

    url = f"sqlite:///{tmp_path / 'store.db'}"
    backend = StoreBackend(url)
    try:
        docs = [
            RawDocument(source="test:a", text=HARBOUR, outlet="Daily Example"),
            RawDocument(source="test:b", text=HARBOUR_AGAIN, outlet="Evening Example"),
        ]
        assert backend.ingest(docs).article_ids
    finally:
        backend.close()
    result = CliRunner().invoke(app, ["bench", "web-load", "--db", url, "--limit", "20", "--json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["task"] == "web-load" and out["items"] == 20
    assert out["ours"]["errors"] == 0 and out["ours"]["requests_per_s"] > 0
    assert out["notes"][0].startswith("store: 2 articles")
    assert "search: outlet" in out["endpoints"]


def test_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="no such folder"):
        run(tmp_path / "nothing", limit=1)
    result = CliRunner().invoke(app, ["bench", "stance", "--db", "sqlite:///x.db"])
    assert result.exit_code == 2 and "--db is for web-load" in result.stderr
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    result = CliRunner().invoke(app, ["bench", "web-load", "--db", empty, "--limit", "1"])
    assert result.exit_code == 2 and "holds no stories" in result.stderr
