"""Readers: files and folders in, :class:`RawDocument` records out.

Plain text, HTML (also gzipped), JSON Lines, WARC and RSS/Atom feeds. A file that cannot be
read gives one warning line naming it and the rest goes on. Folders are walked without
following symbolic links, and a link that points outside the given paths is refused.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from newsprism.config import DEFAULT, Settings
from newsprism.ingest.metadata import parse_date
from newsprism.model import RawDocument


class UnreadableFile(Exception):
    """One input file cannot be read; the message says why, for the user."""


TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}


def kind_of(path: Path) -> str | None:
    """The reader for a file name: "text", "html", "feed", "jsonl", "warc" or None."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, names in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("feed", FEED_SUFFIXES),
                        ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if last in names:
            return kind
    return None


def input_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Every file under the given paths, sorted, each once; links stay inside the roots."""
    files: list[Path] = []
    problems: list[str] = []
    seen: set[Path] = set()
    roots = [Path(os.path.realpath(p)) for p in paths if p.exists()]

    def inside_roots(real: Path) -> bool:
        return any(real == root or root in real.parents for root in roots)

    def add(path: Path) -> None:
        real = Path(os.path.realpath(path))
        if path.is_symlink() and not inside_roots(real):
            problems.append(f"{path}: skipped, a link to outside the given paths")
        elif real not in seen:
            seen.add(real)
            files.append(path)

    for given in paths:
        if not given.exists():
            problems.append(f"{given}: no such file or folder")
        elif given.is_file():
            add(given)
        elif given.is_dir():
            for folder, dirs, names in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        path = Path(folder) / name
                        if path.is_file():
                            add(path)
                        elif path.is_symlink():
                            problems.append(f"{path}: skipped, a broken link")
        else:
            problems.append(f"{given}: not a regular file or folder")
    return files, problems


def read_bytes(path: Path, settings: Settings = DEFAULT) -> bytes:
    """The file's bytes (gunzipped), refused beyond ``settings.max_file_bytes``."""
    limit = settings.max_file_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableFile(f"skipped, {_mb(size)} is over the {_mb(limit)} limit a file")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".gz" or data[:2] == b"\x1f\x8b":
        if path.suffixes[-2:-1] == [".warc"]:
            return data  # fastwarc reads gzipped WARC itself, record by record
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
                data = unzipped.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableFile("skipped, not a valid gzip file") from exc
        if len(data) > limit:
            raise UnreadableFile(f"skipped, over the {_mb(limit)} limit once unzipped")
    if not data.strip():
        raise UnreadableFile("skipped, empty file")
    return data


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not text (UTF-16 with a BOM is text)."""
    sample = data[:8192]
    if _is_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # in C: pages are read in bulk
    return controls > len(sample) * 0.05


# Every byte but the control characters that do not occur in text (tab, newlines, form feed).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in sample


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, a declared charset, UTF-8, then Windows-1252, then Latin-1.

    A UTF-16 byte-order mark is trusted only with NUL bytes after it (every space, digit
    and newline has one in UTF-16): Windows-1252 text that happens to open with "ÿþ" would
    otherwise come out as a line of CJK characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace")
    if _is_utf16(data[:8192]):
        return data.decode("utf-16", errors="replace")
    candidates = [declared] if declared else []
    if (meta := _META_CHARSET.search(data[:4096])) is not None:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def _text_of(path: Path, data: bytes) -> str:
    if is_binary(data):
        raise UnreadableFile("skipped, binary file (not text)")
    return decode(data)


def read_text(path: Path, data: bytes) -> Iterator[RawDocument]:
    yield RawDocument(source=str(path), file=path.name, text=_text_of(path, data))


def read_html(path: Path, data: bytes) -> Iterator[RawDocument]:
    yield RawDocument(source=str(path), file=path.name, html=_text_of(path, data))


def read_jsonl(path: Path, data: bytes) -> Iterator[RawDocument]:
    """One article a line: {"text" or "html", "title", "url", "published", "outlet"}."""
    bad: list[int] = []
    found = 0
    for number, line in enumerate(_text_of(path, data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            bad.append(number)
            continue
        if not isinstance(record, dict):
            bad.append(number)
            continue
        text, html = record.get("text"), record.get("html")
        if not isinstance(text, str) and not isinstance(html, str):
            bad.append(number)
            continue
        found += 1
        yield RawDocument(
            source=f"{path}:{number}",
            file=f"{path.name}:{number}",
            text=text if isinstance(text, str) else None,
            html=html if isinstance(html, str) and not isinstance(text, str) else None,
            url=_str_or_none(record.get("url")),
            title=_str_or_none(record.get("title")),
            outlet=_str_or_none(record.get("outlet")),
            published=parse_date(record.get("published")),
        )
    if bad:
        shown = ", ".join(map(str, bad[:5])) + (" ..." if len(bad) > 5 else "")
        raise UnreadableFile(
            f"{len(bad)} line(s) without a JSON object with \"text\" or \"html\" (line {shown})"
            + (f"; read {found} other line(s)" if found else "")
        )


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_warc(path: Path, data: bytes) -> Iterator[RawDocument]:
    """HTML responses of a web archive, each with its target URL."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response,
                                      parse_http=True):
            content_type = (record.http_content_type or "").lower()
            if "html" not in content_type:
                continue
            body = record.reader.read()
            if not body.strip():
                continue
            url = record.headers.get("WARC-Target-URI")
            found += 1
            yield RawDocument(source=url or f"{path}#{found}", file=path.name,
                              html=decode(body, record.http_charset), url=url)
    except (OSError, ValueError) as exc:
        raise UnreadableFile(f"broken WARC file after {found} record(s): {exc}") from exc
    if not found:
        raise UnreadableFile("skipped, no HTML response records in this WARC file")


def read_feed(path: Path, data: bytes) -> Iterator[RawDocument]:
    """Entries of an RSS or Atom feed: content or summary as text, with link, title, date."""
    import feedparser

    if is_binary(data):
        raise UnreadableFile("skipped, binary file (not a feed)")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        raise UnreadableFile("skipped, not an RSS/Atom feed or a feed without entries")
    feed_title = _str_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        if not body or not body.strip():
            continue
        link = _str_or_none(entry.get("link"))
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawDocument(
            source=link or f"{path}#{number}",
            file=f"{path.name}#{number}",
            html=body,
            url=link,
            title=_str_or_none(entry.get("title")),
            outlet=feed_title,
            published=parse_date(f"{when[0]:04d}-{when[1]:02d}-{when[2]:02d}") if when else None,
        )


READERS: dict[str, Callable[[Path, bytes], Iterator[RawDocument]]] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "warc": read_warc,
    "feed": read_feed,
}


def sniff(data: bytes) -> str | None:
    """The reader for a file without a known suffix, from its first bytes."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else None
    if head.startswith(b"{"):
        return "jsonl"
    return None


def read_file(path: Path, settings: Settings = DEFAULT) -> tuple[list[RawDocument], list[str]]:
    """The documents in one file and its problems (one line each, naming the file)."""
    kind = kind_of(path)
    try:
        data = read_bytes(path, settings)
        if kind is None:
            kind = sniff(data)
            if kind is None:
                suffix = "".join(path.suffixes) or "no suffix"
                raise UnreadableFile(f"skipped, unsupported file type ({suffix})")
        docs: list[RawDocument] = []
        try:
            docs.extend(READERS[kind](path, data))
        except UnreadableFile as exc:
            if not docs:
                raise
            return docs, [f"{path}: {exc}"]
        return docs, []
    except UnreadableFile as exc:
        return [], [f"{path}: {exc}"]


def read_documents(
    paths: list[Path], settings: Settings = DEFAULT
) -> tuple[list[RawDocument], list[str]]:
    """All documents in the given files and folders, with one problem line per bad file."""
    files, problems = input_files(paths)
    docs: list[RawDocument] = []
    for path in files:
        found, file_problems = read_file(path, settings)
        docs.extend(found)
        problems.extend(file_problems)
    return docs, problems
