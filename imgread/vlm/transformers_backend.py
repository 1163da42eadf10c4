"""Hugging Face transformers backend: any image-text-to-text model with a chat template.

The model is loaded once, on first use, through ``AutoProcessor`` and
``AutoModelForImageTextToText``, straight onto its device (``device_map``). On CUDA it runs in
bfloat16 with SDPA attention (float16 on GPUs without bfloat16); on CPU in float32 with small
batches. The prompt ids come from the processor's own ``apply_chat_template(tokenize=True)``,
token for token what the model was trained on. Prompts are left-padded so a batch generates
together, and images are grouped by size so that a batch pads little. Running out of GPU
memory frees it, halves the batch (for the rest of the run) and retries before an image is
given up.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PIL import Image

from ..config import VlmSettings
from ..errors import BackendUnavailable
from .backend import Output, Request, fit, sampling

INSTALL_HINT = "pip install 'imgread[vlm]' (torch and transformers)"
DOWNLOAD_ENV = "IMGREAD_VLM_DOWNLOAD"
REACH_TIMEOUT_S = 5.0  # to open a connection to the hub before a download is attempted


def _looks_like_path(spec: str) -> bool:
    # Hugging Face ids are "name" or "owner/name"; anything else is meant as a folder.
    return spec.startswith(("/", ".", "~")) or "\\" in spec or spec.count("/") > 1


def _cached_revision(repo_id: str) -> str | None:
    """The commit of a model in the local Hugging Face cache, or None when it is not there."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json")
    return Path(found).parent.name if isinstance(found, str) else None


def resolve(spec: str) -> tuple[str, bool, str | None]:
    """Where to load ``spec`` from: (name or folder, local files only, revision)."""
    folder = Path(spec).expanduser()
    if folder.is_dir():
        if not (folder / "config.json").is_file():
            raise BackendUnavailable(
                f"vlm: the folder {folder.resolve()} holds no config.json, so it is not a saved "
                "model",
                hint="point --vlm at the folder save_pretrained wrote (config.json, weights, "
                "processor and tokenizer files)",
            )
        return str(folder), True, None
    if _looks_like_path(spec) or folder.exists():
        raise BackendUnavailable(
            f"vlm: model '{spec}' not found: there is no folder at {folder.resolve()}",
            hint="check the path, or give a Hugging Face model id such as "
            "HuggingFaceTB/SmolVLM-256M-Instruct",
        )
    from huggingface_hub import constants

    revision = _cached_revision(spec)
    if revision is not None:
        return spec, True, revision
    if os.environ.get(DOWNLOAD_ENV) == "1":
        _check_reachable(spec, constants.ENDPOINT, constants.HF_HUB_OFFLINE)
        return spec, False, None
    raise BackendUnavailable(
        f"vlm: model '{spec}' not found: tried the local folder {folder.resolve()} (absent) and "
        f"the Hugging Face cache at {constants.HF_HUB_CACHE} (not there); downloads are off",
        hint=f"download it first (`hf download {spec}`), pass the folder that holds it, or set "
        f"{DOWNLOAD_ENV}=1 to let transformers download it",
    )


def _check_reachable(spec: str, endpoint: str, offline: bool) -> None:
    """Fail in seconds, not after minutes of retries, when a download cannot happen."""
    where = urlsplit(endpoint)
    port = where.port or (443 if where.scheme == "https" else 80)
    try:
        if offline:
            raise OSError("HF_HUB_OFFLINE is set")
        socket.create_connection((where.hostname or "", port), timeout=REACH_TIMEOUT_S).close()
    except OSError as error:
        raise BackendUnavailable(
            f"vlm: model '{spec}' is not in the local cache, and {DOWNLOAD_ENV}=1 cannot "
            f"download it: {endpoint} cannot be reached ({error})",
            hint=f"download it where there is a network (`hf download {spec}`) and copy the "
            "cache or the model folder here",
        ) from error


def _torch() -> Any:
    try:
        import torch
        import transformers  # noqa: F401 - checked here so the message names both
    except ImportError as error:
        raise BackendUnavailable(
            f"vlm: the transformers backend needs torch and transformers ({error})",
            hint=INSTALL_HINT,
        ) from error
    return torch


def _load_model(source: str, options: dict[str, Any]) -> Any:
    """SDPA attention where the architecture has it, its default attention otherwise."""
    from transformers import AutoModelForImageTextToText

    try:
        return AutoModelForImageTextToText.from_pretrained(
            source, attn_implementation="sdpa", **options)
    except ValueError as error:
        if "sdpa" not in str(error).lower():
            raise
        return AutoModelForImageTextToText.from_pretrained(source, **options)


def _default_dtype(torch: Any, device: str) -> str:
    """bfloat16 on a GPU that computes in it (Ampere and later), float16 on older ones (V100,
    T4), float32 on CPU."""
    if not device.startswith("cuda"):
        return "float32"
    with torch.cuda.device(torch.device(device)):
        return "bfloat16" if torch.cuda.is_bf16_supported() else "float16"


def _is_oom(error: BaseException) -> bool:
    import torch

    return isinstance(error, torch.cuda.OutOfMemoryError) or "out of memory" in str(error).lower()


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


class TransformersBackend:
    name = "transformers"

    def __init__(self, spec: str, settings: VlmSettings) -> None:
        self.model = spec
        self.settings = settings
        self.revision: str | None = None
        self.endpoint: str | None = None
        self._identity: tuple[str | None] | None = None
        self.device = ""
        self.dtype = ""
        self.batch_size = settings.batch_size
        self._processor: Any = None
        self._model: Any = None
        self._eos_ids: set[int] = set()

    def identity(self) -> str | None:
        """The Hugging Face revision in the cache (None for a folder or a model not found)."""
        if self._model is not None:
            return self.revision
        if self._identity is None:
            try:
                self._identity = (resolve(self.model)[2],)
            except BackendUnavailable:
                self._identity = (None,)
        return self._identity[0]

    def load(self) -> None:
        if self._model is not None:
            return
        torch = _torch()
        from transformers import AutoProcessor

        source, local_only, self.revision = resolve(self.model)
        device = self.settings.device
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        dtype_name = self.settings.dtype
        if dtype_name == "auto":
            dtype_name = _default_dtype(torch, device)
        self.device, self.dtype = device, dtype_name
        if self.batch_size <= 0:
            self.batch_size = 8 if device.startswith("cuda") else 2
        try:
            processor = AutoProcessor.from_pretrained(source, local_files_only=local_only)
        except Exception as error:  # turned into a message the user can act on
            raise self._load_error("processor", error) from error
        tokenizer = getattr(processor, "tokenizer", None)
        if tokenizer is None or getattr(processor, "chat_template", None) is None:
            raise BackendUnavailable(
                f"vlm: {self.model} has no tokenizer with a chat template to prompt it with",
                hint="use an instruction-tuned (chat) vision-language model",
            )
        self._prepare(processor)
        # Straight onto the device, shard by shard: a 27B model never sits whole in host RAM.
        options: dict[str, Any] = {"dtype": getattr(torch, dtype_name), "device_map": device,
                                   "low_cpu_mem_usage": True, "local_files_only": local_only}
        try:
            model = _load_model(source, options).eval()
        except Exception as error:  # turned into a message the user can act on
            raise self._load_error("model", error) from error
        self._adopt(processor, model)

    def use(self, processor: Any, model: Any) -> None:
        """Serve a model already in memory (built or loaded by the caller) instead of loading
        ``spec``: benchmarks build random-weight models of real size this way."""
        self.device, self.dtype = str(model.device), str(model.dtype).removeprefix("torch.")
        if self.batch_size <= 0:
            self.batch_size = 8 if self.device.startswith("cuda") else 2
        self._prepare(processor)
        self._adopt(processor, model.eval())

    @staticmethod
    def _prepare(processor: Any) -> None:
        tokenizer = processor.tokenizer
        tokenizer.padding_side = "left"  # generation continues at the end of every row
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token

    def _adopt(self, processor: Any, model: Any) -> None:
        eos = model.generation_config.eos_token_id
        self._eos_ids = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        if processor.tokenizer.eos_token_id is not None:
            self._eos_ids.add(processor.tokenizer.eos_token_id)
        self._processor, self._model = processor, model

    def _load_error(self, part: str, error: Exception) -> BackendUnavailable:
        text = str(error)
        if "torchvision" in text.lower():
            return BackendUnavailable(
                f"vlm: the {part} of {self.model} needs torchvision, which is not installed "
                f"({_describe(error)})",
                hint="install the torchvision build that matches your torch, or serve the model "
                "with vLLM or Ollama and pass --vlm openai:URL#MODEL",
            )
        if "Unrecognized" in text or "does not recognize" in text:
            return BackendUnavailable(
                f"vlm: {self.model} is not an image-text-to-text model this transformers knows "
                f"({_describe(error)})",
                hint="use a vision-language chat model, or upgrade transformers",
            )
        return BackendUnavailable(f"vlm: could not load the {part} of {self.model}: "
                                  f"{_describe(error)}", hint="check the model folder or id")

    def generation(self, max_new_tokens: int) -> dict[str, Any]:
        return {**sampling(self.settings, max_new_tokens), "device": self.device,
                "dtype": self.dtype}

    def generate(
        self, images: Sequence[Image.Image], prompt: str, max_new_tokens: int
    ) -> list[Output]:
        self.load()
        fitted = [fit(image, self.settings.max_image_side) for image in images]
        # Similar sizes together: processors that tile or resize dynamically then pad little.
        order = sorted(range(len(fitted)), key=lambda i: (fitted[i].width * fitted[i].height, i))
        outputs: list[Output] = [Output() for _ in fitted]
        start = 0
        while start < len(order):
            indices = order[start : start + self.batch_size]
            results = self._generate_safely([fitted[i] for i in indices], prompt, max_new_tokens)
            for index, output in zip(indices, results, strict=True):
                outputs[index] = output
            start += len(indices)
        return outputs

    def generate_all(self, requests: Sequence[Request]) -> list[list[Output]]:
        # One prompt after another: each is already batched over the images.
        return [self.generate(r.images, r.prompt, r.max_new_tokens) for r in requests]

    def _generate_safely(
        self, images: list[Image.Image], prompt: str, max_new_tokens: int
    ) -> list[Output]:
        """Generate for a batch; out of memory halves it, another failure retries one by one.

        The retry happens after the ``except`` block has ended: inside it, the traceback would
        keep the failed attempt's tensors alive, and the GPU memory they hold with them.
        """
        try:
            return self._generate_batch(images, prompt, max_new_tokens)
        except Exception as error:  # every failure ends as an output's error
            out_of_memory = _is_oom(error)
            failure = _describe(error)
        if len(images) == 1:
            hint = ("lower vlm.max_image_side or use a smaller model" if out_of_memory
                    else "unexpected generation error; please report it with this image")
            return [Output(error=f"vlm: generation failed: {failure}", hint=hint)]
        if out_of_memory:
            self._free_memory()
            half = len(images) // 2
            self.batch_size = max(1, min(self.batch_size, half))
            return (self._generate_safely(images[:half], prompt, max_new_tokens)
                    + self._generate_safely(images[half:], prompt, max_new_tokens))
        return [out for image in images
                for out in self._generate_safely([image], prompt, max_new_tokens)]

    def _free_memory(self) -> None:
        import gc

        import torch

        gc.collect()  # tensors in reference cycles from the failed attempt
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    def _generate_batch(
        self, images: list[Image.Image], prompt: str, max_new_tokens: int
    ) -> list[Output]:
        import torch

        processor, model = self._processor, self._model
        inputs = self.prompt_inputs(images, prompt).to(model.device, dtype=model.dtype)
        options: dict[str, Any] = {"max_new_tokens": max_new_tokens,
                                   "do_sample": self.settings.do_sample,
                                   "pad_token_id": processor.tokenizer.pad_token_id}
        if self.settings.do_sample:
            options.update(temperature=self.settings.temperature, top_p=self.settings.top_p)
            if self.settings.seed is not None:
                torch.manual_seed(self.settings.seed)
        started = time.perf_counter()
        with torch.inference_mode():
            sequences = model.generate(**inputs, **options)
        elapsed = time.perf_counter() - started
        # A decoder-only model returns the prompt and then the answer; an encoder-decoder one
        # (Florence-2) only the answer, after its decoder start token.
        start = 1 if model.config.is_encoder_decoder else inputs["input_ids"].shape[1]
        generated = sequences[:, start:].tolist()
        texts = processor.batch_decode(sequences[:, start:], skip_special_tokens=True)
        input_counts = inputs["attention_mask"].sum(dim=1).tolist()
        outputs = []
        for text, count, tokens in zip(texts, input_counts, generated, strict=True):
            produced, stopped = self._count_generated(tokens)
            outputs.append(Output(
                text=text.strip(), input_tokens=int(count), output_tokens=produced,
                latency_s=round(elapsed, 4), finish_reason="stop" if stopped else "length"))
        return outputs

    def prompt_inputs(self, images: Sequence[Image.Image], prompt: str) -> Any:
        """The model's inputs for one prompt per image, left-padded into one batch.

        Built by the processor's own ``apply_chat_template(tokenize=True)``: rendering the
        template to text and tokenising it again would add a second BOS to templates that write
        their own (Gemma 3, Llama 3.2 Vision), which degrades the answers.
        """
        self.load()
        conversations = [
            [{"role": "user", "content": [{"type": "image", "image": image},
                                          {"type": "text", "text": prompt}]}]
            for image in images
        ]
        return self._processor.apply_chat_template(
            conversations, add_generation_prompt=True, tokenize=True, return_dict=True,
            return_tensors="pt", processor_kwargs={"padding": True})

    def _count_generated(self, tokens: list[int]) -> tuple[int, bool]:
        """Tokens up to and including the first end-of-sequence (the rest is padding), and
        whether there was one: without it the answer was cut at max_new_tokens."""
        for position, token in enumerate(tokens):
            if token in self._eos_ids:
                return position + 1, True
        return len(tokens), False
