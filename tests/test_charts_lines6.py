"""Line charts against training compute as plotly and others print it (issue 11, lines6), on
renders of the tuning looks (``fixtures/charts/SOURCES.md`` says which): each test one
mechanism, read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_charts_curves import _near
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Axis, Record

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _x_axis(record: Record) -> Axis:
    return next(a for a in _chart(record).axes if a.orientation == "x")


@pytest.fixture(scope="module")
def superscript_powers() -> Record:
    """plotly (seaborn template): training compute on a log x axis ticked "3×10¹⁸",
    "10¹⁹" ... "10²²" in the font's superscript digits, which hang from the digits' top
    line rather than standing above it (OCR: "1019", "3x1018")."""
    return read_image(FIXTURES / "plotly_superscript_powers.png")


def test_superscript_digits_are_an_exponent(superscript_powers: Record) -> None:
    """A superscript glyph's top is level with the "10" and its foot well above the
    baseline: it is a raised exponent; before, the ticks read 1019, 1020, 1021, 1022 as a
    linear axis and every point stood at about 1020."""
    axis = _x_axis(superscript_powers)
    assert axis.scale == "log"
    values = {t.value for t in axis.ticks}
    assert {1e19, 1e20, 1e21, 1e22} <= values, values
    mamba = _series(_chart(superscript_powers), "Mamba")
    for x, y in ((3e18, 52.9), (6e19, 63.4), (1e22, 85.0)):
        assert _near(mamba, x, y), (x, y, [(p.x, p.y) for p in mamba.points])
