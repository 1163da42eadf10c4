"""Numbers and units as tables print them."""

from __future__ import annotations

import pytest

from imgread.charts.text import parse_number as charts_parse_number
from imgread.units import (
    header_unit,
    normalise_model_name,
    params_from_model_name,
    parse_number,
    parse_params_b,
    parse_tokens_t,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("66.6", 66.6),
        ("1,400", 1400.0),
        ("63.4%", 63.4),
        ("-2.5", -2.5),
        ("\u22123.1", -3.1),
        ("66 . 6", 66.6),
        ("80,7", 80.7),
        ("-", None),
        ("n/a", None),
        ("", None),
        ("66.6 70", None),
        ("abc", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A comma before exactly three digits that no digit follows groups thousands.
        ("1,000", 1000.0),
        ("1,500", 1500.0),
        ("12,345.6", 12345.6),
        ("1,234,567", 1234567.0),
        # A comma before one or two final digits is a decimal comma.
        ("80,7", 80.7),
        ("3,25", 3.25),
        ("80,7%", 80.7),
        ("0,125", 0.125),  # no thousands group starts with a lone zero
        # Neither: four digits after the comma, or a spaced comma (a list of two numbers).
        ("1,2345", None),
        ("1, 2", None),
        ("\u22121,500", -1500.0),
    ],
)
def test_parse_number_commas(text: str, value: float | None) -> None:
    assert parse_number(text) == value
    assert parse_number(text, whole=True) == value  # labels follow the same comma rules


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("45.3", 45.3),
        ("66.2,", 66.2),  # the comma of a list read with the label
        ("1,000", 1000.0),
        ("\u22125", -5.0),
        ("\u20135", -5.0),
        ("80%", 80.0),
        ("45.3-", 45.3),  # a tick mark read with its label
        ("--5", None),
        ("GSM8K", None),
        ("7B", None),
        ("Llama2", None),
        ("-", None),
        ("", None),
    ],
)
def test_parse_number_whole_label(text: str, value: float | None) -> None:
    """``whole=True`` is how the charts stage reads ticks and value labels."""
    assert parse_number(text, whole=True) == value
    assert charts_parse_number(text) == value


def test_table_cells_keep_reading_numbers_inside_text() -> None:
    """The default reads a number with its noise, as table cells print it."""
    assert parse_number("70B") == 70.0
    assert parse_number("1,000B") == 1000.0
    assert parse_number("66.6*") == 66.6
    assert parse_number("(45.3)") == 45.3
    assert parse_number("GSM8K") == 8.0  # only a label reader (whole=True) refuses it


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("7B", None, 7.0),
        ("7,000M", None, 7.0),
        ("70", None, 70.0),
        ("350M", None, 0.35),
        ("1.3T", None, 1300.0),
        ("7 B", None, 7.0),
        ("7000", "m", 7.0),
        ("-", None, None),
    ],
)
def test_parse_params_b(text: str, unit: str | None, value: float | None) -> None:
    assert parse_params_b(text, unit) == value


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("1.4T", None, 1.4),
        ("1,400B", None, 1.4),
        ("1,000B", None, 1.0),
        ("1,400", "b", 1.4),
        ("2T tokens", None, 2.0),
        ("15.0", None, 15.0),
        ("1400", "b", 1.4),
        ("300B", None, 0.3),
        ("—", None, None),
    ],
)
def test_parse_tokens_t(text: str, unit: str | None, value: float | None) -> None:
    assert parse_tokens_t(text, unit) == value


def test_header_unit() -> None:
    assert header_unit("Params (B)") == "b"
    assert header_unit("Tokens (in trillions)") == "t"
    assert header_unit("Training tokens") is None


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("Llama 2 70B", 70.0),
        ("OPT-350M", 0.35),
        ("Mixtral 8x7B", 56.0),
        ("Yi-34B-200K", 34.0),
        ("GPT-4", None),
        ("Qwen1.5-72B", 72.0),
    ],
)
def test_params_from_model_name(name: str, params: float | None) -> None:
    assert params_from_model_name(name) == params


def test_normalise_model_name_unifies_spellings() -> None:
    spellings = ["LLaMA2-70B", "Llama 2 70B", "llama-2 70b", "Llama-2-70B", "LLaMA 2 70 B"]
    assert {normalise_model_name(name) for name in spellings} == {"llama-2-70b"}
    assert normalise_model_name("Mistral-7B-v0.1") == "mistral-7b-v0.1"
    assert normalise_model_name("Mixtral 8x7B") == "mixtral-8x7b"
    assert normalise_model_name("Liama 2 7B") == "llama-2-7b"  # a common OCR misreading


def test_model_names_compare_across_full_width_forms_and_footnotes() -> None:
    assert normalise_model_name("活字3.0（最新版本）") == normalise_model_name("活字3.0 (最新版本)")
    assert normalise_model_name("ＧＰＴ-4¹") == "gpt-4"


@pytest.mark.parametrize(
    ("text", "value"),
    [("80.97±2.4", 80.97), ("65.2 ± 1.3", 65.2), ("70.1 +/- 0.4", 70.1), ("87.43+1.8", 87.43),
     ("12+3", None), ("+1.8", 1.8)],
)
def test_a_mean_and_its_spread_read_as_the_mean(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_a_multiplication_sign_and_a_middle_dot_in_names_are_their_plain_forms() -> None:
    spellings = ["Mixtral-8×7B", "Mixtral·8x7B", "mixtral 8 × 7b"]
    assert {normalise_model_name(n) for n in spellings} == {"mixtral-8x7b"}


def test_chinese_magnitudes_in_sizes_and_tokens() -> None:
    assert parse_params_b("70亿") == 7.0 and parse_params_b("1750亿") == 175.0
    assert parse_tokens_t("2.6万亿") == 2.6 and parse_tokens_t("14000亿") == 1.4


def test_full_width_numbers_read_as_their_ascii_forms() -> None:
    assert parse_number("６６．６") == 66.6 and parse_tokens_t("２．６Ｔ") == 2.6
