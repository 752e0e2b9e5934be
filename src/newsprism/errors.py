"""Errors that the command line turns into a clear message and an exit code."""

from __future__ import annotations


class NewsprismError(Exception):
    """A problem with the user's input or setup, reported without a traceback."""

    exit_code = 1


class NoReadableInput(NewsprismError):
    """Nothing in the given paths could be read as an article."""

    exit_code = 2
