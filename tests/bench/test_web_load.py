"""The web load test: a tiny bounded run over a temporary store, and its clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.common import BenchDataError
from newsprism.bench.web_load import percentile, run


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([], 0.95) == 0.0


def test_small_run_answers_every_request(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Council approves harbour budget\n\nThe city council approved the harbour budget on "
        "Tuesday. Mayor Ann Lee said the plan would cost 12 million euros.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Harbour plan passes\n\nCouncillors backed the harbour plan on Tuesday, though the "
        "opposition leader said the cost was closer to 20 million euros.",
        encoding="utf-8",
    )
    result = run(tmp_path, limit=12, threads=2, time_cap_s=30)
    assert result["items"] == 12
    assert result["ours"]["errors"] == 0
    assert result["ours"]["p95_ms"] >= result["ours"]["p50_ms"] > 0


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="no such folder"):
        run(tmp_path / "nothing", limit=1)
