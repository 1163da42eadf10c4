"""One normalisation of benchmark names, settings and model names."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.errors import ConfigError
from imgread.normalise import (
    lexicon,
    model_key,
    normalise_benchmark,
    normalise_model,
    normalise_setting,
    read_aliases,
)


@pytest.mark.parametrize("printed", ["MMLU", "mmlu", "M M L U", "Massive Multitask Language "
                                     "Understanding", "MMLU (英文)"])
def test_spellings_of_one_benchmark_are_one_name(printed: str) -> None:
    name = normalise_benchmark(printed)
    assert (name.name, name.key, name.setting, name.quantity) == ("MMLU", "mmlu", None, None)
    assert name.raw == printed  # the text as printed stays beside the normalised name


@pytest.mark.parametrize("printed", ["MMLU (5-shot)", "MMLU 5-shot", "MMLU-5shot",
                                     "MMLU five-shot", "mmlu [5 shot]"])
def test_a_setting_printed_with_the_name_is_split_off(printed: str) -> None:
    name = normalise_benchmark(printed)
    assert (name.name, name.setting, name.setting_key) == ("MMLU", "5-shot", "5shot")


def test_a_setting_printed_above_the_column_wins_and_is_normalised() -> None:
    assert normalise_benchmark("GSM8K", "(8 shot)").setting == "8-shot"
    assert normalise_benchmark("BBH 3-shot CoT").setting == "3-shot, CoT"
    assert normalise_benchmark("HumanEval (pass@1)").setting == "pass@1"
    assert normalise_setting(" ") is None


def test_names_that_differ_in_meaning_stay_apart() -> None:
    assert normalise_benchmark("HumanEval+").key != normalise_benchmark("HumanEval").key
    assert normalise_benchmark("MMLU-Pro").key != normalise_benchmark("MMLU").key
    assert normalise_benchmark("Mean (Math)").key != normalise_benchmark("Mean (Code)").key
    assert normalise_benchmark("ARC-c").name == "ARC-Challenge"


def test_sizes_and_tokens_are_quantities_not_benchmarks() -> None:
    for printed, quantity, unit in [("Params (B)", "params", "B"), ("parameters", "params", "B"),
                                    ("Training tokens", "tokens", "T"), ("Tokens", "tokens", "T")]:
        name = normalise_benchmark(printed)
        assert (name.quantity, name.unit, name.key) == (quantity, unit, quantity)
    assert normalise_benchmark("Decoding (Token/s)").quantity is None  # a speed


def test_model_spellings_share_a_key_and_the_size_is_parsed() -> None:
    keys = {model_key(name) for name in ("Llama-2-70B", "Llama 2 70B", "LLaMA2 70b",
                                         "llama-2-70b")}
    assert keys == {"llama-2-70b"}
    assert normalise_model("Mixtral 8x7B").size_b == 56
    assert normalise_model("OPT-350M").size_b == 0.35
    assert model_key("Llama 2 7B") != model_key("Llama 2 70B")
    assert model_key("3") == ""  # a row number is no model name


def test_users_extend_the_aliases(tmp_path: Path) -> None:
    mine = tmp_path / "aliases.txt"
    mine.write_text("# ours\nZebraLogic = Zebra Logic Bench, ZLB\n")
    text = read_aliases(mine)
    assert normalise_benchmark("zlb (0-shot)", aliases=text).name == "ZebraLogic"
    assert normalise_benchmark("zlb").name == "zlb"  # not without the file
    assert lexicon(text).fingerprint != lexicon().fingerprint


def test_a_bad_alias_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("MMLU =\n")
    with pytest.raises(ConfigError, match=r"broken\.txt:1"):
        read_aliases(broken)
    with pytest.raises(ConfigError, match=r"missing\.txt"):
        read_aliases(tmp_path / "missing.txt")
