"""Errors a user can cause, each with what to do about it."""

from __future__ import annotations


class ImgreadError(Exception):
    """A failure with a message for the user and a hint on what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ImageError(ImgreadError):
    """The file is not an image imgread can read."""


class ConfigError(ImgreadError):
    """A setting or flag is wrong."""


class BackendUnavailable(ImgreadError):
    """An optional engine or model is not installed or cannot be found."""
