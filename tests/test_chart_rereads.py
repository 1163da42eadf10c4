"""The chart stage's fallback readings (pale ticks, digits along axis lines, grey ink among
bars) look for labels the page reading lost: on a page whose table was read they are not
made, each being a whole page read by Tesseract that found nothing there."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_up_to_charts
from PIL import Image, ImageDraw, ImageFont

from imgread import charts
from imgread.config import load_config

REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROWS = [
    ("Model", "MMLU", "GSM8K", "HumanEval"),
    ("Llama-2-7B", "45.3", "14.6", "12.8"),
    ("Mistral-7B", "64.1", "52.2", "30.5"),
    ("Qwen-7B", "58.2", "51.7", "29.9"),
    ("Gemma-7B", "64.3", "46.4", "32.3"),
]
# Prose under the table with numbers in it: what makes a page worth a chart's reading.
NOTE = "Evaluated in 2024 on 8 GPUs with 5 shots and 64 samples per task."


def table_with_numbers_under_it(path: Path) -> Path:
    """A table, a line of prose with numbers under it, and a filled logo beside it: ink that
    could be a chart's mark, so that the page is still read again for a chart
    (``tests/test_chart_gate.py``: a page with none is not)."""
    face = ImageFont.truetype(str(REGULAR), 20)
    image = Image.new("RGB", (900, 420), "white")
    draw = ImageDraw.Draw(image)
    xs = [40, 280, 410, 540]
    for r, row in enumerate(ROWS):
        for x, text in zip(xs, row, strict=True):
            draw.text((x, 30 + r * 40), text, fill="black", font=face)
    draw.line([(30, 62), (680, 62)], fill="black", width=2)
    draw.text((40, 300), NOTE, fill="black", font=face)
    draw.rectangle([760, 40, 820, 100], fill=(200, 60, 40))
    image.save(path)
    return path


@pytest.mark.skipif(not REGULAR.is_file(), reason="DejaVu fonts not installed")
def test_a_page_whose_table_was_read_gets_no_fallback_readings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = read_up_to_charts(table_with_numbers_under_it(tmp_path / "table.png"))
    assert len(work.record.ocr.tables) == 1
    assert work.record.ocr.tables[0].columns[:2] == ["Model", "MMLU"]
    # the numbers under the table make the page look worth a chart's reading
    assert charts._looks_like_chart(work)
    assert not charts._plainly_a_table(work)
    readings: list[str] = []
    reread, axis_strip_words = charts.reread, charts.axis_strip_words

    def counted_reread(*args: object, **kwargs: object) -> object:
        readings.append("faint" if kwargs.get("faint") else
                        "grey" if kwargs.get("grey_only") else "plain")
        return reread(*args, **kwargs)  # type: ignore[arg-type]

    def counted_strips(*args: object, **kwargs: object) -> object:
        readings.append("axis strips")
        return axis_strip_words(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charts, "reread", counted_reread)
    monkeypatch.setattr(charts, "axis_strip_words", counted_strips)
    charts.run(work, load_config())
    assert readings == ["plain"]
    assert work.record.charts == []
