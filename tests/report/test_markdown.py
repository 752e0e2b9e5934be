"""The Markdown brief: conflicts first, every statement cited, article text escaped."""

from __future__ import annotations

import re

from newsprism.model import Brief
from newsprism.report.markdown import md_escape, to_markdown


def _section(md: str, title: str) -> str:
    start = md.index(f"## {title}")
    nxt = md.find("\n## ", start + 1)
    return md[start : nxt if nxt != -1 else len(md)]


def test_sections_come_in_order_with_conflicts_first(brief: Brief) -> None:
    md = to_markdown(brief)
    headings = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    assert headings == [
        "Where the sources disagree",
        "Who said what",
        "Which source carried which claim",
        "Timeline",
        "Framing: each outlet's own words",
        "Summary",
        "Articles",
    ]
    assert md.startswith("# Russia denies pulling advisers out of Venezuela\n")


def test_conflicts_show_kind_both_sides_speakers_and_citations(brief: Brief) -> None:
    conflicts = _section(to_markdown(brief), "Where the sources disagree")
    assert "### 1. Contradiction" in conflicts
    assert "### 3. Quote rendered differently" in conflicts
    assert "### 4. Different scope" in conflicts
    assert (
        "- **A: The Wall Street Journal**: Rostec cut its staff in Venezuela from about 1,000 "
        "to a few dozen. [1][3] (claim 1)" in conflicts
    )
    assert "- **B: Vladimir Zaemsky**: there is no talk of any cuts [2] (claim 3)" in conflicts
    assert "The ambassador denies the cuts the WSJ reported." in conflicts


def test_quotes_grouped_by_speaker_with_variants_across_outlets(brief: Brief) -> None:
    quotes = _section(to_markdown(brief), "Who said what")
    rostec = quotes[quotes.index("### Rostec") : quotes.index("### Mark Galeotti")]
    # The quote-variant conflict ties RT's and Sputnik's renderings into one statement.
    assert "Carried by 2 outlets (renderings differ):" in rostec
    assert "  - RT: “The figures provided" in rostec
    assert "  - Sputnik: “the number of its employees" in rostec
    assert rostec.index("RT:") < rostec.index("Sputnik:")
    assert "(direct, stated) [1]" in rostec


def test_coverage_matrix_marks_carried_missing_and_contradicting(brief: Brief) -> None:
    table = _section(to_markdown(brief), "Which source carried which claim")
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert rows[0] == "| # | Claim | RT | Sputnik | The Moscow Times |"
    first = rows[1].split(" | ")
    assert first[-3:] == ["✔ carried", "— missing", "✔ carried |"]
    # Claim 2 (Rostec: unchanged) is opposed by the WSJ claim that only The Moscow Times carries.
    assert rows[2].endswith("| ✔ carried | — missing | ✘ contradicts |")


def test_timeline_sorted_with_basis_framing_and_summary_cited(brief: Brief) -> None:
    md = to_markdown(brief)
    timeline = _section(md, "Timeline")
    assert timeline.index("2019-06-02") < timeline.index("2019-06-03")
    assert "(date from: 'Sunday' in the text)" in timeline
    framing = _section(md, "Framing: each outlet's own words")
    assert "### RT" in framing
    assert "- “self-proclaimed” for Juan Guaido; others say “opposition leader” [1]" in framing
    summary = _section(md, "Summary")
    assert "The WSJ reported that Rostec withdrew advisers from Venezuela. [1][3]" in summary


def test_articles_numbered_with_metadata_and_highlighted_quotes(brief: Brief) -> None:
    articles = _section(to_markdown(brief), "Articles")
    assert "### [1] RT: Rostec dismisses WSJ report" in articles
    assert "### [3] The Moscow Times: Russia Slashes Number" in articles
    assert "Published: 2019-06-03 (from text)" in articles
    assert "URL: <https://www.themoscowtimes.com/2019/06/03/russia-slashes-a65839>" in articles
    assert "and **there is no talk of any cuts**,” Zaemsky said" in articles


def test_empty_sections_say_none_found(empty_brief: Brief) -> None:
    md = to_markdown(empty_brief)
    for line in (
        "_No conflicts between the sources found._",
        "_No quotes found._",
        "_No claims found._",
        "_No dated events found._",
        "_No framing differences found._",
        "_No summary sentences found._",
    ):
        assert line in md
    assert "### [1] Unknown outlet: (untitled)" in md
    assert "> Just one plain sentence." in md


def test_hostile_text_is_escaped_and_unsafe_urls_not_linked(hostile_brief: Brief) -> None:
    md = to_markdown(hostile_brief)
    # Every "<" that opens a tag is backslash-escaped, so no Markdown renderer emits the tag.
    assert not re.search(r"(?<!\\)<(script|img)", md)
    assert md.count(r"\<img src=x") >= 3
    assert r"\<script\>window.\_\_pwned=1\</script\>" in md
    assert "<javascript:" not in md
    assert r"URL (not a web address, not linked): javascript:window.\_\_pwned=1" in md
    # A quote mark inside a url cannot end the autolink and smuggle markup in.
    assert "<https://example.org/" not in md


def test_md_escape_neutralises_markup_and_block_markers() -> None:
    assert md_escape("[x](javascript:alert(1)) *b* `c`") == (
        r"\[x\](javascript:alert(1)) \*b\* \`c\`"
    )
    assert md_escape("# Heading\nline two") == r"\# Heading line two"
    assert md_escape("1. item", line_start=True) == r"1\. item"
    assert md_escape("- item", line_start=True) == r"\- item"
    assert md_escape(None) == ""
