"""The Python package's throughput, measured as ratios against baselines timed in the same
process (not a test: `cargo xtask bench` runs it, after installing the wheel and pyxirr).

1. The Arrow batch API against per-row loops: `gpuecon.arrow.irr_batch` / `xirr_batch`
   over 10,000 rows of 2 to 24 flows, against a Python loop calling pyxirr (Rust, f64) and
   one calling gpuecon's scalar functions, row by row.
2. Monte Carlo paths per second: the one-process run (rayon over every core), and
   `gpuecon.distributed.montecarlo` on a Dask LocalCluster of 1 and of 2 worker processes,
   one thread each (RAYON_NUM_THREADS=1 in the workers); the scaling ratio in wall time and
   in the workers' CPU time (which other processes on the machine do not inflate); and the
   CPU cost of a path and of a chunk beyond its paths, fitted from the same run cut into
   chunks of 50 and of 5,000.

Prints a Markdown table; docs/python.md keeps a copy with the machine and the date.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import random
import statistics
import sys
import time

import pyarrow as pa

import gpuecon
import gpuecon.distributed
from gpuecon import arrow

ROWS = 10_000
REPEATS = 5


def best(function, repeats=REPEATS) -> float:
    """The best of `repeats` wall times of `function()`, in seconds (the least disturbed)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def flows(rng: random.Random) -> list:
    n = rng.randint(2, 24)
    row = [round(rng.uniform(-50.0, 200.0), 2) for _ in range(n)]
    row[0] = -round(rng.uniform(100.0, 2000.0), 2)
    return row


def batch_section(out: list) -> None:
    import pyxirr

    rows = [flows(random.Random(i)) for i in range(ROWS)]
    start = datetime.date(2024, 1, 1)
    dates = [[start + datetime.timedelta(days=30 * k) for k in range(len(r))] for r in rows]
    column = pa.array(rows, pa.list_(pa.float64()))
    date_column = pa.array(dates, pa.list_(pa.date32()))

    def loop(function):
        def run():
            for row in rows:
                try:
                    function(row)
                except Exception:
                    pass
        return run

    def loop2(function):
        def run():
            for row, days in zip(rows, dates):
                try:
                    function(row, days)
                except Exception:
                    pass
        return run

    timings = {
        "irr: pyxirr.irr, a Python loop (baseline)": best(loop(pyxirr.irr)),
        "irr: gpuecon.irr, a Python loop": best(loop(gpuecon.irr)),
        "irr: gpuecon.arrow.irr_batch": best(lambda: arrow.irr_batch(column)),
        "xirr: pyxirr.xirr, a Python loop (baseline)": best(loop2(lambda v, d: pyxirr.xirr(d, v))),
        "xirr: gpuecon.xirr, a Python loop": best(loop2(gpuecon.xirr)),
        "xirr: gpuecon.arrow.xirr_batch": best(lambda: arrow.xirr_batch(column, date_column)),
    }
    out.append(f"\n### Batch API: {ROWS:,} rows of 2 to 24 flows (best of {REPEATS})\n")
    out.append("| what | rows per second | time vs the pyxirr loop |")
    out.append("|---|---:|---:|")
    for family in ("irr", "xirr"):
        base = timings[f"{family}: pyxirr.{family}, a Python loop (baseline)"]
        for name, seconds in timings.items():
            if name.startswith(family + ":"):
                out.append(f"| {name} | {ROWS / seconds:,.0f} | {seconds / base:.2f}x |")


def run_of(paths: int) -> dict:
    return {
        "scenario": gpuecon.preset("coreweave-box-ig"),
        "options": {"paths": paths, "seed": 1, "stochastic": gpuecon.montecarlo_typical()},
    }


def dask_section(out: list) -> None:
    from distributed import Client, LocalCluster

    paths = int(os.environ.get("GPUECON_BENCH_PATHS", "100000"))
    run = run_of(paths)
    one_process = best(lambda: gpuecon.montecarlo(run, as_json=True), 3)
    expected = gpuecon.montecarlo(run, as_json=True)
    rows = [("one process (rayon, every core)", os.cpu_count(), one_process)]
    wall = {}
    cpu = {}  # (workers, chunk) -> (worker CPU seconds, client and scheduler CPU seconds) of one run
    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, env={"RAYON_NUM_THREADS": "1"},
        ) as cluster, Client(cluster) as client:
            def spread(chunk):
                return gpuecon.distributed.montecarlo(run, client=client, chunk_paths=chunk, as_json=True)

            assert spread(5000) == expected, "the distributed report differs"
            wall[workers] = best(lambda: spread(5000), 3)
            rows.append((f"Dask, {workers} worker process(es), chunks of 5,000", workers, wall[workers]))
            run_text, _ = gpuecon.distributed.montecarlo_run_text(run)

            def chunks_only(chunk):
                """The chunks alone (no merge), so that their CPU is all the workers spend."""
                pieces = gpuecon.distributed.chunks(paths, chunk)
                futures = [
                    client.submit(gpuecon.distributed.montecarlo_chunk, run_text, f, c, pure=False)
                    for f, c in pieces
                ]
                client.gather(futures)

            for chunk in (50, 5000) if workers == 1 else (5000,):
                before, here = sum(client.run(time.process_time).values()), time.process_time()
                chunks_only(chunk)
                cpu[workers, chunk] = (
                    sum(client.run(time.process_time).values()) - before,
                    time.process_time() - here,
                )
    # CPU time, unlike wall time, does not depend on what else runs on the machine: fit
    # worker CPU = chunks x (chunk overhead) + paths x (path cost) from the two chunk sizes.
    small, large = cpu[1, 50][0], cpu[1, 5000][0]
    chunks_small, chunks_large = paths / 50, paths / 5000
    path_cpu = (small - large * chunks_small / chunks_large) / (paths - paths * chunks_small / chunks_large)
    chunk_cpu = (large - paths * path_cpu) / chunks_large
    client_per_chunk = (cpu[1, 50][1] - cpu[1, 5000][1]) / (chunks_small - chunks_large)
    pieces = [gpuecon.distributed.montecarlo_chunk(run_text, f, c) for f, c in gpuecon.distributed.chunks(paths, 5000)]
    merge = best(lambda: gpuecon.distributed.montecarlo_merge(run_text, pieces, as_json=True), 3)
    out.append(f"\n### Monte Carlo: {paths:,} paths of the coreweave-box-ig box (60 months, typical randomness)\n")
    out.append("| run | cores | seconds | paths per second |")
    out.append("|---|---:|---:|---:|")
    for name, cores, seconds in rows:
        out.append(f"| {name} | {cores} | {seconds:.3f} | {paths / seconds:,.0f} |")
    out.append("")
    out.append(f"- wall-time scaling, 2 workers against 1: {wall[1] / wall[2]:.2f}x")
    out.append(
        f"- worker CPU per path, chunks of 5,000: {cpu[1, 5000][0] / paths * 1e6:.2f} µs on 1 worker, "
        f"{cpu[2, 5000][0] / paths * 1e6:.2f} µs on 2 (CPU-work scaling "
        f"{cpu[1, 5000][0] / cpu[2, 5000][0] * 2:.2f}x of an ideal 2x)"
    )
    out.append(f"- fitted from chunks of 50 and of 5,000: a path {path_cpu * 1e6:.2f} µs of worker CPU, "
               f"a chunk {chunk_cpu * 1e3:.2f} ms beyond its paths, plus {client_per_chunk * 1e3:.2f} ms "
               "of client and scheduler CPU")
    out.append(f"- the merge of the chunks into the report: {merge / paths * 1e6:.2f} µs a path ({merge:.3f} s, wall)")
    out.append("- every report above equals the one-process report byte for byte")
    out.append(
        f"\nProjection: python bench/python_projection.py --path-us {path_cpu * 1e6:.2f} "
        f"--chunk-ms {chunk_cpu * 1e3:.2f} --merge-us {merge / paths * 1e6:.3f} "
        f"--scheduler-tasks-per-s {1 / max(client_per_chunk, 1e-6):.0f}"
    )


def main() -> None:
    out = [
        f"## Python package benchmark, {datetime.date.today()}",
        f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average at the start "
        f"{os.getloadavg()[0]:.1f} (other processes share the cores: compare ratios within one run)",
    ]
    batch_section(out)
    dask_section(out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
