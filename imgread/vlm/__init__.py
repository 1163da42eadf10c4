"""VLM backends (placeholder)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import VlmSettings

if TYPE_CHECKING:
    from ..pipeline import Work


class VlmRunner:
    def __init__(self, specs: list[str], settings: VlmSettings) -> None:
        self.specs = specs
        self.settings = settings

    def hash_inputs(self) -> dict[str, Any]:
        return {"models": self.specs}

    def run(self, works: list[Work]) -> None:
        return None
