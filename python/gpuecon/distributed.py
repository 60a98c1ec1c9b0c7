"""Monte Carlo and sweeps on a Dask cluster (``dask.distributed``), with no scheduler of
our own: Dask places the chunks, retries them when a worker dies, and gathers them.

A Monte Carlo path has its own random stream (seeded by the run's seed and the path's
number), so a run cut into chunks of paths is the same run: each worker simulates its paths
with the core's ``montecarlo_batch`` and returns their raw outcomes bit for bit (as
``bytes``: each number's IEEE 754 bits); one more task merges them with
``montecarlo_finish``, which sorts, checks (each path once, no gap) and summarizes exactly
as a one-process run does. The report is the one-process report, to the
bit, whatever the chunk size, the number of workers or the order chunks finish in.

Needs ``dask[distributed]`` (``pip install 'gpuecon[dask]'``).
"""

from __future__ import annotations

import itertools
import json
from typing import Any, Iterable, Mapping, Sequence

from . import _json, _native
from ._json import Source, error
from .sweep import variant_rows

#: Paths per task when none is given: for a 5-year box about 110 ms of paths on one core
#: against about 5 ms a chunk costs beyond its paths (both measured: docs/python.md), so
#: the overhead stays near 4 %.
DEFAULT_CHUNK_PATHS = 5000


def _client(client):
    if client is not None:
        return client
    from distributed import get_client

    return get_client()


def _same(text: str) -> str:
    return text


def _shared(client, text: str):
    """``text`` as a future every task can depend on: computed by a task (not scattered),
    so that Dask can compute it again on another worker when the one holding it dies."""
    return client.submit(_same, text, pure=False)


def montecarlo_chunk(run_text: str, first_path: int, count: int) -> bytes:
    """Paths ``first_path`` to ``first_path + count - 1`` of a run (its JSON text, as
    ``montecarlo_run_text`` writes it): the chunk's raw outcomes as ``bytes``, bit for bit
    (the core's ``Batch::to_bytes`` layout). What each task runs, on any engine (Dask here;
    Ray or Spark in docs/python.md)."""
    return _native.montecarlo_batch(run_text, first_path, count)


def montecarlo_merge(run_text: str, chunks: Sequence[bytes], *, as_json: bool = False) -> Any:
    """The report of a run from its chunks (``montecarlo_chunk``'s bytes, together paths 0
    to n - 1, each once, in any order): exactly the one-process report."""
    report = _native.montecarlo_finish(run_text, list(chunks))
    return report if as_json else _json.loads(report)


def montecarlo_run_text(run: Source, paths: int | None = None) -> tuple:
    """A run's JSON text with ``options["paths"]`` set to ``paths`` (when given), and its
    path count."""
    text = _json.text(run, "inputs")
    try:
        inputs = json.loads(text)
        options = inputs.setdefault("options", {})
    except (ValueError, AttributeError):
        _native.montecarlo(text)  # raises the core's error for text that is not a run
        raise
    if paths is not None:
        options["paths"] = paths
    total = options.get("paths")
    if isinstance(total, bool) or not isinstance(total, int) or total < 1:
        raise error("INVALID_ARGUMENT", "paths", "paths: must be a whole number of at least 1")
    return json.dumps(inputs, separators=(",", ":")), total


def chunks(paths: int, chunk_paths: int) -> list:
    """``(first_path, count)`` for each chunk of ``chunk_paths`` paths (the last may be
    shorter) covering paths 0 to ``paths - 1``.

    >>> chunks(10, 4)
    [(0, 4), (4, 4), (8, 2)]
    """
    if isinstance(chunk_paths, bool) or not isinstance(chunk_paths, int) or chunk_paths < 1:
        raise error("INVALID_ARGUMENT", "chunk_paths", "chunk_paths: must be a whole number of at least 1")
    return [(first, min(chunk_paths, paths - first)) for first in range(0, paths, chunk_paths)]


def _merge(run_text: str, *chunks: bytes) -> str:
    return montecarlo_merge(run_text, chunks, as_json=True)


def submit_montecarlo(
    run: Source,
    paths: int | None = None,
    *,
    client: Any = None,
    chunk_paths: int = DEFAULT_CHUNK_PATHS,
) -> Any:
    """Submits a Monte Carlo run to a Dask cluster and returns at once: a
    ``distributed.Future`` of the report's JSON text. The chunks and their merge are all
    tasks (the merge runs on a worker, not on the client), so many runs submitted together,
    a fund's boxes for instance, share the cluster and merge in parallel.

    Arguments as ``montecarlo``.
    """
    run_text, total = montecarlo_run_text(run, paths)
    client = _client(client)
    shared = _shared(client, run_text)
    futures = [
        client.submit(montecarlo_chunk, shared, first, count, pure=False, retries=2)
        for first, count in chunks(total, chunk_paths)
    ]
    return client.submit(_merge, shared, *futures, pure=False, retries=2)


def montecarlo(
    run: Source,
    paths: int | None = None,
    *,
    client: Any = None,
    chunk_paths: int = DEFAULT_CHUNK_PATHS,
    as_json: bool = False,
) -> Any:
    """A Monte Carlo run (``{"scenario" | "portfolio", "options"}``, as ``gpuecon.montecarlo``
    takes it) over a Dask cluster: ``paths`` paths (default ``options["paths"]``) cut into
    chunks of ``chunk_paths``, one task each, merged into the report ``gpuecon.montecarlo``
    gives for the same run, to the bit. With a target standard error, every path runs and
    the report counts those up to the first check that meets it, as in one process.

    ``client`` is a ``distributed.Client`` (default: the current one). ``as_json=True``
    returns the core's JSON text of the report.

    Raises ``GpueconError`` for an invalid run (from the first chunk that meets it).
    """
    report = submit_montecarlo(run, paths, client=client, chunk_paths=chunk_paths).result()
    return report if as_json else _json.loads(report)


def sweep(
    base: Source,
    grid: Mapping[str, Iterable[Any]],
    *,
    client: Any = None,
    chunk_rows: int = 200,
):
    """Evaluates every combination of ``grid`` (field path → values, such as
    ``{"contracts[0].contract.price_usd_per_gpu_hour": ["2.00", "2.50"],
    "market.utilization": ["0.6", "0.8"]}``) applied to ``base``, on a Dask cluster, into a
    pandas DataFrame: one row per variant, in ``itertools.product`` order, with a column per
    grid path, the report's summary (nested fields joined with dots:
    ``metrics.npv_usd``) and ``error`` (``None``, or the message of the variant that
    failed; one bad variant never fails the sweep).
    """
    import pandas

    base_text = _json.text(base, "base")
    paths = list(grid)
    values = [list(v) for v in grid.values()]
    rows = [list(r) for r in itertools.product(*values)]
    client = _client(client)
    shared = _shared(client, base_text)
    if isinstance(chunk_rows, bool) or not isinstance(chunk_rows, int) or chunk_rows < 1:
        raise error("INVALID_ARGUMENT", "chunk_rows", "chunk_rows: must be a whole number of at least 1")
    futures = [
        client.submit(variant_rows, shared, paths, rows[i : i + chunk_rows], pure=False, retries=2)
        for i in range(0, len(rows), chunk_rows)
    ]
    out = [row for part in client.gather(futures) for row in part]
    errors = pandas.Series([row.pop("error") for row in out], dtype=object)
    frame = pandas.DataFrame(out, index=range(len(out)))
    for i, path in enumerate(paths):
        frame.insert(i, path, pandas.Series([r[i] for r in rows], dtype=object))
    frame["error"] = errors
    return frame
