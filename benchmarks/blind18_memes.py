"""Blind test set 18, memes: text-only screenshots (no table, no chart) about language models.

Usage: python benchmarks/blind18_memes.py OUT_DIR [--count 16] [--seed 132000]

Looks (STYLE in each file's name), in turn:
- assistant_chat_bubbles: a chat with an AI assistant, user and assistant bubbles (light/dark);
- flat_scene_caption: top and bottom caption in heavy sans over a flat coloured scene (JPEG);
- blog_comments: the comment section under a blog post, avatars, replies, "Reply" links;
- release_notes_page: a release notes page, version headings with dates and bullet lists;
- notebook_poem: a short poem written on a lined notebook page with a red margin line;
- pip_install_log: a terminal running "pip install", download lines and a success line.

Truth (truth.json, file name -> dict): {"style": STYLE, "charts": 0}.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind18_io import Ctx, Shot, esc, page, run_cli
from blind18_table_looks import FAMILIES, to_jpeg

LINES = [
    "The model was sure of itself right up until the unit tests ran.",
    "Every leaderboard is a snapshot of which prompts people had time to tune.",
    "Shorter answers were rated as more honest, which says something about us.",
    "We doubled the context window and the model used none of it.",
    "A benchmark saturates the week after someone writes a blog post about it.",
    "The fine-tune fixed the typo problem and introduced a haiku problem.",
    "Our evaluation budget was mostly spent arguing about decoding settings.",
    "It knows the capital of every country and none of my calendar.",
    "The 7B model wrote the summary; the 70B model wrote a better apology.",
    "Nobody reads the appendix, which is where the honest numbers live.",
]


def chat_meta(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}:{rng.randint(10, 59)} {rng.choice(['AM', 'PM'])}"


# 1. assistant_chat_bubbles
def assistant_chat_bubbles(rng: random.Random, ctx: Ctx) -> Shot:
    dark = rng.random() < 0.5
    bg, fg, user_bg, bot_bg = (("#212121", "#ececec", "#2f2f2f", "#212121") if dark
                               else ("#ffffff", "#1f1f1f", "#f0f0f0", "#ffffff"))
    family = rng.choice(FAMILIES)
    turns = [
        ("user", "Which is better for summarising long reports, a 7B or a 13B model?"),
        ("bot", "It depends less on size than on how the model was tuned. A 13B model usually "
                "keeps track of more details, but a well-tuned 7B can be close for short "
                "documents. Try both on three of your own reports and compare."),
        ("user", rng.choice(["What about the context length?", "And if I only have 8 GB?"])),
        ("bot", f"{family} supports 32k tokens in its newer versions. With 8 GB you can run a "
                "4-bit 7B model comfortably; a 13B model will be tight and slow."),
    ]
    bubbles = "".join(
        f"<div class='{who}'><div class='b'>{esc(text)}</div></div>" for who, text in turns)
    css = f"""
    #shot{{width:760px;background:{bg};color:{fg};font-family:'Open Sans',sans-serif;
           padding:20px 26px 30px}}
    .top{{font-weight:600;font-size:17px;margin-bottom:18px}}
    .user{{display:flex;justify-content:flex-end;margin:14px 0}}
    .user .b{{background:{user_bg};border-radius:20px;padding:10px 16px;max-width:70%;
              font-size:15px;line-height:1.5}}
    .bot .b{{background:{bot_bg};font-size:15px;line-height:1.65;padding:4px 0}}
    .in{{margin-top:24px;border-radius:26px;border:1px solid #8884;padding:14px 18px;
         color:#888;font-size:15px}}
    """
    html = (f"<div id='shot'><div class='top'>{esc(family)} Chat ⌄</div>{bubbles}"
            "<div class='in'>Message</div></div>")
    return Shot(ctx.shoot(page(html, css, bg), rng.choice([1.0, 1.5])), {"charts": 0})


# 2. flat_scene_caption
def flat_scene_caption(rng: random.Random, ctx: Ctx) -> Shot:
    top, bottom = rng.choice([
        ("when the benchmark says 92%", "and the demo still can't count the r's"),
        ("me explaining my 7B model", "to people with a 400B model"),
        ("trained for three weeks", "forgot how to say no"),
        ("one more epoch", "said every overfit model ever"),
    ])
    sky = rng.choice(["#8ecae6", "#ffb4a2", "#b8c0ff", "#caffbf"])
    ground = rng.choice(["#52796f", "#6d597a", "#bc6c25", "#3a5a40"])
    css = f"""
    #shot{{width:640px;height:640px;position:relative;overflow:hidden;
           background:linear-gradient({sky},{sky} 62%,{ground} 62%)}}
    .sun{{position:absolute;width:130px;height:130px;border-radius:50%;background:#ffd166;
          left:{rng.randint(60, 420)}px;top:150px}}
    .hill{{position:absolute;width:700px;height:300px;border-radius:50%;background:{ground};
           filter:brightness(.85);left:-200px;top:360px}}
    .cap{{position:absolute;left:0;right:0;text-align:center;color:#fff;
          font-family:'Roboto';font-weight:900;font-size:44px;text-transform:uppercase;
          -webkit-text-stroke:2px #000;padding:0 20px;line-height:1.05}}
    """
    html = (f"<div id='shot'><div class='sun'></div><div class='hill'></div>"
            f"<div class='cap' style='top:18px'>{esc(top)}</div>"
            f"<div class='cap' style='bottom:22px'>{esc(bottom)}</div></div>")
    image = to_jpeg(ctx.shoot(page(html, css), 1.0), rng.randint(50, 75))
    return Shot(image, {"charts": 0}, rng.randint(60, 85))


# 3. blog_comments
def blog_comments(rng: random.Random, ctx: Ctx) -> Shot:
    people = rng.sample(["marek_t", "Hanna B.", "quietcoder", "Luis Ferreira", "asha",
                         "Pete W.", "nnnoor"], 4)
    comments = ""
    for i, who in enumerate(people):
        reply = " reply" if i in (1, 3) else ""
        comments += (
            f"<div class='c{reply}'><div class='av'>{esc(who[0].upper())}</div><div>"
            f"<b>{esc(who)}</b><span class='d'>{rng.randint(1, 28)} May 2024 at "
            f"{rng.randint(1, 12)}:{rng.randint(10, 59)} pm</span><p>"
            f"{esc(' '.join(rng.sample(LINES, 2)))}</p><a>Reply</a> · <a>♥ {rng.randint(0, 40)}</a>"
            "</div></div>")
    css = """
    #shot{width:780px;background:#fffdf8;font-family:'DejaVu Serif',serif;color:#2b2b2b;
          padding:26px 34px}
    h3{font-family:'Roboto';font-size:20px;border-bottom:2px solid #2b2b2b;padding-bottom:8px}
    .c{display:flex;gap:14px;margin:18px 0}
    .c.reply{margin-left:56px}
    .av{width:42px;height:42px;border-radius:50%;background:#c9ada7;color:#fff;flex:none;
        display:flex;align-items:center;justify-content:center;font-family:'Roboto';
        font-weight:700}
    b{font-family:'Roboto';font-size:15px}
    .d{color:#888;font-size:12px;margin-left:10px;font-family:'Roboto'}
    p{font-size:15px;line-height:1.6;margin:6px 0}
    a{color:#b5542a;font-size:13px;font-family:'Roboto'}
    """
    html = (f"<div id='shot'><h3>{len(people) + rng.randint(0, 9)} Comments</h3>"
            f"{comments}</div>")
    return Shot(ctx.shoot(page(html, css), rng.choice([1.0, 1.25])), {"charts": 0})


# 4. release_notes_page
def release_notes_page(rng: random.Random, ctx: Ctx) -> Shot:
    major = rng.randint(1, 4)
    minor = rng.randint(3, 9)
    notes = [
        "Added support for 4-bit quantised checkpoints up to 70B parameters.",
        "Fixed a crash when the prompt was longer than 32,768 tokens.",
        "Tokenizer loading is now about 3x faster.",
        "The default temperature changed from 0.8 to 0.7.",
        "Removed the deprecated --legacy-cache flag.",
        "Streaming responses now report token counts.",
        "Improved memory use of the KV cache by 18%.",
    ]
    blocks = ""
    for k in range(3):
        version = f"v{major}.{minor - k}.{rng.randint(0, 4)}"
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        items = "".join(f"<li>{esc(n)}</li>" for n in rng.sample(notes, rng.randint(2, 4)))
        blocks += (f"<h2>{version} <span>{date}</span></h2><h4>"
                   f"{rng.choice(['Changes', 'Fixes', 'Highlights'])}</h4><ul>{items}</ul>")
    css = """
    #shot{width:860px;background:#fff;font-family:'Liberation Sans',sans-serif;color:#24292f;
          padding:30px 44px}
    h1{font-size:30px;margin:0 0 6px}
    .sub{color:#57606a;margin-bottom:18px}
    h2{font-size:22px;border-bottom:1px solid #d0d7de;padding-bottom:6px;margin-top:26px}
    h2 span{font-size:14px;color:#57606a;font-weight:400;margin-left:10px}
    h4{margin:10px 0 4px;color:#57606a}
    li{font-size:15px;line-height:1.7}
    """
    html = (f"<div id='shot'><h1>{esc(rng.choice(FAMILIES).lower())}-runtime release notes"
            "</h1><div class='sub'>All notable changes to this project.</div>"
            f"{blocks}</div>")
    return Shot(ctx.shoot(page(html, css), rng.choice([1.0, 1.25])), {"charts": 0})


# 5. notebook_poem
def notebook_poem(rng: random.Random, ctx: Ctx) -> Shot:
    poem = rng.choice([
        ["Seven billion weights at night,", "humming softly, none of them right,",
         "till the morning loss came down", "and the model learned the town."],
        ["I asked it for a sonnet,", "it gave me fourteen lines,", "a footnote and an apology",
         "and eleven other signs."],
        ["Context fading, token by token,", "the first instruction long forgotten,",
         "yet it answers, calm and bright,", "with something almost right."],
    ])
    title = rng.choice(["Ode to a checkpoint", "Overfit", "Late eval"])
    lines = "".join(f"<div class='l'>{esc(t)}</div>" for t in ["", title, "", *poem, "",
                                                                 f"— {rng.choice(['J.', 'M.K.'])}"])
    css = """
    #shot{width:620px;padding:30px 0 60px;background-color:#fdfbf3;
          background-image:repeating-linear-gradient(#fdfbf3 0 33px,#c7dbef 33px 34px);
          position:relative;font-family:'FreeSerif',serif;font-style:italic;color:#1d3557}
    #shot:before{content:'';position:absolute;left:70px;top:0;bottom:0;width:2px;
                 background:#e5989b}
    .l{height:34px;line-height:40px;padding-left:90px;font-size:22px}
    .l:nth-child(2){font-weight:700}
    """
    html = f"<div id='shot'>{lines}</div>"
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.5]))
    return Shot(image, {"charts": 0}, rng.randint(70, 90) if rng.random() < 0.5 else None)


# 6. pip_install_log
def pip_install_log(rng: random.Random, ctx: Ctx) -> Shot:
    pkgs = rng.sample([("tokenizers", "0.19.1", "3.6"), ("safetensors", "0.4.3", "1.2"),
                       ("sentencepiece", "0.2.0", "1.3"), ("accelerate", "0.30.1", "0.3"),
                       ("numpy", "1.26.4", "18.2"), ("regex", "2024.5.15", "0.8"),
                       ("huggingface-hub", "0.23.2", "0.4")], 5)
    main = f"{rng.choice(FAMILIES).lower()}-infer"
    out = [f"$ pip install {main}", f"Collecting {main}",
           f"  Downloading {main}-1.{rng.randint(0, 9)}.0-py3-none-any.whl "
           f"({rng.randint(80, 900)} kB)"]
    for name, version, mb in pkgs:
        out += [f"Collecting {name}>={version.split('.')[0]}.0 (from {main})",
                f"  Downloading {name}-{version}-cp311-cp311-manylinux_2_17_x86_64.whl "
                f"({mb} MB)",
                f"     {mb}/{mb} MB {rng.randint(5, 60)}.{rng.randint(0, 9)} MB/s eta 0:00:00"]
    out += ["Installing collected packages: " + ", ".join(p[0] for p in pkgs) + f", {main}",
            "Successfully installed " + " ".join(f"{p[0]}-{p[1]}" for p in pkgs)
            + f" {main}-1.0.0", "$ "]
    theme = rng.choice([("#1e1e2e", "#cdd6f4"), ("#fdf6e3", "#586e75"), ("#0c0c0c", "#cccccc")])
    css = f"""
    #shot{{width:980px;background:{theme[0]};color:{theme[1]};border-radius:8px;
           overflow:hidden;font-family:'DejaVu Sans Mono',monospace}}
    .bar{{height:28px;background:#8883;display:flex;align-items:center;gap:7px;
          padding-left:12px}}
    .bar i{{width:12px;height:12px;border-radius:50%;display:block}}
    pre{{margin:0;padding:12px 16px 18px;font-size:13px;line-height:1.45;white-space:pre-wrap}}
    """
    html = ("<div id='shot'><div class='bar'><i style='background:#ff5f57'></i>"
            "<i style='background:#febc2e'></i><i style='background:#28c840'></i></div>"
            f"<pre>{esc(chr(10).join(out))}</pre></div>")
    return Shot(ctx.shoot(page(html, css, theme[0]), rng.choice([1.0, 1.5])), {"charts": 0})


LOOKS = [
    ("assistant_chat_bubbles", assistant_chat_bubbles),
    ("flat_scene_caption", flat_scene_caption),
    ("blog_comments", blog_comments),
    ("release_notes_page", release_notes_page),
    ("notebook_poem", notebook_poem),
    ("pip_install_log", pip_install_log),
]


def generate(out: Path, count: int = 16, seed: int = 132000) -> dict:
    from blind18_io import generate as _generate

    return _generate("memes", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("memes", LOOKS, 16, 132000)
