"""RapidOCR's recognition model run by ONNX Runtime directly: crops in, (text, score) out.

The ``rapidocr`` package builds its configuration with OmegaConf on import and on engine
construction: about 1.3 CPU-s per process before any model is loaded, more than a table page's
second opinions cost. Reading cell crops needs only the recognition model (no detection, no
direction), so this module loads the package's own model file (found without importing the
package) into a session set up as the package sets it up, and batches, scales, pads and
decodes as its ``TextRecognizer`` does: the same texts and scores, bit for bit
(``tests/test_second_engine.py`` compares the two on rendered crops). Crops that need the
detector still go through the package (``rapid.read``), and so do cell crops where the
package keeps no such file (``rapid._recognised``).
"""

from __future__ import annotations

import math
import threading
from functools import cache
from importlib import util
from pathlib import Path

import cv2
import numpy as np

# What the package's configuration says for recognition (``config.yaml``, section Rec): its
# default small PP-OCRv6 model, read 48 px high, padded to at least 320 px, six at a time.
MODEL_FILE = "PP-OCRv6_rec_small.onnx"
HEIGHT, MIN_WIDTH = 48, 320
BATCH = 6
BLANK = 0  # the CTC blank's index


def model_path() -> Path | None:
    """The recognition model inside the installed ``rapidocr`` package (not imported)."""
    spec = util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / MODEL_FILE
    return path if path.is_file() else None


class Recogniser:
    """One ONNX Runtime session on the recognition model, with its character list."""

    def __init__(self, path: Path, threads: int) -> None:
        from onnxruntime import GraphOptimizationLevel, InferenceSession, SessionOptions

        options = SessionOptions()
        options.log_severity_level = 4
        # the package turns the arena off; on, recognition takes a sixth less CPU, same texts
        options.enable_cpu_mem_arena = True
        options.graph_optimization_level = GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = InferenceSession(
            str(path),
            sess_options=options,
            providers=[("CPUExecutionProvider", {"arena_extend_strategy": "kSameAsRequested"})],
        )
        characters = self.session.get_modelmeta().custom_metadata_map["character"]
        self.characters = ["blank", *characters.splitlines(), " "]
        self.input = self.session.get_inputs()[0].name
        self.output = self.session.get_outputs()[0].name

    def __call__(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Each BGR crop's text and score (0..1): crops sorted by shape, run six at a time,
        each batch padded to its widest crop and at least ``MIN_WIDTH``."""
        ratios = np.array([crop.shape[1] / float(crop.shape[0]) for crop in crops])
        order = np.argsort(ratios)
        found: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for start in range(0, len(crops), BATCH):
            members = order[start : start + BATCH]
            widest = max(MIN_WIDTH / HEIGHT, *(ratios[i] for i in members))
            batch = np.concatenate([_normalised(crops[i], widest)[np.newaxis] for i in members])
            scores = self.session.run([self.output], {self.input: batch.astype(np.float32)})[0]
            for i, row in zip(members, scores, strict=True):
                found[i] = self._decoded(row)
        return found

    def _decoded(self, scores: np.ndarray) -> tuple[str, float]:
        """Greedy CTC: the best character at each step, repeats and blanks dropped; the score
        is the mean of the kept steps' probabilities (each rounded as the package rounds)."""
        best, probability = scores.argmax(axis=1), scores.max(axis=1)
        kept = np.ones(len(best), dtype=bool)
        kept[1:] = best[1:] != best[:-1]
        kept &= best != BLANK
        confidences = [round(value, 5) for value in probability[kept].tolist()] or [0]
        text = "".join(self.characters[index] for index in best[kept])
        return text, float(np.mean(confidences).round(5))


def _normalised(crop: np.ndarray, widest: float) -> np.ndarray:
    """A crop scaled to ``HEIGHT``, its values to -1..1, padded with zeros on the right to
    ``HEIGHT * widest`` (channels first)."""
    width = int(HEIGHT * widest)
    height, own = crop.shape[:2]
    ratio = own / float(height)  # computed as the package does, so sizes match to the pixel
    scaled = width if math.ceil(HEIGHT * ratio) > width else math.ceil(HEIGHT * ratio)
    resized = cv2.resize(crop, (scaled, HEIGHT)).astype("float32")
    resized = resized.transpose((2, 0, 1)) / 255
    resized -= 0.5
    resized /= 0.5
    padded = np.zeros((crop.shape[2], HEIGHT, width), dtype=np.float32)
    padded[:, :, :scaled] = resized
    return padded


@cache
def recogniser(thread: int, threads: int) -> tuple[Recogniser, threading.Lock]:
    """One session per process and thread (``thread`` is part of the cache key only)."""
    del thread
    path = model_path()
    assert path is not None, "callers read through the package where the model is not found"
    return Recogniser(path, threads), threading.Lock()
