"""Splitting detailed analyses into the six lenses: on the real seed outputs and on the other
header styles models write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from imgread.vlm.lenses import LENSES, split_lenses

# A seed file: "First Seen", a timestamp, then blocks each opened by a one-line source label
# such as "gemma3-27b-vision" or "detailed-analysis (gemma3-27b-vision)".
_LABEL = re.compile(r"^[\w.\-]+(?: \([\w.\-]+\))?$")


def _detailed_outputs(shared: Path) -> dict[str, str]:
    """The gemma3 multi-lens analyses of seeds 000 and 001, by seed file name."""
    outputs = {}
    for path in sorted((shared / "seeds").glob("00[01]_*.txt")):
        blocks: dict[str, list[str]] = {}
        label = None
        for line in path.read_text().splitlines()[2:]:
            if _LABEL.match(line.strip()):
                label = line.strip()
                blocks[label] = []
            elif label is not None:
                blocks[label].append(line)
        outputs[path.name] = next("\n".join(lines) for name, lines in blocks.items()
                                  if "gemma3" in name)
    return outputs


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> dict[str, str]:
    outputs = _detailed_outputs(shared_dir)
    if len(outputs) != 2:
        pytest.skip("seeds 000 and 001 are absent")
    return outputs


def _in_order(text: str, parts: list[str]) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


def test_seed_outputs_split_into_all_six_lenses_in_order(seeds: dict[str, str]) -> None:
    for name, text in seeds.items():
        lenses, missing = split_lenses(text)
        assert missing == [], name
        assert list(lenses) == list(LENSES)
        bodies = [lenses[lens] or "" for lens in LENSES]
        assert all(len(body) > 200 for body in bodies), name
        assert _in_order(text, bodies), name  # each body is verbatim text of the output
        preamble = text[: text.find(bodies[0])]
        assert preamble.strip() and not any(preamble.strip() in body for body in bodies)
        for body in bodies:
            assert not body.startswith(("*", ":", "-")) and not body.endswith("---")
            # No lens swallowed the next one's header.
            assert not any(re.search(rf"\*\*{re.escape(lens)}\*\*|^\d\. {re.escape(lens)}$",
                                     body, re.MULTILINE) for lens in LENSES)


def test_seed_closing_paragraph_is_not_part_of_the_last_lens(seeds: dict[str, str]) -> None:
    one_line, multi_line = seeds.values()
    assert "\n" not in one_line.strip()  # seed 000 lost its newlines: bold headers only
    closing = one_line.rsplit("---", 1)[1].strip()
    last = split_lenses(one_line)[0][LENSES[-1]] or ""
    assert closing and closing not in last and one_line.find(last) < one_line.find(closing)
    closing = multi_line.strip().splitlines()[-1]
    last = split_lenses(multi_line)[0][LENSES[-1]] or ""
    assert closing not in last and last.endswith(multi_line.strip().splitlines()[-2].strip())


def test_lens_names_inside_paragraphs_do_not_split(seeds: dict[str, str]) -> None:
    """Seed 000's Critical Theory section mentions "the Foucauldian analysis" in passing, and
    seed 001 opens its Postmodernism section with a sentence starting "Postmodernism"."""
    one_line, multi_line = seeds.values()
    critical = split_lenses(one_line)[0]["Critical Theory"] or ""
    assert "Foucauldian" in critical
    postmodernism = split_lenses(multi_line)[0]["Postmodernism"] or ""
    assert postmodernism.startswith("Postmodernism ")


def _analysis(header: str, names: tuple[str, ...] = LENSES) -> str:
    sections = [header.format(i=i + 1, name=name) + f"\nBody of {name} here." for i, name in
                enumerate(names)]
    return "Sure, here is the analysis.\n\n" + "\n\n".join(sections)


@pytest.mark.parametrize("header", [
    "## {i}. {name}", "# {name}", "### **{name}**", "**{i}. {name}:**", "{i}) {name}",
    "{name}:", "__{name}__", "{i}. **{name}**", "**{name} (limited applicability)**",
])
def test_header_styles(header: str) -> None:
    lenses, missing = split_lenses(_analysis(header))
    assert missing == []
    assert lenses == {name: f"Body of {name} here." for name in LENSES}


def test_inline_colon_headers_keep_their_text() -> None:
    text = "\n".join(f"{name}: says {i}." for i, name in enumerate(LENSES))
    lenses, missing = split_lenses(text)
    assert missing == [] and [lenses[name] for name in LENSES] == [
        f"says {i}." for i in range(len(LENSES))]


def test_missing_lenses_are_listed() -> None:
    present = (LENSES[0], LENSES[2], LENSES[5])
    lenses, missing = split_lenses(_analysis("**{name}**", present))
    assert missing == [LENSES[1], LENSES[3], LENSES[4]]
    assert all(lenses[name] is None for name in missing)
    assert lenses[LENSES[2]] == f"Body of {LENSES[2]} here."


def test_short_names_and_out_of_order_sections() -> None:
    text = (
        "**Visual Description**\nA bar chart of six models.\n"
        "**Marxism**\nCompute is capital.\n"
        "**Foucault**\nThe benchmark as a discipline.\n"
        "**Critical Theory**\nInstrumental reason.\n"
        "**Postmodern Reading**\nNo grand narrative.\n"
        "**Feminist / Intersectional Analysis**\nThis lens does not meaningfully apply here.\n"
        "---\n**In summary**, the chart ranks models."
    )
    lenses, missing = split_lenses(text)
    assert missing == []
    assert lenses[LENSES[1]] == "The benchmark as a discipline."
    assert lenses[LENSES[3]] == "Compute is capital."
    assert lenses[LENSES[5]] == "This lens does not meaningfully apply here."


def test_a_full_lens_name_wins_over_a_short_one_used_as_a_point() -> None:
    text = _analysis("**{name}**").replace(
        f"Body of {LENSES[4]} here.",
        f"Body of {LENSES[4]} here.\n**Feminist critique:** objectivity is situated.")
    lenses, _ = split_lenses(text)
    assert lenses[LENSES[4]] == (f"Body of {LENSES[4]} here.\n"
                                 "**Feminist critique:** objectivity is situated.")
    assert lenses[LENSES[5]] == f"Body of {LENSES[5]} here."


def test_closing_remarks_after_the_last_lens_are_dropped() -> None:
    for closing in ("In conclusion, the lenses differ.", "**Overall:** a simple table.",
                    "Important Disclaimer: these are readings."):
        text = _analysis("**{name}**") + "\n\n" + closing
        assert split_lenses(text)[0][LENSES[-1]] == f"Body of {LENSES[-1]} here."


def test_text_without_lenses() -> None:
    lenses, missing = split_lenses("A table of four models and their MMLU scores.")
    assert missing == list(LENSES) and set(lenses.values()) == {None}
    assert split_lenses("")[1] == list(LENSES)
