#!/usr/bin/env python3
"""Golden vectors for a loan's interest conventions and a box's taxes, from an independent
model (issue 15, items 4 and 5).

What it is
    A re-implementation in Python 3 (standard library only, exact fractions) written from
    the definitions, not from gpuecon's Rust:
      - day counts: month m of a loan closing on date D runs from D + (m - 1) months to
        D + m months (the same day, or the month's last day when shorter); interest =
        balance x annual rate x days / 360 (ACT/360), x 30 / 360 (30/360) or x days / 365
        (ACT/365F); ACT/360 by default for SOFR loans, 30/360 for fixed ones (ISDA 2006
        definitions 4.16; the market's loan documents);
      - a SOFR floor (rate = max(SOFR, floor) + spread), a swap (the borrower pays fixed and
        receives SOFR on its notional, net settlement = notional x (fixed - SOFR) x the
        day count) and a cap (receives max(SOFR - strike, 0) x notional x the day count),
        both settled on SOFR as quoted; debt service = interest + principal + swap - cap;
      - the sculpted capacity as the present value of CFADS / target DSCR less the hedges'
        stated notionals, discounting each month at 1 + (rate + hedge cost per dollar) x
        the day count;
      - US corporate income tax on tax years of 12 months from the close: MACRS GDS
        half-year percentages (IRS Publication 946, table A-1), bonus depreciation (IRC
        168(k)) on the cost placed in service in the year, interest deductible up to a share
        of ATI = EBITDA - property tax (IRC 163(j)) with the excess carried forward, losses
        carried forward and offsetting at most a share of taxable income (IRC 172(a)(2)),
        paid in four installments of 25 % in months 4, 6, 9 and 12 of the tax year (IRC
        6655; in a short last year those past its end in its last month); property tax =
        rate x cost in service at the start of the month / 12.
    Values are exact fractions; the core keeps amounts to 12 places and rounds quotients to
    28 digits, so the cases allow 1e-9.

How to run it
    python3 tests/vectors/conventions.py           # prints the values checked
    python3 tests/vectors/conventions.py --write   # (re)writes tests/vectors/conventions.json
"""

import calendar
import datetime
import json
import sys
from fractions import Fraction as Q
from pathlib import Path

OUT = Path(__file__).resolve().parent / "conventions.json"
TOLERANCE = {"absolute": "1e-9"}
SOURCE = ("independent Python model tests/vectors/conventions.py (exact fractions, from the "
          "definitions: ISDA day counts on the loan's calendar, swap and cap settlements)")
TAX_SOURCE = ("independent Python model tests/vectors/conventions.py (exact fractions, from "
              "IRS Publication 946 table A-1, IRC 163(j), 168(k), 172(a)(2), 6655)")

# IRS Publication 946, Appendix A, Table A-1 (GDS, half-year convention), percent.
MACRS = {
    3: ["33.33", "44.45", "14.81", "7.41"],
    5: ["20.00", "32.00", "19.20", "11.52", "11.52", "5.76"],
    7: ["14.29", "24.49", "17.49", "12.49", "8.93", "8.92", "8.93", "4.46"],
}
SPREADS = {"named_investment_grade": Q("0.06"), "other_investment_grade": Q("0.065"),
           "sub_investment_grade": Q("0.13")}


def show(q, places=18):
    """A fraction as a decimal string rounded to `places`."""
    q = Q(q)
    sign = "-" if q < 0 else ""
    n = round(abs(q) * 10**places)
    whole, frac = divmod(n, 10**places)
    text = f"{whole}.{frac:0{places}d}".rstrip("0").rstrip(".")
    return sign + text if text != "0" else "0"


# ---------------------------------------------------------------------------------------
# loans


def add_months(start, n):
    index = start.year * 12 + (start.month - 1) + n
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def year_fraction(loan, m):
    count = loan.get("day_count")
    if count is None:
        if "start_date" not in loan:
            count = "30_360"
        else:
            count = "act_360" if loan["interest"]["kind"] == "floating" else "30_360"
    if count == "30_360":
        return Q(30, 360)
    start = datetime.date.fromisoformat(loan["start_date"])
    days = (add_months(start, m) - add_months(start, m - 1)).days
    return Q(days, 360 if count == "act_360" else 365)


def sofr(interest, m):
    if interest["kind"] != "floating":
        return None
    series = [Q(v) for v in interest["sofr_annual_rates"]]
    return series[min(m - 1, len(series) - 1)]


def annual_rate(interest, m):
    if interest["kind"] == "fixed":
        return Q(interest["annual_rate"])
    quoted = sofr(interest, m)
    floor = interest.get("sofr_floor_annual_rate")
    if floor is not None:
        quoted = max(quoted, Q(floor))
    spread = interest.get("spread_annual_rate")
    return quoted + (Q(spread) if spread is not None else SPREADS[interest["credit_tier"]])


def notional(spec, m, owed):
    if spec["kind"] == "share_of_balance":
        return Q(spec["share"]) * owed
    usd = spec["usd"]
    return Q(usd[m - 1]) if m - 1 < len(usd) else Q(0)


def hedges(loan, m, owed):
    """(swap settlement, cap payout) of month m on a balance of `owed`."""
    s = sofr(loan["interest"], m)
    yf = year_fraction(loan, m)
    swap = cap = Q(0)
    if loan.get("swap") and s is not None:
        sw = loan["swap"]
        swap = notional(sw["notional"], m, owed) * (Q(sw["fixed_annual_rate"]) - s) * yf
    if loan.get("cap") and s is not None:
        c = loan["cap"]
        cap = notional(c["notional"], m, owed) * max(s - Q(c["strike_annual_rate"]), Q(0)) * yf
    return swap, cap


def bullet_loan(loan):
    """A bullet loan drawn at the close: per month, the fields the cases check."""
    balance = Q(loan["commitment_usd"])
    rows = []
    tenor = loan["tenor_months"]
    for m in range(1, tenor + 1):
        interest = balance * annual_rate(loan["interest"], m) * year_fraction(loan, m)
        swap, cap = hedges(loan, m, balance)
        principal = balance if m == tenor else Q(0)
        rows.append({"interest_usd": interest, "swap_settlement_usd": swap,
                     "cap_payout_usd": cap,
                     "debt_service_usd": interest + principal + swap - cap})
    return {"months": rows}


def capacity(inputs):
    """The PV of the target service net of the hedges, at the loan's rate plus the hedges'
    cost per dollar of balance, each month on its day count."""
    value = Q(0)
    target = Q(inputs["target_dscr"])
    for m in range(inputs["tenor_months"], 0, -1):
        service = Q(0) if m <= inputs.get("capitalize_until_month", 0) else \
            max(Q(inputs["cfads_usd"][m - 1]), Q(0)) / target
        # the hedges on a balance B cost fixed + per_dollar x B: evaluate at B = 0 and 1
        s0, c0 = hedges(inputs, m, Q(0))
        s1, c1 = hedges(inputs, m, Q(1))
        fixed = s0 - c0
        per_dollar = (s1 - c1) - fixed
        growth = 1 + annual_rate(inputs["interest"], m) * year_fraction(inputs, m) + per_dollar
        value = (value + service - fixed) / growth
    return {"debt_capacity_usd": value}


# ---------------------------------------------------------------------------------------
# taxes


def tax_schedule(inputs):
    t = inputs["taxes"]
    rate = Q(t["income_tax_rate"])
    limit_share = Q(t.get("interest_limit_share_of_ebitda", "0.30"))
    nol_share = Q(t.get("nol_limit_share_of_taxable_income", "0.80"))
    table = [Q(p) / 100 for p in MACRS[t.get("macrs_recovery_years", 5)]]
    bonus_share = Q(t.get("bonus_depreciation_share", "0"))
    property_rate = Q(t.get("property_tax_rate", "0"))
    ebitda = [Q(v) for v in inputs["ebitda_usd"]]
    interest = [Q(v) for v in inputs.get("interest_usd", [])]
    interest += [Q(0)] * (len(ebitda) - len(interest))
    placed = [Q(v) for v in inputs["placed_in_service_usd"]]
    h = len(ebitda)
    n_years = -(-h // 12)
    # cost placed at entry k (the close, or the end of month k) belongs to year k // 12 + 1
    by_year = [Q(0)] * n_years
    for k, cost in enumerate(placed):
        if k // 12 < n_years:
            by_year[k // 12] += cost
    months = [{"month": m, "property_tax_usd": Q(0), "income_tax_usd": Q(0)}
              for m in range(1, h + 1)]
    years = []
    carried = nol = Q(0)
    for y in range(1, n_years + 1):
        first, last = 12 * (y - 1) + 1, min(12 * y, h)
        property_tax = Q(0)
        for m in range(first, last + 1):
            in_service = sum(placed[:m], Q(0))  # entries 0..m-1
            tax = property_rate * in_service / 12
            months[m - 1]["property_tax_usd"] = tax
            property_tax += tax
        e = sum(ebitda[first - 1:last], Q(0))
        i = sum(interest[first - 1:last], Q(0))
        ati = e - property_tax
        bonus = bonus_share * by_year[y - 1]
        macrs = sum(((1 - bonus_share) * by_year[p] * table[y - 1 - p]
                     for p in range(y) if y - 1 - p < len(table)), Q(0))
        owed = i + carried
        deductible = min(owed, limit_share * max(ati, Q(0)))
        carried_in, carried = carried, owed - deductible
        ti = ati - bonus - macrs - deductible
        if ti < 0:
            nol += -ti
            used, taxable = Q(0), Q(0)
        else:
            used = min(nol, nol_share * ti)
            nol -= used
            taxable = ti - used
        tax = rate * taxable
        for due in (4, 6, 9, 12):
            months[min(first + due - 1, last) - 1]["income_tax_usd"] += tax / 4
        years.append({
            "ebitda_usd": e, "property_tax_usd": property_tax,
            "adjusted_taxable_income_usd": ati, "bonus_depreciation_usd": bonus,
            "macrs_depreciation_usd": macrs, "interest_usd": i,
            "interest_carried_in_usd": carried_in, "interest_deductible_usd": deductible,
            "interest_carried_forward_usd": carried,
            "taxable_income_before_nol_usd": ti, "nol_used_usd": used,
            "nol_balance_usd": nol, "taxable_income_usd": taxable, "income_tax_usd": tax,
        })
    for mo in months:
        mo["taxes_usd"] = mo["property_tax_usd"] + mo["income_tax_usd"]
    total_income = sum((y["income_tax_usd"] for y in years), Q(0))
    total_property = sum((y["property_tax_usd"] for y in years), Q(0))
    return {"months": months, "years": years,
            "totals": {"income_tax_usd": total_income, "property_tax_usd": total_property,
                       "taxes_usd": total_income + total_property}}


# ---------------------------------------------------------------------------------------
# cases


def pick(report, path):
    value = report
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def bullet(interest, start="2026-01-01", tenor=2, **extra):
    loan = {"commitment_usd": "10000000", "tenor_months": tenor, "interest": interest,
            "amortization": {"kind": "bullet"}, "start_date": start}
    loan.update(extra)
    return loan


FIXED_10 = {"kind": "fixed", "annual_rate": "0.10"}
SOFR_5 = {"kind": "floating", "sofr_annual_rates": ["0.05", "0.03"],
          "credit_tier": "named_investment_grade"}


def loan_cases():
    """(id, function, input, model, paths, source note)."""
    swap_all = {"fixed_annual_rate": "0.04",
                "notional": {"kind": "share_of_balance", "share": "1"}}
    cap = {"strike_annual_rate": "0.045", "premium_usd": "50000",
           "notional": {"kind": "amounts", "usd": ["6000000", "4000000"]}}
    floored = dict(SOFR_5, sofr_floor_annual_rate="0.04")
    sculpt = {
        "cfads_usd": ["125000", "130000", "90000", "-5000", "140000", "150000", "120000",
                      "110000"],
        "target_dscr": "1.3", "tenor_months": 8, "capitalize_until_month": 1,
        "interest": {"kind": "floating", "sofr_annual_rates": ["0.045", "0.05", "0.03"],
                     "credit_tier": "sub_investment_grade",
                     "sofr_floor_annual_rate": "0.035"},
        "start_date": "2026-01-31",
        "swap": {"fixed_annual_rate": "0.04",
                 "notional": {"kind": "share_of_balance", "share": "0.6"}},
        "cap": {"strike_annual_rate": "0.048", "premium_usd": "1000",
                "notional": {"kind": "amounts", "usd": ["100000", "100000", "100000"]}},
    }
    sculpt_act365 = {"cfads_usd": ["100000"] * 12, "target_dscr": "1.25",
                     "tenor_months": 12, "interest": FIXED_10, "start_date": "2028-02-01",
                     "day_count": "act_365f"}
    return [
        ("day-count-act-360-31-days", "debt_schedule",
         bullet(FIXED_10, day_count="act_360"), bullet_loan, ["months.0.interest_usd"],
         "$10,000,000 x 10 % x 31/360 = $86,111.11"),
        ("day-count-30-360-31-days", "debt_schedule",
         bullet(FIXED_10, day_count="30_360"), bullet_loan, ["months.0.interest_usd"],
         "$10,000,000 x 10 % x 30/360 = $83,333.33"),
        ("day-count-act-365f-31-days", "debt_schedule",
         bullet(FIXED_10, day_count="act_365f"), bullet_loan, ["months.0.interest_usd"],
         "$10,000,000 x 10 % x 31/365 = $84,931.51"),
        ("day-count-act-360-leap-february", "debt_schedule",
         bullet(FIXED_10, start="2028-01-31", day_count="act_360"), bullet_loan,
         ["months.0.interest_usd", "months.1.interest_usd"],
         "2028-01-31 to 2028-02-29 (29 days), then to 2028-03-31 (31 days)"),
        ("day-count-floating-default-act-360", "debt_schedule", bullet(SOFR_5), bullet_loan,
         ["months.0.interest_usd", "months.1.interest_usd"],
         "SOFR loans accrue ACT/360 by default: January 31 days, February 28"),
        ("sofr-floor", "debt_schedule", bullet(floored), bullet_loan,
         ["months.0.interest_usd", "months.1.interest_usd"],
         "month 2's SOFR 3 % is floored at 4 %"),
        ("swap-whole-balance", "debt_schedule", bullet(SOFR_5, swap=swap_all), bullet_loan,
         ["months.0.swap_settlement_usd", "months.0.debt_service_usd",
          "months.1.swap_settlement_usd", "months.1.debt_service_usd"],
         "pay 4 % fixed, receive SOFR on the whole balance"),
        ("cap-amounts", "debt_schedule", bullet(SOFR_5, cap=cap), bullet_loan,
         ["months.0.cap_payout_usd", "months.0.debt_service_usd", "months.1.cap_payout_usd"],
         "strike 4.5 %: SOFR 5 % pays on $6M in month 1; SOFR 3 % pays nothing in month 2"),
        ("capacity-floor-swap-cap", "sculpted_debt_capacity", sculpt, capacity,
         ["debt_capacity_usd"],
         "PV of CFADS/1.3 net of the cap's stated notionals at the floored rate plus 60 % "
         "of (4 % - SOFR), ACT/360 from 2026-01-31"),
        ("capacity-act-365f-leap-year", "sculpted_debt_capacity", sculpt_act365, capacity,
         ["debt_capacity_usd"], "a fixed rate on ACT/365F through February 2028 (29 days)"),
    ]


def months_of(values):
    return [str(v) for v in values]


def tax_cases():
    hand = {
        "ebitda_usd": months_of([100000] * 12 + [200000] * 12),
        "interest_usd": months_of([40000] * 24),
        "placed_in_service_usd": ["2000000"],
        "taxes": {"income_tax_rate": "0.21", "bonus_depreciation_share": "0.5",
                  "property_tax_rate": "0.01"},
    }
    # 40 months: a ramp from losses to profit, three deliveries (the close, the end of
    # month 3 and of month 14), falling interest, the 163(j) cap binding early.
    ebitda = [-200000 + 45000 * m for m in range(40)]
    interest = [max(150000 - 2500 * m, 0) for m in range(40)]
    placed = ["3000000", "0", "0", "1500000"] + ["0"] * 10 + ["800000"]
    ramp = {
        "ebitda_usd": months_of(ebitda), "interest_usd": months_of(interest),
        "placed_in_service_usd": placed,
        "taxes": {"income_tax_rate": "0.25", "interest_limit_share_of_ebitda": "0.3",
                  "nol_limit_share_of_taxable_income": "0.8", "bonus_depreciation_share": "0.4",
                  "property_tax_rate": "0.015"},
    }
    seven = {
        "ebitda_usd": months_of([90000] * 30), "placed_in_service_usd": ["1000000"],
        "taxes": {"income_tax_rate": "0.21", "macrs_recovery_years": 7},
    }
    year_fields = ["income_tax_usd", "nol_balance_usd", "interest_carried_forward_usd",
                   "macrs_depreciation_usd", "taxable_income_usd"]
    return [
        ("tax-loss-163j-bonus", "tax_schedule", hand, tax_schedule,
         [f"years.{y}.{f}" for y in range(2) for f in year_fields + ["nol_used_usd"]]
         + ["months.15.income_tax_usd", "months.0.property_tax_usd", "totals.taxes_usd"],
         "a loss carried forward, the 163(j) cap binding, 50 % bonus"),
        ("tax-ramp-three-deliveries", "tax_schedule", ramp, tax_schedule,
         [f"years.{y}.{f}" for y in range(4) for f in year_fields]
         + ["months.3.property_tax_usd", "months.14.property_tax_usd",
            "months.23.income_tax_usd", "months.39.income_tax_usd", "totals.taxes_usd"],
         "40 months, a short last year, deliveries in years 1 and 2"),
        ("tax-macrs-7-year", "tax_schedule", seven, tax_schedule,
         [f"years.{y}.income_tax_usd" for y in range(3)]
         + [f"years.{y}.macrs_depreciation_usd" for y in range(3)],
         "7-year property, no bonus, a 6-month last year"),
    ]


def error_cases():
    return [
        {"id": "error:tax-macrs-6-years", "function": "tax_schedule",
         "args": [{"ebitda_usd": ["1"], "placed_in_service_usd": [],
                   "taxes": {"income_tax_rate": "0.21", "macrs_recovery_years": 6}}],
         "error": {"code": "DOMAIN", "field": "taxes.macrs_recovery_years"},
         "source": "spec (models/tax): MACRS classes are 3, 5, 7, 10, 15 or 20 years"},
        {"id": "error:swap-on-a-fixed-loan", "function": "debt_schedule",
         "args": [bullet(FIXED_10, swap={"fixed_annual_rate": "0.04",
                                          "notional": {"kind": "share_of_balance",
                                                       "share": "1"}})],
         "error": {"code": "DOMAIN", "field": "swap"},
         "source": "spec (models/debt): a swap hedges a floating rate"},
        {"id": "error:act-360-without-a-date", "function": "debt_schedule",
         "args": [{"commitment_usd": "1", "tenor_months": 1, "interest": FIXED_10,
                   "amortization": {"kind": "bullet"}, "day_count": "act_360"}],
         "error": {"code": "DOMAIN", "field": "start_date"},
         "source": "spec (models/debt): an actual day count needs the close's date"},
    ]


def main():
    cases = []
    for name, function, inputs, model, paths, note in loan_cases() + tax_cases():
        report = model(inputs)
        source = TAX_SOURCE if function == "tax_schedule" else SOURCE
        print(f"== {name}")
        for path in paths:
            value = pick(report, path)
            print(f"  {path} = {show(value, 12)}")
            cases.append({"id": f"{name}:{path}", "function": function, "args": [inputs],
                          "result_path": path, "expected": show(value),
                          "tolerance": TOLERANCE, "source": f"{source}: {note}"})
    cases.extend(error_cases())
    if "--write" in sys.argv[1:]:
        doc = {
            "family": "conventions",
            "about": (
                "A loan's interest conventions (day counts on the loan's calendar, the SOFR "
                "floor, swaps and caps, the sculpted capacity with them) and a box's taxes "
                "(models::tax: MACRS, bonus, 163(j), NOLs, installments, property tax). "
                "Expected values come from an independent Python model, "
                "tests/vectors/conventions.py (run it with --write to regenerate this "
                "file), never from gpuecon."
            ),
            "cases": cases,
        }
        OUT.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"wrote {len(cases)} cases to {OUT.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
