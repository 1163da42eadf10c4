"""A web table forwarded through a chat app, the whole screenshot shrunk to about 300 px
and saved as a JPEG of quality 30-45: letters 4-5 px tall, blurred and blocky, too small
for Tesseract. Fixtures drawn by benchmarks/looks/forwarded_chat.py (seed 310, images 2
and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.config import load_config
from imgread.ocr import rapid
from imgread.pipeline import read_image

FIXTURES = Path(__file__).parent / "fixtures" / "small"

needs_second_engine = pytest.mark.skipif(
    not rapid.available(), reason="the second engine is not installed"
)


def _body(name: str, tiny_pages: bool = True) -> list[list[str]]:
    config = load_config()
    config.ocr.tiny_pages = tiny_pages
    tables = read_image(FIXTURES / name, config).ocr.tables
    return [[cell.text for cell in row] for table in tables for row in table.body]


@needs_second_engine
def test_a_tiny_blurred_page_is_read_by_the_second_engine() -> None:
    """Tesseract read this page as noise ("Madet", "Mythia", "1,00M-i768") and found no
    table; read whole by the second engine, the rows and most of their scores are there."""
    body = _body("forwarded_007.jpg")
    assert len(body) == 5
    assert [body[4][0], *body[4][-3:]] == ["Llama-2-13B", "60.3", "74.3", "29.4"]
    assert body[3][:2] == ["Baichuan2-13B", "13B"]
    assert body[3][-2:] == ["20.3", "71.6"]


@needs_second_engine
def test_the_second_engines_boxes_are_cut_to_their_ink() -> None:
    """The detector widens each line's box by about half its height all round: uncut, a
    model name's box ran into the next cell and a row read as one name,
    "Baichuan2-13B-13B-53.4"; cut to their ink, the cells of a row stay apart."""
    body = _body("forwarded_002.jpg")
    assert len(body) == 6
    assert all(len(row) == 6 for row in body)
    assert ["MPT-30B", "46.3", "79.5", "75.1", "72.2", "29.9"] in body
    assert body[-1][:2] == ["Phi-2", "59.7"]
