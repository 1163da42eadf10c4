"""RapidOCR (PP-OCR models run by ONNX Runtime): a second reader for crops Tesseract is unsure of.

Installed by the ``ocr2`` extra (``pip install -e ".[ocr2]"``, which ``scripts/setup`` runs):
the ``rapidocr`` 3.x wheel ships its detection, direction and recognition models inside the
package and depends on ``opencv-python-headless`` (the older ``rapidocr-onnxruntime`` pulls the
GUI ``opencv-python``, which replaces our ``cv2``). With the bundled models it opens no network
connection: the model files are found in the package and their checksums match.

Whole pages cost seconds on a small CPU, so this reader is meant for crops: one table cell or
one text line. By default it skips detection and runs the recognition model alone on the whole
crop, trimmed to its text (about 23 ms a cell crop on one core, against about 60 ms with
detection and 4-5 ms for Tesseract; the first call in a process adds about 1 s to import and
load the model; see ``benchmarks/second_engine.py``). ``words`` has the signature and the
``Word`` rows of ``imgread.ocr.tesseract.words``.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from importlib import metadata, util
from typing import Any

import numpy as np

from ..config import OcrSettings
from ..errors import BackendUnavailable
from ..record import Box, Word
from .recogniser import model_path, recogniser

NAME = "rapidocr"
MODELS = "PP-OCRv6"  # the package default, bundled in the wheel (det small, rec small)

# One thread per session: on a 2-core machine ONNX Runtime's default (all cores, spinning)
# is slower for small crops and fights the batch's other workers.
THREADS = 1
# Detection on a crop: scale the crop so its short side is at least this (multiple of 32);
# the package default (736) makes a one-line crop a 736 px tall image and costs seconds.
DETECT_MIN_SIDE = 96
# A crop narrower or lower than this has nothing to read.
MIN_SIDE = 4
RULE_SHARE = 0.8  # a row (column) inked over this share of the crop's width (height) is a rule
MARGIN = 0.25  # of the text height, kept around the text when a crop is trimmed

_SPACE = re.compile(r"\s+")


def available() -> bool:
    """Whether the package and ONNX Runtime are installed (imports nothing: cheap)."""
    return all(util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))


def wanted(settings: OcrSettings) -> bool:
    """Whether the second reader votes: "auto" when it is installed; "rapidocr" requires it."""
    if settings.second_engine == "none":
        return False
    return settings.second_engine == "rapidocr" or available()


def _missing(error: ImportError) -> BackendUnavailable:
    return BackendUnavailable(
        f"ocr: the second engine (RapidOCR) is not installed ({error})",
        hint='install it with scripts/setup, or pip install -e ".[ocr2]" (rapidocr, '
        "onnxruntime); or leave ocr.second_engine unset",
    )


@cache
def _engine(thread: int) -> tuple[Any, threading.Lock]:
    """One engine per process and thread, built on first use; models load lazily inside it
    (recognition on the first call, detection on the first call that detects)."""
    del thread  # part of the cache key only
    try:
        from rapidocr import RapidOCR
    except ImportError as error:
        raise _missing(error) from error
    params = {
        "Global.log_level": "error",  # not "The text detection result is empty" per blank crop
        "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        # The package turns ONNX Runtime's memory arena off, so every batch of crops (each
        # of its own width) allocates its tensors anew: with the arena, recognition takes
        # about a sixth less CPU and reads the same.
        "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        "Det.limit_type": "min",
        "Det.limit_side_len": DETECT_MIN_SIDE,
    }
    try:
        engine = RapidOCR(params=params)
    except ImportError as error:  # onnxruntime missing shows up here
        raise _missing(error) from error
    # A call's flags (use_det, ...) are stored on the engine: one call at a time.
    return engine, threading.Lock()


def version() -> str:
    """The package's version and the models it ships: ``3.10.0 PP-OCRv6``."""
    try:
        return f"{metadata.version('rapidocr')} {MODELS}"
    except metadata.PackageNotFoundError as error:
        raise _missing(ImportError(str(error))) from error


def _to_bgr(image: np.ndarray) -> np.ndarray:
    """imgread's arrays are RGB or grey; RapidOCR takes a 3-channel array as BGR."""
    if image.ndim == 2:
        return np.ascontiguousarray(np.repeat(image[:, :, None], 3, axis=2))
    if image.shape[2] == 4:
        image = image[:, :, :3]
    return np.ascontiguousarray(image[:, :, ::-1])


def ink_span(image: np.ndarray) -> tuple[int, int, int, int]:
    """The box around the crop's text ink (dark on light or light on dark), leaving out
    table rules (rows or columns inked over most of the crop), else the whole crop."""
    grey = image if image.ndim == 2 else image[:, :, :3].mean(axis=2)
    grey = grey.astype(np.float32)
    height, width = grey.shape
    ink = np.abs(grey - float(np.median(grey))) > 64
    ink[ink.mean(axis=1) > RULE_SHARE, :] = False
    ink[:, ink.mean(axis=0) > RULE_SHARE] = False
    if not ink.any():
        return 0, 0, width, height
    columns = np.flatnonzero(ink.any(axis=0))
    rows = np.flatnonzero(ink.any(axis=1))
    return int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1


def _trimmed(image: np.ndarray, box: Box) -> np.ndarray:
    """The crop cut to its text with a margin of a quarter of the text height (the
    recogniser scales the crop to 48 px high: padding and rules make the text smaller)."""
    margin = max(2, round(MARGIN * box.height))
    height, width = image.shape[:2]
    return image[
        max(0, box.y1 - margin) : min(height, box.y2 + margin),
        max(0, box.x1 - margin) : min(width, box.x2 + margin),
    ]


def split_line(text: str, confidence: float, box: Box) -> list[Word]:
    """A line's text as words, each box a share of the line's box by character position
    (recognition alone gives no positions inside the line)."""
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return []
    words: list[Word] = []
    scale = box.width / max(len(text), 1)
    for match in re.finditer(r"\S+", text):
        x1 = box.x1 + round(match.start() * scale)
        x2 = box.x1 + max(round(match.end() * scale), round(match.start() * scale) + 1)
        words.append(
            Word(
                text=match.group(),
                confidence=confidence,
                box=Box(x1=x1, y1=box.y1, x2=min(x2, box.x2), y2=box.y2),
                block=1,
            )
        )
    return words


def _polygon_box(points: Any, width: int, height: int) -> Box:
    xs = [float(point[0]) for point in points]
    ys = [float(point[1]) for point in points]
    return Box(
        x1=max(0, int(min(xs))),
        y1=max(0, int(min(ys))),
        x2=min(width, round(max(xs))),
        y2=min(height, round(max(ys))),
    )


def read(image: np.ndarray, detect: bool = False) -> list[tuple[str, float, Box]]:
    """Raw readings of a crop: (text, confidence 0..1 as the engine reports it, box) per text
    line found. Without ``detect`` the whole crop is one line (recognition model only)."""
    if image.size == 0 or min(image.shape[:2]) < MIN_SIDE:
        return []
    engine, lock = _engine(threading.get_ident())
    height, width = image.shape[:2]
    x1, y1, x2, y2 = ink_span(image)
    ink = Box(x1=x1, y1=y1, x2=x2, y2=y2)
    if not detect:
        image = _trimmed(image, ink)
    with lock:
        result = engine(
            _to_bgr(image),
            use_det=detect,
            use_cls=False,  # crops of a screenshot are upright
            use_rec=True,
            return_word_box=False,
        )
    texts = getattr(result, "txts", None) or ()
    scores = getattr(result, "scores", None) or ()
    if not detect:
        return [
            (text, float(score), ink)
            for text, score in zip(texts, scores, strict=True)
            if text.strip()
        ]
    boxes = getattr(result, "boxes", None)
    if boxes is None:
        return []
    return [
        (text, float(score), _polygon_box(points, width, height))
        for text, score, points in zip(texts, scores, boxes, strict=True)
        if text.strip()
    ]


def texts(images: list[np.ndarray]) -> list[tuple[str, float]]:
    """Each crop read as one line, (text, confidence 0..100), by the recognition model in
    batches: crops of like shape are run together, several times faster than one by one.
    The model runs in ``recogniser``'s own session, as the package runs it, without the
    package's import and configuration (about 1.3 CPU-s a process)."""
    found: list[tuple[str, float]] = [("", 0.0)] * len(images)
    readable = [
        i for i, image in enumerate(images) if image.size and min(image.shape[:2]) >= MIN_SIDE
    ]
    if not readable:
        return found
    crops = []
    for i in readable:
        x1, y1, x2, y2 = ink_span(images[i])
        crops.append(_to_bgr(_trimmed(images[i], Box(x1=x1, y1=y1, x2=x2, y2=y2))))
    for i, (text, score) in zip(readable, _recognised(crops), strict=True):
        found[i] = (_SPACE.sub(" ", text).strip(), round(100 * float(score), 2))
    return found


def _recognised(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """(text, score 0..1) per crop: in ``recogniser``'s session where the package's model
    file is where this version of the package keeps it, else (a later package with another
    default model) through the package itself."""
    if not available():
        raise _missing(ImportError("rapidocr or onnxruntime is not installed"))
    if model_path() is None:
        engine, lock = _engine(threading.get_ident())
        with lock:
            result = engine.recognize_txt(crops)
        return list(zip(result.txts or (), result.scores, strict=True))
    model, lock = recogniser(threading.get_ident(), THREADS)
    with lock:
        return model(crops)


def words(
    image: np.ndarray,
    settings: OcrSettings,
    psm: int | None = None,
    numeric: bool = False,
    detect: bool = False,
) -> list[Word]:
    """Words with boxes (in ``image`` pixels) and confidences 0..100, as
    ``imgread.ocr.tesseract.words`` returns them.

    ``settings``, ``psm`` and ``numeric`` are accepted for the same signature: the model
    has no page modes and no character whitelist (a number reads as printed, units and
    all). Without ``detect`` the crop is read as one line and words get boxes by character
    position; with it, each detected line has its own box (slower: for crops that may hold
    more than one line).
    """
    del settings, psm, numeric
    found: list[Word] = []
    for index, (text, score, box) in enumerate(read(image, detect=detect)):
        for word in split_line(text, round(100 * score, 2), box):
            found.append(word.model_copy(update={"block": index + 1}))
    return found


def text(image: np.ndarray, detect: bool = False) -> tuple[str, float]:
    """The crop's text, lines joined by a space, and the lowest line confidence (0..100)."""
    lines = read(image, detect=detect)
    if not lines:
        return "", 0.0
    lines.sort(key=lambda line: (line[2].y1, line[2].x1))
    return (
        " ".join(_SPACE.sub(" ", line[0]).strip() for line in lines),
        round(100 * min(line[1] for line in lines), 2),
    )
