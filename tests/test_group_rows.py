"""A row of group titles over the column names, told by where it sits, not by what it says:
benchmark names and group titles invented here (none in the lexicon), titles centred over
one to three columns, with a rule under each group, one under the row, or none, drawn at
1x or at twice the size and shrunk as a hi-DPI page is. The titles are kept as the table's
groups, never in its names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_one_table
from PIL import Image, ImageDraw, ImageFont

from imgread.names import closest_benchmark, is_known_benchmark
from imgread.ocr.phrase import Phrase
from imgread.record import Box, Word
from imgread.tables.group_rows import take_group_rows
from imgread.tables.lines import Layout, TextLine

FONTS = Path("/usr/share/fonts/truetype")
SANS, LSANS, SERIF, FREE = (
    FONTS / name
    for name in ("dejavu/DejaVuSans.ttf", "liberation/LiberationSans-Regular.ttf",
                 "liberation/LiberationSerif-Regular.ttf", "freefont/FreeSans.ttf")
)
pytestmark = pytest.mark.skipif(
    not all(f.is_file() for f in [SANS, LSANS, SERIF, FREE]), reason="no fonts"
)

NAMES = ["QuillBench", "MarrowQA", "Tessel-Eval", "KiteQA", "Halcyon", "NimbusBench"]
# (title, first column, last column): two, one and two columns; "Halcyon" in no group
GROUPS = [("Everyday Skills", 1, 2), ("Tool Use", 3, 3), ("Field Work", 5, 6)]
ROWS = [
    ("Llama-2-7B", ["45.3", "14.6", "—", "32.6", "51.0", "28.4"]),
    ("Mistral-7B", ["62.5", "52.1", "56.1", "—", "60.2", "41.7"]),
    ("Qwen-14B", ["66.3", "61.3", "53.4", "48.9", "—", "44.0"]),
    ("Yi-34B", ["76.3", "—", "54.3", "59.5", "71.8", "50.2"]),
    ("Falcon-40B", ["55.4", "19.6", "37.1", "30.3", "49.9", "—"]),
]


def test_the_names_and_titles_here_are_unknown() -> None:
    """What the tests below show holds without the lexicon's help."""
    for text in [*NAMES, *(title for title, _, _ in GROUPS)]:
        assert not is_known_benchmark(text) and closest_benchmark(text) is None


def _draw(path: Path, face: Path, size: int, scale: float, rule: str) -> None:
    """Names left, numbers and column names centred, the group titles centred over their
    columns on a line above; ``rule``: "each" (under each group), "row" or "none"."""
    font = ImageFont.truetype(str(face), size)
    gap = round(size * 1.3)
    columns = ["Model", *NAMES]
    widths = [
        max([font.getlength(name)] + [font.getlength(row[0] if c == 0 else row[1][c - 1])
                                      for row in ROWS]) + gap
        for c, name in enumerate(columns)
    ]
    xs = [float(size)]
    for width in widths:
        xs.append(xs[-1] + width)
    for title, first, last in GROUPS:  # a title wider than its columns widens them
        need = font.getlength(title) - (xs[last + 1] - xs[first] - gap)
        xs[last + 1 :] = [x + max(0.0, need) for x in xs[last + 1 :]]
    top, names_y, pitch = size, round(size * 2.7), round(size * 1.8)
    image = Image.new("RGB", (int(xs[-1] + size), names_y + pitch * (len(ROWS) + 1)), "white")
    draw = ImageDraw.Draw(image)
    under = round(size * 2.2)
    for title, first, last in GROUPS:
        left, right = xs[first], xs[last + 1] - gap
        draw.text(((left + right - font.getlength(title)) / 2, top), title, fill="black",
                  font=font)
        if rule == "each":
            draw.line((left, under, right, under), fill=(60, 60, 60), width=max(1, size // 14))
    if rule == "row":
        draw.line((xs[1], under, xs[-1] - gap, under), fill=(60, 60, 60), width=1)
    for c, name in enumerate(columns):
        x = xs[0] if c == 0 else (xs[c] + xs[c + 1] - gap - font.getlength(name)) / 2
        draw.text((x, names_y), name, fill="black", font=font)
    draw.line((xs[0], names_y + pitch - 4, xs[-1], names_y + pitch - 4), fill="black")
    for r, (model, values) in enumerate(ROWS):
        y = names_y + pitch * (r + 1)
        draw.text((xs[0], y), model, fill="black", font=font)
        for c, value in enumerate(values, 1):
            x = (xs[c] + xs[c + 1] - gap - font.getlength(value)) / 2
            draw.text((x, y), value, fill="black", font=font)
    if scale != 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.LANCZOS)
    image.save(path)


@pytest.mark.parametrize(
    ("face", "size", "scale", "rule"),
    [(SANS, 26, 0.6, "each"), (SERIF, 28, 0.55, "none"), (LSANS, 16, 1.0, "row"),
     (FREE, 15, 1.0, "none")],
)
def test_a_row_of_titles_over_unknown_benchmarks_is_a_group_row(
    tmp_path: Path, face: Path, size: int, scale: float, rule: str
) -> None:
    """Without the lexicon, the titles were glued to the names under them ("Everyday
    Skills QuillBench"), or cut at their edge by the names' re-read."""
    path = tmp_path / "groups.png"
    _draw(path, face, size, scale, rule)
    table = read_one_table(path)
    assert table.columns == ["Model", *NAMES]
    titles = {c: title for title, first, last in GROUPS for c in range(first, last + 1)}
    assert table.groups == [titles.get(c) for c in range(len(NAMES) + 1)]
    assert [row[1].text for row in table.body] == [values[0] for _, values in ROWS]


def _line(*pieces: tuple[str, int, int], top: int = 0) -> TextLine:
    """A line of one-word pieces (text, x, width), 14 px tall from ``top``."""
    chunks = [
        Phrase.of([Word(text=text, confidence=95.0, box=Box(x1=x, y1=top, x2=x + w, y2=top + 14))])
        for text, x, w in pieces
    ]
    box = chunks[0].box
    for chunk in chunks[1:]:
        box = box.union(chunk.box)
    return TextLine(chunks=chunks, box=box)


# columns: the models', then four of numbers
RANGES = [(10, 110), (170, 200), (260, 290), (350, 380), (440, 470)]
LAYOUT = Layout(spans=[(0, 140), (140, 230), (230, 320), (320, 410), (410, 500)], header=[],
                body=[], ranges=RANGES)
NAMES_LINE = _line(("Model", 10, 45), ("Orchard-QA (5-shot)", 120, 90), ("Skein", 255, 40),
                   ("Brambles", 340, 50), ("Sorrel", 435, 40), top=40)


def test_a_title_centred_over_a_run_heads_it_all() -> None:
    """"Planning" reaches only the wide first name of its two, but its middle is theirs;
    "Puzzles" sits over one name, centred on it."""
    titles = _line(("Planning", 180, 60), ("Puzzles", 345, 45), top=0)
    names, groups = take_group_rows([titles, NAMES_LINE], LAYOUT)
    assert names == [NAMES_LINE]
    assert groups == [None, "Planning", "Planning", "Puzzles", None]


def test_a_title_in_the_gap_between_two_names_heads_both() -> None:
    titles = _line(("Agents", 298, 30), top=0)
    assert take_group_rows([titles, NAMES_LINE], LAYOUT)[1] == [None, None, "Agents",
                                                                "Agents", None]


def test_what_is_no_group_row_stays_in_the_names() -> None:
    """A benchmark over its variants prefixes them; a caption over every column is no
    group; as many pieces as names are names wrapped onto two lines; a piece set as tight
    over a name as a cell's own lines, in a row of titles, is that name's first line."""
    variants = _line(("HumanEval", 250, 110), top=0)
    caption = _line(("Results", 150, 340), top=0)
    wrapped = _line(("Orchard-", 125, 60), ("Long", 255, 40), ("Wide", 340, 40),
                    ("Big", 435, 30), top=24)
    for upper in (variants, caption, wrapped):
        assert take_group_rows([upper, NAMES_LINE], LAYOUT) == (
            [upper, NAMES_LINE], [None] * 5)
    mixed = _line(("Planning", 180, 60), ("Avg.", 440, 30), top=24)
    names, groups = take_group_rows([mixed, NAMES_LINE], LAYOUT)
    assert [chunk.text for chunk in names[0].chunks] == ["Avg."]
    assert groups == [None, "Planning", "Planning", None, None]


def test_words_broken_after_their_hyphens_are_names_not_a_group() -> None:
    """Two narrow columns whose names wrap after a hyphen ("Truth-" over "fulQA", "Wino-"
    over "grande") set their first halves close together, as one phrase over two columns:
    still each name's first line, whether the halves are apart or already joined with
    their rest (a box reaching down into the names' line)."""
    lower = _line(("Model", 10, 45), ("Skein", 170, 40), ("fulQA", 255, 40),
                  ("grande", 340, 45), ("Sorrel", 435, 40), top=40)
    apart = _line(("Truth-", 250, 45), ("Wino-", 300, 40), top=22)
    joined = TextLine(chunks=[
        Phrase.of([Word(text=text, confidence=95.0, box=Box(x1=x1, y1=22, x2=x2, y2=54))])
        for text, x1, x2 in (("Truth-fulQA", 250, 300), ("Wino-grande", 303, 385))
    ], box=Box(x1=250, y1=22, x2=385, y2=54))
    for upper in (apart, joined):
        assert take_group_rows([upper, lower], LAYOUT) == ([upper, lower], [None] * 5)
