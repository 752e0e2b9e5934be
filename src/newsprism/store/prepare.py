"""Extraction and clustering features for ``ingest``, spread over worker processes.

Reading a page (trafilatura, cleaning, language) and embedding its lead cost far more than
storing it, and each document is independent of the others, so worker processes do that
part while the main process keeps the one store connection and the online clusterer,
which must see articles one at a time in order. Results come back in input order, with a
bounded number of chunks in flight so memory does not grow with the input.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, RawDocument
from newsprism.stories.cluster import Features

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass
class Prepared:
    """One document read: its article and features, or why it gave none."""

    article: Article | None
    features: Features | None = None
    problem: str | None = None
    hash: str = ""  # content hash and MinHash signature for the near-duplicate check
    minhash: bytes = b""
    bands: list[int] = field(default_factory=list)


def prepare_chunk(
    docs: Sequence[RawDocument], settings: Settings = DEFAULT, cluster: bool = True
) -> list[Prepared]:
    """Articles of a few documents with their near-duplicate signatures, and their
    clustering features when asked for."""
    from newsprism.ingest import UnreadableFile, build_article
    from newsprism.stories.cluster import extract_features
    from newsprism.stories.dedup import fingerprint

    out: list[Prepared] = []
    for doc in docs:
        try:
            article = build_article(doc, settings)
        except UnreadableFile as exc:
            out.append(Prepared(article=None, problem=f"{doc.source}: skipped, {exc}"))
            continue
        text_hash, minhash, bands = fingerprint(article.text, settings)
        out.append(Prepared(article=article, hash=text_hash, minhash=minhash, bands=bands))
    if cluster:
        readable = [p for p in out if p.article is not None]
        features = extract_features([p.article for p in readable if p.article], settings)
        for item, feats in zip(readable, features, strict=True):
            item.features = feats
    return out


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive an ingest killed with kill -9: it holds the dead run's
    database connection (inherited at fork), which would keep that run's locks open."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent check below still holds
        pass
    if os.getppid() != parent:
        os._exit(1)


def load_models(cluster: bool = True) -> None:
    """Load the language identifier (and the clustering embeddings) before the workers
    fork: they then share one copy, loaded once (about a second of CPU per worker)."""
    from newsprism.ingest.metadata import detect_language

    detect_language("A sentence long enough for the language identifier to load.")
    if cluster:
        from newsprism.nlp.embeddings import load_fast_encoder

        load_fast_encoder()


def worker_count(settings: Settings = DEFAULT) -> int:
    return settings.ingest_workers or os.cpu_count() or 1


def prepare_all(
    chunks: Iterable[Sequence[RawDocument]],
    settings: Settings = DEFAULT,
    cluster: bool = True,
    workers: int | None = None,
) -> Iterator[list[Prepared]]:
    """``prepare_chunk`` over every chunk, in order; in worker processes when there are
    several cores (``workers``: default ``worker_count``), in this process otherwise."""
    workers = worker_count(settings) if workers is None else workers
    if workers <= 1:
        for chunk in chunks:
            yield prepare_chunk(chunk, settings, cluster)
        return
    load_models(cluster)
    # fork: workers start at once with everything imported. What they run (trafilatura,
    # WordLlama) starts no threads, so nothing the parent holds is copied mid-state.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        pending: deque[Future[list[Prepared]]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(prepare_chunk, list(chunk), settings, cluster))
                if len(pending) > 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise NewsprismError(
                "an extraction worker died (out of memory?); run again with fewer workers "
                "(Settings.ingest_workers) to resume where this run stopped"
            ) from exc
        finally:
            for future in pending:
                future.cancel()
