"""Blind test set 18, tables: screenshots of LLM benchmark tables drawn in Chromium.

Usage: python benchmarks/blind18_tables.py OUT_DIR [--count 48] [--seed 130000]

Looks (STYLE in each file's name), in turn:
- confluence_lozenges: a Confluence page, bordered table with a "Status" column of lozenges;
- gdocs_comments: a Google Docs page, black-ruled table, comment cards in the right margin;
- discord_box_drawing: a Discord bot embed (dark) with a box-drawing (┌─┬─┐) table in code;
- notion_db_view: a Notion database table view (light/dark), "Aa"/"#" property icons, blanks;
- latex_multicolumn_groups: a LaTeX booktabs table, a group header row over sub-benchmarks;
- phone_pinned_scroll: a phone app (2-3x), table scrolled right with the model column pinned;
- rank_arrows_sparklines: a leaderboard card, "Rank" with ▲/▼ moves, a "Trend" sparkline;
- transposed_benchmarks: models across the top, benchmarks (and size) as the rows;
- tweet_quote_frame: a tweet quoting a post whose image is a small titled table (JPEG);
- mkdocs_sortable: an MkDocs Material page, a Markdown table with sort icons in the headers;
- email_quoted_gt: a plain-text email reply, a pipe table quoted with "> " (or "> > ");
- scanned_book_rotated: a scanned book page, grey and noisy, rotated up to 2 degrees (JPEG).

Truth (truth.json, file name -> dict): columns (header names as printed, the first the model
column; in the sub-header row where there are group headers), rows (model: name as printed;
cells: strings as printed, one per column, the model's cell first; params_b: from a printed
parameters column, else from the size the name states; tokens_t: from a printed
training-tokens column, else null; mmlu: float, null where the cell is a dash, empty or
"n/a"), title (the caption, page or card heading printed above the table, "" if none),
style. Notion's "Aa"/"#" property icons and the sort icons are not part of a header. Left
out: the rank/move column and the "Trend" column of rank_arrows_sparklines, the columns
scrolled off to the left in phone_pinned_scroll (only the visible ones are listed).
transposed_benchmarks: its truth is given per model as if not transposed: columns are the
corner cell's text and then the row labels as printed, each row's cells the model's name (as
printed across the top) and then its values down its column. Status cells are kept as cells.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind18_io import generate as _generate
from blind18_io import run_cli
from blind18_table_looks import LOOKS


def generate(out: Path, count: int = 48, seed: int = 130000) -> dict:
    return _generate("tables", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("tables", LOOKS, 48, 130000)
