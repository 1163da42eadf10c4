"""A y axis broken in two: two stacked panels sharing x, each with a scale of its own (a
lower one from 0 to a few units, an upper one over the range the bars end in), small break
marks on the spine between them. Tall bars run through both panels, cut by a band of page
where the panels part; each is measured in the panel where its top is.

The break is found in the pixels, not in the tick labels (those by the break marks are
often lost): every bar seen in a panel is cut, at one band of rows, from more of its colour
beyond. The band lies past the panel's last tick, which a gridline drawn over the bars
(a band at a tick's rule) never does.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .axes import Fit
from .bars import RawBar

SAME_COLOUR = 40.0  # summed channel distance: the bar's colour (JPEG blur included)
MIN_GAP_PX = 3  # a band thinner than this is a rule drawn over the bars
MAX_GAP_SHARE = 0.08  # of the image's height: a wider band parts two charts, not two panels
RUN_ON_PX = 3  # rows of the bar's colour beyond the band
BAND_SLACK_PX = 2  # the bands of the bars found agree to this many rows
PAST_TICK = 0.3  # tick heights: the band lies past the panel's last tick by this much


def band_above(rgb: np.ndarray, bars: list[RawBar], fit: Fit) -> tuple[int, int] | None:
    """The rows (first, last) of a band of page that cuts every bar of ``bars`` just above
    its top from more of its colour, past a tick of ``fit``: above its top tick, these bars
    are the lower parts of bars measured in the panel above; below its lowest tick, the
    panel reaches down into the lower panel and ends at the band. None where no band."""
    cuts = [_cut(rgb, bar, -1) for bar in bars]
    band = _one_band([cut[0] for cut in cuts if cut is not None], len(bars))
    return band if band is not None and _past_ticks(band, fit) else None


def through_the_break(rgb: np.ndarray, bars: list[RawBar], fit: Fit) -> list[RawBar]:
    """Bars standing on a break under the panel of ``fit``, each made to stand where its
    lower part does, past the band and the lower panel (its name is under that panel); a
    bar's value is still read at its top. The bars unchanged where there is no break."""
    cuts = [_cut(rgb, bar, 1) for bar in bars]
    band = _one_band([cut[0] for cut in cuts if cut is not None], len(bars))
    if band is None or not _past_ticks(band, fit):
        return bars
    return [replace(bar, bottom=float(cut[1])) if cut is not None else bar
            for bar, cut in zip(bars, cuts, strict=True)]


def _one_band(bands: list[tuple[int, int]], count: int) -> tuple[int, int] | None:
    """The band all ``count`` bars are cut by (two bars at least), where they agree."""
    if count < 2 or len(bands) < count:
        return None
    firsts, lasts = [band[0] for band in bands], [band[1] for band in bands]
    if max(firsts) - min(firsts) > BAND_SLACK_PX or max(lasts) - min(lasts) > BAND_SLACK_PX:
        return None
    return int(np.median(firsts)), int(np.median(lasts))


def _past_ticks(band: tuple[int, int], fit: Fit) -> bool:
    """The band lies beyond the ticks of ``fit`` (a gridline over the bars lies on one)."""
    tick_height = float(np.median([p.height for p in fit.ticks]))
    top_px, bottom_px = fit.span_px
    return (band[1] > bottom_px + PAST_TICK * tick_height
            or band[0] < top_px - PAST_TICK * tick_height)


def _cut(rgb: np.ndarray, bar: RawBar, step: int) -> tuple[tuple[int, int], int] | None:
    """The rows (first, last) of a band of other colour just past ``bar``'s top (``step``
    -1) or its bottom (``step`` 1), and the last row of the bar's colour going on past the
    band across the bar's middle; None where the bar simply ends."""
    height = rgb.shape[0]
    columns = [int(bar.x1 + share * (bar.x2 - bar.x1)) for share in (0.3, 0.5, 0.7)]
    strip = rgb[:, columns].astype(np.float64)
    same = np.linalg.norm(strip - bar.colour, axis=2).max(axis=1) < SAME_COLOUR
    row = int(bar.top) - 1 if step < 0 else int(bar.bottom)
    while 0 <= row < height and same[row]:  # an end refined onto an anti-aliased edge
        row += step
    near = row
    while 0 <= row < height and not same[row] and abs(row - near) < MAX_GAP_SHARE * height:
        row += step
    far = row - step
    run = row
    while 0 <= run < height and same[run]:
        run += step
    if abs(far - near) + 1 < MIN_GAP_PX or abs(run - row) < RUN_ON_PX:
        return None
    return (min(near, far), max(near, far)), run - step
