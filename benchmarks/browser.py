"""One headless Chromium (Debian's, driven by Playwright) that screenshots generated pages:
the renderer the held-out generators share. Nothing is fetched from the network."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
BASE_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]


class Browser:
    """One browser for the whole run, one page per device scale factor; ``shoot`` returns
    the element ``#shot`` of a page as an RGB image."""

    def __init__(self, viewport: tuple[int, int], args: list[str] | None = None) -> None:
        self.viewport = viewport
        self.args = [*BASE_ARGS, *(args or [])]
        self._playwright: Any = None
        self._browser: Any = None
        self._pages: dict[float, Any] = {}

    def shoot(self, page_html: str, scale: float) -> Image.Image:
        if self._browser is None:
            if not CHROMIUM.exists():
                raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=self.args
            )
        if scale not in self._pages:
            width, height = self.viewport
            context = self._browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=scale
            )
            context.route("**/*", lambda route: route.abort())  # nothing from the network
            page = context.new_page()
            # A loaded machine (a test run beside helpers) can take minutes to parse plotly's
            # bundle; Playwright's 30 s default then fails a whole benchmark for one page.
            page.set_default_timeout(600_000)
            self._pages[scale] = page
        page = self._pages[scale]
        page.set_content(page_html, wait_until="load")
        png = page.locator("#shot").screenshot(type="png", animations="disabled")
        return Image.open(io.BytesIO(png)).convert("RGB")

    def evaluate(self, script: str, scale: float) -> Any:
        """Run ``script`` (a JavaScript function) in the page last shot at ``scale``: what
        a generator measures there (which columns a scrolling box shows)."""
        return self._pages[scale].evaluate(script)

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
            self._browser = None


def seconds_to_open(pages: list[Path]) -> list[float]:
    """How long Chromium takes to open each file (until its load event: parsed, styled,
    its scripts run), each in a fresh tab of one browser started beforehand."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    import time

    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=BASE_ARGS)
        for path in pages:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=600_000)
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return times
