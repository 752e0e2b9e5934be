"""``newsprism bench``: each task on a small slice of real data, and clear failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.bench import cli as bench_cli
from newsprism.cli import app

DATA = Path(__file__).parents[2] / ".." / "shared" / "data"
runner = CliRunner()


def bench(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["bench", *args])
    return result.exit_code, result.stdout, result.stderr


def needs(folder: str) -> Path:
    path = DATA / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent (../shared/data must sit beside the repository)")
    return path


def check_shape(out: dict, task: str, items: int) -> None:
    assert out["task"] == task and out["items"] == items
    assert isinstance(out["ours"], dict) and out["ours"]
    assert isinstance(out["peers"], dict)
    assert "ours" in out["seconds"] and all(s >= 0 for s in out["seconds"].values())


def test_extract_small_slice() -> None:
    code, stdout, _ = bench("extract", "--data", str(needs("article-extraction")),
                            "--limit", "2", "--json")
    assert code == 0
    out = json.loads(stdout)
    check_shape(out, "extract", 2)
    for values in [out["ours"], *out["peers"].values()]:
        assert set(values) == {"f1", "precision", "recall"}
        assert all(0.0 <= v <= 1.0 for v in values.values())
    assert "trafilatura" in out["peers"] and "file:trafilatura" in out["peers"]
    # The live trafilatura run reproduces the benchmark's own trafilatura output closely.
    assert out["peers"]["trafilatura"]["f1"] == pytest.approx(
        out["peers"]["file:trafilatura"]["f1"], abs=0.1
    )
    assert out["ours"]["f1"] > 0.5


def test_stance_small_slice() -> None:
    code, stdout, _ = bench("stance", "--data", str(needs("fnc-1")), "--limit", "3", "--json")
    assert code == 0
    out = json.loads(stdout)
    check_shape(out, "stance", 3)
    assert {"always-unrelated", "fnc1-baseline"} <= set(out["peers"])
    for values in [out["ours"], *out["peers"].values()]:
        assert 0.0 <= values["score"] <= 100.0
        for label in ("agree", "disagree", "discuss", "unrelated"):
            assert 0.0 <= values[f"f1_{label}"] <= 1.0


def test_speed_small_slice() -> None:
    needs("article-extraction")
    code, stdout, stderr = bench("speed", "--data", str(DATA), "--limit", "2", "--json")
    assert code == 0
    out = json.loads(stdout)
    # Each stage says on stderr when it ends, so a long run is never silent.
    assert "nlp: 2 articles" in stderr and "brief (all stages)" in stderr
    check_shape(out, "speed", 2)
    assert out["ours"]["articles_per_s"] > 0 and out["ours"]["peak_rss_mb"] > 0
    assert {"extraction", "cleaning", "nlp", "brief (all stages)"} <= set(out["stages"])
    assert {"trafilatura (extraction only)", "spaCy parse only"} <= set(out["peers"])
    for stage in out["stages"].values():
        assert stage["ms_per_article"] >= 0 and stage["peak_rss_mb"] > 0


def test_scale_small_slice() -> None:
    needs("polnear")
    code, stdout, _ = bench("scale", "--data", str(DATA), "--limit", "12", "--json")
    assert code == 0
    out = json.loads(stdout)
    runs = {r.get("input") or f"{r['articles']}-{r['cluster']}": r for r in out["runs"]}
    # Synthesised articles without and with clustering, then `ingest` on HTML pages.
    assert {"12-False", "12-True", "html_news_pages"} <= set(runs)
    pages = runs["html_news_pages"]
    assert pages["articles"] == 12 and pages["new"] >= 10 and pages["articles_per_s"] > 0
    assert out["ours"]["html_news_pages_articles_per_s"] > 0
    if (DATA / "article-extraction").is_dir():  # the same articles in real pages' shells
        shells = runs["html_real_shells"]
        assert shells["articles"] == 12 and shells["new"] >= 10 and shells["shells"] == 12
        assert out["ours"]["html_real_shells_articles_per_s"] > 0


def test_table_output_names_every_system(tmp_path: Path) -> None:
    code, stdout, _ = bench("extract", "--data", str(needs("article-extraction")),
                            "--limit", "1")
    assert code == 0
    assert "newsprism" in stdout and "readability-lxml" in stdout


@pytest.mark.parametrize("task", ["extract", "stance", "summarize", "cluster", "quotes"])
def test_missing_data_folder_exits_2(task: str, tmp_path: Path) -> None:
    code, _, stderr = bench(task, "--data", str(tmp_path / "nowhere"))
    assert code == 2
    assert "no such folder" in stderr and "Traceback" not in stderr


def test_wrong_layout_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a data set", encoding="utf-8")
    code, _, stderr = bench("stance", "--data", str(tmp_path))
    assert code == 2
    assert "not in the fnc-1 layout" in stderr and "train_bodies.csv" in stderr


def test_default_data_missing_is_explained(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = bench("extract")
    assert code == 2 and "--data" in stderr


def test_task_without_module_is_reported_not_crashed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(bench_cli.TASKS, "nosuchtask", ("", [], "a task not written yet"))
    with pytest.raises(bench_cli.NewsprismError, match="not available yet"):
        bench_cli.run_task("nosuchtask", tmp_path, None, as_json=True)
