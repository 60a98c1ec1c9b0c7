"""Projects a fund-sized Monte Carlo (1,000 boxes x 1,000,000 paths each) onto N Dask
workers from two numbers measured by bench/python.bench.py on this machine: the cost of one
path on one core, and the cost of one chunk beyond its paths. A small simulation, not a
measurement: it schedules the chunks greedily (each to the worker free first, as Dask does
with equal tasks) and adds the client's merges. Assumptions, stated:

- every box's path costs what the measured box's does (60 months; a 144-month box costs
  about 2.4 times as much: scale `--path-us`);
- workers are one core each, identical, and never fail (a retried chunk adds its own cost);
- the per-chunk overhead (scheduling, compiling the scenario again, the chunk's JSON) does
  not grow with the number of workers; Dask's scheduler handles some thousands of tasks a
  second, so the simulation also caps the task rate at `--scheduler-tasks-per-s`;
- each box's run is merged by one more task on a worker (`submit_montecarlo`), at the
  measured merge cost per path (decoding the chunks, sorting for the percentiles), once its
  chunks are done; the client only gathers the 1,000 small reports. (Merging on the client
  instead, `--merge-on-client`, makes the client the bottleneck: 1,000 x 1,000,000 x the
  merge cost, one after another.)

Usage: python bench/python_projection.py --path-us 9.5 --chunk-ms 4.0 --merge-us 0.4
"""

import argparse
import heapq


def simulate(workers: int, boxes: int, paths: int, chunk: int, path_s: float, chunk_s: float,
             merge_s: float, tasks_per_s: float, merge_on_client: bool) -> float:
    """Wall seconds for `boxes` runs of `paths` paths in chunks of `chunk` on `workers`."""
    free = [0.0] * workers
    heapq.heapify(free)
    per_chunk = chunk_s + chunk * path_s
    chunks_per_box = -(-paths // chunk)
    dispatch = 0.0
    client = 0.0

    def run_task(ready: float, seconds: float) -> float:
        nonlocal dispatch
        dispatch += 1.0 / tasks_per_s
        start = max(heapq.heappop(free), dispatch, ready)
        heapq.heappush(free, start + seconds)
        return start + seconds

    last = 0.0
    for _ in range(boxes):
        box_done = max(run_task(0.0, per_chunk) for _ in range(chunks_per_box))
        if merge_on_client:
            client = max(client, box_done) + paths * merge_s
        else:
            last = max(last, run_task(box_done, chunk_s + paths * merge_s))
    return max(max(free), client, last)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path-us", type=float, required=True, help="one path on one core, microseconds")
    parser.add_argument("--chunk-ms", type=float, required=True, help="one chunk beyond its paths, milliseconds")
    parser.add_argument("--merge-us", type=float, required=True, help="the client's merge, microseconds a path")
    parser.add_argument("--boxes", type=int, default=1000)
    parser.add_argument("--paths", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=100_000, help="paths per chunk")
    parser.add_argument("--scheduler-tasks-per-s", type=float, default=3000.0)
    parser.add_argument("--merge-on-client", action="store_true", help="merge every run on the client")
    args = parser.parse_args()
    where = "on the client" if args.merge_on_client else "by a task on a worker"
    print(f"{args.boxes:,} boxes x {args.paths:,} paths, chunks of {args.chunk:,} paths; "
          f"{args.path_us} µs a path, {args.chunk_ms} ms a chunk, {args.merge_us} µs a path to merge "
          f"{where}\n")
    print("| workers (cores) | wall time | paths per second | efficiency |")
    print("|---:|---:|---:|---:|")
    one = None
    for workers in (1, 2, 8, 32, 128, 512, 2048):
        seconds = simulate(workers, args.boxes, args.paths, args.chunk, args.path_us * 1e-6,
                           args.chunk_ms * 1e-3, args.merge_us * 1e-6, args.scheduler_tasks_per_s,
                           args.merge_on_client)
        one = one or seconds
        total = args.boxes * args.paths
        hours = seconds / 3600
        shown = f"{hours:,.1f} h" if hours >= 1 else f"{seconds / 60:,.1f} min"
        print(f"| {workers:,} | {shown} | {total / seconds:,.0f} | {one / seconds / workers:.0%} |")


if __name__ == "__main__":
    main()
