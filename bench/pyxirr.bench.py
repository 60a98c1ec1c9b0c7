"""pyxirr's XIRR on the flows of bench/package.bench.mjs, timed as a Python user calls it.

Prints one number: the median microseconds per `pyxirr.xirr(dates, values)` call. `cargo
xtask bench` runs it in its own virtual environment (.venv-bench, pyxirr pinned in
python/requirements-bench.txt) and passes the number to package.bench.mjs, which divides
the npm package's XIRR by it (issue 21's target: at most 2x pyxirr).
"""

import datetime
import statistics
import time

import pyxirr

# -50,000 of capex, then 143 monthly net rents of 1,200 +/- 100 with cents, dated the 1st of
# each month from 2026-01-01: the same flows as package.bench.mjs and core/benches/finance.rs.
values = [-50000.0] + [(120000 + ((month * 7919) % 20001) - 10000) / 100 for month in range(1, 144)]
dates = [datetime.date(2026 + month // 12, month % 12 + 1, 1) for month in range(144)]

CALLS, ROUNDS = 200, 25
for _ in range(CALLS * 3):
    pyxirr.xirr(dates, values)
samples = []
for _ in range(ROUNDS):
    start = time.perf_counter()
    for _ in range(CALLS):
        pyxirr.xirr(dates, values)
    samples.append((time.perf_counter() - start) / CALLS * 1e6)
rate = pyxirr.xirr(dates, values)
# The same rate as formulajs and gpuecon agree on (checked there to 1e-6): a sanity check
# that the flows are the same.
assert abs(rate - 0.31576794075157) < 1e-6, rate
print(f"{statistics.median(samples):.3f}")
