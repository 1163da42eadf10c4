"""The VLM stage through its real loading and generation paths, on tiny random-weight models.

The models are built offline once per session (``tiny_models.py``) and loaded back only
through the Auto classes; the HTTP backend talks to a small OpenAI-compatible server on
127.0.0.1 that answers from the same tiny model.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from PIL import Image

from imgread.config import Config, VlmSettings
from imgread.errors import ConfigError
from imgread.pipeline import Work, read_image
from imgread.record import Record
from imgread.vlm import LENSES, VlmRunner, load_prompt
from imgread.vlm.prompts import PROMPT_NAMES

TOKENS = {"simple": 6, "detailed": 10, "extract": 6}


def _settings(**changes: Any) -> VlmSettings:
    return VlmSettings(max_new_tokens=TOKENS, **changes)


@pytest.fixture(scope="session")
def models() -> dict[str, Path]:
    pytest.importorskip("torch", reason="the VLM tests need torch: pip install 'imgread[vlm]'")
    pytest.importorskip("transformers", reason="the VLM tests need transformers")
    from tiny_models import ARCHITECTURES, tiny_model

    return {architecture: tiny_model(architecture) for architecture in ARCHITECTURES}


@pytest.fixture(scope="session")
def images() -> list[Image.Image]:
    paths = sorted(SAMPLES.glob("*.png"))[:3]
    if len(paths) < 3:
        pytest.skip(f"fewer than three sample screenshots in {SAMPLES}")
    return [Image.open(path).convert("RGB") for path in paths]


def _works(images: list[Image.Image]) -> list[Work]:
    return [Work(path=Path(f"image{i}.png"), record=Record(), image=image)
            for i, image in enumerate(images)]


def _texts(work: Work, model: str) -> dict[str, str]:
    return {d.kind: d.text for d in work.record.descriptions if d.model == model}


def test_both_architectures_describe_every_image_with_every_kind(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    specs = [str(models["idefics3"]), str(models["llava"])]
    works = _works(images)
    VlmRunner(specs, _settings()).run(works)
    prompt_hashes = {kind: load_prompt(kind)[1].sha256 for kind in PROMPT_NAMES}
    for work in works:
        record = work.record
        assert record.vlm.status == "ran", record.vlm.reason
        assert record.vlm.models == specs
        assert record.errors == []
        assert {(d.model, d.kind) for d in record.descriptions} == {
            (spec, kind) for spec in specs for kind in PROMPT_NAMES}
        for d in record.descriptions:
            assert d.backend == "transformers"
            assert d.prompt.sha256 == prompt_hashes[d.kind]
            assert d.text and d.error is None
            assert d.input_tokens is not None and d.input_tokens > 50  # prompt and image tokens
            assert d.output_tokens is not None and 1 <= d.output_tokens <= TOKENS[d.kind]
            assert d.latency_s is not None and d.latency_s > 0
            assert d.generation == {"max_new_tokens": TOKENS[d.kind], "do_sample": False,
                                    "device": "cpu", "dtype": "float32"}
        detailed = next(d for d in record.descriptions if d.kind == "detailed")
        # Random weights write no lens headers: all six lenses are recorded as missing.
        assert list(detailed.lenses) == list(LENSES)
        assert detailed.missing_lenses == list(LENSES)
    # Different pictures give different answers: the image reaches the model.
    simple = [_texts(work, specs[0])["simple"] for work in works]
    assert len(set(simple)) > 1


def test_an_answer_cut_at_the_limit_is_flagged_and_one_that_ended_is_not(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    """Random weights never choose the end of sequence in a few tokens: every answer is cut."""
    works = _works(images[:2])
    VlmRunner([str(models["llava"])], _settings(kinds=["simple", "detailed"])).run(works)
    for work in works:
        record = work.record
        assert record.vlm.status == "ran"
        for d in record.descriptions:
            assert (d.finish_reason, d.output_tokens) == ("length", TOKENS[d.kind])
        flags = [flag for flag in record.flags if flag.kind == "truncated"]
        assert sorted(flag.evidence["kind"] for flag in flags) == ["detailed", "simple"]
        detailed = next(flag for flag in flags if flag.evidence["kind"] == "detailed")
        assert "cut at the limit of 10 new tokens" in detailed.message
        assert "lenses missing: Visual Description" in detailed.message  # the reason they are


def test_a_blank_answer_is_a_failure_not_a_description(
    models: dict[str, Path], images: list[Image.Image], tmp_path: Path
) -> None:
    from tiny_models import blank_copy

    blank = blank_copy(models["llava"], tmp_path / "blank")
    works = _works(images[:1])
    VlmRunner([str(blank), str(models["llava"])], _settings(kinds=["simple"])).run(works)
    record = works[0].record
    empty = next(d for d in record.descriptions if d.model == str(blank))
    # It stopped on its own end of sequence at once: not cut, not flagged, but failed.
    assert (empty.text, empty.finish_reason, empty.output_tokens) == ("", "stop", 1)
    assert not [flag for flag in record.flags if flag.source == str(blank)]
    assert empty.error is not None and "gave an empty answer to the simple prompt" in empty.error
    assert record.vlm.status == "partial"  # the other model answered
    assert any("empty answer" in error.message for error in record.errors)


def test_batched_generation_matches_one_at_a_time(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    """Left padding: the tiled Idefics3 prompts differ in length, yet batching changes nothing."""
    small = Image.new("RGB", (40, 30), (200, 40, 40))
    batch = [*images, small]
    answers = {}
    for size in (1, 4):
        works = _works(batch)
        settings = _settings(batch_size=size, kinds=["simple"])
        VlmRunner([str(models["idefics3"])], settings).run(works)
        answers[size] = [(d.text, d.input_tokens) for w in works for d in w.record.descriptions]
    assert len({tokens for _, tokens in answers[4]}) > 1  # the batch really was padded
    assert answers[1] == answers[4]


def test_model_loads_once_per_runner(
    models: dict[str, Path], images: list[Image.Image], monkeypatch: pytest.MonkeyPatch
) -> None:
    import transformers

    loads: list[str] = []
    placements: list[Any] = []
    original = transformers.AutoModelForImageTextToText.from_pretrained

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        loads.append(source)
        placements.append(kwargs.get("device_map"))
        return original(source, *args, **kwargs)

    monkeypatch.setattr(transformers.AutoModelForImageTextToText, "from_pretrained", counting)
    runner = VlmRunner([str(models["llava"])], _settings(kinds=["simple", "extract"]))
    for image in images:  # three batches, two kinds each
        runner.run(_works([image]))
    assert loads == [str(models["llava"])]
    assert placements == ["cpu"]  # loaded onto its device directly, not moved there after


def test_an_image_that_did_not_load_fails_alone(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    works = [*_works(images[:1]), Work(path=Path("broken.png"), record=Record())]
    VlmRunner([str(models["llava"])], _settings(kinds=["simple"])).run(works)
    assert works[0].record.vlm.status == "ran" and works[0].record.descriptions[0].text
    assert works[1].record.vlm.status == "failed" and works[1].record.descriptions == []
    assert works[1].record.vlm.reason == "vlm: the image was not loaded"


def test_sampling_is_recorded_and_reproducible_with_a_seed(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    settings = _settings(kinds=["simple"], do_sample=True, temperature=1.3, top_p=0.95, seed=7)
    runs = []
    for _ in range(2):
        works = _works(images[:2])
        VlmRunner([str(models["idefics3"])], settings).run(works)
        runs.append([w.record.descriptions[0] for w in works])
    assert [d.text for d in runs[0]] == [d.text for d in runs[1]]
    generation = runs[0][0].generation
    assert (generation["do_sample"], generation["temperature"], generation["top_p"],
            generation["seed"]) == (True, 1.3, 0.95, 7)


def test_out_of_memory_halves_the_batch_and_retries(
    models: dict[str, Path], images: list[Image.Image], monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    runner = VlmRunner([str(models["llava"])], _settings(batch_size=4, kinds=["simple"]))
    backend = runner.backends[0]
    real = backend._generate_batch  # type: ignore[attr-defined]
    sizes: list[int] = []

    handling: list[bool] = []

    def small_gpu(batch: list[Image.Image], prompt: str, tokens: int) -> Any:
        sizes.append(len(batch))
        # A retry made while the last failure is still being handled keeps its tensors alive.
        handling.append(sys.exc_info()[0] is not None)
        if len(batch) > 1:  # a GPU with room for one image at a time
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(batch, prompt, tokens)

    monkeypatch.setattr(backend, "_generate_batch", small_gpu)
    works = _works([*images, images[0]])
    runner.run(works)
    assert all(w.record.vlm.status == "ran" and w.record.descriptions[0].text for w in works), [
        (w.record.vlm.reason, w.record.descriptions) for w in works]
    assert sizes[:3] == [4, 2, 1]
    assert not any(handling)
    assert backend.batch_size == 1  # type: ignore[attr-defined]  # later batches start small


def test_missing_local_model_is_reported_as_data(
    models: dict[str, Path], tmp_path: Path, images: list[Image.Image]
) -> None:
    missing = tmp_path / "no-such-model"
    not_a_model = tmp_path / "empty"
    not_a_model.mkdir()
    works = _works(images[:1])
    VlmRunner([str(missing), str(not_a_model)], _settings(kinds=["simple", "detailed"])).run(works)
    record = works[0].record
    assert record.vlm.status == "failed"
    assert [d.error is not None and d.text == "" for d in record.descriptions] == [True] * 4
    messages = [error.message for error in record.errors]
    assert len(messages) == 2 and all(error.stage == "vlm" for error in record.errors)
    assert f"there is no folder at {missing}" in messages[0]
    assert "holds no config.json" in messages[1] and str(not_a_model) in messages[1]


def test_hub_model_from_the_local_cache_records_its_revision(
    models: dict[str, Path], tmp_path: Path, images: list[Image.Image],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Hugging Face id is read from the cache (offline, as a download would have left it)."""
    from huggingface_hub import constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "models--tiny--idefics3"
    shutil.copytree(models["idefics3"], repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    works = _works(images[:1])
    VlmRunner(["tiny/idefics3"], _settings(kinds=["simple"])).run(works)
    assert works[0].record.vlm.status == "ran", works[0].record.vlm.reason
    description = works[0].record.descriptions[0]
    assert (description.model, description.revision) == ("tiny/idefics3", commit)
    assert description.text


def test_unknown_hub_model_names_what_was_tried(
    models: dict[str, Path], tmp_path: Path, images: list[Image.Image],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    works = _works(images[:1])
    VlmRunner(["nobody/no-such-vlm"], _settings(kinds=["simple"])).run(works)
    error = works[0].record.errors[0]
    assert "'nobody/no-such-vlm' not found" in error.message
    assert f"Hugging Face cache at {tmp_path}" in error.message
    assert "hf download nobody/no-such-vlm" in error.hint


def test_processor_that_needs_torchvision_says_so(
    models: dict[str, Path], tmp_path: Path, images: list[Image.Image]
) -> None:
    """Qwen2-VL's processor needs torchvision on transformers 5, which imgread does not require."""
    import importlib.util

    if importlib.util.find_spec("torchvision") is not None:
        pytest.skip("torchvision is installed here")
    from tiny_models import write_qwen2_vl_processor

    write_qwen2_vl_processor(tmp_path)
    works = _works(images[:1])
    VlmRunner([str(tmp_path)], _settings(kinds=["simple"])).run(works)
    error = works[0].record.errors[0]
    assert f"the processor of {tmp_path} needs torchvision" in error.message
    assert "openai:URL#MODEL" in error.hint


def test_missing_torch_says_what_to_install(
    tmp_path: Path, images: list[Image.Image], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` now fails
    works = _works(images[:1])
    VlmRunner([str(tmp_path)], _settings(kinds=["simple"])).run(works)
    assert works[0].record.vlm.status == "failed"
    assert "needs torch and transformers" in works[0].record.errors[0].message
    assert "pip install 'imgread[vlm]'" in works[0].record.errors[0].hint


def test_prompts_load_by_name_with_their_hash() -> None:
    for name in PROMPT_NAMES:
        text, ref = load_prompt(name)
        path = Path(__file__).resolve().parents[1] / "prompts" / f"{name}.txt"
        assert ref.name == name and ref.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert text == path.read_text().strip()
    detailed, _ = load_prompt("detailed")
    positions = [detailed.index(lens) for lens in LENSES]
    assert positions == sorted(positions)  # the lenses are asked for in their fixed order
    assert "does not meaningfully apply" in detailed
    with pytest.raises(ConfigError, match="no prompt named 'nope'"):
        load_prompt("nope")


def test_a_changed_prompt_changes_the_stage_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = VlmSettings()
    before = Config(vlm=settings).stage_hashes({"vlm": VlmRunner(["m"], settings).hash_inputs()})
    for name in PROMPT_NAMES:
        shutil.copy(Path(__file__).resolve().parents[1] / "prompts" / f"{name}.txt", tmp_path)
    (tmp_path / "simple.txt").write_text("Describe the image in one sentence.\n")
    monkeypatch.setenv("IMGREAD_PROMPTS_DIR", str(tmp_path))
    after = Config(vlm=settings).stage_hashes({"vlm": VlmRunner(["m"], settings).hash_inputs()})
    assert before["ocr"] == after["ocr"]
    assert before["vlm"] != after["vlm"]


def test_unknown_kind_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown description kind"):
        VlmRunner(["m"], VlmSettings(kinds=["simple", "poem"]))


def test_pipeline_fills_descriptions_for_a_sample(models: dict[str, Path]) -> None:
    sample = SAMPLES / "seed000_llama_table.png"
    if not sample.is_file():
        pytest.skip(f"{sample} is absent")
    config = Config(vlm=_settings())
    runner = VlmRunner([str(models["llava"])], config.vlm)
    record = read_image(sample, config, runner)
    assert record.vlm.status == "ran"
    assert sorted(d.kind for d in record.descriptions) == sorted(PROMPT_NAMES)
    assert not [error for error in record.errors if error.stage == "vlm"]
    assert record.stage_hashes["vlm"] != Config(vlm=_settings()).stage_hashes()["vlm"]


# --- OpenAI-compatible HTTP backend -------------------------------------------------------


class _Server:
    """A small OpenAI-compatible server on 127.0.0.1 that answers from a tiny model."""

    def __init__(self, model_dir: Path | None, name: str = "tiny", fail_first: int = 0,
                 script: list[tuple[int, dict[str, str]]] | None = None,
                 delay_s: float = 0.0) -> None:
        self.name = name
        # The first requests' answers: (status, headers); 503 "warming up" fail_first times.
        self.script = list(script or []) or [(503, {})] * fail_first
        self.delay_s = delay_s  # time spent on each request before answering
        self.times: list[float] = []  # when each chat request arrived
        self.chat_requests = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.generate_lock = threading.Lock()
        self.backend = None
        if model_dir is not None:
            from imgread.vlm.transformers_backend import TransformersBackend

            self.backend = TransformersBackend(str(model_dir), VlmSettings(batch_size=1))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any],
                      headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": server.name}]})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    server.chat_requests += 1
                    server.times.append(time.monotonic())
                    scripted = server.script.pop(0) if server.script else None
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay_s)
                    if scripted is not None:
                        self._send(scripted[0], {"error": "scripted"}, scripted[1])
                    else:
                        self._send(200, server.answer(body))
                finally:
                    with server.lock:
                        server.in_flight -= 1

        return Handler

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        content = body["messages"][0]["content"]
        prompt = next(part["text"] for part in content if part["type"] == "text")
        url = next(part["image_url"]["url"] for part in content if part["type"] == "image_url")
        image = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
        assert self.backend is not None
        with self.generate_lock:
            output = self.backend.generate([image], prompt, body["max_tokens"])[0]
        return {
            "choices": [{"message": {"role": "assistant", "content": output.text},
                         "finish_reason": output.finish_reason}],
            "usage": {"prompt_tokens": output.input_tokens,
                      "completion_tokens": output.output_tokens},
        }

    def __enter__(self) -> _Server:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *args: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(models: dict[str, Path]) -> Iterator[_Server]:
    with _Server(models["idefics3"], fail_first=1) as running:
        yield running


def test_http_backend_answers_like_the_local_model(
    server: _Server, models: dict[str, Path], images: list[Image.Image]
) -> None:
    spec = f"openai:{server.url}#tiny"
    works = _works(images)
    VlmRunner([spec, str(models["idefics3"])], _settings(http_concurrency=2)).run(works)
    for work in works:
        assert work.record.vlm.status == "ran", work.record.vlm.reason
        remote = {d.kind: d for d in work.record.descriptions if d.backend == "openai"}
        local = {d.kind: d for d in work.record.descriptions if d.backend == "transformers"}
        assert set(remote) == set(PROMPT_NAMES)
        for kind in PROMPT_NAMES:
            assert remote[kind].model == "tiny"
            assert remote[kind].text == local[kind].text  # same pixels, same greedy answer
            assert remote[kind].input_tokens == local[kind].input_tokens
            assert remote[kind].output_tokens == local[kind].output_tokens
            assert remote[kind].generation["base_url"] == f"{server.url}/v1"
            assert remote[kind].endpoint == f"{server.url}/v1"
            assert remote[kind].finish_reason == local[kind].finish_reason == "length"
    # The first request got a 503 and was retried; never more than two requests at once.
    assert server.chat_requests == 1 + len(images) * len(PROMPT_NAMES)
    assert server.most_in_flight <= 2


def test_http_server_down_or_model_unknown_is_plain(images: list[Image.Image]) -> None:
    with _Server(None, name="llava:latest") as running:
        works = _works(images[:1])
        VlmRunner([f"openai:{running.url}/v1#gemma3"], _settings(kinds=["simple"])).run(works)
        message = works[0].record.errors[0].message
        assert "does not serve model 'gemma3'" in message and "llava:latest" in message
        closed_url = running.url
    works = _works(images[:1])
    VlmRunner([f"openai:{closed_url}#llava"], _settings(kinds=["simple"])).run(works)
    record = works[0].record
    assert record.vlm.status == "failed"
    message = record.errors[0].message
    assert f"cannot reach the OpenAI-compatible server at {closed_url}/v1" in message


def test_http_spec_must_name_a_model() -> None:
    with pytest.raises(ConfigError, match="openai:URL#MODEL"):
        VlmRunner(["openai:http://127.0.0.1:8000/v1"], VlmSettings())


def test_default_limits_leave_room_for_the_seed_analyses() -> None:
    """The reference analyses (gemma3-27b) must fit the default limits with room to spare.

    No Gemma tokenizer is available offline, so tokens are bounded from above generously:
    English prose with markdown runs about 4 characters or 0.75 words per token in Gemma's
    262k vocabulary; 3 characters and 2 tokens per word are taken instead.
    """
    from conftest import SHARED

    from imgread.errors import ImgreadError
    from imgread.importer import parse_seed_file

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed records in {SHARED / 'seeds'}")
    limits = VlmSettings().max_new_tokens
    longest: dict[str, int] = {}
    for path in seeds:
        try:
            record = parse_seed_file(path)
        except ImgreadError:
            continue  # a seed the importer cannot read is its own test's concern
        for d in record.descriptions:
            bound = max(len(d.text) // 3, 2 * len(d.text.split()))
            longest[d.kind] = max(longest.get(d.kind, 0), bound)
    assert longest.get("detailed", 0) > 1200  # the old limit, which cut them
    for kind, tokens in longest.items():
        assert tokens < limits[kind], f"{kind}: up to {tokens} tokens, limit {limits[kind]}"


def test_http_retry_after_is_honoured(models: dict[str, Path], images: list[Image.Image]) -> None:
    """A 429 asking for 2 s is answered 2 s later, not after the 1 s backoff."""
    with _Server(models["idefics3"], script=[(429, {"Retry-After": "2"})]) as running:
        works = _works(images[:1])
        VlmRunner([f"openai:{running.url}#tiny"], _settings(kinds=["simple"])).run(works)
        assert works[0].record.vlm.status == "ran", works[0].record.vlm.reason
        assert running.chat_requests == 2
        assert running.times[1] - running.times[0] >= 2.0


def test_http_client_errors_are_not_retried_but_timeouts_are(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    script = [(400, {}), (408, {"Retry-After": "0"})]
    with _Server(models["idefics3"], script=script) as running:
        works = _works(images[:2])
        VlmRunner([f"openai:{running.url}#tiny"],
                  _settings(kinds=["simple"], http_concurrency=1)).run(works)
        first, second = (work.record.descriptions[0] for work in works)
        assert first.error is not None and "answered HTTP 400" in first.error
        assert second.error is None and second.text  # 408, then answered
        assert running.chat_requests == 3


def test_http_all_kinds_are_in_flight_together(
    models: dict[str, Path], images: list[Image.Image]
) -> None:
    with _Server(models["idefics3"], delay_s=0.3) as running:
        works = _works(images[:2])
        VlmRunner([f"openai:{running.url}#tiny"], _settings(http_concurrency=6)).run(works)
        assert all(work.record.vlm.status == "ran" for work in works)
        # Two images: more than two requests at once means the kinds overlapped.
        assert running.most_in_flight == 2 * len(PROMPT_NAMES)


def test_two_servers_with_one_model_name_stay_apart(
    models: dict[str, Path], images: list[Image.Image], tmp_path: Path
) -> None:
    from imgread.store import open_store

    with _Server(models["idefics3"]) as one, _Server(models["llava"]) as other:
        works = _works(images[:1])
        specs = [f"openai:{one.url}#tiny", f"openai:{other.url}#tiny"]
        VlmRunner(specs, _settings(kinds=["simple"])).run(works)
    record = works[0].record
    assert record.vlm.status == "ran"
    record.image.sha256 = "0" * 64
    with open_store(str(tmp_path / "results.sqlite")) as store:
        store.put(record)
        rows = store.db.execute("SELECT model, endpoint, text FROM descriptions").fetchall()
    assert sorted((model, endpoint) for model, endpoint, _ in rows) == sorted([
        ("tiny", f"{one.url}/v1"), ("tiny", f"{other.url}/v1")])
    assert rows[0][2] != rows[1][2]  # two different models answered


def test_run_stops_before_any_image_when_the_server_lacks_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import render_table

    from imgread.cli import main

    folder = tmp_path / "images"
    folder.mkdir()
    render_table(folder / "a.png", ["model", "MMLU"], [["LLaMA 7B", "35.1"]], size=14)
    with _Server(None, name="llava:latest") as running:
        code = main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet",
                     "--no-report", "--workers", "1", "--vlm", f"openai:{running.url}#gemma3"])
        assert running.chat_requests == 0
    assert code == 2
    err = capsys.readouterr().err
    assert "does not serve model 'gemma3'; it serves: llava:latest" in err
    assert "ollama pull" in err
