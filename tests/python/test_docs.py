"""The docstrings' examples run as doctests, and the README's Python quick start runs as
written."""

import doctest
import os
import re
from pathlib import Path

import pytest

import gpuecon
from gpuecon import _models, _native

ROOT = Path(__file__).resolve().parents[2]


def documented():
    objects = [gpuecon, _models.Report.months_frame]
    objects += [getattr(_native, name) for name in dir(_native) if not name.startswith("_")]
    objects += [getattr(_models, name) for name in ("evaluate", "evaluate_portfolio", "montecarlo", "presets")]
    return objects


@pytest.mark.parametrize("obj", documented(), ids=lambda o: getattr(o, "__qualname__", getattr(o, "__name__", "?")))
def test_docstring_examples(obj):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(obj, getattr(obj, "__name__", "obj"), globs={"gpuecon": gpuecon}):
        runner.run(test)
    assert runner.failures == 0


def test_every_native_function_has_an_example():
    for name in dir(_native):
        function = getattr(_native, name)
        if callable(function) and not name.startswith("_") and name[0].islower():
            if name in {"loads", "evaluate", "evaluate_portfolio", "validate_scenario", "montecarlo",
                        "montecarlo_batch", "montecarlo_finish", "montecarlo_typical", "presets"}:
                continue  # JSON-text internals, documented through gpuecon's wrappers
            assert ">>>" in (function.__doc__ or ""), name


def test_readme_python_quick_start():
    readme = Path(os.environ.get("GPUECON_README", ROOT / "README.md")).read_text(encoding="utf-8")
    section = readme.split("## Quick start: Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README has a Python quick start"
    namespace = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
