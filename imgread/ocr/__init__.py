"""OCR engines on one small interface: an image in, ``Word`` rows (text, confidence, box) out.

Every engine converts to the same interchange rows (img2table style), so the table code
never sees engine specifics. ``run`` reads the prepared image, maps boxes back to the
loaded image's pixels and rebuilds lines.

``ocr.lang = "auto"`` (the default) reads English, and re-reads the image with a CJK model
as well only where ``detect_han`` finds CJK text in the English pass's words: ``chi_sim+eng``
or ``chi_tra+eng`` for Chinese (``ocr.cjk``, or for ``auto`` the script the page is written
in), ``jpn+eng`` where kana is found, ``kor+eng`` where Hangul is. English pages keep English
speed, CJK labels stop being Latin noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

from ..config import Config, OcrSettings
from ..errors import ConfigError
from ..record import Line, Word
from . import script, tesseract
from .tiny_pages import second_page_reading

if TYPE_CHECKING:
    from ..work import Work

WordReader = Callable[..., list[Word]]

ENGINES: dict[str, tuple[WordReader, Callable[[], str]]] = {
    "tesseract": (tesseract.words, tesseract.version),
}


def engine(name: str) -> tuple[WordReader, Callable[[], str]]:
    if name not in ENGINES:
        raise ConfigError(
            f"ocr: unknown engine {name!r}",
            hint=f"set ocr.engine to one of: {', '.join(sorted(ENGINES))}",
        )
    return ENGINES[name]


AUTO = "auto"


def is_chinese(lang: str) -> bool:
    return any(part.startswith("chi_") for part in lang.split("+"))


# The Tesseract model that reads each CJK script (Chinese: ``chinese_model``).
SCRIPT_MODELS = {"kana": "jpn", "hangul": "kor"}


def cjk_models(settings: OcrSettings) -> list[str]:
    """The CJK models the detector reads with: the Chinese one, and Japanese and Korean where
    their data is installed (a machine set up before they were added keeps reading Chinese)."""
    chinese = "chi_sim" if settings.cjk == AUTO else settings.cjk
    return [chinese] + [m for m in SCRIPT_MODELS.values() if tesseract.installed(m)]


def chinese_model(stacked: np.ndarray, settings: OcrSettings) -> str:
    """The Chinese model for a page whose Han-like words are ``stacked``: ``ocr.cjk`` as set,
    or for ``auto`` Simplified unless the Traditional model reads the words where the two
    disagree surer (``script.traditional_advantage``)."""
    if settings.cjk != AUTO:
        return settings.cjk
    if not tesseract.installed("chi_tra"):
        return "chi_sim"
    reader, _ = engine(settings.engine)
    simplified, traditional = (
        reader(stacked, settings.model_copy(update={"lang": model}), psm=6)
        for model in ("chi_sim", "chi_tra")
    )
    advantage = script.traditional_advantage(simplified, traditional)
    return "chi_tra" if advantage > script.MIN_TRADITIONAL_ADVANTAGE else "chi_sim"


def detect_han(image: np.ndarray, words: list[Word], settings: OcrSettings) -> script.Detection:
    """Whether ``image``, whose English reading is ``words``, holds CJK text, and which
    script: the English words that may be CJK are re-read, pasted into one small image, by
    the CJK models together (Tesseract keeps each word's best-read model)."""
    reader, _ = engine(settings.engine)
    grey = image if image.ndim == 2 else np.ascontiguousarray(image[..., :3].mean(axis=2))
    grey = grey.astype(np.uint8, copy=False)
    boxes = script.candidates(grey, words)
    if not boxes:
        return script.Detection(han=False)
    stacked = script.stack(grey, boxes)
    cjk = settings.model_copy(update={"lang": "+".join(cjk_models(settings))})
    detected = script.detection(reader(stacked, cjk, psm=6), len(boxes))
    if detected.script == "han":
        detected.model = chinese_model(stacked, settings)
    else:
        detected.model = SCRIPT_MODELS.get(detected.script, "")
    return detected


def is_japanese(lang: str) -> bool:
    return "jpn" in lang.split("+")


def read_words_lang(
    image: np.ndarray, settings: OcrSettings, psm: int | None = None, numeric: bool = False
) -> tuple[list[Word], str]:
    """The configured engine's words for ``image`` (in ``image`` pixels), and the language
    string that read them: ``ocr.lang`` as set, or for ``auto`` English unless Han text is
    found (numbers are always read in English)."""
    reader, _ = engine(settings.engine)
    lang = settings.lang
    if numeric and (lang == AUTO or "eng" in lang.split("+")):
        lang = "eng"  # digits: the English model reads them best, and needs no detection
    if lang == AUTO:
        english = settings.model_copy(update={"lang": "eng"})
        found = reader(image, english, psm=psm)
        detected = detect_han(image, found, settings) if found else script.Detection(han=False)
        if not detected.han:
            return found, "eng"
        lang = f"{detected.model}+eng"
    found = reader(image, settings.model_copy(update={"lang": lang}), psm=psm, numeric=numeric)
    if (is_chinese(lang) or is_japanese(lang)) and not numeric:
        found = script.merge_cjk_words(found)
    return found, lang


def page_settings(settings: OcrSettings, lang: str) -> OcrSettings:
    """The settings for reading parts of a page again: ``auto`` becomes the language that
    read the whole page (``record.ocr.lang``), so that no crop decides it anew."""
    if settings.lang != AUTO or not lang:
        return settings
    return settings.model_copy(update={"lang": lang})


def read_words(
    image: np.ndarray, settings: OcrSettings, psm: int | None = None, numeric: bool = False
) -> list[Word]:
    """The configured engine's words for ``image``, in ``image`` pixels."""
    return read_words_lang(image, settings, psm=psm, numeric=numeric)[0]


def group_lines(words: Sequence[Word]) -> list[list[int]]:
    """Indices of words grouped into visual lines, top to bottom, each left to right.

    A word joins a line when its vertical centre lies within the line's band; this keeps a
    table row one line even when Tesseract puts each cell in its own block.
    """
    order = sorted(range(len(words)), key=lambda i: (words[i].box.cy, words[i].box.x1))
    lines: list[list[int]] = []
    bands: list[tuple[float, float]] = []  # centre and half height of each line
    for i in order:
        box = words[i].box
        for index, (centre, half) in enumerate(bands):
            if abs(box.cy - centre) <= max(half, box.height / 2) * 0.75:
                lines[index].append(i)
                break
        else:
            lines.append([i])
            bands.append((box.cy, box.height / 2))
    for line in lines:
        line.sort(key=lambda i: words[i].box.x1)
    return sorted(lines, key=lambda line: median(words[i].box.cy for i in line))


def build_lines(words: list[Word]) -> list[Line]:
    """Sets each word's ``line`` index and returns the lines."""
    lines: list[Line] = []
    for number, members in enumerate(group_lines(words)):
        box = words[members[0]].box
        for i in members:
            words[i].line = number
            box = box.union(words[i].box)
        lines.append(
            Line(
                text=" ".join(words[i].text for i in members),
                box=box,
                confidence=round(sum(words[i].confidence for i in members) / len(members), 2),
                word_ids=list(members),
            )
        )
    return lines


def run(work: Work, config: Config) -> None:
    prepared = work.prepared
    assert prepared is not None, "the preprocess stage leaves the prepared image"
    _, version = engine(config.ocr.engine)
    page, factor = prepared.for_page_read(config.preprocess)
    found, lang = read_words_lang(page, config.ocr)
    words = [
        word.model_copy(
            update={
                "box": prepared.to_image_box(
                    word.box.x1 / factor, word.box.y1 / factor,
                    word.box.x2 / factor, word.box.y2 / factor,
                )
            }
        )
        for word in found
    ]
    second = second_page_reading(prepared, words, config.ocr,
                                 "rectify_photo" in work.record.preprocess.steps)
    if second is not None:
        words = second
    lines = build_lines(words)
    result = work.record.ocr
    result.engine = config.ocr.engine
    result.version = version()
    result.lang = lang
    result.scale = round(prepared.scale * factor, 4)
    result.words = words
    result.lines = lines
    result.text = "\n".join(line.text for line in lines)
    result.mean_confidence = (
        round(sum(word.confidence for word in words) / len(words), 2) if words else 0.0
    )
