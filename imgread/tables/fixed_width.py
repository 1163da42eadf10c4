"""Plain-text tables in a monospaced font, aligned with spaces only (a ``<pre>`` block, an
email, a terminal's printout): every glyph takes one character cell, words inside a cell
stand one cell apart, columns at least two. The classic way to split fixed-width text is
followed: the character pitch from the words' widths and letter counts (a block whose
widths follow a proportional font's better is left alone), then the stretches blank on the
block's lines at least two cells wide are the column gaps. On each line words a word space
apart with no gap between are one cell's text ("MMLU (5-shot)" over right-set numbers, a
name Tesseract broke at its dash), and a word across a gap blank on every other line, with
fewer characters than its box has cells, is cut there (a neighbour's digit glued on,
"7  72.4" read as "772.4").
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from .. import ocr
from ..record import Box, Word

# A column gap is at least two cells; a word space is one (its ink gap up to about 1.6).
GAP_CELLS = 1.7
BARS = set("|│┃+")
# The spread of width per letter among the words with letters (median deviation over
# median) under which they are set in a monospaced font: bearings and blur leave it some
# 0.01-0.04; a proportional font's names and headers spread 0.05 and more by that count.
FIXED_SPREAD = 0.045
# Advance widths of a proportional sans font in ems, roughly: a monospaced font's words
# are as wide as their letter counts say, a proportional font's as these do.
_NARROW, _THIN, _WIDE = set("ijl.,:;'!|"), set("frtI()[]-/"), set("mwMW%")


def _advance(char: str) -> float:
    if char in _NARROW:
        return 0.28
    if char in _THIN:
        return 0.36
    if char in _WIDE:
        return 0.85
    if char.isdigit():
        return 0.56
    return 0.68 if char.isupper() else 0.55


def _spread(values: list[float]) -> float:
    middle = median(values)
    return float(median(abs(v - middle) for v in values)) / middle


def _monospaced(words: list[Word]) -> float | None:
    """The character pitch when the words' widths follow their letter counts better than
    a proportional font's widths would, else None."""
    lettered = [w for w in words if len(w.text) >= 3 and any(c.isalpha() for c in w.text)]
    if len(lettered) < 4:
        return None
    by_count = [w.box.width / (len(w.text) - 0.3) for w in lettered]
    by_advance = [w.box.width / sum(map(_advance, w.text)) for w in lettered]
    fixed, proportional = _spread(by_count), _spread(by_advance)
    if fixed > FIXED_SPREAD or (fixed > 0.75 * proportional and fixed > FIXED_SPREAD / 2):
        return None
    return float(median(by_count))


def _is_table_line(words: list[Word], pitch: float) -> bool:
    """A line of a space-aligned table: several pieces, some two or more cells apart, no
    bar between cells (a bar's table is read by its bars)."""
    if any(set(w.text) & BARS for w in words):
        return False
    return any(b.box.x1 - a.box.x2 >= GAP_CELLS * pitch for a, b in pairwise(words))


def _blocks(words: list[Word]) -> list[tuple[list[list[int]], float]]:
    """Runs of three or more consecutive table lines (a dash rule between them, no word of
    its own, keeps the run) whose words are set in one monospaced font, with its pitch."""
    lines = ocr.group_lines(words)
    sized = [w.box.width / (len(w.text) - 0.3) for w in words if len(w.text) >= 3]
    if not sized:
        return []
    pitch = float(median(sized))
    runs: list[list[list[int]]] = [[]]
    last_bottom = None
    for line in lines:
        members = [words[i] for i in line]
        top = min(w.box.y1 for w in members)
        height = median(w.box.height for w in members)
        if not _is_table_line(members, pitch):
            runs.append([])
            continue
        if last_bottom is not None and top - last_bottom > 2.6 * height:
            runs.append([])
        runs[-1].append(line)
        last_bottom = max(w.box.y2 for w in members)
    found = []
    for run in runs:
        own = _monospaced([words[i] for line in run for i in line]) if len(run) >= 3 else None
        if own:
            found.append((run, own))
    return found


def _column_gaps(
    boxes: list[list[Box]], pitch: float, allowed: int = 0
) -> list[tuple[float, float]]:
    """Stretches at least ``GAP_CELLS`` wide inside the block that no more than
    ``allowed`` lines' words cover."""
    left = min(b.x1 for line in boxes for b in line)
    right = max(b.x2 for line in boxes for b in line)
    step = max(pitch / 4, 1.0)
    steps = int((right - left) / step) + 1
    covered = [0] * steps
    for line in boxes:
        for k in range(steps):
            x = left + k * step
            covered[k] += any(b.x1 <= x <= b.x2 for b in line)
    gaps = []
    start = None
    for k in range(steps + 1):
        blank = k < steps and covered[k] <= allowed
        if blank and start is None:
            start = k
        elif not blank and start is not None:
            x1, x2 = left + start * step, left + (k - 1) * step
            if x2 - x1 >= (GAP_CELLS - 0.25) * pitch and start > 0 and k < steps:
                gaps.append((x1, x2))
            start = None
    return gaps


def _cut(word: Word, gap: tuple[float, float], pitch: float) -> list[Word]:
    """``word`` cut at a column gap it spans, when its text lacks the gap's spaces (the box
    holds more cells than the text has characters)."""
    cells = round((word.box.width + 0.3 * pitch) / pitch)
    if cells <= len(word.text) + 1:
        return [word]
    before = round((gap[0] - word.box.x1) / pitch)
    after = len(word.text) - before
    if before < 1 or after < 1:
        return [word]
    head_box = word.box.model_copy(update={"x2": round(min(gap[0], word.box.x1 + before * pitch))})
    tail_box = word.box.model_copy(update={"x1": round(max(gap[1], word.box.x2 - after * pitch))})
    return [
        word.model_copy(update={"text": word.text[:before], "box": head_box}),
        word.model_copy(update={"text": word.text[before:], "box": tail_box}),
    ]


def _joined(pieces: list[Word], pitch: float) -> Word:
    """The words of one cell as one word, a space where the second starts a cell later than
    the first's characters end."""
    text = pieces[0].text
    for a, b in pairwise(pieces):
        cells = round((b.box.x1 - a.box.x1) / pitch)
        text += (" " if cells > len(a.text) else "") + b.text
    box = Box(
        x1=min(p.box.x1 for p in pieces),
        y1=min(p.box.y1 for p in pieces),
        x2=max(p.box.x2 for p in pieces),
        y2=max(p.box.y2 for p in pieces),
    )
    return pieces[0].model_copy(
        update={"text": text, "box": box, "confidence": min(p.confidence for p in pieces)}
    )


def _cells(pieces: list[Word], gaps: list[tuple[float, float]], pitch: float) -> list[list[Word]]:
    """A line's words grouped into cells: a word space apart and no column gap between.
    Two pieces without a letter stay apart (a number whose point was lost, "16" and "80",
    is mended as two pieces)."""
    cells: list[list[Word]] = []
    for word in pieces:
        if cells:
            last = cells[-1][-1]
            apart = word.box.x1 - last.box.x2 >= GAP_CELLS * pitch or any(
                last.box.x2 <= g[0] and g[1] <= word.box.x1 for g in gaps
            )
            lettered = any(c.isalpha() for c in last.text + word.text)
            if not apart and lettered:
                cells[-1].append(word)
                continue
        cells.append([word])
    return cells


def fixed_width_words(words: list[Word]) -> list[Word]:
    """``words`` with each space-aligned monospaced block's words regrouped by its column
    gaps: one word per cell, a word across a gap cut there. Other words as they were."""
    replaced: set[int] = set()
    added: list[Word] = []
    for run, pitch in _blocks(words):
        lines = [[words[i] for i in line] for line in run]
        # A gap blank on every line but one, where that line's word has fewer characters
        # than cells: the gap's spaces were lost and a neighbour's character glued on.
        if len(lines) >= 4:
            glued = _column_gaps([[w.box for w in line] for line in lines], pitch, allowed=1)
            for k, line in enumerate(lines):
                cut: list[Word] = []
                for word in line:
                    across = [g for g in glued if word.box.x1 < g[0] and g[1] < word.box.x2]
                    cut += _cut(word, across[0], pitch) if len(across) == 1 else [word]
                lines[k] = cut
        gaps = _column_gaps([[w.box for w in line] for line in lines], pitch)
        for indices, line in zip(run, lines, strict=True):
            replaced.update(indices)
            added += [_joined(cell, pitch) for cell in _cells(line, gaps, pitch)]
    if not replaced:
        return words
    return [w for i, w in enumerate(words) if i not in replaced] + added
