"""Quote benchmark on PolNeAR: our attributions against the gold ones and textacy's.

A predicted quote matches a gold attribution when their contents share at least half of the
shorter one's word tokens (one-to-one, best overlaps first). Source accuracy is measured over
matched pairs whose gold attribution names a source: right when the predicted speaker's span
overlaps the gold source, or the predicted speaker is the entity the gold source names.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.analysis.entities import EntityIndex, fold, resolve_entities
from newsprism.analysis.quotes import extract_quotes
from newsprism.model import Article, Quote, stable_id
from newsprism.nlp.pipeline import ParsedStory, load_nlp

_WORD = re.compile(r"\w+")
_CARRIED_ON = frozenset({"continuation", "unattributed"})  # rules that extend a quote
Ranges = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Ranges
    source: Ranges = field(default_factory=list)
    source_text: str = ""


@dataclass
class Prediction:
    content: Ranges
    source: Ranges
    speaker: str | None = None
    speaker_entity_id: str | None = None
    rule: str | None = None


def read_attributions(ann: Path) -> list[GoldAttribution]:
    """The brat standoff ``E# Attribution:T.. Source:T.. Cue:T.. Content:T..`` records."""
    spans: dict[str, tuple[Ranges, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = parts[1].partition(" ")[2]
            ranges = [
                (int(a), int(b)) for a, b in (r.split() for r in offsets.split(";") if r.strip())
            ]
            spans[parts[0]] = (ranges, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    gold = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        source, source_text = spans.get(roles.get("Source", ""), ([], ""))
        gold.append(GoldAttribution(spans[roles["Content"]][0], source, source_text))
    return gold


def _split_dir(data: Path) -> Path:
    for part in ("test", "dev"):
        if (data / part / "text").is_dir():
            return data / part
    if (data / "text").is_dir():
        return data
    raise FileNotFoundError(f"no PolNeAR text/ folder under {data}")


def load_documents(
    data: Path, limit: int | None = None
) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold) for each text with an annotation file (the first annotator's)."""
    split = _split_dir(data)
    docs = []
    for text_file in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(text_file.stem + "_*.ann"))
        if not anns:
            continue
        docs.append((text_file.name, text_file.read_text("utf-8"), read_attributions(anns[0])))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _words(text: str, ranges: Ranges) -> set[int]:
    return {m.start() for a, b in ranges for m in _WORD.finditer(text, a, b)}


def _overlaps(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_document(
    text: str,
    gold: list[GoldAttribution],
    predicted: list[Prediction],
    entities: EntityIndex | None,
) -> dict[str, int]:
    gold_words = [_words(text, g.content) for g in gold]
    pred_words = [_words(text, p.content) for p in predicted]
    pairs = []
    for gi, gw in enumerate(gold_words):
        for pi, pw in enumerate(pred_words):
            if gw and pw:
                shared = len(gw & pw) / min(len(gw), len(pw))
                if shared >= 0.5:
                    pairs.append((shared, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = sourced = source_right = 0
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched += 1
        g, p = gold[gi], predicted[pi]
        if not g.source:
            continue
        sourced += 1
        if _overlaps(p.source, g.source) or _same_speaker(g.source_text, p, entities):
            source_right += 1
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": matched,
        "sourced": sourced,
        "source_right": source_right,
    }


def _same_speaker(gold_source: str, p: Prediction, entities: EntityIndex | None) -> bool:
    if not p.speaker or not gold_source:
        return False
    if entities is not None and p.speaker_entity_id:
        named = entities.find(gold_source)
        if named is not None and named.id == p.speaker_entity_id:
            return True
    speaker_words = _WORD.findall(fold(p.speaker))
    return bool(speaker_words) and speaker_words[-1] in _WORD.findall(fold(gold_source))


def _ours(name: str, text: str, doc: object) -> tuple[list[Prediction], EntityIndex]:
    article = Article(id=stable_id("a", name, text), file=name, text=text)
    story = ParsedStory(articles=[article], docs={article.id: doc})  # type: ignore[dict-item]
    entities = resolve_entities(story)
    return attributions(extract_quotes(story, entities)), entities


def attributions(quotes: list[Quote]) -> list[Prediction]:
    """One prediction per attribution, as PolNeAR annotates them.

    A quotation that carries on after its cue ('"...," said X. "..."') is found as a second
    quote with the same cue and speaker mention; it is one attribution in two pieces.
    """
    merged: dict[tuple[object, ...], Prediction] = {}
    predictions: list[Prediction] = []
    for q in sorted(quotes, key=lambda q: q.span):
        key = (q.speaker_span, q.cue)
        found = merged.get(key) if q.speaker_span is not None else None
        if found is not None and q.rule in _CARRIED_ON:
            found.content.append(q.span)
            continue
        prediction = Prediction(
            [q.span],
            [q.speaker_span] if q.speaker_span else [],
            q.speaker,
            q.speaker_entity_id,
            q.rule,
        )
        merged[key] = prediction
        predictions.append(prediction)
    return predictions


def _textacy(doc: object) -> list[Prediction]:
    from textacy.extract.triples import direct_quotations

    predictions: list[Prediction] = []
    try:
        triples = list(direct_quotations(doc))  # type: ignore[arg-type]
    except ValueError:  # textacy gives up on a document with an unclosed quotation mark
        return predictions
    for triple in triples:
        content = triple.content
        speaker = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        predictions.append(
            Prediction(
                [(content.start_char, content.end_char)],
                speaker,
                " ".join(t.text for t in triple.speaker),
            )
        )
    return predictions


def _summary(totals: dict[str, int]) -> dict[str, float]:
    precision = totals["matched"] / totals["predicted"] if totals["predicted"] else 0.0
    recall = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = totals["source_right"] / totals["sourced"] if totals["sourced"] else 0.0
    return {
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "source_accuracy": round(accuracy, 4),
    }


def run(data: Path, limit: int | None = None) -> dict:
    """Score our quote extraction and textacy's on PolNeAR (``test`` when present, else ``dev``)."""
    documents = load_documents(Path(data), limit)
    nlp = load_nlp()
    keys = ("gold", "predicted", "matched", "sourced", "source_right")
    totals = {"ours": dict.fromkeys(keys, 0), "textacy": dict.fromkeys(keys, 0)}
    seconds = {"ours": 0.0, "textacy": 0.0}
    for name, text, gold in documents:
        start = time.perf_counter()
        doc = nlp(text)
        parse_seconds = time.perf_counter() - start
        start = time.perf_counter()
        ours, entities = _ours(name, text, doc)
        seconds["ours"] += parse_seconds + time.perf_counter() - start
        start = time.perf_counter()
        peer = _textacy(doc)
        seconds["textacy"] += parse_seconds + time.perf_counter() - start
        for system, predicted, index in (("ours", ours, entities), ("textacy", peer, entities)):
            for key, value in score_document(text, gold, predicted, index).items():
                totals[system][key] += value
    return {
        "task": "quotes",
        "items": len(documents),
        "ours": _summary(totals["ours"]),
        "peers": {"textacy": _summary(totals["textacy"])},
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }
