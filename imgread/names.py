"""Names as tables and charts print them: the benchmark lexicon, and the closest known name
to a column name OCR was unsure of ("GsMek" -> "GSM8K", "Mmtu" -> "MMLU")."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

# Characters OCR confuses, compared as one: a misread of either costs nothing.
_LOOKALIKES = str.maketrans({"8": "b", "0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "$": "s"})


@cache
def known_benchmarks(extra: Path | None = None) -> tuple[str, ...]:
    """The benchmark names in ``imgread/data/benchmarks.txt``, plus those in ``extra``."""
    text = resources.files("imgread").joinpath("data/benchmarks.txt").read_text()
    if extra is not None:
        text += "\n" + extra.read_text()
    names = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(name for name in names if name and not name.startswith("#")))


def _folded(text: str) -> str:
    return "".join(text.lower().split()).translate(_LOOKALIKES)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def is_known_benchmark(text: str, names: tuple[str, ...] | None = None) -> bool:
    """``text`` is a known benchmark name (case and spaces aside)."""
    plain = "".join(text.lower().split())
    return bool(plain) and plain in _lexicon(names or known_benchmarks())[0]


# The most edits ``closest_benchmark`` allows: a name whose length differs by more is
# never within reach, and its distance need not be computed.
MAX_NAME_EDITS = 2


@cache
def _lexicon(names: tuple[str, ...]) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """A lexicon's names without case or spaces, and each name with its folded spelling."""
    return (
        frozenset("".join(name.lower().split()) for name in names),
        tuple((name, _folded(name)) for name in names),
    )


@cache
def closest_benchmark(text: str, names: tuple[str, ...] | None = None) -> str | None:
    """The one known benchmark name within OCR's reach of ``text`` (one edit for short
    names, two for longer ones, look-alike characters free), or None: when ``text`` is a
    known name itself, when nothing is that close, or when two names are equally close.
    Cached: tables ask for the same labels many times (orientation, rows, scores)."""
    plains, folds = _lexicon(names if names is not None else known_benchmarks())
    folded = _folded(text)
    plain = "".join(text.lower().split())
    if not folded or plain in plains:
        return None
    # A name more than MAX_NAME_EDITS longer or shorter is further than that in edits:
    # leaving it out changes neither the closest name nor a tie with it.
    ranked = sorted(
        (edit_distance(folded, fold), name)
        for name, fold in folds
        if abs(len(fold) - len(folded)) <= MAX_NAME_EDITS
    )
    if not ranked:
        return None
    best, name = ranked[0]
    allowed = 1 if len(_folded(name)) <= 6 else 2
    if best > allowed or (len(ranked) > 1 and ranked[1][0] == best):
        return None
    return name


# Look-alikes in the words of model names: letters and digits a sans-serif font draws alike.
_NAME_LOOKALIKES = str.maketrans(
    {"i": "l", "1": "l", "|": "l", "j": "l", "0": "o", "q": "o", "5": "s", "8": "s"}
)
_NAME_WORD_RE = re.compile(r"[A-Za-z0-9|]+")
_LETTERS_RE = re.compile(r"[A-Za-z|]{3,}")


@cache
def model_words() -> dict[str, str]:
    """The words of ``imgread/data/model_words.txt``, by their folded spelling; a spelling
    two words share is left out (neither can be told from the other)."""
    text = resources.files("imgread").joinpath("data/model_words.txt").read_text()
    words = [line.strip().lower() for line in text.splitlines()]
    by_fold: dict[str, str | None] = {}
    for word in words:
        if word and not word.startswith("#"):
            fold = word.translate(_NAME_LOOKALIKES)
            by_fold[fold] = word if by_fold.get(fold, word) == word else None
    return {fold: word for fold, word in by_fold.items() if word is not None}


def _respelled(token: str, word: str) -> str:
    """``token`` with the characters that differ from ``word`` taken from it: lower case,
    except a capital letter misread as another capital ("OWEN" -> "QWEN", "Owen" -> "Qwen");
    a capital I is a lower-case l as often as not, so it takes the word's case."""
    out = []
    for have, want in zip(token, word, strict=True):
        if have.lower() == want:
            out.append(have)
        elif have.isupper() and have != "I":
            out.append(want.upper())
        else:
            out.append(want)
    return "".join(out)


# Small text loses or adds one letter of a long name word ("Mistal", "Interlm"), or reads
# "rn" as "m" ("Intemlm"). A word this long that lies one letter from exactly one known word
# is that word; shorter words have too many neighbours ("Llava" and "Llama").
LONG_NAME_WORD = 6


@cache
def _long_words() -> tuple[str, ...]:
    words = model_words().values()
    return tuple(word for word in words if len(word) >= LONG_NAME_WORD and word.isalpha())


def one_letter_off(word: str) -> str | None:
    """The one known long model-name word ``word`` (lower case) misreads by one letter, or
    by "rn" read as "m"; None where none is, or more than one."""
    if len(word) < LONG_NAME_WORD - 1:
        return None
    spellings = {word, *(word[:i] + "rn" + word[i + 1 :] for i, c in enumerate(word) if c == "m")}
    # A mark after a whole known word ("Instructt", a dagger read as "t") is a footnote's,
    # cut only where the page declares one (``name_repairs.strip_footnote_marks``).
    near = {
        known
        for known in _long_words()
        for spelling in spellings
        if abs(len(known) - len(spelling)) <= 1
        and edit_distance(spelling, known) <= 1
        and spelling[:-1] != known
    }
    return near.pop() if len(near) == 1 else None


def _cased_like(token: str, word: str) -> str:
    """``word`` set in ``token``'s case: capitals, a capital first letter, or lower case."""
    if token.isupper():
        return word.upper()
    return word.capitalize() if token[:1].isupper() else word


def known_name_words(name: str) -> str:
    """``name`` with each word that is a known model-name word but for look-alike characters
    spelled as that word ("deepseek-Ilm" -> "deepseek-llm", "Mistral-7B-GPTO" -> "...GPTQ").
    Words of digits alone, short words and words already known are kept."""
    words = model_words()

    def mend(match: re.Match[str]) -> str:
        token = match.group()
        lower = token.lower()
        if len(token) < 3 or not any(c.isalpha() for c in token) or lower in words.values():
            return token
        word = words.get(lower.translate(_NAME_LOOKALIKES))
        if word is not None:
            return _respelled(token, word)
        if token.isalpha():
            near = one_letter_off(lower)
            return token if near is None else _cased_like(token, near)
        # a word run into a version ("Owen1.5"): its letters alone
        return _LETTERS_RE.sub(mend, token)

    return known_cjk_words(lower_case_ells(_NAME_WORD_RE.sub(mend, name)))


# A capital I before a lower-case letter, a digit or "=": an "l" as sans-serif type draws it.
_CAPITAL_I_RE = re.compile(r"I(?=[a-z0-9=])")


def lower_case_ells(name: str) -> str:
    """A name written in lower case throughout (a run's, a hub id's: "qwen2-7b-sft-lr3e5")
    has no capital I: where its only capitals are I's, each before a lower-case letter or a
    digit is the "l" that sans-serif fonts draw alike ("Ir3e5"). A known model-name word
    keeps its capital ("mpt-7b-Instruct")."""
    letters = [c for c in name if c.isalpha()]
    if sum(c.islower() for c in letters) < 4 or any(c.isupper() and c != "I" for c in letters):
        return name
    known = model_words().values()

    def mend(match: re.Match[str]) -> str:
        token = match.group()
        return token if token.lower() in known else _CAPITAL_I_RE.sub("l", token)

    return _NAME_WORD_RE.sub(mend, name)


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of Han characters, with any one mark between two of them (a separator such as
# "·", or a character misread as a mark: "讯《星火").
_HAN_RUN_RE = re.compile(rf"[{_HAN}](?:[^\w\s]?[{_HAN}])*")
_HAN_SEPARATORS_RE = re.compile(r"[·・.\-\s]")


@cache
def cjk_model_words() -> tuple[str, ...]:
    """The names of ``imgread/data/model_words_cjk.txt`` (three or more characters)."""
    text = resources.files("imgread").joinpath("data/model_words_cjk.txt").read_text()
    names = (line.strip() for line in text.splitlines())
    return tuple(name for name in names if len(name) >= 3 and not name.startswith("#"))


def _differences(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def _cjk_match(run: str) -> str | None:
    """The known name ``run`` is a misreading of: the same but for its separators, or, at
    four characters or more, one character; None when none or several fit."""
    bare = _HAN_SEPARATORS_RE.sub("", run)
    fits = set()
    for name in cjk_model_words():
        if run == name:
            return None
        one_off = len(run) == len(name) >= 4 and _differences(run, name) == 1
        if one_off or bare == _HAN_SEPARATORS_RE.sub("", name):
            fits.add(name)
    return fits.pop() if len(fits) == 1 else None


def known_cjk_words(name: str) -> str:
    """``name`` with a run of Han characters that misreads a known Chinese model name
    (``cjk_model_words``) spelled as that name: "通义干问-7B" -> "通义千问-7B"."""
    return _HAN_RUN_RE.sub(lambda m: _cjk_match(m.group()) or m.group(), name)
