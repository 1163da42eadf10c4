"""Text-only images of the eleventh blind set: no chart and no table in any of them, so a
chart found on one is a false chart. Written without reading the reader or any other
generator. Six looks, in turn:

- handwritten_note: a note in a slanted italic hand on ruled paper with a red margin;
- mail_client: an email open in a three-pane mail client (folders, list, message);
- terminal_log: a terminal with a training program's log lines quoting scores;
- sticky_board: a cork board of tilted sticky notes with short remarks;
- changelog_page: a changelog with version headings and bullet lists;
- search_results: a search engine's results page, titles, addresses and snippets.

    python benchmarks/blind11_memes.py OUT_DIR [--count 16] [--seed 105000]
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind11_data import BENCHMARKS, FAMILIES
from blind11_draw import draw_set, main
from browser import Browser


def model(rng: random.Random) -> str:
    return f"{rng.choice(FAMILIES)}-{rng.choice([3, 7, 13, 34, 70])}B"


def remark(rng: random.Random) -> str:
    bench = rng.choice(list(BENCHMARKS))
    low, high = BENCHMARKS[bench]
    before = round(rng.uniform(low, (low + high) / 2), 1)
    after = round(rng.uniform(before, high), 1)
    return rng.choice([
        f"{model(rng)} went from {before} to {after} on {bench} after the new data mix",
        f"remember: {bench} is {after} with the fixed prompt, not {before}",
        f"ask the team why {model(rng)} drops to {before} on {bench}",
        f"{bench} {after}% is our best so far, beat last week's {before}",
        f"re-run {bench} with {rng.choice([3, 5, 8])} shots before Friday",
        f"{model(rng)} needs {rng.randint(2, 9)} more days on {rng.randint(64, 512)} GPUs",
    ])


def sentence(text: str) -> str:
    """A remark opening a sentence: its first letter raised, the names left as written."""
    return html.escape(text[:1].upper() + text[1:])


def page(body: str, css: str) -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{margin:0}"
            f"{css}</style></head><body>{body}</body></html>")


def handwritten_note(rng):
    lines = [html.escape(remark(rng)) for _ in range(rng.randint(3, 6))]
    ink = rng.choice(["#1d3c8f", "#222", "#2b4d2b"])
    css = ("#shot{display:inline-block;padding:24px;background:#8d8f94}"
           ".paper{width:620px;padding:40px 30px 40px 90px;background:#fffdf4;"
           "background-image:repeating-linear-gradient(#fffdf4 0 33px,#9cc3e6 33px 34px);"
           "font-family:'FreeSerif';font-style:italic;font-size:22px;line-height:34px;"
           f"color:{ink};position:relative;transform:rotate({rng.uniform(-1.5, 1.5):.2f}deg)}}"
           ".margin{position:absolute;left:70px;top:0;bottom:0;border-left:2px solid #e88}")
    day = rng.choice(["Mon", "Tue", "Wed", "Thu"])
    body = (f"<div id='shot'><div class='paper'><div class='margin'></div><div>{day} — "
            "eval notes</div>" + "".join(f"<div>• {line}</div>" for line in lines)
            + "</div></div>")
    return page(body, css)


def mail_client(rng):
    sender = rng.choice(["Dana Whitlow", "R. Okonkwo", "Mira Castell", "Jonas Pelt"])
    subject = rng.choice(["Re: eval numbers for the release", "Weekly model update",
                          "Results from the overnight run"])
    paragraphs = [sentence(remark(rng)) + "." for _ in range(rng.randint(2, 4))]
    inbox = "".join(f"<div class='item'><b>{html.escape(n)}</b><br>{html.escape(s)}</div>"
                    for n, s in [(sender, subject), ("Build bot", "Nightly build passed"),
                                 ("Calendar", "Reading group moved to 3pm")])
    css = ("#shot{display:flex;width:1100px;height:560px;font-family:'Liberation Sans';"
           "font-size:14px;background:#fff}.folders{width:160px;background:#f3f3f3;"
           "padding:14px;line-height:28px;color:#333}.list{width:280px;border-right:1px solid "
           "#ddd}.item{padding:12px;border-bottom:1px solid #eee;color:#444}.item:first-child"
           "{background:#e8f0fe}.msg{flex:1;padding:20px 28px}.hdr{border-bottom:1px solid "
           "#ddd;padding-bottom:10px;margin-bottom:14px;color:#555}h2{font-size:20px;"
           "margin:0 0 8px;color:#111}")
    body = ("<div id='shot'><div class='folders'>Inbox<br>Starred<br>Sent<br>Drafts<br>Archive"
            f"</div><div class='list'>{inbox}</div><div class='msg'><div class='hdr'><h2>"
            f"{html.escape(subject)}</h2>From: {html.escape(sender)}<br>To: eval-team</div>"
            f"<p>Hi all,</p>{''.join(f'<p>{p}</p>' for p in paragraphs)}<p>Thanks,<br>"
            f"{html.escape(sender.split()[0])}</p></div></div>")
    return page(body, css)


def terminal_log(rng):
    bench = rng.choice(list(BENCHMARKS))
    step, loss, lines = rng.randint(100, 900), rng.uniform(2.2, 3.4), []
    seconds = rng.randint(0, 1800)
    for _ in range(rng.randint(10, 16)):
        step += rng.randint(50, 400)
        loss *= rng.uniform(0.97, 0.995)
        seconds += rng.randint(20, 200)
        clock = f"[{12 + seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}]"
        if rng.random() < 0.3:
            score = rng.uniform(*BENCHMARKS[bench])
            lines.append(f"{clock} eval step={step} "
                         f"{bench.lower()}={score:.2f} (best so far)")
        else:
            lines.append(f"{clock} train step={step} loss={loss:.4f}"
                         f" lr={rng.uniform(1, 3):.1e} tok/s={rng.randint(9000, 42000)}")
    prompt = f"user@node{rng.randint(1, 64)}:~/runs$ python train.py --config {model(rng)}.yaml"
    css = ("#shot{width:900px;background:#1e1e1e;color:#d4d4d4;font-family:"
           f"'{rng.choice(['DejaVu Sans Mono', 'Liberation Mono'])}';font-size:13px;"
           "padding:0 0 12px}.bar{background:#333;color:#bbb;padding:6px 12px;"
           "font-family:'Liberation Sans'}pre{margin:8px 12px;white-space:pre-wrap}"
           ".p{color:#6a9955}")
    body = (f"<div id='shot'><div class='bar'>Terminal</div><pre><span class='p'>"
            f"{html.escape(prompt)}</span>\n{html.escape(chr(10).join(lines))}</pre></div>")
    return page(body, css)


def sticky_board(rng):
    colours = ["#fff475", "#ffb3c6", "#b5ead7", "#ffd6a5", "#a0c4ff"]
    notes = "".join(
        f"<div class='note' style='background:{rng.choice(colours)};"
        f"transform:rotate({rng.uniform(-5, 5):.1f}deg)'>{html.escape(remark(rng))}</div>"
        for _ in range(rng.randint(4, 6)))
    css = ("#shot{width:860px;padding:30px;background:#b08a5a;display:flex;flex-wrap:wrap;"
           "gap:26px}.note{width:220px;min-height:150px;padding:16px;font-family:"
           f"'{rng.choice(['FreeSans', 'Open Sans', 'FreeSerif'])}';font-size:17px;"
           "box-shadow:3px 4px 6px rgba(0,0,0,.35)}")
    return page(f"<div id='shot'>{notes}</div>", css)


def changelog_page(rng):
    major, minor = rng.randint(0, 3), rng.randint(2, 9)
    sections = []
    for k in range(rng.randint(2, 3)):
        items = "".join(f"<li>{sentence(remark(rng))}</li>"
                        for _ in range(rng.randint(2, 3)))
        sections.append(f"<h2>v{major}.{minor - k}.0 <small>2024-0{rng.randint(1, 9)}-"
                        f"{rng.randint(10, 28)}</small></h2><h3>Changed</h3><ul>{items}</ul>")
    css = ("#shot{width:760px;padding:28px 40px;background:#fff;font-family:"
           f"'{rng.choice(['Roboto', 'Liberation Sans', 'Open Sans'])}';color:#24292f}}"
           "h1{font-size:30px;border-bottom:1px solid #ddd;padding-bottom:8px}h2{font-size:21px}"
           "small{color:#888;font-size:14px;font-weight:normal}h3{font-size:15px;color:#555}"
           "li{margin:4px 0}")
    return page(f"<div id='shot'><h1>Changelog</h1>{''.join(sections)}</div>", css)


def search_results(rng):
    query = f"{model(rng)} {rng.choice(list(BENCHMARKS))} score"
    results = []
    for _ in range(rng.randint(3, 5)):
        host = rng.choice(["example-ml.org", "notes.dev", "papers.example.net", "forum.ai"])
        results.append(f"<div class='r'><div class='u'>https://{host}/{rng.randint(100, 999)}"
                       f"</div><a>{sentence(remark(rng))}</a><p>"
                       f"{sentence(remark(rng))}. {sentence(remark(rng))}."
                       "</p></div>")
    css = ("#shot{width:900px;padding:20px 30px;background:#fff;font-family:'Liberation Sans';"
           "font-size:14px}.q{border:1px solid #dfe1e5;border-radius:22px;padding:10px 18px;"
           "width:560px;margin-bottom:10px}.n{color:#70757a;font-size:13px;margin:10px 0 16px}"
           ".r{margin-bottom:22px;width:640px}.u{color:#202124;font-size:12px}a{color:#1a0dab;"
           "font-size:19px;display:block;margin:3px 0}p{color:#4d5156;margin:2px 0}")
    body = (f"<div id='shot'><div class='q'>{html.escape(query)}</div><div class='n'>About "
            f"{rng.randint(2, 90)},{rng.randint(100, 999)} results</div>{''.join(results)}</div>")
    return page(body, css)


LOOKS = {"handwritten_note": handwritten_note, "mail_client": mail_client,
         "terminal_log": terminal_log, "sticky_board": sticky_board,
         "changelog_page": changelog_page, "search_results": search_results}


def draw(style: str, rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, str]:
    return browser.shoot(LOOKS[style](rng), rng.choice([1.0, 1.25])), {"charts": 0}, "png"


def generate(out: Path, count: int, seed: int) -> dict:
    return draw_set(out, count, seed, "memes", list(LOOKS), draw)


if __name__ == "__main__":
    main(__doc__, generate, 16, 105000)
