"""A photographed page or screen turned into the flat rectangle it was: the document
scanner's method.

A phone photo of a slide on a projector screen, of a monitor or of a printed page shows
the bright page as a quadrilateral (keystoned: one edge wider than the one opposite, and
turned) on a darker surround (a wall, a desk, a bezel). Its columns lean and its rows
slope by different amounts across the page, which no single deskew turn undoes. The
page's outline is found on a small copy (the largest bright region, its outline reduced
to four corners), and ``cv2.getPerspectiveTransform`` + ``warpPerspective`` map those
corners onto an upright rectangle, the surround cut away.

Cheap gates come first, so screenshots never pay for more than a thumbnail: the image's
outer ring must be mostly dark while its middle holds a large bright region; that
region must be a clean quadrilateral (filling its four-corner outline) covering much of
the photo; and it must lean or taper enough that warping changes something (a light
window on a dark desktop is already a rectangle and is left alone).
"""

from __future__ import annotations

import cv2
import numpy as np

from ..config import PreprocessSettings

# The thumbnail the outline is looked for on (its longer side, px).
THUMB_SIDE = 480
# The outer ring tested for a dark surround, as a share of each side.
RING_SHARE = 0.03
# A page lighter than its surround by at least this much grey (0-255) after Otsu's split.
MIN_CONTRAST = 50.0
# Most of the ring is surround; a screenshot's page colour reaches its edges.
MAX_BRIGHT_RING = 0.25
# The page covers this share of the photo at least (smaller: a light panel, a picture).
MIN_PAGE_SHARE = 0.2
# The bright region fills its four-corner outline (a quadrilateral, not a blob).
MIN_QUAD_FILL = 0.92
# The flat page's edges trimmed by this share of each side: a screen's frame, the blurred
# edge against the surround, read as letters ("l", "f") and columns otherwise.
EDGE_TRIM = 0.012


def _order(corners: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    by_sum = corners.sum(axis=1)
    by_diff = corners[:, 1] - corners[:, 0]
    return np.array(
        [
            corners[np.argmin(by_sum)],
            corners[np.argmin(by_diff)],
            corners[np.argmax(by_sum)],
            corners[np.argmax(by_diff)],
        ],
        dtype=np.float32,
    )


def _four_corners(contour: np.ndarray) -> np.ndarray | None:
    """The outline's four corners: its convex hull simplified until four points remain."""
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for tolerance in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, tolerance * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
        if len(approx) < 4:
            return None
    return None


def _side_line(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray | None:
    """The straight line through the outline's points along the side ``start``-``end``:
    only those over its middle and close to it, so that a rounded or clipped corner (which
    moves the rough corners) does not bend it. (vx, vy, x0, y0), or None."""
    direction = end - start
    length = float(np.linalg.norm(direction))
    if length < 1.0:
        return None
    unit = direction / length
    offset = points - start
    along = offset @ unit
    across = np.abs(offset @ np.array([-unit[1], unit[0]], dtype=np.float32))
    near = (along > 0.15 * length) & (along < 0.85 * length) & (across < 0.04 * length + 2)
    if near.sum() < 5:
        return None
    return cv2.fitLine(points[near], cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()


def _refined(outline: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The corners where the outline's four fitted sides meet; the rough corners where a
    side has too few points or two sides run parallel."""
    points = outline.reshape(-1, 2).astype(np.float32)
    lines = [_side_line(points, corners[i], corners[(i + 1) % 4]) for i in range(4)]
    refined = corners.copy()
    for i in range(4):
        before, after = lines[(i - 1) % 4], lines[i]
        if before is None or after is None:
            continue
        # p0 + t d0 = p1 + s d1
        d0, p0, d1, p1 = before[:2], before[2:], after[:2], after[2:]
        cross = d0[0] * d1[1] - d0[1] * d1[0]
        if abs(cross) < 0.2:
            continue
        t = ((p1[0] - p0[0]) * d1[1] - (p1[1] - p0[1]) * d1[0]) / cross
        point = p0 + t * d0
        side = float(np.linalg.norm(corners[(i + 1) % 4] - corners[i]))
        if float(np.linalg.norm(point - corners[i])) < 0.1 * side:
            refined[i] = point
    return refined


def _departure(corners: np.ndarray) -> float:
    """How far the quadrilateral is from an upright rectangle: its corners' largest
    distance from its bounding box's corners, as a share of the box's shorter side."""
    x1, y1 = corners.min(axis=0)
    x2, y2 = corners.max(axis=0)
    box = np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]], dtype=np.float32)
    shortest = max(1.0, float(min(x2 - x1, y2 - y1)))
    return float(np.linalg.norm(corners - box, axis=1).max()) / shortest


def page_corners(rgb: np.ndarray, settings: PreprocessSettings) -> np.ndarray | None:
    """The corners (top-left, top-right, bottom-right, bottom-left, in image pixels) of a
    photographed bright page on a darker surround, or None where there is none to undo."""
    grey = cv2.cvtColor(rgb[:, :, :3], cv2.COLOR_RGB2GRAY) if rgb.ndim == 3 else rgb
    height, width = grey.shape
    factor = min(1.0, THUMB_SIDE / max(height, width))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    _, split = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    bright = np.asarray(split, dtype=bool)
    if bright.all() or not bright.any():
        return None
    ring = np.ones(small.shape, dtype=bool)
    dy, dx = max(1, round(RING_SHARE * small.shape[0])), max(1, round(RING_SHARE * small.shape[1]))
    ring[dy:-dy, dx:-dx] = False
    if bright[ring].mean() > MAX_BRIGHT_RING:
        return None
    if float(small[bright].mean()) - float(small[~bright].mean()) < MIN_CONTRAST:
        return None
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        bright.astype(np.uint8), connectivity=8
    )
    if count < 2:
        return None
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    if stats[largest, cv2.CC_STAT_AREA] < MIN_PAGE_SHARE * small.size:
        return None
    region = (labels == largest).astype(np.uint8)
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    outline = max(contours, key=cv2.contourArea)
    corners = _four_corners(outline)
    if corners is None:
        return None
    quad_area = cv2.contourArea(corners)
    if quad_area < MIN_PAGE_SHARE * small.size:
        return None
    # The region with its holes (the text, a dark header band) filled, against the quad.
    filled = np.zeros_like(region)
    cv2.drawContours(filled, [outline], -1, 1, thickness=cv2.FILLED)
    if float(filled.sum()) < MIN_QUAD_FILL * quad_area:
        return None
    corners = _refined(outline, _order(corners))
    if _departure(corners) < settings.rectify_min_departure:
        return None
    return corners / factor


def rectify(rgb: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The page inside ``corners`` warped onto an upright rectangle as wide as its wider
    edge and as tall as its taller side (the scanner's usual choice of size), less a thin
    trim at each edge."""
    tl, tr, br, bl = corners
    width = float(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = float(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    trim_x, trim_y = EDGE_TRIM * width, EDGE_TRIM * height
    target = np.array(
        [
            [-trim_x, -trim_y],
            [width - trim_x, -trim_y],
            [width - trim_x, height - trim_y],
            [-trim_x, height - trim_y],
        ],
        dtype=np.float32,
    )
    size = (round(width - 2 * trim_x), round(height - 2 * trim_y))
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(
        rgb, matrix, size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def rectify_photo(rgb: np.ndarray, settings: PreprocessSettings) -> np.ndarray | None:
    """The photographed page flattened, or None where the image is no such photo."""
    corners = page_corners(rgb, settings)
    return None if corners is None else rectify(rgb, corners)
