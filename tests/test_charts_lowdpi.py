"""Low-DPI line charts enlarged and saved as JPEG (the ``lowdpi`` chart look's
``mpl_lowdpi_sizes``): matplotlib at 55-60 dpi, enlarged 1.75 times bilinearly, JPEG quality
70. Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_charts_lines import _chart

from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

XS = [0.5, 1.0, 3.0, 7.0, 13.0, 34.0]
SERIES = {"HumanEval": [23.0, 26.6, 30.3, 35.6, 38.1, 41.6],
          "DROP": [30.2, 36.2, 44.1, 50.7, 52.9, 57.4],
          "ARC-C": [50.7, 55.4, 60.3, 61.9, 66.9, 72.9]}


def _low_dpi(path: Path, dpi: int) -> Path:
    """Three benchmarks over model sizes on a log x axis ticked at the sizes ("0.5B" ...),
    round and square markers, the legend at the upper right; drawn at ``dpi``, enlarged
    1.75 times (bilinear) and saved as a JPEG of quality 70."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, NullLocator
    from PIL import Image

    figure, ax = plt.subplots(figsize=(7.0, 4.5))
    for index, (name, ys) in enumerate(SERIES.items()):
        ax.plot(XS, ys, marker="os"[index % 2], markersize=6, label=name, linewidth=2)
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(FixedLocator(XS))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{x:g}B" for x in XS])
    ax.set_xlabel("Model size (parameters)")
    ax.set_ylabel("Score")
    ax.legend(loc="upper right")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    plt.close(figure)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    image = image.resize((round(image.width * 1.75), round(image.height * 1.75)),
                         Image.Resampling.BILINEAR)
    image.save(path, quality=70)
    return path


@pytest.mark.parametrize("dpi", [55, 60])
def test_blurred_legend_names_are_read_by_the_second_engine(tmp_path: Path, dpi: int) -> None:
    """The legend's names, six pixels tall and blurred, defeat Tesseract however the crop
    is scaled ("rendve", "Humankvel" for HumanEval): a name read unsure or not at all is
    read beside its sample by RapidOCR too. Before, a series stayed unnamed or misnamed."""
    record = read_image(_low_dpi(tmp_path / f"low_{dpi}.jpg", dpi))
    names = {series.name for series in _chart(record).series}
    assert set(SERIES) <= names, names
