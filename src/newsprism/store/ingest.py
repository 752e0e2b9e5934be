"""Storing articles: exact and near-duplicate checks, syndication links, online clustering.

Articles go in small batches, each one transaction: a batch is stored whole (articles,
LSH bands, story centroids, document frequencies) or not at all, and unique constraints on
the content hash and URL make a repeated or resumed run store nothing twice. A process
killed mid-batch loses only that batch, which the next run stores again.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

import numpy as np
from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, defer
from sqlalchemy.sql import Subquery

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, stable_id
from newsprism.store.db import Store
from newsprism.store.models import (
    ARTICLE_ORDER,
    ArticleRow,
    Meta,
    MinhashBand,
    StoryRow,
    TermFrequency,
)
from newsprism.store.repository import (
    add_frequencies,
    features_from_row,
    id_chunks,
    load_active_stories,
    load_frequencies,
    merge_stories,
    now,
    refresh_story_summaries,
    save_stories,
    vector_bytes,
)
from newsprism.stories.cluster import (
    DocumentFrequencies,
    Features,
    OnlineClusterer,
    Story,
    batch_cluster,
    entity_key,
    extract_features,
    similarity,
)
from newsprism.stories.dedup import estimated_jaccard, fingerprint, near_copy


@dataclass
class IngestCounts:
    new: int = 0
    duplicate: int = 0  # the same text or URL was already stored
    syndicated: int = 0  # new, and a near copy of a stored article (counted in new too)
    skipped: int = 0  # unreadable input: no article text
    failed: int = 0  # an error while reading or storing
    # Warnings for the person running the ingest (each given once), e.g. a store that
    # needs `newsprism recluster`; the command line prints them as they come.
    notices: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.new} new ({self.syndicated} syndicated copies), {self.duplicate} duplicate, "
            f"{self.skipped} skipped, {self.failed} failed"
        )


@dataclass
class Pending:
    """One article on its way into the store, with where it came from."""

    article: Article
    source: str | None = None
    raw_hash: str | None = None
    hash: str = ""
    minhash: bytes = b""
    bands: list[int] = field(default_factory=list)
    origin_id: str | None = None
    origin_story: str | None = None
    replaces_origin: str | None = None  # a stored origin this older text takes over from
    features: Features | None = None  # clustering features, when computed ahead (prepare.py)


OriginRow = aliased(ArticleRow)


def raw_hash(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8", "replace")).hexdigest()


class Ingester:
    """Stores batches of articles in one store; keeps the online clusterer between batches."""

    def __init__(self, store: Store, settings: Settings = DEFAULT, cluster: bool = True) -> None:
        self.store = store
        self.settings = settings
        self.cluster = cluster
        self.counts = IngestCounts()
        self._clusterer: OnlineClusterer | None = None
        self._since_refresh = 0  # originals placed since the recent window was re-clustered
        # The latest originals' ids, so the window is found by primary key, not by sorting
        # the store (read from the store once, when a run starts on a non-empty one).
        self._recent: deque[str] | None = None
        self._noticed: set[str] = set()
        self._store_checked = False

    def clusterer(self, session: Session) -> OnlineClusterer:
        if self._clusterer is None:
            stories, other_model = load_active_stories(session, self.settings)
            if other_model:
                self._notice(
                    "other model",
                    f"{other_model} recent stories were clustered by an older newsprism "
                    "(another embedding model): new articles do not join them; run "
                    "`newsprism recluster` once to re-cluster the store",
                )
            self._clusterer = OnlineClusterer(
                self.settings, df=load_frequencies(session), stories=stories
            )
        return self._clusterer

    def _notice(self, kind: str, text: str) -> None:
        """Warn once per run of each kind of trouble (a refresh may meet it many times)."""
        if kind not in self._noticed:
            self._noticed.add(kind)
            self.counts.notices.append(text)

    def recent_originals(self, session: Session) -> deque[str]:
        """Ids of the last ``cluster_window`` original articles, oldest first."""
        if self._recent is None:
            latest = session.scalars(
                select(ArticleRow.id)
                .where(ArticleRow.origin_id.is_(None), ArticleRow.story_id.is_not(None))
                .order_by(ArticleRow.ingested_at.desc(), ArticleRow.id.desc())
                .limit(self.settings.cluster_window)
            ).all()
            self._recent = deque(reversed(latest), maxlen=self.settings.cluster_window)
        return self._recent

    def known_raw(self, hashes: Sequence[str]) -> set[str]:
        """Raw inputs already stored, so a resumed run need not extract them again."""
        if not hashes:
            return set()
        with self.store.session() as session:
            found = session.scalars(
                select(ArticleRow.raw_hash).where(ArticleRow.raw_hash.in_(hashes))
            )
            return {h for h in found if h}

    def finish(self) -> None:
        """Re-cluster the recent window once more, so the end of a run is settled too."""
        if self.cluster and self._since_refresh:
            with self.store.session() as session, session.begin():
                self._refresh_window(session)

    def add(self, batch: Sequence[Pending]) -> None:
        """Store one batch in one transaction; on a conflict with another writer, retry."""
        try:
            self._add(batch)
        except IntegrityError:
            # Another process stored some of these meanwhile: start from the store's state.
            self._forget()
            try:
                self._add(batch)
            except Exception:
                self._forget()
                raise
        except Exception:
            # The transaction rolled back: what the clusterer learnt from it was never stored.
            self._forget()
            raise

    def _forget(self) -> None:
        """Drop what is kept between batches; it is read from the store again when needed."""
        self._clusterer = None
        self._recent = None
        self._since_refresh = 0

    def _check_store(self, session: Session) -> None:
        """Warn when the store holds articles clustering never saw (before this run adds any)."""
        self._store_checked = True
        unclustered = session.scalar(
            select(func.count()).select_from(ArticleRow).where(ArticleRow.story_id.is_(None))
        )
        if unclustered:
            self._notice(
                "unclustered",
                f"{unclustered} stored articles belong to no story (ingested with "
                "--no-cluster): new articles are not compared with them; run "
                "`newsprism recluster` to cluster the whole store",
            )

    def _add(self, batch: Sequence[Pending]) -> None:
        with self.store.session() as session, session.begin():
            if self.cluster and not self._store_checked:
                self._check_store(session)
            fresh = self._drop_stored(session, batch)
            self._rows: dict[str, ArticleRow] = {}  # held, so the session keeps them loaded
            # One probe for the whole batch's LSH bands; the batch's own articles are matched
            # here, so the rows go in with one statement at the end, story and all.
            stored_bands = self._stored_bands(session, fresh)
            batch_bands: dict[tuple[int, int], set[str]] = defaultdict(set)
            for item in fresh:
                self._link_origin(session, item, stored_bands, batch_bands)
                row = self._row(item)
                self._rows[item.article.id] = row
                session.add(row)
                for key in enumerate(item.bands):
                    batch_bands[key].add(item.article.id)
                if item.replaces_origin:
                    session.execute(
                        update(ArticleRow)
                        .where(
                            or_(
                                ArticleRow.id == item.replaces_origin,
                                ArticleRow.origin_id == item.replaces_origin,
                            )
                        )
                        .values(origin_id=item.article.id)
                    )
            if self.cluster and fresh:
                self._cluster(session, fresh)
            session.flush()  # the articles before their bands, which refer to them
            bands = [
                {"article_id": item.article.id, "band": b, "hash": h}
                for item in fresh
                for b, h in enumerate(item.bands)
            ]
            if bands:
                session.execute(insert(cast(Table, MinhashBand.__table__)), bands)
        self.counts.new += len(fresh)
        self.counts.syndicated += sum(1 for p in fresh if p.origin_id)
        self.counts.duplicate += len(batch) - len(fresh)

    def _stored_bands(
        self, session: Session, items: Sequence[Pending]
    ) -> dict[tuple[int, int], set[str]]:
        """The stored articles sharing each (band, hash) of the items' signatures."""
        wanted = {pair for item in items for pair in enumerate(item.bands)}
        found: dict[tuple[int, int], set[str]] = defaultdict(set)
        if not wanted:
            return found
        # Band hashes are 64-bit and random: an index probe on the hash finds the few
        # candidates, the band number is then checked here.
        for chunk in id_chunks(sorted({h for _, h in wanted})):
            for article_id, band, value in session.execute(
                select(MinhashBand.article_id, MinhashBand.band, MinhashBand.hash).where(
                    MinhashBand.hash.in_(chunk)
                )
            ):
                if (band, value) in wanted:
                    found[(band, value)].add(article_id)
        return found

    def _drop_stored(self, session: Session, batch: Sequence[Pending]) -> list[Pending]:
        for item in batch:
            if not item.hash:
                item.hash, item.minhash, item.bands = fingerprint(item.article.text, self.settings)
        hashes = [p.hash for p in batch]
        urls = [p.article.url for p in batch if p.article.url]
        ids = [p.article.id for p in batch]
        stored = session.execute(
            select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.url).where(
                or_(
                    ArticleRow.content_hash.in_(hashes),
                    ArticleRow.url.in_(urls),
                    ArticleRow.id.in_(ids),
                )
            )
        ).all()
        seen_ids = {r.id for r in stored}
        seen_hashes = {r.content_hash for r in stored}
        seen_urls = {r.url for r in stored if r.url}
        fresh = []
        for item in batch:
            a = item.article
            if a.id in seen_ids or item.hash in seen_hashes or (a.url and a.url in seen_urls):
                continue
            seen_ids.add(a.id)
            seen_hashes.add(item.hash)
            if a.url:
                seen_urls.add(a.url)
            fresh.append(item)
        return fresh

    def _link_origin(
        self,
        session: Session,
        item: Pending,
        stored_bands: dict[tuple[int, int], set[str]],
        batch_bands: dict[tuple[int, int], set[str]],
    ) -> None:
        """Mark a near copy of a stored article (or of one earlier in its batch) as a copy
        of that article's origin."""
        hits: set[str] = set()
        for pair in enumerate(item.bands):
            hits.update(stored_bands.get(pair, ()), batch_bands.get(pair, ()))
        hits.discard(item.article.id)
        if not hits:
            return
        candidates = session.execute(
            select(
                ArticleRow.id,
                ArticleRow.origin_id,
                ArticleRow.minhash,
                ArticleRow.text,
                ArticleRow.story_id,
            ).where(ArticleRow.id.in_(hits))
        ).all()
        best, best_score = None, 0.0
        for row in candidates:
            if row.id == item.article.id:
                continue
            # The MinHash estimate orders candidates cheaply; the shingles decide.
            if (
                estimated_jaccard(item.minhash, row.minhash or b"")
                < self.settings.dedup_threshold / 2
            ):
                continue
            copy = near_copy(item.article.text, row.text, self.settings)
            if copy is not None and copy.containment > best_score:
                best, best_score = row, copy.containment
        if best is None:
            return
        origin_id = best.origin_id or best.id
        origin = session.get(ArticleRow, origin_id)
        published = item.article.published
        if origin is not None and published and origin.published and published < origin.published:
            # The new article is the older text: it becomes the origin of the others.
            item.origin_story = origin.story_id
            item.replaces_origin = origin_id
            return
        item.origin_id = origin_id
        item.origin_story = origin.story_id if origin is not None else best.story_id

    def _row(self, item: Pending) -> ArticleRow:
        a = item.article
        return ArticleRow(
            id=a.id,
            content_hash=item.hash,
            url=a.url,
            file=a.file,
            outlet=a.outlet,
            title=a.title,
            published=a.published,
            published_source=a.published_source,
            language=a.language,
            text=a.text,
            removed=list(a.removed),
            source=item.source,
            raw_hash=item.raw_hash,
            ingested_at=now(),
            origin_id=item.origin_id,
            story_id=None,
            minhash=item.minhash,
        )

    def _cluster(self, session: Session, fresh: Sequence[Pending]) -> None:
        """Place the batch's originals with the online clusterer; copies follow their origin."""
        originals = [p for p in fresh if p.origin_id is None]
        self.recent_originals(session).extend(p.article.id for p in originals)
        missing = [p for p in originals if p.features is None]
        for item, computed in zip(
            missing, extract_features([p.article for p in missing], self.settings), strict=True
        ):
            item.features = computed
        features = [p.features for p in originals if p.features is not None]
        clusterer = self.clusterer(session)
        touched: set[str] = set()
        increments: Counter[str] = Counter()
        for item, feats in zip(originals, features, strict=True):
            increments.update(list(feats.terms) + [entity_key(e) for e in feats.entities])
            if item.origin_story is not None and item.origin_story in clusterer.stories:
                story_id = self._join(clusterer, feats, item.origin_story)
                merged: list[str] = []
            else:
                story, merged = clusterer.add(feats, stable_id("s", item.article.id))
                story_id = story.id
            self._store_features(session, item.article.id, feats, story_id)
            if merged:
                merge_stories(session, story_id, merged)
                touched.difference_update(merged)
            touched.add(story_id)
        self._place_copies(session, fresh, touched)
        session.flush()
        kept = sorted(t for t in touched if t in clusterer.stories)
        save_stories(session, [clusterer.stories[t] for t in kept], self.settings)
        if others := sorted(touched.difference(kept)):
            refresh_story_summaries(
                session, session.scalars(select(StoryRow).where(StoryRow.id.in_(others))).all()
            )
        add_frequencies(session, increments, len(originals))
        self._since_refresh += len(originals)
        if self._since_refresh >= self.settings.cluster_refresh_every:
            self._refresh_window(session)

    def _place_copies(self, session: Session, fresh: Sequence[Pending], touched: set[str]) -> None:
        """Copies join their origin's story as it is now, after this batch's merges, and
        the copies an older original took over follow it."""
        copies = [p for p in fresh if p.origin_id is not None]
        takeovers = [p for p in fresh if p.origin_id is None and p.replaces_origin]
        if not copies and not takeovers:
            return
        session.flush()
        origins = sorted({p.origin_id for p in copies if p.origin_id})
        story_of: dict[str, str | None] = {}
        for chunk in id_chunks(origins):
            story_of.update(
                session.execute(
                    select(ArticleRow.id, ArticleRow.story_id).where(ArticleRow.id.in_(chunk))
                )
                .tuples()
                .all()
            )
        for item in copies:
            story_id = story_of.get(item.origin_id or "") or item.origin_story
            row = self._rows.get(item.article.id)
            if row is not None:
                row.story_id = story_id
            if story_id:
                touched.add(story_id)
        for item in takeovers:
            row = self._rows.get(item.article.id)
            if row is None or row.story_id is None:
                continue
            previous = session.scalars(
                select(ArticleRow.story_id)
                .where(ArticleRow.origin_id == item.article.id, ArticleRow.story_id.is_not(None))
                .distinct()
            ).all()
            session.execute(
                update(ArticleRow)
                .where(ArticleRow.origin_id == item.article.id)
                .values(story_id=row.story_id)
                .execution_options(synchronize_session=False)
            )
            touched.update(p for p in previous if p)
            touched.add(row.story_id)

    def _refresh_window(self, session: Session) -> None:
        """Batch re-clustering of the stories the latest articles belong to.

        The online pass decides each article once, against centroids; here the stories of
        the last ``cluster_window`` originals are re-clustered together with average
        linkage, which splits stories glued together early and merges ones that grew
        toward each other. A story keeps its id when most of it stays together.

        Only a story's latest ``cluster_window_per_story`` originals take part: its older
        part stays as it is, and its contribution to the centroid (the stored centroid less
        the window's articles), its size and its dates carry over to whichever window
        cluster continues it, the one most similar to that older part.
        """
        self._since_refresh = 0
        clusterer = self.clusterer(session)
        recent: set[str] = set()
        for chunk in id_chunks(sorted(self.recent_originals(session))):
            recent.update(
                session.scalars(
                    select(ArticleRow.story_id).where(
                        ArticleRow.id.in_(chunk), ArticleRow.story_id.is_not(None)
                    )
                )
            )
        story_ids = sorted(sid for sid in recent if sid in clusterer.stories)
        per_story = self.settings.cluster_window_per_story
        rows = window_rows(session, story_ids, per_story)
        pairs = [(r, f) for r in rows if (f := features_from_row(r)) is not None]
        if len(pairs) != len(rows):
            self._notice(
                "no features",
                f"{len(rows) - len(pairs)} recent clustered article(s) have no clustering "
                "features of this version (stored by an older newsprism), so recent stories "
                "are not re-clustered as they grow; run `newsprism recluster` once to fix it",
            )
            return
        if len(pairs) < 2:
            return
        labels = batch_cluster([f for _, f in pairs], clusterer.df, self.settings)
        members: dict[int, list[int]] = {}
        for index, label in enumerate(labels):
            members.setdefault(label, []).append(index)
        older = {
            story_id: without_window(
                clusterer.stories[story_id],
                [f for r, f in pairs if r.story_id == story_id],
                part,
            )
            for story_id, part in older_parts(session, story_ids, per_story).items()
        }
        new_ids = self._continuations(pairs, members, older, clusterer.df)
        taken = set(new_ids.values()) | set(older)
        # Biggest new stories first take the old id most of their articles had.
        for label, indices in sorted(members.items(), key=lambda kv: -len(kv[1])):
            if label in new_ids:
                continue
            votes = Counter(pairs[i][0].story_id for i in indices)
            old = next((sid for sid, _ in votes.most_common() if sid and sid not in taken), None)
            new_id = old or stable_id("s", pairs[indices[0]][0].id)
            while new_id in taken or (old is None and new_id in clusterer.stories):
                new_id = stable_id("s", new_id, "split")  # a part split off an older story
            new_ids[label] = new_id
            taken.add(new_id)
        moved: dict[str, str] = {}
        affected: set[str] = set()  # stories that lost or gained articles
        for (row, _), label in zip(pairs, labels, strict=True):
            if row.story_id != new_ids[label]:
                affected.update((row.story_id or "", new_ids[label]))
                moved[row.id] = new_ids[label]
                row.story_id = new_ids[label]
        affected.discard("")
        if not moved:
            return
        session.flush()
        # Copies follow their origin, in one statement (Core: copies are not among the
        # loaded rows, nothing in the session to synchronise).
        articles = cast(Table, ArticleRow.__table__)
        session.execute(
            update(articles)
            .where(articles.c.origin_id == bindparam("origin"))
            .values(story_id=bindparam("story")),
            [{"origin": origin_id, "story": story_id} for origin_id, story_id in moved.items()],
        )
        for story_id in affected:
            clusterer.remove(story_id)
        rebuilt = []
        for label, story_id in new_ids.items():
            if story_id not in affected:
                continue
            story = older.pop(story_id, None) or Story(id=story_id)
            for i in members[label]:
                story.add(pairs[i][1])
            rebuilt.append(story)
        # A story whose window part all moved away is its older part alone.
        rebuilt.extend(older.pop(sid) for sid in sorted(affected & set(older)))
        for story in rebuilt:
            story.trim(self.settings.cluster_centroid_terms)
            clusterer.insert(story)
        save_stories(session, rebuilt, self.settings)
        emptied = sorted(affected - {story.id for story in rebuilt})
        if emptied:
            # Copies of articles outside the window may still be there.
            left = set(
                session.scalars(
                    select(ArticleRow.story_id).where(ArticleRow.story_id.in_(emptied)).distinct()
                )
            )
            session.execute(delete(StoryRow).where(StoryRow.id.in_(sorted(set(emptied) - left))))
            if left:
                refresh_story_summaries(
                    session,
                    session.scalars(select(StoryRow).where(StoryRow.id.in_(sorted(left)))).all(),
                )

    def _continuations(
        self,
        pairs: Sequence[tuple[ArticleRow, Features]],
        members: dict[int, list[int]],
        older: dict[str, Story],
        df: DocumentFrequencies,
    ) -> dict[int, str]:
        """For each story with an older part, the window cluster that continues it: the one
        among those holding its window articles most similar to the older part, if any is
        as similar as a lone article must be to join an established story. The biggest
        window cluster is not enough: the older part may be most of the story."""
        chosen: dict[int, str] = {}
        for story_id, part in sorted(older.items(), key=lambda kv: (-kv[1].size, kv[0])):
            scored = []
            for label, indices in sorted(members.items()):
                if label in chosen or all(pairs[i][0].story_id != story_id for i in indices):
                    continue
                window_part = Story(id=story_id)
                for i in indices:
                    window_part.add(pairs[i][1])
                score = similarity(window_part.as_features(), part, df, self.settings)
                scored.append((score, label))
            if scored:
                score, label = max(scored, key=lambda pair: (pair[0], -pair[1]))
                if score >= self.settings.cluster_attach_threshold:
                    chosen[label] = story_id
        return chosen

    def _join(self, clusterer: OnlineClusterer, feats: Features, story_id: str) -> str:
        """An older original of a stored copy joins the copy's story directly."""
        clusterer.df.add(list(feats.terms) + [entity_key(e) for e in feats.entities])
        story = clusterer.stories[story_id]
        clusterer.remove(story_id)
        story.add(feats)
        story.trim(self.settings.cluster_centroid_terms)
        clusterer.insert(story)
        return story_id

    def _store_features(
        self, session: Session, article_id: str, feats: Features, story_id: str
    ) -> None:
        row = self._rows.get(article_id) or session.get(ArticleRow, article_id)
        if row is None:
            return
        row.story_id = story_id
        row.terms = feats.terms
        row.entities = feats.entities
        row.vector = vector_bytes(feats.vector)


def _ranked_originals(story_ids: Sequence[str]) -> Subquery:
    """The stories' original articles numbered latest first within each story (ties by id,
    the later id first, as the recent-originals query orders them)."""
    return (
        select(
            ArticleRow.id,
            ArticleRow.story_id,
            ArticleRow.published,
            func.row_number()
            .over(
                partition_by=ArticleRow.story_id,
                order_by=(ArticleRow.ingested_at.desc(), ArticleRow.id.desc()),
            )
            .label("rank"),
        )
        .where(ArticleRow.origin_id.is_(None), ArticleRow.story_id.in_(story_ids))
        .subquery()
    )


def window_rows(session: Session, story_ids: Sequence[str], per_story: int) -> list[ArticleRow]:
    """The original articles of these stories, at most ``per_story`` latest of each, oldest
    first: a story of thousands of articles is revised by its recent part, so a
    re-clustering costs the same however large the stories grow."""
    ranked = _ranked_originals(story_ids)
    return list(
        session.scalars(
            select(ArticleRow)
            .join(ranked, ranked.c.id == ArticleRow.id)
            .where(ranked.c.rank <= per_story)
            .order_by(ArticleRow.ingested_at, ArticleRow.id)
            # The features only: the window's texts are large and not needed here.
            .options(defer(ArticleRow.text), defer(ArticleRow.removed))
        )
    )


@dataclass
class OlderPart:
    """A story's originals before its window: how many, and the dates they span."""

    count: int
    first: date | None
    last: date | None


def older_parts(session: Session, story_ids: Sequence[str], per_story: int) -> dict[str, OlderPart]:
    """The stories that have originals beyond their ``per_story`` latest, and what those
    are (counted in the database: their features are not read)."""
    ranked = _ranked_originals(story_ids)
    found = session.execute(
        select(
            ranked.c.story_id,
            func.count(),
            func.min(ranked.c.published),
            func.max(ranked.c.published),
        )
        .where(ranked.c.rank > per_story)
        .group_by(ranked.c.story_id)
    )
    return {story_id: OlderPart(n, first, last) for story_id, n, first, last in found}


def without_window(story: Story, window: Sequence[Features], older: OlderPart) -> Story:
    """What a story's older part contributes to its centroid: the centroid less its window
    articles. Weights a trimmed centroid had already dropped stay dropped."""
    terms, entities = Counter(story.terms), Counter(story.entities)
    vector_sum = story.vector_sum.copy()
    for features in window:
        terms.subtract(features.terms)
        entities.subtract(features.entities)
        if vector_sum.size == features.vector.size:
            vector_sum = vector_sum - features.vector
    return Story(
        id=story.id,
        size=older.count,
        # Float sums leave crumbs where a term's whole weight came from the window.
        terms=Counter({t: w for t, w in terms.items() if w > 1e-6}),
        entities=Counter({t: w for t, w in entities.items() if w > 1e-6}),
        vector_sum=vector_sum.astype(np.float32),
        first_seen=older.first,
        last_seen=older.last,
    )


def ingest_articles(
    store: Store,
    articles: Iterable[Article],
    settings: Settings = DEFAULT,
    cluster: bool = True,
    batch_size: int = 32,
    on_batch: Callable[[IngestCounts], None] | None = None,
) -> IngestCounts:
    """Store articles (the library entry point behind ``newsprism ingest``)."""
    ingester = Ingester(store, settings, cluster=cluster)
    batch: list[Pending] = []
    for article in articles:
        batch.append(Pending(article=article, source=article.file))
        if len(batch) >= batch_size:
            ingester.add(batch)
            batch = []
            if on_batch:
                on_batch(ingester.counts)
    if batch:
        ingester.add(batch)
        if on_batch:
            on_batch(ingester.counts)
    ingester.finish()
    return ingester.counts


def recluster(store: Store, settings: Settings = DEFAULT, batch_size: int = 64) -> int:
    """Re-cluster every original article in batch (agglomerative, same similarity).

    Articles stored without features (``ingest --no-cluster``) get them first. Copies follow
    their origin. All in one transaction: an interrupted run leaves the old stories. Returns
    the number of stories.
    """
    from newsprism.store.repository import article_from_row

    with store.session() as session, session.begin():
        rows = session.scalars(
            select(ArticleRow).where(ArticleRow.origin_id.is_(None)).order_by(*ARTICLE_ORDER)
        ).all()
        if len(rows) > settings.recluster_max_articles:
            raise NewsprismError(
                f"{len(rows)} articles: batch re-clustering holds a full similarity matrix and "
                f"stops at {settings.recluster_max_articles} (Settings.recluster_max_articles)"
            )
        missing = [r for r in rows if features_from_row(r) is None]
        for start in range(0, len(missing), batch_size):
            chunk = missing[start : start + batch_size]
            for row, feats in zip(
                chunk, extract_features([article_from_row(r) for r in chunk], settings), strict=True
            ):
                row.terms, row.entities = feats.terms, feats.entities
                row.vector = vector_bytes(feats.vector)
        pairs = [(r, f) for r in rows if (f := features_from_row(r)) is not None]
        known = [f for _, f in pairs]
        df = DocumentFrequencies()
        for f in known:
            df.add(list(f.terms) + [entity_key(e) for e in f.entities])
        labels = batch_cluster(known, df, settings)
        stories: dict[int, Story] = {}
        for (row, feats), label in zip(pairs, labels, strict=True):
            if label not in stories:
                stories[label] = Story(id=stable_id("s", row.id))
            stories[label].add(feats)
            row.story_id = stories[label].id
        session.flush()
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.origin_id.is_not(None))
            .values(
                story_id=select(OriginRow.story_id)
                .where(OriginRow.id == ArticleRow.origin_id)
                .scalar_subquery()
            )
        )
        session.execute(delete(StoryRow))
        session.execute(delete(TermFrequency))
        session.execute(delete(Meta))
        session.flush()
        counts: Counter[str] = Counter()
        for f in known:
            counts.update(list(f.terms) + [entity_key(e) for e in f.entities])
        add_frequencies(session, counts, len(known))
        for story in stories.values():
            story.trim(settings.cluster_centroid_terms)
        save_stories(session, list(stories.values()), settings)
        return len(stories)
