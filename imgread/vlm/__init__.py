"""VLM stage: descriptions of each image from one or more vision-language models.

``VlmRunner`` is made once per worker from the ``--vlm`` values: a Hugging Face id or a local
model folder (transformers backend) or ``openai:URL#MODEL`` (an OpenAI-compatible server). Each
model loads on first use and then serves every batch. For each model and each prompt kind
(simple, detailed, extract) every image of the batch gets a ``Description``; a failure becomes
the description's error and a ``StageError``, never an exception out of ``run``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import VlmSettings
from ..errors import ConfigError, ImgreadError
from ..record import Description, PromptRef, Record, StageError
from .backend import Backend, Output, fit, sampling
from .lenses import LENSES, split_lenses
from .openai_backend import PREFIX as OPENAI_PREFIX
from .openai_backend import OpenAIBackend
from .prompts import PROMPT_NAMES, load_prompt
from .transformers_backend import TransformersBackend

if TYPE_CHECKING:
    from PIL import Image

    from ..pipeline import Work

__all__ = ["LENSES", "VlmRunner", "load_prompt", "make_backend", "split_lenses"]


def make_backend(spec: str, settings: VlmSettings) -> Backend:
    """The backend a ``--vlm`` value names; nothing is loaded yet."""
    if spec.startswith(OPENAI_PREFIX):
        return OpenAIBackend(spec, settings)
    return TransformersBackend(spec, settings)


class VlmRunner:
    """Every configured model, loaded lazily once, run over batches of images."""

    def __init__(self, specs: list[str], settings: VlmSettings) -> None:
        unknown = [kind for kind in settings.kinds if kind not in PROMPT_NAMES]
        if unknown:
            raise ConfigError(f"vlm: unknown description kind(s) {', '.join(unknown)}",
                              hint=f"vlm.kinds takes {', '.join(PROMPT_NAMES)}")
        self.specs = list(specs)
        self.settings = settings
        self.prompts: dict[str, tuple[str, PromptRef]] = {
            kind: load_prompt(kind) for kind in settings.kinds
        }
        self.backends = [make_backend(spec, settings) for spec in self.specs]
        self._load_errors: dict[int, ImgreadError] = {}

    def hash_inputs(self) -> dict[str, Any]:
        return {
            "models": self.specs,
            "prompts": {kind: ref.sha256 for kind, (_, ref) in self.prompts.items()},
            "generation": {kind: sampling(self.settings, self._max_new_tokens(kind))
                           for kind in self.prompts},
        }

    def _max_new_tokens(self, kind: str) -> int:
        return self.settings.max_new_tokens.get(kind, 512)  # a kind left out of the settings

    def run(self, works: list[Work]) -> None:
        """Describe every image with every model and prompt; failures are recorded, not raised."""
        try:
            self._describe([work for work in works if work.image is not None])
        except Exception as error:  # a VLM failure is data, never a crash of the batch
            for work in works:
                work.record.errors.append(StageError(
                    stage="vlm", message=f"vlm: {type(error).__name__}: {error}",
                    hint="unexpected error; please report it with this image"))
        for work in works:
            if work.image is None:
                work.record.errors.append(StageError(stage="vlm", hint="see the load error",
                                                     message="vlm: the image was not loaded"))
            _settle(work.record, [backend.model for backend in self.backends])

    def _describe(self, with_image: list[Work]) -> None:
        if not with_image:
            return
        # Shrunk once here rather than once per model and prompt inside the backends.
        side = self.settings.max_image_side
        images = [fit(image, side) for work in with_image if (image := work.image) is not None]
        for position, backend in enumerate(self.backends):
            for kind, (prompt, ref) in self.prompts.items():
                outputs = self._outputs(position, backend, images, prompt, kind)
                for work, output in zip(with_image, outputs, strict=True):
                    _add(work.record, backend, kind, ref, output,
                         backend.generation(self._max_new_tokens(kind)))

    def _outputs(self, position: int, backend: Backend, images: list[Image.Image], prompt: str,
                 kind: str) -> list[Output]:
        """Outputs for every image; a model that cannot load is tried once per runner."""
        if position in self._load_errors:
            error = self._load_errors[position]
            return [Output(error=str(error), hint=error.hint) for _ in images]
        try:
            backend.load()
            return backend.generate(images, prompt, self._max_new_tokens(kind))
        except ImgreadError as error:
            self._load_errors[position] = error
            return [Output(error=str(error), hint=error.hint) for _ in images]
        except Exception as error:  # a VLM failure is data, never a crash
            message = f"vlm: {backend.model} ({kind}) failed: {type(error).__name__}: {error}"
            return [Output(error=message, hint="unexpected error; please report it")
                    for _ in images]


def _add(record: Record, backend: Backend, kind: str, ref: PromptRef, output: Output,
         generation: dict[str, Any]) -> None:
    description = Description(
        model=backend.model, kind=kind, prompt=ref, text=output.text,  # type: ignore[arg-type]
        backend=backend.name, revision=backend.revision, generation=generation,
        latency_s=output.latency_s, input_tokens=output.input_tokens,
        output_tokens=output.output_tokens, error=output.error,
    )
    if kind == "detailed" and output.error is None:
        description.lenses, description.missing_lenses = split_lenses(output.text)
    record.descriptions.append(description)
    if output.error is not None:
        message = output.error
        if not any(error.stage == "vlm" and error.message == message for error in record.errors):
            record.errors.append(StageError(stage="vlm", message=message, hint=output.hint))


def _settle(record: Record, models: list[str]) -> None:
    """ran / partial / failed from this run's descriptions (imported ones do not count)."""
    mine = [d for d in record.descriptions if d.imported_from is None and d.model in models]
    failed = [d for d in mine if d.error is not None]
    crashed = [e.message for e in record.errors if e.stage == "vlm" and not mine]
    record.vlm.models = models
    if not mine or len(failed) == len(mine):
        record.vlm.status = "failed"
    elif failed:
        record.vlm.status = "partial"
    else:
        record.vlm.status = "ran"
    record.vlm.reason = "; ".join(dict.fromkeys([*crashed, *(str(d.error) for d in failed)]))
