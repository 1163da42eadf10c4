"""Text-only images of the twelfth blind round: pages that hold words and numbers but no
chart and no table, each rendered in headless Chromium. Six looks in turn:

- tweet_thread: a post and three replies under it, avatars, handles, counts of likes;
- github_issue: an issue page, its title and state badge, comments with inline code;
- readme_badges: a README with shield badges, prose, an install block and a bullet list;
- two_column_slide: a slide with a title and two columns of text under their headings;
- discord_chat: a dark chat channel, coloured user names, timestamps, a code span;
- wiki_infobox: a wiki article with an infobox of "key: value" lines beside the prose.

    python benchmarks/blind12_memes.py OUT_DIR [--count 16] [--seed 108000]
"""

from __future__ import annotations

import html
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind12_data import FAMILIES, Look, command_line, generate_set, page
from browser import Browser
from PIL import Image

E = html.escape
SENTENCES = [
    "The {f} {n}B checkpoint is out and it runs on a single GPU with 24 GB.",
    "Context length went from 8k to 128k tokens in this release.",
    "Honestly the jump on math from v{v} is the part that surprised me most.",
    "We trained for {t} trillion tokens and stopped when the loss flattened.",
    "Latency is about {ms} ms per token on our box, batch size 1.",
    "Quantised to 4 bits it loses maybe a point or two, hard to tell.",
    "Has anyone compared it with the {f} {n}B release from last month?",
    "The licence allows commercial use under {k} million monthly users.",
    "Fine-tuning took {h} hours on 8 cards with LoRA rank 16.",
    "I reran the evals three times and the numbers moved by less than 0.5.",
    "Docs say the tokenizer has {k}k entries now, up from 32k.",
    "Please don't compare base and chat models in the same breath.",
]


def sentence(rng: random.Random, template: str | None = None) -> str:
    return (template or rng.choice(SENTENCES)).format(
        f=rng.choice(FAMILIES), n=rng.choice([3, 7, 8, 13, 34, 70]), v=rng.choice([1, 2, 3]),
        t=rng.choice([2, 4.5, 8, 12]), ms=rng.randint(18, 90), k=rng.choice([50, 100, 128]),
        h=rng.randint(3, 40))


def paragraph(rng: random.Random, count: int) -> str:
    return " ".join(sentence(rng, t) for t in rng.sample(SENTENCES, count))


def handle(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(["Mira", "Tomas", "Ade", "Lin", "Priya", "Jonas", "Sade", "Kenji"])
    last = rng.choice(["Okafor", "Lindqvist", "Moreau", "Tanaka", "Rossi", "Haddad"])
    return f"{first} {last}", f"@{first.lower()}_{last[:3].lower()}{rng.randint(1, 99)}"


def avatar(rng: random.Random, size: int) -> str:
    colour = rng.choice(["#f59e0b", "#10b981", "#6366f1", "#ef4444", "#0ea5e9", "#a855f7"])
    return (f"<div style='width:{size}px;height:{size}px;border-radius:50%;"
            f"background:{colour};flex:none'></div>")


def tweet_thread(rng: random.Random) -> str:
    posts = ""
    first = ""
    for i in range(4):
        name, at = handle(rng)
        first = first or at
        counts = " ".join(f"<span>{s} {rng.randint(0, 400)}</span>" for s in ("↩", "⟲", "♡"))
        posts += (f"<div class='p'>{avatar(rng, 40)}<div><b>{name}</b> <span class='g'>{at}"
                  f" · {rng.randint(1, 23)}h</span>"
                  f"{'<div class=g>Replying to ' + first + '</div>' if i else ''}"
                  f"<div class='t'>{E(paragraph(rng, rng.randint(1, 3)))}</div>"
                  f"<div class='g c'>{counts}</div></div></div>")
    css = ("#shot{width:560px;background:#fff;font:15px 'Open Sans';color:#0f1419}"
           ".p{display:flex;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}"
           ".g{color:#536471}.t{margin:4px 0 8px;line-height:1.4}.c span{margin-right:48px}")
    return page(f"<div id='shot'>{posts}</div>", css)


def github_issue(rng: random.Random) -> str:
    title = rng.choice(["Out of memory when loading the 70B checkpoint",
                        "Tokenizer drops the last byte of some UTF-8 inputs",
                        "Generation stops early with max_new_tokens=512"])
    number = rng.randint(200, 4800)
    comments = ""
    for _ in range(rng.randint(2, 3)):
        _, at = handle(rng)
        code = rng.choice(["torch_dtype=bfloat16", "device_map='auto'", "pip install -U kit"])
        comments += (f"<div class='cm'><div class='hd'><b>{at[1:]}</b> commented "
                     f"{rng.randint(2, 20)} days ago</div><div class='bd'><p>"
                     f"{E(paragraph(rng, 2))}</p><p>Tried <code>{code}</code> as well, "
                     f"same result on version 0.{rng.randint(2, 9)}.{rng.randint(0, 12)}."
                     f"</p></div></div>")
    labels = "".join(f"<span class='lb' style='background:{c}'>{t}</span>" for t, c in
                     rng.sample([("bug", "#d73a4a"), ("needs repro", "#fbca04"),
                                 ("memory", "#0e8a16"), ("good first issue", "#7057ff")], 2))
    css = ("#shot{width:860px;padding:24px;background:#fff;font:14px 'Liberation Sans';"
           "color:#1f2328}h1{font-weight:400;font-size:28px;margin:0}h1 span{color:#59636e}"
           ".st{display:inline-block;background:#1f883d;color:#fff;border-radius:16px;"
           "padding:4px 12px;margin:10px 8px 16px 0}.cm{border:1px solid #d1d9e0;"
           "border-radius:6px;margin:14px 0}.hd{background:#f6f8fa;padding:8px 14px;"
           "border-bottom:1px solid #d1d9e0;color:#59636e}.bd{padding:4px 14px;"
           "line-height:1.5}code{background:#eff1f3;padding:2px 5px;border-radius:4px;"
           "font-family:'DejaVu Sans Mono';font-size:12px}.lb{color:#fff;border-radius:12px;"
           "padding:2px 9px;margin-right:6px;font-size:12px}")
    return page(f"<div id='shot'><h1>{title} <span>#{number}</span></h1><span class='st'>"
                f"Open</span>{labels}{comments}</div>", css)


def badge(left: str, right: str, colour: str) -> str:
    return (f"<span class='bg'><span class='l'>{left}</span><span class='r' "
            f"style='background:{colour}'>{right}</span></span>")


def readme_badges(rng: random.Random) -> str:
    project = rng.choice(["tinyserve", "evalkit", "promptforge", "quillon-tools"])
    badges = "".join([
        badge("build", "passing", "#4c1"),
        badge("pypi", f"v{rng.randint(0, 3)}.{rng.randint(1, 20)}.{rng.randint(0, 9)}",
              "#007ec6"),
        badge("license", rng.choice(["MIT", "Apache-2.0"]), "#97ca00"),
        badge("python", "3.10 | 3.11 | 3.12", "#3776ab"),
        badge("downloads", f"{rng.randint(2, 90)}k/month", "#e05d44"),
    ])
    bullets = "".join(f"<li>{E(sentence(rng))}</li>" for _ in range(3))
    css = ("#shot{width:820px;padding:28px 32px;background:#fff;font:15px 'Open Sans';"
           "color:#1f2328;line-height:1.55}h1{border-bottom:1px solid #d1d9e0;margin:0 0 12px;"
           "padding-bottom:6px}.bg{display:inline-flex;margin:0 4px 4px 0;font:11px "
           "'DejaVu Sans';color:#fff;border-radius:3px;overflow:hidden}.l{background:#555;"
           "padding:3px 6px}.r{padding:3px 6px}pre{background:#f6f8fa;padding:12px;"
           "border-radius:6px;font:13px 'DejaVu Sans Mono'}h2{font-size:20px;"
           "border-bottom:1px solid #d1d9e0}")
    return page(f"<div id='shot'><h1>{project}</h1><div>{badges}</div><p>"
                f"{E(paragraph(rng, 2))}</p><h2>Install</h2><pre>pip install {project}</pre>"
                f"<h2>Why</h2><ul>{bullets}</ul></div>", css)


def two_column_slide(rng: random.Random) -> str:
    title = rng.choice(["What changed in this release", "Lessons from pre-training",
                        "Serving costs, before and after"])
    heads = rng.choice([("Before", "After"), ("What worked", "What did not"),
                        ("Data", "Training")])
    columns = "".join(f"<div class='c'><h3>{h}</h3><p>{E(paragraph(rng, 3))}</p></div>"
                      for h in heads)
    colour = rng.choice(["#1e3a8a", "#14532d", "#7c2d12", "#312e81"])
    css = (f"#shot{{width:1280px;height:720px;background:#fff;font-family:'Roboto';"
           f"box-sizing:border-box;padding:50px 70px;border-top:14px solid {colour}}}"
           f"h1{{font-size:44px;color:{colour};margin:0 0 30px}}.cols{{display:flex;gap:60px}}"
           ".c{flex:1;font-size:24px;line-height:1.45;color:#333}h3{font-size:28px;margin:0 "
           "0 10px}")
    return page(f"<div id='shot'><h1>{title}</h1><div class='cols'>{columns}</div></div>", css)


def discord_chat(rng: random.Random) -> str:
    messages = ""
    for _ in range(rng.randint(4, 6)):
        name, _ = handle(rng)
        colour = rng.choice(["#f47fff", "#3ba55c", "#faa61a", "#00b0f4", "#ed4245"])
        text = E(sentence(rng))
        if rng.random() < 0.3:
            text += f" <code>--max-tokens {rng.choice([256, 1024, 4096])}</code>"
        messages += (f"<div class='m'>{avatar(rng, 40)}<div><span style='color:{colour}'>"
                     f"<b>{name}</b></span> <span class='ts'>Today at {rng.randint(1, 12)}:"
                     f"{rng.randint(10, 59)} PM</span><div class='tx'>{text}</div></div></div>")
    channel = rng.choice(["general", "model-releases", "help", "benchmarks-chat"])
    css = ("#shot{width:760px;background:#313338;font:15px 'Open Sans';color:#dbdee1}"
           ".hd{padding:12px 16px;border-bottom:1px solid #26282c;color:#f2f3f5}"
           ".m{display:flex;gap:14px;padding:10px 16px}.ts{color:#949ba4;font-size:12px}"
           ".tx{margin-top:2px;line-height:1.4}code{background:#2b2d31;padding:2px 4px;"
           "font-family:'DejaVu Sans Mono';font-size:13px}")
    return page(f"<div id='shot'><div class='hd'># {channel}</div>{messages}</div>", css,
                "#313338")


def wiki_infobox(rng: random.Random) -> str:
    family = rng.choice(FAMILIES)
    facts = [("Developer", rng.choice(["Northwind Labs", "Bluefin AI", "Acme Research"])),
             ("Initial release", f"{rng.choice(['March', 'June', 'October'])} "
                                 f"{rng.randint(2023, 2026)}"),
             ("Parameters", f"{rng.choice([7, 13, 34, 70])} billion"),
             ("Context length", f"{rng.choice([8, 32, 128])}k tokens"),
             ("Type", "Large language model"),
             ("License", rng.choice(["Apache 2.0", "Custom (open weights)"]))]
    box = "".join(f"<div class='kv'><b>{k}:</b> {v}</div>" for k, v in facts)
    text = "".join(f"<p>{E(paragraph(rng, 3))}<sup>[{rng.randint(1, 30)}]</sup></p>"
                   for _ in range(3))
    css = ("#shot{width:940px;padding:20px 28px;background:#fff;font:14px 'Liberation Sans';"
           "color:#202122;line-height:1.6}h1{font:28px 'Liberation Serif';border-bottom:1px "
           "solid #a2a9b1;margin:0 0 12px}.ib{float:right;width:270px;margin:0 0 12px 18px;"
           "border:1px solid #a2a9b1;background:#f8f9fa;padding:8px 10px;font-size:13px}"
           ".ib .t{text-align:center;font-weight:bold;font-size:16px;margin-bottom:6px}"
           ".kv{padding:3px 0;border-top:1px solid #eaecf0}sup{color:#3366cc}")
    return page(f"<div id='shot'><h1>{family} (language model)</h1><div class='ib'>"
                f"<div class='t'>{family}</div>{box}</div>{text}</div>", css)


def shot(write: Callable[[random.Random], str]) -> Look:
    """The look that screenshots the page ``write`` makes, now and then at 150% or as JPEG."""

    def look(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
        image = browser.shoot(write(rng), rng.choice([1.0, 1.0, 1.5]))
        return image, {"charts": 0}, {"jpeg": rng.random() < 0.3, "scale": 1.0}

    return look


LOOKS: list[tuple[str, Look]] = [(write.__name__, shot(write)) for write in [
    tweet_thread, github_issue, readme_badges, two_column_slide, discord_chat, wiki_infobox]]


def generate(out: Path, count: int, seed: int) -> dict:
    return generate_set(out, count, seed, "memes", LOOKS)


if __name__ == "__main__":
    command_line(__doc__, generate, 16, 108000)
