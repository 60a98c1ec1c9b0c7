"""Every preset evaluates in Python to exactly what the `gpuecon` command prints with
`--format json`: the same JSON, and the same numbers once read as Decimals."""

import json
import re
import subprocess
from decimal import Decimal

import pytest

import gpuecon

PRESETS = gpuecon.presets()


def plain(value):
    """A report with Decimals back to the JSON the core writes (Decimal as its digits)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        # Fixed-point digits: str() writes a zero with 12 places as "0E-12".
        return format(value, "f")
    return value


@pytest.mark.parametrize("preset", PRESETS, ids=[p["id"] for p in PRESETS])
def test_preset_equals_the_cli(preset, cli):
    printed = subprocess.run(
        [cli, "evaluate", "--preset", preset["id"], "--format", "json"],
        check=True, capture_output=True, text=True,
    ).stdout
    expected = json.loads(printed)
    if preset["kind"] == "portfolio":
        text = gpuecon.evaluate_portfolio(preset["portfolio"], as_json=True)
        report = gpuecon.evaluate_portfolio(preset["portfolio"])
    else:
        text = gpuecon.evaluate(preset["scenario"], as_json=True)
        report = gpuecon.evaluate(preset["scenario"])
    assert json.loads(text) == expected
    assert plain(report) == expected
    # Every number the CLI writes as a decimal string is a Decimal in Python.
    assert not [s for s in leaves(report) if isinstance(s, str) and DECIMAL.fullmatch(s)]
    assert sum(isinstance(x, Decimal) for x in leaves(report)) > 100
    assert isinstance(report["months"][0]["month"], int)


DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def test_months_frame():
    report = gpuecon.evaluate(gpuecon.preset("h100-cluster-1024"))
    frame = report.months_frame()
    assert len(frame) == len(report["months"]) == 72
    assert list(frame["revenue.total_usd"]) == [m["revenue"]["total_usd"] for m in report["months"]]
