"""Blind test set 17, memes: text-only screenshots (no table, no chart) about language models.

Usage: python benchmarks/blind17_memes.py OUT_DIR [--count 16] [--seed 128000]

Looks (STYLE in each file's name), in turn:
- arxiv_abs_page: an arXiv abstract page (subject, title, authors, abstract, history);
- hn_thread: a Hacker News item page, orange bar, nested comments;
- man_page: a man page in a terminal (bold section headings, options), dark or light;
- kindle_page: an e-reader page of a novel-like essay, serif text, location and percent footer;
- lockscreen_notifs: a phone lock screen, big clock, a stack of notifications, JPEG;
- stackoverflow_question: a Stack Overflow question with a code block, tags and votes.

Truth (truth.json, file name -> dict): {"style": STYLE, "charts": 0}.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind17_io import Ctx, Shot, esc, page, run_cli
from blind17_table_looks import FAMILIES

SENTENCES = [
    "We find that most of the gains come from cleaning the data rather than from scale.",
    "The model forgets the instruction as soon as the context grows past a few pages.",
    "Nobody agrees on what a fair comparison between these systems would look like.",
    "Evaluation sets leak into training corpora faster than anyone can replace them.",
    "A smaller model trained for longer often beats a larger one trained briefly.",
    "Careful prompting closes part of the gap, but not the part that matters.",
    "The same checkpoint answers differently when the question is phrased politely.",
    "Most of the reported improvements vanish once the random seed is changed.",
    "Tokenizers quietly decide which languages a model will be good at.",
    "The hardest part of the project was agreeing on what counts as a correct answer.",
    "Long context is easy to advertise and hard to use well.",
    "We release the code, the prompts and every intermediate checkpoint.",
    "Distillation works surprisingly well when the teacher explains its reasoning.",
    "In practice the latency budget decides which model ships, not the leaderboard.",
]


def para(rng: random.Random, n: int) -> str:
    return " ".join(rng.sample(SENTENCES, n))


def who(rng: random.Random) -> str:
    first = ["Mira", "Tobias", "Anouk", "Rahul", "Yuki", "Sofia", "Ibrahim", "Clara", "Jonas"]
    last = ["Lindgren", "Okoye", "Baptiste", "Hoffmann", "Nakamura", "Varga", "Silva", "Reyes"]
    return f"{rng.choice(first)} {rng.choice(last)}"


# ---------------------------------------------------------------- 1 arxiv_abs_page
def arxiv_abs_page(rng: random.Random, ctx: Ctx) -> Shot:
    fam = rng.choice(FAMILIES)
    title = rng.choice(
        [
            f"{fam}: Small Language Models That Read Carefully",
            "On the Fragility of Instruction Following Under Paraphrase",
            "Less Data, Longer Training: Revisiting Compute-Optimal Recipes",
        ]
    )
    authors = ", ".join(who(rng) for _ in range(rng.randint(3, 7)))
    css = f"""
    #shot{{width:{rng.randint(900, 1250)}px;background:#fff;font-family:'Liberation Sans';
      color:#000;font-size:15px}}
    .top{{background:#b31b1b;color:#fff;padding:10px 20px;font-size:20px;font-weight:700}}
    .crumb{{padding:8px 20px;font-size:14px;color:#555}} .main{{padding:0 20px 20px 20px}}
    .subj{{font-size:14px;font-weight:700;margin-top:12px}}
    h1{{font-size:24px;margin:14px 0 8px;font-family:'Liberation Serif'}}
    .auth a{{color:#1a0dab;font-size:15px}}
    blockquote{{margin:16px 30px;line-height:1.5;font-size:15px}}
    .hist{{font-size:13px;color:#444;border-top:1px solid #ddd;padding-top:8px}}
    """
    body = f"""<div id='shot'><div class='top'>arXiv</div><div class='crumb'>arXiv &gt;
    cs &gt; arXiv:25{rng.randint(1, 12):02d}.{rng.randint(10000, 19999)}</div><div class='main'>
    <div class='subj'>Computer Science &gt; Computation and Language</div>
    <div style='font-size:13px;color:#555'>[Submitted on {rng.randint(1, 28)} Mar 2025]</div>
    <h1>{esc(title)}</h1><div class='auth'><a>{esc(authors)}</a></div>
    <blockquote><b>Abstract:</b> {esc(para(rng, 5))}</blockquote>
    <div style='font-size:14px;margin-left:30px'>Comments: {rng.randint(9, 30)} pages,
    {rng.randint(3, 9)} figures. Code available.</div>
    <div class='hist'><b>Submission history</b><br>From: {esc(who(rng))}<br>[v1] Mon,
    {rng.randint(1, 28)} Mar 2025 17:{rng.randint(10, 59)}:02 UTC ({rng.randint(200, 2000)}
    KB)</div></div></div>"""
    return Shot(ctx.shoot(page(body, css), rng.choice([1.0, 1.25])), {"charts": 0})


# ---------------------------------------------------------------- 2 hn_thread
def hn_thread(rng: random.Random, ctx: Ctx) -> Shot:
    users = ["throwaway_ml", "dang_it", "kernelpanic", "bayesbrain", "oldschoolnlp", "gpu_poor"]
    comments = []
    for i in range(rng.randint(4, 6)):
        depth = 0 if i == 0 else rng.choice([0, 1, 1, 2])
        comments.append(
            f"<div class='c' style='margin-left:{depth * 40}px'><div class='h'>▲ "
            f"{rng.choice(users)} {rng.randint(1, 23)} hours ago | next [–]</div>"
            f"<div>{esc(para(rng, rng.randint(1, 3)))}</div><div class='h'><u>reply</u></div>"
            "</div>"
        )
    css = f"""
    #shot{{width:{rng.randint(760, 1100)}px;background:#f6f6ef;font-family:'Liberation Sans';
      font-size:{rng.choice([13, 14])}px;color:#000}}
    .bar{{background:#ff6600;padding:4px 6px;font-size:14px}}
    .bar b{{border:1px solid #fff;color:#fff;padding:0 3px;margin-right:6px}}
    .t{{padding:10px 10px 2px;font-size:15px}} .s{{color:#828282;font-size:12px;padding:0 10px}}
    .c{{padding:8px 10px;line-height:1.35}} .h{{color:#828282;font-size:12px;margin:2px 0}}
    """
    body = f"""<div id='shot'><div class='bar'><b>Y</b><b style='border:0;color:#000'>Hacker
    News</b> new | past | comments | ask | show | jobs | submit</div>
    <div class='t'>▲ {
        esc(
            rng.choice(
                [
                    "Why small models keep surprising us",
                    "Ask HN: Are leaderboards still useful?",
                    "The evaluation crisis in language models",
                ]
            )
        )
    }
    <span class='s'>({rng.choice(["example.com", "blog.example.org"])})</span></div>
    <div class='s'>{rng.randint(80, 900)} points by {rng.choice(users)}
    {rng.randint(2, 12)} hours ago | hide | {rng.randint(40, 400)} comments</div>
    <div style='height:10px'></div>{"".join(comments)}</div>"""
    return Shot(ctx.shoot(page(body, css, "#f6f6ef"), rng.choice([1.0, 1.5])), {"charts": 0})


# ---------------------------------------------------------------- 3 man_page
def man_page(rng: random.Random, ctx: Ctx) -> Shot:
    tool = rng.choice(["evalrun", "tokcount", "ckpt-merge", "promptfmt"])
    dark = rng.random() < 0.6
    bg, fg = ("#1d1f21", "#c5c8c6") if dark else ("#ffffff", "#111111")
    opts = [
        ("-m, --model NAME", "Load the checkpoint called NAME from the local cache."),
        ("-n, --shots N", "Number of examples placed before each question."),
        ("--seed S", "Seed for sampling; the default makes runs repeatable."),
        ("-o, --out FILE", "Write the answers to FILE instead of standard output."),
        ("-q, --quiet", "Print nothing but errors."),
    ]
    lines = [
        f"{tool.upper()}(1){' ' * 26}User Commands{' ' * 26}{tool.upper()}(1)",
        "",
        "<b>NAME</b>",
        f"       {tool} - run a language model over a file of prompts",
        "",
        "<b>SYNOPSIS</b>",
        f"       <b>{tool}</b> [<u>OPTION</u>]... <u>FILE</u>",
        "",
        "<b>DESCRIPTION</b>",
        "       Reads one prompt per line from FILE and writes one answer per line.",
        "       Blank lines are kept so that answers stay aligned with prompts.",
        "",
    ]
    for flag, text in rng.sample(opts, rng.randint(3, 5)):
        lines += [f"       <b>{esc(flag)}</b>", f"              {esc(text)}", ""]
    lines.append(
        f"<span class='st'> Manual page {tool}(1) line 1 (press h for help or q to quit)</span>"
    )
    mono = rng.choice(["DejaVu Sans Mono", "Liberation Mono"])
    css = f"""
    #shot{{background:{bg};color:{fg};padding:10px 14px;font-family:'{mono}';
      font-size:{rng.choice([13, 14, 15])}px}} pre{{margin:0;font-family:inherit;line-height:1.3}}
    b{{color:{"#ffffff" if dark else "#000"}}} .st{{background:{fg};color:{bg}}}
    """
    body = f"<div id='shot'><pre>{chr(10).join(lines)}</pre></div>"
    return Shot(ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.25])), {"charts": 0})


# ---------------------------------------------------------------- 4 kindle_page
def kindle_page(rng: random.Random, ctx: Ctx) -> Shot:
    sepia = rng.random() < 0.5
    bg, fg = ("#f4ecd8", "#3b2f1e") if sepia else ("#ffffff", "#111")
    w = rng.randint(560, 760)
    css = f"""
    #shot{{width:{w}px;height:{int(w * 1.35)}px;background:{bg};color:{fg};position:relative;
      font-family:'{rng.choice(["Liberation Serif", "DejaVu Serif", "FreeSerif"])}';
      overflow:hidden}}
    .hd{{text-align:center;font-size:13px;color:#888;padding-top:14px}}
    .txt{{padding:18px 48px;font-size:{rng.choice([18, 19, 20])}px;line-height:1.6;
      text-align:justify}} .txt p{{margin:0 0 0;text-indent:1.5em}}
    .ft{{position:absolute;bottom:12px;left:24px;right:24px;display:flex;
      justify-content:space-between;font-size:13px;color:#888}}
    """
    paras = "".join(f"<p>{esc(para(rng, 3))}</p>" for _ in range(rng.randint(6, 7)))
    body = f"""<div id='shot'><div class='hd'>{
        esc(rng.choice(["The Quiet Machine", "Notes on Reading Machines", "Chapter 7: Benchmarks"]))
    }</div><div class='txt'>{paras}</div>
    <div class='ft'><span>Loc {rng.randint(800, 4000)} of {rng.randint(5000, 9000)}</span>
    <span>{rng.randint(3, 40)} mins left in chapter</span>
    <span>{rng.randint(5, 95)}%</span></div></div>"""
    return Shot(ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.5])), {"charts": 0})


# ---------------------------------------------------------------- 5 lockscreen_notifs
def lockscreen_notifs(rng: random.Random, ctx: Ctx) -> Shot:
    apps = [
        ("Slack", "#4a154b", f"{who(rng)}: did the new {rng.choice(FAMILIES)} run finish?"),
        ("Mail", "#1e88e5", "Re: camera-ready deadline moved to Friday"),
        ("GitHub", "#24292f", "Your workflow 'nightly-eval' failed on main"),
        ("Messages", "#34c759", "lol the model called itself a toaster again"),
        ("Calendar", "#ff3b30", "Reading group: long-context papers, 15:00"),
        ("Discord", "#5865f2", "#training-runs: loss spiked at step 41k"),
    ]
    items = []
    for app, color, text in rng.sample(apps, rng.randint(3, 5)):
        items.append(
            f"<div class='n'><div class='ic' style='background:{color}'></div><div>"
            f"<div class='a'>{esc(app.upper())} · {rng.randint(1, 59)}m ago</div>"
            f"<div>{esc(text)}</div></div></div>"
        )
    grad = rng.choice(
        ["linear-gradient(160deg,#243b55,#141e30)", "linear-gradient(160deg,#42275a,#734b6d)",
         "linear-gradient(160deg,#0f2027,#2c5364)"]
    )  # fmt: skip
    css = f"""
    #shot{{width:390px;height:844px;background:{grad};color:#fff;font-family:'Roboto';
      position:relative}}
    .date{{text-align:center;padding-top:70px;font-size:19px}}
    .clock{{text-align:center;font-size:88px;font-weight:300;line-height:1}}
    .list{{position:absolute;bottom:90px;left:12px;right:12px}}
    .n{{background:rgba(255,255,255,.18);border-radius:18px;padding:12px 14px;margin-top:8px;
      display:flex;gap:10px;font-size:15px;line-height:1.3}}
    .ic{{width:34px;height:34px;border-radius:8px;flex:none}} .a{{font-size:12px;opacity:.8}}
    """
    day = rng.choice(["Monday", "Tuesday", "Thursday", "Saturday"])
    body = f"""<div id='shot'><div class='date'>{day}, {rng.randint(1, 28)} June</div>
    <div class='clock'>{rng.randint(6, 11)}:{rng.randint(10, 59)}</div>
    <div class='list'>{"".join(items)}</div></div>"""
    image = ctx.shoot(page(body, css, "#000"), rng.choice([1.5, 2.0]))
    return Shot(image, {"charts": 0}, rng.randint(55, 85))


# ---------------------------------------------------------------- 6 stackoverflow_question
def stackoverflow_question(rng: random.Random, ctx: Ctx) -> Shot:
    fam = rng.choice(FAMILIES).lower()
    code = (
        "from transformers import AutoTokenizer, AutoModelForCausalLM\n\n"
        f'tok = AutoTokenizer.from_pretrained("acme/{fam}-7b")\n'
        f'model = AutoModelForCausalLM.from_pretrained("acme/{fam}-7b")\n'
        'ids = tok("Hello", return_tensors="pt").input_ids\n'
        "out = model.generate(ids, max_new_tokens=20)\n"
        "print(tok.decode(out[0]))"
    )
    title = rng.choice(
        [
            "Why does generate() repeat the prompt instead of answering?",
            "Model output is empty after loading a fine-tuned checkpoint",
            "Tokenizer warning about padding side when batching prompts",
        ]
    )
    tags = rng.sample(["python", "huggingface-transformers", "pytorch", "nlp", "llm"], 3)
    font = rng.choice(["Liberation Sans", "Open Sans"])
    css = f"""
    #shot{{width:{rng.randint(800, 1100)}px;background:#fff;font-family:'{font}';
      color:#232629;padding:20px 24px;font-size:15px}}
    h1{{font-size:26px;font-weight:400;margin:0 0 6px}} .meta{{color:#6a737c;font-size:13px;
      border-bottom:1px solid #e3e6e8;padding-bottom:10px;margin-bottom:14px}}
    .row{{display:flex;gap:18px}} .vote{{text-align:center;color:#6a737c;font-size:21px;
      width:40px}} pre{{background:#f6f6f6;padding:12px;border-radius:5px;
      font-family:'DejaVu Sans Mono';font-size:13px;line-height:1.4}}
    .tag{{background:#e1ecf4;color:#39739d;font-size:12px;padding:4px 7px;border-radius:3px;
      margin-right:4px}} p{{line-height:1.5}}
    """
    body = f"""<div id='shot'><h1>{esc(title)}</h1><div class='meta'>Asked
    {rng.randint(2, 11)} months ago &nbsp; Modified {rng.randint(1, 30)} days ago &nbsp;
    Viewed {rng.randint(200, 9000)} times</div><div class='row'><div class='vote'>▲<br>
    {rng.randint(-2, 40)}<br>▼</div><div><p>{esc(para(rng, 2))} Here is a minimal
    example:</p><pre>{esc(code)}</pre><p>The output just echoes the input. What am I missing?
    </p><div>{"".join(f"<span class='tag'>{t}</span>" for t in tags)}</div></div></div></div>"""
    return Shot(ctx.shoot(page(body, css), rng.choice([1.0, 1.25])), {"charts": 0})


LOOKS = [
    ("arxiv_abs_page", arxiv_abs_page),
    ("hn_thread", hn_thread),
    ("man_page", man_page),
    ("kindle_page", kindle_page),
    ("lockscreen_notifs", lockscreen_notifs),
    ("stackoverflow_question", stackoverflow_question),
]


def generate(out: Path, count: int = 16, seed: int = 128000) -> dict:
    from blind17_io import generate as _generate

    return _generate("memes", LOOKS, out, count, seed)


if __name__ == "__main__":
    run_cli("memes", LOOKS, 16, 128000)
