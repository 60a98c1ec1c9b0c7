"""What the Python layer adds to the finance functions: the numeric types it reads, the
dates, and the results as Decimal. Expected values are worked by hand in the comments."""

import datetime
from decimal import Decimal

import pytest

import gpuecon


@pytest.mark.parametrize("cost", [50000, "50000", 50000.0, Decimal("50000"), Decimal("5E+4"), " 50000 "])
def test_every_numeric_type_reads_the_same(cost):
    # (50,000 - 5,000) / 6 = 7,500
    assert gpuecon.sln(cost, 5000, 6) == Decimal("7500")


def test_floats_are_read_by_their_shortest_digits():
    # 0.1 is exactly 0.1, not 0.1000000000000000055511151231257827: (1 + 0.1)^2 = 1.21
    assert gpuecon.fv(0.1, 2, 0, -100) == Decimal("121")


def test_results_are_normalized_decimals():
    result = gpuecon.sln("30000.00", "7500.00", "10")
    assert isinstance(result, Decimal) and str(result) == "2250"
    assert str(gpuecon.npv_at_t0("0.1", [-100, 110])) == "0"  # -100 + 110 / 1.1, never "-0"


def test_dates_as_date_objects_or_iso_strings():
    values = [-10000, 2750, 4250, 3250, 2750]
    days = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
    objects = [datetime.date.fromisoformat(d) for d in days]
    assert gpuecon.xirr(values, objects) == gpuecon.xirr(values, days)
    assert gpuecon.xnpv("0.09", values, tuple(objects)) == gpuecon.xnpv("0.09", values, days)
    # Microsoft's XIRR example: 37.34 %; the root in 50-digit decimals (rates_of_return.json)
    assert abs(gpuecon.xirr(values, days) - Decimal("0.3733625335188315103")) < Decimal("1e-15")


def test_irr_all_finds_both_roots():
    # -100 + 230 x - 132 x^2 = 0 with x = 1 / (1 + r): x = 10/11 or 10/12, r = 0.1 or 0.2
    roots = gpuecon.irr_all([-100, 230, -132])
    assert [round(r, 9) for r in roots] == [Decimal("0.1"), Decimal("0.2")]


def test_macrs_schedule_is_the_irs_table():
    # IRS Publication 946 Table A-1, 3-year: 33.33 %, 44.45 %, 14.81 %, 7.41 %
    assert gpuecon.macrs_schedule(1000, 3) == [Decimal("333.3"), Decimal("444.5"), Decimal("148.1"), Decimal("74.1")]


def test_optional_arguments_by_keyword():
    # An annuity due of 12 payments of 100 at 1 %: 100 × 1.01 × (1 − 1.01^−12) / 0.01
    assert abs(gpuecon.pv("0.01", 12, -100, type=1) - Decimal("1136.762824821947650762018")) < Decimal("1e-18")
    assert gpuecon.vdb(100, 0, 5, 3, 4, no_switch=True) == Decimal("8.64")  # 100 × 0.6^3 × 0.4
