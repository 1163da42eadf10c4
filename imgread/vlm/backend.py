"""The one small interface every VLM backend implements, and what they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PIL import Image

from ..config import VlmSettings


@dataclass
class Output:
    """One image's answer to one prompt, or why there is none."""

    text: str = ""
    input_tokens: int | None = None
    output_tokens: int | None = None
    latency_s: float | None = None  # wall time of the request or batch that produced it
    finish_reason: str | None = None  # "stop", or "length" when max_new_tokens cut it
    error: str | None = None
    hint: str = ""


@dataclass
class Request:
    """One prompt for a list of images, answered up to ``max_new_tokens``."""

    images: Sequence[Image.Image]
    prompt: str
    max_new_tokens: int


class Backend(Protocol):
    name: str  # "transformers", "openai"
    model: str  # how records name the model
    revision: str | None
    endpoint: str | None  # the server's base URL, for HTTP backends

    def identity(self) -> str | None:
        """What tells two copies of ``model`` apart (server URL or revision), without loading."""

    def load(self) -> None:
        """Make the model ready (once); raises BackendUnavailable with what was tried."""

    def generation(self, max_new_tokens: int) -> dict[str, Any]:
        """The generation settings recorded with every output."""

    def generate(
        self, images: Sequence[Image.Image], prompt: str, max_new_tokens: int
    ) -> list[Output]:
        """One output per image, in order; failures are outputs with an error, never raised."""

    def generate_all(self, requests: Sequence[Request]) -> list[list[Output]]:
        """``generate`` for several prompts at once (an HTTP backend keeps them all in flight)."""


def sampling(settings: VlmSettings, max_new_tokens: int) -> dict[str, Any]:
    """Decoding settings as recorded: greedy unless sampling was asked for."""
    options: dict[str, Any] = {"max_new_tokens": max_new_tokens, "do_sample": settings.do_sample}
    if settings.do_sample:
        options.update(temperature=settings.temperature, top_p=settings.top_p, seed=settings.seed)
    return options


def fit(image: Image.Image, max_side: int) -> Image.Image:
    """The image as RGB, downscaled so that its longer side is at most ``max_side``."""
    image = image.convert("RGB") if image.mode != "RGB" else image
    if max(image.size) <= max_side:
        return image
    scale = max_side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    # reducing_gap: a fast box reduction first, Lanczos for the last factor of two or less.
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
