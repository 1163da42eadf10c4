"""The chart stage's faster forms give what their plain forms give: the colour distance
channel by channel, a sorted column's median, stacked segments compared on plain floats,
a chart's frame kept for the image it was found on (never handed to another image), a
colour's pixels on a page found inside the box of channels around it, and the text boxes
tested for bars only where they lie on the plot."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from imgread.charts.bars import RawBar
from imgread.charts.frames import chart_frame, frame_of, reduced
from imgread.charts.lines import _sorted_median
from imgread.charts.pixels import boxes_on, distance, erase_boxes, near
from imgread.charts.stacks import split_stacks
from imgread.record import Box


def _plain_distance(rgb: np.ndarray, colour: np.ndarray) -> np.ndarray:
    diff = rgb.astype(np.float32) - np.asarray(colour, dtype=np.float32)
    return np.sqrt((diff * diff).sum(axis=-1))


def test_distance_is_the_euclidean_distance_to_the_bit() -> None:
    rng = np.random.default_rng(7)
    for shape in [(120, 90, 3), (1, 40, 3), (37, 3), (0, 3)]:
        for colour in ([31.5, 119.2, 180.7], np.array([0, 255, 3]), np.array([12.25, 3.0, 99.9])):
            pixels = rng.integers(0, 256, shape, dtype=np.uint8)
            found = distance(pixels, colour)
            assert found.dtype == np.float32
            assert np.array_equal(found, _plain_distance(pixels, colour))
            halves = pixels.astype(np.float64) / 2  # medians of pixels are halves
            assert np.array_equal(distance(halves, colour), _plain_distance(halves, colour))


def test_a_sorted_columns_median_is_numpys() -> None:
    rng = np.random.default_rng(3)
    for length in range(1, 40):
        rows = np.sort(rng.choice(500, size=length, replace=False))
        assert _sorted_median(rows) == float(np.median(rows))


def _framed_chart(inset: int) -> np.ndarray:
    """A white chart page inset in a grey application window, a plot with a light face."""
    rgb = np.full((300, 400, 3), 90, np.uint8)
    rgb[inset : 300 - inset, inset : 400 - inset] = 255
    rgb[100:200, 120:300] = 250
    return rgb


def test_a_charts_frame_is_its_own_images() -> None:
    area = Box(x1=120, y1=100, x2=300, y2=200)
    bg = np.array([250.0, 250.0, 250.0])
    narrow, wide = _framed_chart(60), _framed_chart(10)
    first = chart_frame(narrow, area, bg)
    assert first == frame_of(narrow.shape, reduced(narrow), area, bg)
    assert first.x1 >= 55 and first.x2 <= 345  # the page, not the application around it
    # another image of the same size, same area and same background: its own frame
    second = chart_frame(wide, area, bg)
    assert second == frame_of(wide.shape, reduced(wide), area, bg)
    assert second != first
    # asked again, the first image gets its frame back, and a caller's change to a frame
    # handed out changes no later answer
    again = chart_frame(narrow, area, bg)
    assert again == first
    again.x1 = 0
    assert chart_frame(narrow, area, bg) == first


def test_stacked_segments_are_split_at_their_colours() -> None:
    """Bars of three stacked colours on a white page: each bar comes back as its three
    segments, each standing on the one below."""
    rgb = np.full((260, 300, 3), 255, np.uint8)
    colours = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
    bars = []
    for left, heights in ((40, (60, 40, 30)), (130, (50, 70, 20)), (220, (80, 30, 50))):
        bottom = 240
        for colour, height in zip(colours, heights, strict=True):
            rgb[bottom - height : bottom, left : left + 50] = colour
            bottom -= height
        bars.append(RawBar(x1=left, x2=left + 50, top=float(bottom), bottom=240.0,
                           colour=np.array(colours[0], dtype=np.float64)))
    area = Box(x1=20, y1=20, x2=290, y2=241)
    split = split_stacks(rgb, bars, area, np.array([255.0, 255.0, 255.0]))
    assert len(split) == 9 and all(bar.stacked for bar in split)
    first = sorted((bar for bar in split if bar.x1 == 40), key=lambda bar: -bar.bottom)
    assert [round(bar.bottom - bar.top) for bar in first] == [60, 40, 30]
    assert [tuple(int(v) for v in bar.colour) for bar in first] == colours


def _rendered_bars() -> np.ndarray:
    """A grouped bar chart drawn by matplotlib, anti-aliased, with text and a legend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    for offset, (name, heights) in enumerate({"Base": [61.2, 48.5, 70.1],
                                              "Chat": [66.0, 52.3, 74.8]}.items()):
        ax.bar([place + 0.4 * offset for place in range(3)], heights, width=0.4, label=name)
    ax.set_xticks([0.2, 1.2, 2.2], ["MMLU", "GSM8K", "HumanEval"])
    ax.legend()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def test_a_colours_pixels_are_those_within_its_distance() -> None:
    """``near`` measures only the pixels inside the box of channels around the colour: the
    mask is ``distance < limit``'s to the pixel, for the series' colours, the page's own
    (most pixels inside the box: all measured) and colours between."""
    rgb = _rendered_bars()
    page = np.array([255.0, 255.0, 255.0])
    series = [np.array([31.0, 119.0, 180.0]), np.array([255.0, 127.0, 14.0])]
    between = [np.array([143.5, 123.25, 97.1]), np.median(rgb.reshape(-1, 3), axis=0)]
    for colour in [page, *series, *between]:
        for limit in (40.0, 20.0, 45):
            expected = distance(rgb, colour) < limit
            found = near(rgb, colour, limit)
            assert found.dtype == bool and np.array_equal(found, expected)
    # the bars' pixels were found, a few of them on the blends of their edges
    assert near(rgb, series[0], 40.0).sum() > 1000


def test_the_boxes_on_a_plot_are_those_erase_boxes_clears() -> None:
    """Only the boxes on the plot (within the pad, at the plot's reduced scale) are tested
    for bars; each box left out clears nothing of the plot's mask."""
    from imgread.charts.bars import find_bars

    shape, origin, scale, pad = (90, 120), (200, 100), 0.5, 2
    boxes = [Box(x1=x1, y1=y1, x2=x1 + 30, y2=y1 + 12)
             for x1 in range(140, 480, 17) for y1 in range(60, 320, 23)]
    kept = boxes_on(shape, boxes, origin, scale, pad)
    assert 0 < len(kept) < len(boxes)
    for box in boxes:
        mask = np.ones(shape, dtype=bool)
        erase_boxes(mask, [box], origin, scale, pad)
        assert (box in kept) == (not mask.all())
    # the bars of the rendered chart found as before: the words off the plot change nothing
    rgb = _rendered_bars()
    area = Box(x1=70, y1=40, x2=450, y2=310)
    words = [Box(x1=5, y1=5, x2=60, y2=20), Box(x1=380, y1=50, x2=440, y2=90)]
    bg = np.array([255.0, 255.0, 255.0])
    assert len(find_bars(rgb, area, words, bg)) == 6


def _guided_page() -> tuple[np.ndarray, list[int], list[int]]:
    """A page of text lines over a plot with dotted guides and a hatched bar: its grey
    levels, the guides' rows and the rows through the text."""
    from PIL import ImageDraw, ImageFont

    page = Image.new("RGB", (420, 300), "white")
    draw = ImageDraw.Draw(page)
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 13)
    except OSError:
        font = ImageFont.load_default()
    for top in range(8, 100, 18):  # a table's rows of names and figures
        draw.text((10, top), "GPT-4o  88.7  Llama 3 70B  82.0  Mixtral 8x7B  70.6", font=font,
                  fill=(30, 30, 30))
    guides = [130, 170, 210, 250]
    for row in guides:
        for x in range(30, 400, 4):
            draw.line([(x, row), (x + 1, row)], fill=(90, 90, 90))
    for row in range(176, 206):  # a bar hatched with diagonal stripes, between guides
        for x in range(200, 300):
            if (x + row) % 6 < 2:
                page.putpixel((x, row), (40, 60, 160))
    grey = np.asarray(page.convert("L")).astype(np.int16)
    text_rows = [row for row in range(8, 100) if (grey[row] < 128).sum() > 20]
    return grey, guides, text_rows


def test_guide_rows_found_among_all_rows_as_row_by_row(monkeypatch) -> None:
    """The rows tested for guides are picked for the whole page at once by the tests each
    row met first; the guides found are those found testing every row that changes often
    enough from ink to ground (as before), and the lines of text are passed over."""
    from imgread.charts import guides

    grey, guide_rows, text_rows = _guided_page()
    mask = guides._thin_ink(grey)
    span = int(0.3 * mask.shape[1])
    picked = set(map(int, guides._regular_rows(mask)))
    found = guides._guide_rows(mask, grey, span)
    assert {row for row, *_ in found} >= set(guide_rows)
    assert picked >= {row for row, *_ in found}
    assert not picked & set(text_rows)

    def every_busy_row(ink: np.ndarray) -> np.ndarray:
        changes = np.count_nonzero(np.diff(ink.astype(np.int8), axis=1), axis=1)
        return np.flatnonzero(changes >= 2 * guides.MIN_DASHES)

    assert len(every_busy_row(mask)) > len(picked)  # (text rows among them)
    monkeypatch.setattr(guides, "_regular_rows", every_busy_row)
    assert guides._guide_rows(mask, grey, span) == found
    columns = np.ascontiguousarray(grey.T)
    column_mask = guides._thin_ink(columns)
    plain = guides._guide_rows(column_mask, columns, int(0.3 * column_mask.shape[1]))
    monkeypatch.undo()
    assert guides._guide_rows(column_mask, columns, int(0.3 * column_mask.shape[1])) == plain
