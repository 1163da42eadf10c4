"""One settings object: defaults < pyproject.toml/imgread.toml < environment < flags, layered
by pydantic-settings.

Sections map to stages; each stage's hash covers its own section and those of the stages
before it, so a changed setting redoes only the stages it can affect.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    PyprojectTomlConfigSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from .errors import ConfigError

# Bumped when a stage's code changes what it produces, so old records are redone.
STAGE_VERSIONS = {
    "load": "1",
    "preprocess": "1",
    "ocr": "1",
    "tables": "1",
    "charts": "1",
    "vlm": "2",  # 2: one BOS, finish_reason, descriptions kept across runs
    "reconcile": "1",
}
STAGE_ORDER = tuple(STAGE_VERSIONS)


class Section(BaseModel):
    # No NaN or infinity: neither is a useful setting, and JSON (how workers receive the
    # settings) cannot carry them.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class LoadSettings(Section):
    # A decompression-bomb guard; 30000x30000 is refused.
    max_pixels: Annotated[int, Field(gt=0)] = 60_000_000
    max_bytes: Annotated[int, Field(gt=0)] = 200_000_000


class PreprocessSettings(Section):
    target_x_height: int = 20  # px; small text is upscaled to reach it
    max_upscale: float = 4.0
    max_side_after_upscale: int = 6000
    # px; the page read sees larger text (a 3x phone screenshot, a zoomed page) scaled down
    # to target_x_height: Tesseract's cost grows with the pixels. Not lower: at 25 px the
    # real pages of 26-36 px read other words (a chart's printed label lost, a table's
    # flags changed) for 2-9 % less CPU.
    max_read_x_height: int = 40
    deskew: bool = True
    max_skew_degrees: float = 5.0
    invert_dark: bool = True
    remove_rules: bool = True  # erase ruling lines from the image OCR reads
    # take a reader's highlighter strokes and pen loops out first (preprocess/pen_marks.py)
    erase_pen_marks: bool = True
    # flatten a photographed page or screen (a keystoned bright quadrilateral on a darker
    # surround) onto a rectangle before anything else (preprocess/rectify.py)
    rectify_photos: bool = True
    # ... only where its corners stand this far (a share of its shorter side) from an
    # upright rectangle's: a light window on a dark desktop is left as it is
    rectify_min_departure: float = 0.015


class OcrSettings(Section):
    engine: str = "tesseract"
    # "auto": English, switching to "<cjk>+eng" where the English pass finds Han text (see
    # imgread/ocr/script.py); anything else is a Tesseract language string used as is.
    lang: str = "auto"
    # The Chinese model "auto" switches to; "auto" lets both read the page's Han words and
    # keeps the one that reads them with more confidence (Traditional or Simplified script).
    cjk: Literal["auto", "chi_sim", "chi_tra"] = "auto"
    psm: int = 11  # sparse text: finds words in tables and charts without a reading order
    timeout_s: Annotated[float, Field(gt=0)] = 60.0
    numeric_reread: bool = True
    # A second reader for the table cells Tesseract is unsure of, whose reading votes with
    # Tesseract's: "auto" (RapidOCR when installed), "rapidocr" (required) or "none".
    second_engine: Literal["auto", "rapidocr", "none"] = "auto"
    second_opinion_below: float = 90.0  # Tesseract confidence under which a cell is re-read
    # A tiny, blurred page, or a photographed one, that Tesseract reads unsurely is read
    # whole by the second engine (imgread/ocr/tiny_pages.py).
    tiny_pages: bool = True


class TableSettings(Section):
    min_rows: int = 2
    min_cols: int = 2
    # Small pages whose every cell is boxed are read cell by cell (imgread/tables/grid.py).
    grid_cells: bool = True
    # A value merged over several rows (HTML rowspan) is copied into each row it spans
    # (imgread/tables/row_spans.py).
    row_spans: bool = True


class ChartSettings(Section):
    enabled: bool = True


class VlmSettings(Section):
    models: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=lambda: ["simple", "detailed", "extract"])
    device: str = "auto"  # auto, cpu, cuda, cuda:1
    dtype: str = "auto"  # auto: bfloat16 on CUDA, float32 on CPU
    batch_size: int = 0  # 0: per-device default (8 on CUDA, 2 on CPU)
    # Per kind. The seed records' detailed analyses run to 9,200 characters, about 2,300
    # Gemma 3 tokens: 4096 leaves them room; an answer that still hits it is flagged truncated.
    max_new_tokens: dict[str, int] = Field(
        default_factory=lambda: {"simple": 512, "detailed": 4096, "extract": 2048}
    )
    max_image_side: int = 1536
    do_sample: bool = False
    temperature: float = 0.7
    top_p: float = 0.9
    seed: int | None = None
    http_timeout_s: float = 120.0
    http_concurrency: int = 8  # requests in flight to one server, all prompt kinds together
    http_retries: int = 5  # after the first try; Retry-After is honoured, else 1, 2, 4... s


class ReconcileSettings(Section):
    quote_match_threshold: float = 0.75
    number_tolerance: float = 0.051


class BatchSettings(Section):
    workers: Annotated[int, Field(ge=0)] = 0  # 0: number of cores
    chunk_size: Annotated[int, Field(gt=0)] = 8
    # A write waits this long for another process's lock.
    db_busy_timeout_s: Annotated[float, Field(ge=0)] = 60.0
    # Where the stages run: "local" (a process pool on this machine) or "ray" (Ray Data, on
    # the cluster at ray_address, or a local one started for the run when it is None).
    engine: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    # Images handed to the Ray cluster at a time (one dataset each): the driver holds one
    # block, whatever the folder's size; with --vlm each block loads the model once more.
    ray_block: int = 1024
    extensions: list[str] = Field(
        default_factory=lambda: [".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff"]
    )


class NamesSettings(Section):
    # A file of benchmark aliases in the form of imgread/data/benchmark_aliases.txt, whose
    # lines win over the built-in ones (see imgread/normalise.py).
    aliases: Path | None = None


class Config(Section):
    load: LoadSettings = Field(default_factory=LoadSettings)
    preprocess: PreprocessSettings = Field(default_factory=PreprocessSettings)
    ocr: OcrSettings = Field(default_factory=OcrSettings)
    tables: TableSettings = Field(default_factory=TableSettings)
    charts: ChartSettings = Field(default_factory=ChartSettings)
    vlm: VlmSettings = Field(default_factory=VlmSettings)
    reconcile: ReconcileSettings = Field(default_factory=ReconcileSettings)
    batch: BatchSettings = Field(default_factory=BatchSettings)
    names: NamesSettings = Field(default_factory=NamesSettings)

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


class _Environment(EnvSettingsSource):
    """IMGREAD_OCR__PSM=6 sets ocr.psm; lists and tables are JSON. Reads ``environ`` when
    given (tests, embedding), else the process environment."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str] | None):
        self._given = environ
        super().__init__(settings_cls, env_prefix="IMGREAD_", env_nested_delimiter="__",
                         case_sensitive=False)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        if self._given is None:
            return super()._load_env_vars()
        return {name.lower(): value for name, value in self._given.items()}


def _layers(files: list[Path], environ: Mapping[str, str] | None,
            overrides: dict[str, Any]) -> type[BaseSettings]:
    """A settings class whose sources are this call's layers, highest first: flags, the
    environment, then the files (a later file beats an earlier one)."""

    # pydantic-settings warns of a table header set with no pyproject.toml to read it from.
    pyproject = any(path.name == "pyproject.toml" for path in files)
    header = SettingsConfigDict(pyproject_toml_table_header=("tool", "imgread")) if pyproject \
        else SettingsConfigDict()

    class Layered(BaseSettings, Config):
        model_config = SettingsConfigDict(extra="forbid", **header)

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            from_files: list[PydanticBaseSettingsSource] = [
                PyprojectTomlConfigSettingsSource(settings_cls, toml_file=path)
                if path.name == "pyproject.toml"
                else TomlConfigSettingsSource(settings_cls, toml_file=path)
                for path in reversed(files)]
            return (InitSettingsSource(settings_cls, init_kwargs=overrides),
                    _Environment(settings_cls, environ), *from_files)

    return Layered


def load_config(
    overrides: dict[str, Any] | None = None,
    config_file: Path | None = None,
    environ: dict[str, str] | None = None,
    search_dir: Path | None = None,
) -> Config:
    """Build the settings from every layer, lowest first: defaults, ``pyproject.toml``'s
    ``[tool.imgread]`` then ``imgread.toml`` in ``search_dir`` (or only ``config_file``),
    the environment (IMGREAD_SECTION__KEY), ``overrides`` (flags). A bad file, key or value
    is a ConfigError that names it."""
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: " + ("a folder, not a settings file"
                                                if config_file.is_dir() else
                                                "no such settings file"),
                          hint="pass --config an existing TOML file")
    candidates = [config_file] if config_file else [
        (search_dir or Path.cwd()) / name for name in ("pyproject.toml", "imgread.toml")]
    files = [path for path in candidates if path.is_file()]
    try:
        layered = _layers(files, environ, overrides or {})()
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{' or '.join(map(str, files))}: not valid TOML ({error})",
                          hint="fix the file, or pass --config another one") from error
    except (UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{' or '.join(map(str, files))}: cannot read the settings file "
                          f"({error})", hint="a settings file is UTF-8 TOML; fix it, or pass "
                                             "--config another one") from error
    except SettingsError as error:
        # Raised for an environment value that should be JSON (a section, a list) and is not.
        field = re.search(r'field "(\w+)"', str(error))
        name = f"IMGREAD_{field[1].upper()}" if field else "IMGREAD"
        raise ConfigError(f"settings: {name} or an {name}__* environment variable is not "
                          "valid JSON, as a section, a list or a table must be",
                          hint="write lists as JSON, e.g. IMGREAD_BATCH__EXTENSIONS='[\".png\"]'; "
                               "README.md, Settings, lists the keys") from error
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors())
        where = ", ".join(str(path) for path in files) or "no settings file"
        raise ConfigError(f"settings: {problems}",
                          hint=f"settings come from {where}, IMGREAD_* environment variables "
                               "and flags; README.md, Settings, lists the keys") from error
    return Config.model_validate(layered.model_dump())
