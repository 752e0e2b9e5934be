"""The command line: the brief of files given on it, with stage timings and clear errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

STORY = (
    "The city council approved a new budget for public schools on Tuesday after a long "
    "debate, council member Ana Ortiz said.\nCritics said the budget was too small."
)


def test_brief_of_a_folder_writes_markdown_and_times_every_stage(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Tuesday", "Wednesday"), "utf-8")
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(
        app, ["brief", str(tmp_path), "-f", "md", "-o", str(out), "--timings"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("# ")
    for stage in ("ingest", "nlp", "quotes", "conflicts", "summary", "render", "total"):
        assert f"newsprism: {stage}" in result.stderr


def test_brief_of_a_missing_path_says_why_with_exit_code_2(tmp_path: Path) -> None:
    # main() prints the error's message and exits with its code
    result = CliRunner().invoke(app, ["brief", str(tmp_path / "missing")], standalone_mode=False)
    assert "missing: no such file or folder" in str(result.exception)
    assert getattr(result.exception, "exit_code", None) == 2
