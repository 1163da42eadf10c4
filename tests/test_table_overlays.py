"""Tables with something laid over or across them (issue 16, overlays): a tooltip over a
few cells of a web leaderboard, and a benchmark's variants named with another separator
("MMLU.Pro" beside "MMLU")."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import REPO

from imgread.pipeline import read_image
from imgread.record import Record
from imgread.tables import scores_from_table
from imgread.units import normalise_model_name

FACES = Path("/usr/share/fonts/truetype")
needs_fonts = pytest.mark.skipif(
    not (FACES / "dejavu/DejaVuSans.ttf").exists(), reason="fonts absent"
)

BENCHES = ["MMLU (5-shot)", "CMMLU", "GPQA", "TriviaQA", "DROP"]
MODELS = ["Falcon-40B", "ChatGLM3-6B", "Qwen-14B", "MPT-30B", "Mistral-7B", "Vicuna-13B",
          "BLOOM-176B", "Phi-2"]


def _scores(record: Record) -> dict[tuple[str, str], float]:
    return {(normalise_model_name(s.model), s.benchmark.lower()): s.value
            for t in record.ocr.tables for s in scores_from_table(t) if s.value is not None}


@needs_fonts
@pytest.mark.parametrize(("face", "size", "seed"), [(0, 15, 3), (1, 13, 7), (2, 14, 11)])
def test_a_tooltip_over_two_columns_costs_only_the_cells_it_covers(
    face: int, size: int, seed: int, tmp_path: Path
) -> None:
    """A dark rounded tooltip (three lines of white text) over the last two columns of the
    rows under the selected one. Its lines ran across the gutter between the two columns:
    the layout took them for one column and both were lost for every row, and its words
    ("vLLM 0.3, temperature 0") became cells. Found by its shape and taken out, it hides
    only the cells under it."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks.popovers import draw_board

    rng = random.Random(seed)
    values = [[f"{rng.uniform(25, 89):.1f}" for _ in BENCHES] for _ in MODELS]
    image, covered = draw_board(rng, BENCHES, MODELS, values, (3, 4), face, size)
    path = tmp_path / "board.png"
    image.save(path)
    read = _scores(read_image(path))
    shown = {(normalise_model_name(m), b.split(" (")[0].lower()): float(v)
             for r, (m, row) in enumerate(zip(MODELS, values, strict=True))
             for c, (b, v) in enumerate(zip(BENCHES, row, strict=True))
             if not covered[r][c + 1]}
    assert any(any(line) for line in covered)  # the box hides some cells
    right = sum(1 for k, v in shown.items() if read.get(k) == v)
    assert right >= len(shown) - 2  # every column is kept, beside and under the box
    hidden = {(normalise_model_name(m), b.split(" (")[0].lower())
              for r, m in enumerate(MODELS) for c, b in enumerate(BENCHES)
              if covered[r][c + 1]}
    assert not hidden & set(read)  # the tooltip's own text is no cell
