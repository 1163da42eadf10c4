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

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import blind13_looks_apps as apps
import blind13_looks_pages as pages
from blind13_data import Drawn, cli, write_shot_set
from blind13_table_parts import Printed
from browser import Browser

# A look draws its image and says what it printed: (bytes, extension, table, title).
Look = Callable[[random.Random, Browser], tuple[bytes, str, Printed, str | None]]
LOOKS: dict[str, Look] = {
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


def with_truth(look: Look) -> Callable[[random.Random, Browser], Drawn]:
    """A look's printed table as the truth item of its image."""

    def draw(rng: random.Random, browser: Browser) -> Drawn:
        data, ext, printed, title = look(rng, browser)
        return data, ext, {"columns": printed.columns, "rows": printed.truth_rows(),
                           "title": title}

    return draw


def generate(out: Path, count: int, seed: int) -> dict:
    looks = {name: with_truth(look) for name, look in LOOKS.items()}
    return write_shot_set(out, count, seed, "tables", (1600, 1000), looks)


if __name__ == "__main__":
    cli(generate, __doc__, 48, 110000)
