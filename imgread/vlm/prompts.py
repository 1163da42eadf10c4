"""The VLM prompts: plain text files in ``prompts/``, loaded by name, identified by their hash.

The folder is looked up in this order: ``$IMGREAD_PROMPTS_DIR``; the ``prompts/`` folder of a
source checkout (beside the package); ``<prefix>/share/imgread/prompts`` where an installed
wheel puts it. A changed file changes its hash, and so the VLM stage hash of every record.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

from ..errors import ConfigError
from ..record import PromptRef

PROMPT_NAMES = ("simple", "detailed", "extract")

_VALID_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def prompt_dirs() -> list[Path]:
    """Where prompt files are looked for, first match wins."""
    dirs = [Path(__file__).resolve().parents[2] / "prompts",
            Path(sys.prefix) / "share" / "imgread" / "prompts"]
    override = os.environ.get("IMGREAD_PROMPTS_DIR")
    return [Path(override), *dirs] if override else dirs


def load_prompt(name: str) -> tuple[str, PromptRef]:
    """The prompt's text and its reference (name and sha256 of the file's bytes)."""
    if not _VALID_NAME.match(name):
        raise ConfigError(f"vlm: '{name}' is not a prompt name",
                          hint=f"use one of {', '.join(PROMPT_NAMES)}")
    tried = [folder / f"{name}.txt" for folder in prompt_dirs()]
    for path in tried:
        if path.is_file():
            data = path.read_bytes()
            ref = PromptRef(name=name, sha256=hashlib.sha256(data).hexdigest())
            return data.decode("utf-8").strip(), ref
    raise ConfigError(
        f"vlm: no prompt named '{name}'; looked for {', '.join(str(path) for path in tried)}",
        hint="set IMGREAD_PROMPTS_DIR to a folder holding NAME.txt prompt files",
    )
