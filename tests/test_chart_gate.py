"""A table page with no ink for a chart's marks is not read again for a chart, however many
numbers its running text prints; the same page with bars, a trace or filled markers beside
the table still has ink for marks (``charts.marks_ink``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_up_to_charts
from PIL import Image, ImageDraw, ImageFont
from test_speed import REGULAR, ROWS  # the same small table

from imgread import charts
from imgread.charts.marks_ink import may_hold_marks
from imgread.config import load_config

# running text of a paper's page: numbers outside the table, as a chart's ticks would be
PROSE = [
    "Section 4.2 compares 5 models on 3 benchmarks in 2024.",
    "We ran 8 seeds and report the mean over 1200 prompts.",
    "Page 17 of 32",
]


def paper_page(path: Path, beside: str = "") -> Path:
    """A ruled table under a few lines of running text, on a page twice its width; with
    ``beside``, a chart's marks drawn right of the table: "bars", "trace" or "markers"."""
    face = ImageFont.truetype(str(REGULAR), 18)
    image = Image.new("RGB", (1300, 700), "white")
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(PROSE[:2]):
        draw.text((40, 30 + 30 * k), line, fill="black", font=face)
    draw.text((40, 650), PROSE[2], fill="black", font=face)
    top, pitch, xs = 130, 40, [60, 260, 380, 500]
    for r, row in enumerate(ROWS):
        for x, text in zip(xs, row, strict=True):
            draw.text((x, top + 10 + r * pitch), text, fill="black", font=face)
    for y in (top, top + pitch, top + len(ROWS) * pitch + 10):
        draw.line([(40, y), (640, y)], fill="black", width=2)
    if beside == "bars":
        for k, height in enumerate((180, 120, 240, 90)):
            draw.rectangle([760 + 90 * k, 520 - height, 820 + 90 * k, 520], fill=(76, 114, 176))
    elif beside == "trace":
        points = [(760 + 60 * k, 500 - (37 * k * k) % 260) for k in range(9)]
        draw.line(points, fill=(221, 132, 82), width=2)
    elif beside == "markers":
        for k in range(7):
            x, y = 760 + 70 * k, 480 - (53 * k) % 250
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=(85, 168, 104))
    image.save(path)
    return path


@pytest.mark.skipif(not REGULAR.is_file(), reason="DejaVu fonts not installed")
def test_a_table_page_without_marks_is_not_read_again_for_a_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = read_up_to_charts(paper_page(tmp_path / "paper.png"))
    assert len(work.record.ocr.tables) == 1
    # the running text's numbers alone would send the page to whole-page re-reads
    assert charts._looks_like_chart(work)
    assert charts._plainly_a_table(work)
    rereads: list[object] = []
    reread = charts.reread
    monkeypatch.setattr(charts, "reread", lambda *a, **k: rereads.append(a) or reread(*a, **k))
    charts.run(work, load_config())
    assert rereads == []
    assert work.record.charts == []


@pytest.mark.skipif(not REGULAR.is_file(), reason="DejaVu fonts not installed")
@pytest.mark.parametrize("beside", ["bars", "trace", "markers"])
def test_marks_beside_a_table_keep_the_page_a_chart_candidate(tmp_path: Path, beside: str) -> None:
    work = read_up_to_charts(paper_page(tmp_path / f"{beside}.png", beside))
    assert work.rgb is not None
    assert may_hold_marks(work.rgb, work.record.ocr.words)
    assert not charts._plainly_a_table(work)
