"""The reference records' VLMs at their real size on a GPU: Gemma 3 and Llama 3.2 Vision.

    python benchmarks/vlm_gpu.py            # on a CUDA machine; no network needed
    python benchmarks/vlm_gpu.py --tiny     # the same path with tiny models, on CPU

Builds random-weight models from the published configurations written out below (Gemma 3 27B,
or 12B/4B when the card has less memory; Llama 3.2 11B Vision), directly on the GPU in
bfloat16, with no download. Their processors are the families' own (image processors and chat
templates) over a small trained tokenizer, whose special-token ids the configurations take;
the vocabulary and every layer keep their published sizes. imgread's transformers backend then
describes a few drawn screenshots with the real ``simple`` prompt, one image at a time and in
one batch. The script checks that every prompt starts with exactly one BOS, and prints
images/s at batch 1 and batched, the peak GPU memory and the card's name.

Random weights never stop early: every answer runs to ``--tokens``, so the figures are the
cost of prefill (image and prompt tokens) plus that many decoding steps. The answers decode to
little or nothing: most ids they pick lie beyond the small tokenizer.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from imgread.config import VlmSettings  # noqa: E402
from imgread.vlm import load_prompt  # noqa: E402
from imgread.vlm.transformers_backend import TransformersBackend  # noqa: E402

# google/gemma-3-{27b,12b,4b}-it, config.json: the text tower; the vision tower (SigLIP
# so400m at 896 px, 256 tokens per image) is the same for all three.
GEMMA3_TEXT = {
    "27b": {"hidden_size": 5376, "intermediate_size": 21504, "num_hidden_layers": 62,
            "num_attention_heads": 32, "num_key_value_heads": 16, "head_dim": 128,
            "query_pre_attn_scalar": 168},
    "12b": {"hidden_size": 3840, "intermediate_size": 15360, "num_hidden_layers": 48,
            "num_attention_heads": 16, "num_key_value_heads": 8, "head_dim": 256,
            "query_pre_attn_scalar": 256},
    "4b": {"hidden_size": 2560, "intermediate_size": 10240, "num_hidden_layers": 34,
           "num_attention_heads": 8, "num_key_value_heads": 4, "head_dim": 256,
           "query_pre_attn_scalar": 256},
}
GEMMA3_SHARED_TEXT = {
    "vocab_size": 262208, "sliding_window": 1024, "sliding_window_pattern": 6,
    "rope_theta": 1_000_000.0, "rope_local_base_freq": 10_000.0,
    "rope_scaling": {"rope_type": "linear", "factor": 8.0},
    "max_position_embeddings": 131072, "rms_norm_eps": 1e-6,
}
GEMMA3_VISION = {
    "hidden_size": 1152, "intermediate_size": 4304, "num_hidden_layers": 27,
    "num_attention_heads": 16, "image_size": 896, "patch_size": 14, "vision_use_head": False,
    "layer_norm_eps": 1e-6,
}
GEMMA3_TOKENS_PER_IMAGE = 256
# Bytes of bfloat16 weights (embeddings tied) plus room to generate, by size: the largest that
# fits the card is built.
GEMMA3_NEEDS_GIB = {"27b": 60, "12b": 28, "4b": 12}

# meta-llama/Llama-3.2-11B-Vision-Instruct, config.json.
MLLAMA_TEXT = {
    "vocab_size": 128256, "hidden_size": 4096, "intermediate_size": 14336,
    "num_hidden_layers": 40, "num_attention_heads": 32, "num_key_value_heads": 8,
    "cross_attention_layers": [3, 8, 13, 18, 23, 28, 33, 38], "rope_theta": 500_000.0,
    "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                     "high_freq_factor": 4.0, "original_max_position_embeddings": 8192},
    "max_position_embeddings": 131072, "rms_norm_eps": 1e-5, "tie_word_embeddings": False,
}
MLLAMA_VISION = {
    "hidden_size": 1280, "intermediate_size": 5120, "num_hidden_layers": 32,
    "num_global_layers": 8, "attention_heads": 16, "image_size": 560, "patch_size": 14,
    "max_num_tiles": 4, "vision_output_dim": 7680,
    "intermediate_layers_indices": [3, 7, 15, 23, 30], "norm_eps": 1e-5,
}

# --tiny: the same families, small enough for a CPU (the test suite's tiny models' shapes).
TINY_GEMMA3 = ({"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
                "query_pre_attn_scalar": 16, "sliding_window": 64},
               {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                "num_attention_heads": 2, "image_size": 32, "patch_size": 8,
                "vision_use_head": False}, 4)
TINY_MLLAMA = ({"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                "num_attention_heads": 4, "num_key_value_heads": 2, "cross_attention_layers": [1]},
               {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                "num_global_layers": 1, "attention_heads": 2, "image_size": 32, "patch_size": 8,
                "max_num_tiles": 2, "intermediate_layers_indices": [0], "vision_output_dim": 64,
                "supported_aspect_ratios": [[1, 1], [1, 2], [2, 1]]})

STARTED = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - STARTED:6.1f} s] {message}", flush=True)


def screenshots(count: int) -> list[Image.Image]:
    """Benchmark tables drawn in a few sizes and shapes, as screenshots come."""
    try:
        face: Any = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 16)
    except OSError:
        face = ImageFont.load_default()
    images = []
    for index in range(count):
        rows = 3 + index % 5
        width, height = 520 + 90 * (index % 4), 70 + 34 * rows
        image = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(image)
        draw.text((12, 8), f"Table {index + 1}: LLaMA models, MMLU (5-shot)", "black", face)
        for row in range(rows + 1):
            y = 36 + 34 * row
            draw.line((10, y, width - 10, y), "grey")
            cells = ("Model", "Params", "MMLU") if row == 0 else (
                f"LLaMA {row}", f"{7 * row}B", f"{40 + 3.7 * row + index:.1f}")
            for column, text in enumerate(cells):
                draw.text((16 + column * (width // 3), y + 8), text, "black", face)
        images.append(image)
    return images


def build(family: str, size: str, tiny: bool, device: str, dtype: Any) -> tuple[Any, Any]:
    """(processor, model) with random weights, constructed directly on ``device``."""
    import torch
    from tiny_models import gemma3_config, gemma3_processor, mllama_config, mllama_processor
    from transformers import AutoModelForImageTextToText

    if family == "gemma3":
        text, vision, tokens = TINY_GEMMA3 if tiny else (
            {**GEMMA3_SHARED_TEXT, **GEMMA3_TEXT[size]}, GEMMA3_VISION, GEMMA3_TOKENS_PER_IMAGE)
        processor = gemma3_processor(vision["image_size"], tokens)
        config = gemma3_config(processor, text, vision, tokens)
    else:
        text, vision = TINY_MLLAMA if tiny else (MLLAMA_TEXT, MLLAMA_VISION)
        processor = mllama_processor(vision["image_size"], vision["max_num_tiles"])
        config = mllama_config(processor, text, vision)
    torch.manual_seed(0)
    # Built in place on the GPU: initialising 27B parameters on the CPU first takes minutes.
    with torch.device(device):
        model = AutoModelForImageTextToText.from_config(config, dtype=dtype,
                                                        attn_implementation="sdpa")
    return processor, model.eval()


def check_one_bos(backend: TransformersBackend, bos: int, images: list[Image.Image],
                  prompt: str) -> str:
    """Every row of a padded batch starts with exactly one BOS once the padding is dropped."""
    batch = backend.prompt_inputs(images, prompt)
    for row, mask in zip(batch["input_ids"].tolist(), batch["attention_mask"].tolist(),
                         strict=True):
        ids = [token for token, keep in zip(row, mask, strict=True) if keep]
        if ids[0] != bos or ids.count(bos) != 1:
            raise SystemExit(f"double or missing BOS: the prompt starts {ids[:4]}")
    lengths = sorted({sum(mask) for mask in batch["attention_mask"].tolist()})
    return f"one BOS in each of {len(images)} prompts ({lengths[0]}-{lengths[-1]} tokens)"


def measure(name: str, processor: Any, model: Any, images: list[Image.Image], tokens: int,
            batch: int) -> None:
    import torch

    cuda = model.device.type == "cuda"
    prompt, _ = load_prompt("simple")
    backend = TransformersBackend(name, VlmSettings())
    backend.use(processor, model)
    log(f"{name}: {sum(p.numel() for p in model.parameters()) / 1e9:.2f} B parameters, "
        f"{backend.dtype} on {backend.device}")
    if backend.dtype != "bfloat16":
        raise SystemExit(f"{name} is {backend.dtype}, not bfloat16")
    log(check_one_bos(backend, processor.tokenizer.bos_token_id, images[:batch], prompt))
    backend.batch_size = batch
    backend.generate(images[:batch], prompt, 2)  # warm-up: kernels, allocator, autotuning
    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    print(f"{'model':<22} {'batch':>5} {'images':>6} {'seconds':>8} {'images/s':>9} "
          f"{'tokens/s':>9} {'speed-up':>8} {'errors':>6} {'cut':>4}")
    baseline = None
    for size in (1, batch):
        backend.batch_size = size
        started = time.perf_counter()
        outputs = backend.generate(images, prompt, tokens)
        if cuda:
            torch.cuda.synchronize()
        elapsed = time.perf_counter() - started
        rate = len(images) / elapsed
        baseline = baseline or rate
        generated = sum(output.output_tokens or 0 for output in outputs)
        errors = sum(output.error is not None for output in outputs)
        cut = sum(output.finish_reason == "length" for output in outputs)
        print(f"{name:<22} {size:>5} {len(images):>6} {elapsed:>8.2f} {rate:>9.2f} "
              f"{generated / elapsed:>9.1f} {rate / baseline:>7.1f}x {errors:>6} {cut:>4}",
              flush=True)
        for output in outputs:
            if output.error:
                print(f"  error: {output.error}")
                break
    if cuda:
        peak = torch.cuda.max_memory_allocated() / 2**30
        log(f"{name}: peak GPU memory {peak:.1f} GiB (weights included)")


def release_memory() -> None:
    """Give back what the last model held, once the caller has dropped its references."""
    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="tiny models on CPU (a dry run)")
    parser.add_argument("--gemma", choices=["auto", *GEMMA3_TEXT], default="auto",
                        help="Gemma 3 size (auto: the largest that fits the card)")
    parser.add_argument("--families", default="gemma3,mllama")
    parser.add_argument("--images", type=int, default=8)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--tokens", type=int, default=16, help="new tokens per answer")
    args = parser.parse_args()

    import torch
    import transformers

    device = "cpu" if args.tiny else "cuda"
    if device == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("no CUDA device: run with --tiny for the CPU dry run")
        card = torch.cuda.get_device_name(0)
        total = torch.cuda.get_device_properties(0).total_memory / 2**30
        if not torch.cuda.is_bf16_supported():
            raise SystemExit(f"{card} has no bfloat16; this benchmark measures bfloat16")
    else:
        card, total = f"cpu ({torch.get_num_threads()} threads)", 0.0
    size = args.gemma
    if size == "auto":
        size = next((s for s, need in GEMMA3_NEEDS_GIB.items() if need <= total), "4b")
    print(f"card: {card}" + (f", {total:.0f} GiB" if total else "")
          + f"; torch {torch.__version__}, transformers {transformers.__version__}")
    images = screenshots(args.images)
    for family in args.families.split(","):
        name = (f"tiny-{family}" if args.tiny else
                f"gemma3-{size}" if family == "gemma3" else "llama3.2-vision-11b")
        log(f"{name}: building random weights from the published configuration")
        processor, model = build(family, size, args.tiny, device, torch.bfloat16)
        log(f"{name}: built")
        measure(name, processor, model, images, args.tokens, args.batch)
        del processor, model  # before the next one is built: both would not fit
        release_memory()
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
