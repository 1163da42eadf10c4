"""OpenCV preprocessing: the grey image OCR reads, and the lines tables and charts need.

Each step is a small pure function image -> image (or image -> facts): the image steps in
``steps``, the ruling lines in ``rules``. ``run`` chains them, records which ran in
``record.preprocess`` and leaves a ``Prepared`` on the work item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..config import Config, PreprocessSettings
from ..record import Box
from ..typed_rules import erase_typed_rules
from .cell_bars import flatten_cell_bars
from .fills import flatten_fills, whiten_pale_grounds
from .leaders import erase_leaders
from .name_badges import erase_name_badges
from .pen_marks import erase_pen_marks
from .rectify import rectify_photo
from .rules import (
    Rule,
    RuleMasks,
    boxed_cells,
    cell_sides,
    chart_plot,
    erase_cell_borders,
    erase_underlines,
    find_rules,
    has_chart_axes,
    remove_rules,
    rule_masks,
    ruled_lattice,
    rules_from_masks,
    unruled,
)
from .sort_icons import erase_sort_icons
from .steps import (
    CAP_TO_X_HEIGHT,
    background,
    binarise,
    flatten_background,
    glyph_height,
    invert_dark_regions,
    read_factor,
    resize,
    rotate,
    skew_angle,
    stretch_contrast,
    text_ground,
    to_grey,
    upscale_factor,
)
from .value_boxes import flatten_value_boxes

if TYPE_CHECKING:
    from ..work import Work

# tables/grid.py's SMALL_X_HEIGHT_DARK: a dark page's lattice with smaller text is read
# cell by cell there, the page's reading (rules and all) voting in each cell; erased
# rules cost a tiny dark grid the votes of its "-" cells
GRID_READER_X_HEIGHT = 7.0


@dataclass
class Prepared:
    """What OCR reads: a grey image, dark text on light: the loaded image turned upright by
    ``angle`` degrees (about its centre), then ``scale`` times larger.

    "Upright" pixels are loaded-image pixels after the deskew turn and before the scale:
    table layout works there, where rows are level.
    """

    grey: np.ndarray
    scale: float = 1.0
    angle: float = 0.0  # degrees the loaded image was rotated by to deskew it
    size: tuple[int, int] = (0, 0)  # loaded image (width, height)
    x_height: float = 0.0  # estimated, in loaded-image pixels
    horizontal: list[Rule] = field(default_factory=list)  # in upright pixels
    vertical: list[Rule] = field(default_factory=list)
    # The loaded image itself (a copy only where a reader's pen marks were taken out), for
    # readers that do better on the original pixels than on the binarised, upscaled grey
    # (a neural OCR keeps small points).
    rgb: np.ndarray | None = None
    # Row rules typed as dashes (``typed_rules``): kept apart from ``horizontal``, whose
    # rules also tell chart axes, which typed characters never draw.
    typed_rows: list[Rule] = field(default_factory=list)

    def _turn(self, box: Box, degrees: float) -> Box:
        if degrees == 0.0:
            return box
        centre = (self.size[0] / 2, self.size[1] / 2)
        matrix = cv2.getRotationMatrix2D(centre, degrees, 1.0)
        corners = np.array(
            [[box.x1, box.y1, 1], [box.x2, box.y1, 1], [box.x1, box.y2, 1], [box.x2, box.y2, 1]],
            dtype=np.float64,
        )
        moved = corners @ matrix.T
        xs, ys = moved[:, 0], moved[:, 1]
        return Box(x1=int(xs.min()), y1=int(ys.min()), x2=round(xs.max()), y2=round(ys.max()))

    def to_upright(self, box: Box) -> Box:
        """Loaded-image pixels -> upright pixels."""
        return self._turn(box, self.angle)

    def from_upright(self, box: Box) -> Box:
        """Upright pixels -> loaded-image pixels."""
        return self._turn(box, -self.angle)

    def for_page_read(self, settings: PreprocessSettings) -> tuple[np.ndarray, float]:
        """The grey image the page read takes, and the factor it was scaled by from
        ``grey``: text taller than Tesseract needs is read smaller (``read_factor``). The
        later stages crop ``grey`` itself, at its full size."""
        factor = read_factor(self.x_height * self.scale, settings)
        if factor == 1.0:
            return self.grey, 1.0
        smaller = cv2.resize(self.grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        return smaller, factor

    def to_image_box(self, x1: float, y1: float, x2: float, y2: float) -> Box:
        """A box in prepared pixels -> loaded-image pixels."""
        s = self.scale
        upright = Box(x1=int(x1 / s), y1=int(y1 / s), x2=round(x2 / s), y2=round(y2 / s))
        return self.from_upright(upright)


# A page this much inverted (its area) is a dark page.
DARK_PAGE_SHARE = 0.3
# The lightest tenth of a page this much lighter than its median is ground of its own
# (light panels on a mid-tone surround): the text's ground is looked for.
LIGHTER_PANELS = 40


def _lighter_ground(grey: np.ndarray) -> float | None:
    """The ground the text stands on, where the page holds light panels on a darker
    surround (which its median is); None on a page of one ground."""
    # every fourth pixel each way: the levels of grounds that cover a tenth of the page or
    # more, for a sixteenth of the work
    median, light = np.percentile(grey[::4, ::4], [50, 90])
    if light - median < LIGHTER_PANELS:
        return None
    return text_ground(grey)


def prepare(rgb: np.ndarray, settings: PreprocessSettings) -> tuple[Prepared, list[str], float]:
    """All steps in order. Returns the prepared image, the steps that ran, and the share of
    the image that was inverted."""
    # A reader's highlighter and pen marks first: every later step, and the readers that
    # crop the colour image, see the printed table.
    rgb, erased_marks = erase_pen_marks(rgb) if settings.erase_pen_marks else (rgb, [])
    steps = ["grey", *(f"erase_{mark}" for mark in erased_marks)]
    grey = to_grey(rgb)
    inverted_share = 0.0
    grey, erased = erase_name_badges(rgb, grey)  # coloured badges before names: no letters
    if erased:
        steps.append("erase_name_badges")
    unbarred = flatten_cell_bars(grey)  # a table's data bars: numbers half on a bar
    if unbarred is not grey:
        grey = unbarred
        steps.append("flatten_cell_bars")
    whitened = whiten_pale_grounds(grey)  # a pastel theme's bands: pale text on paler tints
    if whitened is not grey:
        grey = whitened
        steps.append("whiten_pale_grounds")
    flattened = flatten_fills(grey)  # a heat map's colours: dark digits on mid tones
    if flattened is not grey:
        grey = flattened
        steps.append("flatten_fills")
    if settings.invert_dark:
        grey, inverted_share = invert_dark_regions(grey)
        if inverted_share:
            steps.append("invert_dark_regions")
            grey = flatten_background(grey)
            steps.append("flatten_background")
    stretched = stretch_contrast(grey, _lighter_ground(grey))
    if stretched is not grey:
        grey = stretched
        steps.append("stretch_contrast")
    # a dashboard's threshold-coloured values: each box read as its text on white
    unboxed = flatten_value_boxes(rgb, grey)
    if unboxed is not grey:
        grey = unboxed
        steps.append("flatten_value_boxes")
    binary = binarise(grey)
    angle = 0.0
    if settings.deskew:
        angle = skew_angle(binary, min(settings.max_skew_degrees, 3.0))
        if abs(angle) >= 0.2:
            grey = rotate(grey, angle)
            binary = binarise(grey)
            steps.append("deskew")
        else:
            angle = 0.0
    x_height = glyph_height(binary) / CAP_TO_X_HEIGHT
    factor = upscale_factor(x_height, settings, grey.shape)
    masks = rule_masks(grey)
    horizontal, vertical = rules_from_masks(masks)
    steps.append("find_rules")
    # Cells boxed one by one whose sides are too short to be found as column rules.
    cells = unruled(boxed_cells(grey, x_height), vertical) if settings.remove_rules else []
    # A flattened dark page has filled shapes (bars, bands) left as outlines that look like
    # rules: there nothing is erased. A light page with a dark band (a coloured header row)
    # is still a light page, its grid still read as "|" unless erased; so is a dark
    # page's table ruled round every cell (a high-contrast theme's white grid), unless its
    # text is small enough for the grid reader, which reads such a lattice cell by cell
    # from the loaded pixels and lets the page's reading, rules and all, vote there.
    dark_page = "flatten_background" in steps and inverted_share >= DARK_PAGE_SHARE
    dark_grid = x_height >= GRID_READER_X_HEIGHT and ruled_lattice(horizontal, vertical)
    if settings.remove_rules and (not dark_page or dark_grid):
        grey, removed = remove_rules(grey, masks)
        if removed:
            steps.append("remove_rules")
    typed_rows: list[Rule] = []
    if settings.remove_rules:
        # A contents page's leaders between a name and its values, before the typed rules:
        # a row of dashes there is no rule, and the letters beside it no crossings. Inside
        # a chart's axes a dotted line or gridline is the chart's, no leader.
        grey, erased = erase_leaders(grey, x_height, chart_plot(horizontal, vertical))
        if erased:
            steps.append("erase_leaders")
        # Rules typed as characters (a code block's pipes and dashes), dark page or light;
        # a table typed by hand has its pipes lined up first, in the colour image too (on
        # an upright page, where the two share their pixels).
        without_typed, columns, rows, moved = erase_typed_rules(
            grey, background(grey), x_height, rgb if angle == 0.0 else None
        )
        if moved is not None and moved is not rgb:
            rgb = moved
            steps.append("align_delimited_lines")
        if without_typed is not grey:
            grey = without_typed
            steps.append("erase_typed_rules")
        typed = [Rule(position=r.position, start=r.start, end=r.end) for r in columns]
        vertical = sorted([*vertical, *typed], key=lambda rule: rule.position)
        typed_rows = [Rule(position=r.position, start=r.start, end=r.end) for r in rows]
    if cells:
        grey = erase_cell_borders(grey, cells)
        steps.append("erase_cell_borders")
        vertical = sorted([*vertical, *cell_sides(cells)], key=lambda rule: rule.position)
    if settings.remove_rules:
        # What a web page prints over its table's text: links' dotted underlines, sort icons.
        for step in (erase_underlines, erase_sort_icons):
            grey, erased = step(grey, x_height)
            if erased:
                steps.append(step.__name__)
    if factor != 1.0:
        grey = resize(grey, factor)
        steps.append("upscale")
    prepared = Prepared(
        grey=grey,
        scale=factor,
        angle=angle,
        size=(rgb.shape[1], rgb.shape[0]),
        x_height=x_height,
        horizontal=horizontal,
        vertical=vertical,
        rgb=rgb,
        typed_rows=typed_rows,
    )
    return prepared, steps, inverted_share


def run(work: Work, config: Config) -> None:
    assert work.rgb is not None, "the load stage leaves the RGB array"
    # A photographed page is flattened first, for every later stage: OCR's word boxes,
    # the table readers' and the chart reader's pixels all in the flat page's frame.
    flat = rectify_photo(work.rgb, config.preprocess) if config.preprocess.rectify_photos else None
    if flat is not None:
        work.rgb = flat
    prepared, steps, inverted_share = prepare(work.rgb, config.preprocess)
    if flat is not None:
        steps.insert(0, "rectify_photo")
    work.prepared = prepared
    info = work.record.preprocess
    info.steps = steps
    info.scale = prepared.scale
    info.dark_theme = inverted_share > 0.5
    info.skew_degrees = round(prepared.angle, 2)
    info.table_rules = {"horizontal": len(prepared.horizontal), "vertical": len(prepared.vertical)}
    info.chart_axes = has_chart_axes(prepared.horizontal, prepared.vertical)


__all__ = [
    "CAP_TO_X_HEIGHT",
    "Prepared",
    "Rule",
    "RuleMasks",
    "background",
    "binarise",
    "find_rules",
    "glyph_height",
    "has_chart_axes",
    "invert_dark_regions",
    "prepare",
    "rotate",
    "run",
    "skew_angle",
    "stretch_contrast",
    "to_grey",
]
