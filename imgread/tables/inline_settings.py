"""A column's setting printed after its name on the name's own line ("MMLU (5-shot)"), as a
small table with no room for a second header line prints it: the name is the column's name,
the bracketed part its setting, as if it stood on a line of its own under the name."""

from __future__ import annotations

import re

from ..record import Table
from .columns import BRACKETED_SETTING_RE
from .header import tidy_setting

# What a bracket after a name states to be a setting: how the model was prompted (shots,
# pass@k, majority voting, chain of thought). A metric ("MMLU (acc)", "F1") stays in the
# name, as the page's header lines keep it.
PROMPTING_RE = re.compile(
    r"^(?:[\dSOIl]{1,2}\s*-?\s*sho[tl]s?|zero-shot|few-shot|pass@\d+|maj@\d+|cot)$", re.IGNORECASE
)
# A shot count whose letters small text blurred ("1-sbot"): a digit (or a letter read for
# one), a hyphen, then four letters starting with s and ending like "shot" (its "t" set
# close to the bracket after it read as "d" in a blurred photo: "(3-shod)").
BLURRED_SHOTS_RE = re.compile(r"^[\dSOIl]{1,2}\s*-\s*s[a-z]{2}[tld]s?$", re.IGNORECASE)


def _name_and_setting(label: str) -> tuple[str, str | None]:
    match = BRACKETED_SETTING_RE.match(label.strip())
    if match is None:
        return label, None
    name, stated = match.group(1), match.group(2).strip()
    if PROMPTING_RE.match(stated):
        return name, tidy_setting(stated)
    if not BLURRED_SHOTS_RE.match(stated):
        return label, None
    shots = re.match(r"[\dSOIl]{1,2}", stated)
    assert shots is not None  # the pattern starts with it
    return name, tidy_setting(f"{shots.group()}-shot")


def split_inline_settings(table: Table) -> None:
    """Each column named "NAME (SETTING)" becomes NAME with SETTING as its setting (a
    setting already read on a line of its own is kept); brackets that state no setting
    ("Size (B)", "Tokens (T)") stay in the name."""
    while len(table.settings) < len(table.columns):
        table.settings.append(None)
    for c, label in enumerate(table.columns):
        name, setting = _name_and_setting(label)
        if setting is None:
            continue
        table.columns[c] = name
        if not table.settings[c]:
            table.settings[c] = setting
        for row in table.header_rows:
            if c < len(row):
                printed, stated = _name_and_setting(row[c].text)
                if stated is not None:
                    row[c].text = printed
