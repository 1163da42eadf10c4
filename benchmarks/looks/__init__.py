"""Tuning looks: small generators, one per kind of table the reader found hard.

Each module has ``generate(out, count, seed) -> truth`` in the format of
``benchmarks/tables.py``. They were written while tuning, and their images were looked at:
they are tuning sets, never test sets.
"""

from looks import (
    across,
    ascii_block,
    cell_kinds,
    cramped,
    databars,
    decks,
    documents,
    html_grid,
    intervals,
    layouts,
    leaderboard,
    leaders,
    mpl_table,
    paper_table,
    pastel,
    pdf_viewer,
    phone_cjk,
    raised_marks,
    readme,
    runs,
    signed,
    spreadsheet,
    text_drawn,
    tiny_grid,
    turned,
    wiki,
)

LOOKS = {
    "tiny_grid": tiny_grid,
    "html_grid": html_grid,
    "mpl_table": mpl_table,
    "ascii_block": ascii_block,
    "spreadsheet": spreadsheet,
    "phone_cjk": phone_cjk,
    "paper_table": paper_table,
    "leaderboard": leaderboard,
    "readme": readme,
    "pdf_viewer": pdf_viewer,
    "documents": documents,
    "cramped": cramped,
    "across": across,
    "decks": decks,
    "cell_kinds": cell_kinds,
    "layouts": layouts,
    "pastel": pastel,
    "text_drawn": text_drawn,
    "intervals": intervals,
    "runs": runs,
    "signed": signed,
    "wiki": wiki,
    "databars": databars,
    "turned": turned,
    "leaders": leaders,
    "raised_marks": raised_marks,
}
