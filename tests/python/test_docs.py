"""The docstrings' examples run as doctests, and the README's Python quick start runs as
written."""

import doctest
import os
import re
import sys
from pathlib import Path

import pytest

import gpuecon
from gpuecon import _models, _native, arrow, distributed, sweep

ROOT = Path(__file__).resolve().parents[2]


def documented():
    objects = [gpuecon, _models.Report.months_frame]
    objects += [getattr(_native, name) for name in dir(_native) if not name.startswith("_")]
    objects += [getattr(_models, name) for name in ("evaluate", "evaluate_portfolio", "montecarlo", "presets")]
    objects += [arrow.irr_batch, arrow.npv_batch, arrow.xirr_batch, arrow.evaluate_batch]
    objects += [distributed.chunks, sweep.parse_path]
    return objects


@pytest.mark.parametrize("obj", documented(), ids=lambda o: getattr(o, "__qualname__", getattr(o, "__name__", "?")))
def test_docstring_examples(obj):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    # An example sees its own module's names, as `python -m doctest` would run it.
    module = sys.modules.get(getattr(obj, "__module__", None) or "", gpuecon)
    globs = {**vars(module), "gpuecon": gpuecon}
    for test in finder.find(obj, getattr(obj, "__name__", "obj"), globs=globs):
        runner.run(test)
    assert runner.failures == 0


def test_every_native_function_has_an_example():
    for name in dir(_native):
        function = getattr(_native, name)
        if callable(function) and not name.startswith("_") and name[0].islower():
            if name in {"loads", "evaluate", "evaluate_portfolio", "validate_scenario", "montecarlo",
                        "montecarlo_batch", "montecarlo_finish", "montecarlo_typical", "presets",
                        "irr_batch", "xirr_batch", "npv_batch", "tornado", "sensitivity_grid"}:
                continue  # internals, documented (with examples) through gpuecon's wrappers
            assert ">>>" in (function.__doc__ or ""), name


def test_readme_python_quick_start():
    readme = Path(os.environ.get("GPUECON_README", ROOT / "README.md")).read_text(encoding="utf-8")
    section = readme.split("## Quick start: Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README has a Python quick start"
    namespace = {"__name__": "readme"}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)


def test_engine_examples_compile():
    """The Ray and Spark examples are not run (their engines are large installs), but they
    must at least be valid Python that uses names the package has."""
    import gpuecon.distributed as gd

    for name in ("ray_batch.py", "spark_batch.py"):
        source = (ROOT / "docs" / "examples" / name).read_text(encoding="utf-8")
        compile(source, name, "exec")
        for used in re.findall(r"\bgd\.(\w+)", source):
            assert hasattr(gd, used), f"{name} uses gd.{used}"
        for used in re.findall(r"gpuecon\.arrow\.(\w+)", source):
            assert hasattr(gpuecon.arrow, used), f"{name} uses gpuecon.arrow.{used}"
