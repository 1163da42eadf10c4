"""The sixteenth blind set's text-only images: pages of words (and a few numbers) that
hold no chart and no table, written without reading the reader or any other generator.

    python benchmarks/blind16_memes.py OUT_DIR [--count 16] [--seed 124000]

Looks (``STYLE`` in each file's name), in turn:

- issue_comment: an issue thread's comment with a short fenced code block;
- dark_quote_post: a social post in dark mode quoting another post;
- lecture_prose: a lecture slide of plain prose with a slide number;
- browser_error: a browser's "can't reach this page" error page;
- readme_install: a README's install section, prose and shell commands;
- git_log: a terminal's ``git log`` output.

Truth per image: ``{"style": STYLE, "charts": 0}``.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

import blind16_io
from blind16_tables import FAMILIES

PEOPLE = ["mirela-k", "tobias_ow", "ana.luz", "devkrish", "sofiene", "hanne_b", "ryo-t"]
SENTENCES = [
    "The tokenizer change landed in {n} files and nobody noticed until the nightly run.",
    "We reran the sweep {n} times and the numbers moved by less than a point.",
    "Please pin the version before the {n}th; the cache format changed again.",
    "Most of the gain came from cleaning the data, not from the {n} extra layers.",
    "It took {n} minutes on one card, which is fine for a smoke test.",
    "Reviewers asked why the context is {n}k and not longer; the answer is memory.",
    "I could not reproduce the crash on commit {h}, only on main.",
    "The learning rate warms up over {n} steps and then decays slowly.",
]


def sentences(rng: random.Random, count: int) -> list[str]:
    return [s.format(n=rng.randint(2, 512), h=f"{rng.getrandbits(28):07x}")
            for s in rng.sample(SENTENCES, count)]


def esc(text: str) -> str:
    return html.escape(text)


def issue_comment(rng: random.Random) -> tuple:
    person, model = rng.choice(PEOPLE), rng.choice(FAMILIES)
    text = "".join(f"<p>{esc(s)}</p>" for s in sentences(rng, 2))
    code = (f"$ pip install {model.lower()}=={rng.randint(0, 3)}.{rng.randint(0, 20)}.1\n"
            f"$ python -m {model.lower()}.eval --batch-size {rng.choice([8, 16, 32])}\n"
            f"RuntimeError: expected {rng.randint(2, 8)} shards, found {rng.randint(1, 9)}")
    body = (
        f"<div id='shot'><div class='head'><b>{person}</b> commented "
        f"{rng.randint(2, 23)} hours ago</div><div class='body'>{text}"
        f"<pre>{esc(code)}</pre><p>Any idea what changed?</p></div>"
        f"<div class='react'>+{rng.randint(1, 30)} reactions</div></div>"
    )
    css = (
        "#shot{width:720px;margin:20px;border:1px solid #d0d7de;border-radius:6px;"
        "font-family:'Liberation Sans';font-size:14px;color:#1f2328}"
        ".head{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:10px 16px;"
        "color:#59636e}.body{padding:4px 16px}pre{background:#f6f8fa;padding:12px;"
        "border-radius:6px;font-size:12.5px;font-family:'DejaVu Sans Mono'}"
        ".react{padding:6px 16px 12px;color:#59636e}"
    )
    return blind16_io.shoot(body, css, rng.choice([1.0, 1.5])), 0


def dark_quote_post(rng: random.Random) -> tuple:
    first, second = rng.sample(PEOPLE, 2)
    outer, inner = sentences(rng, 2)
    body = (
        f"<div id='shot'><div class='who'>{first} <span>@{first} · {rng.randint(1, 59)}m"
        f"</span></div><p>{esc(outer)} Honestly {rng.randint(2, 9)}x better than last year.</p>"
        f"<div class='quote'><div class='who'>{second} <span>@{second} · "
        f"{rng.randint(1, 20)}h</span></div><p>{esc(inner)}</p></div>"
        f"<div class='bar'>{rng.randint(2, 90)} replies &nbsp; {rng.randint(10, 900)} reposts "
        f"&nbsp; {rng.randint(1, 9)}.{rng.randint(0, 9)}K likes</div></div>"
    )
    css = (
        "#shot{width:560px;padding:16px 20px;background:#000;color:#e7e9ea;font-family:"
        "Roboto;font-size:15px}.who{font-weight:700}.who span{font-weight:400;color:#71767b}"
        ".quote{border:1px solid #2f3336;border-radius:14px;padding:10px 14px}"
        ".bar{color:#71767b;font-size:13px;margin-top:12px}"
    )
    image = blind16_io.shoot(body, css, rng.choice([1.0, 2.0]))
    return image, rng.choice([0, 80])


def lecture_prose(rng: random.Random) -> tuple:
    text = "".join(f"<p>{esc(s)}</p>" for s in sentences(rng, 3))
    body = (
        f"<div id='shot'><h1>Lecture {rng.randint(2, 14)}: why evaluations disagree</h1>"
        f"{text}<div class='num'>{rng.randint(3, 48)} / {rng.randint(50, 60)}</div></div>"
    )
    css = (
        "#shot{width:1024px;height:576px;box-sizing:border-box;padding:48px 64px;"
        "background:#fffdf7;font-family:'Liberation Serif';position:relative;color:#222}"
        "h1{font-family:'Open Sans';color:#8a1c1c;font-size:34px}p{font-size:24px;"
        "line-height:1.4}.num{position:absolute;right:30px;bottom:20px;color:#999}"
    )
    return blind16_io.shoot(body, css, 1.0), 0


def browser_error(rng: random.Random) -> tuple:
    host = f"evals.{rng.choice(FAMILIES).lower()}.dev"
    body = (
        f"<div id='shot'><div class='url'>https://{host}/runs/{rng.randint(1000, 9999)}</div>"
        "<div class='page'><div class='icon'>:(</div><h1>This site can't be reached</h1>"
        f"<p><b>{host}</b> took too long to respond.</p><p>Try:</p><ul><li>Checking the "
        "connection</li><li>Checking the proxy and the firewall</li></ul>"
        f"<p class='code'>ERR_CONNECTION_TIMED_OUT</p><button>Reload</button></div></div>"
    )
    dark = rng.random() < 0.5
    bg, fg = ("#202124", "#e8eaed") if dark else ("#ffffff", "#202124")
    css = (
        f"#shot{{width:900px;height:560px;background:{bg};color:{fg};font-family:"
        "'DejaVu Sans';font-size:15px}.url{background:#dee1e6;color:#202124;padding:8px 16px;"
        "font-size:13px}.page{padding:60px 120px}.icon{font-size:48px;color:#9aa0a6}"
        "h1{font-size:24px;font-weight:normal}.code{color:#9aa0a6;font-size:12px}"
        "button{background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:8px 20px}"
    )
    return blind16_io.shoot(body, css, 1.0), 0


def readme_install(rng: random.Random) -> tuple:
    name = rng.choice(FAMILIES).lower()
    body = (
        f"<div id='shot'><h2>Installation</h2><p>{name} needs Python 3.{rng.randint(9, 12)} "
        f"or newer and about {rng.randint(4, 40)} GB of disk for the weights.</p>"
        f"<pre>git clone https://example.org/{name}/{name}.git\ncd {name}\n"
        f"pip install -e .[eval]</pre><h3>Quick start</h3><p>"
        f"{esc(sentences(rng, 1)[0])}</p><pre>{name} eval --tasks all --limit "
        f"{rng.randint(50, 500)}</pre></div>"
    )
    css = (
        "#shot{width:780px;padding:20px 32px;font-family:'Open Sans';color:#1f2328;"
        "font-size:15px}h2{border-bottom:1px solid #d8dee4;padding-bottom:6px}"
        "pre{background:#f6f8fa;padding:14px;font-size:13px;border-radius:6px}"
    )
    return blind16_io.shoot(body, css, rng.choice([1.0, 1.25])), 0


def git_log(rng: random.Random) -> tuple:
    entries = []
    for message in sentences(rng, rng.randint(3, 5)):
        person = rng.choice(PEOPLE)
        entries.append(
            f"<span class='y'>commit {rng.getrandbits(160):040x}</span>\n"
            f"Author: {person} &lt;{person}@example.org&gt;\n"
            f"Date:   {rng.choice(['Mon', 'Tue', 'Thu', 'Fri'])} Mar {rng.randint(1, 28)} "
            f"{rng.randint(8, 22)}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} 2025 +0100"
            f"\n\n    {esc(message)}\n"
        )
    body = f"<div id='shot'><pre>$ git log -n {len(entries)}\n{''.join(entries)}</pre></div>"
    css = (
        "#shot{width:max-content;padding:10px 16px;background:#300a24;color:#eeeeec}"
        "pre{font-family:'Ubuntu Mono','DejaVu Sans Mono';font-size:14px;margin:0}"
        ".y{color:#c4a000}"
    )
    return blind16_io.shoot(body, css, 1.0), 0


LOOKS = {
    "issue_comment": issue_comment,
    "dark_quote_post": dark_quote_post,
    "lecture_prose": lecture_prose,
    "browser_error": browser_error,
    "readme_install": readme_install,
    "git_log": git_log,
}


def draw(style: str, rng: random.Random) -> tuple:
    image, quality = LOOKS[style](rng)
    return image, quality, {"charts": 0}


def generate(out: Path, count: int, seed: int) -> dict:
    return blind16_io.generate_looks(out, count, seed, "memes", list(LOOKS), draw)


if __name__ == "__main__":
    blind16_io.command_line(__doc__, generate, 16, 124000)
