"""The typed record that flows through every stage, and its JSON form.

Every field has a default so that a record is complete (no missing keys) even when a
stage failed or was skipped: empty lists, ``None`` for unknown values.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Status = Literal["ok", "partial", "failed"]
Source = Literal["ocr", "vlm", "both", "chart"]
Severity = Literal["info", "warning", "error"]
DescriptionKind = Literal["simple", "detailed", "extract"]

FLAG_KINDS = (
    "ocr_repaired",
    "low_confidence",
    "engines_disagree",  # two OCR engines read a cell differently: both readings as evidence
    "quote_not_in_image",
    "number_not_in_image",
    "entity_not_in_image",
    "unverified",  # what would be *_not_in_image, on an image whose text was not read well
    "range_mismatch",
    "count_mismatch",
    "claim_contradicts_data",
    "models_disagree",
    "sources_disagree",
    "conflicts_with_other_image",
    "label_geometry_mismatch",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Box(Strict):
    """Pixel box in the coordinates of the normalised (loaded) image."""

    x1: int
    y1: int
    x2: int
    y2: int

    @property
    def width(self) -> int:
        return self.x2 - self.x1

    @property
    def height(self) -> int:
        return self.y2 - self.y1

    @property
    def cx(self) -> float:
        return (self.x1 + self.x2) / 2

    @property
    def cy(self) -> float:
        return (self.y1 + self.y2) / 2

    def overlaps(self, other: Box) -> bool:
        """The two boxes share some area."""
        return min(self.x2, other.x2) > max(self.x1, other.x1) and min(
            self.y2, other.y2
        ) > max(self.y1, other.y1)

    def union(self, other: Box) -> Box:
        return Box(
            x1=min(self.x1, other.x1),
            y1=min(self.y1, other.y1),
            x2=max(self.x2, other.x2),
            y2=max(self.y2, other.y2),
        )


class Word(Strict):
    """One OCR word: the interchange row every engine converts to (img2table style)."""

    text: str
    confidence: float  # 0..100, engine-reported
    box: Box
    block: int = 0
    line: int = 0  # index into OcrResult.lines


class Line(Strict):
    text: str
    box: Box
    confidence: float
    word_ids: list[int] = Field(default_factory=list)


class Cell(Strict):
    row: int
    col: int
    text: str
    box: Box | None = None
    confidence: float = 0.0  # 0..100
    value: float | None = None  # numeric reading when the cell holds a number
    readings: dict[str, str] = Field(default_factory=dict)  # engine/pass -> raw text


class Table(Strict):
    box: Box
    n_rows: int
    n_cols: int
    header_rows: list[list[Cell]] = Field(default_factory=list)
    body: list[list[Cell]] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)  # flattened header text per column
    settings: list[str | None] = Field(default_factory=list)  # per column, e.g. "5-shot"
    # per column, the title of the group printed over it ("General" over "LiveBench" and
    # "AGIEval"), None where it has none; empty when the table prints no groups
    groups: list[str | None] = Field(default_factory=list)
    method: str = ""  # "rules", "alignment", ...
    # Rows under the body that summarise it ("Average", "Total"): no model's row.
    summary: list[list[Cell]] = Field(default_factory=list)


class OcrResult(Strict):
    engine: str = ""
    version: str = ""
    lang: str = ""  # the languages that read the page: "eng", or "chi_sim+eng" for Han text
    text: str = ""
    mean_confidence: float = 0.0
    scale: float = 1.0  # factor applied before OCR; boxes are mapped back to image pixels
    words: list[Word] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class ImageInfo(Strict):
    path: str = ""
    paths: list[str] = Field(default_factory=list)
    sha256: str = ""
    bytes: int = 0
    width: int = 0
    height: int = 0
    format: str = ""
    mode: str = ""  # mode of the file before normalisation (P, RGBA, CMYK, I;16, ...)
    frames: int = 1
    first_seen: str = ""  # ISO 8601 with timezone


class Preprocessing(Strict):
    steps: list[str] = Field(default_factory=list)
    scale: float = 1.0
    dark_theme: bool = False
    skew_degrees: float = 0.0
    table_rules: dict[str, int] = Field(default_factory=dict)  # horizontal/vertical counts
    chart_axes: bool = False


class PromptRef(Strict):
    name: str
    sha256: str


class Description(Strict):
    model: str
    kind: DescriptionKind
    prompt: PromptRef
    text: str = ""
    lenses: dict[str, str | None] = Field(default_factory=dict)
    missing_lenses: list[str] = Field(default_factory=list)
    backend: str = ""
    revision: str | None = None
    endpoint: str | None = None  # the server's base URL for an HTTP backend
    generation: dict[str, Any] = Field(default_factory=dict)
    latency_s: float | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    finish_reason: str | None = None  # "stop", or "length" when cut at max_new_tokens
    imported_from: str | None = None
    error: str | None = None


class VlmStatus(Strict):
    status: Literal["ran", "skipped", "failed", "partial"] = "skipped"
    reason: str = ""
    models: list[str] = Field(default_factory=list)


class Score(Strict):
    model: str
    model_normalised: str = ""
    benchmark: str
    setting: str | None = None
    value: float | None
    unit: str = "%"
    source: Source = "ocr"
    sources: list[str] = Field(default_factory=list)  # e.g. ["ocr:table0", "vlm:gemma3"]
    confidence: float = 0.0  # 0..1
    evidence: dict[str, Any] = Field(default_factory=dict)


class Row(Strict):
    model: str = ""
    params_b: float | None = None
    tokens_t: float | None = None
    mmlu: float | None = None
    params_from_name: bool = False
    index: int | None = None
    source: Source = "ocr"
    sources: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    evidence: dict[str, Any] = Field(default_factory=dict)


class Flag(Strict):
    kind: str
    message: str
    severity: Severity = "warning"
    source: str = ""  # the model or stage the flagged content came from
    span: str | None = None  # the sentence or text flagged
    evidence: dict[str, Any] = Field(default_factory=dict)


class StageError(Strict):
    stage: str
    message: str
    hint: str = ""


class AxisTick(Strict):
    label: str
    value: float
    pixel: float


class Axis(Strict):
    orientation: Literal["x", "y"]
    title: str = ""
    scale: Literal["linear", "log", "categorical"] = "linear"
    ticks: list[AxisTick] = Field(default_factory=list)
    unit: str = ""


class Quartiles(Strict):
    """A box plot's box and whiskers, measured on the value axis (data units); the median
    is the point's y."""

    low: float  # the lower whisker's end
    q1: float
    q3: float
    high: float  # the upper whisker's end


class ChartPoint(Strict):
    x: float | str | None
    y: float | None
    px: float
    py: float
    label: str | None = None  # a printed value label, when read
    confidence: float = 0.0
    # where y comes from: a printed label read by OCR, or the marks' geometry on the axis
    provenance: Literal["label", "measured"] = "measured"
    uncertainty: float | None = None  # data units: how far a measured y may be off
    quartiles: Quartiles | None = None  # box plots: y is the median, these the rest


class Series(Strict):
    name: str = ""
    colour: str = ""  # #rrggbb
    style: str = ""  # line, scatter, bar, dashed
    points: list[ChartPoint] = Field(default_factory=list)


class ReferenceLine(Strict):
    orientation: Literal["vertical", "horizontal"]
    pixel: float
    value: float | None = None
    label: str = ""


class Chart(Strict):
    kind: str  # line, scatter, bar, hbar, box, unknown
    box: Box
    title: str = ""
    axes: list[Axis] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    reference_lines: list[ReferenceLine] = Field(default_factory=list)
    annotations: list[str] = Field(default_factory=list)


class Record(Strict):
    schema_version: int = SCHEMA_VERSION
    imgread_version: str = ""
    image: ImageInfo = Field(default_factory=ImageInfo)
    preprocess: Preprocessing = Field(default_factory=Preprocessing)
    ocr: OcrResult = Field(default_factory=OcrResult)
    charts: list[Chart] = Field(default_factory=list)
    vlm: VlmStatus = Field(default_factory=VlmStatus)
    descriptions: list[Description] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    status: Status = "ok"
    errors: list[StageError] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    config_hash: str = ""
    stage_hashes: dict[str, str] = Field(default_factory=dict)
    processed_at: str = ""

    def to_json(self) -> str:
        return self.model_dump_json()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, text: str) -> Record:
        return cls.model_validate(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls.model_validate(data)
