"""Pixel helpers shared by the bar, line and legend readers: background, masks, colours."""

from __future__ import annotations

import cv2
import numpy as np

from ..record import Box


def background(rgb: np.ndarray) -> np.ndarray:
    """The most common colour (quantised to 8 levels a channel), as the mean of its pixels."""
    sample = rgb[:: max(1, rgb.shape[0] // 200), :: max(1, rgb.shape[1] // 200)].reshape(-1, 3)
    keys = (sample // 32).astype(np.int32) @ np.array([64, 8, 1])
    mode = np.bincount(keys).argmax()
    return sample[keys == mode].mean(axis=0)


def plot_background(crop: np.ndarray) -> np.ndarray:
    """The background of a plot area: the most common colour of its top fifth, which the
    area reaches above the highest tick, over the marks (wide bars can cover most of the
    area, and would otherwise be taken for the background). Bars stacked to the top can
    cover even that: a strong colour there is theirs where a plain one shows between them."""
    top = crop[: max(1, crop.shape[0] // 5)]
    found = background(top)
    if _chroma(found) <= MARK_CHROMA:
        return found
    pixels = top.reshape(-1, 3)
    plain = pixels[(pixels.max(axis=1).astype(np.int16) - pixels.min(axis=1)) <= PLAIN_CHROMA]
    if len(plain) < PLAIN_SHARE * len(pixels):
        return found
    return background(plain[:, None, :])


MARK_CHROMA = 80  # max - min channel: a colour this strong is a mark's, not a plot face's
PLAIN_CHROMA = 30
PLAIN_SHARE = 0.05  # of the top's pixels: plain ones showing between bars


def _chroma(colour: np.ndarray) -> float:
    return float(np.max(colour) - np.min(colour))


def distance(rgb: np.ndarray, colour: np.ndarray) -> np.ndarray:
    """Euclidean RGB distance of every pixel to one colour (float32, same height and width)."""
    # channel by channel: numpy's sum over a last axis of three is four times slower, and
    # the float32 sums come out the same, in the same order
    target = np.asarray(colour, dtype=np.float32)
    total = np.zeros(rgb.shape[:-1], dtype=np.float32)
    for channel in range(3):
        diff = rgb[..., channel].astype(np.float32) - target[channel]
        total += diff * diff
    return np.sqrt(total, out=total)


def near(rgb: np.ndarray, colour: np.ndarray, limit: float) -> np.ndarray:
    """``distance(rgb, colour) < limit`` for an 8-bit image, the same mask, found faster on
    a large page: a pixel ``limit`` or more from the colour in one channel is that far in
    all three (float32 rounding is monotone, and ``limit`` a whole number), so only the
    pixels inside the box of channels around the colour are measured, and a colour's
    pixels are a small part of a page."""
    target = np.asarray(colour, dtype=np.float32).astype(np.float64)
    low = np.clip(np.floor(target - limit) + 1, 0, 255)
    high = np.clip(np.ceil(target + limit) - 1, 0, 255)
    inside = cv2.inRange(rgb, low, high)
    if cv2.countNonZero(inside) > NEAR_SHARE * inside.size:  # the page's own colour
        return distance(rgb, colour) < limit
    candidates = inside.astype(bool)
    candidates[candidates] = distance(rgb[candidates][None], colour)[0] < limit
    return candidates


NEAR_SHARE = 0.1  # of the pixels in the box of channels: more, and all are measured


def erase_boxes(mask: np.ndarray, boxes: list[Box], origin: tuple[int, int], scale: float,
                pad: int = 1) -> None:
    """Clear text boxes (image pixels) from the mask of a crop at ``origin`` scaled by ``scale``."""
    for x1, y1, x2, y2 in _on_mask(mask.shape, boxes, origin, scale, pad):
        mask[y1:y2, x1:x2] = False


def boxes_on(shape: tuple[int, ...], boxes: list[Box], origin: tuple[int, int], scale: float,
             pad: int = 1) -> list[Box]:
    """The boxes :func:`erase_boxes` would clear any of on a mask of ``shape``: a test the
    others need not pass (a page's words mostly lie off the plot area)."""
    return [box for box in boxes if _on_mask(shape, [box], origin, scale, pad)]


def _on_mask(shape: tuple[int, ...], boxes: list[Box], origin: tuple[int, int], scale: float,
             pad: int) -> list[tuple[int, int, int, int]]:
    """Each box's pixels on the mask (x1, y1, x2, y2), for the boxes that have some."""
    x0, y0 = origin
    height, width = shape[:2]
    found = []
    for box in boxes:
        x1 = max(0, int((box.x1 - x0) * scale) - pad)
        y1 = max(0, int((box.y1 - y0) * scale) - pad)
        x2 = min(width, int((box.x2 - x0) * scale) + pad + 1)
        y2 = min(height, int((box.y2 - y0) * scale) + pad + 1)
        if x2 > x1 and y2 > y1:
            found.append((x1, y1, x2, y2))
    return found


def open_mask(mask: np.ndarray, width: int, height: int) -> np.ndarray:
    """Keep only parts at least ``width`` wide and ``height`` tall (drops rules and text)."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, width), max(1, height)))
    return cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, kernel).astype(bool)


def close_mask(mask: np.ndarray, size: int) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    return cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, kernel).astype(bool)


def hex_colour(colour: np.ndarray) -> str:
    r, g, b = (round(float(c)) for c in colour)
    return f"#{r:02x}{g:02x}{b:02x}"


def cluster_colours(colours: list[np.ndarray], threshold: float = 28.0) -> list[int]:
    """Greedy clustering of colours: each joins the first cluster centre within ``threshold``."""
    centres: list[np.ndarray] = []
    labels: list[int] = []
    for colour in colours:
        for index, centre in enumerate(centres):
            if float(np.linalg.norm(colour - centre)) < threshold:
                labels.append(index)
                break
        else:
            centres.append(colour.astype(np.float32))
            labels.append(len(centres) - 1)
    return labels
