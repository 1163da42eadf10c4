"""Settings come in layers, and each stage's hash moves only with what can affect it."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.cli import main
from imgread.config import Config, load_config
from imgread.errors import ConfigError


def test_layers_apply_in_order(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.imgread.ocr]\npsm = 6\nlang = 'deu'\n[tool.imgread.batch]\nworkers = 3\n"
    )
    (tmp_path / "imgread.toml").write_text("[ocr]\nlang = 'fra'\n")
    config = load_config(
        overrides={"batch": {"workers": 5}},
        environ={"IMGREAD_OCR__PSM": "4", "IMGREAD_VLM__MODELS": '["a", "b"]'},
        search_dir=tmp_path,
    )
    assert config.ocr.psm == 4  # environment beats files
    assert config.ocr.lang == "fra"  # imgread.toml beats pyproject.toml
    assert config.batch.workers == 5  # flags beat everything
    assert config.vlm.models == ["a", "b"]
    assert config.preprocess.target_x_height == Config().preprocess.target_x_height
    only_files = load_config(environ={}, search_dir=tmp_path)
    assert (only_files.ocr.psm, only_files.batch.workers) == (6, 3)  # [tool.imgread] is read


def test_unknown_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ocr\.psn"):
        load_config(environ={"IMGREAD_OCR__PSN": "6"}, search_dir=tmp_path)


def test_a_bad_key_or_file_is_named_in_one_line_and_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "imgread.toml"
    settings.write_text("[ocr]\npsm = 'six'\n")
    with pytest.raises(ConfigError, match=r"ocr\.psm") as error:
        load_config(search_dir=tmp_path)
    assert str(settings) in error.value.hint
    broken = tmp_path / "broken.toml"
    broken.write_text("[ocr\n")
    assert main(["run", str(tmp_path), "--config", str(broken), "--out", str(tmp_path)]) == 2
    message = capsys.readouterr().err.splitlines()
    assert message[0].startswith(f"imgread: error: {broken}: not valid TOML")
    assert main(["run", str(tmp_path), "--config", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: no such settings file" in capsys.readouterr().err


def test_names_aliases_is_a_setting(tmp_path: Path) -> None:
    (tmp_path / "imgread.toml").write_text("[names]\naliases = 'mine.txt'\n")
    assert load_config(search_dir=tmp_path).names.aliases == Path("mine.txt")
    config = load_config(environ={"IMGREAD_NAMES__ALIASES": "/x/aliases.txt"},
                         search_dir=tmp_path)
    assert config.names.aliases == Path("/x/aliases.txt")


def test_stage_hashes_chain_forward_only() -> None:
    base = Config().stage_hashes()
    changed = Config()
    changed.tables.min_rows = 3
    after = changed.stage_hashes()
    assert [after[s] == base[s] for s in base] == [True, True, True, False, False, False, False]
    with_prompts = Config().stage_hashes({"vlm": {"prompts": "x"}})
    assert with_prompts["charts"] == base["charts"] and with_prompts["vlm"] != base["vlm"]


def test_ocr_language_is_auto_and_the_chinese_model_is_checked(tmp_path: Path) -> None:
    assert Config().ocr.lang == "auto" and Config().ocr.cjk == "auto"
    config = load_config(environ={"IMGREAD_OCR__CJK": "chi_tra"}, search_dir=tmp_path)
    assert config.ocr.cjk == "chi_tra"
    with pytest.raises(ConfigError, match="cjk"):
        load_config(environ={"IMGREAD_OCR__CJK": "jpn"}, search_dir=tmp_path)
