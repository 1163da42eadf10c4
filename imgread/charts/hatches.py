"""Patterned bars told apart by their texture: outlined rectangles whose inside is a hatch
(``//``, ``\\\\``, ``xx``, ``..``, ``oo``) on one fill, white, grey or coloured.

The bar reader finds bars and tells series apart by colour; a paper figure's hatched bars
share one fill (white with a black outline), so every series reads as the same colour, and a
hatch's lines split a bar into slivers. Here each outlined cell whose inside is a texture
(the plot's bars and the legend's swatches alike: both are drawn as the same patch) is
measured by a signature of its texture: its fill, how much of it is ink, and which way the
ink runs (along rows, columns or either diagonal). Cells with one signature are one series,
and are painted in one flat colour of their own, so that the colour readers downstream find
the bars and match them to their legend swatch as for any flat-coloured chart.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..record import Box, Word
from .texture import longest_gap

INK_DROP = 60  # grey levels: a thin stroke this much darker than round it is ink
STROKE = 7  # px: the square over which a stroke's surroundings are measured (black-hat)
LINE = 7  # px: an outline's straight run at least this long; a hatch's runs are shorter
SMALLEST_SIDE = 4  # px: a cell's inside at least this wide and tall (a glyph's hole is less)
SMALLEST_AREA = 60  # px: a cell's inside at least this large
RECTANGLE = 0.8  # of its bounding box: a cell's inside fills it (a hatch may notch its rim)
INK_SHARE = (0.01, 0.75)  # of a cell's inside: the share of ink a texture shows
SPREAD = 0.4  # of a cell's side: the longest stretch of it without ink (a texture fills it)
SAME_TEXTURE = 0.35  # signature distance: cells this close share a texture
LOOSER = 0.8  # signature distance: a small legend swatch to the nearest series' texture
SHARE_WEIGHT = 4.0  # of the ink's share in the signature (dots against rings)
RUN = 4  # px: a line's ink runs on this far along it
FEWEST_BARS = 2  # textured cells of one kind at least, for a chart of patterned bars
# flat colours far from any page or neutral ink, one per texture found
PALETTE = ((214, 39, 40), (31, 119, 180), (44, 160, 44), (148, 103, 189), (255, 127, 14),
           (23, 190, 207), (227, 119, 194), (140, 86, 75))


@dataclass
class Cell:
    """An outlined rectangle's inside with a texture: its pixels (``mask`` over the box
    ``x1, y1, x2, y2``) and its texture's signature."""

    x1: int
    y1: int
    x2: int
    y2: int
    mask: np.ndarray
    signature: np.ndarray
    spread: bool  # the ink spreads over the whole inside and repeats along it (a bar's
    # texture; a small swatch of a coarse hatch may show one of its strokes only)

    @property
    def area(self) -> int:
        return int(self.mask.sum())


def textures_as_colours(rgb: np.ndarray, text: list[Box]) -> np.ndarray | None:
    """``rgb`` with each textured cell painted in its texture's flat colour (one colour per
    texture, the legend's swatches matched to the bars' textures); None where no two cells
    share a texture (no patterned bars: the image is read as it is). ``text``: boxes of
    words read surely, which hold no texture (a table's cell framed by its rules)."""
    return patterned_page(rgb, text)[0]


def patterned_page(rgb: np.ndarray, text: list[Box]) -> tuple[np.ndarray | None, list[Box]]:
    """:func:`textures_as_colours`, and the boxes of every cell of a texture two cells
    share at least, upright or lying, with its legend swatch: OCR reads a hatch or a dot
    pattern as words ("ooo", "3000", "Z7)"), which are none."""
    # (a cell whose ink does not spread over it, holding a word read surely, is a frame
    # round text, a legend's: no pattern; words read in a dense pattern are sure at times)
    found = [cell for cell in textured_cells(rgb) if not _in_text(cell, text)]
    if len(found) < FEWEST_BARS:
        return None, []
    cells = [cell for cell in found if cell.spread or not _holds_text(cell, text)]
    every = _texture_kinds(cells, lying_only=False)
    # upright columns are painted too where series are told apart by texture alone: two
    # kinds or more, each shown by a swatch beside a legend word
    swatched = len(every) >= 2 and all(_swatched(kind, text) for kind in every)
    kinds = every if swatched else _texture_kinds(found)
    # (only where the legend shows the textures: a data table's printed cells under a
    # chart share a "texture" too, and their words are the table's)
    boxes = [Box(x1=cell.x1, y1=cell.y1, x2=cell.x2, y2=cell.y2) for kind in every
             for cell in kind] if swatched else []
    if not kinds:
        return None, boxes
    painted = rgb.copy()
    for index, members in enumerate(kinds):
        colour = np.array(PALETTE[index % len(PALETTE)], dtype=np.uint8)
        for cell in members:
            painted[cell.y1 : cell.y2, cell.x1 : cell.x2][cell.mask] = colour
    return painted, boxes


def _swatched(kind: list[Cell], text: list[Box]) -> bool:
    """One of the kind's cells is a legend swatch: a word read surely starts just right of
    it, level with it, and the cell is no taller than two of its lines."""
    return any(0 <= box.x1 - cell.x2 <= 2 * box.height
               and box.y1 < (cell.y1 + cell.y2) / 2 < box.y2
               and cell.y2 - cell.y1 <= 2 * box.height for cell in kind for box in text)


def off_patterns(words: list[Word], cells: list[Box]) -> list[Word]:
    """The words but those read from a pattern: most of their box lies on one patterned
    cell, or their box holds a small cell (a legend swatch) and is not much larger."""
    return [word for word in words if not _on_cell(word.box, cells)] if cells else words


def _on_cell(box: Box, cells: list[Box]) -> bool:
    area = max(1, box.width * box.height)
    for cell in cells:
        common = (max(0, min(cell.x2, box.x2) - max(cell.x1, box.x1))
                  * max(0, min(cell.y2, box.y2) - max(cell.y1, box.y1)))
        size = max(1, cell.width * cell.height)
        if common > ON_PATTERN * area or (common > ON_PATTERN * size
                                          and area < SWATCH_WORD * size):
            return True
    return False


ON_PATTERN = 0.6  # of a word's box (or of a cell's): lying on a patterned cell
SWATCH_WORD = 3.0  # of a swatch's size: a word no larger that holds it is the swatch read


def _in_text(cell: Cell, text: list[Box]) -> bool:
    """The cell is a hole of a word read surely (a glyph's): a word's box covers most of it,
    and is much larger. (A hatched swatch read as a word, "KA", is boxed as large as it.)"""
    area = (cell.x2 - cell.x1) * (cell.y2 - cell.y1)
    return any(max(0, min(cell.x2, box.x2) - max(cell.x1, box.x1))
               * max(0, min(cell.y2, box.y2) - max(cell.y1, box.y1)) > TEXT_SHARE * area
               and box.width * box.height > area / TEXT_SHARE for box in text)


TEXT_SHARE = 0.5  # of a cell's box: covered by a word's box, it is the word's


def _holds_text(cell: Cell, text: list[Box]) -> bool:
    return any(cell.x1 <= box.x1 and box.x2 <= cell.x2 and cell.y1 <= box.y1
               and box.y2 <= cell.y2 for box in text)


def textured_cells(rgb: np.ndarray) -> list[Cell]:
    """The insides of outlined rectangles that hold a texture: holes in the image's straight
    strokes (the hatch's own strokes are short, or slanted, and are no part of them)."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (STROKE, STROKE))
    ink = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, kernel) > INK_DROP
    # (a dark fill is no stroke, but its edge against a lighter page is straight: a bar's
    # outline where it has none)
    ink |= grey < int(np.median(grey)) - 3 * INK_DROP
    ink8 = ink.astype(np.uint8)
    lines = cv2.bitwise_or(cv2.morphologyEx(ink8, cv2.MORPH_OPEN, np.ones((1, LINE), np.uint8)),
                           cv2.morphologyEx(ink8, cv2.MORPH_OPEN, np.ones((LINE, 1), np.uint8)))
    # a thick hatch's crossings hold short straight runs too, apart from any outline
    count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    short = np.maximum(stats[:, 2], stats[:, 3]) < 2 * LINE
    short[0] = False  # (the ground)
    lines[short[labels]] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(1 - lines, connectivity=4)
    height, width = grey.shape
    cells: list[Cell] = []
    for index in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[index])
        if (x == 0 or y == 0 or x + w == width or y + h == height
                or min(w, h) < SMALLEST_SIDE or area < SMALLEST_AREA
                or w * h > 0.25 * width * height):
            continue
        # (with the islands it encloses: a hatch's rings and crosses hold straight runs)
        mask = _filled(labels[y : y + h, x : x + w] == index)
        if mask.sum() < RECTANGLE * w * h:
            continue
        inked = ink[y : y + h, x : x + w] & mask
        signature = _signature(rgb[y : y + h, x : x + w], inked, mask)
        if signature is not None:
            period = _period(inked)
            spread = all(longest_gap(lines) <= max(4, SPREAD * len(lines))
                         for lines in (inked.any(axis=1), inked.any(axis=0))
                         ) and period is not None
            cells.append(Cell(x1=x, y1=y, x2=x + w, y2=y + h, mask=mask,
                              signature=signature, spread=spread))
    return cells


def _filled(mask: np.ndarray) -> np.ndarray:
    """``mask`` with the holes inside its outer contour filled."""
    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_SIMPLE)
    whole = np.zeros(mask.shape, dtype=np.uint8)
    cv2.drawContours(whole, contours, -1, 1, thickness=cv2.FILLED)
    return whole.astype(bool)


def _signature(crop: np.ndarray, inked: np.ndarray, mask: np.ndarray) -> np.ndarray | None:
    """A texture's signature: its fill's colour (0-1 a channel), the share of it that is ink
    (weighted, as it tells dots from rings), and how much of the ink runs on along a
    row, a column, and either diagonal (shares of the ink); None where the inside holds no
    texture (the page, a flat fill)."""
    share = float(inked.sum()) / max(1, int(mask.sum()))
    if not INK_SHARE[0] <= share <= INK_SHARE[1]:
        return None
    plain = mask & ~cv2.dilate(inked.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    fill = (np.median(crop[plain], axis=0) if plain.sum() >= 4
            else np.median(crop[mask], axis=0)) / 255.0
    # a line's ink runs on four pixels in its direction; a dot's, a blob's, in none
    runs = np.array([_runs(inked, step) for step in ((0, 1), (1, 0), (-1, 1), (1, 1))])
    direction = runs / max(1.0, float(inked.sum()))
    return np.concatenate([fill, [SHARE_WEIGHT * share], direction])


def _period(inked: np.ndarray) -> float | None:
    """How the ink repeats along the cell's longer side: 0 where its profile across that
    side is even (lines along it), else the shortest shift at which the profile matches
    itself (a hatch's, a dot row's period, px); None where it does neither (a word)."""
    profile = inked.sum(axis=0 if inked.shape[1] >= inked.shape[0] else 1).astype(np.float64)
    offset = profile - profile.mean()
    power = float(offset @ offset)
    if power <= EVEN * EVEN * len(profile) * max(1.0, profile.mean()) ** 2:
        return 0.0
    longest = min(len(profile) // 3, PERIOD)
    # (the first peak: a multiple of the period matches as well)
    scores = [float(offset[:-shift] @ offset[shift:]) / power for shift in range(1, longest + 1)]
    for shift in range(2, longest + 1):
        score = scores[shift - 1]
        if score >= REPEATS and (shift == longest or score >= scores[shift]):
            return float(shift)
    return None


EVEN = 0.1  # a profile varying this little about its mean (as a share of it) is even
PERIOD = 40  # px: the longest period looked for
REPEATS = 0.5  # normalised correlation of the profile with itself shifted: a period


def _runs(inked: np.ndarray, step: tuple[int, int], length: int = RUN) -> int:
    """The ink pixels from which ``length`` pixels in a row along ``step`` are all ink."""
    height, width = inked.shape
    down, right = step
    reach_y, reach_x = abs(down) * (length - 1), right * (length - 1)
    if reach_y >= height or reach_x >= width:
        return 0
    start = (reach_y if down < 0 else 0)
    ys = slice(start, height - (0 if down < 0 else reach_y))
    xs = slice(0, width - reach_x)
    together = inked[ys, xs].copy()
    for k in range(1, length):
        y0 = start + down * k
        together &= inked[y0 : y0 + together.shape[0], right * k : right * k + together.shape[1]]
    return int(together.sum())


def _texture_kinds(cells: list[Cell], lying_only: bool = True) -> list[list[Cell]]:
    """The cells grouped by texture: those whose ink spreads over them joined where their
    signatures are close, largest first, a kind kept where it has two cells at least (a
    lone framed patch is none), and the other cells as near; then each kind takes the one
    cell left (a legend's swatch) nearest it, within a looser distance (a small patch's
    texture is measured on fewer pixels, a coarse hatch's may show one stroke), nearest
    pairs first."""
    bars = sorted((c for c in cells if c.spread), key=lambda c: -c.area)
    kinds: list[list[Cell]] = []
    for cell in bars:
        nearest = _nearest(cell, kinds)
        if nearest is not None and nearest[1] <= SAME_TEXTURE:
            kinds[nearest[0]].append(cell)
        else:
            kinds.append([cell])
    # lying bars only: upright columns' textures are flattened by the bar reader's own
    # pass (``texture.py``), which matches them to their swatches by their mean colour
    kinds = [kind for kind in kinds if len(kind) >= FEWEST_BARS and (
        not lying_only or sum(c.x2 - c.x1 > c.y2 - c.y1 for c in kind) > len(kind) / 2)]
    for cell in cells:  # (a bar whose texture a label broke: as near as the others)
        nearest = None if cell.spread else _nearest(cell, kinds)
        if nearest is not None and nearest[1] <= SAME_TEXTURE:
            kinds[nearest[0]].append(cell)
    taken = {id(cell) for kind in kinds for cell in kind}
    means = [np.mean([c.signature for c in kind], axis=0) for kind in kinds]
    pairs = sorted((float(np.linalg.norm(cell.signature - mean)), k, index)
                   for index, cell in enumerate(cells) if id(cell) not in taken
                   for k, mean in enumerate(means))
    named: set[int] = set()
    for gap, k, index in pairs:
        if gap <= LOOSER and k not in named and id(cells[index]) not in taken:
            kinds[k].append(cells[index])
            named.add(k)
            taken.add(id(cells[index]))
    return kinds


def _nearest(cell: Cell, kinds: list[list[Cell]]) -> tuple[int, float] | None:
    """The kind whose mean signature is nearest the cell's, and how near."""
    if not kinds:
        return None
    gaps = [float(np.linalg.norm(cell.signature - np.mean([c.signature for c in kind], axis=0)))
            for kind in kinds]
    best = int(np.argmin(gaps))
    return best, gaps[best]
