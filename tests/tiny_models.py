"""Tiny vision-language models with random weights, built offline for tests and benchmarks.

Each model is saved with ``save_pretrained`` and is meant to be loaded back only through
``AutoProcessor`` and ``AutoModelForImageTextToText``, exactly as a user's model folder would
be, so the real loading and generation path runs without any download. The outputs are
random text: these models test the plumbing, not the answers.

Run ``python tests/tiny_models.py OUT_DIR`` to build them for ``imgread run --vlm OUT_DIR/...``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ARCHITECTURES = ("idefics3", "llava")

# Bumped when a builder changes, so that cached models from an older builder are rebuilt.
BUILDER_VERSION = "2"

_TRAINING_TEXT = [
    "The table compares language models by parameters, training tokens and MMLU score.",
    "The chart plots accuracy against model size in billions of parameters, 7B 13B 34B 70B.",
    "Visual Description. Critical Theory. Marxist Conflict Theory. Postmodernism.",
    "Foucauldian Genealogical Discourse Analysis. Queer Feminist Intersectional Analysis.",
    '[{"model": "LLaMA 2", "benchmark": "MMLU", "value": 68.9, "params_b": 70}]',
    "User: Assistant: 0123456789 .,;:!?()[]{}<>-_=+*/ %# @ abcdefghijklmnopqrstuvwxyz",
]

# SmolVLM's chat template, reduced to a single image and text turns.
_IDEFICS3_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{ message['role'] | capitalize }}"
    "{% if message['content'][0]['type'] == 'image' %}{{ ':' }}{% else %}{{ ': ' }}{% endif %}"
    "{% for part in message['content'] %}{% if part['type'] == 'text' %}{{ part['text'] }}"
    "{% elif part['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}"
    "<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}"
)

# LLaVA-1.5's template: "USER: <image>\n... ASSISTANT:".
_LLAVA_TEMPLATE = (
    "{% for message in messages %}{{ message['role'] | upper }}: "
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}{{ '<image>\n' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}{% endfor %}"
    "{% if message['role'] == 'assistant' %}{{ '</s>' }}{% endif %} {% endfor %}"
    "{% if add_generation_prompt %}{{ 'ASSISTANT:' }}{% endif %}"
)


def byte_level_tokenizer(special: list[str], eos: str, pad: str, bos: str | None = None):  # type: ignore[no-untyped-def]
    """A byte-level BPE tokenizer trained on a few sentences, with the given special tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=special,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(_TRAINING_TEXT, trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        eos_token=eos,
        pad_token=pad,
        bos_token=bos,
        model_input_names=["input_ids", "attention_mask"],
    )


def _llama(vocab_size: int, pad_id: int, bos_id: int | None, eos_id: int):  # type: ignore[no-untyped-def]
    from transformers import LlamaConfig

    return LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        pad_token_id=pad_id,
        bos_token_id=bos_id,
        eos_token_id=eos_id,
    )


def _save(model, processor, out: Path, eos_id: int, pad_id: int) -> None:  # type: ignore[no-untyped-def]
    from transformers import GenerationConfig

    model.generation_config = GenerationConfig(eos_token_id=eos_id, pad_token_id=pad_id)
    model.save_pretrained(out)
    processor.save_pretrained(out)


def build_idefics3(out: Path) -> None:
    """SmolVLM's architecture: SigLIP-style vision tower, pixel shuffle, Llama text model."""
    import torch
    from transformers import (
        Idefics3Config,
        Idefics3ForConditionalGeneration,
        Idefics3ImageProcessor,
        Idefics3Processor,
        Idefics3VisionConfig,
    )

    rows_cols = [f"<row_{r}_col_{c}>" for r in range(1, 7) for c in range(1, 7)]
    special = [
        "<|endoftext|>", "<|im_start|>", "<end_of_utterance>", "<fake_token_around_image>",
        "<image>", "<global-img>", *rows_cols,
    ]
    tokenizer = byte_level_tokenizer(special, eos="<end_of_utterance>", pad="<|endoftext|>",
                                     bos="<|im_start|>")
    image_size, patch_size, scale_factor = 64, 16, 2
    image_seq_len = (image_size // patch_size) ** 2 // scale_factor**2
    # Images up to 2x2 tiles plus a global view, as SmolVLM does (at 64 px rather than 512):
    # the prompt length then depends on the image, so batches need left padding.
    image_processor = Idefics3ImageProcessor(
        do_image_splitting=True,
        size={"longest_edge": 2 * image_size},
        max_image_size={"longest_edge": image_size},
    )
    processor = Idefics3Processor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        image_seq_len=image_seq_len,
        chat_template=_IDEFICS3_TEMPLATE,
    )
    eos_id = tokenizer.convert_tokens_to_ids("<end_of_utterance>")
    pad_id = tokenizer.pad_token_id
    config = Idefics3Config(
        vision_config=Idefics3VisionConfig(
            hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
            image_size=image_size, patch_size=patch_size,
        ).to_dict(),
        text_config=_llama(len(tokenizer), pad_id, tokenizer.bos_token_id, eos_id).to_dict(),
        image_token_id=tokenizer.convert_tokens_to_ids("<image>"),
        scale_factor=scale_factor,
        pad_token_id=pad_id,
    )
    torch.manual_seed(0)
    model = Idefics3ForConditionalGeneration(config).eval()
    _save(model, processor, out, eos_id, pad_id)


def build_llava(out: Path) -> None:
    """LLaVA-1.5's architecture: CLIP vision tower, MLP projector, Llama text model."""
    import torch
    from transformers import (
        CLIPImageProcessor,
        CLIPVisionConfig,
        LlavaConfig,
        LlavaForConditionalGeneration,
        LlavaProcessor,
    )

    special = ["<unk>", "<s>", "</s>", "<image>", "<pad>"]
    tokenizer = byte_level_tokenizer(special, eos="</s>", pad="<pad>", bos="<s>")
    image_size, patch_size = 32, 8
    image_processor = CLIPImageProcessor(
        size={"shortest_edge": image_size},
        crop_size={"height": image_size, "width": image_size},
    )
    processor = LlavaProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        patch_size=patch_size,
        vision_feature_select_strategy="default",
        num_additional_image_tokens=1,  # CLIP's class token, dropped by the "default" strategy
        chat_template=_LLAVA_TEMPLATE,
    )
    eos_id = tokenizer.eos_token_id
    pad_id = tokenizer.pad_token_id
    config = LlavaConfig(
        vision_config=CLIPVisionConfig(
            hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
            image_size=image_size, patch_size=patch_size, projection_dim=32,
        ).to_dict(),
        text_config=_llama(len(tokenizer), pad_id, tokenizer.bos_token_id, eos_id).to_dict(),
        image_token_index=tokenizer.convert_tokens_to_ids("<image>"),
        vision_feature_layer=-1,
        vision_feature_select_strategy="default",
        pad_token_id=pad_id,
    )
    torch.manual_seed(0)
    model = LlavaForConditionalGeneration(config).eval()
    _save(model, processor, out, eos_id, pad_id)


def write_qwen2_vl_processor(out: Path) -> None:
    """Qwen2-VL's config and processor files, no weights: enough to reach its processor, which
    needs torchvision (for its video processor) on transformers 5."""
    import json

    from transformers import Qwen2VLConfig

    special = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_start|>",
               "<|vision_end|>", "<|image_pad|>", "<|video_pad|>"]
    byte_level_tokenizer(special, eos="<|im_end|>", pad="<|endoftext|>").save_pretrained(out)
    Qwen2VLConfig().save_pretrained(out)
    processor = {"image_processor_type": "Qwen2VLImageProcessor",
                 "processor_class": "Qwen2VLProcessor", "patch_size": 14, "merge_size": 2,
                 "temporal_patch_size": 2, "min_pixels": 3136, "max_pixels": 12845056}
    (out / "preprocessor_config.json").write_text(json.dumps(processor))


BUILDERS: dict[str, Callable[[Path], None]] = {
    "idefics3": build_idefics3,
    "llava": build_llava,
}


def default_cache() -> Path:
    return Path(os.environ.get("IMGREAD_TINY_MODELS", Path(tempfile.gettempdir()) / "imgread-tiny"))


def tiny_model(architecture: str, cache: Path | None = None) -> Path:
    """The folder of a tiny model, built once per transformers version and kept in ``cache``."""
    import transformers

    folder = (cache or default_cache()) / (
        f"{architecture}-tf{transformers.__version__}-b{BUILDER_VERSION}"
    )
    if (folder / "config.json").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Built beside and renamed into place, so a concurrent reader never sees half a model.
    staging = Path(tempfile.mkdtemp(prefix=f".{architecture}-", dir=folder.parent))
    try:
        BUILDERS[architecture](staging)
        staging.rename(folder)
    except OSError:
        if not (folder / "config.json").is_file():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/tiny_models.py OUT_DIR", file=sys.stderr)
        return 2
    for architecture in ARCHITECTURES:
        print(tiny_model(architecture, Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
