"""Numbers and units as printed in benchmark tables: "66.6", "7B", "1,400B", "2T tokens".

Pure text functions shared by the tables stage and the reconciler. Each returns ``None``
when the text holds no usable number, never 0: a missing value must stay missing.
"""

from __future__ import annotations

import re

# A number as printed: optional sign, thousands separators, decimals. OCR noise such as
# "%", "*", "†" or a trailing footnote letter around it is ignored by the callers' regexes.
_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+"
_NUMBER_RE = re.compile(_NUMBER)
_MISSING = {"", "-", "–", "—", "n/a", "na", "n.a.", "none", "null", "?", "x", "✗"}

# Multipliers to billions (parameters) and to trillions (tokens).
_TO_BILLIONS = {"k": 1e-6, "m": 1e-3, "b": 1.0, "bn": 1.0, "g": 1.0, "t": 1e3}
_TO_TRILLIONS = {"k": 1e-9, "m": 1e-6, "b": 1e-3, "bn": 1e-3, "g": 1e-3, "t": 1.0}
_UNIT_RE = re.compile(rf"(?P<num>{_NUMBER})\s*(?P<unit>bn|[kmbgt](?![a-z]))?", re.IGNORECASE)
_WORD_UNITS = {
    "thousand": "k",
    "million": "m",
    "millions": "m",
    "billion": "b",
    "billions": "b",
    "trillion": "t",
    "trillions": "t",
}
_HEADER_UNIT_RE = re.compile(
    r"\(\s*(?P<unit>[kmbgt]|bn|thousands?|millions?|billions?|trillions?)\s*\)|"
    r"\bin\s+(?P<word>thousands?|millions?|billions?|trillions?)\b",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    """Unicode minus to ASCII, "66 . 6" (OCR spacing) back to "66.6", and a comma before
    one or two final digits ("80,7": a point read as a comma, or a decimal comma) to a
    point; "1,400" keeps its thousands comma."""
    text = re.sub(r"\s*([.,])\s*(?=\d)", r"\1", text.strip().replace("\u2212", "-"))
    return re.sub(r"(?<=\d),(\d{1,2})(?!\d)", r".\1", text)


def is_missing(text: str) -> bool:
    """True for the marks tables print for a missing value ("-", "n/a", ...)."""
    return text.strip().lower() in _MISSING


def parse_number(text: str) -> float | None:
    """The single number in ``text`` ("66.6", "1,400", "63.4%", "-2.5"), else None."""
    cleaned = _tidy(text)
    if is_missing(cleaned):
        return None
    found = _NUMBER_RE.findall(cleaned)
    if len(found) != 1:
        return None
    return float(found[0].replace(",", ""))


def header_unit(header: str) -> str | None:
    """The unit a column header declares: "Params (B)" -> "b", "Tokens (in trillions)" -> "t"."""
    match = _HEADER_UNIT_RE.search(header)
    if not match:
        return None
    raw = (match.group("unit") or match.group("word") or "").lower()
    return _WORD_UNITS.get(raw, raw)


def _scaled(text: str, table: dict[str, float], header: str | None, default: str) -> float | None:
    cleaned = _tidy(text).replace(" ", "")
    if is_missing(cleaned):
        return None
    for word, unit in _WORD_UNITS.items():
        cleaned = re.sub(rf"(?i){word}", unit, cleaned)
    matches = list(_UNIT_RE.finditer(cleaned))
    if len(matches) != 1:
        return None
    match = matches[0]
    value = float(match.group("num").replace(",", ""))
    unit = (match.group("unit") or header or default).lower()
    if unit not in table:
        return None
    return round(value * table[unit], 6)


def parse_params_b(text: str, header_unit: str | None = None) -> float | None:
    """Parameters in billions: "7B", "7,000M", "70", "1.3T". A bare number is in the header's
    unit, or billions when the header names none (the convention of LLM tables)."""
    return _scaled(text, _TO_BILLIONS, header_unit, "b")


def parse_tokens_t(text: str, header_unit: str | None = None) -> float | None:
    """Training tokens in trillions: "1.4T", "1,400B", "2T tokens", "15.0"."""
    return _scaled(text.lower().replace("tokens", ""), _TO_TRILLIONS, header_unit, "t")


_SIZE_IN_NAME_RE = re.compile(
    r"(?:^|[\s\-_/(])(?:(?P<experts>\d+)\s*x\s*)?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[bm])(?![a-z])",
    re.IGNORECASE,
)


def params_from_model_name(name: str) -> float | None:
    """Parameters in billions from a name: "Llama 2 70B" -> 70, "OPT-350M" -> 0.35.

    "8x7B" mixtures return the product (56), the naive total the name states.
    """
    matches = list(_SIZE_IN_NAME_RE.finditer(name))
    if not matches:
        return None
    match = matches[-1]
    value = float(match.group("num"))
    if match.group("experts"):
        value *= int(match.group("experts"))
    scale = 1e-3 if match.group("unit").lower() == "m" else 1.0
    return round(value * scale, 6)


def normalise_model_name(name: str) -> str:
    """A comparable key: "LLaMA2-70B", "Llama 2 70B", "llama-2 70b" -> "llama-2-70b"."""
    text = name.strip().lower()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"[*†‡§¹²³]+", "", text)
    text = re.sub(r"[\s_/]+", "-", text)
    # "llama2" -> "llama-2": a family name glued to its version number ("v0.1" and "8x7b"
    # keep their single letter).
    text = re.sub(r"([a-z]{2,})(\d)", r"\1-\2", text)
    # "70-b" -> "70b": a size split from its unit.
    text = re.sub(r"(\d)-([bmkt])(?![a-z])", r"\1\2", text)
    text = re.sub(r"-{2,}", "-", text)
    # Family names as OCR misreads them ("ll" read as "li"/"Il"): the same model.
    text = re.sub(r"^(?:liama|iiama|ilama|llarna)(?=-|$)", "llama", text)
    return text.strip("-")
