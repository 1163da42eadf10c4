"""Lines drawn over a shaded area: the region under a line filled with the line's colour at
low opacity (Vega-Lite's area + line, matplotlib's ``fill_between``).

Such a fill is thick and long, as a bar or a band is, and is removed with them; the line
drawn on its edge goes with it unless it is kept. A fill of a line's hue lies between the
line's colour and the page (it is the line's colour, faded): it is no series of its own, and
the pixels in it of that stronger colour are the line. Bars carry no stronger colour of
their own hue on their edge, so nothing of theirs is kept.
"""

from __future__ import annotations

import numpy as np

from .pixels import distance

FILL_SHARE = 0.03  # of the thick region's pixels: the least a fill colour covers
FILL_FAINTEST = 0.05  # a fill's share of the way from the page to its line's colour,
FILL_STRONGEST = 0.7  # at least and at most (opacities Vega and matplotlib use: 0.1-0.5)
STRONG_GAP = 48.0  # colour distance from every fill colour: a pixel drawn over the fill
BLEND_OFF = 30.0  # colour distance from the page-to-line blend: still that line's fill
LEAST_LINE = 12  # pixels of one colour at least: a line over the fill, not noise
LEAST_CHROMA = 60  # max - min channel: the least a line's colour has (greys are rules, text)


def lines_over_fills(crop: np.ndarray, thick: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """The pixels of ``thick`` (long runs several pixels across: bars, bands, fills) that
    are lines drawn over a fill of their own hue; the rest of ``thick`` is shading."""
    kept = np.zeros(thick.shape, dtype=bool)
    where = np.flatnonzero(thick)
    if len(where) < 50:
        return kept
    pixels = crop.reshape(-1, 3)[where].astype(np.float32)
    fills = _commonest(pixels, max(LEAST_LINE, int(FILL_SHARE * len(where))))
    if not fills:
        return kept
    gaps = np.min([distance(pixels, fill) for fill in fills], axis=0)
    others = _commonest(pixels[gaps > STRONG_GAP], LEAST_LINE)
    # a fill seen only in a narrow band (where its line runs above the others') is a
    # faded other colour too
    fills += [c for c in others if any(faded(c, t, bg) for t in others if t is not c)]
    bases = [bg.astype(np.float32), *fills]
    # a line's colour, faded over the page or over another line's fill (areas overlap);
    # a grey is no hue (black text and axes over a fill are no lines)
    lines = [colour for colour in others
             if float(colour.max() - colour.min()) >= LEAST_CHROMA
             and not any(colour is fill for fill in fills)
             and any(faded(fill, colour, base) for fill in fills for base in bases
                     if fill is not base)]
    if not lines:
        return kept
    # each pixel goes to its nearest colour: a line's anti-aliased pixels lie nearer its
    # colour than any fill's, though a fill may be within a line's reach of them
    centres = np.array([*fills, *lines], dtype=np.float32)
    nearest = np.argmin([distance(pixels, centre) for centre in centres], axis=0)
    near = (nearest >= len(fills)) & (np.min(
        [distance(pixels, line) for line in lines], axis=0) < STRONG_GAP)
    kept.flat[where[near]] = True
    return kept


def _commonest(pixels: np.ndarray, least: int) -> list[np.ndarray]:
    """Centres of the colour bins (24 levels a channel) holding ``least`` pixels or more,
    the commonest first."""
    if len(pixels) < least:
        return []
    keys = (pixels // 24).astype(np.int32) @ np.array([121, 11, 1])
    counts = np.bincount(keys)
    centres = []
    for key in np.argsort(counts)[::-1][:12]:
        if counts[key] < least:
            break
        centres.append(pixels[keys == key].mean(axis=0))
    return centres


def faded(fill: np.ndarray, colour: np.ndarray, base: np.ndarray) -> bool:
    """``fill`` is ``colour`` laid over ``base`` (the page, another fill) at a low
    opacity."""
    towards = (colour - base).astype(np.float32)
    norm = float(towards @ towards)
    if norm < 1:
        return False
    share = float((fill - base) @ towards) / norm
    off = float(np.linalg.norm(fill - (base + share * towards)))
    return FILL_FAINTEST <= share <= FILL_STRONGEST and off < BLEND_OFF
