"""``newsprism ingest``, ``stories`` and ``recluster``: the store from the command line."""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NewsprismError
from newsprism.model import RawDocument
from newsprism.store.db import Store, open_store
from newsprism.store.ingest import IngestCounts, Ingester, Pending, raw_hash

FETCH_TIMEOUT_S = 15
MAX_FETCH_BYTES = 20 * 1024 * 1024
USER_AGENT = "newsprism/0.1 (+https://github.com/newsprism)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = FETCH_TIMEOUT_S) -> bytes:
    """GET a URL with a timeout and a size cap; NewsprismError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(MAX_FETCH_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise NewsprismError(f"{url}: cannot fetch ({exc})") from exc
    if len(data) > MAX_FETCH_BYTES:
        raise NewsprismError(f"{url}: larger than {MAX_FETCH_BYTES // 2**20} MB")
    return data


def read_url(url: str, settings: Settings = DEFAULT) -> tuple[list[RawDocument], list[str]]:
    """A page or a feed at a URL; a feed's entries are fetched as pages when reachable,
    their summary in the feed stands in for a page that is not."""
    from newsprism.ingest import read_documents
    from newsprism.ingest.readers import decode

    data = fetch(url)
    name = url.rstrip("/").rsplit("/", 1)[-1] or "page"
    with tempfile.TemporaryDirectory(prefix="newsprism-") as folder:
        # The readers sniff feeds, HTML and WARC from the bytes, as for a local file.
        local = Path(folder) / name
        local.write_bytes(data)
        docs, problems = read_documents([local], settings)
    out = []
    for doc in docs:
        is_entry = doc.url is not None and doc.url != url
        if doc.source.startswith(str(local)):
            doc = doc.model_copy(update={"source": url + doc.source[len(str(local)) :]})
        if not is_entry or doc.url is None or not is_url(doc.url):
            out.append(doc.model_copy(update={"url": doc.url or url}))
            continue
        try:
            page = decode(fetch(doc.url))
            out.append(doc.model_copy(update={"html": page, "text": None}))
        except NewsprismError as exc:
            problems.append(f"{exc}; using the feed's summary")
            out.append(doc)
    problems = [p.replace(str(local), url) for p in problems]
    return out, problems


class SourceReader:
    """The sources' documents, read file by file as ingest asks for them.

    Reading everything first would hold every page in memory before the first is stored;
    here only the few chunks in flight are. ``expected`` starts at one document per input
    and grows as files holding many (WARC, JSON Lines, feeds) are opened; ``problems``
    gets a line per unreadable input as it is met.
    """

    def __init__(self, sources: list[str], settings: Settings = DEFAULT) -> None:
        from newsprism.ingest.readers import input_files

        self.settings = settings
        paths = [Path(s) for s in sources if not is_url(s)]
        self.files, self.problems = input_files(paths) if paths else ([], [])
        self.urls = [s for s in sources if is_url(s)]
        self.expected = len(self.files) + len(self.urls)

    def __iter__(self) -> Iterator[RawDocument]:
        from newsprism.ingest.readers import read_file

        for path in self.files:
            found, trouble = read_file(path, self.settings)
            yield from self._counted(found, trouble)
        for url in self.urls:
            try:
                found, trouble = read_url(url, self.settings)
            except NewsprismError as exc:
                found, trouble = [], [str(exc)]
            yield from self._counted(found, trouble)

    def _counted(self, found: list[RawDocument], trouble: list[str]) -> list[RawDocument]:
        self.problems.extend(trouble)
        self.expected += len(found) - 1
        return found


def _pending(
    docs: Iterable[RawDocument], ingester: Ingester, settings: Settings, chunk: int = 16
) -> Iterator[Pending | str | None]:
    """Articles to store; a problem line for a document that gives none; None for one stored.

    Raw inputs already in the store are recognised before extraction, so a resumed run
    skips quickly over what it stored before. Extraction and clustering features run in
    worker processes (store/prepare.py), a few chunks ahead of the store.
    """
    from collections import deque

    from newsprism.store.prepare import prepare_all, worker_count

    waiting: deque[tuple[int, list[str], list[str]]] = deque()  # known count, keys, sources

    stream = iter(docs)
    # Starting workers costs a few seconds of imports: not worth it for a handful of files.
    first = list(islice(stream, 4 * chunk + 1))
    workers = 1 if len(first) <= 4 * chunk else worker_count(settings)

    def chunks() -> Iterator[list[RawDocument]]:
        rest = chain(first, stream)
        while part := list(islice(rest, chunk)):
            keys = [raw_hash(d.html if d.html is not None else d.text or "") for d in part]
            known = ingester.known_raw(keys)
            fresh = [(d, k) for d, k in zip(part, keys, strict=True) if k not in known]
            sources = [d.source for d, _ in fresh]
            waiting.append((len(part) - len(fresh), [k for _, k in fresh], sources))
            yield [d for d, _ in fresh]

    for prepared in prepare_all(chunks(), settings, cluster=ingester.cluster, workers=workers):
        stored, keys, sources = waiting.popleft()
        yield from [None] * stored
        for item, key, source in zip(prepared, keys, sources, strict=True):
            if item.article is None:
                yield item.problem or f"{source}: skipped"
            else:
                yield Pending(
                    article=item.article,
                    source=source,
                    raw_hash=key,
                    features=item.features,
                    hash=item.hash,
                    minhash=item.minhash,
                    bands=item.bands,
                )


def ingest(
    sources: list[str], url: str, cluster: bool = True, batch_size: int = 32, quiet: bool = False
) -> IngestCounts:
    """Read the sources and store their articles with a progress bar and a summary line."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    settings = DEFAULT
    console = Console(stderr=True)
    store = open_store(url)
    reader = SourceReader(sources, settings)
    ingester = Ingester(store, settings, cluster=cluster)
    counts = ingester.counts
    reported = noticed = 0

    def report_problems() -> None:
        nonlocal reported
        for problem in reader.problems[reported:]:
            console.print(f"newsprism: {problem}", markup=False, highlight=False)
        counts.skipped += len(reader.problems) - reported
        reported = len(reader.problems)

    def report_notices() -> None:
        nonlocal noticed
        for notice in counts.notices[noticed:]:
            console.print(f"newsprism: warning: {notice}", markup=False, highlight=False)
        noticed = len(counts.notices)

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=console, transient=False, disable=quiet) as progress:
            report_problems()
            task = progress.add_task("ingest", total=reader.expected, counts="")
            batch: list[Pending] = []

            def flush() -> None:
                try:
                    ingester.add(batch)
                except NewsprismError:
                    raise
                except Exception as exc:  # a bad batch is reported, the rest goes on
                    counts.failed += len(batch)
                    console.print(
                        f"newsprism: could not store {len(batch)} article(s): {exc}", markup=False
                    )
                report_notices()
                progress.update(task, advance=len(batch), counts=counts.line())
                batch.clear()

            for item in _pending(reader, ingester, settings):
                if len(reader.problems) > reported:
                    report_problems()
                progress.update(task, total=reader.expected)
                if item is None:
                    counts.duplicate += 1
                    progress.update(task, advance=1, counts=counts.line())
                elif isinstance(item, str):
                    counts.skipped += 1
                    console.print(f"newsprism: {item}", markup=False, highlight=False)
                    progress.update(task, advance=1, counts=counts.line())
                else:
                    batch.append(item)
                    if len(batch) >= batch_size:
                        flush()
            if batch:
                flush()
            report_problems()
            progress.update(task, total=reader.expected)
            ingester.finish()
            report_notices()
    finally:
        console.print(f"newsprism: {counts.line()}", markup=False, highlight=False)
        store.close()
    return counts


def stories_text(store: Store, as_json: bool) -> str:
    from newsprism.store.repository import list_stories

    stories = list_stories(store)
    if as_json:
        return json.dumps([s.to_json() for s in stories], indent=2, ensure_ascii=False)
    lines = []
    for s in stories:
        seen = f"{s.first_seen or '?'} .. {s.last_seen or '?'}"
        outlets = ", ".join(s.outlets[:5]) + (" ..." if len(s.outlets) > 5 else "")
        lines.append(
            f"{s.id}  {s.size:>4} art. {s.origins:>4} orig.  {seen}  {s.headline or ''}"
            + (f"  [{outlets}]" if outlets else "")
        )
    return "\n".join(lines) if lines else "no stories in the store"


def story_articles_for_brief(url: str, story_id: str) -> list:
    from newsprism.store.repository import story_articles

    store = open_store(url)
    try:
        return story_articles(store, story_id)
    finally:
        store.close()
