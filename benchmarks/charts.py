"""Chart reading benchmark: each set reported separately.

    OMP_THREAD_LIMIT=1 python benchmarks/charts.py [--n 30] [--test 16] [--no-real]
                                                   [--fresh 24] [--fresh-seed 9000]
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-fresh      # the test set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind      # the blind test set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind2     # the second blind set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind3     # the third blind set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind4     # the fourth blind set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind5     # the fifth blind set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind6     # the sixth blind set alone
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind7     # the seventh, with its memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind8     # the eighth, with its memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind9     # the ninth, with its memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind10    # the tenth, with its memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind11    # the eleventh, with memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind12    # the twelfth, with memes
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind13    # the thirteenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind14    # the fourteenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind15    # the fifteenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind16    # the sixteenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind17    # the seventeenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --only-blind18    # the eighteenth, memes too
    OMP_THREAD_LIMIT=1 python benchmarks/charts.py --n 0 --test 0 --no-real --fresh 0 \
        --looks 12 [--looks-seed 100] [--look bars]                 # the chart looks alone

- tuning: charts from ``synth_charts.py`` (the set readers are tuned on);
- unseen (tuning): charts from ``unseen_charts.py`` (SVG in Chromium and other matplotlib
  styles). It was the held-out set until its generator was looked at while tuning: a
  tuning set now, printed as such;
- TEST: charts from ``fresh_charts.py`` (Vega-Lite, plotly in Chromium, hand-written SVG,
  themed matplotlib), written by rules independent of the reader and of both generators
  above, with a line per style: score only, never look at its images or tune on it; a new
  ``--fresh-seed`` gives new charts;
- TEST (blind): charts from ``blind_charts.py`` (plotly, Vega-Lite, house-styled
  matplotlib, SVG on slides and in posts), written without reading the reader or any
  generator above; not in the default run (``--blind [N]``, 24 by default, or
  ``--only-blind``), a line per style; score only, never look at its readings or tune on it;
- TEST (blind2): charts from ``blind2_charts.py`` (plotly, Vega-Lite, seaborn, house-styled
  matplotlib, SVG on a slide, a chart in a post), written without reading the reader or
  any other generator; not in the default run (``--blind2 [N]``, 24 by default, or
  ``--only-blind2``), a line per style; scored once at the end of a round, never tuned on;
- TEST (blind3): charts from ``blind3_charts.py`` (Vega-Lite, pygal, seaborn, bokeh, dark and
  paper-styled matplotlib, SVG on a slide, a chart in a social post), written without reading
  the reader or any other generator; not in the default run (``--blind3 [N]``, 24 by default,
  or ``--only-blind3``), a line per style; scored by the coordinator only, never tuned on;
- TEST (blind4): charts from ``blind4_charts.py`` (Chart.js-like and ECharts-like canvas bars,
  plotly sorted bars, an SVG of scores against compute, dark matplotlib scaling curves, a
  Google Slides editor, a LinkedIn post, a W&B-like panel), written without reading the
  reader or any other generator; not in the default run (``--blind4 [N]``, 24 by default,
  or ``--only-blind4``), a line per style; scored by the coordinator only, never tuned on;
- TEST (blind5): charts from ``blind5_charts.py`` (Datawrapper-like sorted bars, Excel
  clustered columns, a dark keynote slide, Observable-like lines over releases, matplotlib
  with its own rcParams on a log axis of parameters, seaborn grouped bars in a document, PIL
  bars in a Reddit post shrunk to a JPEG, plotly's dark template on a log axis of tokens),
  written without reading the reader or any other generator; not in the default run
  (``--blind5 [N]``, 24 by default, or ``--only-blind5``), a line per style; scored by the
  coordinator only, never tuned on;
- TEST (blind6): charts from ``blind6_charts.py`` (fivethirtyeight labelled columns,
  Vega-Lite grouped bars, Flourish-like sorted horizontal bars in SVG, plotly lines against
  compute on a log axis, seaborn lines over release months, a dark Grafana-like panel,
  matplotlib scaling curves inside a blog post, pygal columns shrunk to a JPEG), written
  without reading the reader or any other generator; not in the default run (``--blind6
  [N]``, 24 by default, or ``--only-blind6``), a line per style; scored by the coordinator
  only, never tuned on;
- TEST (blind7): charts from ``blind7_charts.py`` (ggplot-styled labelled horizontal bars,
  seaborn darkgrid grouped columns as JPEG, Vega-Lite dark lines over months, plotly lines
  on a log axis of parameters named at their ends, pygal dark grouped horizontal bars,
  paper-style grouped columns with error bars, Solarized matplotlib lines against tokens,
  an SVG card of labelled lines against steps), written without reading the reader or any
  other generator; not in the default run (``--blind7 [N]``, 24 by default, or
  ``--only-blind7``), a line per style; scored by the coordinator only, never tuned on.
  ``--blind7-memes [N]`` (16 by default, and in ``--only-blind7``) reads the text-only
  images of ``blind7_memes.py`` (captioned memes, posts, bullet slides, numbered lists) and
  prints on how many a chart was found: each is a false chart;
- TEST (blind8): charts from ``blind8_charts.py`` (plotly "simple_white" grouped columns,
  Vega-Lite rounded horizontal bars labelled at their ends, matplotlib "bmh" lines on a log
  axis of parameters, pygal lines over releases printed as categories, an HTML/CSS bar list
  on a dark card, labelled columns in a phone post as JPEG, Vega-Lite dark lines against
  training tokens, seaborn "ticks" lines against steps), written without reading the reader
  or any other generator; not in the default run (``--blind8 [N]``, 24 by default, or
  ``--only-blind8``), a line per style; scored by the coordinator only, never tuned on.
  ``--blind8-memes [N]`` (16 by default, and in ``--only-blind8``) reads the text-only
  images of ``blind8_memes.py`` (captions over flat and noisy backgrounds, posts, chats,
  bullet slides, numbered lists, sticky notes, e-mails) and prints on how many a chart was
  found: each is a false chart;
- TEST (blind9): charts from ``blind9_charts.py`` (matplotlib "grayscale" horizontal bars
  labelled at their ends, "petroff10" lines with markers on a log axis of parameters,
  HTML/CSS grouped columns with a legend, seaborn-pastel labelled grouped columns as JPEG,
  a dark hand-written SVG of lines without markers against steps, lines over release
  quarters printed as categories, labelled CSS horizontal bars on a dark gradient slide,
  matplotlib "classic" lines without markers on a log axis of training tokens), written
  without reading the reader or any other generator; not in the default run (``--blind9
  [N]``, 24 by default, or ``--only-blind9``), a line per style; scored by the coordinator
  only, never tuned on. ``--blind9-memes [N]`` (16 by default, and in ``--only-blind9``)
  reads the text-only images of ``blind9_memes.py`` (outlined captions over blurred and
  grainy gradients, posts, chat bubbles, bullet slides, numbered lists) and prints on how
  many a chart was found: each is a false chart;
- TEST (blind10): charts from ``blind10_charts.py`` (matplotlib labelled horizontal
  lollipops, a Vega-Lite line over a shaded area against training steps, xkcd-style
  unlabelled columns, pygal XY lines with dots on a log axis of parameters, seaborn point
  plots over model sizes printed as categories, "tableau-colorblind10" grouped horizontal
  bars with a legend, plotly "ggplot2" lines with markers on a log axis of training tokens,
  Vega-Lite dark labelled columns as JPEG), written without reading the reader or any other
  generator; not in the default run (``--blind10 [N]``, 24 by default, or
  ``--only-blind10``), a line per style; scored by the coordinator only, never tuned on.
  ``--blind10-memes [N]`` (16 by default, and in ``--only-blind10``) reads the text-only
  images of ``blind10_memes.py`` (quote cards, two-panel reaction memes, forum replies
  quoting a post, two columns of paper prose, Python comment blocks in a dark editor, news
  pages with a photo placeholder) and prints on how many a chart was found: each is a
  false chart;
- TEST (blind11): charts from ``blind11_charts.py`` (dark matplotlib horizontal bars with
  white values inside their ends, lines told apart by dashes alone with the legend below,
  plotly "simple_white" grouped columns with the legend on top, Vega-Lite lines with points
  on a log axis of training tokens, seaborn labelled columns with turned names as JPEG,
  matplotlib lines with each point's value written beside it over training steps, SVG
  grouped horizontal bars with rounded ends, unlabelled columns on an axis that starts
  well above zero), written without reading the reader or any other generator; not in the
  default run (``--blind11 [N]``, 24 by default, or ``--only-blind11``), a line per style;
  scored by the coordinator only, never tuned on. ``--blind11-memes [N]`` (16 by default,
  and in ``--only-blind11``) reads the text-only images of ``blind11_memes.py`` (notes in
  an italic hand on ruled paper, emails in a mail client, terminals of training logs,
  sticky-note boards, changelogs, search results pages) and prints on how many a chart was
  found: each is a false chart;
- TEST (blind12): charts from ``blind12_charts.py`` (columns drawn on a canvas the way
  Chart.js draws them with a tooltip frozen open, spreadsheet-like grouped columns under a
  title bar, horizontal bars whose long names wrap over two lines as JPEG, labelled
  columns on a broken y axis, lines with shaded bands and a dashed target line, a dark
  Grafana-like panel with a legend table of mean/max/last under it, log-log lines with
  the legend in the upper left, seaborn lines on a log y axis over epochs), written
  without reading the reader or any other generator; not in the default run
  (``--blind12 [N]``, 24 by default, or ``--only-blind12``), a line per style; scored by
  the coordinator only, never tuned on. ``--blind12-memes [N]`` (16 by default, and in
  ``--only-blind12``) reads the text-only images of ``blind12_memes.py`` (threads of
  replies, issue pages with comments, READMEs with shield badges, slides of two text
  columns, dark chat channels, wiki articles with an infobox of key: value lines) and
  prints on how many a chart was found: each is a false chart;
- TEST (blind13): charts from ``blind13_charts.py`` (labelled columns with error bars, two
  stacked areas whose truth is each series' own value, dark sorted bars with monospace
  values at their ends, lines on a left and a right y axis, Bokeh lines with its toolbar on
  a log x axis, hatched grouped horizontal bars with the legend under them, Vega-Lite
  grouped columns in a notes page with thousands separators, low-DPI log-x lines enlarged
  as JPEG), written without reading the reader or any other generator; not in the default
  run (``--blind13 [N]``, 24 by default, or ``--only-blind13``), a line per style; scored
  by the coordinator only, never tuned on. ``--blind13-memes [N]`` (16 by default, and in
  ``--only-blind13``) reads the text-only images of ``blind13_memes.py`` (calendar day
  views, recipe cards, chat announcements with bulleted numbers, newsletter headers over a
  hero placeholder, tickets with key: value fields, diffs of prose) and prints on how many
  a chart was found: each is a false chart;
- TEST (blind14): charts from ``blind14_charts.py`` (grey columns with one in colour and
  white labels inside, photographed at a slight angle as JPEG; Vega-Lite gains and losses
  around zero with signed labels; lines over confidence bands on a log x axis; Highcharts-
  like lines with a subtitle, credits and an annotation arrow; a dark notebook cell of
  lines on a "%" y axis; spreadsheet lines over dates; four-series Vega-Lite columns with
  the legend at the right and dotted gridlines; Cleveland dot plots), written without
  reading the reader or any other generator; not in the default run (``--blind14 [N]``, 24
  by default, or ``--only-blind14``), a line per style; scored by the coordinator only,
  never tuned on. ``--blind14-memes [N]`` (16 by default, and in ``--only-blind14``) reads
  the text-only images of ``blind14_memes.py`` (professional posts with hashtags, error
  dialogs, podcast transcripts, job postings, encyclopedia paragraphs with references,
  docs with note and warning boxes) and prints on how many a chart was found: each is a
  false chart;
- TEST (blind15): charts from ``blind15_charts.py`` (dumbbell dots joined per model;
  spreadsheet columns over their own data table; ggplot-like facets with strip titles, one
  line per panel; a dark plotly chart with its y axis only at the right in "1,250"
  thousands over log x; Vega-Lite columns with error bars as JPEG; Solarize_Light2 log-x
  lines; plotly lines over a range slider; 100 % stacked horizontal bars), written without
  reading the reader or any other generator; not in the default run (``--blind15 [N]``, 24
  by default, or ``--only-blind15``), a line per style; scored by the coordinator only,
  never tuned on. ``--blind15-memes [N]`` (16 by default, and in ``--only-blind15``) reads
  the text-only images of ``blind15_memes.py`` (phone message threads with timestamps,
  code review suggestions, film frames with subtitles, book pages with a drop cap, paper
  title pages, motivational posters) and prints on how many a chart was found: each is a
  false chart;
- TEST (blind16): charts from ``blind16_charts.py`` (sorted bars with white values inside;
  log "training tokens (B)" lines with shaded bands and 10^n ticks; Vega-Lite grouped
  columns with a two-row legend below; SVG lollipop columns; grey hatched grouped columns
  as JPEG; dark lines with every value printed; a slide's line chart with a dashed human
  baseline and an arrow; Vega-Lite lines with one highlighted, the others faded), written
  without reading the reader or any other generator; not in the default run (``--blind16
  [N]``, 24 by default, or ``--only-blind16``), a line per style; scored by the coordinator
  only, never tuned on. ``--blind16-memes [N]`` (16 by default, and in ``--only-blind16``)
  reads the text-only images of ``blind16_memes.py`` (issue comments with a code block,
  dark posts quoting a post, lecture slides of prose, browser error pages, README install
  sections, ``git log`` output) and prints on how many a chart was found: each is a false
  chart;
- TEST (blind17): charts from ``blind17_charts.py`` and text-only images from
  ``blind17_memes.py``, written the same way (``--blind17 [N]``, ``--blind17-memes [N]``,
  ``--only-blind17``); scored by the coordinator only, never tuned on;
- TEST (blind18): charts from ``blind18_charts.py`` and text-only images from
  ``blind18_memes.py``, written the same way (``--blind18 [N]``, ``--blind18-memes [N]``,
  ``--only-blind18``); scored by the coordinator only, never tuned on;
- real: the bar charts with ground truth in ../shared/data/real (also tuning);
- text-only memes (tuning): ``--memes N`` pages of text with numbers and no chart
  (``chart_looks/text_memes.py``: captions, posts, chats, slides, ranked lists); prints on
  how many a chart was found (issue 11: on none);
- looks (tuning, not in the default run): ``--looks N`` charts of each look in
  ``chart_looks/`` (plotly in Chromium, Vega-Lite through vl-convert, themed matplotlib and
  seaborn), with a line per look and per style.

Prints, per set: point F1 for bars (category, and series where there are several, with the
value within ±1.0) and for lines (series, x within 5% (relative on a log axis), or the
same name where x is a category, y within ±1.0); for the tuning set also the share of
points within 2% of the axis range and series-name accuracy; for the real charts the F1 of
(model, benchmark, value) triples (exact to 0.05, and within 1 unit) and how many values
from printed labels are exact; and the chart stage's time per image (the goal: ≤ 0.5 s on
one core).
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind2_charts import generate as generate_blind2
from blind3_charts import generate as generate_blind3
from blind4_charts import generate as generate_blind4
from blind5_charts import generate as generate_blind5
from blind6_charts import generate as generate_blind6
from blind7_charts import generate as generate_blind7
from blind7_memes import generate as generate_blind7_memes
from blind8_charts import generate as generate_blind8
from blind8_memes import generate as generate_blind8_memes
from blind9_charts import generate as generate_blind9
from blind9_memes import generate as generate_blind9_memes
from blind10_charts import generate as generate_blind10
from blind10_memes import generate as generate_blind10_memes
from blind11_charts import generate as generate_blind11
from blind11_memes import generate as generate_blind11_memes
from blind12_charts import generate as generate_blind12
from blind12_memes import generate as generate_blind12_memes
from blind13_charts import generate as generate_blind13
from blind13_memes import generate as generate_blind13_memes
from blind14_charts import generate as generate_blind14
from blind14_memes import generate as generate_blind14_memes
from blind15_charts import generate as generate_blind15
from blind15_memes import generate as generate_blind15_memes
from blind16_charts import generate as generate_blind16
from blind16_memes import generate as generate_blind16_memes
from blind17_charts import generate as generate_blind17
from blind17_memes import generate as generate_blind17_memes
from blind18_charts import generate as generate_blind18
from blind18_memes import generate as generate_blind18_memes
from blind_charts import generate as generate_blind
from chart_looks import LOOKS, text_memes
from fresh_charts import generate as generate_fresh
from synth_charts import Truth, render
from unseen_charts import generate as generate_unseen

from imgread.charts import scores_from_chart
from imgread.config import Config
from imgread.pipeline import read_image
from imgread.record import Record

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"
TEST_SEED = 5000  # unseen_charts' seed (a tuning set now)


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("gpt-40", "gpt-4o"))


def similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def score_generated(record: Record, truth: Truth) -> tuple[int, int, int, int]:
    """(points within 2%, points, series named right, series)."""
    read = [s for chart in record.charts for s in chart.series]
    named = sum(any(norm(s.name) == norm(name) for s in read) for name in truth.series)
    good = total = 0
    for name, points in truth.series.items():
        series = next((s for s in read if norm(s.name) == norm(name)), None)
        for x, y in points:
            total += 1
            if series is None or not series.points:
                continue
            if truth.kind == "bar":
                near = [p.y for p in series.points if isinstance(p.x, str) and similar(p.x, str(x))]
            else:
                near = [_at(series.points, float(x), truth.log_x)]
            good += any(v is not None and abs(v - y) <= 0.02 * truth.y_range for v in near)
    return good, total, named, len(truth.series)


def _at(points: list, x: float, log_x: bool) -> float | None:
    """The series read at x: the nearest point in x (scatter/markers), interpolated between."""
    usable = sorted((p.x, p.y) for p in points if isinstance(p.x, float) and p.y is not None)
    if not usable:
        return None
    import numpy as np

    xs = np.array([u[0] for u in usable])
    ys = np.array([u[1] for u in usable])
    if log_x:
        xs, x = np.log10(np.maximum(xs, 1e-9)), float(np.log10(x))
    span = xs.max() - xs.min() or 1.0
    if x < xs.min() - 0.03 * span or x > xs.max() + 0.03 * span:
        return None
    return float(np.interp(x, xs, ys))


def point_counts(record: Record, truth: dict) -> tuple[int, int, int]:
    """(points read right, points read, points true) for one chart's truth
    ({kind, log_x, series: {name: [[x, y], ...]}}): a bar by its category, a line point by
    its x; the series name counts where the chart has several. A truth with ``y_relative``
    (a log y axis) takes y within that share of its value."""
    bars = truth["kind"] in ("bar", "hbar", "box")  # a box's x is its category, as a bar's
    within = truth.get("y_tolerance", 1.0)
    relative = truth.get("y_relative")  # a log y axis: y within a share of its value
    several = len(truth["series"]) > 1
    read = [(series.name, point) for chart in record.charts for series in chart.series
            for point in series.points if point.y is not None]
    true = [(name, x, y) for name, points in truth["series"].items() for x, y in points]
    numeric = [float(x) for _, x, _ in true if not isinstance(x, str)]
    x_span = (max(numeric) - min(numeric)) if numeric else 1.0
    used: set[int] = set()
    right = 0
    for name, x, y in true:
        for index, (series_name, point) in enumerate(read):
            if index in used or (several and not similar(series_name, name)):
                continue
            if bars:
                same_x = isinstance(point.x, str) and similar(point.x, str(x))
            elif isinstance(x, str):  # a category along x ("Mar 24"): the point must name it
                same_x = isinstance(point.x, str) and norm(point.x) == norm(x)
            elif not isinstance(point.x, float | int) or isinstance(point.x, bool):
                same_x = False
            elif truth.get("log_x"):
                same_x = point.x > 0 and abs(math.log10(point.x / float(x))) <= math.log10(1.05)
            else:
                same_x = abs(point.x - float(x)) <= 0.05 * x_span
            if same_x and point.y is not None and _y_near(point.y, y, within, relative):
                used.add(index)
                right += 1
                break
    return right, len(read), len(true)


def _y_near(read: float, true: float, within: float, relative: float | None) -> bool:
    if relative is None:
        return abs(read - true) <= within
    return read > 0 and abs(math.log(read / true)) <= math.log(1 + relative)


def f1(right: int, read: int, true: int) -> float:
    precision, recall = right / max(read, 1), right / max(true, 1)
    return 2 * precision * recall / (precision + recall) if right else 0.0


def synth_truth(truth: Truth) -> dict:
    """A synth_charts truth in the shape point_counts scores."""
    kind = "bar" if truth.kind == "bar" else "line"
    return {"kind": kind, "log_x": truth.log_x,
            "series": {k: [list(p) for p in v] for k, v in truth.series.items()}}


def print_f1(title: str, tallies: dict[str, list[int]]) -> None:
    print(f"{title:<28}{'right':>7}{'read':>7}{'true':>7}{'F1':>7}")
    for kind in ("bar", "line"):
        right, read, true = tallies.get(kind, [0, 0, 0])
        print(f"  {kind + ' points':<26}{right:>7}{read:>7}{true:>7}{f1(right, read, true):>7.2f}")


def real_bar_charts() -> list[str]:
    truth = json.loads((REAL / "truth.json").read_text())
    return sorted(name for name, item in truth.items() if item["kind"] == "bar_chart")


def f1_real(records: dict[str, Record], tolerance: float) -> tuple[float, float, float]:
    truth = json.loads((REAL / "truth.json").read_text())
    tp = n_read = n_true = 0
    for stem, record in records.items():
        wanted = [s for s in truth[stem]["scores"] if s["value"] is not None]
        read = [s for chart in record.charts for s in scores_from_chart(chart)]
        n_read += len(read)
        n_true += len(wanted)
        used: set[int] = set()
        for item in wanted:
            for index, score in enumerate(read):
                if index in used or score.value is None:
                    continue
                if (
                    similar(score.model, item["model"])
                    and similar(score.benchmark, item["benchmark"])
                    and abs(score.value - item["value"]) <= tolerance
                ):
                    used.add(index)
                    tp += 1
                    break
    precision = tp / n_read if n_read else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def labels_exact(records: dict[str, Record]) -> tuple[int, int]:
    """Of the scores read from a printed value label (and matched to a truth triple by
    name), how many carry exactly the truth's value."""
    truth = json.loads((REAL / "truth.json").read_text())
    exact = total = 0
    for stem, record in records.items():
        wanted = [s for s in truth[stem]["scores"] if s["value"] is not None]
        for score in (s for chart in record.charts for s in scores_from_chart(chart)):
            if score.evidence.get("label") is None or score.value is None:
                continue
            item = next((w for w in wanted if similar(score.model, w["model"])
                         and similar(score.benchmark, w["benchmark"])), None)
            if item is not None:
                total += 1
                exact += abs(score.value - item["value"]) <= 0.051
    return exact, total


def measured_within(records: dict[str, Record], share: float = 0.01) -> tuple[int, int]:
    """Of the values measured from a bar's height (no label read) and matched to a truth
    triple by name, how many lie within ``share`` of the axis range of the truth."""
    truth = json.loads((REAL / "truth.json").read_text())
    good = total = 0
    for stem, record in records.items():
        wanted = [s for s in truth[stem]["scores"] if s["value"] is not None]
        for chart in record.charts:
            ticks = [t.value for axis in chart.axes for t in axis.ticks]
            span = (max(ticks) - min(ticks)) if ticks else 0.0
            for score in scores_from_chart(chart):
                if score.evidence.get("provenance") != "measured" or score.value is None:
                    continue
                alike = [w["value"] for w in wanted if similar(score.model, w["model"])
                         and similar(score.benchmark, w["benchmark"])]
                if alike:
                    total += 1
                    good += min(abs(score.value - v) for v in alike) <= share * span
    return good, total


def real_misses(records: dict[str, Record]) -> list[tuple[str, str, str]]:
    """Each truth triple not read exactly, as (image, kind, detail): "not read" (no
    reading names its model and benchmark), "label misread" or "measured off" (one does,
    with another value, from a printed label or from the bar's height)."""
    truth = json.loads((REAL / "truth.json").read_text())
    misses = []
    for stem, record in records.items():
        read = [s for chart in record.charts for s in scores_from_chart(chart)]
        for item in (s for s in truth[stem]["scores"] if s["value"] is not None):
            alike = [s for s in read if similar(s.model, item["model"])
                     and similar(s.benchmark, item["benchmark"])]
            if any(s.value is not None and abs(s.value - item["value"]) <= 0.051 for s in alike):
                continue
            kind = "not read" if not alike else (
                "label misread" if alike[0].evidence.get("provenance") == "label"
                else "measured off")
            got = f", read {alike[0].value}" if alike else ""
            misses.append((stem, kind, f"{item['model']} / {item['benchmark']} = "
                                       f"{item['value']}{got}"))
    return misses


def read_drawn(
    drawn: dict, folder: Path, config: Config, label: str
) -> Iterator[tuple[str, dict, Record, str]]:
    """Each drawn chart read: its tag for the slowest list, its truth, its record, and
    whether it is scored as bars or lines."""
    for name, truth_item in drawn.items():
        kind = {"bar": "bar", "hbar": "bar", "box": "box"}.get(truth_item["kind"], "line")
        yield f"{label} {name}", truth_item, read_image(folder / name, config), kind


# The blind chart sets, each written by rules of its own: name -> (ordinal for the help
# text, default seed, generator). Each gets --NAME [N], --NAME-seed and --only-NAME.
BLIND_SETS = {
    "blind": ("", 12000, generate_blind),
    "blind2": ("second ", 14000, generate_blind2),
    "blind3": ("third ", 24000, generate_blind3),
    "blind4": ("fourth ", 34000, generate_blind4),
    "blind5": ("fifth ", 44000, generate_blind5),
    "blind6": ("sixth ", 54000, generate_blind6),
    "blind7": ("seventh ", 64000, generate_blind7),
    "blind8": ("eighth ", 74000, generate_blind8),
    "blind9": ("ninth ", 84000, generate_blind9),
    "blind10": ("tenth ", 94000, generate_blind10),
    "blind11": ("eleventh ", 104000, generate_blind11),
    "blind12": ("twelfth ", 107000, generate_blind12),
    "blind13": ("thirteenth ", 111000, generate_blind13),
    "blind14": ("fourteenth ", 115000, generate_blind14),
    "blind15": ("fifteenth ", 119000, generate_blind15),
    "blind16": ("sixteenth ", 123000, generate_blind16),
    "blind17": ("seventeenth ", 127000, generate_blind17),
    "blind18": ("eighteenth ", 131000, generate_blind18),
}
# The blind sets' text-only memes: set name -> (default seed, generator). Each gets
# --NAME-memes [N] and --NAME-memes-seed, and --only-NAME reads them too.
BLIND_MEMES = {
    "blind7": (65000, generate_blind7_memes),
    "blind8": (75000, generate_blind8_memes),
    "blind9": (85000, generate_blind9_memes),
    "blind10": (95000, generate_blind10_memes),
    "blind11": (105000, generate_blind11_memes),
    "blind12": (108000, generate_blind12_memes),
    "blind13": (112000, generate_blind13_memes),
    "blind14": (116000, generate_blind14_memes),
    "blind15": (120000, generate_blind15_memes),
    "blind16": (124000, generate_blind16_memes),
    "blind17": (128000, generate_blind17_memes),
    "blind18": (132000, generate_blind18_memes),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=30, help="tuning charts (default 30)")
    parser.add_argument("--test", type=int, default=16, help="held-out charts (default 16)")
    parser.add_argument("--no-real", action="store_true", help="leave out the real charts")
    parser.add_argument("--misses", action="store_true",
                        help="list each real chart's triples not read exactly")
    parser.add_argument("--fresh", type=int, default=24, help="test charts (fresh_charts)")
    parser.add_argument("--fresh-seed", type=int, default=9000, help="fresh_charts seed")
    parser.add_argument("--looks", type=int, default=0, help="charts of each chart look")
    parser.add_argument("--looks-seed", type=int, default=100, help="chart looks seed")
    parser.add_argument("--memes", type=int, default=10,
                        help="text-only memes (chart_looks/text_memes): no chart may be found")
    parser.add_argument("--memes-seed", type=int, default=100, help="text memes seed")
    parser.add_argument("--look", action="append", choices=sorted(LOOKS),
                        help="only this chart look (repeatable; all by default)")
    parser.add_argument(
        "--only-fresh", action="store_true", help="the test set alone: --n 0 --test 0 --no-real"
    )
    for name, (ordinal, seed, _) in BLIND_SETS.items():
        parser.add_argument(f"--{name}", type=int, nargs="?", const=24, default=0,
                            help=f"{ordinal}blind test charts ({name}_charts; 24 when no "
                            "number)")
        parser.add_argument(f"--{name}-seed", type=int, default=seed,
                            help=f"{name}_charts seed")
        parser.add_argument(f"--only-{name}", action="store_true",
                            help=f"the {ordinal}blind set alone: --n 0 --test 0 --fresh 0 "
                            "--no-real")
    for name, (seed, _) in BLIND_MEMES.items():
        parser.add_argument(f"--{name}-memes", type=int, nargs="?", const=16, default=0,
                            help=f"text-only memes of {name} ({name}_memes; 16 when no "
                            "number)")
        parser.add_argument(f"--{name}-memes-seed", type=int, default=seed,
                            help=f"{name}_memes seed")
    args = parser.parse_args()
    for name in BLIND_MEMES:
        if getattr(args, f"only_{name}"):
            setattr(args, f"{name}_memes", getattr(args, f"{name}_memes") or 16)
    if args.only_fresh:
        args.n, args.test, args.no_real, args.memes = 0, 0, True, 0
    for name in BLIND_SETS:
        if getattr(args, f"only_{name}"):
            args.n, args.test, args.fresh, args.no_real, args.memes = 0, 0, 0, True, 0
            setattr(args, name, getattr(args, name) or 24)
    config = Config()
    chart_ms: list[float] = []
    slowest = (0.0, "")
    started = time.perf_counter()
    by_kind: dict[str, list[int]] = {}
    tuning: dict[str, list[int]] = {}
    test: dict[str, list[int]] = {}
    # the two test sets: (label, generator, count, seed) -> kind and per-style tallies
    test_sets = [
        ("TEST", "fresh", generate_fresh, args.fresh, args.fresh_seed),
        *((f"TEST ({name})", name, generate, getattr(args, name), getattr(args, f"{name}_seed"))
          for name, (_, _, generate) in BLIND_SETS.items()),
    ]
    tested: dict[str, dict[str, list[int]]] = {name: {} for _, name, *_ in test_sets}
    tested_styles: dict[str, dict[str, dict[str, list[int]]]] = {
        name: {} for _, name, *_ in test_sets
    }
    looks: dict[str, dict[str, list[int]]] = {}
    look_styles: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(args.n):
            rgb, truth = render(seed)
            path = Path(folder) / f"chart_{seed}.png"
            Image.fromarray(rgb).save(path)
            record = read_image(path, config)
            chart_ms.append(record.timings_ms.get("charts", 0.0))
            slowest = max(slowest, (chart_ms[-1], f"tuning seed {seed}"))
            good, total, named, series = score_generated(record, truth)
            tally = by_kind.setdefault(truth.kind, [0, 0, 0, 0])
            for i, v in enumerate((good, total, named, series)):
                tally[i] += v
            shaped = synth_truth(truth)
            counts = tuning.setdefault(shaped["kind"], [0, 0, 0])
            for i, v in enumerate(point_counts(record, shaped)):
                counts[i] += v
        generated_s = time.perf_counter() - started
        if args.test:
            held_out = Path(folder) / "unseen"
            try:
                unseen = generate_unseen(held_out, args.test, TEST_SEED)
            except RuntimeError as error:  # no Chromium: the held-out set cannot be drawn
                print(f"held-out charts skipped: {error}", file=sys.stderr)
                unseen = {}
            for tag, truth_item, record, kind in read_drawn(unseen, held_out, config, "test"):
                chart_ms.append(record.timings_ms.get("charts", 0.0))
                slowest = max(slowest, (chart_ms[-1], tag))
                counts = test.setdefault(kind, [0, 0, 0])
                for i, v in enumerate(point_counts(record, truth_item)):
                    counts[i] += v
        for _, name, generate, count, seed in test_sets:
            if not count:
                continue
            set_folder = Path(folder) / name
            try:
                drawn = generate(set_folder, count, seed)
            except RuntimeError as error:  # no Chromium: the test set cannot be drawn
                print(f"{name} charts skipped: {error}", file=sys.stderr)
                drawn = {}
            for tag, truth_item, record, kind in read_drawn(drawn, set_folder, config, name):
                chart_ms.append(record.timings_ms.get("charts", 0.0))
                slowest = max(slowest, (chart_ms[-1], tag))
                style = tested_styles[name].setdefault(truth_item["style"], {})
                for tally in (tested[name].setdefault(kind, [0, 0, 0]),
                              style.setdefault(kind, [0, 0, 0])):
                    for i, v in enumerate(point_counts(record, truth_item)):
                        tally[i] += v
        for set_name, (_, generate_memes) in BLIND_MEMES.items():
            if not getattr(args, f"{set_name}_memes"):
                continue
            memes_folder = Path(folder) / f"{set_name}_memes"
            memes = generate_memes(memes_folder, getattr(args, f"{set_name}_memes"),
                                   getattr(args, f"{set_name}_memes_seed"))
            charted = [name for name in memes if read_image(memes_folder / name, config).charts]
            print(f"(memes) a chart found on {len(charted)} of {len(memes)} text-only memes "
                  f"{' '.join(charted[:6])}".rstrip())
        for look, module in LOOKS.items() if args.looks else ():
            if args.look and look not in args.look:
                continue
            look_folder = Path(folder) / look
            try:
                drawn = module.generate(look_folder, args.looks, args.looks_seed)
            except RuntimeError as error:  # no Chromium: a look drawn in it is left out
                print(f"{look} charts skipped: {error}", file=sys.stderr)
                continue
            for tag, truth_item, record, kind in read_drawn(drawn, look_folder, config, look):
                chart_ms.append(record.timings_ms.get("charts", 0.0))
                slowest = max(slowest, (chart_ms[-1], tag))
                counts = point_counts(record, truth_item)
                for tally in (looks.setdefault(look, {}).setdefault(kind, [0, 0, 0]),
                              look_styles.setdefault(truth_item["style"], {}).setdefault(
                                  kind, [0, 0, 0])):
                    for i, v in enumerate(counts):
                        tally[i] += v
        memes = text_memes.generate(Path(folder) / "memes", args.memes, args.memes_seed)
        charted = [name for name in memes
                   if read_image(Path(folder) / "memes" / name, config).charts]
    records: dict[str, Record] = {}
    if REAL.is_dir() and not args.no_real:
        for name in real_bar_charts():
            record = read_image(REAL / "images" / name, config)
            chart_ms.append(record.timings_ms.get("charts", 0.0))
            slowest = max(slowest, (chart_ms[-1], f"real {name}"))
            records[name] = record
    if args.n:
        print(f"{'tuning: synth_charts':<28}{'points within 2%':>18}{'series named':>16}")
        for kind, (good, total, named, series) in sorted(by_kind.items()):
            print(f"  {kind:<26}{good:>8}/{total:<4} {good / max(total, 1):>5.0%}"
                  f"{named:>8}/{series:<3}{named / max(series, 1):>5.0%}")
        good = sum(t[0] for t in by_kind.values())
        total = sum(t[1] for t in by_kind.values())
        named = sum(t[2] for t in by_kind.values())
        series = sum(t[3] for t in by_kind.values())
        print(f"  {'all':<26}{good:>8}/{total:<4} {good / max(total, 1):>5.0%}"
              f"{named:>8}/{series:<3}{named / max(series, 1):>5.0%}")
        print_f1(f"tuning: {args.n} synth_charts", tuning)
    if test:
        print_f1(f"tuning: {args.test} unseen_charts", test)
    for label, name, _, count, _ in test_sets:
        if not tested[name]:
            continue
        print_f1(f"{label}: {count} {name}_charts", tested[name])
        for style, tallies in sorted(tested_styles[name].items()):
            for kind, (right, read, true) in sorted(tallies.items()):
                line = f"  {style} ({kind})"
                print(f"{line:<28}{right:>7}{read:>7}{true:>7}{f1(right, read, true):>7.2f}")
    if looks:
        print(f"{f'tuning: {args.looks} of each chart look':<28}{'right':>7}{'read':>7}"
              f"{'true':>7}{'F1':>7}")
        for group in (looks, look_styles):
            for name, tallies in sorted(group.items()):
                for kind, (right, read, true) in sorted(tallies.items()):
                    line = f"  {name} ({kind})"
                    print(f"{line:<28}{right:>7}{read:>7}{true:>7}"
                          f"{f1(right, read, true):>7.2f}")
    if records:
        print(f"\n{'real bar charts (F1 of triples)':<36}{'precision':>10}{'recall':>8}{'F1':>6}")
        for tolerance, label in ((0.051, "values exact (±0.05)"), (1.0, "values within 1 unit")):
            p, r, f = f1_real(records, tolerance)
            print(f"{label:<36}{p:>10.2f}{r:>8.2f}{f:>6.2f}")
            for stem, record in records.items():
                p, r, f = f1_real({stem: record}, tolerance)
                print(f"  {stem:<34}{p:>10.2f}{r:>8.2f}{f:>6.2f}")
        exact, total = labels_exact(records)
        print(f"values from printed labels, exact: {exact}/{total} ({exact / max(total, 1):.0%})")
        good, total = measured_within(records)
        print(f"values measured from bars, within 1% of the axis range: {good}/{total}")
        misses = real_misses(records)
        kinds = sorted({kind for _, kind, _ in misses})
        print("triples not exact, by kind: " + (", ".join(
            f"{kind} {sum(k == kind for _, k, _ in misses)}" for kind in kinds) or "none"))
        for stem, kind, detail in misses if args.misses else []:
            print(f"  {stem}: {kind}: {detail}")
    if memes:  # issue 11: a page of text with numbers is no chart
        print(f"\ncharts found on {len(charted)} of {len(memes)} text-only memes (tuning) "
              + " ".join(charted))
    mean_ms = sum(chart_ms) / max(len(chart_ms), 1)
    median_ms = sorted(chart_ms)[len(chart_ms) // 2]
    print(f"\nchart stage: {mean_ms:.0f} ms/image mean, {median_ms:.0f} median, max "
          f"{slowest[0]:.0f} ms ({slowest[1]}); {1000 / max(mean_ms, 1e-9):.1f} images/s "
          "on one core")
    if args.n:
        print(f"whole pipeline on tuning charts: {args.n / generated_s:.2f} images/s")


if __name__ == "__main__":
    main()
