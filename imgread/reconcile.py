"""Placeholder stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import Config

if TYPE_CHECKING:
    from .pipeline import Work


def run(work: Work, config: Config) -> None:
    return None
