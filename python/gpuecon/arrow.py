"""The Arrow batch API: the core's kernels over whole Arrow columns and tables.

Columns cross through the Arrow C Data Interface (``__arrow_c_array__``), so pyarrow,
polars, Ray Data, Spark's ``mapInArrow`` and Dask's Arrow-backed frames hand their buffers
over without copying them into Python objects. Each row is one call to the core's exact
function (the scalar ``gpuecon.irr`` and friends), so a row's result equals the scalar
call's on the same values; results come back as float64 (the exact decimal rounded once to
the nearest float) with an ``error`` column: a row that fails keeps its error message in
its row and never fails the batch. Null rows give null results.

Needs pyarrow (``pip install 'gpuecon[arrow]'``).
"""

from __future__ import annotations

import decimal
from typing import Any

from . import _json, _native
from .sweep import flatten, variant_rows


def _pa():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - exercised without pyarrow only
        raise ImportError("the Arrow batch API needs pyarrow: pip install 'gpuecon[arrow]'") from e
    return pyarrow


def _chunks(column: Any) -> list:
    """The chunks of a column (a ChunkedArray's, or the array itself)."""
    pa = _pa()
    if isinstance(column, pa.ChunkedArray):
        return list(column.chunks)
    if isinstance(column, pa.Array):
        return [column]
    return [pa.array(column)]


def _of(column: Any, child) -> Any:
    """A list column with its values cast to ``child`` (list kind kept)."""
    pa = _pa()
    kind = column.type
    if pa.types.is_fixed_size_list(kind):
        target = pa.list_(child, kind.list_size)
    elif pa.types.is_large_list(kind):
        target = pa.large_list(child)
    elif pa.types.is_list(kind):
        target = pa.list_(child)
    else:
        return column  # the kernel names the wrong type
    return column if kind == target else column.cast(target)


def _table(parts: list) -> Any:
    pa = _pa()
    values = [v for part in parts for v in part[0]]
    errors = [e for part in parts for e in part[1]]
    return pa.table({"value": pa.array(values, pa.float64()), "error": pa.array(errors, pa.string())})


def irr_batch(values: Any, guess: Any = None) -> Any:
    """``IRR`` of each row of a list, large_list or fixed_size_list column of numbers: a
    table with ``value`` (float64) and ``error`` (string).

    >>> import pyarrow as pa
    >>> out = irr_batch(pa.array([[-100.0, 110.0], [100.0, 110.0], None]))
    >>> [round(v, 12) if v is not None else None for v in out["value"].to_pylist()]
    [0.1, None, None]
    >>> out["error"].to_pylist()[1].startswith("NO_SIGN_CHANGE")
    True
    """
    pa = _pa()
    return _table([_native.irr_batch(_of(c, pa.float64()), guess) for c in _chunks(values)])


def npv_batch(rate: Any, values: Any) -> Any:
    """``NPV`` of each row at ``rate`` (one number, or a float64 column row by row).

    >>> import pyarrow as pa
    >>> npv_batch("0.25", pa.array([[100.0, 100.0]]))["value"].to_pylist()
    [144.0]
    """
    pa = _pa()
    chunks = _chunks(values)
    if isinstance(rate, (pa.Array, pa.ChunkedArray)):
        rates = pa.chunked_array(_chunks(rate)).cast(pa.float64())
        out, start = [], 0
        for c in chunks:
            piece = rates.slice(start, len(c)).combine_chunks()
            out.append(_native.npv_batch(piece, _of(c, pa.float64())))
            start += len(c)
        return _table(out)
    return _table([_native.npv_batch(rate, _of(c, pa.float64())) for c in chunks])


def xirr_batch(values: Any, dates: Any, guess: Any = None) -> Any:
    """``XIRR`` of each row: a list column of numbers and a list column of dates (date32,
    or anything pyarrow casts to it), row by row.

    >>> import datetime, pyarrow as pa
    >>> days = pa.array([[datetime.date(2021, 1, 1), datetime.date(2022, 1, 1)]])
    >>> round(xirr_batch(pa.array([[-100.0, 110.0]]), days)["value"][0].as_py(), 12)
    0.1
    """
    pa = _pa()
    values = pa.chunked_array(_chunks(values))
    dates = pa.chunked_array(_chunks(dates))
    if len(values) != len(dates):
        raise _json.error("INVALID_ARGUMENT", "dates", "dates: must have as many rows as values")
    out, start = [], 0
    for c in values.chunks:
        piece = dates.slice(start, len(c)).combine_chunks()
        out.append(_native.xirr_batch(_of(c, pa.float64()), _of(piece, pa.date32()), guess))
        start += len(c)
    return _table(out)


def evaluate_batch(table: Any, base: Any = None) -> Any:
    """Evaluates each row of an Arrow table as a scenario: either a ``scenario`` column of
    JSON text, or ``base`` (a scenario as ``gpuecon.evaluate`` takes it) with one column per
    field to replace, named by its path (``contracts[0].contract.price_usd_per_gpu_hour``,
    ``market.utilization``). Returns a table with the report's summary, one float64 column
    per number (nested fields joined with dots: ``metrics.npv_usd``; text fields as strings),
    and ``error``.

    >>> import pyarrow as pa, gpuecon
    >>> rows = pa.table({"market.utilization": ["0.5", "0.9", "2"]})
    >>> out = evaluate_batch(rows, base=gpuecon.preset("h100-node-on-demand"))
    >>> out["error"].to_pylist()[:2], out["error"][2].as_py().startswith("DOMAIN")
    ([None, None], True)
    """
    pa = _pa()
    if not isinstance(table, pa.Table):
        table = pa.table(table)
    if base is None:
        if "scenario" not in table.column_names:
            raise _json.error("INVALID_ARGUMENT", "table", "table: needs a scenario column of JSON text, or a base scenario")
        rows = [_row(text) for text in table.column("scenario").to_pylist()]
    else:
        base_text = _json.text(base, "base")
        rows = variant_rows(base_text, table.column_names, [list(r.values()) for r in table.to_pylist()])
    names: dict = {}
    for row in rows:
        for key in row:
            names.setdefault(key, None)
    names.pop("error", None)
    columns = {}
    for name in names:
        cells = [row.get(name) for row in rows]
        present = [c for c in cells if c is not None]
        if all(isinstance(c, bool) for c in present):
            columns[name] = pa.array(cells, pa.bool_())
        elif all(isinstance(c, (int, decimal.Decimal)) for c in present):
            columns[name] = pa.array([None if c is None else float(c) for c in cells], pa.float64())
        else:
            columns[name] = pa.array([None if c is None else str(c) for c in cells], pa.string())
    columns["error"] = pa.array([row.get("error") for row in rows], pa.string())
    return pa.table(columns)


def _row(text: Any) -> dict:
    """One scenario's summary row (or its error) from JSON text."""
    if text is None:
        return {"error": None}
    try:
        report = _json.loads(_native.evaluate(text))
    except _native.GpueconError as e:
        return {"error": f"{e.code}: {e}"}
    row = flatten(report["summary"])
    row["error"] = None
    return row
