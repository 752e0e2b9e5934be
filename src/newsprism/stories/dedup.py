"""Exact and near-duplicate texts: the same wire story in many outlets, a republished post.

Exact copies share a hash of the normalised text. Near copies (edited, trimmed, with a
disclaimer added) are found with MinHash over word shingles and LSH banding (datasketch);
the band hashes go into an indexed table, so a lookup is an index probe in SQLite or
PostgreSQL, whichever process wrote the earlier copies. Candidates are then confirmed on
the exact shingle sets, so a chance band collision never links two articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.config import DEFAULT, Settings

_WORD = re.compile(r"\w+")
# A text this many shingles or shorter is too short to call a copy by containment alone.
MIN_CONTAINED_SHINGLES = 20
CONTAINMENT_THRESHOLD = 0.8
_SEED = 1


def normalise_text(text: str) -> str:
    """Case, punctuation, quotes and spacing removed: what copies of one text share."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = DEFAULT.dedup_shingle_words) -> set[str]:
    words = normalise_text(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@cache
def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that datasketch picks for this Jaccard threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@cache
def _template(num_perm: int) -> MinHash:
    """datasketch draws permutations per MinHash; drawing them once saves most of its set-up."""
    return MinHash(num_perm=num_perm, seed=_SEED)


@dataclass
class Signature:
    """A text's MinHash and its LSH band hashes (one signed 64-bit int per band)."""

    hashvalues: np.ndarray
    bands: list[int]

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()


def signature(text: str, settings: Settings = DEFAULT) -> Signature:
    template = _template(settings.dedup_num_perm)
    minhash = MinHash(
        num_perm=settings.dedup_num_perm,
        seed=_SEED,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    minhash.update_batch([s.encode("utf-8") for s in shingles(text, settings.dedup_shingle_words)])
    bands, rows = lsh_shape(settings.dedup_threshold, settings.dedup_num_perm)
    values = minhash.hashvalues.astype("<u8")
    band_hashes = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        band_hashes.append(int.from_bytes(digest, "little", signed=True))
    return Signature(hashvalues=values, bands=band_hashes)


def fingerprint(text: str, settings: Settings = DEFAULT) -> tuple[str, bytes, list[int]]:
    """What the near-duplicate check stores of a text: its exact hash, its MinHash
    signature and the signature's LSH band hashes."""
    sig = signature(text, settings)
    return content_hash(text), sig.to_bytes(), sig.bands


def estimated_jaccard(a: bytes, b: bytes) -> float:
    left = np.frombuffer(a, dtype="<u8")
    right = np.frombuffer(b, dtype="<u8")
    return float(np.mean(left == right)) if left.size and left.size == right.size else 0.0


@dataclass
class Resemblance:
    jaccard: float
    containment: float  # share of the shorter text's shingles found in the longer
    smaller: int  # shingles in the shorter text


def resemblance(a: str, b: str, settings: Settings = DEFAULT) -> Resemblance:
    left = shingles(a, settings.dedup_shingle_words)
    right = shingles(b, settings.dedup_shingle_words)
    if not left or not right:
        return Resemblance(0.0, 0.0, 0)
    shared = len(left & right)
    smaller = min(len(left), len(right))
    return Resemblance(shared / len(left | right), shared / smaller, smaller)


def near_copy(a: str, b: str, settings: Settings = DEFAULT) -> Resemblance | None:
    """How much two texts resemble each other when one is a near copy of the other (the
    same text, give or take edits, a trimmed ending or an added disclaimer), else None:
    the check and the score that ranks copies from one comparison of the shingles."""
    r = resemblance(a, b, settings)
    if r.jaccard >= settings.dedup_threshold:
        return r
    if r.containment >= CONTAINMENT_THRESHOLD and r.smaller >= MIN_CONTAINED_SHINGLES:
        return r
    return None
