#!/usr/bin/env python3
"""Golden vectors for XIRR on long series of dated flows (issue 21's speed work).

What it is
    Four series of dated flows built here from fixed patterns, and each one's XIRR, the rate
    r > -1 with sum_i v_i / (1 + r)^((d_i - d_0) / 365) = 0, found from the definition by
    bisection in 60-digit decimal arithmetic (Python's decimal module: 200 halvings of a
    bracket where the sum changes sign, powers as exp(-t ln(1 + r))). Nothing is taken from
    gpuecon.

    - a GPU lease: -50,000 on 2026-01-01, then 143 monthly rents of 1,200 +/- 100 with cents,
      (120000 + (m * 7919 mod 20001) - 10000) / 100, on the 1st of each month (the flows of
      core/benches/finance.rs and bench/package.bench.mjs);
    - 300 weekly flows: -250,000, then 1,100 + (i * 104729 mod 30000) / 100 every 7 days from
      2026-01-01 (one interval repeated 299 times);
    - 40 quarterly flows at a negative rate: -1,000,000, then 20,000 + (i * 7919 mod 5000)
      on the 1st of every third month from 2025-01-01;
    - 60 flows at irregular intervals: -100,000 on 2024-01-15, then 1,500 + k / 100 after
      1 to 200 days, k and the interval from a linear congruential generator (below).

    The solver is f64, so a root is good to a few units in the last place of 1 + r: the
    cases allow 1e-14 relative (the other XIRR cases allow 1e-12).

Run `python3 tests/vectors/rates_of_return_xirr.py` to print the cases as JSON; they are in
rates_of_return.json under the ids it prints.
"""

import datetime
import json
from decimal import Decimal, getcontext

getcontext().prec = 60


def xnpv(rate, values, days):
    growth = (1 + rate).ln()
    return sum(v * (-(Decimal(d) / 365) * growth).exp() for v, d in zip(values, days))


def bisect(values, days, low, high):
    f_low = xnpv(low, values, days)
    assert (f_low > 0) != (xnpv(high, values, days) > 0), "no sign change in the bracket"
    for _ in range(200):
        mid = (low + high) / 2
        f_mid = xnpv(mid, values, days)
        if (f_mid > 0) == (f_low > 0):
            low, f_low = mid, f_mid
        else:
            high = mid
    return (low + high) / 2


def add_months(date, months):
    month = date.month - 1 + months
    return date.replace(year=date.year + month // 12, month=month % 12 + 1)


def lease():
    values = ["-50000"] + [
        f"{Decimal(120000 + (m * 7919) % 20001 - 10000) / 100:.2f}" for m in range(1, 144)
    ]
    start = datetime.date(2026, 1, 1)
    return values, [add_months(start, m) for m in range(144)], "0.2", "0.5"


def weekly():
    values = ["-250000"] + [
        f"{Decimal(110000 + (i * 104729) % 30000) / 100:.2f}" for i in range(1, 300)
    ]
    start = datetime.date(2026, 1, 1)
    return values, [start + datetime.timedelta(days=7 * i) for i in range(300)], "0", "2"


def quarterly():
    values = ["-1000000"] + [str(20000 + (i * 7919) % 5000) for i in range(1, 40)]
    start = datetime.date(2025, 1, 1)
    return values, [add_months(start, 3 * i) for i in range(40)], "-0.5", "0"


def irregular():
    state = 12345

    def draw():
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return state

    values, dates = ["-100000"], [datetime.date(2024, 1, 15)]
    for _ in range(59):
        gap = 1 + draw() * 200 // 2147483648
        dates.append(dates[-1] + datetime.timedelta(days=gap))
        cents = draw() * 400000 // 2147483648
        values.append(f"{Decimal(150000 + cents) / 100:.2f}")
    return values, dates, "0", "1"


SERIES = [
    ("xirr-lease-144-monthly", lease, "a GPU lease, 144 monthly flows"),
    ("xirr-300-weekly", weekly, "300 weekly flows"),
    ("xirr-40-quarterly-negative", quarterly, "40 quarterly flows, a negative rate"),
    ("xirr-60-irregular", irregular, "60 flows at irregular intervals"),
]


def cases():
    out = []
    for case_id, build, what in SERIES:
        values, dates, low, high = build()
        days = [(d - dates[0]).days for d in dates]
        root = bisect([Decimal(v) for v in values], days, Decimal(low), Decimal(high))
        out.append(
            {
                "id": case_id,
                "function": "xirr",
                "args": [values, [d.isoformat() for d in dates]],
                "expected": f"{root:.25f}",
                "tolerance": {"relative": "1e-14"},
                "source": f"tests/vectors/rates_of_return_xirr.py: {what}, root by bisection in 60-digit decimals",
            }
        )
    return out


if __name__ == "__main__":
    print(json.dumps(cases(), indent=2))
