"""VLM stage: descriptions of each image from one or more vision-language models.

``VlmRunner`` is made once per worker from the ``--vlm`` values: a Hugging Face id or a local
model folder (transformers backend) or ``openai:URL#MODEL`` (an OpenAI-compatible server). Each
model loads on first use and then serves every batch. For each model and each prompt kind
(simple, detailed, extract) every image of the batch gets a ``Description``; a failure becomes
the description's error and a ``StageError``, never an exception out of ``run``.

Descriptions are keyed by (backend, model, server URL or revision, kind, prompt hash). A record
carries every description an earlier record of the same image held, other models' included
(``pipeline.start``); a run generates only what is missing, failed, or cut short under a
different token limit; the
models in ``redo`` (``--force``, ``--force-vlm``) are generated afresh. An empty answer is a
failure; an answer cut at ``max_new_tokens`` is kept with a ``truncated`` flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..config import VlmSettings
from ..errors import BackendUnavailable, ConfigError, ImgreadError
from ..record import Description, Flag, PromptRef, Record, StageError
from .backend import Backend, Output, Request, fit, sampling
from .lenses import LENSES, split_lenses
from .openai_backend import PREFIX as OPENAI_PREFIX
from .openai_backend import OpenAIBackend
from .prompts import PROMPT_NAMES, load_prompt
from .transformers_backend import TransformersBackend

if TYPE_CHECKING:
    from PIL import Image

    from ..work import Work

__all__ = ["LENSES", "VlmRunner", "check_servers", "load_prompt", "make_backend", "needs_retry",
           "split_lenses"]


def make_backend(spec: str, settings: VlmSettings) -> Backend:
    """The backend a ``--vlm`` value names; nothing is loaded yet."""
    if spec.startswith(OPENAI_PREFIX):
        return OpenAIBackend(spec, settings)
    return TransformersBackend(spec, settings)


Key = tuple[str, str, str | None, str, str]  # backend, model, URL or revision, kind, prompt


def description_key(description: Description) -> Key:
    return (description.backend, description.model,
            description.endpoint or description.revision, description.kind,
            description.prompt.sha256)


Owner = tuple[str, str, str | None]  # backend, model, server URL: one configured model


def _owner(backend: Backend) -> Owner:
    return (backend.name, backend.model, backend.endpoint)


def _described_by(description: Description) -> Owner:
    return (description.backend, description.model, description.endpoint)


class VlmRunner:
    """Every configured model, loaded lazily once, run over batches of images."""

    def __init__(self, specs: list[str], settings: VlmSettings, redo: Sequence[str] = ()) -> None:
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
        # Earlier descriptions of these models are not reused (--force, --force-vlm).
        self.redo = {_owner(backend) for spec, backend in
                     zip(self.specs, self.backends, strict=True) if spec in redo}
        self._load_errors: dict[int, ImgreadError] = {}

    def hash_inputs(self) -> dict[str, Any]:
        return {
            "models": self.specs,
            "prompts": {kind: ref.sha256 for kind, (_, ref) in self.prompts.items()},
            "generation": {kind: sampling(self.settings, self._max_new_tokens(kind))
                           for kind in self.prompts},
        }

    def load_models(self) -> list[str]:
        """Load every model now rather than on first use (a process that serves the VLM
        stage loads them as it starts); returns those loaded. One that cannot load is
        recorded, as on first use, and its images get the error."""
        loaded = []
        for position, backend in enumerate(self.backends):
            try:
                backend.load()
            except ImgreadError as error:
                self._load_errors[position] = error
            except Exception:  # tried again on first use, where it becomes the images' error
                continue
            else:
                loaded.append(backend.model)
        return loaded

    def _max_new_tokens(self, kind: str) -> int:
        return self.settings.max_new_tokens.get(kind, 512)  # a kind left out of the settings

    def run(self, works: list[Work]) -> None:
        """Describe every image with every model and prompt; failures are recorded, not raised."""
        for work in works:
            self._drop_stale(work)
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
            _settle(work.record, self.specs, {_owner(backend) for backend in self.backends})

    def _wanted(self) -> dict[Key, int]:
        """The key of every description this run should hold, with its token limit."""
        return {(backend.name, backend.model, backend.identity(), kind, ref.sha256):
                self._max_new_tokens(kind)
                for backend in self.backends for kind, (_, ref) in self.prompts.items()}

    def _drop_stale(self, work: Work) -> None:
        """Of the earlier descriptions the record carries (see ``pipeline.start``), drop those
        of a configured model that this run redoes: an answer to another prompt, revision or
        server, a failure, one cut short under another limit, or any under ``redo``."""
        wanted = self._wanted()
        mine = {_owner(backend) for backend in self.backends}

        def stale(description: Description) -> bool:
            model = _described_by(description)
            if description.imported_from is not None or model not in mine:
                return False  # imports, and other models' descriptions, are kept as they are
            limit = wanted.get(description_key(description))
            return (limit is None or model in self.redo or description.error is not None
                    or (description.finish_reason == "length"
                        and description.generation.get("max_new_tokens") != limit)
                    # Written before prompts were tokenised by the chat template itself (two
                    # BOS for Gemma 3) and before cut answers were recorded: not to be trusted.
                    or (description.backend == "transformers"
                        and description.finish_reason is None))

        work.record.descriptions = [d for d in work.record.descriptions if not stale(d)]

    def _describe(self, with_image: list[Work]) -> None:
        if not with_image:
            return
        # Shrunk once here rather than once per model and prompt inside the backends.
        side = self.settings.max_image_side
        fitted: dict[int, Image.Image] = {}

        def image(work: Work) -> Image.Image:
            if id(work) not in fitted:
                assert work.image is not None
                fitted[id(work)] = fit(work.image, side)
            return fitted[id(work)]

        for position, backend in enumerate(self.backends):
            asked: list[tuple[str, PromptRef, list[Work]]] = []
            requests: list[Request] = []
            for kind, (prompt, ref) in self.prompts.items():
                key = (backend.name, backend.model, backend.identity(), kind, ref.sha256)
                todo = [work for work in with_image if not any(
                    description_key(d) == key for d in work.record.descriptions)]
                if todo:
                    asked.append((kind, ref, todo))
                    requests.append(Request([image(work) for work in todo], prompt,
                                            self._max_new_tokens(kind)))
            if not requests:
                continue
            answers = self._outputs(position, backend, requests)
            for (kind, ref, todo), outputs in zip(asked, answers, strict=True):
                for work, output in zip(todo, outputs, strict=True):
                    _add(work.record, backend, kind, ref, output,
                         backend.generation(self._max_new_tokens(kind)))

    def _outputs(self, position: int, backend: Backend,
                 requests: list[Request]) -> list[list[Output]]:
        """Outputs for every request; a model that cannot load is tried once per runner."""

        def failed(error: str, hint: str) -> list[list[Output]]:
            return [[Output(error=error, hint=hint) for _ in r.images] for r in requests]

        if position in self._load_errors:
            error = self._load_errors[position]
            return failed(str(error), error.hint)
        try:
            backend.load()
            return backend.generate_all(requests)
        except ImgreadError as error:
            self._load_errors[position] = error
            return failed(str(error), error.hint)
        except Exception as error:  # a VLM failure is data, never a crash
            return failed(f"vlm: {backend.model} failed: {type(error).__name__}: {error}",
                          "unexpected error; please report it")


def _add(record: Record, backend: Backend, kind: str, ref: PromptRef, output: Output,
         generation: dict[str, Any]) -> None:
    if output.error is None and not output.text.strip():
        # Whitespace is no description: a failure, so the next run tries again.
        output.error = (f"vlm: {backend.model} gave an empty answer to the {kind} prompt "
                        f"({output.output_tokens} tokens generated)")
        output.hint = ("the model may not follow chat prompts (a base or captioning model); "
                       "use an instruction-tuned vision-language chat model")
    description = Description(
        model=backend.model, kind=kind, prompt=ref, text=output.text,  # type: ignore[arg-type]
        backend=backend.name, revision=backend.revision, endpoint=backend.endpoint,
        generation=generation, latency_s=output.latency_s, input_tokens=output.input_tokens,
        output_tokens=output.output_tokens, finish_reason=output.finish_reason,
        error=output.error,
    )
    if kind == "detailed" and output.error is None:
        description.lenses, description.missing_lenses = split_lenses(output.text)
    record.descriptions.append(description)
    if output.error is not None:
        message = output.error
        if not any(error.stage == "vlm" and error.message == message for error in record.errors):
            record.errors.append(StageError(stage="vlm", message=message, hint=output.hint))


def truncation_flags(record: Record) -> list[Flag]:
    """One ``truncated`` flag per answer that stopped at its token limit, kept ones included."""
    flags = []
    for d in record.descriptions:
        if d.finish_reason != "length" or d.error is not None:
            continue
        limit = d.generation.get("max_new_tokens")
        missing = f"; lenses missing: {', '.join(d.missing_lenses)}" if d.missing_lenses else ""
        flags.append(Flag(
            kind="truncated", severity="warning", source=d.model,
            message=f"{d.model}'s {d.kind} answer was cut at the limit of {limit} new tokens"
            f"{missing}",
            evidence={"kind": d.kind, "output_tokens": d.output_tokens, "max_new_tokens": limit,
                      "hint": f"raise vlm.max_new_tokens.{d.kind} and run with --force-vlm "
                      f"{d.model}"},
        ))
    return flags


def _settle(record: Record, specs: list[str], models: set[Owner]) -> None:
    """ran / partial / failed from the configured models' descriptions (imports do not count)."""
    mine = [d for d in record.descriptions
            if d.imported_from is None and _described_by(d) in models]
    failed = [d for d in mine if d.error is not None]
    crashed = [e.message for e in record.errors if e.stage == "vlm" and not mine]
    record.vlm.models = specs
    if not mine or len(failed) == len(mine):
        record.vlm.status = "failed"
    elif failed:
        record.vlm.status = "partial"
    else:
        record.vlm.status = "ran"
    record.vlm.reason = "; ".join(dict.fromkeys([*crashed, *(str(d.error) for d in failed)]))
    record.flags += truncation_flags(record)


def check_servers(specs: Sequence[str], settings: VlmSettings) -> None:
    """Ask each OpenAI-compatible server once, before a run, whether it serves its model.

    A model the server does not serve is the user's mistake: raised (ConfigError), so the run
    stops with the server's list. A server that cannot be reached is not: the run goes on, the
    descriptions record the failure, and the next run tries again.
    """
    for spec in specs:
        if spec.startswith(OPENAI_PREFIX):
            backend = OpenAIBackend(spec, settings)
            try:
                backend.load()
            except BackendUnavailable:
                continue
            backend.close()


def needs_retry(record: Record) -> bool:
    """Whether an earlier record's VLM stage failed for some model, so a plain run redoes it."""
    return record.vlm.status in ("failed", "partial")
