"""newsprism: one news story through every source that covers it."""

__version__ = "0.1.0"
