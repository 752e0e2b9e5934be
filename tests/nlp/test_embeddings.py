"""The fast static embeddings used for story clustering."""

from __future__ import annotations

import logging

import numpy as np

from newsprism.nlp.embeddings import embed_fast


def test_fast_embeddings_put_paraphrases_closer_than_other_news() -> None:
    handlers = list(logging.getLogger().handlers)
    vectors = embed_fast(
        [
            "Wladimir Klitschko stopped Tony Thompson in the sixth round to keep his titles.",
            "Klitschko retained his heavyweight belts with a sixth-round stoppage of Thompson.",
            "The central bank raised interest rates by half a point to fight inflation.",
            "",
        ]
    )
    assert vectors.shape == (4, 256) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert embed_fast([]).shape == (0, 256)
    # Loading wordllama leaves the application's logging as it was.
    assert logging.getLogger().handlers == handlers
