"""Near-duplicates on real text: copies with edits are caught, different articles are not."""

from __future__ import annotations

from newsprism.stories.dedup import (
    content_hash,
    estimated_jaccard,
    is_near_duplicate,
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
    assert is_near_duplicate(text, copy)
    assert not is_near_duplicate(text, other)


def test_short_shared_passage_is_not_a_copy() -> None:
    text, other = two_articles()
    first_sentence = text.split(".")[0] + "."
    assert not is_near_duplicate(first_sentence + " " + other, text)
