"""Stages depend on the record and the work item, never on the pipeline that runs them."""

from __future__ import annotations

import ast
from pathlib import Path

import imgread

PACKAGE = Path(imgread.__file__).parent
# The modules that run the pipeline (engines among them); stages never import it.
DRIVERS = {"__init__.py", "pipeline.py", "batch/runner.py", "batch/dispatch.py", "cli.py",
           "engines/pool.py", "engines/worker.py", "engines/ray_engine.py",
           "engines/vlm_process.py"}


def _imports_pipeline(path: Path) -> bool:
    """`from .pipeline import ...`, `from ..pipeline import ...`, `from . import pipeline`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = (node.module or "").split(".")[-1]
            if module == "pipeline" or any(alias.name == "pipeline" for alias in node.names):
                return True
    return False


def test_no_stage_imports_the_pipeline() -> None:
    modules = [path for path in PACKAGE.rglob("*.py")
               if path.relative_to(PACKAGE).as_posix() not in DRIVERS]
    assert len(modules) > 20  # the walk found the stages
    offenders = [str(path.relative_to(PACKAGE)) for path in modules if _imports_pipeline(path)]
    assert offenders == []


def test_work_item_lives_outside_the_pipeline() -> None:
    from imgread import pipeline, work

    assert pipeline.Work is work.Work and pipeline.Job is work.Job
    assert work.Work.__module__ == "imgread.work"
