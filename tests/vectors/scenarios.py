#!/usr/bin/env python3
"""Golden vectors for the scenario evaluator (`evaluate`), from an independent model.

What it is
    An independent re-implementation, in Python 3 with the standard library only, of the
    scenario semantics that the presets in core/presets/*.json need. It is written
    from the documented formulas (the module docs of core/src/scenario/mod.rs,
    models/take_or_pay/mod.rs, models/pricing/book.rs, models/depreciation/{book,curve,
    cascade}.rs, models/cost.rs and /work/shared/docs/domain.md), not from the Rust code.
    The boxes' financing (the two coreweave-box presets) follows the module docs of
    scenario/financing.rs, models/debt/mod.rs (with sculpt.rs's capacity recursion) and
    models/collateral/mod.rs: every debt amount (interest, principal, service, fee, the
    sculpted capacity) is kept to 12 places half-even as documented; quotients (DSCR, LTV,
    the sculpting target) are exact here, 28 digits in the core, far inside 1e-12.

    Money and hours are exact rationals (fractions.Fraction). Only the transcendentals are
    floats, as the core computes them (each converted once to its shortest round-trip
    decimal digits, as the core's `decimal_from_f64` does):
      - exponential curves  factor^(month/12)
      - the monthly discount rate  (1 + r)^(1/12) - 1  (NPV and the backlog's PV)
      - the IRR: solved monthly in float, annualized exactly as (1 + m)^12 - 1.

    Features the presets do not use (make-up credits, caps, other book methods, ...) raise
    NotImplementedError rather than being guessed.

How to run it
    python3 tests/vectors/scenarios.py            # prints, per preset, the values checked
    python3 tests/vectors/scenarios.py > /dev/null   # regenerates nothing
    python3 tests/vectors/scenarios.py --write    # (re)writes tests/vectors/scenarios.json

    The JSON is the input of the native runner (`cargo test -p gpuecon-golden-vectors`,
    tests/native/golden_vectors.rs) and the Node / browser runners (tests/node).
"""

import json
import math
import sys
from fractions import Fraction as Q
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ROOT / "core" / "presets"
OUT = Path(__file__).resolve().parent / "scenarios.json"

HOURS_PER_MONTH = Q(730)  # 8,760 / 12 (docs/domain.md section 1)

SOURCE = (
    "independent Python model tests/vectors/scenarios.py (exact fractions; f64 only for "
    "the exponential curves factor^(m/12) and the monthly discount rate (1+r)^(1/12)-1, "
    "each converted once to its shortest decimal digits)"
)
FINANCING_SOURCE = (
    "independent Python model tests/vectors/scenarios.py, financing from the documented "
    "formulas (scenario/financing.rs, models/debt and models/collateral module docs): CFADS "
    "= gross margin, debt = min(advance rate x capex, the PV at the loan rate (30/360) of "
    "max(CFADS,0)/target), sculpted at target x limit / debt, every debt amount kept to 12 "
    "places half-even, covenants with their cure period (exact fractions otherwise)"
)
IRR_SOURCE = (
    "independent Python model tests/vectors/scenarios.py (exact fractions for the flows; "
    "the IRR is irrational: solved monthly in f64 to about 15 digits, as the core does, and "
    "annualized (1+m)^12-1, so compared to 1e-9 rather than to the cent)"
)


# ---------------------------------------------------------------------------------------
# numbers


def dec(value):
    """A JSON decimal (a string or an integer) as an exact fraction."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"decimals are strings or integers here, got {value!r}")
    return Q(str(value))


def from_float(x):
    """A float converted once, by its shortest round-trip decimal digits."""
    if not math.isfinite(x):
        raise ValueError("not finite")
    return Q(repr(x))


def show(q, places=12):
    """A fraction as a decimal string: exact when it terminates within `places`
    decimals, else rounded half-even to `places` decimals; trailing zeros removed."""
    q = Q(q)
    scaled = q * 10**places
    n = round(scaled)  # Fraction.__round__ is half-even
    sign = "-" if n < 0 else ""
    n = abs(n)
    whole, frac = divmod(n, 10**places)
    text = f"{whole}.{frac:0{places}d}".rstrip("0").rstrip(".")
    return "0" if text == "0" else sign + text


# ---------------------------------------------------------------------------------------
# curves (models/depreciation/curve.rs docs): the value at month m, 1 at month 0


def curve_value(curve, m):
    kind = (curve or {"kind": "constant"})["kind"]
    if kind == "constant":
        return Q(1)
    if kind == "exponential":
        if m == 0:
            return Q(1)
        factor = float(dec(curve["annual_factor"]))
        return from_float(factor ** (m / 12))
    if kind == "points":
        pts = [(p["month"], dec(p["value"])) for p in curve["points"]]
        if m <= pts[0][0]:
            return pts[0][1]
        if m >= pts[-1][0]:
            return pts[-1][1]
        for (m0, v0), (m1, v1) in zip(pts, pts[1:]):
            if m0 <= m <= m1:
                return (v0 * (m1 - m) + v1 * (m - m0)) / (m1 - m0)
    raise NotImplementedError(f"curve kind {kind}")


# ---------------------------------------------------------------------------------------
# take-or-pay (models/take_or_pay/mod.rs docs)


def contract_end(c):
    return c["start_month"] + c["term_months"] - 1


def contract_last(c):
    t = c.get("termination")
    if t and t["month"] < contract_end(c):
        return t["month"]
    return contract_end(c)


def contract_active(c, m):
    return c["start_month"] <= m <= contract_last(c)


def contract_terms(c):
    """Per served month: (month, contract month, price, shortfall price, minimum hours)."""
    if c.get("make_up") or c.get("cap_gpu_hours_per_month") is not None:
        raise NotImplementedError("make-up credits and caps")
    price0 = dec(c["price_usd_per_gpu_hour"])
    short0 = dec(c.get("shortfall_price_usd_per_gpu_hour") or c["price_usd_per_gpu_hour"])
    esc = c.get("escalator")
    ramp = [dec(r) for r in c.get("ramp", [])]
    com = c["commitment"]
    terms = []
    for m in range(c["start_month"], contract_last(c) + 1):
        j = m - c["start_month"] + 1
        e = Q(1)
        if esc:
            k = (j - 1) // esc.get("every_months", 12)
            e = (1 + dec(esc["annual_rate"])) ** k
        p, s = price0 * e, short0 * e
        q = dec(com["quantity_per_month"])
        if com["unit"] == "gpu_hours":
            committed = q
        elif com["unit"] == "megawatts":  # MW -> kW -> GPUs -> GPU-hours
            committed = q * 1000 / dec(com["kw_per_gpu"]) * HOURS_PER_MONTH
        elif com["unit"] == "usd":
            committed = q / p
        else:
            raise NotImplementedError(com["unit"])
        r = ramp[j - 1] if j - 1 < len(ramp) else Q(1)
        terms.append((m, j, p, s, committed * r))
    return terms


def settle(c, usage):
    """Revenue by timeline month (a dict) and the usage served, per the module docs:
    usage billed at p_j; the true-up period's shortfall (M - U)+ at s_j in its last month;
    a termination fee in the termination month."""
    length = {"monthly": 1, "quarterly": 3, "annual": 12}[c.get("true_up", "monthly")]
    terms = contract_terms(c)
    revenue, served = {}, {}
    periods = {}
    for m, j, p, s, minimum in terms:
        periods.setdefault((j - 1) // length, []).append((m, p, s, minimum))
    for rows in periods.values():
        big_m = sum(r[3] for r in rows)
        big_u = sum(usage(r[0]) for r in rows)
        for m, p, s, _ in rows:
            revenue[m] = usage(m) * p
            served[m] = usage(m)
        m_last, _, s_last, _ = rows[-1]
        revenue[m_last] += max(Q(0), big_m - big_u) * s_last
    t = c.get("termination")
    if t:
        revenue[t["month"]] = revenue.get(t["month"], Q(0)) + dec(t["fee_usd"])
    return revenue, served


def backlog(c, monthly_rate):
    """Remaining minimum payments after month 0 and their PV, each at its month's end."""
    payments = {}
    for m, _, p, s, minimum in contract_terms(c):
        payments[m] = minimum * min(p, s)
    t = c.get("termination")
    if t:
        payments[t["month"]] += dec(t["fee_usd"])
    total = sum(payments.values(), Q(0))
    pv = sum((v / (1 + monthly_rate) ** m for m, v in payments.items()), Q(0))
    return total, pv


# ---------------------------------------------------------------------------------------
# book depreciation (models/depreciation/book.rs docs): straight line only


def straight_line(cost, salvage, life_years, months):
    """Per-unit (depreciation, book value) for months 1..months: SLN/12 a month over the
    life, the book value never below the salvage value."""
    life_months = life_years * 12
    if life_months.denominator != 1:
        raise NotImplementedError("a life that is not a whole number of months")
    monthly = (cost - salvage) / life_years / 12
    out, book = [], cost
    for m in range(1, months + 1):
        charge = monthly if m <= life_months else Q(0)
        charge = min(charge, book - salvage)
        book -= charge
        out.append((charge, book))
    return out


# ---------------------------------------------------------------------------------------
# finance


def monthly_rate(annual):
    return from_float((1.0 + float(annual)) ** (1.0 / 12.0) - 1.0)


def npv_at_t0(rate, flows):
    return sum((v / (1 + rate) ** t for t, v in enumerate(flows)), Q(0))


def irr_monthly(flows):
    """The monthly IRR in float: bisection on a sign change of the NPV, then Newton."""
    fl = [float(v) for v in flows]

    def f(r):
        x = 1.0 / (1.0 + r)
        return math.fsum(v * x**i for i, v in enumerate(fl))

    lo, hi = -0.99, 10.0
    if f(lo) * f(hi) > 0:
        return None
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(lo) < 0) == (f(mid) < 0):
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-17:
            break
    return (lo + hi) / 2


def metrics(flows, rate):
    """NPV at t = 0, the annualized IRR and the payback month of monthly flows (flows[0] at
    the start, flows[m] at the end of month m; models/metrics.rs docs)."""
    irr_m = irr_monthly(flows)
    payback, acc = None, Q(0)
    for t, v in enumerate(flows):
        acc += v
        if t > 0 and acc >= 0:
            payback = t
            break
    return {
        "npv_usd": npv_at_t0(rate, flows),
        "irr_annual": None if irr_m is None else (1 + from_float(irr_m)) ** 12 - 1,
        "payback_month": payback,
    }


# ---------------------------------------------------------------------------------------
# the scenario (core/src/scenario/mod.rs docs)


def evaluate(s):
    h = s["horizon_months"]
    fleet = s["fleet"]
    g = dec(fleet["gpus"])
    capex = dec(fleet["capex_usd_per_gpu"])
    power, fac = s["power"], s["facility"]
    ops = s.get("operations", {})
    market = s["market"]
    contracts = s.get("contracts", [])
    sell = s.get("sell_at_horizon", True)

    def op(name):
        return dec(ops.get(name, "0"))

    # on-demand price and utilization, month by month (index 0 is month 1)
    if market.get("cascade"):
        prices, utils = [], []
        for stage in market["cascade"]:
            for k in range(1, stage["months"] + 1):
                prices.append(dec(stage["price_usd_per_gpu_hour"])
                              * curve_value(stage.get("price_curve"), k))
                utils.append(dec(stage["utilization"]))
        prices = (prices + [Q(0)] * h)[:h]  # past the cascade's end: nothing sold
        utils = (utils + [Q(0)] * h)[:h]
    else:
        base = dec(market["on_demand_usd_per_gpu_hour"])
        prices = [base * curve_value(market.get("price_curve"), m) for m in range(1, h + 1)]
        utils = [dec(market["utilization"])] * h

    # contracts: each settled on usage = gpus x 730 x share in the months it serves
    c_rev, c_served = [Q(0)] * h, [Q(0)] * h
    for line in contracts:
        c = line["contract"]
        use = dec(c["gpus"]) * HOURS_PER_MONTH * dec(line["usage_share"])
        usage = lambda m, c=c, use=use: use if (m <= h and contract_active(c, m)) else Q(0)
        rev, served = settle(c, usage)
        for m, v in rev.items():
            if 1 <= m <= h:
                c_rev[m - 1] += v
        for m, v in served.items():
            if 1 <= m <= h:
                c_served[m - 1] += v

    dep = s["depreciation"]
    if dep["method"]["kind"] != "straight_line":
        raise NotImplementedError(dep["method"]["kind"])
    book = straight_line(capex, dec(dep.get("salvage_usd_per_gpu", "0")),
                         dec(dep["life_years"]), h)

    available = g * HOURS_PER_MONTH
    facility_month = dec(fac["contracted_kw_per_gpu"]) * dec(fac["usd_per_kw_month"]) * g
    insurance_month = capex * op("insurance_rate_per_year") / 12 * g
    spot = market.get("spot")
    months, cumulative = [], -capex * g
    for m in range(1, h + 1):
        i = m - 1
        p, u = prices[i], utils[i]
        contracted = sum((dec(l["contract"]["gpus"]) for l in contracts
                          if contract_active(l["contract"], m)), Q(0))
        # the market book on the GPUs not under contract (models/pricing/book.rs)
        reserved_hours = reserved_usd = Q(0)
        for r in market.get("reserved", []):
            if r["start_month"] <= m < r["start_month"] + r["term_months"]:
                hrs = dec(r["gpus"]) * HOURS_PER_MONTH
                reserved_hours += hrs
                reserved_usd += hrs * prices[r["start_month"] - 1] * (1 - dec(r["discount"]))
        open_hours = (g - contracted) * HOURS_PER_MONTH - reserved_hours
        od_hours = open_hours * u
        idle = open_hours - od_hours
        spot_hours = spot_usd = Q(0)
        if spot:
            sold = idle * dec(spot["share_of_idle_sold"])
            spot_hours = sold * (1 - dec(spot["preemption_rate"]))
            spot_usd = spot_hours * p * (1 - dec(spot["discount"]))
        od_usd = od_hours * p
        market_billed = reserved_hours + od_hours + spot_hours
        # busy = contract usage served + reserved + on-demand + spot hours billed (sold
        # less pre-empted: a pre-empted hour is not counted as running; scenario/mod.rs)
        busy = market_billed + c_served[i]
        # billed (commercial, allocated): every hour of the GPUs under contract, used or
        # not, as for reserved GPUs (report.rs, billed_gpu_hours; domain.md section 4)
        billed = market_billed + contracted * HOURS_PER_MONTH
        rev = {
            "contracts_usd": c_rev[i], "reserved_usd": reserved_usd,
            "on_demand_usd": od_usd, "spot_usd": spot_usd,
        }
        rev["total_usd"] = sum(rev.values(), Q(0))
        share = busy / available
        load = dec(power["idle_fraction"]) + (1 - dec(power["idle_fraction"])) * share
        power_per_hour = (dec(power["it_kw_per_gpu"]) * load * dec(power["pue"])
                          * dec(power["usd_per_kwh"]))
        cost = {
            "power_usd": power_per_hour * available,
            "facility_usd": facility_month,
            "staff_usd": op("staff_usd_per_gpu_hour") * available,
            "support_usd": op("support_usd_per_gpu_hour") * available,
            "software_usd": op("software_usd_per_gpu_hour") * available,
            "insurance_usd": insurance_month,
            "sga_usd": op("sga_share_of_revenue") * rev["total_usd"],
        }
        cost["total_usd"] = sum(cost.values(), Q(0))
        margin = rev["total_usd"] - cost["total_usd"]
        economic = capex * curve_value(s["residual"], m) * g
        sale = economic if (sell and m == h) else Q(0)
        cash = margin + sale
        cumulative += cash
        months.append({
            "month": m, "available_gpu_hours": available, "billed_gpu_hours": billed,
            "busy_gpu_hours": busy, "billed_utilization": billed / available,
            "on_demand_usd_per_gpu_hour": p, "revenue": rev, "costs": cost,
            "gross_margin_usd": margin,
            "revenue_per_available_gpu_hour": rev["total_usd"] / available,
            "cost_per_billed_gpu_hour": cost["total_usd"] / billed if billed else None,
            "depreciation_usd": book[i][0] * g, "book_value_usd": book[i][1] * g,
            "economic_value_usd": economic, "sale_usd": sale, "cash_flow_usd": cash,
            "cumulative_cash_flow_usd": cumulative,
        })

    def total(*path):
        acc = Q(0)
        for mo in months:
            v = mo
            for k in path:
                v = v[k]
            acc += v
        return acc

    revenue = {k: total("revenue", k) for k in months[0]["revenue"]}
    costs = {k: total("costs", k) for k in months[0]["costs"]}
    margin = total("gross_margin_usd")
    flows = [-capex * g] + [mo["cash_flow_usd"] for mo in months]
    rate = monthly_rate(dec(s["annual_discount_rate"]))
    bl = bl_pv = Q(0)
    for line in contracts:
        a, b = backlog(line["contract"], rate)
        bl, bl_pv = bl + a, bl_pv + b
    summary = {
        "capex_usd": capex * g, "revenue": revenue, "costs": costs,
        "gross_margin_usd": margin,
        "gross_margin_share": margin / revenue["total_usd"] if revenue["total_usd"] else None,
        "billed_utilization": total("billed_gpu_hours") / total("available_gpu_hours"),
        "yield_on_cost": (revenue["total_usd"] * 12 / h) / (capex * g) if capex else None,
        "book_value_usd": months[-1]["book_value_usd"],
        "economic_value_usd": months[-1]["economic_value_usd"],
        "metrics": metrics(flows, rate),
        "contracted_backlog_usd": bl, "contracted_backlog_pv_usd": bl_pv,
    }
    report = {"months": months, "summary": summary}
    if s.get("financing") is not None:
        report["financing"] = finance(s["financing"], months, capex * g,
                                      dec(s["annual_discount_rate"]))
    return report


# ---------------------------------------------------------------------------------------
# the box's financing (scenario/financing.rs, models/debt/mod.rs and models/collateral/mod.rs
# module docs; docs/domain.md section 8)

DEBT_PLACES = 12  # every debt amount is kept to 12 places, half-even (models/debt/mod.rs)

# the spread over SOFR of each credit tier (models/debt/rate.rs docs; domain.md section 8)
TIER_SPREADS = {
    "named_investment_grade": Q("0.06"),
    "other_investment_grade": Q("0.065"),
    "sub_investment_grade": Q("0.13"),
}


def keep(q):
    """An amount kept to DEBT_PLACES decimals, half-even (Fraction.__round__ is half-even)."""
    return Q(round(Q(q) * 10**DEBT_PLACES), 10**DEBT_PLACES)


def loan_rates(interest, months):
    """The annual rate of months 1..months: fixed, or SOFR (a series from month 1, the last
    value held) + the tier's spread or an explicit spread."""
    if interest["kind"] == "fixed":
        return [dec(interest["annual_rate"])] * months
    if interest["kind"] != "floating":
        raise NotImplementedError(interest["kind"])
    sofr = [dec(v) for v in interest["sofr_annual_rates"]]
    spread = (dec(interest["spread_annual_rate"]) if interest.get("spread_annual_rate")
              is not None else TIER_SPREADS[interest["credit_tier"]])
    return [sofr[min(i, len(sofr) - 1)] + spread for i in range(months)]


def sculpted_capacity(cfads, target, rates, tenor):
    """The PV at the loan's own rate (30/360: 1 + a/12 a month) of the target service
    S_m = max(CFADS_m, 0) / target (each kept), months 1..tenor; the capacity kept."""
    value = Q(0)
    for m in range(tenor, 0, -1):
        service = keep(max(cfads[m - 1], Q(0)) / target)
        value = (value + service) / (1 + rates[m - 1] / 12)
    return keep(value)


def sculpted_loan(debt, cfads, dscr, rates, tenor, upfront_share):
    """A loan of `debt` drawn at the close, sculpted to `dscr`, per month 1..tenor:
    (interest paid, principal, debt service, fees, closing balance)."""
    rows, balance = [], debt
    for m in range(1, tenor + 1):
        interest = keep(balance * rates[m - 1] / 12)
        target = keep(max(cfads[m - 1], Q(0)) / dscr)
        capitalized = Q(0)
        if m == tenor:
            paid, principal = interest, balance
            if paid + principal - target > Q("0.01"):
                raise ValueError("the loan is above its sculpted capacity")
        elif target < interest:  # the service is below the interest: the rest capitalized
            paid, principal, capitalized = target, Q(0), interest - target
        else:
            paid, principal = interest, min(target - interest, balance)
        balance = balance + capitalized - principal
        fees = keep(debt * upfront_share) if m == 1 else Q(0)
        rows.append((paid, principal, paid + principal, fees, balance))
    return rows


def finance(f, months, capex, annual_discount_rate):
    """The financing report of a box whose unfinanced months are `months` (evaluate's)."""
    if f.get("repayment", "sculpted") != "sculpted":
        raise NotImplementedError("level, straight and bullet repayment")
    fees = f.get("fees", {})
    if dec(fees.get("commitment_fee_annual_rate", "0")) != 0:
        raise NotImplementedError("commitment fees")
    if dec(f.get("liquidation_haircut", "0")) != 0:
        raise NotImplementedError("liquidation (recovery is not checked here)")
    h = len(months)
    tenor = f["tenor_months"]
    if tenor > h:
        raise NotImplementedError("a tenor past the horizon (the sale repays the balance)")
    target = dec(f["target_dscr"])
    rates = loan_rates(f["interest"], tenor)
    cfads = [mo["gross_margin_usd"] for mo in months]  # CFADS = gross margin

    advance_limit = dec(f["advance_rate"]) * capex
    dscr_limit = sculpted_capacity(cfads, target, rates, tenor)
    debt = min(advance_limit, dscr_limit)
    # below the DSCR limit: sculpted at target x limit / debt, to mature at the tenor
    dscr_target = target * dscr_limit / debt if 0 < debt < dscr_limit else target
    loan = (sculpted_loan(debt, cfads, dscr_target, rates, tenor,
                          dec(fees.get("upfront_fee_share_of_commitment", "0")))
            if debt > 0 else [])
    zero = (Q(0), Q(0), Q(0), Q(0), Q(0))
    loan = loan + [zero] * (h - len(loan))

    # covenants, tested at the end of each month (models/collateral/mod.rs)
    max_ltv = dec(f.get("max_ltv", "1"))
    min_dscr = dec(f["min_dscr"]) if f.get("min_dscr") is not None else None
    cure = f.get("cure_months", 0)
    run_ltv = run_dscr = 0
    defaulted, first_default, in_breach_months = False, None, 0
    equity_flows = [-(capex - debt)]
    rows = []
    for i, mo in enumerate(months):
        paid, principal, service, fee, balance = loan[i]
        dscr = cfads[i] / service if service != 0 else None
        value = mo["economic_value_usd"]
        ltv = Q(0) if balance == 0 else (balance / value if value != 0 else None)
        ltv_breach = ltv is None or ltv > max_ltv
        dscr_breach = min_dscr is not None and dscr is not None and dscr < min_dscr
        run_ltv = run_ltv + 1 if ltv_breach else 0
        run_dscr = run_dscr + 1 if dscr_breach else 0
        breach = ltv_breach or dscr_breach
        in_breach_months += breach
        if not defaulted and max(run_ltv, run_dscr) > cure:
            defaulted, first_default = True, mo["month"]
        equity = mo["cash_flow_usd"] - service - fee
        equity_flows.append(equity)
        rows.append({
            "month": mo["month"], "cfads_usd": cfads[i], "interest_usd": paid,
            "principal_usd": principal, "debt_service_usd": service, "fees_usd": fee,
            "balance_usd": balance, "dscr": dscr, "ltv": ltv, "in_breach": breach,
            "in_default": defaulted, "equity_cash_flow_usd": equity,
        })
    dscrs = [r["dscr"] for r in rows if r["dscr"] is not None]
    ltvs = [r["ltv"] for r in rows]
    rate = monthly_rate(annual_discount_rate)
    summary = {
        "debt_usd": debt,
        "sized_by": "advance_rate" if advance_limit <= dscr_limit else "target_dscr",
        "advance_limit_usd": advance_limit, "dscr_limit_usd": dscr_limit,
        "equity_usd": capex - debt,
        "equity": metrics(equity_flows, rate),
        "minimum_dscr": min(dscrs) if dscrs else None,
        "peak_ltv": None if any(v is None for v in ltvs) else max(ltvs),
        "months_in_breach": in_breach_months, "first_default_month": first_default,
    }
    return {"months": rows, "summary": summary}


# ---------------------------------------------------------------------------------------
# the cases


def pick(report, path):
    v = report
    for key in path.split("."):
        v = v[int(key)] if isinstance(v, list) else v[key]
    return v


MONEY = {"absolute": "0.005"}

# The box presets (a financing block): the unfinanced totals, then the debt, the equity and
# the covenants. The investment-grade box never breaches, so its first_default_month is
# null and is not a case (a case compares a decimal or an integer).
BOX_PATHS = [
    "summary.revenue.total_usd", "summary.gross_margin_usd",
    "financing.summary.debt_usd", "financing.summary.advance_limit_usd",
    "financing.summary.dscr_limit_usd", "financing.summary.equity_usd",
    "financing.summary.equity.npv_usd", "financing.summary.equity.irr_annual",
    "financing.summary.equity.payback_month", "financing.summary.minimum_dscr",
    "financing.summary.peak_ltv", "financing.summary.months_in_breach",
    "financing.months.0.debt_service_usd", "financing.months.0.fees_usd",
    "financing.months.0.balance_usd", "financing.months.0.equity_cash_flow_usd",
    "financing.months.47.balance_usd",
]

# result paths per preset: (path, tolerance, why)
PATHS = {
    "h100-cluster-1024": [
        "months.0.revenue.contracts_usd", "months.0.revenue.reserved_usd",
        "months.0.revenue.on_demand_usd", "months.0.revenue.spot_usd",
        "months.0.costs.power_usd", "months.12.revenue.on_demand_usd",
        "months.36.revenue.spot_usd", "months.71.cumulative_cash_flow_usd",
        "summary.revenue.total_usd", "summary.costs.power_usd",
        "summary.costs.insurance_usd", "summary.gross_margin_usd",
        "summary.economic_value_usd", "summary.metrics.npv_usd",
        "summary.metrics.irr_annual",
        "summary.contracted_backlog_usd", "summary.contracted_backlog_pv_usd",
    ],
    "h100-node-on-demand": [
        "months.0.revenue.on_demand_usd", "months.11.costs.power_usd",
        "months.35.revenue.on_demand_usd", "months.35.sale_usd",
        "months.35.cumulative_cash_flow_usd",
        "summary.revenue.total_usd", "summary.costs.power_usd", "summary.costs.total_usd",
        "summary.gross_margin_usd", "summary.book_value_usd",
        "summary.economic_value_usd", "summary.metrics.npv_usd", "summary.metrics.irr_annual",
    ],
    "h100-node-reserved-3y": [
        "months.0.revenue.reserved_usd", "months.0.costs.power_usd",
        "months.35.cash_flow_usd", "months.35.cumulative_cash_flow_usd",
        "summary.revenue.total_usd", "summary.costs.power_usd", "summary.costs.facility_usd",
        "summary.gross_margin_usd", "summary.book_value_usd", "summary.economic_value_usd",
        "summary.metrics.npv_usd", "summary.metrics.irr_annual",
    ],
    "b200-cascade": [
        "months.0.revenue.on_demand_usd", "months.24.revenue.on_demand_usd",
        "months.71.revenue.on_demand_usd", "months.0.costs.power_usd",
        "months.71.costs.power_usd", "summary.revenue.total_usd", "summary.costs.power_usd",
        "summary.costs.facility_usd", "summary.costs.insurance_usd",
        "summary.gross_margin_usd", "summary.economic_value_usd", "summary.metrics.npv_usd",
        "summary.metrics.irr_annual",
    ],
    "coreweave-core-scientific-hosting": [
        "months.0.revenue.contracts_usd", "months.143.revenue.contracts_usd",
        "months.0.costs.power_usd", "months.0.costs.staff_usd",
        "months.71.book_value_usd", "months.71.economic_value_usd", "months.143.sale_usd",
        "summary.revenue.total_usd", "summary.gross_margin_usd", "summary.book_value_usd",
        "summary.billed_utilization", "summary.metrics.npv_usd",
        "summary.metrics.irr_annual", "summary.contracted_backlog_usd",
        "summary.contracted_backlog_pv_usd",
    ],
    "coreweave-box-ig": BOX_PATHS,
    "coreweave-box-sub-ig": BOX_PATHS + ["financing.summary.first_default_month"],
}

# Paths where the core once disagreed with the documented semantics: now agreed (billed
# hours are allocated hours), kept as cases.
DISPUTED = {
    "h100-cluster-1024": ["summary.billed_utilization", "months.0.billed_gpu_hours"],
}


def expected_case(preset_id, scenario, report, path):
    value = pick(report, path)
    if value is None:
        raise ValueError(f"{preset_id}: {path} is null, not a decimal to compare")
    if isinstance(value, int):  # a count or a month: exact, an integer in both runners
        return {
            "id": f"{preset_id}:{path}", "function": "evaluate", "args": [scenario],
            "result_path": path, "expected": str(value),
            "source": (FINANCING_SOURCE if path.startswith("financing.") else SOURCE)
            + "; an integer (a month or a count of months), compared exactly",
        }
    if path.endswith("irr_annual"):
        return {
            "id": f"{preset_id}:{path}", "function": "evaluate", "args": [scenario],
            "result_path": path, "expected": show(value, 15),
            "tolerance": {"absolute": "1e-9"}, "source": IRR_SOURCE,
        }
    tol = MONEY if path.endswith("_usd") else {"absolute": "1e-12"}
    src = SOURCE if path.endswith("_usd") else SOURCE + "; a ratio, compared to 1e-12"
    if path.startswith("financing."):
        src = FINANCING_SOURCE if path.endswith("_usd") else (
            FINANCING_SOURCE + "; a ratio, exact quotients of amounts kept to 12 places, "
            "compared to 1e-12")
    return {
        "id": f"{preset_id}:{path}", "function": "evaluate", "args": [scenario],
        "result_path": path, "expected": show(value), "tolerance": tol, "source": src,
    }


def error_cases(presets):
    node = presets["h100-node-on-demand"]
    cluster = presets["h100-cluster-1024"]

    def edited(base, edit):
        s = json.loads(json.dumps(base))
        edit(s)
        return s

    def util(s):
        s["market"]["utilization"] = "1.5"

    def pue_and_util(s):  # two problems: power comes before market in field order
        s["power"]["pue"] = "0.9"
        s["market"]["utilization"] = "1.5"

    def term0(s):
        s["contracts"][0]["contract"]["term_months"] = 0

    def missing(s):
        del s["fleet"]

    return [
        {"id": "error:utilization-1.5", "function": "evaluate",
         "args": [edited(node, util)],
         "error": {"code": "DOMAIN", "field": "market.utilization"},
         "source": "spec: market.utilization is a fraction in [0, 1] (scenario/spec.rs)"},
        {"id": "error:pue-0.9-reported-before-utilization", "function": "evaluate",
         "args": [edited(node, pue_and_util)],
         "error": {"code": "DOMAIN", "field": "power.pue"},
         "source": "spec: PUE is at least 1 (models/cost.rs); problems are reported in "
                   "field order (power before market, scenario/spec.rs Validate), the "
                   "first is the error's field"},
        {"id": "error:contract-term-0", "function": "evaluate",
         "args": [edited(cluster, term0)],
         "error": {"code": "DOMAIN", "field": "contracts[0].contract.term_months"},
         "source": "spec: a contract's term is greater than 0 months "
                   "(models/take_or_pay/contract.rs), named by its path in the scenario"},
        {"id": "error:missing-fleet", "function": "evaluate",
         "args": [edited(node, missing)],
         "error": {"code": "INVALID_ARGUMENT", "field": "scenario"},
         "source": "spec: a scenario without its required field fleet is not a scenario "
                   "(ScenarioError::Parse, field \"scenario\", in the native runner's "
                   "evaluate arm and the JS binding's read_input alike)"},
    ]


def main():
    write = "--write" in sys.argv[1:]
    disputed = "--include-disputed" in sys.argv[1:]
    presets = {}
    for path in sorted(PRESETS.glob("*.json")):
        preset = json.loads(path.read_text())
        presets[preset["id"]] = preset["scenario"]
    cases = []
    for preset_id, paths in PATHS.items():
        scenario = presets[preset_id]
        report = evaluate(scenario)
        print(f"== {preset_id}")
        for path in paths:
            cases.append(expected_case(preset_id, scenario, report, path))
            print(f"  {path} = {show(pick(report, path), 15)}")
        print(f"  summary.metrics.payback_month = {report['summary']['metrics']['payback_month']}")
        for path in DISPUTED.get(preset_id, []):
            print(f"  (disputed) {path} = {show(pick(report, path), 15)}")
            if disputed:
                cases.append(expected_case(preset_id, scenario, report, path))
    cases.extend(error_cases(presets))
    if write:
        doc = {
            "family": "scenarios",
            "about": (
                "The scenario evaluator (core/src/scenario): each case evaluates one preset's "
                "scenario (core/presets/*.json, its \"scenario\" object verbatim) and "
                "result_path names a decimal field of the report (months.N is month N + 1). "
                "Expected values come from an independent Python model, "
                "tests/vectors/scenarios.py (run it with --write to regenerate this file), "
                "never from gpuecon: money in exact fractions, f64 only for the "
                "transcendentals the core also computes in f64."
            ),
            "cases": cases,
        }
        OUT.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"wrote {len(cases)} cases to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
