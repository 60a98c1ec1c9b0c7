"""The Arrow batch API equals the scalar functions row by row (10,000 rows), keeps a bad
row's error in its row, and reads list, large_list and fixed_size_list columns, chunked or
not, with null rows."""

import datetime
import json
import random

import pytest

import gpuecon
from gpuecon import arrow

pa = pytest.importorskip("pyarrow")

ROWS = 10_000


def flows(rng: random.Random) -> list:
    """A row of 2 to 24 flows: an outlay, then mostly inflows; one row in 50 all positive
    (no IRR: an error in its row)."""
    n = rng.randint(2, 24)
    row = [round(rng.uniform(-50.0, 200.0), 2) for _ in range(n)]
    row[0] = -round(rng.uniform(100.0, 2000.0), 2)
    if rng.random() < 0.02:
        row[0] = -row[0]
    return row


def scalar(function, *args):
    """The scalar call's result as the batch writes it (float), or its error code."""
    try:
        return float(function(*args)), None
    except gpuecon.GpueconError as e:
        return None, e.code


def check(out, expected):
    values = out["value"].to_pylist()
    errors = out["error"].to_pylist()
    assert len(values) == len(expected)
    for i, (value, code) in enumerate(expected):
        if code is None:
            assert values[i] == value and errors[i] is None, (i, values[i], value, errors[i])
        else:
            assert values[i] is None and errors[i].startswith(code + ":"), (i, errors[i], code)


@pytest.fixture(scope="module")
def rows():
    return [flows(random.Random(i)) for i in range(ROWS)]


def test_irr_batch_equals_irr_row_by_row(rows):
    expected = [scalar(gpuecon.irr, row) for row in rows]
    assert sum(code is not None for _, code in expected) > 50  # the bad rows are there
    check(arrow.irr_batch(pa.array(rows, pa.list_(pa.float64()))), expected)
    check(arrow.irr_batch(pa.array(rows, pa.large_list(pa.float64()))), expected)
    chunked = pa.chunked_array([pa.array(rows[:3333]), pa.array(rows[3333:])])
    check(arrow.irr_batch(chunked), expected)


def test_npv_batch_equals_npv_row_by_row(rows):
    sample = rows[:2000]
    check(arrow.npv_batch("0.08", pa.array(sample)), [scalar(gpuecon.npv, "0.08", row) for row in sample])
    rates = [round(0.01 * (i % 30) - 0.05, 2) for i in range(len(sample))]
    check(
        arrow.npv_batch(pa.array(rates), pa.array(sample)),
        [scalar(gpuecon.npv, rate, row) for rate, row in zip(rates, sample)],
    )


def test_xirr_batch_equals_xirr_row_by_row(rows):
    sample = rows[:2000]
    start = datetime.date(2024, 1, 1)
    dates = [[start + datetime.timedelta(days=30 * k + (i % 7)) for k in range(len(row))] for i, row in enumerate(sample)]
    expected = [scalar(gpuecon.xirr, row, days) for row, days in zip(sample, dates)]
    check(arrow.xirr_batch(pa.array(sample), pa.array(dates)), expected)


def test_fixed_size_lists_nulls_and_integers():
    fixed = pa.array([[-100, 110], None, [-100, 121]], pa.list_(pa.int64(), 2))
    out = arrow.irr_batch(fixed)
    assert out["value"][1].as_py() is None and out["error"][1].as_py() is None
    # 110 / 100 − 1 and 121 / 100 − 1
    assert round(out["value"][0].as_py(), 12) == 0.1 and round(out["value"][2].as_py(), 12) == 0.21
    sliced = pa.array([[1.0, 1.0], [-100.0, 110.0], [-100.0, 121.0]], pa.list_(pa.float64(), 2)).slice(1)
    assert [round(v, 12) for v in arrow.irr_batch(sliced)["value"].to_pylist()] == [0.1, 0.21]
    inner_null = arrow.irr_batch(pa.array([[-100.0, None]]))
    assert inner_null["error"][0].as_py().startswith("INVALID_ARGUMENT")


def test_wrong_columns_are_errors():
    with pytest.raises(gpuecon.GpueconError) as raised:
        arrow.irr_batch(pa.array([1.0, 2.0]))
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "values")
    with pytest.raises(gpuecon.GpueconError):
        arrow.xirr_batch(pa.array([[-1.0, 2.0]]), pa.array([[datetime.date(2020, 1, 1)]] * 2))


def test_evaluate_batch_rows_equal_evaluate():
    base = gpuecon.preset("h100-cluster-1024")
    prices = ["2.00", "2.35", "-5", "3.10"]
    utilizations = ["0.6", "0.7", "0.8", "1.5"]
    table = pa.table({
        "contracts[0].contract.price_usd_per_gpu_hour": prices,
        "market.utilization": utilizations,
    })
    out = arrow.evaluate_batch(table, base=base).to_pylist()
    for price, utilization, row in zip(prices, utilizations, out):
        variant = gpuecon.preset("h100-cluster-1024")
        variant["contracts"][0]["contract"]["price_usd_per_gpu_hour"] = price
        variant["market"]["utilization"] = utilization
        try:
            summary = gpuecon.evaluate(variant)["summary"]
        except gpuecon.GpueconError as e:
            assert row["error"].startswith(e.code) and row["metrics.npv_usd"] is None
            continue
        assert row["error"] is None
        assert row["metrics.npv_usd"] == float(summary["metrics"]["npv_usd"])
        assert row["capex_usd"] == float(summary["capex_usd"])
    assert [r["error"] is None for r in out] == [True, True, False, False]
    # A column of JSON text, one scenario a row, with a row that is not a scenario.
    texts = [json.dumps(gpuecon.preset(p), default=str) for p in ("h100-node-on-demand", "h100-cluster-1024")] + ["{}"]
    by_text = arrow.evaluate_batch(pa.table({"scenario": texts})).to_pylist()
    assert by_text[1]["metrics.npv_usd"] == out[1]["metrics.npv_usd"] or by_text[1]["error"] is None
    assert by_text[2]["error"].startswith("INVALID_ARGUMENT")
