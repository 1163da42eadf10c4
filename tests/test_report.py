"""The HTML report: escaping, highlighting, the plot, and the page in a real Chromium.

The browser tests drive Debian's /usr/bin/chromium through Playwright (never a downloaded
browser) and skip, saying why, where either is missing. Set IMGREAD_UPDATE_DOCS=1 to have
the samples test write docs/report.png.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SAMPLES, SHARED, render_table, report_html
from test_store import make_record

from imgread.images import sha256_file
from imgread.importer import import_files
from imgread.record import Box, Flag, ImageInfo, Record, StageError
from imgread.report import write_report
from imgread.report_card import flags_for, from_ocr, highlight, source_model, span_positions
from imgread.report_plot import MAX_PLOT_POINTS, linear_ticks, log_ticks, model_family, plot_points
from imgread.store import SqliteStore, open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCRIPT = "<script>alert(1)</script>"
# Model output that is HTML: if it were inserted as markup, the handler would set the global.
VLM_HTML = ('The table lists three models. <img src=x onerror="window.__pwned=1"><b>bold</b> '
            f"{SCRIPT} It compares reading comprehension and sentiment analysis.")


def test_highlight_escapes_and_marks_overlapping_spans() -> None:
    text = "Llama <b>2</b> performs best on MMLU"
    flags = [Flag(kind="claim_contradicts_data", message="Falcon is higher", span="performs best"),
             Flag(kind="entity_not_in_image", message="<no> such <b>", span="best on MMLU",
                  severity="error")]
    marked = highlight(text, flags)
    assert "<b>" not in marked and "&lt;b&gt;2&lt;/b&gt;" in marked
    marks = re.findall(r'<mark class="flag sev-(\w+)"[^>]*data-tip="([^"]*)">([^<]*)</mark>',
                       marked)
    assert [(severity, body) for severity, _, body in marks] == [
        ("warning", "performs "), ("error", "best"), ("error", " on MMLU")]
    assert "claim_contradicts_data" in marks[1][1] and "entity_not_in_image" in marks[1][1]
    assert "&lt;no&gt; such &lt;b&gt;" in marks[2][1]
    assert span_positions("a  Quick\nbrown fox", "quick brown") == [(3, 14)]
    assert span_positions("anything", None) == []


def test_a_flag_is_marked_only_in_the_description_of_its_model() -> None:
    said = "Llama 2 outperforms Mistral everywhere."
    record = make_record(vlm_text=said)
    record.descriptions[1].text = said  # the other model says the same words
    flag = Flag(kind="claim_contradicts_data", message="not on MMLU", source="vlm:llava-1.6",
                span="outperforms Mistral")
    stray = Flag(kind="quote_not_in_image", message="unknown source", source="someone",
                 span="Mistral everywhere")
    models = {d.model.lower() for d in record.descriptions}
    assert flags_for(record.descriptions[0], models, [flag, stray]) == [flag, stray]
    assert flags_for(record.descriptions[1], models, [flag, stray]) == [stray]
    assert source_model("vlm:gemma3:simple") == "gemma3" and source_model("ocr") == "ocr"


def test_model_families_and_ticks() -> None:
    assert [model_family(m) for m in ("Llama-2-70B", "TinyLlama-1.1B", "Mixtral 8x7B",
                                      "Qwen1.5-72B", "Yi-34B", "", "Foo Bar")] == [
        "llama", "tinyllama", "mixtral", "qwen", "yi", "(unnamed)", "foo"]
    assert log_ticks(0.8, 120) == [1, 2, 5, 10, 20, 50, 100]
    assert linear_ticks(40, 80) == [40, 50, 60, 70, 80]


def test_the_plot_draws_each_reading_once_and_stays_light() -> None:
    a, b, c = "a1" * 32, "b2" * 32, "c3" * 32
    rows = [(a, "a.png", "Llama 2", 70.0, 68.9), (b, "b.png", "llama-2", 70.0, 68.9),
            (b, "b.png", "Falcon", 40.0, 55.4), (c, "c.png", "Falcon", 40.0, 57.0)]
    points, total = plot_points(rows, {(c, "falcon")})
    assert total == 4
    assert [(p.path, p.model, p.params_b, p.mmlu, p.conflict) for p in points] == [
        ("a.png", "Llama 2", 70, 68.9, False), ("b.png", "Falcon", 40, 55.4, False),
        ("c.png", "Falcon", 40, 57.0, True)]
    many = [(a, "a.png", f"Model {i}", 7.0, 50.0) for i in range(MAX_PLOT_POINTS + 10)]
    points, total = plot_points(many, set())
    assert len(points) == MAX_PLOT_POINTS and total == MAX_PLOT_POINTS + 10


def _hostile_store(folder: Path) -> SqliteStore:
    """Three records: one whose OCR and VLM text is HTML, one that conflicts, one failed."""
    image = render_table(folder / "hostile.png", ["Model", "Params", "MMLU"],
                         [["Llama 2", "70B", "68.9"], ["Mistral", "7B", "60.1"]], title=SCRIPT)
    hostile = make_record(name="hostile.png", sha=sha256_file(image), title=SCRIPT,
                          vlm_text=VLM_HTML)
    hostile.image.path = hostile.image.paths[0] = str(image)
    hostile.rows[2].model = SCRIPT  # a model name read from the image is text, too
    conflicting = make_record(name="other.png", sha="b2" * 32,
                              rows=[("Llama-2", 70, 69.8), ("Gemma", 7, 64.3)])
    conflicting.status = "ok"
    broken = Record(image=ImageInfo(path="broken.png", paths=["broken.png"], sha256="c3" * 32,
                                    first_seen="2026-11-25T10:00:00+00:00"),
                    status="failed", processed_at="2026-11-25T10:00:01+00:00",
                    errors=[StageError(stage="load", message="broken.png: the file is empty",
                                       hint="re-download it")])
    store = open_store(str(folder / "imgread.sqlite"))
    run = store.start_run({"source": str(folder), "started": "2026-11-25T10:00:00+00:00",
                           "todo": 3})
    for record in (hostile, conflicting, broken):
        store.put(record, run_id=run)
    store.finish_run(run, {"processed": 3, "ok": 1, "partial": 1, "failed": 1,
                           "finished": "2026-11-25T10:00:06+00:00"})
    return store


def test_the_page_escapes_all_text_from_images_and_models(tmp_path: Path) -> None:
    with _hostile_store(tmp_path) as store:
        index = write_report(tmp_path, store)
    overview, page = index.read_text(), (index.parent / "pages" / "0001.html").read_text()
    for text in (overview, page):
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "<b>bold" not in text
        assert "script-src 'self'" in text  # inline scripts are refused even if one slipped by
        assert len(re.findall(r"<script\b", text)) == 1
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title, OCR, VLM, row
    # Only the report's own files run; the search's texts are a JSON literal in a data file.
    assert re.findall(r'<script src="([^"]+)"', overview) == ["assets/search.js"]
    assert re.findall(r'<script src="([^"]+)"', page) == ["../assets/report.js"]
    data = (index.parent / "data" / "0001.js").read_text()
    prefix = "imgreadShard(1, "
    assert data.startswith(prefix) and data.endswith(");\n")
    items = json.loads(data[len(prefix):-3])
    assert any(SCRIPT in item["text"] for item in items)
    assert all(item["href"].startswith("pages/0001.html#card-") for item in items)
    assert (index.parent / "assets" / "report.js").is_file()
    assert len(list((index.parent / "images").glob("*.png"))) == 1  # the one image on disk
    assert '<code class="before">689</code> → <code class="after">68.9</code>' in page
    assert "No runs recorded" not in overview and "<td>3</td>" in overview  # the run's counts
    # Every file the overview links to is there: pages, each benchmark's whole table.
    linked = set(re.findall(r'href="([^"#]+)', overview))
    assert {"pages/0001.html", "assets/report.css"} <= linked
    assert any(href.startswith("leaderboard/") for href in linked)
    for href in linked:
        assert (index.parent / href).is_file(), href
    board = next(index.parent.glob("leaderboard/mmlu-*.html")).read_text()
    assert 'href="../pages/0001.html#card-b2b2b2b2b2b2b2b2"' in board


def test_an_empty_database_gets_a_page_that_says_so(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "empty.sqlite")) as store:
        page = write_report(tmp_path, store).read_text()
    assert "0 images from" in page and "No rows with both parameters and MMLU yet" in page
    assert "No runs recorded" in page and '<article' not in page
    assert list((tmp_path / "report" / "pages").iterdir()) == []


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in sorted((root / "pages").glob("*.html"))}


def test_only_new_or_changed_pages_are_written_again(tmp_path: Path) -> None:
    root = tmp_path / "report"
    with _hostile_store(tmp_path) as store:
        write_report(tmp_path, store, page_size=1)
        first = _stamps(root)
        assert list(first) == ["0001.html", "0002.html", "0003.html"]
        write_report(tmp_path, store, page_size=1)
        assert _stamps(root) == first  # nothing changed: no page written

        # A new image (first seen later: the last page) that conflicts with other.png's
        # Gemma reading: its page is new, other.png's page shows the conflict now, and the
        # page before the new one links to it; the rest stay as they were.
        newer = make_record(name="newer.png", sha="d4" * 32, rows=[("Gemma", 7, 66.0)])
        newer.image.first_seen = "2026-11-26T10:00:00+00:00"
        store.put(newer)
        order = store.shas_in_order_seen()
        assert order[-1] == "d4" * 32
        write_report(tmp_path, store, page_size=1)
        second = _stamps(root)
        changed = {name for name in first if second[name] != first[name]}
        other_page = f"{order.index('b2' * 32) + 1:04d}.html"
        assert changed == {other_page, "0003.html"}
        assert "0004.html" in second
        shown = (root / "pages" / other_page).read_text()
        assert "reads 64.3 here but 66 in samples/newer.png" in shown
        # A page whose image went missing from the report folder is written again with it.
        for image in (root / "images").glob("*.png"):
            image.unlink()
        write_report(tmp_path, store, page_size=1)
        hostile_page = f"{order.index(sha256_file(tmp_path / 'hostile.png')) + 1:04d}.html"
        assert {name for name, stamp in _stamps(root).items()
                if stamp != second[name]} == {hostile_page}
        assert len(list((root / "images").glob("*.png"))) == 1
        # Fewer pages (a larger page size) leave no stale page behind.
        write_report(tmp_path, store, page_size=3)
    assert sorted(path.name for path in (root / "pages").iterdir()) == ["0001.html",
                                                                        "0002.html"]
    assert sorted(path.name for path in (root / "data").iterdir()) == ["0001.js", "0002.js"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed: apt-get install chromium chromium-driver")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright is not installed: pip install playwright")
    profile = tempfile.mkdtemp(prefix="imgread-chromium-")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _open(browser: Any, index: Path) -> tuple[Any, list[str]]:
    page = browser.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"error: {error}"))
    page.on("request", lambda request: None if request.url.startswith("file:")
            else events.append(f"network: {request.url}"))
    page.goto(index.as_uri())
    page.wait_for_load_state("load")
    return page, events


def _visible_cards(page: Any) -> int:
    return int(page.locator(".card:visible").count())


@pytest.mark.browser
def test_the_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with _hostile_store(tmp_path) as store:
        index = write_report(tmp_path, store)
    page, events = _open(browser, index.parent / "pages" / "0001.html")

    assert page.locator(".card").count() == 3
    assert page.locator("#f-count").inner_text() == "3 of 3 images shown"
    hostile = page.locator(".card", has_text="hostile.png").first
    assert SCRIPT in hostile.locator("pre.text").inner_text()  # the OCR text, literally
    assert '<img src=x onerror="window.__pwned=1">' in hostile.locator(".text-col").nth(
        1).inner_text()
    assert hostile.locator(".text-col img, .text-col b").count() == 0
    assert page.evaluate("window.__pwned") is None

    # A flagged span is highlighted, and its reason shows on keyboard focus.
    mark = hostile.locator("mark.flag", has_text="reading comprehension").first
    mark.focus()
    tip = page.evaluate("(el) => getComputedStyle(el, '::after').content",
                        mark.element_handle())
    assert "entity_not_in_image" in tip
    assert "entity_not_in_image" in (mark.get_attribute("title") or "")
    repaired = hostile.locator("pre.text mark.flag")  # the repair, marked in the OCR text
    assert repaired.all_inner_texts() == ["68.9"]
    assert "ocr_repaired" in (repaired.get_attribute("data-tip") or "")

    # The word boxes sit over the image; the toggle hides them and zoom widens the canvas.
    assert hostile.locator("svg.boxes rect").count() == 1 + 3 + 3 * 3  # title, head, 3 rows
    assert hostile.locator("img").evaluate("(img) => img.naturalWidth") > 0
    hostile.locator(".toggle-boxes").uncheck()
    assert not hostile.locator("svg.boxes").is_visible()
    before = hostile.locator(".canvas").bounding_box()["width"]
    hostile.locator("[data-zoom=in]").click()
    assert hostile.locator(".canvas").bounding_box()["width"] > before * 1.4

    # Filters hide the cards (and the index rows) that do not match.
    page.select_option("#f-status", "failed")
    assert _visible_cards(page) == 1
    assert page.locator(".card:visible h2").inner_text() == "broken.png"
    assert page.locator("#index tbody tr:visible").count() == 1
    page.select_option("#f-status", "")
    page.select_option("#f-flag", "conflicts_with_other_image")
    assert _visible_cards(page) == 2
    page.select_option("#f-flag", "")
    page.select_option("#f-model", "read:Gemma")
    assert _visible_cards(page) == 1
    page.select_option("#f-model", "")
    page.select_option("#f-rows", "no")
    assert _visible_cards(page) == 1
    page.select_option("#f-rows", "")
    page.fill("#f-name", "HOSTILE")
    assert _visible_cards(page) == 1
    page.fill("#f-name", "")
    assert _visible_cards(page) == 3
    page.locator("nav.pager a", has_text="overview").click()
    assert page.url == index.as_uri()

    # The overview. The plot: one linked point per row with parameters, the conflicting
    # pair ringed.
    points = page.locator("svg.plot a.point")
    assert points.count() == 5
    assert page.locator("svg.plot a.point circle.conflict-ring").count() == 2
    assert page.locator("svg.plot").bounding_box()["height"] > 200
    assert page.locator("table.pages tbody tr").count() == 1

    # The leaderboard comes first: the conflicting MMLU reading is marked, with both images.
    board = page.locator("table.leaderboard").first
    assert page.locator("h2#leaderboard").is_visible()
    conflicted = board.locator("tr.conflict")
    assert conflicted.count() == 1 and "Llama" in conflicted.inner_text()
    assert conflicted.locator("a").count() == 2 and "2 values" in conflicted.inner_text()
    # The search finds words in OCR text and descriptions and links to their cards.
    page.fill("#s-text", "Reading COMPREHENSION")
    expect(page.locator("#s-count")).to_have_text("2 matches")
    assert page.locator("#s-results li").count() == 2  # both images' descriptions
    page.fill("#s-text", "alert(1)")  # the hostile title, shown as text
    expect(page.locator("#s-count")).to_have_text(re.compile(r"^\d+ match"))
    assert "<script>" in page.locator("#s-results li").first.inner_text()
    assert page.evaluate("window.__pwned") is None
    page.fill("#s-text", "")

    screenshot = tmp_path / "report.png"
    page.screenshot(path=str(screenshot), full_page=False)
    assert screenshot.stat().st_size > 10_000
    points.first.click()
    assert re.search(r"/pages/0001\.html#card-[0-9a-f]{16}$", page.url)
    assert events == []
    page.close()


@pytest.mark.browser
def test_links_and_search_reach_cards_on_other_pages(browser: Any, tmp_path: Path) -> None:
    """One card a page: the search loads every page's data file on demand, and every link
    from the overview (leaderboard, plot, search) opens the page that holds that card."""
    from playwright.sync_api import expect

    with _hostile_store(tmp_path) as store:
        index = write_report(tmp_path, store, page_size=1)
    page, events = _open(browser, index)
    assert page.locator("table.pages tbody tr").count() == 3
    page.fill("#s-text", "Reading COMPREHENSION")
    expect(page.locator("#s-count")).to_have_text("2 matches")  # found on two pages
    hrefs = [*page.locator("#s-results a").evaluate_all("(links) => links.map(a => a.href)"),
             *page.locator("table.leaderboard a, svg.plot a.point").evaluate_all(
                 "(links) => links.map(a => new URL(a.getAttribute('href'), document.baseURI)"
                 ".href)")]
    assert len(hrefs) >= 2 + 2 + 5  # results, the conflicted line's two images, the points
    for href in hrefs:
        target, card = href.split("#")
        assert re.search(r"/pages/000[123]\.html$", target), href
        assert f'id="{card}"' in Path(target.removeprefix("file://")).read_text()
    page.locator("#s-results a").first.click()
    card = page.url.split("#")[1]
    assert page.locator(f"#{card}").is_visible()
    assert events == []
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_script_read_from_an_image_shows_as_text(browser: Any, tmp_path: Path) -> None:
    """Through the real pipeline: Tesseract reads the tag off the pixels, a VLM output with
    HTML comes in through `imgread import`, and the page shows both as text."""
    import imgread

    folder = tmp_path / "images"
    folder.mkdir()
    render_table(folder / "script.png", ["Model", "MMLU"], [["Llama 2", "68.9"]],
                 title=SCRIPT, size=28)
    exported = tmp_path / "vlm-output.txt"
    exported.write_text(f"First Seen\n2024-05-22T06:22:56+00:00\nsimple-description "
                        f"(evil-vlm-1b)\n{VLM_HTML}\n")
    database = str(tmp_path / "imgread.sqlite")
    with open_store(database) as store:
        import_files([exported], store, image="script.png")
    imgread.run(folder, out_dir=tmp_path, db=database, workers=1, progress=False, report=False)
    with open_store(database) as store:
        [record] = store.records()
        index = write_report(tmp_path, store)
    if not record.ocr.words:
        pytest.skip(f"the OCR stage read no words ({record.errors})")
    assert "script" in record.ocr.text.lower()
    assert [d.text for d in record.descriptions] == [VLM_HTML]
    assert "<script>alert" not in report_html(tmp_path)
    page, events = _open(browser, index.parent / "pages" / "0001.html")
    assert page.locator("pre.text").inner_text().strip() == record.ocr.text.strip()
    shown = page.locator(".text-col").nth(1).inner_text()
    assert '<img src=x onerror="window.__pwned=1"><b>bold</b>' in shown and SCRIPT in shown
    assert page.locator("svg.boxes rect").count() == len(record.ocr.words)
    assert page.evaluate("window.__pwned") is None
    assert events == []
    page.close()


def _words_fit_the_image(record: Record) -> bool:
    info = record.image
    boxes: list[Box] = [word.box for word in record.ocr.words]
    return all(0 <= b.x1 <= b.x2 <= info.width and 0 <= b.y1 <= b.y2 <= info.height
               for b in boxes)


@pytest.mark.browser
@pytest.mark.slow
def test_report_of_the_samples(browser: Any, tmp_path: Path) -> None:
    """The samples through the real pipeline into a report; writes docs/report.png on request."""
    import imgread

    images = sorted(path for path in SAMPLES.glob("*") if path.suffix in (".png", ".jpg"))
    if not images:
        pytest.skip("samples/ has no images yet: run samples/make_samples.py")
    database = str(tmp_path / "imgread.sqlite")
    seeds = sorted((SHARED / "seeds").glob("00[01]_*.txt"))
    with open_store(database) as store:  # the seeds' recorded VLM outputs, as a user would
        for seed, sample in zip(seeds, ("seed000_llama_table.png",
                                        "seed001_llama2_mistral_chart.png"), strict=False):
            import_files([seed], store, image=sample)
    imgread.run(SAMPLES, out_dir=tmp_path, db=database, workers=1, progress=False,
                report=False)
    with open_store(database) as store:
        records = list(store.records())
        index = write_report(tmp_path, store)
    page, events = _open(browser, index.parent / "pages" / "0001.html")  # all on one page
    assert page.locator(".card").count() == len(images) == len(records)
    assert page.locator(".card img").count() == len(images)
    for record in records:
        assert _words_fit_the_image(record), record.image.path
        card = page.locator(f"#card-{record.image.sha256[:16]}")
        assert card.locator("svg.boxes rect").count() == len(record.ocr.words)
        assert card.locator(".text-col").count() == 1 + max(
            1, len({d.model for d in record.descriptions}))
        # Every flag that quotes a description is highlighted in it.
        quoted = {f.kind for f in record.flags for d in record.descriptions
                  if not from_ocr(f) and span_positions(d.text, f.span)}
        marked = " ".join(card.locator(".text-col mark.flag").evaluate_all(
            "(marks) => marks.map((m) => m.dataset.tip)"))
        assert all(kind in marked for kind in quoted), (record.image.path, quoted)
    assert events == []
    if os.environ.get("IMGREAD_UPDATE_DOCS"):
        page.fill("#f-name", "seed000")  # the overview, then one card with its flags
        page.screenshot(path=str(REPO / "docs" / "report.png"), full_page=True)
    page.close()

