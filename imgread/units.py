"""Numbers and units as printed in benchmark tables: "66.6", "7B", "1,400B", "2T tokens".

Pure text functions shared by the tables stage and the reconciler. Each returns ``None``
when the text holds no usable number, never 0: a missing value must stay missing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A number as printed: optional sign, then either thousands groups ("1,400", "12,345.6":
# a comma before exactly three digits that no further digit follows), a decimal comma
# ("80,7", "3,25": a comma before one or two final digits; "0,125": after a lone zero,
# which no thousands group starts with), or plain digits and decimals.
# A comma before four or more digits ("1,2345") is neither, and reads as no number.
# OCR noise such as "%", "*", "†" or a trailing footnote letter around it is ignored.
_NUMBER = (
    r"[-+]?(?:(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])(?:\.\d+)?"
    r"|(?:\d+,\d{1,2}|0,\d+)(?![\d,])"
    r"|\d+(?:\.\d+)?"
    r"|\.\d+)"
)
_NUMBER_RE = re.compile(_NUMBER)
# A mean and its spread, "80.97±2.4" ("+/-" typed, or a "+" where OCR lost the minus
# under a decimal mean): the cell's value is the mean.
_SPREAD_RE = re.compile(
    r"(?<=\d)\s*(?:±|\+\s*/?\s*-)\s*\d+(?:[.,]\d+)?"
    r"|(?:(?<=\.\d)|(?<=\.\d\d))\+\d+\.\d+"
)
_LABEL_RE = re.compile(rf"(?:{_NUMBER})%?")
# A mean and its spread whose "±" OCR read as one other character, a digit included
# ("83.441.7", "47.0£1.7", "76.0442.2"): a spread is a few units ("1.7", "2.2"), so the
# digits after the mean's point and the separator are what is left before it.
_MISREAD_SPREAD_RE = re.compile(r"(?P<mean>\d{1,3}\.\d{1,3})[^\s.,](?P<spread>\d\.\d{1,2})")


def mean_of_misread_spread(text: str) -> str | None:
    """The mean of a "mean±spread" cell read with its "±" as another character, else None."""
    match = _MISREAD_SPREAD_RE.fullmatch(text.strip())
    return match.group("mean") if match else None


# A cell that prints more than one number: the score first, then, in brackets, its spread
# ("45.2 (±1.3)", the "±" perhaps read as another glyph: "(£1.3)"), its interval ("45.2
# [43.9, 46.5]", "45.2 (43.9-46.5)") or its count ("85% (17/20)"). OCR loses a bracket
# now and then (and a rule's leftovers are stripped from words' ends): an interval is
# still one where a bracket closes it, or where a comma and a space, or a comma after a
# decimal bound, part its bounds ("73.0 72.5, 75.3"; "40 39,22" is two numbers, the second
# with a decimal comma). A percent spread after a plain mean is one whose "±" was lost
# ("80.5 1.8%"). A count alone ("17/20") is the number right over the total. The value is
# the first number.
_PART = r"[-+]?\d+(?:\.\d+)?%?"
_BOUNDS_SEP = r"\s*(?:,|-|/|to|[^\w\s.()\[\]])\s*"
_COMPOUND_RE = re.compile(
    rf"(?P<main>{_PART})(?:\s*"
    rf"[(\[]\s*(?:[^\w\s()\[\]]|\+/-)?\s*{_PART}(?:{_BOUNDS_SEP}{_PART})?\s*[)\]]?"
    rf"|\s+{_PART}{_BOUNDS_SEP}{_PART}\s*[)\]]"
    rf"|\s+{_PART},\s+{_PART}|\s+[-+]?\d+\.\d+%?,{_PART})"
    # a percent spread after a mean printed without one, its "±" lost ("80.5 1.8%")
    r"|(?P<mean>\d+(?:\.\d+)?)\s+\d{1,2}(?:\.\d{1,2})?%"
)
_COUNT_RE = re.compile(r"(?P<main>\d+)\s*/\s*(?P<total>\d+)")


@lru_cache(maxsize=1 << 16)  # pure; every numeric test of a cell's text asks it
def main_of_compound(text: str) -> str | None:
    """The first number of a cell that prints a score with its spread, interval or count
    in brackets ("45.2 [43.9, 46.5]" -> "45.2"), or of a count ("17/20" -> "17"), else
    None."""
    cleaned = _tidy(text)
    match = _COMPOUND_RE.fullmatch(cleaned)
    if match:
        return match.group("main") or match.group("mean")
    count = _COUNT_RE.fullmatch(cleaned)
    if count and int(count.group("total")) > 0 and int(count.group("main")) <= int(
        count.group("total")
    ):
        return count.group("main")
    return None


# An interval printed in a column of its own, as arena boards print a rating's 95% CI:
# "+5/-4", "+12 / -9", "(-3, +5)", "[-3, +5]", "±6". Two bounds hold two numbers (the
# cell scores nothing), but the cell is a value of its row: a board's line of a name, its
# rating and its interval is a row. A thin sign OCR read as another mark ("(-2, #2)",
# "~4/-3") still makes a bound; one sign at least tells an interval from a count ("17/20").
_BOUND = r"[-+±#~_]?\s?\d+(?:\.\d+)?"
_INTERVAL_RE = re.compile(
    rf"(?=[^\d]*[-+±]|.*/\s*[-+±])(?:{_BOUND}\s*/\s*{_BOUND}"
    rf"|[(\[]\s*{_BOUND}\s*,\s*{_BOUND}\s*[)\]]?|±\s?\d+(?:\.\d+)?)"
)


def is_interval(text: str) -> bool:
    """``text`` is an interval cell: "+5/-4", "+12 / -9", "(-3, +5)", "±6"."""
    return bool(_INTERVAL_RE.fullmatch(_tidy(text)))


_MISSING = {"", "-", "–", "—", "n/a", "na", "n.a.", "none", "null", "?", "x", "✗"}

# Multipliers to billions (parameters) and to trillions (tokens).
# The Chinese magnitudes are the units a CJK column name declares ("参数量（亿）").
_TO_BILLIONS = {"k": 1e-6, "m": 1e-3, "b": 1.0, "bn": 1.0, "g": 1.0, "t": 1e3,
                "亿": 0.1, "十亿": 1.0, "千亿": 100.0, "万亿": 1e3}
_TO_TRILLIONS = {"k": 1e-9, "m": 1e-6, "b": 1e-3, "bn": 1e-3, "g": 1e-3, "t": 1.0,
                 "亿": 1e-4, "十亿": 1e-3, "千亿": 0.1, "万亿": 1.0}
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
    r"\bin\s+(?P<word>thousands?|millions?|billions?|trillions?)\b|"
    r"\(\s*(?P<cjk>万亿|千亿|十亿|亿)\s*\)",
    re.IGNORECASE,
)


# Full-width forms as CJK pages print them ("６６．６", "７Ｂ"): their ASCII letters.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _tidy(text: str) -> str:
    """Unicode minus (and an en dash before a digit) to ASCII, and "66 . 6" (OCR spacing)
    back to "66.6". A comma keeps its digits only where none is spaced from it: "1, 2"
    is a list of two numbers, not 1.2."""
    text = text.strip().translate(_FULL_WIDTH).replace("\u2212", "-")
    text = re.sub(r"[\u2013\u2014](?=\d)", "-", text)
    text = re.sub(r"\s*\.\s*(?=\d)", ".", text)
    return re.sub(r"(?<=\d)\s+,(?=\d)", ",", text)


def _to_float(number: str) -> float:
    """A matched number as a float: thousands commas dropped, a decimal comma made a point."""
    if re.fullmatch(r"[-+]?(?:\d+,\d{1,2}|0,\d+)", number):
        return float(number.replace(",", "."))
    return float(number.replace(",", ""))


_DECIMAL_COMMA_RE = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])")
_DECIMAL_POINT_RE = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.,])")
# Cells enough to tell a table's convention: this many decimal commas, and no point.
CONVENTION_CELLS = 2


def prints_decimal_commas(texts: list[str]) -> bool:
    """The cells print their decimals with a comma ("67,3", "4,5T"), as European tables do:
    two such cells at least, and no decimal point among them."""
    commas = sum(bool(_DECIMAL_COMMA_RE.search(_tidy(text))) for text in texts)
    return commas >= CONVENTION_CELLS and not any(
        _DECIMAL_POINT_RE.search(_tidy(text)) for text in texts
    )


def is_missing(text: str) -> bool:
    """True for the marks tables print for a missing value ("-", "n/a", ...)."""
    return text.strip().lower() in _MISSING


# Pure and called for every word many times over (the chart stage's axis finder tries each
# number on a table page as a tick, again per candidate column): its answers are kept.
@lru_cache(maxsize=1 << 16)
def parse_number(text: str, *, whole: bool = False) -> float | None:
    """The single number in ``text``, else None. The one reader of printed numbers: the
    tables stage, the reconciler and the charts stage all read numbers here.

    Commas: "1,000" and "1,500" are thousands (a comma before exactly three digits that
    no further digit follows; "12,345.6" too), "80,7" and "3,25" decimal commas (a comma
    before one or two final digits, or after a lone zero: "0,125"); "1,2345" is no number.

    By default the number may sit in other text, as table cells print it: "63.4%",
    "66.6*", "70B", "(45.3)". ``whole=True`` reads a label that is the number alone, as
    chart ticks and value labels are: a sign, the number and a "%" (trailing ",;:" and a
    tick mark "-" read with it are dropped), so that "GSM8K" or "7B" are not numbers.
    """
    cleaned = _tidy(text)
    if whole:
        cleaned = cleaned.rstrip(",;:").rstrip("-\u2013\u2014").rstrip(",;:")
    if is_missing(cleaned):
        return None
    if whole:
        if not _LABEL_RE.fullmatch(cleaned):
            return None
        return _to_float(cleaned.rstrip("%"))
    cleaned = mean_of_misread_spread(cleaned) or main_of_compound(cleaned) or cleaned
    found = _NUMBER_RE.findall(_SPREAD_RE.sub("", cleaned))
    if len(found) != 1:
        return None
    return _to_float(found[0])


def header_unit(header: str) -> str | None:
    """The unit a column header declares: "Params (B)" -> "b", "Tokens (in trillions)" -> "t",
    "参数量（亿）" -> "亿"."""
    # "（B）" is "(B)", "(억)" is "(亿)"
    match = _HEADER_UNIT_RE.search(chinese_magnitudes(header.translate(_FULL_WIDTH)))
    if not match:
        return None
    raw = (match.group("unit") or match.group("word") or match.group("cjk") or "").lower()
    return _WORD_UNITS.get(raw, raw)


# Chinese magnitudes as CJK tables print sizes: 70亿 is 7B, 2.6万亿 is 2.6T, 1750亿 175B.
_CJK_MAGNITUDES = {"万亿": (1.0, "t"), "千亿": (100.0, "b"), "亿": (0.1, "b"), "万": (10.0, "k")}
_CJK_MAGNITUDE_RE = re.compile(r"(\d+(?:\.\d+)?)(万亿|千亿|亿|万)")
# The same magnitudes as Japanese and Korean pages print them: 億 and 억 are 亿 (10^8), 兆 and
# 조 are 万亿 (10^12): "70억" is 7B, "1.4조" 1.4T.
_MAGNITUDE_SPELLINGS = str.maketrans({"億": "亿", "억": "亿", "萬": "万", "만": "万"})
_TRILLION_RE = re.compile(r"(?<=\d)\s*[兆조]")


def chinese_magnitudes(text: str) -> str:
    """Japanese and Korean magnitudes spelled as the Chinese ones: "70억" -> "70亿"."""
    return _TRILLION_RE.sub("万亿", text.translate(_MAGNITUDE_SPELLINGS))


def _plain_magnitude(match: re.Match[str]) -> str:
    factor, unit = _CJK_MAGNITUDES[match.group(2)]
    return f"{float(match.group(1)) * factor:g}{unit}"


def _scaled_with_unit(
    text: str, table: dict[str, float], header: str | None, default: str
) -> tuple[float, bool] | None:
    """The value in ``table``'s unit, and whether a unit was known (printed with the number
    or declared by the header) rather than assumed (``default``)."""
    cleaned = _tidy(text).replace(" ", "")
    if is_missing(cleaned):
        return None
    for word, unit in _WORD_UNITS.items():
        cleaned = re.sub(rf"(?i){word}", unit, cleaned)
    cleaned = _CJK_MAGNITUDE_RE.sub(_plain_magnitude, chinese_magnitudes(cleaned))
    matches = list(_UNIT_RE.finditer(cleaned))
    if len(matches) != 1:
        return None
    match = matches[0]
    value = _to_float(match.group("num"))
    unit = (match.group("unit") or header or default).lower()
    if unit not in table:
        return None
    return round(value * table[unit], 6), bool(match.group("unit") or header)


def _scaled(text: str, table: dict[str, float], header: str | None, default: str) -> float | None:
    scaled = _scaled_with_unit(text, table, header, default)
    return None if scaled is None else scaled[0]


def parse_params_b(text: str, header_unit: str | None = None) -> float | None:
    """Parameters in billions: "7B", "7,000M", "70", "1.3T". A bare number is in the header's
    unit, or billions when the header names none (the convention of LLM tables)."""
    return _scaled(text, _TO_BILLIONS, header_unit, "b")


def parse_tokens_t(text: str, header_unit: str | None = None) -> float | None:
    """Training tokens in trillions: "1.4T", "1,400B", "2T tokens", "15.0"."""
    return _scaled(text.lower().replace("tokens", ""), _TO_TRILLIONS, header_unit, "t")


# Columns that hold a model's size or its training data, as tables head them, in English
# and in Chinese (参数量 "parameters", 模型大小 "model size", 尺寸 "size", 规模 "scale";
# 训练数据 "training data", 数据量 "amount of data", 语料 "corpus"). The scale of the data
# (数据规模) is data, not a model's size.
# Chinese column names in both scripts: Simplified (参数, 数据) and Traditional (參數, 資料).
PARAMS_COLUMN_RE = re.compile(
    r"param|\bsize\b|#\s*p\b|参数|參數|大小|尺寸|(?<!数据)(?<!數據)(?<!資料)[规規]模|パラメ|サイズ"
    r"|파라미터|매개\s*변수|크기",
    re.IGNORECASE,
)
TOKENS_COLUMN_RE = re.compile(
    r"token|\bdata\b|数据|數據|资料|資料|[语語]料|トークン|データ|토큰|데이터", re.IGNORECASE
)
# A speed ("Token/s", "tokens per second", "词元/秒", "每秒"), not a count of tokens.
_RATE_RE = re.compile(r"/\s*(?:s|sec|second|秒)\b|per\s+sec|每秒", re.IGNORECASE)
# The unit each quantity is compared in, and the values published LLMs span in it, with
# room: 10M to 5T parameters (the largest published are near 2T), 1B to 100T training
# tokens (the largest published are near 36T).
QUANTITY_UNITS = {"params": "B", "tokens": "T"}
PLAUSIBLE = {"params": (0.01, 5000.0), "tokens": (0.001, 100.0)}


def column_quantity(header: str) -> str | None:
    """The quantity a column holds: "params" for sizes ("Params (B)", "Size"), "tokens" for
    training data ("Training tokens"), else None; None too when a header names both."""
    if _RATE_RE.search(header):
        return None  # "Decoding (Token/s)" is a speed, not a count of training tokens
    params = bool(PARAMS_COLUMN_RE.search(header))
    tokens = bool(TOKENS_COLUMN_RE.search(header))
    if params == tokens:
        return None
    return "params" if params else "tokens"


def normalised_quantity(
    quantity: str,
    value: float | None,
    text: str | None = None,
    header: str = "",
    unit: str = "",
) -> float | None:
    """A size in billions or a token count in trillions, for comparing with other images.

    The printed ``text`` ("1,000B", "1.4T", "1,400") is read with the unit it prints or the
    one ``header`` declares ("Tokens (B)"); without text, ``value`` is taken in ``unit``
    ("B", "T", "M", "K") or the header's. A value whose unit is nowhere known is taken in
    the target unit (the convention of LLM tables) only when it is plausible there
    (``PLAUSIBLE``): a bare "1,400" tokens is not 1400T, and it is more likely 1400B than
    anything one could compare, so it gives None rather than a guess.
    """
    table = _TO_BILLIONS if quantity == "params" else _TO_TRILLIONS
    declared = header_unit(header)
    found = None
    if text:
        cleaned = text.lower().replace("tokens", "") if quantity == "tokens" else text
        found = _scaled_with_unit(cleaned, table, declared, QUANTITY_UNITS[quantity].lower())
    if found is None and value is not None:
        given = unit.strip().lower()
        if given in table:
            found = (round(value * table[given], 6), True)
        elif declared in table:
            found = (round(value * table[declared], 6), True)
        else:
            found = (float(value), False)
    if found is None or found[0] <= 0:
        return None
    normalised, known = found
    low, high = PLAUSIBLE[quantity]
    if not known and not low <= normalised <= high:
        return None
    return normalised


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
    # Footnote marks go before full-width forms ("（最新版本）", "Ｂ") become their plain
    # ones, as CJK tables print them (NFKC would turn "¹" into a digit).
    text = re.sub(r"[*†‡§¹²³]+", "", name)
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"[\u2010-\u2015\u00b7\u2022\u2219]", "-", text)  # dashes, middle dots
    text = re.sub(r"(?<=\d)\s*[×✕]\s*(?=\d)", "x", text)  # "8×7B" is "8x7B"
    text = re.sub(r"[\s_/]+", "-", text)
    text = re.sub(r"-+(?=[(\[])", "", text)  # "活字3.0 (最新版本)" = "活字3.0（最新版本）"
    # "llama2" -> "llama-2": a family name glued to its version number ("v0.1" and "8x7b"
    # keep their single letter).
    text = re.sub(r"([a-z]{2,})(\d)", r"\1-\2", text)
    # "70-b" -> "70b": a size split from its unit.
    text = re.sub(r"(\d)-([bmkt])(?![a-z])", r"\1\2", text)
    text = re.sub(r"-{2,}", "-", text)
    # A separator between two Han words is optional: "书生·浦语" is "书生浦语".
    text = re.sub(r"(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])", "", text)
    # Family names as OCR misreads them ("ll" read as "li"/"Il"): the same model.
    text = re.sub(r"^(?:liama|iiama|ilama|llarna)(?=-|$)", "llama", text)
    return text.strip("-")
