"""One settings object: defaults < pyproject.toml/imgread.toml < environment < flags.

Sections map to stages; each stage's hash covers its own section and those of the stages
before it, so a changed setting redoes only the stages it can affect.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Bumped when a stage's code changes what it produces, so old records are redone.
STAGE_VERSIONS = {
    "load": "1",
    "preprocess": "1",
    "ocr": "1",
    "tables": "1",
    "charts": "1",
    "vlm": "1",
    "reconcile": "1",
}
STAGE_ORDER = tuple(STAGE_VERSIONS)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoadSettings(Section):
    max_pixels: int = 60_000_000  # decompression-bomb guard; 30000x30000 is refused
    max_bytes: int = 200_000_000


class PreprocessSettings(Section):
    target_x_height: int = 20  # px; small text is upscaled to reach it
    max_upscale: float = 4.0
    max_side_after_upscale: int = 6000
    deskew: bool = True
    max_skew_degrees: float = 5.0
    invert_dark: bool = True
    remove_rules: bool = True  # erase ruling lines from the image OCR reads


class OcrSettings(Section):
    engine: str = "tesseract"
    # "auto": English, switching to "<cjk>+eng" where the English pass finds Han text (see
    # imgread/ocr/script.py); anything else is a Tesseract language string used as is.
    lang: str = "auto"
    cjk: Literal["chi_sim", "chi_tra"] = "chi_sim"  # the Chinese model "auto" switches to
    psm: int = 11  # sparse text: finds words in tables and charts without a reading order
    timeout_s: float = 60.0
    numeric_reread: bool = True
    # A second reader for the table cells Tesseract is unsure of, whose reading votes with
    # Tesseract's: "auto" (RapidOCR when installed), "rapidocr" (required) or "none".
    second_engine: Literal["auto", "rapidocr", "none"] = "auto"
    second_opinion_below: float = 90.0  # Tesseract confidence under which a cell is re-read


class TableSettings(Section):
    min_rows: int = 2
    min_cols: int = 2


class ChartSettings(Section):
    enabled: bool = True


class VlmSettings(Section):
    models: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=lambda: ["simple", "detailed", "extract"])
    device: str = "auto"  # auto, cpu, cuda, cuda:1
    dtype: str = "auto"  # auto: bfloat16 on CUDA, float32 on CPU
    batch_size: int = 0  # 0: per-device default (8 on CUDA, 2 on CPU)
    max_new_tokens: dict[str, int] = Field(
        default_factory=lambda: {"simple": 160, "detailed": 1200, "extract": 600}
    )
    max_image_side: int = 1536
    do_sample: bool = False
    temperature: float = 0.7
    top_p: float = 0.9
    seed: int | None = None
    http_timeout_s: float = 120.0
    http_concurrency: int = 4
    http_retries: int = 3


class ReconcileSettings(Section):
    quote_match_threshold: float = 0.75
    number_tolerance: float = 0.051


class BatchSettings(Section):
    workers: int = 0  # 0: number of cores
    chunk_size: int = 8
    db_busy_timeout_s: float = 60.0  # a write waits this long for another process's lock
    extensions: list[str] = Field(
        default_factory=lambda: [".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff"]
    )


class Config(Section):
    load: LoadSettings = Field(default_factory=LoadSettings)
    preprocess: PreprocessSettings = Field(default_factory=PreprocessSettings)
    ocr: OcrSettings = Field(default_factory=OcrSettings)
    tables: TableSettings = Field(default_factory=TableSettings)
    charts: ChartSettings = Field(default_factory=ChartSettings)
    vlm: VlmSettings = Field(default_factory=VlmSettings)
    reconcile: ReconcileSettings = Field(default_factory=ReconcileSettings)
    batch: BatchSettings = Field(default_factory=BatchSettings)

    def stage_hashes(self, extra: dict[str, Any] | None = None) -> dict[str, str]:
        """Chained hash per stage: a stage's hash changes when it or any earlier stage does.

        ``extra`` carries inputs that are not settings (prompt file hashes for the VLM).
        """
        extra = extra or {}
        hashes: dict[str, str] = {}
        previous = ""
        for stage in STAGE_ORDER:
            section = getattr(self, stage, None)
            payload = {
                "previous": previous,
                "version": STAGE_VERSIONS[stage],
                "settings": section.model_dump(mode="json") if section is not None else None,
                "extra": extra.get(stage),
            }
            previous = _digest(payload)
            hashes[stage] = previous
        return hashes

    def config_hash(self, extra: dict[str, Any] | None = None) -> str:
        return self.stage_hashes(extra)[STAGE_ORDER[-1]]


def _digest(payload: Any) -> str:
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _deep_merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _from_toml(path: Path) -> dict[str, Any]:
    data = tomllib.loads(path.read_text())
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("imgread", {}))
    return dict(data)


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    """IMGREAD_OCR__PSM=6 sets ocr.psm; values are parsed as JSON when they parse."""
    settings: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith("IMGREAD_") or "__" not in name:
            continue
        section, _, key = name[len("IMGREAD_") :].lower().partition("__")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        settings.setdefault(section, {})[key] = value
    return settings


def load_config(
    overrides: dict[str, Any] | None = None,
    config_file: Path | None = None,
    environ: dict[str, str] | None = None,
    search_dir: Path | None = None,
) -> Config:
    """Build the settings from every layer, lowest first."""
    layers: dict[str, Any] = {}
    candidates = (
        [config_file]
        if config_file
        else [(search_dir or Path.cwd()) / name for name in ("pyproject.toml", "imgread.toml")]
    )
    for path in candidates:
        if path is not None and path.is_file():
            layers = _deep_merge(layers, _from_toml(path))
    layers = _deep_merge(layers, _from_env(dict(os.environ if environ is None else environ)))
    layers = _deep_merge(layers, overrides or {})
    return Config.model_validate(layers)
