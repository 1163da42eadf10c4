"""A paper's table in a pane beside another pane of text: an Overleaf-like editor (a dark
menu bar, a source pane of monospaced LaTeX with grey line numbers on the left, a grey
viewer with the compiled PDF page on the right), a chat app's sidebar of conversation
titles, a code editor's tree of files and its open file, beside the table's page.

The table is the ``pdf_viewer`` look's booktabs table (serif faces, captions, two-level
headers, marks, "–"), on a white page with a section heading above its caption and a
footnote ("† ...") under it. The neighbouring pane's lines sit at the same heights as the
table's rows: they are no rows or columns of it. Truth as in ``pdf_viewer``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from looks.pdf_viewer import CAPTIONS, FACES, Face, Spec, _draw_table, _paragraph_of, _spec

MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
]
UI = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]
LATEX = [
    r"\begin{table}[t]",
    r"\centering",
    r"\small",
    r"\caption{Results on standard benchmarks.}",
    r"\label{tab:main}",
    r"\begin{tabular}{lrrrr}",
    r"\toprule",
    r"Model & Params & MMLU & GSM8K \\",
    r"\midrule",
    r"\textbf{Ours} & 7B & \textbf{64.2} & 51.0 \\",
    r"\bottomrule",
    r"\end{tabular}",
    r"\end{table}",
    r"% see the template notes",
    r"\section{Results}",
    r"We compare against open baselines of similar size.",
    r"\usepackage{booktabs}",
    r"\input{tables/ablation}",
]
CHATS = [
    "New chat", "Today", "Benchmark table help", "Compare 7B models", "Fix LaTeX rules",
    "Yesterday", "Python regex question", "Summarise the paper", "Previous 7 days",
    "Eval harness setup", "MMLU 5-shot scores", "Plot with matplotlib", "Travel plans",
]
FILES = [
    "paper/", "  main.tex", "  sections/", "    intro.tex", "    results.tex",
    "  tables/", "    main_table.tex", "    ablation.tex", "  figures/", "  refs.bib",
    "README.md", "Makefile", "scripts/", "  eval.py", "  plot.py",
]
CODE = [
    "import json", "from pathlib import Path", "", "def load(path):",
    "    rows = json.loads(Path(path).read_text())", "    return [r for r in rows if r]", "",
    "SCORES = {", '    "mmlu": 64.2,', '    "gsm8k": 51.0,', "}", "",
    "for name, value in SCORES.items():", "    print(f\"{name:10} {value:5.1f}\")",
]
HEADINGS = ["4 Results", "5.1 Main results", "3 Evaluation", "4.2 Comparison with baselines"]
NOTES = [
    "† Results reported by the model's authors.",
    "† Our re-evaluation with the public checkpoint.",
    "* Uses chain-of-thought prompting.",
]


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _page(rng: random.Random, spec: Spec, caption: str) -> Image.Image:
    """The white PDF page: heading, caption, booktabs table, footnote."""
    faces = rng.choice(FACES)
    px = rng.uniform(11.0, 15.0)
    ss = 3
    face = Face(*faces, size=round(px * ss))
    u = face.size
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    table_w, table_h = _draw_table(scratch, face, spec, 0, 0)
    page_w = int(table_w + 6 * u)
    page = Image.new("RGB", (page_w, int(table_h + 20 * u)), "white")
    draw = ImageDraw.Draw(page)
    y = 2.5 * u
    heading = Face(faces[1], faces[1], faces[2], size=round(px * 1.25 * ss))
    heading.draw(draw, (3 * u, y), rng.choice(HEADINGS), "bold")
    y += 2.2 * u
    small = Face(*faces, size=round(px * 0.95 * ss))
    for line in _paragraph_of(caption, small, table_w):
        small.draw(draw, (3 * u, y), line)
        y += 1.2 * small.size
    y += 0.5 * u
    _, y = _draw_table(draw, face, spec, 3 * u, y)
    y += 0.8 * u
    small.draw(draw, (3 * u, y), rng.choice(NOTES))
    y += 3 * u
    page = page.crop((0, 0, page_w, int(y)))
    return page.resize((round(page.width / ss), round(page.height / ss)), Image.LANCZOS)


def _pane_lines(kind: str, rng: random.Random) -> list[str]:
    if kind == "latex":
        start = rng.randint(0, 4)
        return LATEX[start:] + LATEX[:start]
    if kind == "chat":
        return CHATS
    if kind == "files":
        return FILES
    return CODE


def _left_pane(
    rng: random.Random, kind: str, width: int, height: int, top: int, dark: bool
) -> Image.Image:
    """The neighbouring pane: lines of text from ``top`` down, at a line pitch near the
    table's rows, numbered in grey where it is an editor."""
    ground = (rng.randint(24, 40),) * 3 if dark else (255, 255, 255)
    if kind == "chat" and not dark:
        ground = (rng.randint(240, 250), rng.randint(240, 250), rng.randint(240, 252))
    ink = (212, 212, 212) if dark else (30, 30, 30)
    pane = Image.new("RGB", (width, height), ground)
    draw = ImageDraw.Draw(pane)
    size = rng.randint(12, 15)
    mono = kind in ("latex", "code")
    font = _font(rng.choice(MONO) if mono else rng.choice(UI), size)
    numbers = mono
    pitch = round(size * rng.uniform(1.35, 1.7))
    y = top
    for k, line in enumerate(_pane_lines(kind, rng)):
        if y + pitch > height:
            break
        x = 8
        if numbers:
            draw.text((x, y), f"{k + 1:>2}", fill=(140, 140, 140), font=font)
            x += int(font.getlength("000")) + 6
        draw.text((x, y), line, fill=ink, font=font)
        y += pitch
    return pane


KINDS = ["latex", "latex", "chat", "files", "code"]


def render(rng: random.Random, spec: Spec, caption: str, kind: str | None = None) -> Image.Image:
    """The screenshot: the other pane of ``kind`` (one of ``KINDS``, else drawn at random)
    on the left, the viewer with the table's page on the right."""
    kind = kind or rng.choice(KINDS)
    page = _page(rng, spec, caption)
    dark_pane = (kind != "latex" and rng.random() < 0.5) or kind == "code"
    viewer_grey = (rng.randint(200, 225),) * 3
    margin = rng.randint(16, 40)
    right_w = page.width + 2 * margin
    left_w = max(280, int(right_w * rng.uniform(0.55, 0.8)))
    bar = 34 if kind in ("latex", "code") else 0
    height = page.height + bar + 2 * margin
    shot = Image.new("RGB", (left_w + 4 + right_w, height), viewer_grey)
    draw = ImageDraw.Draw(shot)
    if bar:
        draw.rectangle((0, 0, shot.width, bar), fill=(rng.randint(30, 60),) * 3)
        ui = _font(UI[0], 13)
        x = 12
        for word in ["Menu", "Source", "Rich Text", "Recompile", "Review", "Share", "Help"]:
            draw.text((x, 10), word, fill=(235, 235, 235), font=ui)
            x += int(ui.getlength(word)) + 22
    top = bar + margin + rng.randint(-10, 30)
    pane = _left_pane(rng, kind, left_w, height - bar, max(6, top - bar), dark_pane)
    shot.paste(pane, (0, bar))
    draw.rectangle((left_w, bar, left_w + 3, height), fill=(rng.randint(150, 200),) * 3)
    shot.paste(page, (left_w + 4 + margin, bar + margin))
    if rng.random() < 0.2:
        shot = shot.filter(ImageFilter.GaussianBlur(0.4))
    return shot


def _saved(image: Image.Image, stem: Path, rng: random.Random) -> str:
    """``image`` saved as ``stem``.png, or now and then as a JPEG; the file's name."""
    if rng.random() < 0.3:
        path = stem.with_suffix(".jpg")
        image.save(path, quality=rng.randint(70, 92))
    else:
        path = stem.with_suffix(".png")
        image.save(path)
    return path.name


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    rng, truth = random.Random(seed), {}
    for i in range(count):
        spec, rows = _spec(rng)
        image = render(rng, spec, rng.choice(CAPTIONS).format(n=rng.randint(1, 12)))
        truth[_saved(image, out / f"panes_{i:03d}", rng)] = {
            "columns": spec.columns, "settings": spec.settings, "rows": rows, "style": "panes",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
