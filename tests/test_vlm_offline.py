"""Downloads are off unless asked for, and when asked for without a network they fail in
seconds with a message, not after minutes of retries."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from imgread.errors import BackendUnavailable
from imgread.vlm.transformers_backend import DOWNLOAD_ENV, resolve


def test_a_download_without_a_network_fails_fast(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("huggingface_hub")
    from huggingface_hub import constants

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv(DOWNLOAD_ENV, "1")
    started = time.monotonic()
    with pytest.raises(BackendUnavailable, match="cannot be reached") as error:
        resolve("nobody/no-such-vlm")
    assert time.monotonic() - started < 10
    assert "hf download nobody/no-such-vlm" in error.value.hint
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(BackendUnavailable, match="HF_HUB_OFFLINE"):
        resolve("nobody/no-such-vlm")
