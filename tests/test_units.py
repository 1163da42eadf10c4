"""Numbers and units as tables print them."""

from __future__ import annotations

import pytest

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
