"""blind14's text-only images: no chart and no table, numbers in prose. The looks, one a
line:

- linkedin_post: a professional network post with figures in its sentences and hashtags;
- error_dialog: a desktop error dialog box with an icon, details and buttons;
- podcast_transcript: a transcript with speaker names and timestamps;
- job_posting: a job advert with requirements in bullets and a salary range;
- wiki_references: an encyclopedia article paragraph with a numbered list of references;
- docs_admonition: a documentation page with note and warning boxes around prose.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind14_memes.py OUT_DIR [--count 16] [--seed 116000]
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind14_render import cli, esc, page, write_set
from browser import Browser

NAMES = ["Ilse Varga", "Tomasz Orrin", "Leila Quend", "Ravi Solberg", "Mara Ekwueme",
         "Jonas Pell"]
MODELS = ["Quillon-7B", "Varda-13B", "Orinth-8B", "Lumora-70B", "Tamsin-1B"]


def sized(rng: random.Random, selector: str, widths: list[int]) -> str:
    """A CSS rule giving ``selector`` one of ``widths`` (in pixels)."""
    return f"{selector}{{width:{rng.choice(widths)}px}}"


def figures(rng: random.Random) -> list[str]:
    """Sentences with numbers in them, the kind a chart would hold."""
    model, other = rng.sample(MODELS, 2)
    return [
        f"{model} reached {rng.uniform(55, 85):.1f}% on our reasoning suite, up from "
        f"{rng.uniform(30, 54):.1f}% in {rng.choice(['March', 'June', 'October'])}.",
        f"Training took {rng.randint(9, 60)} days on {rng.choice([64, 128, 256, 512])} GPUs and "
        f"{rng.uniform(1, 4):.1f}T tokens.",
        f"It beats {other} on {rng.randint(5, 11)} of {rng.randint(12, 14)} benchmarks while "
        f"being {rng.randint(2, 6)}x cheaper to serve.",
        f"Latency dropped from {rng.randint(300, 900)} ms to {rng.randint(80, 290)} ms per "
        "request.",
    ]


def linkedin_post(rng: random.Random) -> tuple[str, str, int]:
    who = rng.choice(NAMES)
    lines = "".join(f"<p>{esc(s)}</p>" for s in figures(rng))
    tags = " ".join(f"<a>#{t}</a>" for t in rng.sample(
        ["AI", "MachineLearning", "LLM", "OpenSource", "Benchmarks", "MLOps", "Research"], 4))
    body = (f"<div id='shot'><div class='card'><div class='hd'><div class='av'>{who[0]}</div>"
            f"<div><b>{who}</b><br><span>Head of Applied ML · {rng.randint(2, 23)}h · Edited</span>"
            "</div><span class='follow'>+ Follow</span></div>"
            "<p>Proud moment for the team!</p>"
            f"{lines}<p>Huge thanks to everyone who made this happen.</p><p>{tags}</p>"
            f"<div class='react'>Reactions {rng.randint(80, 2400)} · {rng.randint(5, 90)} comments"
            f" · {rng.randint(2, 40)} reposts</div><div class='acts'>Like &nbsp; Comment &nbsp; "
            "Repost &nbsp; Send</div></div></div>")
    css = ("#shot{background:#f4f2ee;padding:20px}.card{background:#fff;"
           "border-radius:8px;border:1px solid #ddd;padding:14px 18px;font:14px/1.45 "
           "'Open Sans';color:#191919}.hd{display:flex;gap:10px;align-items:center}"
           ".hd span{color:#666;font-size:12px}.av{width:46px;height:46px;border-radius:50%;"
           "background:#7a5c9e;color:#fff;font-size:20px;text-align:center;line-height:46px}"
           ".follow{margin-left:auto;color:#0a66c2!important;font-weight:600;font-size:14px!important}"
           "a{color:#0a66c2;font-weight:600}.react{color:#666;font-size:12px;border-bottom:1px "
           "solid #e8e8e8;padding-bottom:8px}.acts{color:#555;font-weight:600;padding-top:8px}"
           ) + sized(rng, ".card", [480, 560, 640])
    return body, css, 1


def error_dialog(rng: random.Random) -> tuple[str, str, int]:
    code = rng.choice(["0x80070057", "E_OUTOFMEMORY", "CUDA error 700", "Exit code 137"])
    body = ("<div id='shot'><div class='win'><div class='title'>Evaluation Runner "
            f"{rng.randint(1, 4)}.{rng.randint(0, 12)}<span>✕</span></div><div class='in'>"
            "<div class='icon'>!</div><div><p><b>The evaluation job stopped unexpectedly.</b>"
            f"</p><p>Step {rng.randint(100, 9000)} of {rng.randint(9001, 20000)} failed after "
            f"{rng.randint(2, 59)} min {rng.randint(1, 59)} s with {esc(code)}. "
            f"{rng.randint(1, 7)} of {rng.randint(8, 16)} workers did not respond.</p>"
            f"<p class='small'>Memory in use: {rng.uniform(60, 79):.1f} GB of 80 GB. "
            "Partial results were saved.</p></div></div><div class='btns'><span>Details ▾</span>"
            "<span class='b'>Retry</span><span class='b main'>Close</span></div></div></div>")
    css = ("#shot{background:#3a6ea5;padding:40px}.win{background:#f0f0f0;"
           "border:1px solid #888;box-shadow:0 6px 20px rgba(0,0,0,.4);font:13px "
           "'Liberation Sans';color:#111}.title{background:#fff;padding:8px 10px;"
           "border-bottom:1px solid #ddd}.title span{float:right}.in{display:flex;gap:14px;"
           "padding:16px}.icon{width:34px;height:34px;border-radius:50%;background:#d13438;"
           "color:#fff;font:bold 22px/34px 'Liberation Sans';text-align:center;flex:none}"
           ".small{color:#555;font-size:12px}.btns{background:#e6e6e6;padding:10px;"
           "text-align:right}.btns span{display:inline-block;margin-left:8px}"
           ".b{border:1px solid #999;background:#fdfdfd;padding:4px 18px}.main{border-color:"
           "#0078d4}.btns span:first-child{float:left;color:#333}") + sized(rng, ".win", [420, 480])
    return body, css, rng.choice([1, 2])


def podcast_transcript(rng: random.Random) -> tuple[str, str, int]:
    host, guest = rng.sample(NAMES, 2)
    said = [*figures(rng), "So what surprised you most?", "Honestly, how little data it took."]
    rng.shuffle(said)
    minute = rng.randint(3, 40)
    turns = ""
    for k, sentence in enumerate(said):
        speaker = host if k % 2 == 0 else guest
        minute += rng.randint(0, 2)
        turns += (f"<div class='t'><span class='ts'>{minute:02d}:{rng.randint(0, 59):02d}</span>"
                  f"<b>{speaker}</b><p>{esc(sentence)}</p></div>")
    body = (f"<div id='shot'><h3>Episode {rng.randint(12, 180)}: what scaling taught us</h3>"
            f"<div class='meta'>Transcript · {rng.randint(38, 95)} min</div>{turns}</div>")
    css = ("#shot{background:#fffdf8;padding:18px 26px;font:15px/1.5 "
           "'Liberation Serif';color:#222}h3{font-family:'Open Sans';margin:0}"
           ".meta{color:#888;font-size:12px;margin-bottom:8px}.t{margin:8px 0}"
           ".ts{color:#b5651d;font:12px 'DejaVu Sans Mono';margin-right:10px}"
           "p{margin:2px 0 0 58px}") + sized(rng, "#shot", [520, 640, 760])
    return body, css, 1


def job_posting(rng: random.Random) -> tuple[str, str, int]:
    low = rng.randint(120, 190)
    items = [f"{rng.randint(3, 8)}+ years training or evaluating language models",
             f"Experience with clusters of {rng.choice([64, 256, 1024])}+ accelerators",
             "Published work on benchmarks or data quality (a plus)",
             f"Comfort with {rng.choice(['PyTorch', 'JAX'])} and distributed training"]
    bullets = "".join(f"<li>{esc(i)}</li>" for i in items)
    body = ("<div id='shot'><div class='tag'>Full-time · Remote (EU)</div>"
            "<h2>Senior Research Engineer, Evaluation</h2>"
            f"<div class='co'>Northwind Lab · {rng.randint(40, 400)} employees · posted "
            f"{rng.randint(1, 20)} days ago</div><p>{esc(figures(rng)[0])} We want to make "
            "sure the next one is measured well.</p><h4>What you bring</h4>"
            f"<ul>{bullets}</ul><p class='pay'>€{low},000 – €{low + rng.randint(20, 60)},000 "
            f"+ equity · {rng.randint(25, 32)} days leave</p><span class='apply'>Apply now</span>"
            f"<span class='n'>{rng.randint(20, 300)} applicants</span></div>")
    css = ("#shot{padding:22px 28px;background:#fff;font:14px/1.5 Roboto;"
           "color:#222;border:1px solid #e3e3e3}.tag{color:#0b7a53;font-size:12px;"
           "font-weight:500}h2{margin:4px 0}.co{color:#666;font-size:13px}h4{margin:10px 0 2px}"
           ".pay{font-weight:500}.apply{background:#0b7a53;color:#fff;padding:8px 18px;"
           "border-radius:18px;display:inline-block}.n{color:#777;margin-left:12px;"
           "font-size:12px}") + sized(rng, "#shot", [560, 680, 780])
    return body, css, 1


def wiki_references(rng: random.Random) -> tuple[str, str, int]:
    model = rng.choice(MODELS).split("-")[0]
    year = rng.randint(2023, 2026)
    sentences = figures(rng)
    text = " ".join(f"{esc(s)}<sup>[{k + 1}]</sup>" for k, s in enumerate(sentences))
    refs = "".join(
        f"<li>^ {rng.choice(NAMES).split()[1]}, {rng.choice(NAMES)[0]}. ({year}). "
        f"<i>\"{rng.choice(['Scaling', 'Evaluating', 'Training', 'Distilling'])} {model} "
        f"models\"</i>. arXiv:{year % 100}{rng.randint(1, 12):02d}.{rng.randint(10000, 19999)}."
        f" Retrieved {rng.randint(1, 28)} May {year}.</li>" for _ in sentences)
    body = (f"<div id='shot'><h1>{model} (language model)</h1><div class='from'>From the free "
            f"encyclopedia</div><p><b>{model}</b> is a family of language models released in "
            f"{year}. {text}</p><h2>References</h2><ol>{refs}</ol></div>")
    css = ("#shot{padding:16px 24px;background:#fff;font:14px/1.6 'Liberation Sans';"
           "color:#202122}h1{font:28px 'Liberation Serif';border-bottom:1px solid #a2a9b1;"
           "margin:0}.from{font-size:12px;color:#54595d;margin:4px 0 8px}h2{font:21px "
           "'Liberation Serif';border-bottom:1px solid #a2a9b1}ol{font-size:12.5px;"
           "padding-left:22px}sup{color:#3366cc;font-size:10px}i{color:#3366cc;"
           "font-style:normal}") + sized(rng, "#shot", [620, 760, 900])
    return body, css, 1


def docs_admonition(rng: random.Random) -> tuple[str, str, int]:
    sentences = figures(rng)
    body = ("<div id='shot'><h2>Choosing a checkpoint</h2>"
            f"<p>{esc(sentences[0])} {esc(sentences[2])}</p>"
            "<div class='ad note'><div class='h'>ℹ Note</div>"
            f"<p>{esc(sentences[1])}</p></div><p>For most users the smaller checkpoint is "
            f"enough: it needs {rng.randint(6, 24)} GB of memory at {rng.choice([8, 16])}-bit "
            "precision.</p><div class='ad warn'><div class='h'>⚠ Warning</div><p>"
            f"{esc(sentences[3])} Batch sizes above {rng.choice([32, 64, 128])} may run out of "
            "memory.</p></div></div>")
    css = ("#shot{padding:18px 28px;background:#fff;font:15px/1.55 'Roboto';"
           "color:#333}.ad{border-left:4px solid;border-radius:3px;padding:2px 14px;"
           "margin:12px 0}.h{font-weight:bold;padding-top:6px}.note{border-color:#448aff;"
           "background:#ecf3ff}.warn{border-color:#ff9100;background:#fff4e5}"
           ) + sized(rng, "#shot", [600, 720, 860])
    return body, css, rng.choice([1, 2])


LOOKS: dict[str, Callable[[random.Random], tuple[str, str, int]]] = {
    "linkedin_post": linkedin_post,
    "error_dialog": error_dialog,
    "podcast_transcript": podcast_transcript,
    "job_posting": job_posting,
    "wiki_references": wiki_references,
    "docs_admonition": docs_admonition,
}


def generate(out: Path, count: int, seed: int) -> dict:
    def draw(style: str, rng: random.Random, browser: Browser) -> tuple:
        body, css, scale = LOOKS[style](rng)
        image = browser.shoot(page(body, css), float(scale))
        return image, {"style": style, "charts": 0}, 1.0, rng.choice([None, None, 80])

    return write_set(out, count, seed, "memes", list(LOOKS), draw, (1200, 1000))


if __name__ == "__main__":
    cli(generate, __doc__ or "", 16, 116000, "memes")
