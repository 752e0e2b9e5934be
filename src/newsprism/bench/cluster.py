"""Story clustering: every document at once, the number of stories not given.

On ECB+ the gold story of a document is (topic, sub-topic): each ECB+ topic holds two events
of the same kind (``ecb`` and ``ecbplus`` files). FNC-1's bodies (``--data`` an fnc-1
folder) make a second test with larger stories, up to 50 bodies, and no such pairs. Ours
runs through the same code as ``newsprism ingest`` (an in-memory store, online clustering in
arrival order), and the batch re-clustering of ``newsprism recluster`` is reported too.
Peers are scikit-learn's agglomerative clustering and K-means on TF-IDF given the true
number of stories: an upper baseline that knows what ours must find out.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from newsprism.errors import NewsprismError
from newsprism.model import Article, stable_id
from newsprism.store.db import Store

_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’]|n't|'s|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens).replace("``", '"').replace("''", '"')
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def load_ecbplus(data: Path) -> list[tuple[Article, str]]:
    """(article, gold story) for every document under ``data``/ECB+.

    The first sentence (after the URL line of ``ecbplus`` files) becomes the title.
    """
    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    if not root.is_dir():
        raise NewsprismError(f"no ECB+ folder under {data}")
    items = []
    for path in sorted(root.glob("*/*.xml")):
        match = _FILE.match(path.name)
        if not match:
            continue
        topic, _, sub = match.groups()
        # ECB+ files are plain token lists; the parser resolves no external entities.
        tree = ElementTree.parse(path)
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in tree.getroot().iter("token"):
            sentences[int(token.get("sentence", "0"))].append(token.text or "")
        order = sorted(sentences)
        if sub == "ecbplus" and order and order[0] == 0:
            order = order[1:]  # sentence 0 is the source URL
        lines = [_detokenize(sentences[i]) for i in order if sentences[i]]
        if not lines:
            continue
        article = Article(
            id=stable_id("a", path.name),
            file=path.name,
            title=lines[0],
            text="\n".join(lines[1:]) or lines[0],
        )
        items.append((article, f"{topic}/{sub}"))
    if not items:
        raise NewsprismError(f"no ECB+ documents under {root}")
    return items


def load_fnc_stories(data: Path) -> list[tuple[Article, str]]:
    """(body, story) for every FNC-1 train body that some headline is related to.

    FNC-1's headlines and bodies come from Emergent's claims: a body agrees with, denies or
    discusses the headlines of its claim. Bodies joined through such pairs (the connected
    components of the headline-body graph) tell one story.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from newsprism.bench.stance import RELATED, read_bodies, read_pairs

    bodies = read_bodies(data / "train_bodies.csv")
    links = [
        (pair.headline, pair.body_id)
        for pair in read_pairs(data / "train_stances.reconstructed.csv")
        if pair.stance in RELATED and pair.body_id in bodies
    ]
    if not links:
        raise NewsprismError(f"no related headline and body pairs under {data}")
    related = sorted({b for _, b in links}, key=lambda b: (len(b), b))
    node = {b: i for i, b in enumerate(related)}
    for headline, _ in links:
        node.setdefault("headline:" + headline, len(node))
    rows = [node["headline:" + h] for h, _ in links]
    columns = [node[b] for _, b in links]
    graph = coo_matrix(([1] * len(links), (rows, columns)), shape=(len(node), len(node)))
    _, component = connected_components(graph, directed=False)
    story_names: dict[int, str] = {}
    items = []
    for body_id in related:
        story = story_names.setdefault(
            int(component[node[body_id]]), f"story-{len(story_names) + 1}"
        )
        article = Article(
            id=stable_id("a", "fnc", body_id), file=f"body-{body_id}", text=bodies[body_id]
        )
        items.append((article, story))
    return items


def realistic_order(items: Sequence[tuple[Article, str]], seed: int = 13) -> list[int]:
    """Arrival order of a news stream: each story's coverage arrives interleaved with others.

    ECB+ has no dates; the ``ecb`` events are older than the ``ecbplus`` ones, so the older
    events stream first, then the newer, topics interleaved at random within each era.
    """
    rng = random.Random(seed)
    eras: dict[bool, list[int]] = {False: [], True: []}
    for index, (_, gold) in enumerate(items):
        eras[gold.endswith("ecbplus")].append(index)
    order = []
    for era in (False, True):
        indices = eras[era]
        rng.shuffle(indices)
        order.extend(indices)
    return order


def bcubed(gold: Sequence[str], predicted: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items."""
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_size = Counter(gold)
    predicted_size = Counter(predicted)
    n = len(gold)
    precision = sum(c * c / predicted_size[p] for (_, p), c in pairs.items()) / n
    recall = sum(c * c / gold_size[g] for (g, _), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(gold: Sequence[str], predicted: Sequence[object]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    precision, recall, f1 = bcubed(gold, predicted)
    labels = {p: i for i, p in enumerate(dict.fromkeys(predicted))}
    return {
        "bcubed_f1": round(f1, 4),
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "ari": round(float(adjusted_rand_score(gold, [labels[p] for p in predicted])), 4),
        "clusters": len(labels),
    }


def _peers(articles: Sequence[Article], gold: Sequence[str]) -> tuple[dict, dict]:
    from sklearn.cluster import AgglomerativeClustering, KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    k = len(set(gold))
    texts = [f"{a.title}\n{a.text}" for a in articles]
    timing = {}
    start = time.perf_counter()
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    vectorize = time.perf_counter() - start
    start = time.perf_counter()
    agglomerative = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average")
    agg_labels = agglomerative.fit_predict(matrix.toarray())
    timing["agglomerative_tfidf_k_given"] = round(vectorize + time.perf_counter() - start, 3)
    start = time.perf_counter()
    kmeans_labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(matrix)
    timing["kmeans_tfidf_k_given"] = round(vectorize + time.perf_counter() - start, 3)
    peers = {
        "agglomerative_tfidf_k_given": scores(gold, list(agg_labels)),
        "kmeans_tfidf_k_given": scores(gold, list(kmeans_labels)),
    }
    return peers, timing


def _stories_of(store: Store, articles: Sequence[Article]) -> dict[str, str | None]:
    """Each article's story; an exact duplicate (ECB+ has a few) takes its stored copy's."""
    from sqlalchemy import select

    from newsprism.store.models import ArticleRow
    from newsprism.store.repository import article_story_ids
    from newsprism.stories.dedup import content_hash

    found = article_story_ids(store, [a.id for a in articles])
    with store.session() as session:
        for article in articles:
            if article.id not in found:
                found[article.id] = session.scalar(
                    select(ArticleRow.story_id).where(
                        ArticleRow.content_hash == content_hash(article.text)
                    )
                )
    return found


def run(data: Path, limit: int | None = None) -> dict:
    """Cluster every document (the first ``limit`` ECB+ topics or FNC-1 stories when given)
    and score it."""
    from newsprism.store.db import open_store
    from newsprism.store.ingest import ingest_articles, recluster

    if (data / "train_bodies.csv").is_file():
        items = load_fnc_stories(data)
        if limit is not None:
            keep = list(dict.fromkeys(gold for _, gold in items))[:limit]
            items = [item for item in items if item[1] in keep]
        order = list(range(len(items)))
        random.Random(13).shuffle(order)
    else:
        items = load_ecbplus(data)
        if limit is not None:
            topics = sorted({gold.split("/")[0] for _, gold in items}, key=int)[:limit]
            items = [item for item in items if item[1].split("/")[0] in topics]
        order = realistic_order(items)
    articles = [items[i][0] for i in order]
    gold = [items[i][1] for i in order]

    seconds: dict[str, float] = {}
    store = open_store("sqlite://")
    start = time.perf_counter()
    ingest_articles(store, articles)
    seconds["ours_online"] = round(time.perf_counter() - start, 3)
    online = _stories_of(store, articles)
    ours = scores(gold, [online[a.id] for a in articles])

    start = time.perf_counter()
    recluster(store)
    seconds["ours_batch"] = round(time.perf_counter() - start, 3)
    batch = _stories_of(store, articles)
    ours_batch = scores(gold, [batch[a.id] for a in articles])
    store.close()

    peers, peer_seconds = _peers(articles, gold)
    seconds.update(peer_seconds)
    return {
        "task": "cluster",
        "items": len(articles),
        "stories": len(set(gold)),
        "ours": ours,
        "ours_batch": ours_batch,
        "peers": peers,
        "seconds": seconds,
    }
