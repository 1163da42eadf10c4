"""Is there Chinese (Han) text on the page? Decided cheaply from the English pass's own words.

Tesseract's English model turns Han glyphs into low-confidence Latin noise ("EAM" for 模型名称,
"(FRX)" for (中文)), so the English pass already says where to look. ``detect``:

1. keeps the English words that could be Han: confidence under ``MAX_CONFIDENCE``, about one
   text line tall (against the page's confident words), at least one glyph square wide, and
   with a Han-like ink pattern (many strokes crossed by a vertical scan; Latin letters cross
   two or three);
2. re-reads at most ``MAX_CANDIDATES`` of them, pasted one per line into one small image, with
   the Chinese model alone: one Tesseract call;
3. calls the page Han when at least ``MIN_HAN`` Han characters come back from words read with
   confidence ``MIN_HAN_CONFIDENCE`` or more, leaving out the few simple characters (一, 口,
   十, ...) that the Chinese model also sees in chart lines, ticks and markers.

An English page has no or few candidates, so the cost there is a few milliseconds of pixel
statistics and, at most, one small Chinese read. Measured numbers are in the module tests and
in the change notes: no English sample or real English screenshot is called Han; every
Chinese screenshot and rendered table is.

``merge_cjk_words`` then joins the one-or-two-character words that Tesseract's Chinese model
emits ("活字 1.0", "(中 文 )") back into the words a reader sees ("活字1.0", "(中文)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

import cv2
import numpy as np

from ..record import Box, Word

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# Japanese syllabaries (hiragana, katakana, half-width katakana) and Korean Hangul: scripts
# that need their own Tesseract model (jpn, kor); Chinese models read them as noise.
KANA = re.compile(r"[\u3041-\u309f\u30a1-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
# Han characters the Chinese model also reads in rules, ticks, markers and legend swatches.
MARK_LIKE = frozenset("一二三口丨丿丶乙十上己回日目门人入八卜厂匚冂凵〇工土士干王川小")
# Punctuation that belongs to the Han word next to it: brackets and full-width marks.
CJK_PUNCT = frozenset("()（）【】《》「」『』〔〕，。、：；！？·“”‘’")

MAX_CONFIDENCE = 75.0  # English words above this are taken as Latin
MIN_COLUMN_RUNS = 2.0  # mean ink runs per inked column of a candidate
MAX_CANDIDATES = 8  # crops re-read with the Chinese model, in one call (a phone's icons
# can take four: its battery and signal bars are as stroke-dense as Han)
MIN_HAN = 2
MIN_HAN_CONFIDENCE = 80.0
# A page is Japanese when this share of its confirmed CJK characters is kana (a Japanese
# header such as "モデル" next to Han ones such as "平均"; a Chinese page read by a reader that
# knows kana too gets at most a stray one).
MIN_KANA_SHARE = 0.2
LINE_HEIGHT = 40  # px: each crop is scaled to this height in the re-read image
# Confidence points per character by which the Traditional model must out-read the
# Simplified one where they disagree. Most Chinese leaderboards are Simplified, so a page
# stays Simplified unless the evidence is clear: on 26 rendered pages (13 to 26 px, some
# JPEG) no Simplified page went Traditional and 8 of 12 Traditional ones did.
MIN_TRADITIONAL_ADVANTAGE = 2.0
MAX_PAIR_GAP = 20.0  # a larger gap between two readings of a word is a misread, not script


@dataclass
class Detection:
    han: bool  # CJK text found: Han, and kana or Hangul with it or alone
    candidates: int = 0  # English words that looked like Han
    han_chars: int = 0  # CJK characters the CJK models confirmed in them
    script: str = ""  # "han" (Chinese), "kana" (Japanese) or "hangul" (Korean)
    model: str = ""  # the Tesseract model that reads it: chi_sim, chi_tra, jpn or kor


def _is_han(text: str) -> bool:
    """Han or kana: the scripts written without spaces between words."""
    return bool(HAN.search(text) or KANA.search(text))


def column_runs(ink: np.ndarray) -> float:
    """Mean number of separate ink runs met by a vertical scan, over the inked columns."""
    runs = np.count_nonzero(np.diff(ink, axis=0, prepend=0) == 1, axis=0)
    inked = runs[runs > 0]
    return float(inked.mean()) if inked.size else 0.0


def candidates(grey: np.ndarray, words: list[Word], limit: int = MAX_CANDIDATES) -> list[Box]:
    """Boxes of the English pass's words that may be Han text, the most Han-like first."""
    sure = [w.box.height for w in words if w.confidence >= 80 and w.box.height >= 8]
    reference = median(sure) if sure else None
    scored: list[tuple[float, Box]] = []
    for word in words:
        box = word.box
        if word.confidence >= MAX_CONFIDENCE or box.height < 12 or box.width < 0.7 * box.height:
            continue
        if reference is not None and not 0.8 * reference <= box.height <= 2.2 * reference:
            continue
        crop = grey[max(box.y1, 0) : box.y2, max(box.x1, 0) : box.x2]
        if crop.size == 0:
            continue
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        if not 0.05 <= float(ink.mean()) <= 0.6:
            continue
        runs = column_runs(ink)
        if runs >= MIN_COLUMN_RUNS:
            scored.append((runs, box))
    scored.sort(key=lambda item: -item[0])
    return [box for _, box in scored[:limit]]


def stack(grey: np.ndarray, boxes: list[Box], height: int = LINE_HEIGHT) -> np.ndarray:
    """The crops, each scaled to ``height``, one per line on a white page."""
    pad = height // 3
    crops = []
    for box in boxes:
        crop = grey[
            max(box.y1 - 3, 0) : min(box.y2 + 3, grey.shape[0]),
            max(box.x1 - 3, 0) : min(box.x2 + 3, grey.shape[1]),
        ]
        scale = height / crop.shape[0]
        crops.append(
            cv2.resize(
                crop,
                (max(1, round(crop.shape[1] * scale)), height),
                interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
            )
        )
    page = np.full(
        (pad + sum(c.shape[0] + pad for c in crops), max(c.shape[1] for c in crops) + 2 * pad),
        255,
        dtype=np.uint8,
    )
    y = pad
    for crop in crops:
        page[y : y + crop.shape[0], pad : pad + crop.shape[1]] = crop
        y += crop.shape[0] + pad
    return page


def script_counts(words: list[Word]) -> dict[str, int]:
    """Characters of each CJK script read with confidence (Han less the ones lines and
    markers look like)."""
    counts = {"han": 0, "kana": 0, "hangul": 0}
    for word in words:
        if word.confidence < MIN_HAN_CONFIDENCE:
            continue
        for char in word.text:
            if HAN.match(char) and char not in MARK_LIKE:
                counts["han"] += 1
            elif KANA.match(char) and char not in "ー":  # the long-vowel mark is a dash
                counts["kana"] += 1
            elif HANGUL.match(char):
                counts["hangul"] += 1
    return counts


def detection(words: list[Word], candidates: int) -> Detection:
    """The script of a page from the CJK re-read of its Han-like words: Korean where Hangul
    outnumbers the rest, Japanese where kana is a fair share, else Chinese."""
    counts = script_counts(words)
    total = sum(counts.values())
    if total < MIN_HAN:
        return Detection(han=False, candidates=candidates, han_chars=total)
    if counts["hangul"] >= counts["han"] + counts["kana"]:
        found = "hangul"
    elif counts["kana"] >= MIN_KANA_SHARE * total:
        found = "kana"
    else:
        found = "han"
    return Detection(han=True, candidates=candidates, han_chars=total, script=found)


def traditional_advantage(simplified: list[Word], traditional: list[Word]) -> float:
    """How much surer, per character, the Traditional Chinese model reads the same crops than
    the Simplified one, counted only where their texts differ. Each model maps the other
    script's glyphs onto its own characters (Simplified reads 資料 as 资料), so the text alone
    cannot tell the script; where the readings differ, the model of the page's own script
    is the surer one. Words read alike (模型, 平均: the same in both scripts) say nothing.

    Small print adds misreads that differ by chance (棋 against 划型 for a blurred 模型), so
    two estimates must agree and the smaller is returned: one over every span where the
    texts differ, one over the words each model read as one word of the same length (a
    pair of forms, not a misread), each gap clipped at ``MAX_PAIR_GAP``."""
    spans: list[tuple[float, int]] = []
    pairs: list[tuple[float, int]] = []
    for word in traditional:
        if not HAN.search(word.text):
            continue
        under = [w for w in simplified if w.box.overlaps(word.box)]
        text = "".join(w.text for w in under)
        if not under or text == word.text:
            continue
        # the Simplified reading's confidence per character over the same span
        theirs = sum(w.confidence * len(w.text) for w in under) / max(1, len(text))
        spans.append((word.confidence - theirs, len(word.text)))
        if len(under) == 1 and len(text) == len(word.text):
            gap = max(-MAX_PAIR_GAP, min(MAX_PAIR_GAP, word.confidence - theirs))
            pairs.append((gap, len(word.text)))

    def per_character(gaps: list[tuple[float, int]]) -> float:
        characters = sum(n for _, n in gaps)
        return sum(gap * n for gap, n in gaps) / characters if characters else 0.0

    return min(per_character(spans), per_character(pairs))


def merge_cjk_words(words: list[Word]) -> list[Word]:
    """Joins neighbouring words on one line where Han text meets: Tesseract's Chinese model
    cuts Han text into one- or two-character words ("活字 1.0", "(中 文 )")."""
    merged: list[Word] = []
    first: list[int] = []  # each merged word's place in Tesseract's order
    for i in sorted(range(len(words)), key=lambda i: (words[i].box.x1, words[i].box.y1)):
        word = words[i]
        joining = [k for k, kept in enumerate(merged) if _joins(kept, word)]
        if not joining:
            merged.append(word)
            first.append(i)
            continue
        k = max(joining, key=lambda k: merged[k].box.x2)
        first[k] = min(first[k], i)
        last = merged[k]
        weight = len(last.text) + len(word.text)
        merged[k] = last.model_copy(
            update={
                "text": last.text + word.text,
                "box": last.box.union(word.box),
                "confidence": round(
                    (last.confidence * len(last.text) + word.confidence * len(word.text)) / weight,
                    2,
                ),
            }
        )
    return [merged[k] for k in sorted(range(len(merged)), key=first.__getitem__)]


def _joins(left: Word, right: Word) -> bool:
    a, b = left.box, right.box
    overlap = min(a.y2, b.y2) - max(a.y1, b.y1)
    if overlap < 0.5 * min(a.height, b.height):
        return False
    gap, height = b.x1 - a.x2, max(a.height, b.height)
    # Tesseract's Chinese word boxes may reach over the next word's: any overlap joins
    if b.x1 < a.x1 or gap > 0.35 * height:
        return False
    end, start = left.text[-1], right.text[0]
    han_end, han_start = _is_han(end), _is_han(start)
    return (han_end and (han_start or start in CJK_PUNCT or start.isascii())) or (
        han_start and (end in CJK_PUNCT or end.isascii())
    )


_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])\s+"
    r"(?=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])"
)


def close_cjk_spaces(text: str) -> str:
    """Chinese and Japanese are written without spaces: the spaces OCR leaves between Han
    or kana characters ("最 新 版本", "モ デル") go, those around Latin words stay ("活字3.0
    (最新版本)"). Korean keeps its spaces: Hangul is outside these ranges."""
    return _CJK_SPACE.sub("", text)
