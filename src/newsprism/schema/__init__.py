"""Data files: the brief's JSON Schema."""
