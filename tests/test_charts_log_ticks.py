"""x axes as other renderers print their ticks (log and linear), on renders of the retired test sets
(tuning material now; ``fixtures/charts/SOURCES.md`` says which): each test one mechanism,
read through real Tesseract."""

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
def mantissa_powers() -> Record:
    """matplotlib with a style sheet: training tokens on a log x axis ticked 2×10², 3×10²,
    4×10², 6×10², 10³, 2×10³, 3×10³ in mathtext, the exponent small and only a little
    above the digits (OCR: "2x10?", "6x10", "10°", "3x 108")."""
    return read_image(FIXTURES / "mpl_mantissa_powers.png")


def test_a_small_exponent_beside_a_mantissa_is_read_again(mantissa_powers: Record) -> None:
    """The exponent stands only a tenth of the text's height above the "10": it is a raised
    glyph, read again alone; before, the ticks read 20, 30, 40 and every x a tenth of its
    value."""
    axis = _x_axis(mantissa_powers)
    assert axis.scale == "log"
    values = {t.value for t in axis.ticks}
    assert {200.0, 300.0, 1000.0, 3000.0} <= values, values
    kestrel = _series(_chart(mantissa_powers), "Kestrel")
    for x, y in ((200.0, 42.5), (1600.0, 61.9), (3200.0, 70.1)):
        assert _near(kestrel, x, y), (x, y, [(p.x, p.y) for p in kestrel.points])


@pytest.fixture(scope="module")
def negative_power() -> Record:
    """matplotlib, a house style: training tokens (T) on a log x axis ticked 10⁻¹ and 10⁰
    only (OCR: "10-1", "10^0")."""
    return read_image(FIXTURES / "mpl_negative_power.png")


def test_a_raised_minus_is_part_of_the_exponent(negative_power: Record) -> None:
    """"10-1" whose "-1" stands raised is 10⁻¹; before, no x axis was read."""
    axis = _x_axis(negative_power)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([0.1, 1.0])
    opt = _series(_chart(negative_power), "OPT")
    for x, y in ((0.1, 32.3), (1.0, 49.5), (4.0, 62.5)):
        assert _near(opt, x, y), (x, y, [(p.x, p.y) for p in opt.points])


@pytest.fixture(scope="module")
def decade_below_one() -> Record:
    """Vega-Lite: parameters (B) on a log x axis ticked 0.1, 1, 10, 100; OCR loses the "1"
    and splits "100" into "1" and "00"."""
    return read_image(FIXTURES / "vega_decade_below_one.png")


def test_plain_decades_below_one_place_a_log_axis(decade_below_one: Record) -> None:
    """"0.1" and "10" with no number between them are decades of a log axis; before, only
    decades from 1 up counted and x stayed in pixels."""
    axis = _x_axis(decade_below_one)
    assert axis.scale == "log"
    assert 0.1 in {t.value for t in axis.ticks}
    gemma = _series(_chart(decade_below_one), "Gemma")
    for x, y in ((0.35, 36.0), (2.7, 49.9), (30.0, 66.9)):
        assert _near(gemma, x, y), (x, y, [(p.x, p.y) for p in gemma.points])


def test_a_raised_exponent_read_as_a_plus_is_read_again() -> None:
    """10⁻¹ read "10+" (its raised "-1" taken for a sign) is read again alone; before, the
    x axis had one decade and no chart was found at all."""
    record = read_image(FIXTURES / "mpl_negative_power_as_plus.png")
    assert sorted(t.value for t in _x_axis(record).ticks) == pytest.approx([0.1, 1.0])


@pytest.fixture(scope="module")
def small_flush_sizes() -> Record:
    """Vega-Lite at 430 px: parameters on a log x axis ticked "0.1B" (set flush right of its
    tick), "1B", "10B" (its OCR box taking in the tick mark above it, so it reaches up into
    the plot) and "100B" (flush left of its tick); B read as 8 ("108")."""
    return read_image(FIXTURES / "vega_small_flush_sizes.png")


def test_flush_labels_are_fitted_at_their_tick_marks(small_flush_sizes: Record) -> None:
    """Three or four labels, two of them flush, do not line up within a few pixels on a
    small chart: fitted at their tick marks they do, and a label boxed with its mark is on
    the row of the others; before, x stayed in pixels."""
    axis = _x_axis(small_flush_sizes)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([0.1, 1.0, 10.0, 100.0])
    opt = _series(_chart(small_flush_sizes), "OPT")
    for x, y in ((0.125, 27.1), (2.7, 45.7), (66.0, 62.2)):
        assert _near(opt, x, y), (x, y, [(p.x, p.y) for p in opt.points])


def test_labels_that_lost_their_decimal_point_join_the_axis() -> None:
    """Vega-Lite, dark theme, JPEG: checkpoints ticked 2.0, 2.2 ... 5.0, nine of them read
    without their point ("28", "32" ... "46"). Those are the same axis at ten times its
    values: they join the labels read with a point; before, x read 30 for 3.0."""
    record = read_image(FIXTURES / "vega_dark_decimal_points_lost.jpg")
    axis = _x_axis(record)
    assert axis.scale == "linear"
    values = sorted(t.value for t in axis.ticks)
    assert len(values) >= 10 and values[0] >= 2.0 and values[-1] <= 5.0, values
    llama = _series(_chart(record), "Llama-2")
    for x, y in ((3.0, 38.5), (4.0, 49.2)):
        assert any(p.x is not None and not isinstance(p.x, str) and abs(p.x - x) <= 0.15
                   and p.y is not None and abs(p.y - y) <= 1.0 for p in llama.points), (
            x, y, [(p.x, p.y) for p in llama.points])


def test_an_exponent_read_apart_from_its_ten_is_joined_to_it() -> None:
    """bokeh's log ticks 10⁸ 10⁹ 10¹⁰: OCR reads each "10" alone, the small raised
    exponents lost or read as a word of their own ("10" above and right of the last);
    the "10" widened over its exponent's place is read again; before, x stayed in pixels."""
    record = read_image(FIXTURES / "bokeh_log_powers.png")
    axis = _x_axis(record)
    assert axis.scale == "log"
    assert sorted(t.value for t in axis.ticks) == pytest.approx([1e8, 1e9, 1e10])
    pythia = _series(_chart(record), "Pythia")
    for x, y in ((1e8, 28.0), (1.4e9, 41.0), (7e10, 60.0)):
        assert _near(pythia, x, y), (x, y, [(p.x, p.y) for p in pythia.points])
