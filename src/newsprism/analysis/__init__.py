"""The analysis no library does: entities, quotes, claims, conflicts, timeline, framing, summary."""
