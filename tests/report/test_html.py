"""The self-contained HTML brief, parsed with lxml: sections, links, escaping, CSP."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from newsprism.model import Brief
from newsprism.report.html import csp_hash, report_css, report_js, to_html


def _doc(brief: Brief) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(to_html(brief))


def _text(el: lxml_html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def test_sections_in_order_conflicts_first(brief: Brief) -> None:
    doc = _doc(brief)
    ids = [s.get("id") for s in doc.xpath("//main/section")]
    assert ids == ["conflicts", "quotes", "coverage", "timeline", "framing", "summary", "articles"]
    assert _text(doc.xpath("//h1")[0]) == "Russia denies pulling advisers out of Venezuela"


def test_conflict_cards_show_kind_sides_and_explanation(brief: Brief) -> None:
    cards = _doc(brief).xpath("//section[@id='conflicts']/article")
    assert [c.get("class") for c in cards] == [
        "card conflict k-contradiction",
        "card conflict k-denial",
        "card conflict k-quote-variant",
        "card conflict k-scope-difference",
    ]
    first = cards[0]
    assert _text(first.xpath(".//span[@class='kind']")[0]) == "Contradiction"
    speakers = [_text(s) for s in first.xpath(".//div[@class='speaker']")]
    assert speakers == ["The Wall Street Journal", "Rostec"]
    side_a = first.xpath(".//div[@class='side']")[0]
    assert [a.get("href") for a in side_a.xpath(".//a[@class='ref']")] == [
        "#article-1",
        "#article-3",
    ]
    assert side_a.xpath(".//a[@class='ref']")[0].get("title") == "RT: Rostec dismisses WSJ report"
    assert side_a.xpath(".//a[@class='claimlink']")[0].get("href") == "#claim-1"
    assert "has not changed" in _text(first.xpath(".//p[@class='explanation']")[0])


def test_every_internal_link_has_a_target(brief: Brief) -> None:
    doc = _doc(brief)
    ids = set(doc.xpath("//@id"))
    hrefs = [h for h in doc.xpath("//a/@href") if h.startswith("#")]
    assert len(hrefs) > 20
    assert {h[1:] for h in hrefs} <= ids


def test_quote_variants_coverage_timeline_framing_summary(brief: Brief) -> None:
    doc = _doc(brief)
    rostec = doc.xpath("//section[@id='quotes']//article[h3[starts-with(., 'Rostec')]]")[0]
    variants = rostec.xpath(".//ul[@class='variants']/li")
    assert [_text(v.xpath("./span[@class='outlet']")[0]) for v in variants] == ["RT", "Sputnik"]
    assert "wording differs" in _text(rostec)
    cells = doc.xpath("//tr[@id='claim-2']/td[contains(@class, 'cell')]/@class")
    assert cells == ["cell carried", "cell missing", "cell contradicted"]
    header = [_text(th) for th in doc.xpath("//table[@class='matrix']/thead//th")]
    assert header == ["#", "Claim", "RT", "Sputnik", "The Moscow Times"]
    dates = doc.xpath("//ol[@class='timeline']//time/@datetime")
    assert dates == ["2019-06-02", "2019-06-03"]
    assert _text(doc.xpath("//section[@id='framing']//span[@class='term']")[0]) == (
        "self-proclaimed"
    )
    summary = doc.xpath("//section[@id='summary']")[0]
    assert summary.xpath(".//a[@class='ref']/@href") == ["#article-1", "#article-3", "#article-2"]


def test_articles_section_with_metadata_and_quote_marks(brief: Brief) -> None:
    doc = _doc(brief)
    articles = doc.xpath("//section[@id='articles']/details")
    assert [a.get("id") for a in articles] == ["article-1", "article-2", "article-3"]
    mt = articles[2]
    assert "The Moscow Times" in _text(mt.xpath("./summary")[0])
    assert "2019-06-03" in _text(mt.xpath("./summary")[0])
    assert mt.xpath(".//dd/a/@href") == [
        "https://www.themoscowtimes.com/2019/06/03/russia-slashes-a65839"
    ]
    marks = {m.get("id"): m.text for m in doc.xpath("//mark")}
    assert marks == {
        q_id: q.text
        for q_id, q in zip(["quote-1", "quote-2", "quote-3", "quote-4"], brief.quotes, strict=True)
    }
    # The text keeps its paragraphs and every character around the highlighted spans.
    body = articles[1].xpath(".//div[@class='text']")[0].text_content()
    assert body == brief.articles[1].text


def test_empty_sections_render_none_found(empty_brief: Brief) -> None:
    doc = _doc(empty_brief)
    nones = [_text(p) for p in doc.xpath("//p[@class='none']")]
    assert nones == [
        "No conflicts found between the sources.",
        "No quotes found.",
        "No claims found.",
        "No dated events found.",
        "No framing differences found.",
        "No summary sentences found.",
    ]
    assert "Unknown outlet" in _text(doc.xpath("//details[@id='article-1']/summary")[0])


def test_self_contained_with_strict_csp(brief: Brief) -> None:
    page = to_html(brief)
    doc = lxml_html.fromstring(page)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    assert f"style-src {csp_hash(report_css())}" in csp
    assert f"script-src {csp_hash(report_js())}" in csp
    assert "unsafe-inline" not in csp
    assert doc.xpath("//style")[0].text == report_css()
    assert doc.xpath("//script")[0].text == report_js()
    # Nothing is fetched: no external stylesheet, script, image, font or frame.
    assert not doc.xpath("//link | //img | //iframe | //object | //script[@src]")
    assert not re.search(r"url\(|@import", report_css())


HOSTILE_SNIPPETS = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">')


def test_hostile_article_text_is_escaped_everywhere(hostile_brief: Brief) -> None:
    page = to_html(hostile_brief)
    for snippet in HOSTILE_SNIPPETS:
        assert snippet not in page
    doc = lxml_html.fromstring(page)
    assert len(doc.xpath("//script")) == 1  # only the report's own
    assert not doc.xpath("//img")
    assert not [
        (el.tag, name) for el in doc.iter() for name in el.attrib if name.lower().startswith("on")
    ]
    # The payloads are there, as text a reader can see.
    assert HOSTILE_SNIPPETS[0] in _text(doc.xpath("//h1")[0])
    title = doc.xpath("//details[@id='article-1']/summary")[0]
    assert HOSTILE_SNIPPETS[1] in _text(title)
    assert (
        HOSTILE_SNIPPETS[0]
        in doc.xpath("//details[@id='article-1']//div[@class='text']")[0].text_content()
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:window.__pwned=1",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        'https://example.org/"><script>alert(1)</script>',
        "//evil.example/x",
    ],
)
def test_only_http_urls_become_links(brief: Brief, url: str) -> None:
    brief.articles[0].url = url
    doc = _doc(brief)
    hrefs = doc.xpath("//a/@href")
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert url.strip() not in hrefs
    dd = doc.xpath("//details[@id='article-1']//dd")[3]
    assert url.strip() in _text(dd)
    assert "not linked" in _text(dd)
