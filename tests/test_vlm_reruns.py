"""Descriptions across reruns with changing ``--vlm`` lists: nothing lost, nothing redone twice.

Real runs (``imgread.batch.run``, real Tesseract, real SQLite) with tiny random-weight models.
A spy around the backend's ``generate`` counts which model generated for how many images; it
calls the real method, so the answers are the models' own.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import render_table

from imgread.batch import run
from imgread.config import Config, VlmSettings
from imgread.store import open_store


@pytest.fixture(scope="module")
def tiny() -> dict[str, Path]:
    pytest.importorskip("torch", reason="needs torch: pip install 'imgread[vlm]'")
    pytest.importorskip("transformers")
    from tiny_models import tiny_model

    return {name: tiny_model(name) for name in ("llava", "gemma3")}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    images = tmp_path / "images"
    images.mkdir()
    render_table(images / "a.png", ["model", "MMLU"], [["LLaMA 7B", "35.1"]], size=14)
    render_table(images / "b.png", ["model", "GSM8K"], [["Mistral 7B", "52.2"]], size=14)
    return images


@pytest.fixture
def generated(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many images each model generated an answer for, across the runs of one test."""
    from imgread.vlm.transformers_backend import TransformersBackend

    counts: Counter[str] = Counter()
    real = TransformersBackend.generate

    def spy(self: TransformersBackend, images: Any, prompt: str, tokens: int) -> Any:
        counts[Path(self.model).name] += len(images)
        return real(self, images, prompt, tokens)

    monkeypatch.setattr(TransformersBackend, "generate", spy)
    return counts


def _run(folder: Path, out: Path, models: list[Path], **options: Any) -> None:
    config = Config(vlm=VlmSettings(kinds=["simple"], max_new_tokens={"simple": 4}))
    run(folder, out, vlm=[str(m) for m in models], config=config, workers=1, progress=False,
        report=False, **options)


def _stored(out: Path) -> dict[tuple[str, str], tuple[str, str | None, float | None]]:
    """(image, model) -> (text, error, latency) as the database holds them."""
    with open_store(str(out / "results.sqlite")) as store:
        rows = store.db.execute(
            "SELECT i.path, d.model, d.text, d.error, d.latency_s FROM descriptions d "
            "JOIN images i USING (sha256)").fetchall()
    return {(Path(path).name, Path(model).name): (text, error, latency)
            for path, model, text, error, latency in rows}


def test_changing_model_lists_keep_every_description(
    tiny: dict[str, Path], folder: Path, tmp_path: Path, generated: Counter[str]
) -> None:
    a, b = tiny["llava"], tiny["gemma3"]
    out = tmp_path / "out"
    _run(folder, out, [a])
    first = _stored(out)
    assert set(first) == {("a.png", a.name), ("b.png", a.name)}
    assert all(text and error is None for text, error, _ in first.values())
    assert generated == {a.name: 2}

    _run(folder, out, [a, b])  # B is added; A's answers stay as they were
    second = _stored(out)
    assert set(second) == {(image, m.name) for image in ("a.png", "b.png") for m in (a, b)}
    assert {key: second[key] for key in first} == first
    assert generated == {a.name: 2, b.name: 2}

    _run(folder, out, [b])  # A is no longer named: its descriptions are kept, nothing redone
    assert _stored(out) == second
    _run(folder, out, [a])
    assert _stored(out) == second
    _run(folder, out, [])  # no model at all: the VLM stage is skipped, nothing is dropped
    assert _stored(out) == second
    assert generated == {a.name: 2, b.name: 2}

    _run(folder, out, [a, b], force_vlm=[str(b)])  # one model again, the other kept
    assert generated == {a.name: 2, b.name: 4}
    fourth = _stored(out)
    assert {key: fourth[key] for key in first} == first
    assert set(fourth) == set(second)
    # B's answers are this run's: their latencies differ (one may repeat to the 0.1 ms by
    # chance, both together all but never).
    assert [fourth[(image, b.name)][2] for image in ("a.png", "b.png")] != [
        second[(image, b.name)][2] for image in ("a.png", "b.png")
    ]

    _run(folder, out, [a, b], force=True)
    assert generated == {a.name: 4, b.name: 6}
    assert set(_stored(out)) == set(second)


def test_a_failed_model_is_retried_by_the_next_plain_run(
    tiny: dict[str, Path], folder: Path, tmp_path: Path, generated: Counter[str]
) -> None:
    a = tiny["llava"]
    late = tmp_path / "models" / "late-model"  # absent at first, as a model not yet downloaded
    out = tmp_path / "out"
    _run(folder, out, [a, late])
    stored = _stored(out)
    assert all(stored[(image, late.name)][1] is not None and "no folder" in
               str(stored[(image, late.name)][1]) for image in ("a.png", "b.png"))
    with open_store(str(out / "results.sqlite")) as store:
        assert {record.vlm.status for record in store.records()} == {"partial"}

    shutil.copytree(tiny["gemma3"], late)
    _run(folder, out, [a, late])  # the same command: the failed model is tried again
    stored = _stored(out)
    assert all(stored[(image, late.name)][1] is None and stored[(image, late.name)][0]
               for image in ("a.png", "b.png"))
    assert generated == {a.name: 2, late.name: 2}
    with open_store(str(out / "results.sqlite")) as store:
        assert {record.vlm.status for record in store.records()} == {"ran"}
    _run(folder, out, [a, late])  # and once it ran, a plain run leaves it alone
    assert generated == {a.name: 2, late.name: 2}


def test_descriptions_from_before_the_one_bos_prompts_are_redone(tiny: dict[str, Path]) -> None:
    """A transformers description without a finish_reason was written by the old prompt path
    (two BOS for Gemma 3, cut answers unrecorded): it is generated again; others are kept."""
    from PIL import Image

    from imgread.pipeline import Job, start
    from imgread.record import Description, Record
    from imgread.vlm import VlmRunner, load_prompt

    model = str(tiny["gemma3"])
    settings = VlmSettings(kinds=["simple", "detailed"],
                           max_new_tokens={"simple": 4, "detailed": 4})
    runner = VlmRunner([model], settings)
    previous = Record()
    for kind, finish in (("simple", None), ("detailed", "length")):
        previous.descriptions.append(Description(
            model=model, kind=kind, prompt=load_prompt(kind)[1], text=f"earlier {kind}",  # type: ignore[arg-type]
            backend="transformers", generation={"max_new_tokens": 4}, finish_reason=finish))
    work = start(Job(path=Path("a.png"), previous=previous), Config(vlm=settings),
                 runner.hash_inputs())
    work.image = Image.new("RGB", (64, 48), "white")
    runner.run([work])
    texts = {d.kind: d.text for d in work.record.descriptions}
    assert texts["detailed"] == "earlier detailed"  # a good answer under today's limit: kept
    assert texts["simple"] != "earlier simple"
    assert work.record.descriptions[-1].finish_reason is not None
