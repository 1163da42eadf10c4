"""Looks of ``blind13_tables.py`` that dress a table as an app or a page: an issue
tracker, a print preview, an email, an editor beside its PDF, a poster, a model card."""

from __future__ import annotations

import html
import random

from blind13_data import encode
from blind13_table_parts import esc, printed_table, shoot, table_html
from browser import Browser


def jira_issue(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 7), (3, 5), params=rng.choice(["Params", "# Params"]))
    width = rng.randint(1050, 1400)
    side = "".join(f"<div class=f><span>{k}</span><b>{v}</b></div>" for k, v in [
        ("Assignee", "R. Okafor"), ("Reporter", "lin.m"), ("Priority", "Medium"),
        ("Labels", "eval, release"), ("Sprint", "Eval sprint 14"), ("Story points", "5")])
    body = f"""<div class=top>Projects / EVAL / <a>EVAL-{rng.randint(100, 999)}</a></div>
    <div class=wrap><div class=main><h1>Compare candidate checkpoints before the release</h1>
    <div class=btns><span>Attach</span><span>Add a child issue</span><span>Link issue</span></div>
    <h3>Description</h3><p>Scores from the nightly harness. Please review before Friday.</p>
    {table_html(t)}<p class=muted>Numbers are averages over three seeds.</p>
    <h3>Activity</h3><div class=c>Show: <u>All</u> Comments History</div></div>
    <div class=side><div class=st>In Review &#9662;</div>{side}</div></div>"""
    css = """body{font-family:'Open Sans',sans-serif;color:#172b4d;background:#fff}
    .top{font-size:13px;color:#5e6c84;padding:14px 24px}.top a{color:#0052cc}
    .wrap{display:flex;gap:28px;padding:0 24px 24px}.main{flex:1}
    h1{font-size:22px;font-weight:600;margin:4px 0 10px}h3{font-size:14px;margin:18px 0 6px}
    .btns span{background:#f4f5f7;border-radius:3px;padding:5px 10px;margin-right:6px;
    font-size:13px}p{font-size:14px}.muted{color:#6b778c;font-size:12px}
    table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #c1c7d0;
    padding:6px 10px}th{background:#f4f5f7}.side{width:260px;font-size:13px}
    .st{background:#0052cc;color:#fff;display:inline-block;padding:6px 12px;border-radius:3px;
    margin-bottom:14px}.f{display:flex;justify-content:space-between;padding:6px 0;
    border-bottom:1px solid #ebecf0}.f span{color:#6b778c}.c{font-size:13px}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 1.25]))
    return (*encode(image), t, None)


def calc_preview(rng: random.Random, browser: Browser):
    t = printed_table(rng, (5, 9), (4, 6), tokens="Tokens (T)")
    group = rng.randint(2, 3)
    first = len(t.columns) - group
    header_extra = (f"<tr><th colspan={first}></th><th colspan={group} class=g>"
                    f"{rng.choice(['Reasoning', 'Knowledge', 'Code and maths'])}</th></tr>")
    width = rng.randint(900, 1300)
    body = f"""<div class=bar><span>Close Preview</span><span>Page 1 of 1</span>
    <span>Zoom {rng.choice([85, 100, 110])}%</span><span>Margins</span></div>
    <div class=desk><div class=sheet><div class=hd>results_q3.ods</div>
    {table_html(t, header_extra=header_extra)}<div class=ft>Page 1</div></div></div>"""
    css = """body{font-family:'Liberation Sans',sans-serif;background:#808080}
    .bar{background:#e8e8e8;font-size:12px;padding:6px;border-bottom:1px solid #aaa}
    .bar span{margin-right:18px}.desk{padding:30px}.sheet{background:#fff;
    padding:70px 60px 40px;box-shadow:2px 2px 6px #333;min-height:600px}
    .hd{text-align:center;font-size:11px;margin-bottom:26px}
    .ft{text-align:center;font-size:11px;margin-top:320px}
    table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #c0c0c0;
    padding:2px 6px}th{font-weight:bold}.g{text-align:center!important}"""
    image = shoot(browser, css, body, width, 1.0)
    return (*encode(image), t, None)


def outlook_email(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 7), (3, 5), params=rng.choice(["Parameters", None]))
    width = rng.randint(800, 1150)
    band = rng.choice(["#D9E1F2", "#DDEBF7", "#EDEDED"])
    body = f"""<div class=hdr><div class=subj>RE: eval numbers for the steering group</div>
    <div><b>Priya Natarajan</b> &lt;priya.n@example.org&gt;</div>
    <div class=g>To: Model Eval WG; Cc: D. Fischer</div><div class=g>Tue 14/05 09:12</div></div>
    <div class=msg><p>Hi all,</p><p>As promised, the summary table below. Full logs are
    on the share.</p>{table_html(t)}<p>Thanks,<br>Priya</p></div>"""
    css = f"""body{{font-family:'Liberation Sans','Open Sans',sans-serif;background:#fff}}
    .hdr{{padding:14px 20px;border-bottom:1px solid #ddd;font-size:13px}}
    .subj{{font-size:19px;margin-bottom:8px}}.g{{color:#666}}
    .msg{{padding:10px 20px 20px;font-size:14.5px}}table{{border-collapse:collapse;
    font-size:14.5px}}th{{background:#4472C4;color:#fff;padding:4px 9px;
    border:1px solid #8EA9DB}}td{{padding:3px 9px;border:1px solid #8EA9DB}}
    tbody tr:nth-child(odd){{background:{band}}}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 1.5]))
    return (*encode(image, width=rng.choice([None, width])), t, None)


def overleaf_split(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 7), (3, 5), settings=True, params=rng.choice([None, "Params"]))
    marked = set(rng.sample(range(len(t.cells)), 2))
    number = rng.randint(1, 5)
    caption = f"Table {number}: Results of our models against baselines."
    source = ["\\section{Experiments}", "", "We compare against open baselines of",
              "similar size; see Appendix~\\ref{app:setup}.", "",
              "\\begin{table}[t]", "  \\centering", "  \\small",
              "  \\caption{Results of our models against baselines.}",
              "  \\label{tab:main}", "  \\input{tables/main}", "\\end{table}", "",
              "\\paragraph{Findings.} Larger models help on", "every benchmark."]
    lines = "".join(f"<div><i>{i + 1}</i>{esc(line) or '&nbsp;'}</div>"
                    for i, line in enumerate(source))

    def cell(r: int, c: int, text: str) -> str:
        return esc(text) + ("<sup>&dagger;</sup>" if c == 0 and r in marked else "")

    width = rng.randint(1300, 1600)
    body = f"""<div class=tb>Menu &nbsp; Overleaf &nbsp;&nbsp; paper-main &nbsp;&nbsp;
    <span>Recompile</span></div><div class=split><div class=src>{lines}</div>
    <div class=pdf><div class=pg><p class=txt>{number + 3}.1 Main results</p>
    <div class=cap>{esc(caption)}</div>{table_html(t, cell=cell)}
    <p class=fn>&dagger; our reproduction.</p></div></div></div>"""
    css = """body{font-family:'Liberation Sans',sans-serif;background:#2c3e50}
    .tb{background:#1e2b37;color:#ddd;font-size:13px;padding:8px}.tb span{background:#138a07;
    color:#fff;padding:3px 10px;border-radius:3px}.split{display:flex}
    .src{width:42%;background:#fff;font:13px 'DejaVu Sans Mono',monospace;padding:8px 0}
    .src i{display:inline-block;width:34px;color:#999;text-align:right;margin-right:10px;
    font-style:normal}.pdf{flex:1;background:#525659;padding:20px}.pg{background:#fff;
    padding:40px 50px;font-family:'Liberation Serif',serif}.txt{font-weight:bold}
    .cap{font-size:14px;margin-bottom:6px}table{border-collapse:collapse;font-size:14px;
    border-top:1.5px solid #000;border-bottom:1.5px solid #000}thead tr{border-bottom:1px
    solid #000}th,td{padding:3px 9px}th{font-weight:normal}.fn{font-size:12px}"""
    image = shoot(browser, css, body, width, 1.0)
    return (*encode(image), t, caption)


def poster_band(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 6), (3, 4), params=rng.choice(["Params", "Params (B)"]))
    colour = rng.choice(["#7a1f3d", "#1f4e79", "#2e6b30", "#8a4b08"])
    title = rng.choice(["Main results", "Results", "How do we compare?"])
    width = rng.randint(1100, 1500)
    body = f"""<div class=poster><div class=band>{title}</div><div class=inner>
    <p>Zero-shot unless noted. Higher is better.</p>{table_html(t)}
    <p class=small>Scan the code for the full results.</p></div></div>"""
    css = f"""body{{background:#e9e4da;font-family:'Roboto',sans-serif}}.poster{{margin:22px;
    background:#fffdf7;border:3px solid {colour};border-radius:14px;overflow:hidden}}
    .band{{background:{colour};color:#fff;font-size:36px;font-weight:bold;padding:12px 24px}}
    .inner{{padding:14px 28px;font-size:22px}}table{{border-collapse:collapse;font-size:24px}}
    th{{border-bottom:3px solid {colour};color:{colour};padding:6px 16px}}
    td{{padding:6px 16px;border-bottom:1px solid #ddd}}.small{{font-size:16px;color:#777}}"""
    image = shoot(browser, css, body, width, 1.0)
    return (*encode(image, width=round(width * rng.uniform(0.6, 0.85)),
                    jpeg=rng.randint(55, 75)), t, title)


def emoji_status(rng: random.Random, browser: Browser):
    t = printed_table(rng, (3, 6), (2, 4), params="Params")
    states = [("&#9679;", "#2da44e", "Released"), ("&#9680;", "#bf8700", "Preview"),
              ("&#10005;", "#cf222e", "Deprecated"), ("&#10003;", "#2da44e", "Stable")]
    t.columns.insert(1, "Status")
    printed_states = []
    for row in t.cells:
        mark, colour, word = rng.choice(states)
        printed_states.append((mark, colour, word))
        row.insert(1, f"{html.unescape(mark)} {word}")

    def cell(r: int, c: int, text: str) -> str:
        if c != 1:
            return esc(text)
        mark, colour, word = printed_states[r]
        return f"<span style='color:{colour}'>{mark}</span> {word}"

    width = rng.randint(700, 1000)
    body = f"""<div class=card><div class=crumb>models / {esc(t.cells[0][0].split()[0])}</div>
    <h2>Model variants</h2><p>Every checkpoint below is licensed for research use.</p>
    {table_html(t, cell=cell, align_numbers='left')}
    <h2>Intended use</h2><p>Chat, summarisation and code help.</p></div>"""
    css = """body{font-family:'DejaVu Sans',sans-serif;background:#fff;color:#24292f}
    .card{padding:18px 26px}.crumb{color:#57606a;font-size:13px}h2{font-size:20px;
    border-bottom:1px solid #d0d7de;padding-bottom:4px}p{font-size:14px}
    table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #d0d7de;
    padding:6px 12px}tbody tr:nth-child(even){background:#f6f8fa}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 2.0]))
    return (*encode(image, width=rng.choice([None, width])), t, None)
