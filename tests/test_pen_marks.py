"""A printed table photographed after a reader marked it (preprocess/pen_marks.py): a
highlighter stroke along a row and a pen loop round a cell are no ink of the table."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, SHARED
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.preprocess import to_grey
from imgread.preprocess.pen_marks import erase_pen_marks
from imgread.record import Record
from imgread.tables import scores_from_table
from imgread.units import normalise_model_name

FACES = Path("/usr/share/fonts/truetype")
needs_fonts = pytest.mark.skipif(
    not (FACES / "dejavu/DejaVuSans.ttf").exists(), reason="fonts absent"
)


def _scores(record: Record) -> dict[tuple[str, str], float]:
    return {(normalise_model_name(s.model), s.benchmark.lower()): s.value
            for t in record.ocr.tables for s in scores_from_table(t) if s.value is not None}


def _marked(seed: int, folder: Path) -> tuple[Path, dict[tuple[str, str], float], str]:
    """A marked, photographed table from the tuning look: its file, the scores it prints
    and the name of the row under the highlighter."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks.pen_marks import marked_table

    image, header, rows, marked = marked_table(random.Random(seed))
    path = folder / f"marked_{seed}.jpg"
    image.save(path, quality=70)
    printed = {(normalise_model_name(row[0]), name.split(" (")[0].lower()): float(value)
               for row in rows for name, value in zip(header[1:], row[1:], strict=True)}
    return path, printed, normalise_model_name(rows[marked][0])


@needs_fonts
@pytest.mark.parametrize("seed", [1, 6, 8])
def test_a_marked_photographed_table_reads_as_printed(seed: int, tmp_path: Path) -> None:
    """Without the marks taken out, the highlighted row lost its scores (its ground read in
    patches along the stroke's wavy edges) and the loop's stroke in a gutter merged two
    columns: 28/32, 27/54 and 16/20 of the scores at these seeds, the marked row none of
    its own in two of them."""
    path, printed, marked = _marked(seed, tmp_path)
    read = _scores(read_image(path))
    right = sum(1 for k, v in printed.items() if read.get(k) == v)
    assert right >= len(printed) - 2
    row = {k: v for k, v in printed.items() if k[0] == marked}
    assert sum(1 for k, v in row.items() if read.get(k) == v) >= len(row) - 1


def _coloured_page() -> np.ndarray:
    """A white page with a line of black text, a line of blue and red text (links, a best
    score) and white type on an orange button: colour the page prints."""
    image = Image.new("RGB", (520, 200), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FACES / "dejavu/DejaVuSans.ttf"), 16)
    draw.text((20, 20), "Model MMLU GSM8K HumanEval", fill="black", font=font)
    draw.text((20, 60), "Plover 7B", fill=(20, 60, 200), font=font)
    draw.text((200, 60), "71.4", fill=(210, 30, 30), font=font)
    draw.rounded_rectangle((20, 110, 180, 150), 6, fill=(255, 150, 20))
    draw.text((34, 120), "Submit 8B", fill="white", font=font)
    return np.array(image)


@needs_fonts
def test_the_colours_a_page_prints_are_no_marks() -> None:
    """Coloured text (thin strokes, glyph-sized) and white type on a light saturated button
    are left as they are: only bands holding dark text, and loops wider than a glyph, go."""
    page = _coloured_page()
    cleaned, erased = erase_pen_marks(page)
    assert erased == []
    assert cleaned is page


@needs_fonts
def test_a_highlighter_band_turns_white_and_its_text_stays_dark() -> None:
    """A yellow marker multiplied over a row of black text: in the colour image's grey the
    band is about 215, under Tesseract's threshold in patches; taken out, the band is as
    light as the page and the text as dark as before."""
    image = Image.new("RGB", (520, 120), (250, 249, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FACES / "dejavu/DejaVuSans.ttf"), 16)
    draw.text((30, 50), "Dunlin v2 8B Instruct    20.2    64.8", fill=(20, 20, 20), font=font)
    marker = Image.new("RGB", image.size, "white")
    ImageDraw.Draw(marker).rectangle((5, 38, 515, 82), fill=(255, 240, 60))
    rgb = np.array(image, dtype=np.float32) * np.array(marker, dtype=np.float32) / 255
    rgb = rgb.astype(np.uint8)
    cleaned, erased = erase_pen_marks(rgb)
    assert erased == ["highlighter"]
    band_before, band_after = to_grey(rgb)[40:46, 300:500], to_grey(cleaned)[40:46, 300:500]
    assert band_before.mean() < 225 < band_after.mean()
    text = to_grey(rgb)[50:70, 30:250] < 60  # the strokes' cores; their rims grow lighter
    assert (to_grey(cleaned)[50:70, 30:250][text] < 100).mean() > 0.98


@needs_fonts
@pytest.mark.parametrize("seed", [1, 6])
def test_marks_on_a_photo_taken_closer_are_found_on_a_reduced_copy(seed: int) -> None:
    """Type three times as tall (glyphs of about 40 px): the marks are sought on a copy
    reduced to 20 px glyphs and taken out at full size, about as much of the page (in
    proportion) as at the size the marks were drawn."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks.pen_marks import marked_table

    image = marked_table(random.Random(seed))[0].convert("RGB")
    closer = image.resize((image.width * 3, image.height * 3), Image.Resampling.LANCZOS)
    changed = {}
    for name, page in (("drawn", np.array(image)), ("closer", np.array(closer))):
        cleaned, erased = erase_pen_marks(page)
        assert erased == ["pen_loop", "highlighter"], name
        changed[name] = int((np.abs(cleaned.astype(int) - page).max(axis=2) > 30).sum())
    assert 0.5 < changed["closer"] / (9 * changed["drawn"]) < 2.0


REAL = SHARED / "data" / "real" / "images"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/data/real absent")
@pytest.mark.parametrize("name", ["dscoderv2_perf_bar.png", "glm47_bench_multipanel.png"])
def test_a_large_charts_coloured_marks_are_no_pen_loops(name: str) -> None:
    """Sought at full size, a ring of a chart's coloured shapes (glyphs of 37-47 px, so its
    strokes and arcs several times a pen's) passed for a loop and was painted over."""
    page = np.array(Image.open(REAL / name).convert("RGB"))
    assert "pen_loop" not in erase_pen_marks(page)[1]
