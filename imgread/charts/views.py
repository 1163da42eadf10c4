"""Record views of a chart: (model, benchmark, value) scores and scaling-curve rows."""

from __future__ import annotations

import re

from ..record import Chart, Row, Score


def scores_from_chart(chart: Chart) -> list[Score]:
    """(model, benchmark, value) triples: series as model and category as benchmark when the
    series are named, else the category as model and the chart's title as benchmark."""
    named = any(series.name for series in chart.series)
    y_title = next((a.title for a in chart.axes if a.orientation == "y" and a.title), "")
    title = chart.title or y_title
    if chart.kind == "box":  # a box plot's points are medians: the benchmark says so
        title = chart.title or next((a.title for a in chart.axes if a.title), "")
        title = f"{title} (median)" if title else "Median"
    scores: list[Score] = []
    for series in chart.series:
        for point in series.points:
            if point.y is None:
                continue
            if chart.kind in ("bar", "hbar", "box"):
                if named and series.name and isinstance(point.x, str):
                    model, benchmark = series.name, point.x
                elif isinstance(point.x, str) and title:
                    model, benchmark = point.x, title
                else:
                    continue
                setting = None
            else:
                if not series.name or not (y_title or chart.title):
                    continue
                model, benchmark = series.name, y_title or chart.title
                setting = f"x={point.x:g}" if isinstance(point.x, float) else None
            scores.append(
                Score(
                    model=model, benchmark=benchmark, setting=setting, value=point.y,
                    source="chart", sources=[f"chart:{chart.kind}"],
                    confidence=point.confidence,
                    evidence={"label": point.label, "px": point.px, "py": point.py,
                              "provenance": point.provenance,
                              "uncertainty": point.uncertainty},
                )
            )
    return scores
_PARAMS = re.compile(r"param|size|\(B\)|billion", re.IGNORECASE)


def rows_from_chart(chart: Chart) -> list[Row]:
    """A row per point of a scaling curve: x is parameters (billions), y is MMLU."""
    x_axis = next((a for a in chart.axes if a.orientation == "x"), None)
    y_axis = next((a for a in chart.axes if a.orientation == "y"), None)
    if x_axis is None or y_axis is None or not _PARAMS.search(x_axis.title):
        return []
    if "mmlu" not in f"{y_axis.title} {chart.title}".lower():
        return []
    rows: list[Row] = []
    for series in chart.series:
        for point in series.points:
            if not isinstance(point.x, float) or point.y is None:
                continue
            rows.append(
                Row(
                    model=series.name, params_b=point.x, mmlu=point.y,
                    source="chart", sources=[f"chart:{chart.kind}"],
                    confidence=point.confidence, evidence={"px": point.px, "py": point.py},
                )
            )
    return rows
