"""Token-exact prompts: imgread's input ids are the ones each model's own chat template makes.

For every family, a batch built by the backend must hold, row by row once the left padding is
dropped, exactly the ids of ``processor.apply_chat_template(..., tokenize=True)`` for that one
image, with a single BOS. The tiny tokenizers add a BOS when encoding, as the real Gemma and
Llama tokenizers do, so the old way (render the template to text, then tokenise it again) is
shown to give two for the templates that write their own: the check can fail.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from imgread.config import VlmSettings
from imgread.vlm.transformers_backend import TransformersBackend

PROMPT = "Describe the table: models, parameters and MMLU."
# Families whose templates write the BOS themselves (the double-BOS risk).
TEMPLATE_WRITES_BOS = {"gemma3", "mllama"}
FAMILIES = ["gemma3", "mllama", "llava", "llava_next", "idefics3", "qwen2_vl"]


def _conversation(image: Image.Image) -> list[dict[str, Any]]:
    return [{"role": "user", "content": [{"type": "image", "image": image},
                                         {"type": "text", "text": PROMPT}]}]


@pytest.fixture(scope="module")
def pictures() -> list[Image.Image]:
    # Different sizes and shapes: tiling processors then make prompts of different lengths.
    return [Image.new("RGB", (90, 40), (230, 230, 230)), Image.new("RGB", (30, 80), (20, 90, 200)),
            Image.new("RGB", (64, 64), (250, 250, 250))]


@pytest.mark.parametrize("family", FAMILIES)
def test_input_ids_match_the_models_own_chat_template(
    family: str, pictures: list[Image.Image]
) -> None:
    pytest.importorskip("torch", reason="needs torch: pip install 'imgread[vlm]'")
    pytest.importorskip("transformers")
    if family == "qwen2_vl" and importlib.util.find_spec("torchvision") is None:
        pytest.skip("Qwen2-VL's processor needs torchvision (the [gpu] extra)")
    from tiny_models import tiny_model
    from transformers import AutoProcessor

    folder: Path = tiny_model(family)
    backend = TransformersBackend(str(folder), VlmSettings())
    batch = backend.prompt_inputs(pictures, PROMPT)
    processor = AutoProcessor.from_pretrained(folder)  # an independent copy, as a user loads it
    bos = processor.tokenizer.bos_token_id
    for row, mask, image in zip(batch["input_ids"].tolist(), batch["attention_mask"].tolist(),
                                pictures, strict=True):
        ids = [token for token, keep in zip(row, mask, strict=True) if keep]
        assert mask == sorted(mask), "padding must be on the left, where generation ignores it"
        expected = processor.apply_chat_template(
            _conversation(image), add_generation_prompt=True, tokenize=True,
            return_dict=True)["input_ids"]
        expected = expected[0] if isinstance(expected[0], list) else expected
        assert ids == expected
        if bos is not None:
            assert ids[0] == bos and ids.count(bos) == 1
    if family in TEMPLATE_WRITES_BOS:
        rendered = processor.apply_chat_template(_conversation(pictures[0]),
                                                 add_generation_prompt=True)
        retokenised = processor(text=[rendered], images=[[pictures[0]]])["input_ids"][0]
        assert retokenised[:2] == [bos, bos]  # what rendering then tokenising would have sent
