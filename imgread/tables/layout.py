"""Table layout: the body (the longest run of lines holding several chunks, mostly
numbers), the lines that continue its rows (wrapped names), the columns (the x-ranges the
body's chunks cover) and the header, built into a ``Table``. Upright pixels throughout."""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from ..ocr.phrase import Phrase
from ..ocr.script import close_cjk_spaces
from ..record import Box, Cell, Table, Word
from ..units import is_missing
from .bands import join_group, ruled_rows, split_rows
from .chrome import drop_stray_ends, names_with_sort_marks
from .frame import column_rules_extent, within_column_rules
from .group_rows import take_group_rows
from .header import header_lines, join_header, join_hyphen_breaks, split_settings
from .lines import (
    LOW_CONFIDENCE,
    Layout,
    TextLine,
    column_of,
    column_ranges,
    extend,
    is_body_line,
    is_group_label,
    is_numeric_text,
    solid,
    text_lines,
    tidy_label,
)
from .points import join_point_splits
from .prose import heads_rows, is_prose_line
from .spread_columns import join_spread_columns
from .stacked_names import size_under_name


def body_runs(lines: list[TextLine]) -> list[list[int]]:
    """Runs of body lines, the gap between neighbours no more than about twice the usual
    row pitch, plus room for each group label between them ("Code", "Instruction-Tuned
    Models"); other lines in between (a rule read as "EES SSS") are skipped without
    breaking the run. Longest first."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if not is_body_line(line) or is_prose_line(line) or names_with_sort_marks(line):
            continue  # a sentence that ends in a number ("... gains of 15.3%") is no row
        if runs:
            previous = lines[runs[-1][-1]]
            pitch = _pitch([lines[j] for j in runs[-1]]) or 3 * previous.box.height
            between = [lines[j] for j in range(runs[-1][-1] + 1, i)]
            labels = sum(1 for other in between if is_group_label(other))
            if line.box.cy - previous.box.cy > (2.2 + 2.0 * labels) * pitch or any(
                _names_columns(other, line) for other in between
            ):
                runs.append([])
        else:
            runs.append([])
        runs[-1].append(i)
    return sorted(runs, key=len, reverse=True)


def _names_columns(line: TextLine, body: TextLine) -> bool:
    """A line of text pieces, about as many as the body line has cells: a header, which
    starts a table (what is above it is something else, or another table)."""
    sure_numbers = sum(
        1 for c in line.chunks if is_numeric_text(c.text) and c.confidence >= LOW_CONFIDENCE
    )
    return sure_numbers == 0 and len(line.chunks) >= max(3, len(body.chunks) - 1)


def rows_without_numbers(lines: list[TextLine], run: list[int]) -> list[int]:
    """Lines in or next to a run that are rows whose every value is missing ("Ibis-Turbo
    n/a", "Model-X - -"): a name, then only missing marks, each under a number column of
    the run. They are not body lines (no number), yet they are rows."""
    numbers = column_ranges(
        [
            TextLine(
                chunks=[c for c in lines[i].chunks[1:] if is_numeric_text(c.text)], box=lines[i].box
            )
            for i in run
        ]
    )
    pitch = _pitch([lines[i] for i in run]) or 2 * lines[run[0]].box.height
    top, bottom = lines[run[0]].box.cy - 1.3 * pitch, lines[run[-1]].box.cy + 1.3 * pitch
    found = []
    members = set(run)
    for index, line in enumerate(lines):
        if index in members or not top <= line.box.cy <= bottom or len(line.chunks) < 2:
            continue
        first, rest = line.chunks[0], line.chunks[1:]
        if is_missing(first.text) or is_numeric_text(first.text):
            continue
        if all(
            is_missing(chunk.text)
            and any(min(chunk.box.x2, x2) > max(chunk.box.x1, x1) for x1, x2 in numbers)
            for chunk in rest
        ):
            found.append(index)
    return found


def _pitch(lines: list[TextLine]) -> float:
    gaps = [b.box.cy - a.box.cy for a, b in pairwise(lines)]
    return float(median(gaps)) if gaps else 0.0


def _row_gap(lines: list[TextLine], run: list[int]) -> float | None:
    """The usual blank height between two body rows that follow each other directly."""
    gaps = [lines[b].box.y1 - lines[a].box.y2 for a, b in pairwise(run) if b == a + 1]
    return float(median(gaps)) if gaps else None


def _covers(line: TextLine, chunk: Phrase) -> bool:
    """``line`` has text in the x-range of ``chunk``."""
    return any(min(c.box.x2, chunk.box.x2) > max(c.box.x1, chunk.box.x1) for c in line.chunks)


def _row_band(line: TextLine, rules: list[Box]) -> tuple[float, float] | None:
    """The ruled band a line sits in: the nearest row rules above and below its centre
    that span it, when they are close enough to hold one row (about two lines)."""
    spanning = [r for r in rules if r.x1 - 3 <= line.box.x1 and r.x2 + 3 >= line.box.x2]
    above = [r.cy for r in spanning if r.cy <= line.box.cy]
    below = [r.cy for r in spanning if r.cy > line.box.cy]
    if not above or not below:
        return None
    top, bottom = max(above), min(below)
    return (top, bottom) if bottom - top <= 3.5 * line.box.height else None


def wrapped_lines(
    lines: list[TextLine],
    run: list[int],
    row_rules: list[Box] | None = None,
    column_rules: list[Box] | None = None,
) -> dict[int, list[int]]:
    """Lines that continue a body row's text cells (a long model name wrapped onto a second
    line, or onto a line above and one below when the row's numbers sit in the middle):
    position in ``run`` -> indices of its continuation lines.

    A continuation has only text, under no numeric column, and sits as close to its row
    as lines of one cell do (closer than rows sit to each other). It joins the row whose
    own line leaves that cell empty when both are about as near, else the nearer one. In
    a grid ruled row by row, the rules decide: a line joins the row in its band. Where
    column rules run down the body, a line past their ends is outside the table (a shell
    prompt under a typed table, psql's "(4 rows)")."""
    numbers = [
        TextLine(chunks=[c for c in lines[i].chunks if is_numeric_text(c.text)], box=lines[i].box)
        for i in run
    ]
    # A number column holds numbers in more than one row; a size inside one spaced-out name
    # ("Juniper 30B Base") makes no column of its own.
    numeric = [
        (x1, x2)
        for x1, x2 in column_ranges(numbers)
        if sum(any(min(c.box.x2, x2) > max(c.box.x1, x1) for c in line.chunks) for line in numbers)
        >= min(2, len(run))
    ]
    row_gap = _row_gap(lines, run)
    pitch = _pitch([lines[i] for i in run])
    members = set(run)
    framed = column_rules_extent(column_rules or [], [lines[i] for i in run])
    found: dict[int, list[int]] = {}
    for index in range(max(0, run[0] - 1), min(len(lines), run[-1] + 2)):
        line = lines[index]
        if index in members or not solid(line):
            continue
        if framed is not None and not framed[0] <= line.box.cy <= framed[1]:
            continue
        straddled = _straddled_rows(line, lines, run, index)
        if straddled is not None:
            # A value merged over the rows around it (rowspan), printed on their boundary:
            # placed in the row above, where ``row_spans`` finds its extent.
            found.setdefault(straddled, []).append(index)
            continue
        if line.numeric and not (
            index - 1 in members
            and (_broken_at_hyphen(lines[index - 1]) or size_under_name(line, lines[index - 1]))
        ):
            continue  # a size under a name broken after its hyphen ("BLOOM-" / "7.1B") ends it
        if any(min(c.box.x2, x2) > max(c.box.x1, x1) for c in line.chunks for x1, x2 in numeric):
            continue
        height = max(line.box.height, 1)
        if index - 1 in members and _ends_broken_name(lines[index - 1], line):
            found.setdefault(run.index(index - 1), []).append(index)
            continue
        limit = 0.8 * height if row_gap is None else min(0.8 * height, 0.75 * row_gap)
        above = [p for p, row in enumerate(run) if row < index]
        below = [p for p, row in enumerate(run) if row > index]
        neighbours = ([above[-1]] if above else []) + ([below[0]] if below else [])
        if _between_rows(line, [lines[run[p]] for p in neighbours]):
            continue
        candidates = []
        for position in neighbours:
            body = lines[run[position]]
            gap = line.box.y1 - body.box.y2 if run[position] < index else body.box.y1 - line.box.y2
            fills = not any(_covers(body, chunk) for chunk in solid(line))
            if run[position] > index and not fills and heads_rows(line, body, pitch):
                continue
            # Past the last row only a line as tight as one cell's lines continues it (a
            # note under a table is set further off); before the first, one it fills, or
            # one that touches it and stands well apart from the line above (the header).
            if not above:
                clear = index == 0 or line.box.y1 - lines[index - 1].box.y2 >= 0.8 * height
                allowed = fills or (gap <= 0.2 * height and clear)
            else:
                allowed = bool(below) or fills or gap <= 0.5 * height
            band = _row_band(line, row_rules or [])
            if band is not None:
                allowed = band[0] <= body.box.cy <= band[1]
            if gap <= limit and allowed:
                candidates.append((gap, not fills, run[position] > index, position))
        if candidates:
            # The nearer row; when both are about as near, the one whose cell is empty.
            nearest = min(gap for gap, *_ in candidates)
            close = [c for c in candidates if c[0] <= nearest + 0.3 * height]
            found.setdefault(min(close, key=lambda c: (c[1], c[0], c[2]))[3], []).append(index)
    return found


def _broken_at_hyphen(row: TextLine) -> bool:
    """The row's first cell ends with a hyphen: its name goes on in the line below."""
    return bool(row.chunks) and row.chunks[0].text.endswith("-")


def _ends_broken_name(row: TextLine, line: TextLine) -> bool:
    """``line`` is the rest of the row's name broken after its hyphen ("Orinth-3-" over
    "14B-Base"): one piece of text starting under the name's start, set no further below
    it than a line of text, whatever the pitch of the rows (a paper's tight rows sit as
    close as a cell's lines, so the gaps cannot tell a wrapped name from a section label;
    the hyphen does: a label never follows a name that breaks off)."""
    if not _broken_at_hyphen(row) or len(line.chunks) != 1:
        return False
    name, rest = row.chunks[0].box, line.chunks[0].box
    height = max(row.box.height, 1)
    return (
        abs(rest.x1 - name.x1) <= 0.5 * height
        and rest.x2 <= name.x2 + 3 * height
        and 0 <= rest.y1 - row.box.y2 <= height
    )


# A continuation sits clearly nearer its own row than the next row sits to it: a line
# about midway between two rows whose own cells are filled is a section label between them
# ("Open models") set at the table's row pitch, not the end of the name above.
MIDWAY_GAP_SHARE = 0.6


def _straddled_rows(
    line: TextLine, lines: list[TextLine], run: list[int], index: int
) -> int | None:
    """The position in ``run`` of the row above a line of numbers alone set between two
    body rows, each number in a column both rows leave empty, clear of both rows' text: a
    value merged over rows and centred on their boundary. None for any other line."""
    if not line.chunks or line.numeric < len(line.chunks):
        return None
    if index - 1 not in run or index + 1 not in run:
        return None
    above, below = lines[index - 1], lines[index + 1]
    if line.box.y1 < above.box.y2 or line.box.y2 > below.box.y1:
        return None
    if any(_covers(row, chunk) for row in (above, below) for chunk in line.chunks):
        return None
    return run.index(index - 1)


def _between_rows(line: TextLine, neighbours: list[TextLine]) -> bool:
    if len(neighbours) != 2:
        return False
    above, below = neighbours
    if not all(_covers(row, chunk) for row in neighbours for chunk in solid(line)):
        return False
    gaps = (line.box.y1 - above.box.y2, below.box.y1 - line.box.y2)
    return min(gaps) >= MIDWAY_GAP_SHARE * max(gaps)


def within_rules(
    ranges: list[tuple[int, int]], rules: list[Box], body: list[TextLine]
) -> list[tuple[int, int]]:
    """In a grid whose column rules run down the whole body, a column is what lies between
    two rules: cells of one column aligned differently (a name left, a number centred) or
    a gap inside a wide cell do not make two columns."""
    top, bottom = min(line.box.y1 for line in body), max(line.box.y2 for line in body)
    reach = 0.2 * (bottom - top)
    full = sorted(rule.cx for rule in rules if rule.y1 <= top + reach and rule.y2 >= bottom - reach)
    if len(full) < 2:
        return ranges
    def both(first: tuple[int, int], second: tuple[int, int]) -> bool:
        """Some row has text in both: two columns whose rule between was not found."""
        return any(
            any(first[0] <= c.box.cx <= first[1] for c in line.chunks)
            and any(second[0] <= c.box.cx <= second[1] for c in line.chunks)
            for line in body
        )

    merged: list[tuple[int, int]] = []
    bays: list[int] = []
    for x1, x2 in ranges:
        bay = sum(1 for x in full if x < (x1 + x2) / 2)
        if merged and bays[-1] == bay and 0 < bay < len(full) and not both(merged[-1], (x1, x2)):
            merged[-1] = (merged[-1][0], max(merged[-1][1], x2))
        else:
            merged.append((x1, x2))
            bays.append(bay)
    return merged


def spans_at_rules(
    spans: list[tuple[int, int]], ranges: list[tuple[int, int]], rules: list[Box],
    body: list[TextLine],
) -> list[tuple[int, int]]:
    """Where a column rule runs down the body between two columns, the columns meet at
    the rule rather than halfway between their cells: a name set left over numbers set
    right starts just past the rule, nearer the column before's numbers than its own."""
    top, bottom = min(line.box.y1 for line in body), max(line.box.y2 for line in body)
    reach = 0.2 * (bottom - top)
    full = [rule.cx for rule in rules if rule.y1 <= top + reach and rule.y2 >= bottom - reach]
    out = list(spans)
    for i in range(len(ranges) - 1):
        between = [x for x in full if ranges[i][1] <= x <= ranges[i + 1][0]]
        if len(between) == 1:
            x = int(between[0])
            out[i], out[i + 1] = (out[i][0], x), (x, out[i + 1][1])
    return out


def find_layouts(
    words: list[Word],
    min_rows: int,
    min_cols: int,
    rules: list[Box] | None = None,
    row_rules: list[Box] | None = None,
) -> list[Layout]:
    """``rules`` are the vertical ruling lines, ``row_rules`` the horizontal ones."""
    # In a grid ruled row by row, a row's wrapped lines are one line.
    groups = ruled_rows(text_lines(words, rules), row_rules or [])
    lines = [join_group(group) for group in groups]
    layouts = []
    used: set[int] = set()
    for run in body_runs(lines):
        if len(run) < min_rows or used & set(run):
            continue
        run = drop_stray_ends(lines, run)  # a web page's pager is no row
        run = sorted(run + rows_without_numbers(lines, run))
        run = within_column_rules(lines, run, rules or [])  # a card's footer is no row
        body = [lines[i] for i in run]
        wrapped = wrapped_lines(lines, run, row_rules, rules)
        extra = {position: [lines[i] for i in found] for position, found in wrapped.items()}
        body, extra = split_rows(body, extra, [groups[i] for i in run])
        ranges = column_ranges(body + [line for group in extra.values() for line in group])
        above = lines[run[0] - 1] if run[0] else None
        body, ranges = join_point_splits(body, ranges, above)
        body, ranges = join_spread_columns(body, ranges)
        ranges = within_rules(ranges, rules or [], body)
        if len(ranges) < min_cols:
            continue
        left = min(line.box.x1 for line in lines) - 1
        right = max(line.box.x2 for line in lines) + 1
        spans = spans_at_rules(extend(ranges, left, right), ranges, rules or [], body)
        layout = Layout(spans=spans, header=[], body=body, ranges=ranges, wrapped=extra)
        skip = {i for found in wrapped.values() for i in found}
        layout.header = header_lines(lines, run[0], layout, _pitch(body), skip, row_rules)
        used.update(run)
        used.update(skip)
        layouts.append(layout)
    return layouts


def chunks_by_column(
    line: TextLine, spans: list[tuple[int, int]], wrapped: list[TextLine]
) -> dict[int, list[list[Phrase]]]:
    """A body row's pieces by column, and within a column by line, top to bottom (a wrapped
    name has one list per line)."""
    grouped: dict[int, list[list[Phrase]]] = {}
    for part in sorted([line, *wrapped], key=lambda part: part.box.cy):
        here: dict[int, list[Phrase]] = {}
        for chunk in part.chunks:
            column = column_of(chunk.box, spans)
            if column is None:
                # A chunk over two columns: place it by its centre rather than lose it.
                column = min(
                    range(len(spans)), key=lambda i: abs(sum(spans[i]) / 2 - chunk.box.cx)
                )
            here.setdefault(column, []).append(chunk)
        for column, chunks in here.items():
            lines = grouped.setdefault(column, [])
            last = lines[-1] if lines else None
            if last is not None and _same_line(last, chunks):
                # OCR split one line in two (descenders lower one word's box): rejoin it,
                # left to right ("Osprey" and "14B Base").
                lines[-1] = sorted([*last, *chunks], key=lambda chunk: chunk.box.x1)
            else:
                lines.append(chunks)
    return grouped


def _same_line(first: list[Phrase], second: list[Phrase]) -> bool:
    top = max(min(c.box.y1 for c in first), min(c.box.y1 for c in second))
    bottom = min(max(c.box.y2 for c in first), max(c.box.y2 for c in second))
    height = min(max(c.box.height for c in first), max(c.box.height for c in second))
    return bottom - top > 0.5 * height


def _cells_of(
    line: TextLine, spans: list[tuple[int, int]], row: int, wrapped: list[TextLine]
) -> list[Cell]:
    grouped = {
        column: [chunk for part in parts for chunk in part]
        for column, parts in chunks_by_column(line, spans, wrapped).items()
    }
    cells = []
    for column in range(len(spans)):
        chunks = grouped.get(column, [])
        if not chunks:
            cells.append(Cell(row=row, col=column, text=""))
            continue
        box = chunks[0].box
        for chunk in chunks[1:]:
            box = box.union(chunk.box)
        text = close_cjk_spaces(" ".join(chunk.text for chunk in chunks))
        if len({chunk.box.cy for chunk in chunks}) > 1:
            text = tidy_label(text)  # one cell's lines, rejoined
        confidence = min(chunk.confidence for chunk in chunks)
        cells.append(
            Cell(
                row=row,
                col=column,
                text=text,
                box=box,
                confidence=confidence,
                readings={"page": text},
            )
        )
    return cells


def build_table(layout: Layout) -> Table:
    spans = layout.spans
    names, settings_lines = split_settings(join_hyphen_breaks(layout.header))
    if not names:  # "EM F1" alone: what reads as settings is all the names there are
        names, settings_lines = settings_lines, []
    names, groups = take_group_rows(names, layout)
    header_rows = []
    if names:
        header_rows.append(join_header(names, layout, settings_lines))
    if settings_lines:
        row = join_header(settings_lines, layout)
        header_rows.append([cell.model_copy(update={"row": len(header_rows)}) for cell in row])
    body = [
        _cells_of(line, spans, r, layout.wrapped.get(r, [])) for r, line in enumerate(layout.body)
    ]
    box = layout.body[0].box
    wrapped = [line for group in layout.wrapped.values() for line in group]
    for line in [*layout.header, *layout.body, *wrapped]:
        box = box.union(line.box)
    columns = [cell.text for cell in header_rows[0]] if names else [""] * len(spans)
    settings: list[str | None] = (
        [cell.text or None for cell in header_rows[-1]] if settings_lines else [None] * len(spans)
    )
    return Table(
        box=box,
        n_rows=len(body),
        n_cols=len(spans),
        header_rows=header_rows,
        body=body,
        columns=columns,
        settings=settings,
        groups=groups if any(groups) else [],
        method="alignment",
    )


def looks_like_a_table(table: Table, min_rows: int) -> bool:
    """Rows mostly filled: a chart's tick labels line up in rows and columns too, but leave
    most of their "cells" empty."""
    filled = [row for row in table.body if sum(1 for cell in row if cell.text) >= 0.6 * len(row)]
    return len(filled) >= min_rows
