"""Settings come in layers, and each stage's hash moves only with what can affect it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from imgread.config import Config, load_config


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


def test_unknown_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="psn"):
        load_config(environ={"IMGREAD_OCR__PSN": "6"}, search_dir=tmp_path)


def test_stage_hashes_chain_forward_only() -> None:
    base = Config().stage_hashes()
    changed = Config()
    changed.tables.min_rows = 3
    after = changed.stage_hashes()
    assert [after[s] == base[s] for s in base] == [True, True, True, False, False, False, False]
    with_prompts = Config().stage_hashes({"vlm": {"prompts": "x"}})
    assert with_prompts["charts"] == base["charts"] and with_prompts["vlm"] != base["vlm"]


def test_ocr_language_is_auto_and_the_chinese_model_is_checked(tmp_path: Path) -> None:
    assert Config().ocr.lang == "auto" and Config().ocr.cjk == "chi_sim"
    config = load_config(environ={"IMGREAD_OCR__CJK": "chi_tra"}, search_dir=tmp_path)
    assert config.ocr.cjk == "chi_tra"
    with pytest.raises(ValidationError, match="cjk"):
        load_config(environ={"IMGREAD_OCR__CJK": "jpn"}, search_dir=tmp_path)
