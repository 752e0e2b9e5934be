"""Parsing (spaCy) and sentence embeddings (MiniLM), each loaded once and cached."""
