"""Split a detailed analysis into its six lenses, whatever header style the model used.

Real outputs mark the sections with bold headers (``**Critical Theory**``, all on one line
when the newlines were lost), numbered lines (``3. Critical Theory``), markdown headings,
``---`` separators, a preamble before the first lens and a closing paragraph after the last.
A lens name is only taken as a header in a header position (bold, a heading, or a line of its
own), so the same words inside a paragraph ("as Critical Theory would say") do not split it.
"""

from __future__ import annotations

import re

LENSES = (
    "Visual Description",
    "Foucauldian Genealogical Discourse Analysis",
    "Critical Theory",
    "Marxist Conflict Theory",
    "Postmodernism",
    "Queer Feminist Intersectional Analysis",
)

# The names models actually write for each lens, shortest forms included.
_SUFFIX = r"(?:\s+(?:analysis|lens|perspective|reading|framework|theory))?"
_NAMES = {
    "Visual Description": r"visual\s+(?:description|analysis|overview|summary)",
    "Foucauldian Genealogical Discourse Analysis": (
        r"(?:foucauldian|foucault(?:'s|’s)?)(?:\s+genealogical|\s+genealogy)?(?:\s+discourse)?"
        r"|genealogical\s+discourse"
    ),
    "Critical Theory": r"critical\s+theory",
    "Marxist Conflict Theory": r"(?:marxist|marxian|marxism)(?:\s+conflict)?|conflict\s+theory",
    "Postmodernism": r"post-?\s?modern(?:ism|ist)?",
    "Queer Feminist Intersectional Analysis": (
        r"queer(?:[\s/,-]+feminist)?(?:[\s/,-]+intersectional)?"
        r"|feminist(?:[\s/,-]+intersectional)?|intersectional(?=\s+(?:feminist|analysis))"
        r"(?:\s+feminist)?"
    ),
}

_NUMBER = r"(?:\d{1,2}[.)]\s*)?"
_PAREN = r"(?:[ \t]*\([^)\n]{0,60}\))?"
_END = r"(?![^\W_])"  # a name ends where no letter or digit follows ("_" may: __bold__)


def _header_patterns(name: str) -> list[re.Pattern[str]]:
    lens = rf"(?:{name}){_SUFFIX}"
    return [
        # **Lens**, **3. Lens:**, __Lens__, with anything short after the name inside the bold.
        re.compile(
            rf"(?:(?:^|(?<=\s))(?:\#{{1,6}}[ \t]*)?{_NUMBER})?(?:\*\*|__)[ \t]*{_NUMBER}{lens}"
            rf"{_END}[^*_\n]{{0,80}}?(?:\*\*|__)[ \t]*:?",
            re.IGNORECASE | re.MULTILINE,
        ),
        # ## 3. Lens (anything after the name on a heading line belongs to the header)
        re.compile(rf"^[ \t]*\#{{1,6}}[ \t]*{_NUMBER}{lens}{_END}[^\n]{{0,80}}$",
                   re.IGNORECASE | re.MULTILINE),
        # 3. Lens   /   Lens (limited):   alone on a line
        re.compile(rf"^[ \t]*{_NUMBER}{lens}{_PAREN}[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE),
        # Lens: text on the same line
        re.compile(rf"^[ \t]*{_NUMBER}{lens}{_PAREN}[ \t]*:", re.IGNORECASE | re.MULTILINE),
    ]


_PATTERNS = {lens: _header_patterns(name) for lens, name in _NAMES.items()}

# What ends the last lens: a rule, or a line that opens a closing remark.
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$|[ \t]-{3,}[ \t]", re.MULTILINE)
_CLOSING = re.compile(
    r"^[ \t]*(?:\#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:in\s+conclusion|in\s+summary|to\s+summari[sz]e"
    r"|to\s+conclude|conclusion|summary|overall|ultimately|taken\s+together|final\s+thoughts"
    r"|important\s+(?:disclaimer|note)|disclaimer|note:|i\s+hope|let\s+me\s+know)\b",
    re.IGNORECASE | re.MULTILINE,
)
_LEADING = re.compile(r"^[\s:]*(?:(?:-{3,}|\*{3,}|_{3,})\s*)*")
_TRAILING = re.compile(r"(?:\s*(?:-{3,}|\*{3,}|_{3,}))*\s*$")


def _candidates(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every header position (start, end) per lens, earliest first."""
    found: dict[str, list[tuple[int, int]]] = {}
    for lens, patterns in _PATTERNS.items():
        spans = {(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(text)}
        found[lens] = sorted(spans)
    return found


def _full_name(text: str, span: tuple[int, int], lens: str) -> bool:
    return lens.lower() in " ".join(text[span[0] : span[1]].lower().split())


def _choose(text: str, candidates: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    """One header per lens: the first after the previous lens (one with the lens's full name
    before a short one, so a "**Feminist critique**" point inside Postmodernism does not open
    the last lens), else, for sections out of order, any free one."""
    chosen: dict[str, tuple[int, int]] = {}
    position = 0
    for lens in LENSES:
        after = [span for span in candidates[lens] if span[0] >= position]
        if after:
            full = [span for span in after if _full_name(text, span, lens)]
            chosen[lens] = (full or after)[0]
            position = chosen[lens][1]
    for lens in LENSES:
        if lens in chosen:
            continue
        for start, end in candidates[lens]:
            if all(end <= s or start >= e for s, e in chosen.values()):
                chosen[lens] = (start, end)
                break
    return chosen


def _cut_closing(body: str) -> str:
    ends = [m.start() for m in (_RULE.search(body), _CLOSING.search(body)) if m and m.start() > 0]
    return body[: min(ends)] if ends else body


def _clean(body: str) -> str | None:
    body = _TRAILING.sub("", _LEADING.sub("", body, count=1), count=1)
    return body or None


def split_lenses(text: str) -> tuple[dict[str, str | None], list[str]]:
    """The six lenses in order (``None`` when absent) and the names of the missing ones."""
    chosen = _choose(text, _candidates(text))
    order = sorted(chosen.items(), key=lambda item: item[1][0])
    lenses: dict[str, str | None] = dict.fromkeys(LENSES)
    for index, (lens, (_, end)) in enumerate(order):
        is_last = index == len(order) - 1
        stop = len(text) if is_last else order[index + 1][1][0]
        body = text[end:stop]
        lenses[lens] = _clean(_cut_closing(body) if is_last else body)
    return lenses, [lens for lens in LENSES if lenses[lens] is None]
