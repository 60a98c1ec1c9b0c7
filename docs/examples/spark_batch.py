"""Spark: the Arrow batch API through `mapInArrow`, and a Monte Carlo cut into Spark tasks.

Not run by `cargo xtask test` (PySpark is a 456 MB install and starts a JVM); run it by hand
with Java 17:

    pip install pyspark dist/gpuecon-*.whl pyarrow
    SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$(which python) python docs/examples/spark_batch.py

`mapInArrow` hands each partition to Python as pyarrow RecordBatches, which
`gpuecon.arrow.irr_batch` reads through the Arrow C Data Interface.
"""

import random

import pyarrow as pa
from pyspark.sql import SparkSession

import gpuecon
import gpuecon.arrow
import gpuecon.distributed as gd


def irr_partition(batches):
    for batch in batches:  # pyarrow.RecordBatch
        out = gpuecon.arrow.irr_batch(batch.column("flows"))
        yield pa.RecordBatch.from_arrays(
            [batch.column("id"), out["value"].combine_chunks(), out["error"].combine_chunks()],
            names=["id", "irr", "error"],
        )


def main() -> None:
    spark = SparkSession.builder.master("local[2]").appName("gpuecon").getOrCreate()
    rng = random.Random(1)
    rows = [(i, [-1000.0] + [round(rng.uniform(0, 400), 2) for _ in range(rng.randint(1, 10))]) for i in range(100_000)]
    df = spark.createDataFrame(rows, "id long, flows array<double>")
    df.mapInArrow(irr_partition, "id long, irr double, error string").show(5)

    run = {"scenario": gpuecon.preset("coreweave-box-ig"),
           "options": {"paths": 20_000, "seed": 1, "stochastic": gpuecon.montecarlo_typical()}}
    run_text, paths = gd.montecarlo_run_text(run)
    shared = spark.sparkContext.broadcast(run_text)
    pieces = gd.chunks(paths, 2_000)
    chunks = (
        spark.sparkContext.parallelize(pieces, len(pieces))
        .map(lambda piece: gd.montecarlo_chunk(shared.value, *piece))
        .collect()
    )
    report = gd.montecarlo_merge(run_text, chunks, as_json=True)
    assert report == gpuecon.montecarlo(run, as_json=True)  # the one-process report, to the bit
    print("Spark Monte Carlo equals the one-process run")
    spark.stop()


if __name__ == "__main__":
    main()
