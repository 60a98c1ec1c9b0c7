"""Ray: the Arrow batch API over a Ray Dataset, and a Monte Carlo cut into Ray tasks.

Not run by `cargo xtask test` (Ray is a 240 MB install); run it by hand:

    pip install "ray[data]" dist/gpuecon-*.whl pyarrow
    python docs/examples/ray_batch.py

Both halves use only gpuecon's public API: `gpuecon.arrow.irr_batch` on each block of the
dataset (pyarrow tables, handed over through the Arrow C Data Interface), and
`gpuecon.distributed.montecarlo_chunk` / `montecarlo_merge`, the engine-neutral halves of
`gpuecon.distributed.montecarlo`.
"""

import random

import pyarrow as pa
import ray

import gpuecon
import gpuecon.arrow
import gpuecon.distributed as gd


def irr_block(batch: pa.Table) -> pa.Table:
    out = gpuecon.arrow.irr_batch(batch["flows"])
    return batch.append_column("irr", out["value"]).append_column("irr_error", out["error"])


def main() -> None:
    ray.init(num_cpus=2)
    rng = random.Random(1)
    rows = [[-1000.0] + [round(rng.uniform(0, 400), 2) for _ in range(rng.randint(1, 10))] for _ in range(100_000)]
    ds = ray.data.from_arrow(pa.table({"flows": pa.array(rows, pa.list_(pa.float64()))}))
    result = ds.map_batches(irr_block, batch_format="pyarrow", batch_size=10_000)
    print(result.take(3))

    run = {"scenario": gpuecon.preset("coreweave-box-ig"),
           "options": {"paths": 20_000, "seed": 1, "stochastic": gpuecon.montecarlo_typical()}}
    run_text, paths = gd.montecarlo_run_text(run)
    chunk = ray.remote(gd.montecarlo_chunk)
    shared = ray.put(run_text)
    chunks = ray.get([chunk.remote(shared, first, count) for first, count in gd.chunks(paths, 2_000)])
    report = gd.montecarlo_merge(run_text, chunks, as_json=True)
    assert report == gpuecon.montecarlo(run, as_json=True)  # the one-process report, to the bit
    print("Ray Monte Carlo equals the one-process run")


if __name__ == "__main__":
    main()
