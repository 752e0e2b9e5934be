"""Readers: every input kind, and bad input that must give one clear warning each."""

from __future__ import annotations

import gzip
import json
import os
from datetime import date
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.errors import NoReadableInput
from newsprism.ingest import read_articles, read_documents

FIXTURES = Path(__file__).parent / "fixtures"

STORY = (
    "Russia's defense conglomerate has withdrawn key defense advisers from Venezuela, the "
    "newspaper reported on Sunday, citing an unnamed source close to the Defense Ministry.\n\n"
    "Rostec cut its staff in Venezuela from about 1,000 several years ago to a few dozen now, "
    "the report said, citing a lack of new contracts.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_title_only_when_it_looks_like_one(tmp_path: Path) -> None:
    write(tmp_path / "titled.txt", "Russia cuts advisers in Venezuela\n\n" + STORY)
    write(tmp_path / "heading.txt", "\n# Russia cuts advisers in Venezuela, report says\n" + STORY)
    write(tmp_path / "sentence.txt", "Russian officials say the reports are not true.\n" + STORY)
    by_file = {a.file: a for a in read_articles([tmp_path]).articles}
    assert by_file["titled.txt"].title == "Russia cuts advisers in Venezuela"
    assert by_file["heading.txt"].title == "Russia cuts advisers in Venezuela, report says"
    assert by_file["sentence.txt"].title is None
    assert by_file["sentence.txt"].text.startswith("Russian officials say")
    assert "Russia cuts advisers" not in by_file["titled.txt"].text
    # paragraphs stay apart
    assert "\n" in by_file["titled.txt"].text


def test_html_page_metadata_and_no_script(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_bytes()
    write(tmp_path / "page.html.gz", gzip.compress(page))
    (article,) = read_articles([tmp_path]).articles
    assert article.title == "Kremlin denies telling Washington of troop withdrawal"
    assert article.outlet == "Example Wire"
    assert article.published == date(2019, 6, 4)
    assert article.published_source == "metadata"
    assert "Peskov told reporters" in article.text
    assert "SCRIPT-SECRET-CONTENT" not in article.text
    assert "Subscribe" not in article.text
    assert any("Subscribe to Example Wire newsletter" in line for line in article.removed)
    assert article.language == "en"


def test_html_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-FILE-CONTENT")
    body = "".join(f"<p>{line} &xxe; and more words.</p>" for line in STORY.split("\n") if line)
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<html><head><title>A page</title></head><body><article>{body}</article></body></html>"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "xxe.html", page)
    (article,) = read_articles([folder]).articles
    assert "TOP-SECRET-FILE-CONTENT" not in article.text
    assert "Rostec cut its staff" in article.text


def test_jsonl_text_and_html_records_and_bad_line() -> None:
    result = read_articles([FIXTURES / "articles.jsonl"])
    first, second = result.articles
    assert first.outlet == "Sputnik"
    assert first.published == date(2019, 6, 3) and first.published_source == "metadata"
    assert first.file == "articles.jsonl:1"
    assert "absolutely nothing to do with reality" in first.text
    assert second.outlet == "RT"  # from the URL's domain
    assert "Rosoboronexport" in second.text
    (problem,) = result.problems
    assert "articles.jsonl" in problem and "line 3" in problem


def test_feed_entries_with_link_title_date() -> None:
    result = read_articles([FIXTURES / "feed.xml"])
    first, second = result.articles
    assert first.url == "https://www.examplewire.com/world/kremlin-denies-withdrawal"
    assert first.title == "Kremlin denies telling Washington of troop withdrawal"
    assert first.published == date(2019, 6, 4)
    assert "no official letter" in first.text
    assert "SCRIPT-SECRET-CONTENT" not in first.text
    assert second.published == date(2019, 6, 3)
    assert "remained the same" in second.text


def _warc_record(url: str, payload: bytes, content_type: str) -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2019-06-05T00:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_html_responses(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_bytes()
    data = _warc_record("https://www.examplewire.com/world/a", page, "text/html; charset=utf-8")
    data += _warc_record("https://www.examplewire.com/logo.png", b"\x89PNG....", "image/png")
    write(tmp_path / "crawl.warc.gz", gzip.compress(data))
    docs, problems = read_documents([tmp_path])
    assert problems == []
    (doc,) = docs
    assert doc.url == "https://www.examplewire.com/world/a"
    (article,) = read_articles([tmp_path]).articles
    assert "Peskov told reporters" in article.text


def test_bad_files_warn_and_the_rest_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", STORY)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "binary.txt", bytes(range(256)) * 4)
    write(tmp_path / "notes.docx", b"PK\x03\x04 zipped")
    write(tmp_path / "broken.html.gz", b"\x1f\x8b\x08 not really gzip")
    write(tmp_path / "nofeed.xml", "<?xml version='1.0'?><config><a>1</a></config>")
    result = read_articles([tmp_path])
    assert [a.file for a in result.articles] == ["good.txt"]
    problems = "\n".join(result.problems)
    for name in ("empty.txt", "binary.txt", "notes.docx", "broken.html.gz", "nofeed.xml"):
        assert name in problems
    assert len(result.problems) == 5
    assert all("\n" not in p for p in result.problems)


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    text = "The minister said the talks were “very useful” – and that the café stays open.\n"
    write(tmp_path / "cp1252.txt", (text + STORY).encode("cp1252"))
    (article,) = read_articles([tmp_path]).articles
    assert "“very useful” – and that the café" in article.text


def test_large_file_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    write(tmp_path / "good.txt", STORY)
    result = read_articles([tmp_path], settings=Settings(max_file_bytes=20 * 1024 * 1024))
    assert len(result.articles) == 1
    (problem,) = result.problems
    assert "big.txt" in problem and "50.0 MB" in problem and "limit" in problem


def test_links_outside_the_given_folder_and_loops_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside / "secret.txt", STORY.replace("Rostec", "Outsider"))
    given = tmp_path / "given"
    given.mkdir()
    write(given / "good.txt", STORY)
    os.symlink(outside / "secret.txt", given / "link.txt")
    os.symlink(outside, given / "linked-folder")
    os.symlink(given, given / "loop")
    result = read_articles([given])
    assert [a.file for a in result.articles] == ["good.txt"]
    assert any("link.txt" in p and "outside" in p for p in result.problems)


def test_nothing_readable_raises_exit_code_2(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    with pytest.raises(NoReadableInput) as info:
        read_articles([tmp_path])
    assert info.value.exit_code == 2
    assert "empty.txt: skipped, empty file" in str(info.value)  # the reason, not just the fact
    with pytest.raises(NoReadableInput, match="missing: no such file or folder"):
        read_articles([tmp_path / "missing"])


def test_utf16_text_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    write(tmp_path / "utf16.txt", ("\ufeff" + STORY).encode("utf-16-le"))
    (article,) = read_articles([tmp_path]).articles
    assert article.text.startswith(STORY.strip()[:40])


def test_windows_1252_text_opening_like_a_byte_order_mark_is_not_utf16(tmp_path: Path) -> None:
    # "ÿþ" in Windows-1252 are the bytes of a UTF-16 BOM; the rest has no NUL bytes.
    write(tmp_path / "odd.txt", ("ÿþ " + STORY).encode("cp1252"))
    (article,) = read_articles([tmp_path]).articles
    assert STORY.strip()[:40] in article.text


def test_a_copy_of_an_article_is_read_once_but_another_outlets_copy_is_kept(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "copy.txt", STORY)
    result = read_articles([tmp_path])
    assert [a.file for a in result.articles] == ["a.txt"]
    assert any("copy.txt: skipped, the same text as" in p for p in result.problems)
    lines = [
        json.dumps({"outlet": outlet, "title": "Budget", "text": STORY}) for outlet in ("AP", "NYT")
    ]
    write(tmp_path / "wire.jsonl", "\n".join(lines))
    outlets = [a.outlet for a in read_articles([tmp_path / "wire.jsonl"]).articles]
    assert outlets == ["AP", "NYT"]  # syndication: both outlets carry the story
