"""Near-duplicates on real text: copies with edits are caught, different articles are not."""

from __future__ import annotations

from datasketch import MinHash

from newsprism.config import DEFAULT
from newsprism.stories.dedup import (
    content_hash,
    estimated_jaccard,
    fingerprint,
    near_copy,
    shingles,
    signature,
)
from tests.conftest import shared_path


def two_articles() -> tuple[str, str]:
    files = sorted(shared_path("data", "polnear", "train", "text").glob("*.txt"))[:2]
    return files[0].read_text("utf-8"), files[1].read_text("utf-8")


def test_hash_ignores_case_spacing_and_punctuation() -> None:
    text, _ = two_articles()
    variant = "  " + text.upper().replace(",", " ,").replace("\n", "\n\n") + " "
    assert content_hash(variant) == content_hash(text)
    assert content_hash(text + " And one more sentence.") != content_hash(text)


def test_edited_copy_shares_lsh_bands_and_is_a_near_duplicate() -> None:
    text, other = two_articles()
    words = text.split()
    # A republication: a disclaimer added, every 60th word changed, the end trimmed.
    edited = ["Republished with permission."] + [
        "changed" if i % 60 == 30 else w for i, w in enumerate(words[: int(len(words) * 0.9)])
    ]
    copy = " ".join(edited)
    a, b, c = signature(text), signature(copy), signature(other)
    assert set(enumerate(a.bands)) & set(enumerate(b.bands))
    assert not set(enumerate(a.bands)) & set(enumerate(c.bands))
    assert estimated_jaccard(a.to_bytes(), b.to_bytes()) > 0.5
    assert near_copy(text, copy) is not None
    assert near_copy(text, other) is None


def test_short_shared_passage_is_not_a_copy() -> None:
    text, other = two_articles()
    first_sentence = text.split(".")[0] + "."
    assert near_copy(first_sentence + " " + other, text) is None


def test_near_copy_scores_a_trimmed_copy_and_rejects_another_article() -> None:
    text, other = two_articles()
    words = text.split()
    trimmed = "Republished with permission. " + " ".join(words[: int(len(words) * 0.7)])
    copy = near_copy(trimmed, text)
    assert copy is not None
    # Most of the trimmed copy's shingles are in the original, a good part of the
    # original's are missing from the copy.
    assert copy.containment > 0.95 and copy.jaccard < 0.8
    assert copy.smaller == len(shingles(trimmed))
    assert near_copy(text, other) is None


def test_fingerprint_is_the_hash_and_datasketch_minhash_of_the_text() -> None:
    text, _ = two_articles()
    text_hash, minhash, bands = fingerprint(text)
    assert text_hash == content_hash(text)
    # The signature is datasketch's own MinHash of the shingles (its default SHA-1 hash),
    # so signatures stored by any version compare with new ones.
    reference = MinHash(num_perm=DEFAULT.dedup_num_perm, seed=1)
    reference.update_batch([s.encode("utf-8") for s in shingles(text)])
    assert minhash == reference.hashvalues.astype("<u8").tobytes()
    assert bands == signature(text).bands and len(set(bands)) > 1
