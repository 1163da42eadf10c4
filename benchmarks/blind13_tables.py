"""The thirteenth blind test set of tables, written without reading the reader or any other
generator. Twelve looks, in turn:

- jira_issue: a table in an issue tracker's description, fields in a side panel;
- calc_preview: a spreadsheet's print preview, page margins, a group title over columns;
- outlook_email: a table pasted in an email, a blue header row and banded rows;
- overleaf_split: LaTeX source on the left, the PDF's ruled table (settings, daggers) right;
- poster_band: a conference poster panel under a coloured title band, as JPEG;
- emoji_status: a model card whose table has a status column of symbols and words;
- best_underline: a paper table, best score bold and second best underlined per column;
- jupyter_cut: a notebook output cell scrolled so the last column is cut mid-way (only the
  whole columns are in the truth);
- tufte_blur: no rules at all, wide spacing, a serif face, blurred by 0.6 px;
- notes_app: a notes app (folders, a note list) whose note holds a grid with section lines;
- average_footer: "7 B" / "1.4 T" with a space, an "Average" row at the bottom (it names
  no model: it is no row of the truth);
- hindi_numbered: a Hindi page (English model names), row numbers in a first narrow
  column (no column of the truth: the model column is the first).

Truth per image: ``columns`` (the model column first), ``rows`` (``model``, ``cells`` as
printed, aligned with ``columns``; ``params_b``, ``tokens_t``, ``mmlu``), ``title`` (the
caption or heading that names the table, else null) and ``style``.

    python benchmarks/blind13_tables.py OUT_DIR [--count 48] [--seed 110000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import blind13_looks_apps as apps
import blind13_looks_pages as pages
from browser import Browser

LOOKS = {
    "jira_issue": apps.jira_issue,
    "calc_preview": apps.calc_preview,
    "outlook_email": apps.outlook_email,
    "overleaf_split": apps.overleaf_split,
    "poster_band": apps.poster_band,
    "emoji_status": apps.emoji_status,
    "best_underline": pages.best_underline,
    "jupyter_cut": pages.jupyter_cut,
    "tufte_blur": pages.tufte_blur,
    "notes_app": pages.notes_app,
    "average_footer": pages.average_footer,
    "hindi_numbered": pages.hindi_numbered,
}


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    styles = list(LOOKS)
    truth = {}
    browser = Browser((1600, 1000))
    try:
        for index in range(count):
            style = styles[index % len(styles)]
            rng = random.Random(f"blind13-tables/{seed}/{index}")
            data, ext, printed, title = LOOKS[style](rng, browser)
            name = f"{index:03d}_{style}.{ext}"
            (out / name).write_bytes(data)
            truth[name] = {"columns": printed.columns, "rows": printed.truth_rows(),
                           "title": title, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=110000)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
