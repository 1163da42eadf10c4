"""Properties that hold for every input, checked on many generated ones (hypothesis): the
importer only ever refuses with a message, the number parser never fails and reads back
what was printed, a record survives JSON -> record -> database -> JSON unchanged, and the
report's highlighting marks exactly the flagged spans."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imgread.errors import ImgreadError
from imgread.importer import parse_seed_file, parse_text
from imgread.record import (
    Description,
    Flag,
    ImageInfo,
    OcrResult,
    PromptRef,
    Record,
    Row,
    Score,
    StageError,
)
from imgread.report_card import esc, flag_reason, highlight, span_positions
from imgread.store import open_store
from imgread.units import parse_number

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- the importer -----------------------------------------------------------------------

header_lines = st.sampled_from(["qwen2-vl-2b", "tesseract-ocr", "simple-description (m-1)",
                                "detailed-analysis (gemma3-27b)", "First Seen", "", "{", "["])
import_texts = st.lists(st.one_of(header_lines, st.text(max_size=40)), max_size=12).map(
    "\n".join)


@FAST
@given(import_texts)
def test_the_text_form_parses_or_is_refused_with_a_message(text: str) -> None:
    try:
        record = parse_text(text, "seed.txt")
    except ImgreadError as error:
        assert "seed.txt" in str(error)
        return
    assert all(d.text == d.text.strip() and d.text for d in record.descriptions)


@FAST
@given(st.one_of(import_texts, st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                              lambda inner: st.lists(inner, max_size=4)
                              | st.dictionaries(st.sampled_from(
                                  ["model", "kind", "prompt", "text", "descriptions", "image"]),
                                  inner, max_size=4),
                              max_leaves=12).map(json.dumps)))
def test_any_file_imports_or_is_refused_with_a_message(content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.txt"
        path.write_text(content, encoding="utf-8")
        try:
            record = parse_seed_file(path)
        except ImgreadError as error:
            assert "any.txt: import:" in str(error)
            return
    assert record.descriptions


names = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FFF), min_size=1, max_size=20)
descriptions = st.builds(
    Description, model=names, kind=st.sampled_from(["simple", "detailed", "extract"]),
    prompt=st.builds(PromptRef, name=names, sha256=st.text("0123456789abcdef", max_size=64)),
    text=st.text(min_size=1, max_size=200).filter(str.strip),
    latency_s=st.none() | st.floats(0, 1e4), input_tokens=st.none() | st.integers(0, 10**6))


@FAST
@given(st.lists(descriptions, min_size=1, max_size=5))
def test_imgread_json_descriptions_import_unchanged(items: list[Description]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "descriptions.json"
        path.write_text(json.dumps([d.model_dump(mode="json") for d in items]))
        record = parse_seed_file(path)
    assert [d.model_copy(update={"imported_from": None}) for d in record.descriptions] == items
    assert {d.imported_from for d in record.descriptions} == {str(path)}


# --- the number parser ------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.booleans())
def test_parse_number_never_fails(text: str, whole: bool) -> None:
    value = parse_number(text, whole=whole)
    assert value is None or isinstance(value, float)


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-99999, max_value=99999, places=2, allow_nan=False),
       st.sampled_from(["{:.2f}", "{:,.2f}", "{:.1f}%", "({:.2f})", "{:.2f}*"]))
def test_printed_numbers_read_back(number: object, form: str) -> None:
    printed = form.format(number)
    expected = float(format(number, ".1f" if "%" in form else ".2f"))
    assert parse_number(printed) == expected
    if form in ("{:.2f}", "{:,.2f}"):
        assert parse_number(printed, whole=True) == expected


# --- the record round trip --------------------------------------------------------------

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
values = st.none() | finite
evidence = st.dictionaries(st.text(max_size=8), st.none() | st.text(max_size=12)
                           | st.integers(-10**6, 10**6) | finite, max_size=3)
scores = st.builds(Score, model=st.text(max_size=20), model_normalised=st.text(max_size=20),
                   benchmark=st.text(max_size=20), setting=st.none() | st.text(max_size=10),
                   value=values, unit=st.sampled_from(["%", "", "b", "t"]),
                   sources=st.lists(st.text(max_size=10), max_size=3),
                   confidence=st.floats(0, 1), evidence=evidence)
rows = st.builds(Row, model=st.text(max_size=20), params_b=values, tokens_t=values, mmlu=values,
                 params_from_name=st.booleans(), index=st.none() | st.integers(0, 1000),
                 sources=st.lists(st.text(max_size=10), max_size=3), confidence=st.floats(0, 1))
flags = st.builds(Flag, kind=st.text(min_size=1, max_size=20), message=st.text(max_size=40),
                  severity=st.sampled_from(["info", "warning", "error"]),
                  source=st.text(max_size=10), span=st.none() | st.text(max_size=20),
                  evidence=evidence)
records = st.builds(
    Record,
    image=st.builds(ImageInfo, path=st.text(max_size=30),
                    paths=st.lists(st.text(max_size=30), max_size=3),
                    sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
                    width=st.integers(0, 10**5), height=st.integers(0, 10**5),
                    first_seen=st.text(max_size=25)),
    ocr=st.builds(OcrResult, text=st.text(max_size=80), mean_confidence=st.floats(0, 100)),
    descriptions=st.lists(descriptions, max_size=3),
    scores=st.lists(scores, max_size=5), rows=st.lists(rows, max_size=4),
    flags=st.lists(flags, max_size=4),
    status=st.sampled_from(["ok", "partial", "failed"]),
    errors=st.lists(st.builds(StageError, stage=st.text(max_size=10),
                              message=st.text(max_size=30), hint=st.text(max_size=30)),
                    max_size=2),
    timings_ms=st.dictionaries(st.text(max_size=10), st.floats(0, 1e6), max_size=4),
    processed_at=st.text(max_size=25),
)


@FAST
@given(st.lists(records, min_size=1, max_size=3))
def test_json_to_record_to_database_to_json_is_the_identity(items: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as folder, \
            open_store(str(Path(folder) / "db.sqlite")) as store:
        for item in items:
            text = item.to_json()
            store.put(Record.from_json(text))
            stored = store.get(item.image.sha256)
            assert stored is not None and stored.to_json() == text
        last = {item.image.sha256: item.to_json() for item in items}
        assert sorted(store.record_texts()) == sorted(last.values())


# --- the report's highlighting ----------------------------------------------------------


def naive_highlight(text: str, flags_: list[Flag]) -> list[tuple[str, set[str]]]:
    """Per character, the reasons that cover it: the definition the sweep must meet."""
    covered: list[set[str]] = [set() for _ in text]
    for flag in flags_:
        for start, end in span_positions(text, flag.span):
            for position in range(start, end):
                covered[position].add(flag_reason(flag))
    return [(char, reasons) for char, reasons in zip(text, covered, strict=True)]


@settings(max_examples=200, deadline=None)
@given(st.text("ab c", max_size=40),
       st.lists(st.builds(Flag, kind=st.just("k"), message=st.sampled_from(["m1", "m2"]),
                          severity=st.sampled_from(["info", "warning"]),
                          span=st.text("ab c", min_size=1, max_size=4)), max_size=4))
def test_highlight_marks_exactly_the_flagged_spans(text: str, flags_: list[Flag]) -> None:
    page = highlight(text, flags_)
    expected = naive_highlight(text, flags_)
    # Undo the markup: each segment's text with the reasons of its <mark>, if any.
    found: list[tuple[str, set[str]]] = []
    position = 0
    while position < len(page):
        if page.startswith("<mark", position):
            tip = page.index('data-tip="', position) + len('data-tip="')
            reasons = set(page[tip:page.index('"', tip)].split("\n"))
            body = page.index(">", tip) + 1
            end = page.index("</mark>", body)
            segment, position = page[body:end], end + len("</mark>")
        else:
            end = page.find("<mark", position)
            end = len(page) if end == -1 else end
            segment, position, reasons = page[position:end], end, set()
        unescaped = segment.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
            .replace("&#x27;", "'").replace("&amp;", "&")
        found += [(char, reasons) for char in unescaped]
    assert found == [(char, {esc(r) for r in reasons}) for char, reasons in expected]
