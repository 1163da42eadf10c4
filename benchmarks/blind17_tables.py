"""Blind test set 17, tables: screenshots of LLM benchmark tables drawn in Chromium.

Usage: python benchmarks/blind17_tables.py OUT_DIR [--count 48] [--seed 126000]

Looks (STYLE in each file's name), in turn:
- streamlit_app: a Streamlit page, filter sidebar, st.dataframe grid with a 0..n index;
- arxiv_html_caption: arXiv's HTML paper table, "Table N:" caption, group rows, bold, daggers;
- slack_psql_ascii: a Slack message (light/dark) with psql output in a code block;
- wandb_runs_dark: a Weights & Biases style runs table, dark, run dots, "eval/..." headers;
- beamer_madrid: a LaTeX Beamer slide (frame-title bar, footer bar), best values coloured;
- de_comma_blog: a German news article, striped table, decimal commas ("67,3"), "Tabelle N:";
- ko_blog: a Korean blog post (Naver style), bordered table with Korean headers;
- printed_page_photo: a printed table photographed on a desk (perspective, light, blur, JPEG);
- vscode_rainbow_csv: a CSV file in VS Code with Rainbow CSV colours and line numbers;
- grafana_thresholds: a Grafana table panel, dark, cells coloured by threshold, maybe "%";
- reddit_post_table: a Reddit post (light or dark) with a Markdown table in its body;
- mailing_list_pre: a Pipermail archive page, space-aligned table in <pre>, maybe a "mean" row.

Truth (truth.json, file name -> dict): columns (header names as printed, the first the model
column), rows (model: name as printed without a footnote mark; cells: strings as printed, one
per column, the model's cell first, a dagger kept there when printed; params_b: from a printed
parameters column, else from the size the name states; tokens_t: from a printed
training-tokens column, else null; mmlu: float, null where the cell is a dash, empty or
"n/a"), title (the caption, panel title or post heading printed above the table, "" if
none), style. Left out: index columns (Streamlit's, VS Code's line numbers), group heading
rows, a "mean" row, psql's "(N rows)".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind17_io import generate as _generate
from blind17_io import run_cli
from blind17_table_looks import LOOKS


def generate(out: Path, count: int = 48, seed: int = 126000) -> dict:
    return _generate("tables", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("tables", LOOKS, 48, 126000)
