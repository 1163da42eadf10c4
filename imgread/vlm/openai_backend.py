"""OpenAI-compatible HTTP backend (``--vlm openai:URL#MODEL``): vLLM, Ollama, llama.cpp, LM Studio.

Images go as base64 PNG data URLs in chat completions. Every request of a batch, all prompt
kinds together, shares one pool of ``vlm.http_concurrency`` connections, so that a server that
batches continuously (vLLM) stays busy. Each request has a timeout and is retried on connection
errors, timeouts, 408, 429 and 5xx answers, waiting what the server's ``Retry-After`` asks or
else an exponential backoff; any other 4xx is the request's fault and is not retried. The
server is asked once, on first use, whether it serves the model (``GET /v1/models``), so that a
wrong URL or name fails plainly. An answer cut at ``max_tokens`` (``finish_reason: "length"``)
is recorded as such.
"""

from __future__ import annotations

import base64
import io
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from PIL import Image

from ..config import VlmSettings
from ..errors import BackendUnavailable, ConfigError
from .backend import Output, Request, fit, sampling

PREFIX = "openai:"
API_KEY_ENV = "IMGREAD_OPENAI_API_KEY"
BACKOFF_S = 1.0  # first retry wait without Retry-After; doubles each time
# Worth another try: a timeout, too many requests, a server error or one still starting up.
_RETRY_STATUS = {408, 429, 500, 502, 503, 504}
_SERVER_HINT = ("start the server (for example `vllm serve MODEL`, `ollama serve`, "
                "`llama-server -m MODEL.gguf --mmproj ...`) or fix the URL")


def parse_spec(spec: str) -> tuple[str, str]:
    """``openai:URL#MODEL`` -> (base URL ending in /v1, model name)."""
    url, _, model = spec[len(PREFIX):].partition("#")
    if not url.startswith(("http://", "https://")) or not model:
        raise ConfigError(
            f"vlm: '{spec}' is not of the form openai:URL#MODEL",
            hint="for example --vlm openai:http://localhost:11434/v1#llava",
        )
    url = url.rstrip("/")
    return (url if url.endswith("/v1") else url + "/v1"), model


def data_url(image: Image.Image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _excerpt(response: httpx.Response) -> str:
    return response.text.strip().replace("\n", " ")[:300]


def retry_after_s(response: httpx.Response) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class OpenAIBackend:
    name = "openai"

    def __init__(self, spec: str, settings: VlmSettings) -> None:
        self.base_url, self.model = parse_spec(spec)
        self.settings = settings
        self.revision: str | None = None
        self.endpoint: str | None = self.base_url
        self._client: httpx.Client | None = None

    def _headers(self) -> dict[str, str]:
        key = os.environ.get(API_KEY_ENV)
        return {"Authorization": f"Bearer {key}"} if key else {}

    def load(self) -> None:
        if self._client is not None:
            return
        timeout = httpx.Timeout(self.settings.http_timeout_s,
                                connect=min(10.0, self.settings.http_timeout_s))
        client = httpx.Client(timeout=timeout, headers=self._headers())
        try:
            response = client.get(f"{self.base_url}/models")
        except httpx.HTTPError as error:
            client.close()
            raise BackendUnavailable(
                f"vlm: cannot reach the OpenAI-compatible server at {self.base_url} "
                f"({type(error).__name__}: {error})", hint=_SERVER_HINT) from error
        if response.status_code in (401, 403):
            client.close()
            raise BackendUnavailable(
                f"vlm: the server at {self.base_url} refused the request ({response.status_code})",
                hint=f"set {API_KEY_ENV} to the server's API key")
        # Servers without a model list (404/405) are trusted to know the model.
        if response.status_code == 200:
            served = [str(entry.get("id")) for entry in response.json().get("data", [])]
            if served and self.model not in served and f"{self.model}:latest" not in served:
                client.close()
                raise ConfigError(
                    f"vlm: the server at {self.base_url} does not serve model '{self.model}'; "
                    f"it serves: {', '.join(served)}",
                    hint="put one of those names after '#', or load the model on the server "
                    "(for example `ollama pull NAME`)")
        self._client = client

    def identity(self) -> str | None:
        return self.base_url

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def generation(self, max_new_tokens: int) -> dict[str, Any]:
        return {**sampling(self.settings, max_new_tokens), "base_url": self.base_url}

    def generate(
        self, images: Sequence[Image.Image], prompt: str, max_new_tokens: int
    ) -> list[Output]:
        return self.generate_all([Request(images, prompt, max_new_tokens)])[0]

    def generate_all(self, requests: Sequence[Request]) -> list[list[Output]]:
        """Every image of every request in flight together, ``http_concurrency`` at a time."""
        self.load()
        tasks = [(r, image) for r, request in enumerate(requests) for image in request.images]
        workers = max(1, min(self.settings.http_concurrency, len(tasks)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            answers = list(pool.map(
                lambda task: self._ask(task[1], requests[task[0]].prompt,
                                       requests[task[0]].max_new_tokens), tasks))
        grouped: list[list[Output]] = [[] for _ in requests]
        for (r, _), answer in zip(tasks, answers, strict=True):
            grouped[r].append(answer)
        return grouped

    def _payload(self, image: Image.Image, prompt: str, max_new_tokens: int) -> dict[str, Any]:
        url = data_url(fit(image, self.settings.max_image_side))
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": url}},
                {"type": "text", "text": prompt},
            ]}],
            "max_tokens": max_new_tokens,
        }
        if self.settings.do_sample:
            payload.update(temperature=self.settings.temperature, top_p=self.settings.top_p)
            if self.settings.seed is not None:
                payload["seed"] = self.settings.seed
        else:
            payload["temperature"] = 0.0
        return payload

    def _ask(self, image: Image.Image, prompt: str, max_new_tokens: int) -> Output:
        assert self._client is not None
        payload = self._payload(image, prompt, max_new_tokens)
        url = f"{self.base_url}/chat/completions"
        started = time.perf_counter()
        problem = ""
        for attempt in range(self.settings.http_retries + 1):
            wait = BACKOFF_S * 2 ** attempt
            try:
                response = self._client.post(url, json=payload)
            except httpx.TransportError as error:
                problem = f"{type(error).__name__}: {error}"
            else:
                if response.status_code == 200:
                    return self._read(response, time.perf_counter() - started)
                if response.status_code not in _RETRY_STATUS:
                    return Output(error=f"vlm: {url} answered HTTP {response.status_code}: "
                                  f"{_excerpt(response)}",
                                  hint="check the model name, the request limits and the "
                                  "server's log")
                problem = f"HTTP {response.status_code}: {_excerpt(response)}"
                asked = retry_after_s(response)
                if asked is not None:  # the server knows best when it can take more
                    wait = min(asked, self.settings.http_timeout_s)
            if attempt < self.settings.http_retries:
                time.sleep(wait)
        return Output(
            error=f"vlm: no answer from {url} after {self.settings.http_retries + 1} tries "
            f"({problem})",
            hint="the server may be overloaded or down; raise vlm.http_timeout_s or retry later")

    def _read(self, response: httpx.Response, elapsed: float) -> Output:
        try:
            body = response.json()
            text = body["choices"][0]["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError) as error:
            return Output(error=f"vlm: unexpected answer from {self.base_url}: "
                          f"{_excerpt(response)} ({type(error).__name__})",
                          hint="is this an OpenAI-compatible server?")
        usage = body.get("usage") or {}
        finish = body["choices"][0].get("finish_reason")
        return Output(text=text.strip(), input_tokens=usage.get("prompt_tokens"),
                      output_tokens=usage.get("completion_tokens"), latency_s=round(elapsed, 4),
                      finish_reason=str(finish) if finish is not None else None)
