"""Small ruled grids read cell by cell: where every cell of a small table is boxed, the
rules themselves say where each cell is, and each cell is read on its own.

A page whose text is a few pixels high and whose every cell is boxed (a shrunk JPEG of an
HTML ``border=1`` table, a spreadsheet grid) reads badly as a page: the rules read as ``|``
and ``[``, and the words of two cells run together. Here the lattice of rules is found in
the loaded image's own pixels (``find_lattice``); each cell, cut inside its rules, is read
by the neural reader (recognition only, every cell in one batch), and where it is unsure
Tesseract reads the cell too, upscaled, and the two readings vote (``ocr.vote``). The grid,
not column inference, says which cell each reading belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..ocr import rapid
from ..ocr.rapid import wanted as second_engine
from ..ocr.vote import calibrated, vote
from ..preprocess import CAP_TO_X_HEIGHT, rotate, to_grey
from ..record import Box, Cell, Flag, Table, Word
from ..units import is_missing, parse_number
from .columns import split_setting
from .frame import ruled_blocks
from .header import SETTING_RE
from .lines import is_numeric_text, tidy_label
from .second import disagreement

if TYPE_CHECKING:
    from ..preprocess import Prepared, Rule

# Text with an x-height under this (loaded-image px; glyphs 8 px tall or less) is small
# enough for the cell reader; the page's reading does well above it, for less.
SMALL_X_HEIGHT = 7.0
# Light text on a dark page measures thicker (its strokes bleed into the dark around them
# once the page is inverted): there, this x-height is as small.
SMALL_X_HEIGHT_DARK = 7.0
# A row band this many times the usual one's height holds more than a wrapped name: a
# rule was missed, and the lattice is not trusted.
TALLEST_BAND = 2.5
# A rule is darker than the rows (columns) on both sides of it by this many grey levels,
# taken at the darkness that three quarters of its pixels reach (``COVER``): the text of a
# row leaves more than a quarter of the row bare, a rule none of it.
RULE_CONTRAST = 16
COVER = 10  # percentile
# How far (px) on each side of a rule the lighter rows are looked for.
SIDE = 6
# Darker than this (two pixels' darkness added) beside a rule: a dark band.
DARK_BAND = 150
# A lattice has at least this many row rules and column rules.
MIN_RULES = 3
# A rule runs across this share of the table's cells at least (the median over a row).
# Thicker runs than this share of the row pitch are bands (a coloured header), not rules.
MAX_RULE_SHARE = 0.5
# One line of text (capitals, descenders, the blur around them) is at most this many glyph
# heights tall; more is two lines set tight.
TALLEST_LINE = 1.6
# A fill this many pixel rows tall at least is a band of cells, not a rule.
THINNEST_BAND = 6
# A rule is looked for where nothing lies beside it when this many of its pixels have
# nothing beside them.
BARE_ROWS = 3
# A fill's edge this close (px) to a rule is that rule.
EDGE_SLACK = 3
# A page whose median grey is under this is dark (light text and rules on it).
DARK_PAGE = 110
# A ruled block is looked for this many px past its outer rules (their width, blurred).
BLOCK_MARGIN = 3
# A ruled block this share of the page or more is the page's grid.
WHOLE_PAGE = 0.8
# Tesseract reads a cell whose neural reading is less sure than this (0..100).
SURE = 97.0


@dataclass(frozen=True)
class Lattice:
    """Row rules and column rules, each as (first, last + 1) pixel rows (columns), in
    upright loaded-image pixels; cell (r, c) lies between rows[r] and rows[r + 1] and
    columns[c] and columns[c + 1]."""

    rows: list[tuple[int, int]]
    columns: list[tuple[int, int]]

    @property
    def box(self) -> Box:
        return Box(
            x1=self.columns[0][0],
            y1=self.rows[0][0],
            x2=self.columns[-1][1],
            y2=self.rows[-1][1],
        )

    def cell(self, r: int, c: int) -> Box:
        """Inside the rules of cell (r, c)."""
        return Box(
            x1=self.columns[c][1],
            y1=self.rows[r][1],
            x2=self.columns[c + 1][0],
            y2=self.rows[r + 1][0],
        )


def _darkness(grey: np.ndarray) -> np.ndarray:
    """How much darker than the page each pixel is (0 where lighter), the page being the
    image's median grey (a small screenshot is mostly page). Against the page, not a local
    background: a coloured band is then as dark inside as at its edges, so only its edges'
    rules stand out."""
    if float(np.median(grey)) < 128:  # a dark theme: its rules are light
        grey = 255 - grey
    page = int(np.median(grey))
    return np.clip(page - grey.astype(np.int16), 0, 255)


def rule_positions(profile: np.ndarray, contrast: float = RULE_CONTRAST) -> list[tuple[int, int]]:
    """The rules of a darkness profile (one value per pixel row or column, NaN where it
    says nothing): runs of values darker by ``contrast`` than the lightest value within
    ``SIDE`` px on each side. A band (a coloured header row) is as dark inside as at its
    edge: not a rule."""
    size = len(profile)
    rule = np.zeros(size, dtype=bool)
    for y in range(size):
        if np.isnan(profile[y]):
            continue
        before = profile[max(0, y - SIDE) : max(0, y - 1)]
        after = profile[y + 2 : y + SIDE + 1]
        # the image's edge counts as light: a table's border is often its first pixel row
        low_before = float(np.nanmin(before)) if np.isfinite(before).any() else 0.0
        low_after = float(np.nanmin(after)) if np.isfinite(after).any() else 0.0
        rule[y] = profile[y] - max(low_before, low_after) >= contrast
    runs: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*rule, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if runs and start - runs[-1][1] <= 2:  # one rule, its middle blurred lighter
                start = runs.pop()[0]
            runs.append((start, y))
            start = None
    return runs


def join_doubles(
    rules: list[tuple[int, int]], lettered: np.ndarray | None = None
) -> list[tuple[int, int]]:
    """Two rules closer than a line of text can fit between are one double border (an
    HTML table's cell borders inside its own): joined. With ``lettered`` (per position,
    whether text is set there), two rules with text between them bound a narrow column,
    however close: a double border holds none."""
    if len(rules) < 3:
        return rules
    usual = float(np.median([b[0] - a[1] for a, b in pairwise(rules)]))
    joined = [rules[0]]
    for start, end in rules[1:]:
        # the pixels next to either rule are its blur, not text
        between = lettered is not None and bool(lettered[joined[-1][1] + 2 : start - 2].any())
        if start - joined[-1][1] < 0.4 * usual and not between:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def lettered_columns(dark: np.ndarray) -> np.ndarray:
    """Per pixel column of a table, whether text is set in it: some of its pixel rows dark
    where their neighbours are not (a glyph's stroke), more than a rule crossing it makes
    (a row rule is dark across the whole width, so it is no stroke)."""
    if dark.shape[1] < 3:
        return np.zeros(dark.shape[1], dtype=bool)
    inked = dark >= 2 * RULE_CONTRAST
    # a stroke has page beside it within a few pixels along its row; a rule or a fill does not
    bare = dark < RULE_CONTRAST
    near_bare = cv2.dilate(bare.astype(np.uint8), np.ones((1, 7), np.uint8)).astype(bool)
    strokes = inked & near_bare
    return strokes.sum(axis=0) >= 3


def band_edges(rules: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A "rule" thicker than half the usual gap between rules is a dark band (a header
    printed white on a dark fill, whose lighter text rows split it into dark runs that
    ``join_doubles`` joins): its two edges are the rules, its inside a row of cells."""
    if len(rules) < 3:
        return rules
    usual = float(np.median([b[0] - a[1] for a, b in pairwise(rules)]))
    edges: list[tuple[int, int]] = []
    for start, end in rules:
        if end - start > MAX_RULE_SHARE * usual + 1:
            edges += [(start, start + 1), (end - 1, end)]
        else:
            edges.append((start, end))
    return edges


def filled_bands(dark: np.ndarray) -> list[tuple[int, int]]:
    """Runs of pixel rows filled across the table (a header's or a row's fill): the
    darkness along each row reaches a rule's contrast, over more rows than a rule is thick.
    A fill's edge is a cell's edge whether or not a rule is drawn there, and a rule as pale
    as the fill (or paler) does not stand out of it as a rule."""
    # nine tenths of a fill's row at least as dark as a rule; dark text on the page (a bold
    # title above) leaves page bare between its letters
    filled = np.percentile(dark, COVER, axis=1) >= RULE_CONTRAST
    # light text across a fill leaves half of its rows dark at least: still the fill
    lettered = np.median(dark, axis=1) >= RULE_CONTRAST
    bands: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*filled, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if bands and lettered[bands[-1][1] : start].all():
                start = bands.pop()[0]
            bands.append((start, y))
            start = None
    return [(top, bottom) for top, bottom in bands if bottom - top >= THINNEST_BAND]


def with_band_edges(
    rules: list[tuple[int, int]], bands: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The rules with each filled band's two edges in place of what was found in it (the
    band's own edge rules, its text's light rows taken for gaps between rules)."""
    if not bands:
        return rules
    kept = [
        (start, end)
        for start, end in rules
        if not any(top - 2 <= start and end <= bottom + 2 for top, bottom in bands)
    ]
    edges = [(top, top + 1) for top, _ in bands] + [(bottom - 1, bottom) for _, bottom in bands]
    for edge in edges:
        # a rule drawn along the fill's edge, a pixel or two of the page between, is that edge
        if not any(start - EDGE_SLACK <= edge[0] < end + EDGE_SLACK for start, end in kept):
            kept.append(edge)
    return sorted(kept)


def _spread(rules: list[tuple[int, int]]) -> bool:
    """Rules one cell apart at least: not two edges of one thick stroke."""
    return all(b[0] - a[1] >= 3 for a, b in pairwise(rules))


def find_lattice(grey: np.ndarray) -> Lattice | None:
    """The lattice of a grid that fills ``grey`` (a small page: the table and a margin), or
    None. Row rules are found from the median darkness along each pixel row over the
    columns the table spans, column rules from the median down each pixel column between
    the first and last row rule; text leaves most of a row bare, a rule none of it."""
    dark = _darkness(grey)
    height, width = dark.shape
    if height < 20 or width < 40:
        return None
    # The table's horizontal extent: where the columns hold ink at all.
    inked = np.flatnonzero((dark > 2 * RULE_CONTRAST).mean(axis=0) > 0.2)
    if inked.size < 2:
        return None
    x1, x2 = int(inked[0]), int(inked[-1]) + 1
    rules = join_doubles(rule_positions(_profile(_pairs(dark[:, x1:x2], 0), 1)))
    rows = band_edges(with_band_edges(rules, filled_bands(dark[:, x1:x2])))
    if len(rows) < MIN_RULES or not _spread(rows):
        return None
    y1, y2 = rows[0][0], rows[-1][1]
    columns = join_doubles(
        rule_positions(_profile(_pairs(dark[y1:y2, :], 1), 0)), lettered_columns(dark[y1:y2, :])
    )
    if len(columns) < MIN_RULES or not _spread(columns):
        return None
    bands = [b[0] - a[1] for a, b in pairwise(rows)]
    pitch = float(np.median(bands))
    if any(b - a > MAX_RULE_SHARE * pitch + 1 for a, b in rows):
        return None
    if max(bands) > TALLEST_BAND * pitch:
        return None
    lattice = Lattice(rows=rows, columns=columns)
    return lattice if _closed(dark, lattice) else None


def _profile(dark: np.ndarray, axis: int) -> np.ndarray:
    """Per pixel row (axis 1) or column (axis 0): the darkness that 90% of its pixels reach,
    where that is at least half its median (a rule is evenly dark), else NaN: a row of dense
    text over a band reaches the band's darkness nearly everywhere and its strokes far
    more; it is neither a rule nor the light side of one."""
    low = np.percentile(dark, COVER, axis=axis)
    middle = np.median(dark, axis=axis)
    return np.where(low >= 0.5 * middle, low, np.nan)


def _pairs(dark: np.ndarray, axis: int) -> np.ndarray:
    """Each pixel row (axis 0) or column (axis 1) with its next one added: a one-pixel rule
    blurred over two rows by a resize counts at its full darkness."""
    if axis == 0:
        return dark + np.vstack([dark[1:], np.zeros((1, dark.shape[1]), dark.dtype)])
    return dark + np.hstack([dark[:, 1:], np.zeros((dark.shape[0], 1), dark.dtype)])


def stands_out(strip: np.ndarray, before: np.ndarray, after: np.ndarray) -> bool:
    """Whether a rule's stretch (``strip``, one row per pixel along the rule) is darker
    than the lighter of the pixels beside it, at half a rule's contrast, along a quarter of
    it at least (text set close on both sides hides it along the rest)."""
    if not strip.size or not before.size or not after.size:
        return True  # at the image's edge: nothing to compare with
    lighter = np.minimum(before.min(axis=1), after.min(axis=1))
    if float(np.median(lighter)) > DARK_BAND:
        return True  # on a dark band a rule hardly shows: nothing to tell either way
    darker = strip.max(axis=1) - lighter
    # where nothing lies beside it (no text on either side, a fill's or the page's even
    # ground), a rule shows: text across a merged cell's missing rule shows only where it is
    even = (np.ptp(before, axis=1) < RULE_CONTRAST / 2) & (
        np.ptp(after, axis=1) < RULE_CONTRAST / 2
    )
    if even.sum() >= BARE_ROWS and float(np.median(darker[even])) < RULE_CONTRAST / 2:
        return False
    return float(np.percentile(darker, 75)) >= RULE_CONTRAST / 2


def _closed(dark: np.ndarray, lattice: Lattice) -> bool:
    """Every cell boxed: each column rule runs down every row band and each row rule
    across every column band, darker than what lies beside it (a merged cell, or rules
    that end inside the table, is a grid this reader does not read; a band behind a
    header is as dark beside a missing rule as where it would be)."""
    across, down = _pairs(dark, 1), _pairs(dark, 0)
    height, width = dark.shape
    for top, bottom in pairwise(lattice.rows):
        band = slice(top[1], bottom[0])
        for start, end in lattice.columns:
            strip = across[band, max(0, start - 1) : end + 1]
            before = across[band, max(0, start - 4) : max(0, start - 2)]
            after = across[band, min(width, end + 2) : min(width, end + 4)]
            if not stands_out(strip, before, after):
                return False
    for left, right in pairwise(lattice.columns):
        band = slice(left[1], right[0])
        for start, end in lattice.rows:
            strip = down[max(0, start - 1) : end + 1, band].T
            before = down[max(0, start - 4) : max(0, start - 2), band].T
            after = down[min(height, end + 2) : min(height, end + 4), band].T
            if not stands_out(strip, before, after):
                return False
    return True


def _upright_grey(prepared: Prepared) -> np.ndarray | None:
    """The loaded image in grey, turned upright as the page was (no rule erased, no
    upscale: the cell reader works from the original pixels)."""
    if prepared.rgb is None:
        return None
    grey = to_grey(prepared.rgb[:, :, :3]) if prepared.rgb.ndim == 3 else prepared.rgb
    return rotate(grey, prepared.angle) if prepared.angle else grey


def _inked(crop: np.ndarray) -> np.ndarray:
    """Text ink of a cell crop: far from the crop's own median (dark on light, or light on
    a dark band)."""
    return np.abs(crop.astype(np.int16) - int(np.median(crop))) > 64


def inside_rules(crop: np.ndarray, share: float = 0.6) -> np.ndarray:
    """A cell's crop less what its rules leave at its edges: edge rows (columns) inked over
    ``share`` of the crop's width (height) are cut off, one by one."""
    ink = _inked(crop)
    top, bottom, left, right = 0, crop.shape[0], 0, crop.shape[1]
    while bottom - top > 2 and right - left > 2:
        if ink[top, left:right].mean() > share:
            top += 1
        elif ink[bottom - 1, left:right].mean() > share:
            bottom -= 1
        elif ink[top:bottom, left].mean() > share:
            left += 1
        elif ink[top:bottom, right - 1].mean() > share:
            right -= 1
        else:
            break
    return crop[top:bottom, left:right]


def text_lines(crop: np.ndarray, glyph: float) -> list[tuple[int, int]]:
    """The pixel rows of each line of text in a cell (a name wrapped in its cell has two):
    lines at least half a glyph tall, or a dash (flat, but a few pixels wide and clear of
    the cell's edges, where specks of the rules lie)."""
    ink = _inked(crop)
    rows = ink.any(axis=1) & (ink.mean(axis=1) < 0.9)
    lines: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            # a gap of a pixel inside one line; two lines of a wrapped name set tight (a
            # descender all but touching the line below) are taller than one line can be
            if lines and start - lines[-1][1] <= 1 and y - lines[-1][0] <= TALLEST_LINE * glyph:
                start = lines.pop()[0]
            lines.append((start, y))
            start = None
    height = crop.shape[0]

    def dash(a: int, b: int) -> bool:
        wide = np.flatnonzero(ink[a:b].any(axis=0))
        return a > 0 and b < height and wide.size >= 0.5 * glyph

    return [(a, b) for a, b in lines if b - a >= 0.5 * glyph or dash(a, b)]


def _line_crop(crop: np.ndarray, band: tuple[int, int], pad: int) -> np.ndarray:
    """One line of a cell's text with ``pad`` px of the cell above and below it and a
    margin of the cell's colour at the sides (text set tight to a rule touches the crop's
    edge), dark on light."""
    top, bottom = max(0, band[0] - pad), min(crop.shape[0], band[1] + pad)
    line = crop[top:bottom]
    if float(np.median(line)) < 110:
        line = 255 - line
    page = int(np.median(line))
    return cv2.copyMakeBorder(line, 0, 0, pad, pad, cv2.BORDER_CONSTANT, value=page)


def page_reading(words: list[Word], box: Box) -> tuple[str, float]:
    """The page's words whose centre lies in ``box``, in reading order, and their lowest
    confidence: Tesseract's reading of a cell, placed by the grid."""
    inside = [
        word
        for word in words
        if box.x1 <= word.box.cx <= box.x2 and box.y1 <= word.box.cy <= box.y2
    ]
    if not inside:
        return "", 0.0
    order = [inside[i] for line in ocr.group_lines(inside) for i in line]
    return " ".join(word.text for word in order), min(word.confidence for word in order)


def settle(
    neural: str, neural_conf: float, page: str, page_conf: float
) -> tuple[str, float, dict[str, str], Flag | None]:
    """One cell's text from the neural reading and the page's: the neural one where it is
    sure (it reads small text far better), else the two vote; a disagreement is flagged
    with both readings."""
    readings = {rapid.NAME: neural, "tesseract": page}
    if (neural and neural_conf >= SURE) or not page:
        # on the scale every cell's confidence is on: the chance the reading is exact
        return neural, calibrated(rapid.NAME, neural_conf), readings, None
    numeric = parse_number(neural) is not None or parse_number(page) is not None
    result = vote(page, page_conf, neural, neural_conf, numeric=numeric)
    if result.agreed or not neural:
        return result.text, result.confidence, readings, None
    flag = disagreement("a grid cell", page, neural, result, numeric)
    return result.text, result.confidence, readings, flag


def _stacked_number(parts: list[tuple[str, float]]) -> bool:
    """A cell of several lines with a number on one of them, other than the rest of a name
    wrapped after its hyphen ("DeepSeek-LLM-" over "13B")."""
    return len(parts) > 1 and any(
        is_numeric_text(text) and (k == 0 or not parts[k - 1][0].endswith("-"))
        for k, (text, _) in enumerate(parts)
    )


def _is_settings_row(row: list[Cell]) -> bool:
    """A header row of evaluation settings ("5-shot", "pass@1") under the names."""
    named = [cell.text for cell in row if cell.text]
    # "MMLU (5-shot)" names its column: a setting in brackets after a name is no row of them
    settings = [
        text for text in named if SETTING_RE.search(text) and split_setting(text)[1] is None
    ]
    return bool(named) and len(settings) >= 0.5 * len(named)


def _is_number_row(row: list[Cell]) -> bool:
    return any(is_numeric_text(cell.text) for cell in row[1:])


def _oriented(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its rules darker than what lies beside them: a dark region's rules are
    lighter, and turned they are darker, as ``find_lattice`` looks for them."""
    return 255 - grey if float(np.median(grey)) < DARK_PAGE else grey


def _page_lattice(page: np.ndarray, prepared: Prepared) -> tuple[np.ndarray, Lattice] | None:
    """The page's grey turned as its grid needs, and the grid's lattice in page pixels:
    a grid that fills the page, else one of the ruled blocks the page's rules outline (a
    table in a card on a task board, among other cards and panels, whose surround may be
    dark or saturated while the card is light); None where there is none."""
    whole = _oriented(page)
    if whole is page and prepared.x_height >= SMALL_X_HEIGHT:
        return None
    lattice = find_lattice(whole)
    if lattice is not None:
        return whole, lattice
    height, width = page.shape
    for x1, y1, x2, y2 in ruled_regions(prepared.horizontal, prepared.vertical):
        x1, y1 = max(0, x1 - BLOCK_MARGIN), max(0, y1 - BLOCK_MARGIN)
        x2, y2 = min(width, x2 + BLOCK_MARGIN + 1), min(height, y2 + BLOCK_MARGIN + 1)
        if (x2 - x1) * (y2 - y1) >= WHOLE_PAGE * width * height:
            continue  # the page's grid, looked for already
        region = page[y1:y2, x1:x2]
        grey = _oriented(region)
        if grey is region and prepared.x_height >= SMALL_X_HEIGHT:
            continue
        lattice = find_lattice(grey)
        if lattice is not None:
            shifted = Lattice(
                rows=[(a + y1, b + y1) for a, b in lattice.rows],
                columns=[(a + x1, b + x1) for a, b in lattice.columns],
            )
            return (255 - page if grey is not region else page), shifted
    return None


def ruled_regions(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[int, int, int, int]]:
    """(x1, y1, x2, y2) of each block that three row rules or more sharing both ends
    outline, or three column rules or more sharing both ends (a row rule that small text
    crowds may be found in pieces; the column rules of a grid all run its full height)."""
    rows = [(x1, y1, x2, y2) for x1, x2, y1, y2 in ruled_blocks(horizontal)]
    columns = [(x1, y1, x2, y2) for y1, y2, x1, x2 in ruled_blocks(vertical)]
    return rows + [block for block in columns if block not in rows]


def read_grid(
    words: list[Word], prepared: Prepared, settings: OcrSettings
) -> tuple[Table, list[Flag]] | None:
    """The table of a small page whose every cell is boxed, read cell by cell, and the
    engines' disagreements as flags; None where the page is not that (text large enough
    for the page's reading, no closed lattice, most cells empty) or the neural reader is
    not installed. ``words``: the page's reading, in upright pixels."""
    if not 0 < prepared.x_height < SMALL_X_HEIGHT_DARK or not second_engine(settings):
        return None
    page = _upright_grey(prepared)
    if page is None:
        return None
    found = _page_lattice(page, prepared)
    if found is None:
        return None
    grey, lattice = found
    n_rows, n_cols = len(lattice.rows) - 1, len(lattice.columns) - 1
    glyph = prepared.x_height * CAP_TO_X_HEIGHT
    pad = max(2, round(0.4 * glyph))
    crops: list[np.ndarray] = []
    owners: list[tuple[int, int]] = []
    for r in range(n_rows):
        for c in range(n_cols):
            box = lattice.cell(r, c)
            crop = inside_rules(grey[box.y1 : box.y2, box.x1 : box.x2])
            for band in text_lines(crop, glyph):
                crops.append(_line_crop(crop, band, pad))
                owners.append((r, c))
    if len(set(owners)) < 0.5 * n_rows * n_cols:
        return None  # most cells empty: a chart's grid, not a table
    lines: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for owner, reading in zip(owners, rapid.texts(crops), strict=True):
        lines.setdefault(owner, []).append(reading)
    if any(_stacked_number(parts) for parts in lines.values()):
        return None  # a number on a line of its own in a cell: a row rule was missed
    flags: list[Flag] = []
    rows: list[list[Cell]] = []
    for r in range(n_rows):
        row = []
        for c in range(n_cols):
            box = lattice.cell(r, c)
            parts = lines.get((r, c), [])
            neural = tidy_label(" ".join(text for text, _ in parts if text))
            neural_conf = min((confidence for _, confidence in parts), default=0.0)
            text, confidence, readings, flag = settle(
                neural, neural_conf, *page_reading(words, box)
            )
            if flag is not None:
                flag.evidence.update(row=r, col=c)
                flags.append(flag)
            row.append(
                Cell(
                    row=r,
                    col=c,
                    text=text,
                    box=box if text else None,
                    confidence=round(confidence, 2),
                    value=None if is_missing(text) else parse_number(text),
                    readings=readings,
                )
            )
        rows.append(row)
    first_body = next((r for r, row in enumerate(rows) if _is_number_row(row)), None)
    if first_body is None:
        return None
    header = [row for row in rows[:first_body] if not _is_settings_row(row)]
    if not any(cell.text for row in header for cell in row):
        return None  # the names lie outside the lattice (a pale or lost top rule): the
        # page's reading has them, and a table without names scores nothing
    settings_rows = [row for row in rows[:first_body] if _is_settings_row(row)]
    body = [
        [cell.model_copy(update={"row": r}) for cell in row]
        for r, row in enumerate(rows[first_body:])
    ]
    # A header of several rows (a group name over its column's name) is one name a column.
    columns = [
        tidy_label(" ".join(row[c].text for row in header if row[c].text)) for c in range(n_cols)
    ]
    header_rows = (
        [
            [
                Cell(
                    row=0,
                    col=c,
                    text=columns[c],
                    box=header[-1][c].box,
                    confidence=min(row[c].confidence for row in header),
                    readings=header[-1][c].readings,
                )
                for c in range(n_cols)
            ]
        ]
        if header
        else []
    )
    table = Table(
        box=lattice.box,
        n_rows=len(body),
        n_cols=n_cols,
        header_rows=header_rows,
        body=body,
        columns=columns,
        settings=[
            " ".join(row[c].text for row in settings_rows if row[c].text) or None
            for c in range(n_cols)
        ],
        method="grid",
    )
    return table, flags


def words_outside(words: list[Word], area: Box) -> list[Word]:
    """The words whose centre lies outside ``area``."""
    return [
        word
        for word in words
        if not (area.x1 <= word.box.cx <= area.x2 and area.y1 <= word.box.cy <= area.y2)
    ]
