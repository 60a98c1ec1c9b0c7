"""Monte Carlo on a real Dask cluster (two worker processes on 127.0.0.1) is the
one-process report, byte for byte, for every chunk size and seed; a worker killed mid-run is
replaced by Dask and the report does not change. Sweeps equal row-by-row evaluation."""

import os
import signal
import threading
import time
from decimal import Decimal

import pytest

import gpuecon

distributed = pytest.importorskip("distributed")
import gpuecon.distributed as gd  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def box_run(seed: int, paths: int) -> dict:
    return {
        "scenario": gpuecon.preset("coreweave-box-ig"),
        "options": {"paths": paths, "seed": seed, "stochastic": gpuecon.montecarlo_typical()},
    }


# Chunks of 1 path are one task each: keep those runs short.
PATHS_FOR_CHUNK = {1: 40, 7: 250, 1000: 2500}


@pytest.mark.parametrize("seed", [1, 2, 2**63])
@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_chunks_equal_one_process(client, seed, chunk):
    run = box_run(seed, PATHS_FOR_CHUNK[chunk])
    expected = gpuecon.montecarlo(run, as_json=True)
    assert gd.montecarlo(run, client=client, chunk_paths=chunk, as_json=True) == expected
    assert f'"seed":{seed}' in expected


@pytest.mark.parametrize("seed", [1, 2**63])
def test_portfolio_chunks_equal_one_process(client, seed):
    run = {
        "portfolio": gpuecon.preset("company-rollup"),
        "options": {"paths": 60, "seed": seed, "stochastic": gpuecon.montecarlo_typical()},
    }
    # The portfolio's run needs its first box as `scenario` too only when the core asks; the
    # one-process run is the reference either way.
    try:
        expected = gpuecon.montecarlo(run, as_json=True)
    except gpuecon.GpueconError as e:
        pytest.fail(f"the portfolio run is invalid: {e} {e.problems}")
    assert gd.montecarlo(run, client=client, chunk_paths=7, as_json=True) == expected


def test_paths_argument_and_objects(client):
    run = box_run(5, 10)
    report = gd.montecarlo(run, 30, client=client, chunk_paths=11)
    assert report == gpuecon.montecarlo(box_run(5, 30))
    assert report["paths"] == 30 and isinstance(report["npv_usd"]["mean"], Decimal)


def test_chunks_cross_as_bytes_and_bad_ones_name_their_place():
    """The engine-neutral halves, with no cluster: a chunk is the core's bytes (a 16-byte
    header, then 88 bytes a path: 4 numbers of 8, 4 optional numbers of 9, 4 optional
    months of 5), merged in any order into the one-process report; a chunk cut short, or
    none at all, is the core's error on its place."""
    run_text, total = gd.montecarlo_run_text(box_run(4, 30))
    pieces = [gd.montecarlo_chunk(run_text, first, count) for first, count in gd.chunks(total, 12)]
    assert [type(p) for p in pieces] == [bytes] * 3
    assert [len(p) for p in pieces] == [16 + 88 * 12, 16 + 88 * 12, 16 + 88 * 6]
    assert pieces[0][:4] == b"GMCB"
    expected = gpuecon.montecarlo(box_run(4, 30), as_json=True)
    assert gd.montecarlo_merge(run_text, pieces[::-1], as_json=True) == expected
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo_merge(run_text, [pieces[0], pieces[1][:-1], pieces[2]])
    assert raised.value.field == "batches[1]"
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo_merge(run_text, [pieces[0], pieces[2]])
    assert raised.value.field == "batches[1].first_path"
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo_merge(run_text, [])
    assert raised.value.field == "batches"
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo_chunk(run_text, 0, 0)
    assert raised.value.field == "count"


def test_invalid_runs_raise_the_core_error(client):
    run = box_run(1, 10)
    run["scenario"]["power"]["pue"] = "0.5"
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo(run, client=client, chunk_paths=5)
    assert raised.value.field == "scenario.power.pue"
    with pytest.raises(gpuecon.GpueconError) as raised:
        gd.montecarlo(box_run(1, 10), client=client, chunk_paths=0)
    assert raised.value.field == "chunk_paths"


def test_a_killed_worker_is_replaced_and_the_report_is_the_same(client):
    run = box_run(3, 40_000)
    expected = gpuecon.montecarlo(run, as_json=True)
    before = client.run(os.getpid)
    outcome = {}

    def spread():
        try:
            outcome["text"] = gd.montecarlo(run, client=client, chunk_paths=500, as_json=True)
        except Exception as e:  # reported below
            outcome["error"] = e

    thread = threading.Thread(target=spread)
    thread.start()
    deadline = time.monotonic() + 60
    victim = None
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        busy = [address for address, tasks in client.processing().items() if tasks]
        victim = busy[0] if busy else None
        time.sleep(0.002)
    assert victim is not None, "no task was seen running"
    os.kill(before[victim], signal.SIGKILL)
    thread.join(timeout=180)
    assert not thread.is_alive()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["text"] == expected
    client.wait_for_workers(2, timeout=60)
    assert before[victim] not in client.run(os.getpid).values(), "the killed worker is gone"


def test_sweep_equals_row_by_row(client):
    base = gpuecon.preset("h100-cluster-1024")
    grid = {
        "contracts[0].contract.price_usd_per_gpu_hour": ["2.00", "2.35", "-1"],
        "market.utilization": [Decimal("0.6"), "0.8"],
    }
    frame = gd.sweep(base, grid, client=client, chunk_rows=4)
    assert len(frame) == 6
    assert list(frame.columns[:2]) == list(grid)
    for _, row in frame.iterrows():
        variant = gpuecon.preset("h100-cluster-1024")
        variant["contracts"][0]["contract"]["price_usd_per_gpu_hour"] = row.iloc[0]
        variant["market"]["utilization"] = row.iloc[1]
        try:
            summary = gpuecon.evaluate(variant)["summary"]
        except gpuecon.GpueconError as e:
            assert row["error"] is not None and e.field in row["error"]
            continue
        assert row["error"] is None
        assert row["metrics.npv_usd"] == summary["metrics"]["npv_usd"]
        assert row["capex_usd"] == summary["capex_usd"]
    assert frame["error"].notna().sum() == 2  # the two rows priced at -1


def test_many_runs_submitted_together(client):
    """A fund's boxes: several runs submitted at once share the cluster, each merged by a
    task, each equal to its one-process report."""
    runs = [box_run(seed, 300) for seed in (11, 12, 13)]
    futures = [gd.submit_montecarlo(run, client=client, chunk_paths=100) for run in runs]
    assert client.gather(futures) == [gpuecon.montecarlo(run, as_json=True) for run in runs]
