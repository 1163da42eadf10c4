"""VLM throughput: sequential (batch 1) against batched generation (8, 32) on the same images.

    python benchmarks/vlm.py                      # tiny Idefics3 on CPU, and on CUDA if present
    python benchmarks/vlm.py --model DIR --device cuda --tokens 64

Prints images/s and generated tokens/s per batch size. The default model is the tiny
random-weight Idefics3 from ``tests/tiny_models.py`` (built offline, loaded through the Auto
classes like any model folder); its answers are noise, its cost per token is what a small model
pays in Python, kernel launches and padding. The model is loaded once per device, before the
timed runs, as the VLM stage does once per worker; the load time is printed apart.

What real small models need in memory (from their model cards):
- HuggingFaceTB/SmolVLM-256M-Instruct (Idefics3 architecture, 256M parameters): "inference on
  one image with under 1GB of GPU RAM"; 64 visual tokens per 512x512 tile, larger images split
  into tiles. Runs on CPU too, slowly.
- Qwen/Qwen2-VL-2B-Instruct (2.2B parameters, bfloat16): about 4.4 GB for the weights alone,
  plus activations that grow with the image: one visual token per 28x28 pixels, 4 to 16384 per
  image by default; the card advises min_pixels/max_pixels (e.g. 256-1280 tokens) to bound
  memory. imgread's vlm.max_image_side (1536 px) caps an image near 3000 tokens. Its processor
  needs torchvision on transformers 5.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from imgread.config import VlmSettings  # noqa: E402
from imgread.vlm.backend import fit  # noqa: E402
from imgread.vlm.transformers_backend import TransformersBackend  # noqa: E402

PROMPT = "Describe this image in a few sentences."


def screenshots(count: int) -> list[Image.Image]:
    """Real screenshots from shared/ (then samples/), cycled to ``count``; drawn ones if none."""
    folders = [REPO.parent / "shared" / "data" / "real" / "images", REPO / "samples"]
    paths = [path for folder in folders if folder.is_dir() for path in sorted(folder.iterdir())
             if path.suffix.lower() in {".png", ".jpg", ".jpeg"}]
    # Shrunk as the VLM stage does once per image, before any model sees it.
    side = VlmSettings().max_image_side
    images = [fit(Image.open(path).convert("RGB"), side) for path in paths[:count]]
    while len(images) < count:
        if paths:
            images.append(images[len(images) % len(paths)])
            continue
        image = Image.new("RGB", (600 + 40 * len(images), 400), "white")
        ImageDraw.Draw(image).text((20, 20), f"Model {len(images)}  MMLU 6{len(images)}.0", "black")
        images.append(image)
    return images


def measure(model: str, device: str, images: list[Image.Image], tokens: int,
            batch_sizes: list[int]) -> None:
    settings = VlmSettings(device=device)
    backend = TransformersBackend(model, settings)
    started = time.perf_counter()
    backend.load()
    print(f"\n{device_name(device)}: model loaded once in {time.perf_counter() - started:.2f} s "
          f"({backend.dtype})")
    backend.batch_size = max(batch_sizes)
    backend.generate(images[: max(batch_sizes)], PROMPT, tokens)  # warm-up: kernels, allocator
    print(f"{'batch':>5} {'images':>6} {'seconds':>8} {'images/s':>9} {'tokens/s':>9} "
          f"{'speed-up':>8}  errors")
    baseline = None
    for size in batch_sizes:
        backend.batch_size = size
        sync(device)
        started = time.perf_counter()
        outputs = backend.generate(images, PROMPT, tokens)
        sync(device)
        elapsed = time.perf_counter() - started
        generated = sum(output.output_tokens or 0 for output in outputs)
        rate = len(images) / elapsed
        baseline = baseline or rate
        errors = sum(output.error is not None for output in outputs)
        print(f"{size:>5} {len(images):>6} {elapsed:>8.2f} {rate:>9.2f} "
              f"{generated / elapsed:>9.1f} {rate / baseline:>7.1f}x  {errors}")


def device_name(device: str) -> str:
    import torch

    if device.startswith("cuda"):
        return f"{device} ({torch.cuda.get_device_name(torch.device(device))})"
    return f"cpu ({torch.get_num_threads()} threads)"


def sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model folder or id (default: tiny Idefics3)")
    parser.add_argument("--device", action="append",
                        help="cpu, cuda, cuda:1 (default: cpu, and cuda when available)")
    parser.add_argument("--images", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=32, help="new tokens per image")
    parser.add_argument("--batch", type=int, action="append", help="batch sizes (default 1 8 32)")
    args = parser.parse_args()

    import torch
    import transformers

    model = args.model
    if model is None:
        from tiny_models import tiny_model

        model = str(tiny_model("idefics3"))
    devices = args.device or ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    images = screenshots(args.images)
    print(f"torch {torch.__version__}, transformers {transformers.__version__}; model {model}; "
          f"{len(images)} images, {args.tokens} new tokens each, greedy")
    for device in devices:
        measure(model, device, images, args.tokens, args.batch or [1, 8, 32])
    return 0


if __name__ == "__main__":
    sys.exit(main())
