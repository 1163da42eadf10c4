"""Words (and ruling lines) -> table cells -> scores and rows, one file per step:
``layout`` (lines, columns, header), ``cells`` (re-reads), ``repairs`` (units, decimals,
names), ``columns`` (what each column holds) and ``rows`` (scores and rows).

The layout logic sees only ``Word`` rows, never an engine, and works in upright pixels
(after the deskew turn; boxes are turned back to the loaded image's at the end).
"""

from __future__ import annotations

from functools import partial
from statistics import median
from typing import TYPE_CHECKING

from .. import ocr
from ..config import Config
from ..record import Box, Flag, Table, Word
from .arrow_marks import strip_arrow_marks
from .badges import strip_badges
from .capitals import restore_header_capitals
from .cells import recover_left_column, reread_numbers, settle_cell
from .change_columns import mark_change_columns
from .chrome import (
    strip_leading_marks,
    strip_ranks,
    strip_sort_marks,
    strip_trailing_icons,
    strip_type_icons,
)
from .column_numbers import without_column_numbers
from .columns import model_column, numeric_columns
from .continued import join_continued
from .cut import drop_cut_column
from .delimited import read_delimited
from .frame import beside_ruled_blocks, header_within_body
from .grid import read_grid, words_outside
from .grounds import on_table_ground
from .han_headers import complete_headers
from .header import settings_as_names
from .header_points import restore_header_points
from .highlights import reread_highlighted_numbers
from .inline_settings import split_inline_settings
from .layout import build_table, find_layouts, looks_like_a_table
from .line_numbers import without_gutter_column, without_line_numbers
from .lines import Layout, is_numeric_text
from .lost_commas import restore_lost_commas
from .marks import strip_raised_marks, strip_raised_tails, without_marked_numbers
from .name_repairs import (
    declares_dagger,
    repair_column_names,
    repair_model_names,
    repair_sizes_from_names,
    strip_footnote_marks,
)
from .name_rereads import reread_headers, reread_names, reread_wrapped_names
from .note_marks import strip_note_marks, without_note_words
from .panes import split_panes
from .popovers import hide_floating_boxes
from .prose import page_columns
from .rank_badges import strip_rank_badges
from .repairs import finish_numbers, repair_column
from .rotated import read_turned_names
from .row_spans import spread_row_spans
from .rows import rows_from_table, scores_from_table
from .second import second_opinion
from .sheet import read_frame
from .sidebar import without_side_navigation
from .size_readings import repair_sizes_misread
from .sublines import without_subtitles
from .summary_rows import move_summary_rows
from .tinted import reread_tinted_numbers
from .turned_headers import read_turned_headers
from .type_icons import strip_type_icon_ink

if TYPE_CHECKING:
    from ..preprocess import Prepared, Rule
    from ..work import Work

__all__ = [
    "extract_tables",
    "is_numeric_text",
    "model_column",
    "numeric_columns",
    "repair_column",
    "rows_from_table",
    "run",
    "scores_from_table",
    "settle_cell",
]


def extract_tables(
    words: list[Word], prepared: Prepared | None, config: Config
) -> tuple[list[Table], list[Flag]]:
    """Every table found in ``words`` (loaded-image pixels), with numbers settled."""
    tables, flags = [], []
    # Footnote marks after names and values ("71.9[a]") are no part of them.
    words = without_marked_numbers(without_note_words(words))
    # A spreadsheet's row numbers, letters and chrome are no table; its pale grid is.
    sheet, words, grid = read_frame(words, prepared, config.ocr)
    # A tooltip or menu over a few cells is no cells, and hides only those.
    words, prepared = hide_floating_boxes(words, prepared)
    # A column rule runs past a few rows; a shorter one is strokes of letters that a small,
    # blurred image stacks into a line.
    shortest = 3.5 * float(median(word.box.height for word in words)) if words else 0.0
    rules = (
        []
        if prepared is None
        else [
            Box(x1=rule.position - 1, y1=rule.start, x2=rule.position + 1, y2=rule.end)
            for rule in prepared.vertical
            if rule.end - rule.start >= shortest
        ]
    ) + grid
    horizontal = [] if prepared is None else [*prepared.horizontal, *prepared.typed_rows]
    dagger = declares_dagger([[words[i].text for i in line] for line in ocr.group_lines(words)])
    candidates: list[tuple[Table, Layout | None]] = []
    # A small page boxed cell by cell is read cell by cell; the page's words there are not
    # laid out again.
    gridded = (
        read_grid(words, prepared, config.ocr)
        if prepared is not None and config.tables.grid_cells
        else None
    )
    if gridded is not None and looks_like_a_table(gridded[0], config.tables.min_rows):
        candidates.append((gridded[0], None))
        flags.extend(gridded[1])
        words = words_outside(words, gridded[0].box)
    # Lines typed as delimited text (a CSV file's) are split at their delimiters: their
    # fields stand at other x on every line, and no layout lines them up.
    typed, words = read_delimited(words)
    candidates.extend((table, None) for table in typed)
    # A two-column page's columns are read apart: the text beside a table is no part of it.
    # A docs site's navigation beside a table is no column of it.
    # An app's other pane (an editor's source beside its compiled page) is read apart, and
    # a rule across the whole app (under its menu bar) is no row rule of a pane's table.
    beside = [] if prepared is None else prepared.horizontal
    # A paper's line numbers in its margin are no column of the table beside them.
    words = without_line_numbers(words)
    # A row of column numbers under the header ("(1) (2) ... (7)") is no name and no row.
    words = without_column_numbers(words)
    parts = [
        (part, _row_rules([rule for rule in horizontal if pane.holds(rule.start, rule.end)]))
        for pane in split_panes(words, prepared)
        for part in page_columns(
            beside_ruled_blocks(without_side_navigation(pane.words), beside)
        )
    ]
    for part, row_rules in parts:
        layout_words = partial(
            find_layouts,
            min_rows=config.tables.min_rows,
            min_cols=config.tables.min_cols,
            rules=rules,
            row_rules=row_rules,
        )
        layouts = layout_words(part)
        # A name's subtitle (its maker, licence or date in smaller or paler type) is no part
        # of the table: the layout is found again without it.
        kept = without_subtitles(part, layouts, rules, prepared)
        if len(kept) < len(part):
            layouts = layout_words(kept)
        for found in layouts:
            found.header = on_table_ground(found, prepared)
            found.header = header_within_body(found)
            candidates.append((build_table(found), found))
    for table, layout in candidates:
        if not looks_like_a_table(table, config.tables.min_rows):
            continue
        mark_change_columns(table)
        voter = None
        if layout is not None and prepared is not None and config.ocr.numeric_reread:
            if sheet is None:  # ink left of a sheet's cells is its row numbers
                recover_left_column(table, layout, prepared, config.ocr)
            reread_headers(table, layout, prepared, config.ocr)
            complete_headers(table, layout, prepared, config.ocr)
            read_turned_names(table, layout, prepared, config.ocr)
            read_turned_headers(table, layout, prepared, config.ocr)
            reread_names(table, prepared, config.ocr)
            reread_wrapped_names(table, layout, prepared, config.ocr)
            reread_numbers(table, layout.spans, prepared, config.ocr)
            reread_tinted_numbers(table, layout.spans, prepared, config.ocr)
            reread_highlighted_numbers(table, prepared, config.ocr)
            voter = partial(
                second_opinion, spans=layout.spans, prepared=prepared, settings=config.ocr
            )
        # Marks go before the numbers settle, and again after the second reader, which reads
        # doubtful names from the original pixels, marks and all.
        strip_note_marks(table)
        flags.extend(finish_numbers(table, voter))
        strip_note_marks(table)
        # A size's decimal comma read as nothing ("14T" of "1,4 T"), by its ink.
        flags.extend(restore_lost_commas(table, prepared))
        if layout is not None:  # an editor's gutter the page read missed, read again
            without_gutter_column(table, layout)
        # Raised marks read as a digit or letter glued on ("45.77", "Model-7B1"), by their ink.
        flags.extend(strip_raised_tails(table, prepared))
        mark_change_columns(table)
        if layout is not None:  # a grid read cell by cell reads each name's point in its cell
            restore_header_points(table, prepared)
        # A web page's sort arrows, ranks and icons, as the page and the re-reads left them.
        strip_sort_marks(table)
        strip_arrow_marks(table)
        strip_type_icons(table)
        strip_type_icon_ink(table, prepared)
        names = model_column(table)
        # A rank drawn as a circled number before each name, by its shape.
        strip_rank_badges(table, names, prepared, config.ocr)
        strip_ranks(table, names)
        strip_leading_marks(table, names)
        strip_trailing_icons(table, names)
        strip_badges(table, names, words, prepared)
        split_inline_settings(table)
        restore_header_capitals(table)
        flags.extend(repair_column_names(table))
        settings_as_names(table)
        flags.extend(repair_model_names(table))
        flags.extend(strip_footnote_marks(table, dagger))
        flags.extend(strip_raised_marks(table))
        flags.extend(repair_sizes_misread(table))
        flags.extend(repair_sizes_from_names(table))
        if layout is not None:  # a grid read cell by cell is boxed whole, its padding tiny
            drop_cut_column(table, prepared)
        if config.tables.row_spans:
            # A size merged over its family's rows is every one of those rows' size.
            spread_row_spans(table, prepared)
        move_summary_rows(table)
        tables.append(table)
    # A longtable's second page repeats the header: one table, its header copies voting.
    return join_continued(tables), flags


def _row_rules(horizontal: list[Rule]) -> list[Box]:
    """Row rules run across a table; shorter runs are the gaps of dense text lines."""
    longest = max((rule.end - rule.start for rule in horizontal), default=0)
    return [
        Box(x1=rule.start, y1=rule.position - 1, x2=rule.end, y2=rule.position + 1)
        for rule in horizontal
        if rule.end - rule.start >= 0.5 * longest
    ]


def _upright_words(words: list[Word], prepared: Prepared | None) -> list[Word]:
    if prepared is None or prepared.angle == 0.0:
        return words
    return [word.model_copy(update={"box": prepared.to_upright(word.box)}) for word in words]


def _boxes_to_image(table: Table, prepared: Prepared) -> None:
    """Cell and table boxes from upright pixels back to the loaded image's."""
    table.box = prepared.from_upright(table.box)
    for row in [*table.header_rows, *table.body]:
        for cell in row:
            if cell.box is not None:
                cell.box = prepared.from_upright(cell.box)


def run(work: Work, config: Config) -> None:
    prepared = work.prepared
    words = _upright_words(list(work.record.ocr.words), prepared)
    settings = ocr.page_settings(config.ocr, work.record.ocr.lang)
    tables, flags = extract_tables(words, prepared, config.model_copy(update={"ocr": settings}))
    if prepared is not None and prepared.angle:
        for table in tables:
            _boxes_to_image(table, prepared)
    work.record.ocr.tables = tables
    work.record.flags.extend(flags)
