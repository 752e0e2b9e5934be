"""FNC-1 stance detection: our two-stage classifier against the FNC-1 baselines.

The test part is the competition test set when its files are in the folder, else the
train files split by body id (a fixed seed), so no body is seen in training and test.
Everything is trained on the train part only, in this run.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.bench.common import BenchDataError, BenchResult, Stopwatch, require_layout

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
TEST_FRACTION = 0.2
SEED = 2017


@dataclass
class Pair:
    headline: str
    body_id: str
    stance: str


@dataclass
class StanceSplit:
    train: list[Pair]
    test: list[Pair]
    bodies: dict[str, str]
    source: str  # where the test part came from


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 weighted score as a percentage of the best possible score.

    0.25 for getting related vs unrelated right, 0.75 more for the right related class.
    """
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g in RELATED and p in RELATED:
            score += 0.25
    return 100.0 * score / best if best else 0.0


def stance_metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    per_class = f1_score(gold, predicted, labels=list(STANCES), average=None, zero_division=0)
    metrics = {"score": round(fnc_score(gold, predicted), 2)}
    metrics.update({f"f1_{s}": round(float(f), 4) for s, f in zip(STANCES, per_class, strict=True)})
    metrics["f1_macro"] = round(float(per_class.mean()), 4)
    return metrics


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BenchDataError(f"{path}: not a readable CSV file ({exc})") from exc


def read_pairs(path: Path) -> list[Pair]:
    rows = _read_csv(path)
    try:
        return [Pair(r["Headline"], r["Body ID"], r["Stance"]) for r in rows]
    except KeyError as exc:
        raise BenchDataError(
            f"{path}: no column {exc} (expected Headline, Body ID, Stance)"
        ) from exc


def read_bodies(path: Path) -> dict[str, str]:
    try:
        return {r["Body ID"]: r["articleBody"] for r in _read_csv(path)}
    except KeyError as exc:
        raise BenchDataError(f"{path}: no column {exc} (expected Body ID, articleBody)") from exc


def load_split(data: Path, limit: int | None = None) -> StanceSplit:
    """Train and test pairs; with ``limit``, N test pairs and the pairs of 30*N train bodies."""
    require_layout(data, ["train_bodies.csv", "train_stances.reconstructed.csv"], "fnc-1")
    bodies = read_bodies(data / "train_bodies.csv")
    train = read_pairs(data / "train_stances.reconstructed.csv")
    test_stances = data / "competition_test_stances.csv"
    test_bodies = data / "competition_test_bodies.csv"
    if test_stances.is_file() and test_bodies.is_file():
        test_body_text = {f"test-{k}": v for k, v in read_bodies(test_bodies).items()}
        test = [Pair(p.headline, f"test-{p.body_id}", p.stance) for p in read_pairs(test_stances)]
        bodies.update(test_body_text)
        source = "competition test set"
    else:
        body_ids = sorted({p.body_id for p in train}, key=lambda b: (len(b), b))
        random.Random(SEED).shuffle(body_ids)
        held_out = set(body_ids[: round(len(body_ids) * TEST_FRACTION)])
        test = [p for p in train if p.body_id in held_out]
        train = [p for p in train if p.body_id not in held_out]
        source = f"train files split by body id ({TEST_FRACTION:.0%} of bodies held out)"
    missing = {p.body_id for p in train + test} - bodies.keys()
    if missing:
        raise BenchDataError(f"--data {data}: {len(missing)} body ids have no body text")
    bad = {p.stance for p in train + test} - set(STANCES)
    if bad:
        raise BenchDataError(f"--data {data}: unknown stance labels {sorted(bad)}")
    if limit:
        test = random.Random(SEED).sample(test, min(limit, len(test)))
        keep_ids = sorted({p.body_id for p in train})
        random.Random(SEED).shuffle(keep_ids)
        keep = set(keep_ids[: max(30 * limit, 20)])
        train = [p for p in train if p.body_id in keep]
    return StanceSplit(train=train, test=test, bodies=bodies, source=source)


# The FNC-1 organisers' baseline (fnc-1-baselines, feature_engineering.py): word overlap,
# refuting words in the headline, polarity, and headline n-grams found in the body, with
# GradientBoostingClassifier. Tokens are lower-cased words (the original also lemmatises
# with WordNet, whose data is not installed here), so the figure is "baseline-like".
_BASELINE_REFUTING = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt",
    "doubts", "bogus", "debunk", "pranks", "retract",
)
_ALNUM = re.compile(r"[a-z0-9]+")


def _clean(text: str) -> list[str]:
    return _ALNUM.findall(text.lower())


def _baseline_features(headline: str, body: str) -> list[float]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    head, text = _clean(headline), _clean(body)
    head_set, body_set = set(head), set(text)
    union = head_set | body_set
    features = [len(head_set & body_set) / len(union) if union else 0.0]
    features += [float(w in head_set) for w in _BASELINE_REFUTING]
    features += [sum(w in head_set for w in _BASELINE_REFUTING) % 2,
                 sum(w in body_set for w in _BASELINE_REFUTING) % 2]
    joined, early = " ".join(text), " ".join(text)[:255]
    early_set = set(early.split())
    features += [sum(t in body_set for t in head), sum(t in early_set for t in head)]
    content = [t for t in head if t not in ENGLISH_STOP_WORDS]
    features += [sum(t in body_set for t in content), sum(t in early_set for t in content)]
    head_text = " ".join(head)
    for size in (2, 4, 8, 16):
        grams = [head_text[i : i + size] for i in range(max(len(head_text) - size + 1, 0))]
        features += [sum(g in joined for g in grams), sum(g in early for g in grams),
                     sum(g in early[:100] for g in grams)]
    for n in (2, 3, 4, 5, 6):
        grams = [" ".join(head[i : i + n]) for i in range(max(len(head) - n + 1, 0))]
        features += [sum(g in joined for g in grams), sum(g in early for g in grams)]
    return [float(f) for f in features]


def baseline_predict(train: list[Pair], test: list[Pair], bodies: dict[str, str]) -> list[str]:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    x_train = np.array([_baseline_features(p.headline, bodies[p.body_id]) for p in train])
    x_test = np.array([_baseline_features(p.headline, bodies[p.body_id]) for p in test])
    model = GradientBoostingClassifier(n_estimators=200, random_state=14128)
    model.fit(x_train, [p.stance for p in train])
    return [str(s) for s in model.predict(x_test)]


def run(data: Path, limit: int | None = None) -> dict[str, Any]:
    from newsprism.analysis.stance import StanceModel

    split = load_split(data, limit)
    gold = [p.stance for p in split.test]
    result = BenchResult(task="stance", items=len(split.test))
    result.notes.append(f"test part: {split.source}; train pairs: {len(split.train)}")
    watch = Stopwatch()

    def texts(pairs: list[Pair]) -> tuple[list[str], list[str]]:
        return [p.headline for p in pairs], [split.bodies[p.body_id] for p in pairs]

    with watch.time("ours"):
        model = StanceModel().fit(*texts(split.train), [p.stance for p in split.train])
        predicted = model.predict_many(*texts(split.test))
    result.ours = stance_metrics(gold, predicted)

    with watch.time("always-unrelated"):
        majority = ["unrelated"] * len(gold)
    result.peers["always-unrelated"] = stance_metrics(gold, majority)
    with watch.time("fnc1-baseline"):
        baseline = baseline_predict(split.train, split.test, split.bodies)
    result.peers["fnc1-baseline"] = stance_metrics(gold, baseline)
    result.seconds = watch.seconds
    return result.to_dict()
