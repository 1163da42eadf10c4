"""Tesseract, in process through ``tesserocr`` when it is installed, else through ``pytesseract``.

``tesserocr`` keeps one engine per process loaded (about 0.3 s saved per image against
starting the ``tesseract`` program each call, and the numeric re-read costs no start-up);
``pytesseract`` is the fallback that needs only the Debian package, and the one that
honours ``ocr.timeout_s`` (an in-process engine cannot be interrupted; a batch worker that
hangs is the batch's to replace). Both return the same ``Word`` rows.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from typing import Any

import numpy as np
from PIL import Image

from ..config import OcrSettings
from ..errors import BackendUnavailable
from ..record import Box, Word

# OpenMP threads make Tesseract about five times slower on a 2-core machine; set before
# the library loads.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

NUMERIC_WHITELIST = "0123456789.,-%+BMKT"  # units as printed: 7B, 1.4T, 350M
# Dictionaries "correct" digit strings into words; numbers need them off (init-time only).
NUMERIC_VARIABLES = {
    "load_system_dawg": "0",
    "load_freq_dawg": "0",
    "tessedit_char_whitelist": NUMERIC_WHITELIST,
}

# The adaptive classifier learns from every page an engine reads, so a reused engine would
# read an image differently depending on the images before it: off, for reproducible records.
ENGINE_VARIABLES = {"classify_enable_learning": "0"}

try:
    import tesserocr
except ImportError:  # the pytesseract path below covers it
    tesserocr = None


def _tessdata() -> str | None:
    for candidate in (
        os.environ.get("TESSDATA_PREFIX"),
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
    ):
        if candidate and os.path.isfile(os.path.join(candidate, "eng.traineddata")):
            return candidate.rstrip("/") + "/"
    return None


def package(lang: str) -> str:
    """The Debian package with a Tesseract language's data: chi_sim -> tesseract-ocr-chi-sim."""
    return "tesseract-ocr-" + lang.lower().replace("_", "-")


def installed(lang: str) -> bool:
    """Whether Tesseract has the data of every language in ``lang`` ("jpn", "kor+eng")."""
    path = _tessdata()
    return path is not None and all(
        os.path.isfile(os.path.join(path, f"{part}.traineddata")) for part in lang.split("+")
    )


def concrete(lang: str) -> str:
    """The language string Tesseract gets: ``auto`` (decided in ``imgread.ocr``) reads as
    English where the caller did not resolve it."""
    return "eng" if lang == "auto" else lang


@cache
def _api(lang: str, numeric: bool, thread: int) -> Any:
    """One loaded engine per language (and digits-only variant) per process and thread (an
    engine must not be used by two threads at once); reused for every image and every page
    mode. The mode is set per call (``_words_tesserocr``): it is no part of the loaded model,
    and each load costs 0.1-0.8 CPU-s (a CJK model most), which one engine per mode paid
    again for every mode a language was read in."""
    variables = {**ENGINE_VARIABLES, **(NUMERIC_VARIABLES if numeric else {})}
    path = _tessdata()
    if path is None:
        raise BackendUnavailable(
            "ocr: Tesseract's language data (eng.traineddata) was not found",
            hint="install tesseract-ocr-eng (apt-get install tesseract-ocr-eng) or set "
            "TESSDATA_PREFIX",
        )
    missing = [
        part
        for part in lang.split("+")
        if part and not os.path.isfile(os.path.join(path, f"{part}.traineddata"))
    ]
    if missing:
        raise BackendUnavailable(
            f"ocr: Tesseract has no data for {', '.join(missing)} in {path}",
            hint=f"install it (apt-get install {' '.join(package(m) for m in missing)}) or set "
            'ocr.lang ("eng" reads English only)',
        )
    try:
        return tesserocr.PyTessBaseAPI(path=path, lang=lang, variables=variables)
    except RuntimeError as error:
        raise BackendUnavailable(
            f"ocr: Tesseract could not load language {lang!r} from {path}",
            hint=f"install its data (apt-get install {' '.join(map(package, lang.split('+')))}) "
            "or set ocr.lang",
        ) from error


def version() -> str:
    if tesserocr is not None:
        return str(tesserocr.tesseract_version().split()[1])
    import pytesseract

    return str(pytesseract.get_tesseract_version())


def _words_tesserocr(
    image: np.ndarray, settings: OcrSettings, psm: int, numeric: bool
) -> list[Word]:
    api = _api(concrete(settings.lang), numeric, threading.get_ident())
    api.SetPageSegMode(psm)
    api.SetImage(Image.fromarray(image))
    api.Recognize()
    level = tesserocr.RIL.WORD
    words: list[Word] = []
    iterator = api.GetIterator()
    block = 0
    for item in tesserocr.iterate_level(iterator, level):
        if item.IsAtBeginningOf(tesserocr.RIL.BLOCK):
            block += 1
        try:
            text = (item.GetUTF8Text(level) or "").strip()
        except RuntimeError:  # tesserocr's way of saying "no text here" (a blank image)
            continue
        bounds = item.BoundingBox(level)
        if not text or bounds is None:
            continue
        x1, y1, x2, y2 = bounds
        words.append(
            Word(
                text=text,
                confidence=round(item.Confidence(level), 2),
                box=Box(x1=x1, y1=y1, x2=x2, y2=y2),
                block=block,
            )
        )
    return words


def _words_pytesseract(
    image: np.ndarray, settings: OcrSettings, psm: int, numeric: bool
) -> list[Word]:
    import pytesseract

    options = f"--psm {psm}"
    variables = {**ENGINE_VARIABLES, **(NUMERIC_VARIABLES if numeric else {})}
    options += "".join(f" -c {key}={value}" for key, value in variables.items())
    try:
        data = pytesseract.image_to_data(
            Image.fromarray(image),
            lang=concrete(settings.lang),
            config=options,
            timeout=settings.timeout_s,
            output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractNotFoundError as error:
        raise BackendUnavailable(
            "ocr: the tesseract program was not found",
            hint="install it: apt-get install tesseract-ocr tesseract-ocr-eng",
        ) from error
    except pytesseract.TesseractError as error:
        if "traineddata" not in str(error) and "language" not in str(error).lower():
            raise
        lang = concrete(settings.lang)
        raise BackendUnavailable(
            f"ocr: Tesseract could not load language {lang!r}",
            hint=f"install its data (apt-get install {' '.join(map(package, lang.split('+')))}) "
            "or set ocr.lang",
        ) from error
    words: list[Word] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text:
            continue
        x, y, w, h = (int(data[key][i]) for key in ("left", "top", "width", "height"))
        words.append(
            Word(
                text=text,
                confidence=max(0.0, float(data["conf"][i])),
                box=Box(x1=x, y1=y, x2=x + w, y2=y + h),
                block=int(data["block_num"][i]),
            )
        )
    return words


def words(
    image: np.ndarray, settings: OcrSettings, psm: int | None = None, numeric: bool = False
) -> list[Word]:
    """Words with boxes (in ``image`` pixels) and confidences 0..100.

    ``numeric`` reads with a digit whitelist and no dictionaries: for number cells.
    """
    mode = settings.psm if psm is None else psm
    if tesserocr is not None:
        return _words_tesserocr(image, settings, mode, numeric)
    return _words_pytesseract(image, settings, mode, numeric)
