"""Shared by the Python tests: the golden vectors, the `gpuecon` command, one rule for
judging a case (the same as tests/node/vectors.mjs)."""

from __future__ import annotations

import decimal
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = Path(os.environ.get("GPUECON_VECTORS", ROOT / "tests" / "vectors"))


def load_cases(*files: str) -> list:
    """Every case of the named vector files (all `*.json` when none), as pytest params."""
    names = files or sorted(p.name for p in VECTORS.glob("*.json"))
    cases = []
    for name in names:
        for case in json.loads((VECTORS / name).read_text(encoding="utf-8"))["cases"]:
            cases.append(pytest.param(case, id=f"{name}:{case['id']}"))
    return cases


def dig(value, path: str | None):
    """`value` at a dotted path (`months.0.revenue.contracts_usd`; numbers index lists)."""
    for key in (path or "").split(".") if path else []:
        value = value[int(key)] if isinstance(value, list) else value[key]
    return value


def judge(case: dict, outcome) -> None:
    """Asserts that `outcome` (a value, or the GpueconError raised) is what `case` expects:
    the same code and field for an error; the expected digits within the case's tolerance
    (absolute + relative × |expected|, in exact decimal arithmetic), else exactly."""
    import gpuecon

    if "error" in case:
        assert isinstance(outcome, gpuecon.GpueconError), f"expected an error, got {outcome!r}"
        assert (outcome.code, outcome.field) == (case["error"]["code"], case["error"]["field"]), str(outcome)
        return
    assert not isinstance(outcome, Exception), f"expected {case['expected']}, got {outcome!r}"
    value = dig(outcome, case.get("result_path"))
    if isinstance(value, int):
        assert str(value) == case["expected"]
        return
    assert isinstance(value, decimal.Decimal), f"results are Decimals or ints, got {value!r}"
    expected = decimal.Decimal(case["expected"])
    tolerance = case.get("tolerance") or {}
    with decimal.localcontext(decimal.Context(prec=80)):
        allowed = decimal.Decimal(tolerance.get("absolute", "0")) + decimal.Decimal(
            tolerance.get("relative", "0")
        ) * abs(expected)
        assert abs(value - expected) <= allowed, f"expected {expected}, got {value}"


def outcome_of(function, args):
    """`function(*args)`, or the GpueconError it raised."""
    import gpuecon

    try:
        return function(*args)
    except gpuecon.GpueconError as e:
        return e


@pytest.fixture(scope="session")
def cli() -> str:
    """The `gpuecon` command built by `cargo xtask test python` (target/debug/gpuecon)."""
    path = os.environ.get("GPUECON_CLI", str(ROOT / "target" / "debug" / "gpuecon"))
    if not Path(path).exists():
        pytest.skip("the gpuecon command is not built (cargo build -p gpuecon-cli)")
    return path
