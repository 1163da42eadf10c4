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

ARCHITECTURES = ("idefics3", "llava", "llava_next", "gemma3", "mllama")

# Bumped when a builder changes, so that cached models from an older builder are rebuilt.
BUILDER_VERSION = "4"

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


# Gemma 3's template in its essentials: BOS written by the template itself, "model" turns.
_GEMMA3_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}<start_of_turn>"
    "{{ 'model' if message['role'] == 'assistant' else message['role'] }}\n"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}{{ '<start_of_image>' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] | trim }}{% endif %}{% endfor %}"
    "<end_of_turn>\n{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)

# Llama 3.2 Vision's template in its essentials: BOS written by the template, header turns.
_MLLAMA_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}<|start_header_id|>{{ message['role'] }}"
    "<|end_header_id|>\n\n{% for part in message['content'] %}"
    "{% if part['type'] == 'image' %}{{ '<|image|>' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] | trim }}{% endif %}{% endfor %}"
    "<|eot_id|>{% endfor %}"
    "{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"
)

# LLaVA-NeXT (Mistral) template: "[INST] <image>\n... [/INST]"; the tokenizer adds the BOS.
_LLAVA_NEXT_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' }}"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}{{ '<image>\n' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}{% endfor %}{{ ' [/INST]' }}"
    "{% else %}{% for part in message['content'] %}{{ part['text'] }}{% endfor %}{{ '</s>' }}"
    "{% endif %}{% endfor %}"
)


def byte_level_tokenizer(  # type: ignore[no-untyped-def]
    special: list[str], eos: str, pad: str, bos: str | None = None, adds_bos: bool = False,
    named: dict[str, str] | None = None,
):
    """A byte-level BPE tokenizer trained on a few sentences, with the given special tokens.

    ``adds_bos``: encoding puts the BOS in front, as the Llama and Gemma tokenizers do, so a
    prompt rendered with the template's own BOS and tokenised again would start with two.
    ``named``: extra special tokens reachable as attributes (Gemma 3's ``boi_token``...).
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
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
    if adds_bos and bos is not None:
        tokenizer.post_processor = processors.TemplateProcessing(
            single=f"{bos} $A", pair=f"{bos} $A {bos} $B",
            special_tokens=[(bos, tokenizer.token_to_id(bos))])
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        eos_token=eos,
        pad_token=pad,
        bos_token=bos,
        extra_special_tokens=named or {},
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


def _llava_parts(image_size: int, patch_size: int):  # type: ignore[no-untyped-def]
    """What LLaVA-1.5 and LLaVA-NeXT share: the tokenizer, the CLIP vision tower's and the
    Llama text model's configurations, and the settings that join them."""
    from transformers import CLIPVisionConfig

    special = ["<unk>", "<s>", "</s>", "<image>", "<pad>"]
    tokenizer = byte_level_tokenizer(special, eos="</s>", pad="<pad>", bos="<s>", adds_bos=True)
    eos_id, pad_id = tokenizer.eos_token_id, tokenizer.pad_token_id
    config = {
        "vision_config": CLIPVisionConfig(
            hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
            image_size=image_size, patch_size=patch_size, projection_dim=32,
        ).to_dict(),
        "text_config": _llama(len(tokenizer), pad_id, tokenizer.bos_token_id, eos_id).to_dict(),
        "image_token_index": tokenizer.convert_tokens_to_ids("<image>"),
        "vision_feature_layer": -1,
        "vision_feature_select_strategy": "default",
        "pad_token_id": pad_id,
    }
    # CLIP's class token, dropped by the "default" strategy.
    processor = {"tokenizer": tokenizer, "patch_size": patch_size,
                 "vision_feature_select_strategy": "default", "num_additional_image_tokens": 1}
    sizes = {"size": {"shortest_edge": image_size},
             "crop_size": {"height": image_size, "width": image_size}}
    return tokenizer, config, processor, sizes


def build_llava(out: Path) -> None:
    """LLaVA-1.5's architecture: CLIP vision tower, MLP projector, Llama text model."""
    import torch
    from transformers import (
        CLIPImageProcessor,
        LlavaConfig,
        LlavaForConditionalGeneration,
        LlavaProcessor,
    )

    tokenizer, config, processor, sizes = _llava_parts(image_size=32, patch_size=8)
    torch.manual_seed(0)
    model = LlavaForConditionalGeneration(LlavaConfig(**config)).eval()
    _save(model, LlavaProcessor(image_processor=CLIPImageProcessor(**sizes), **processor,
                                chat_template=_LLAVA_TEMPLATE),
          out, tokenizer.eos_token_id, tokenizer.pad_token_id)


def build_llava_next(out: Path) -> None:
    """LLaVA-NeXT's architecture: CLIP tower over any-resolution tiles, Llama text model."""
    import torch
    from transformers import (
        LlavaNextConfig,
        LlavaNextForConditionalGeneration,
        LlavaNextImageProcessor,
        LlavaNextProcessor,
    )

    tokenizer, config, processor, sizes = _llava_parts(image_size=32, patch_size=8)
    pinpoints = [[32, 32], [32, 64], [64, 32], [64, 64]]
    torch.manual_seed(0)
    model = LlavaNextForConditionalGeneration(
        LlavaNextConfig(**config, image_grid_pinpoints=pinpoints)).eval()
    image_processor = LlavaNextImageProcessor(**sizes, image_grid_pinpoints=pinpoints)
    _save(model, LlavaNextProcessor(image_processor=image_processor, **processor,
                                    chat_template=_LLAVA_NEXT_TEMPLATE),
          out, tokenizer.eos_token_id, tokenizer.pad_token_id)


def gemma3_processor(image_size: int, tokens_per_image: int):  # type: ignore[no-untyped-def]
    """Gemma 3's processor (its image processor and template) over a small trained tokenizer."""
    from transformers import Gemma3ImageProcessor, Gemma3Processor

    named = {"boi_token": "<start_of_image>", "eoi_token": "<end_of_image>",
             "image_token": "<image_soft_token>"}
    special = ["<pad>", "<eos>", "<bos>", "<start_of_turn>", "<end_of_turn>", *named.values()]
    tokenizer = byte_level_tokenizer(special, eos="<end_of_turn>", pad="<pad>", bos="<bos>",
                                     adds_bos=True, named=named)
    return Gemma3Processor(
        image_processor=Gemma3ImageProcessor(size={"height": image_size, "width": image_size}),
        tokenizer=tokenizer, image_seq_length=tokens_per_image, chat_template=_GEMMA3_TEMPLATE,
    )


def gemma3_config(processor, text: dict, vision: dict, tokens_per_image: int):  # type: ignore[no-untyped-def]
    """A Gemma 3 configuration from text and vision settings, its token ids the processor's."""
    from transformers import Gemma3Config

    tokenizer = processor.tokenizer
    ids = tokenizer.convert_tokens_to_ids
    text = {"vocab_size": len(tokenizer), **text, "pad_token_id": tokenizer.pad_token_id,
            "bos_token_id": tokenizer.bos_token_id, "eos_token_id": ids("<end_of_turn>")}
    return Gemma3Config(
        text_config=text, vision_config={"model_type": "siglip_vision_model", **vision},
        mm_tokens_per_image=tokens_per_image, boi_token_index=ids("<start_of_image>"),
        eoi_token_index=ids("<end_of_image>"), image_token_index=ids("<image_soft_token>"),
    )


def build_gemma3(out: Path) -> None:
    """Gemma 3's architecture: SigLIP tower, pooled to a fixed token count, Gemma 3 text model."""
    import torch
    from transformers import Gemma3ForConditionalGeneration

    image_size, tokens_per_image = 32, 4
    processor = gemma3_processor(image_size, tokens_per_image)
    text = {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
            "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
            "query_pre_attn_scalar": 16, "sliding_window": 64}
    vision = {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
              "num_attention_heads": 2, "image_size": image_size, "patch_size": 8,
              "vision_use_head": False}
    config = gemma3_config(processor, text, vision, tokens_per_image)
    torch.manual_seed(0)
    model = Gemma3ForConditionalGeneration(config).eval()
    tokenizer = processor.tokenizer
    _save(model, processor, out, tokenizer.convert_tokens_to_ids("<end_of_turn>"),
          tokenizer.pad_token_id)


def mllama_processor(image_size: int, tiles: int):  # type: ignore[no-untyped-def]
    """Llama 3.2 Vision's processor (tiling image processor, template) over a small tokenizer."""
    from transformers import MllamaImageProcessor, MllamaProcessor

    special = ["<|begin_of_text|>", "<|end_of_text|>", "<|finetune_right_pad_id|>",
               "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|image|>",
               "<|python_tag|>"]
    tokenizer = byte_level_tokenizer(special, eos="<|eot_id|>", pad="<|finetune_right_pad_id|>",
                                     bos="<|begin_of_text|>", adds_bos=True)
    return MllamaProcessor(
        image_processor=MllamaImageProcessor(size={"height": image_size, "width": image_size},
                                             max_image_tiles=tiles),
        tokenizer=tokenizer, chat_template=_MLLAMA_TEMPLATE,
    )


def mllama_config(processor, text: dict, vision: dict):  # type: ignore[no-untyped-def]
    """An Mllama configuration from text and vision settings, its token ids the processor's."""
    from transformers import MllamaConfig

    tokenizer = processor.tokenizer
    ids = tokenizer.convert_tokens_to_ids
    text = {"vocab_size": len(tokenizer), **text, "pad_token_id": tokenizer.pad_token_id,
            "bos_token_id": tokenizer.bos_token_id, "eos_token_id": ids("<|eot_id|>")}
    return MllamaConfig(vision_config=vision, text_config=text,
                        image_token_index=ids("<|image|>"))


def build_mllama(out: Path) -> None:
    """Llama 3.2 Vision's architecture: tiled vision encoder, cross-attention text layers."""
    import torch
    from transformers import MllamaForConditionalGeneration

    image_size, tiles = 32, 2
    processor = mllama_processor(image_size, tiles)
    vision = {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
              "num_global_layers": 1, "attention_heads": 2, "image_size": image_size,
              "patch_size": 8, "max_num_tiles": tiles, "intermediate_layers_indices": [0],
              "vision_output_dim": 64, "supported_aspect_ratios": [[1, 1], [1, 2], [2, 1]]}
    text = {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
            "num_attention_heads": 4, "num_key_value_heads": 2, "cross_attention_layers": [1]}
    config = mllama_config(processor, text, vision)
    torch.manual_seed(0)
    model = MllamaForConditionalGeneration(config).eval()
    tokenizer = processor.tokenizer
    _save(model, processor, out, tokenizer.convert_tokens_to_ids("<|eot_id|>"),
          tokenizer.pad_token_id)


# Qwen2-VL's template in its essentials: ChatML turns, the image between vision markers.
_QWEN2_VL_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}"
    "{{ '<|vision_start|><|image_pad|><|vision_end|>' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}{% endfor %}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_qwen2_vl(out: Path) -> None:
    """Qwen2-VL's architecture: native-resolution vision transformer, M-RoPE text model. Its
    processor needs torchvision (for its video half) on transformers 5."""
    from transformers import (
        AutoTokenizer,
        Qwen2VLImageProcessor,
        Qwen2VLProcessor,
        Qwen2VLVideoProcessor,
    )

    write_qwen2_vl_processor(out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    processor = Qwen2VLProcessor(
        image_processor=Qwen2VLImageProcessor(min_pixels=28 * 28, max_pixels=112 * 112),
        video_processor=Qwen2VLVideoProcessor(), tokenizer=tokenizer,
        chat_template=_QWEN2_VL_TEMPLATE)
    _save(qwen2_vl_model(len(tokenizer), tokenizer.convert_tokens_to_ids), processor, out,
          tokenizer.eos_token_id, tokenizer.pad_token_id)


def qwen2_vl_model(vocab_size: int, ids: Callable[[str], int]):  # type: ignore[no-untyped-def]
    import torch
    from transformers import Qwen2VLConfig, Qwen2VLForConditionalGeneration

    config = Qwen2VLConfig(
        text_config={"vocab_size": vocab_size, "hidden_size": 64, "intermediate_size": 128,
                     "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
                     "rope_parameters": {"rope_type": "default", "rope_theta": 10000.0,
                                         "mrope_section": [2, 3, 3]},
                     "bos_token_id": None, "eos_token_id": ids("<|im_end|>"),
                     "pad_token_id": ids("<|endoftext|>")},
        vision_config={"depth": 2, "embed_dim": 32, "hidden_size": 64, "num_heads": 2,
                       "patch_size": 14, "spatial_merge_size": 2, "temporal_patch_size": 2},
        image_token_id=ids("<|image_pad|>"), video_token_id=ids("<|video_pad|>"),
        vision_start_token_id=ids("<|vision_start|>"), vision_end_token_id=ids("<|vision_end|>"),
    )
    torch.manual_seed(0)
    return Qwen2VLForConditionalGeneration(config).eval()


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


def blank_copy(source: Path, out: Path) -> Path:
    """A copy of a tiny model whose generation settings suppress every token but the end of
    sequence: it answers nothing, as PaliGemma did to chat prompts."""
    from transformers import AutoTokenizer, GenerationConfig

    shutil.copytree(source, out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    config = GenerationConfig.from_pretrained(out)
    eos = config.eos_token_id if isinstance(config.eos_token_id, list) else [config.eos_token_id]
    config.suppress_tokens = [i for i in range(len(tokenizer)) if i not in eos]
    config.save_pretrained(out)
    return out


BUILDERS: dict[str, Callable[[Path], None]] = {
    "idefics3": build_idefics3,
    "llava": build_llava,
    "llava_next": build_llava_next,
    "gemma3": build_gemma3,
    "mllama": build_mllama,
    "qwen2_vl": build_qwen2_vl,
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
