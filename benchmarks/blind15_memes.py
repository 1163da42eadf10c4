"""The fifteenth blind set's text-only images: no chart and no table, only text with numbers
in it, written without reading the reader or any other generator. Six looks, in turn:

- sms_thread: a phone's message thread, grey and blue bubbles, timestamps between them.
- review_suggestion: a code review comment with an inline "Suggested change" block.
- movie_subtitles: a dark film frame (a blurred gradient) with two lines of subtitles.
- drop_cap_page: a book page, serif and justified, opening with a large drop cap.
- title_page: a paper's title page: title, authors with numbered affiliations, abstract.
- motivational_poster: a black frame round a dim picture, a spaced title and a caption.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind15_memes.py OUT_DIR [--count 16] [--seed 120000]
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from pathlib import Path

from blind15_io import run_cli, save_image, write_truth
from browser import Browser
from PIL import Image, ImageFilter

SENTENCES = [
    "We trained the 7B model for 1.4 trillion tokens and it still beat last year's 70B.",
    "The eval harness changed between runs, so the 62.3 and the 64.1 are not comparable.",
    "Honestly the 3 epoch run looked better on GSM8K but worse on everything else.",
    "Someone please tell me why the loss went up at step 12000.",
    "It scored 81 on the easy split and 23 on the hard one, which says it all.",
    "Batch size 512, learning rate 3e-4, warmup 2000 steps, cosine to 10%.",
    "If a benchmark reaches 90% it stops telling you anything useful.",
    "The second checkpoint is 4 points better on average and twice as slow.",
    "We reran the 5-shot numbers three times; the spread was under 0.5.",
    "Context went from 8k to 128k and the needle test finally passed.",
]
NAMES = ["Ines", "Tomasz", "Oyelaran", "Mireille", "Kofi", "Henrike", "Rasmus", "Aiyana"]


def page(body: str, css: str, width: int) -> str:
    return (f'<html><head><meta charset="utf-8"><style>body{{margin:0}} '
            f"#shot{{width:{width}px}} {css}</style></head><body><div id=\"shot\">{body}"
            "</div></body></html>")


def sms_thread(rng: random.Random, browser: Browser) -> Image.Image:
    css = ("#shot{background:#fff;font-family:'Roboto',sans-serif;font-size:15px;padding:10px 0}"
           ".top{text-align:center;font-weight:bold;border-bottom:1px solid #ddd;padding:8px}"
           ".t{text-align:center;color:#8e8e93;font-size:11px;margin:10px}"
           ".b{max-width:70%;padding:8px 12px;border-radius:18px;margin:3px 12px;clear:both}"
           ".in{background:#e9e9eb;float:left}.out{background:#0a84ff;color:#fff;float:right}"
           ".end{clear:both}")
    parts = [f'<div class="top">{rng.choice(NAMES)}</div>']
    hour = rng.randint(7, 21)
    minutes = sorted(rng.sample(range(10, 60), 3))
    for i, sentence in enumerate(rng.sample(SENTENCES, rng.randint(4, 6))):
        if i % 2 == 0:
            parts.append(f'<div class="t end">Today {hour}:{minutes[i // 2]}</div>')
        side = rng.choice(["in", "out"])
        parts.append(f'<div class="b {side}">{html.escape(sentence)}</div>')
    parts.append('<div class="end"></div>')
    return browser.shoot(page("".join(parts), css, rng.randint(340, 400)), 2.0)


def review_suggestion(rng: random.Random, browser: Browser) -> Image.Image:
    line = rng.randint(40, 400)
    old = f"    lr = {rng.choice(['3e-4', '1e-3', '5e-5'])}  # tuned on 2 seeds"
    new = f"    lr = {rng.choice(['2e-4', '6e-4'])}  # tuned on {rng.randint(3, 8)} seeds"
    css = ("#shot{background:#fff;font-family:'Open Sans',sans-serif;font-size:14px;padding:14px}"
           ".c{border:1px solid #d0d7de;border-radius:6px}.h{background:#f6f8fa;padding:8px 12px;"
           "border-bottom:1px solid #d0d7de}.p{padding:10px 12px}"
           ".s{border:1px solid #d0d7de;border-radius:6px;margin:8px 12px 12px;"
           "font-family:'DejaVu Sans Mono',monospace;font-size:12.5px}"
           ".sh{background:#f6f8fa;padding:6px 10px;font-family:'Open Sans';font-size:12px}"
           ".del{background:#ffebe9;padding:2px 10px;white-space:pre}"
           ".add{background:#e6ffec;padding:2px 10px;white-space:pre}")
    body = (f'<div class="c"><div class="h"><b>{rng.choice(NAMES).lower()}</b> commented on '
            f"line {line} of <code>train/config.py</code></div><div class='p'>"
            f"{html.escape(rng.choice(SENTENCES))} Could we keep the value from run "
            f"{rng.randint(100, 999)}?</div><div class='s'><div class='sh'>Suggested change"
            f"</div><div class='del'>- {html.escape(old)}</div><div class='add'>+ "
            f"{html.escape(new)}</div></div></div>")
    return browser.shoot(page(body, css, rng.randint(560, 720)), 1.0)


def movie_subtitles(rng: random.Random, browser: Browser) -> Image.Image:
    width, height = rng.choice([(960, 400), (854, 360), (1200, 500)])
    top = rng.choice(["#1b2a3a", "#2b1d14", "#10261c"])
    css = (f"#shot{{height:{height}px;position:relative;background:linear-gradient(160deg,"
           f"{top},#000 70%)}} .sub{{position:absolute;bottom:28px;width:100%;"
           "text-align:center;color:#fff;font:26px 'Liberation Sans';text-shadow:0 0 4px #000,"
           "2px 2px 2px #000}")
    first, second = rng.sample(SENTENCES, 2)
    body = f'<div class="sub">{html.escape(first)}<br>- {html.escape(second[:48])}</div>'
    image = browser.shoot(page(body, css, width), 1.0)
    return image.filter(ImageFilter.GaussianBlur(0.5))


def drop_cap_page(rng: random.Random, browser: Browser) -> Image.Image:
    text = " ".join(rng.sample(SENTENCES, 6))
    css = ("#shot{background:#fbf7ee;font-family:'Liberation Serif',serif;font-size:17px;"
           "padding:40px 46px;line-height:1.5;color:#222}"
           "p{text-align:justify;margin:0 0 12px} .first:first-letter{float:left;"
           "font-size:66px;line-height:52px;padding:6px 8px 0 0;color:#7a2e1a}"
           ".ch{text-align:center;letter-spacing:3px;font-size:14px;margin-bottom:22px}"
           ".n{text-align:center;font-size:13px;margin-top:18px}")
    body = (f'<div class="ch">CHAPTER {rng.choice(["ONE", "FOUR", "SEVEN", "TWELVE"])}</div>'
            f'<p class="first">{html.escape(text)}</p><p>'
            f"{html.escape(' '.join(rng.sample(SENTENCES, 4)))}</p>"
            f'<div class="n">{rng.randint(11, 320)}</div>')
    return browser.shoot(page(body, css, rng.randint(480, 560)), 1.5)


def title_page(rng: random.Random, browser: Browser) -> Image.Image:
    authors = rng.sample(NAMES, 4)
    surnames = ["Okafor", "Lindqvist", "Barros", "Nakamura", "Petrov", "Haddad"]
    marks = [rng.randint(1, 3) for _ in authors]
    names = ", ".join(f"{a} {rng.choice(surnames)}<sup>{m}</sup>"
                      for a, m in zip(authors, marks, strict=True))
    css = ("#shot{background:#fff;font-family:'Liberation Serif',serif;padding:40px 60px}"
           "h1{text-align:center;font-size:24px;margin:0 0 16px}.a{text-align:center}"
           ".f{text-align:center;font-size:13px;margin:8px 0 22px}"
           ".abs{font-size:14px;text-align:justify;margin:0 30px}"
           ".abs b{display:block;text-align:center;margin-bottom:6px}")
    title = rng.choice(["Scaling Laws Revisited at 1.4 Trillion Tokens",
                        "On the 3 Failure Modes of Long-Context Training",
                        "Twelve Lessons from Training 40 Small Models"])
    body = (f"<h1>{title}</h1><div class='a'>{names}</div><div class='f'>"
            "<sup>1</sup>Institute for Applied Learning &nbsp; <sup>2</sup>Northfield "
            "University &nbsp; <sup>3</sup>Independent</div><div class='abs'><b>Abstract</b>"
            f"{html.escape(' '.join(rng.sample(SENTENCES, 5)))}</div>")
    return browser.shoot(page(body, css, rng.randint(700, 820)), 1.25)


def motivational_poster(rng: random.Random, browser: Browser) -> Image.Image:
    word, caption = rng.choice([
        ("PATIENCE", "The loss curve goes down after step 40000. Usually."),
        ("BASELINES", "If you beat them by 0.3 points, run 5 more seeds."),
        ("SCALE", "Ten times the compute for 2 more points on the leaderboard."),
    ])
    css = ("#shot{background:#000;padding:36px 60px 30px;text-align:center;color:#fff}"
           ".pic{height:300px;border:2px solid #fff;background:radial-gradient(circle at 30% 40%,"
           f"{rng.choice(['#5a6f8a', '#7a5a3a', '#3f6b4f'])},#111)}}"
           ".w{font-family:'Liberation Serif',serif;font-size:48px;letter-spacing:8px;"
           "margin-top:18px}.c{font-family:'Liberation Sans';font-size:17px;margin-top:6px}")
    body = (f"<div class='pic'></div><div class='w'>{word}</div>"
            f"<div class='c'>{html.escape(caption)}</div>")
    return browser.shoot(page(body, css, rng.randint(520, 620)), 1.0)


LOOKS: dict[str, Callable[[random.Random, Browser], Image.Image]] = {
    "sms_thread": sms_thread,
    "review_suggestion": review_suggestion,
    "movie_subtitles": movie_subtitles,
    "drop_cap_page": drop_cap_page,
    "title_page": title_page,
    "motivational_poster": motivational_poster,
}


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    names = list(LOOKS)
    browser = Browser((1300, 900))
    truth: dict[str, dict] = {}
    try:
        for index in range(count):
            style = names[index % len(names)]
            rng = random.Random(f"blind15-memes/{seed}/{index}")
            image = LOOKS[style](rng, browser)
            file = f"{index:03d}_{style}.{'jpg' if rng.random() < 0.3 else 'png'}"
            save_image(image, out / file, rng.randint(50, 75))
            truth[file] = {"style": style, "charts": 0}
    finally:
        browser.close()
    return write_truth(out, truth)


def main() -> None:
    run_cli(generate, __doc__ or "", 16, 120000)


if __name__ == "__main__":
    main()
