"""Golden vectors for collateral, concentration and hosting, computed independently in exact
rational arithmetic (fractions) and, for the one fractional power, decimal at 50 digits.

    python3 tests/vectors/collateral_concentration_hosting.py   # (re)writes the three files
"""
import json
import os
from fractions import Fraction as F
from decimal import Decimal, getcontext

getcontext().prec = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def s(x):
    """A Fraction as a decimal string: exact when it terminates, else 40 places."""
    x = F(x)
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        q = Decimal(x.numerator) / Decimal(x.denominator)
        t = format(q.normalize(), "f")
        return t
    return sig26(Decimal(x.numerator) / Decimal(x.denominator))


def sig26(q):
    """A decimal to 26 significant digits (a Decimal holds 28)."""
    from decimal import Context
    return format(Context(prec=26).plus(q), "f")


def case(id, fn, inputs, path, expected, source, tolerance=None):
    c = {"id": id, "function": fn, "args": [inputs], "result_path": path, "expected": expected}
    if tolerance:
        c["tolerance"] = tolerance
    c["source"] = source
    return c


def err(id, fn, inputs, code, field, source):
    return {"id": id, "function": fn, "args": [inputs], "error": {"code": code, "field": field}, "source": source}


# ---------------------------------------------------------------------------------------
# Collateral: an independent implementation of the documented rules.

def collateral(values, v0, advance, balances, max_ltv, cure, haircut=F(0), costs=F(0), dscr=None, conc=None):
    rows = []
    counts = [0, 0, 0]
    in_default = False
    for i, (b, v) in enumerate(zip(balances, values)):
        ltv = F(0) if b == 0 else (None if v == 0 else F(b) / F(v))
        tests = [ltv is None or ltv > max_ltv]
        if dscr is not None and dscr[1][i] is not None:
            tests.append(F(dscr[1][i]) < dscr[0])
        else:
            tests.append(None)
        if conc is not None:
            tests.append(F(conc[1][i]) > conc[0])
        else:
            tests.append(None)
        for k, t in enumerate(tests):
            counts[k] = counts[k] + 1 if t else 0
        in_default = in_default or any(c > cure for c in counts)
        liq = max(F(0), F(v) * (1 - haircut) - costs)
        rec = min(F(b), liq)
        rows.append(dict(ltv=ltv, counts=list(counts), breach=any(c > 0 for c in counts), default=in_default,
                         liq=liq, rec=rec, loss=F(b) - rec, rate=None if b == 0 else rec / F(b), value=F(v)))
    first_default = next((i + 1 for i, r in enumerate(rows) if r["default"]), None)
    first_breach = next((i + 1 for i, r in enumerate(rows) if r["breach"]), None)
    ltvs = [r["ltv"] for r in rows]
    peak = None if any(l is None for l in ltvs) else max(ltvs)
    peak_month = (ltvs.index(None) if peak is None else ltvs.index(peak)) + 1
    return dict(rows=rows, loan=advance * v0, peak=peak, peak_month=peak_month,
                months_in_breach=sum(r["breach"] for r in rows), first_default=first_default, first_breach=first_breach)


cases = []
FN = "collateral_schedule"

# A: appraised values, a paydown cure, a second breach that defaults.
A = {
    "collateral": {"kind": "series", "origination_value_usd": "1000000",
                   "value_usd": ["900000", "800000", "700000", "600000", "500000", "400000"]},
    "advance_rate": "0.7",
    "balance_usd": ["690000", "680000", "550000", "470000", "410000", "330000"],
    "covenants": {"max_ltv": "0.8", "cure_months": 1},
    "liquidation": {"haircut": "0.2", "costs_usd": "10000"},
}
ra = collateral([F(x) for x in A["collateral"]["value_usd"]], F(1000000), F(7, 10),
                [F(x) for x in A["balance_usd"]], F(8, 10), 1, F(2, 10), F(10000))
src_a = ("hand: appraised values 900k..400k, balances 690k, 680k, 550k, 470k, 410k, 330k, max LTV 0.8, "
         "one month to cure, haircut 20 %, costs 10k (docs/domain.md section 8). ")
cases += [
    case("appraised-loan", FN, A, "summary.loan_usd", s(ra["loan"]), src_a + "loan = 0.7 x 1,000,000 = 700,000"),
    case("appraised-ltv-month-1", FN, A, "months.0.ltv", s(ra["rows"][0]["ltv"]),
         src_a + "690,000 / 900,000 = 0.7666...", {"absolute": "1e-26"}),
    case("appraised-ltv-month-2", FN, A, "months.1.ltv", s(ra["rows"][1]["ltv"]), src_a + "680,000 / 800,000 = 0.85 > 0.8: a breach"),
    case("appraised-cured-month-3", FN, A, "months.2.ltv_test.consecutive_breach_months", str(ra["rows"][2]["counts"][0]),
         src_a + "550,000 / 700,000 = 0.7857 <= 0.8: the paydown cures, the count resets to 0"),
    case("appraised-breach-count-month-6", FN, A, "months.5.ltv_test.consecutive_breach_months", str(ra["rows"][5]["counts"][0]),
         src_a + "410,000 / 500,000 = 0.82 and 330,000 / 400,000 = 0.825: months 5 and 6 breached, count 2"),
    case("appraised-first-default", FN, A, "summary.first_default_month", str(ra["first_default"]),
         src_a + "count 2 > cure_months 1 first in month 6 (month 2's breach was cured in month 3)"),
    case("appraised-first-breach", FN, A, "summary.first_breach_month", str(ra["first_breach"]), src_a + "month 2: LTV 0.85"),
    case("appraised-months-in-breach", FN, A, "summary.months_in_breach", str(ra["months_in_breach"]), src_a + "months 2, 5 and 6"),
    case("appraised-peak-ltv", FN, A, "summary.peak_ltv", s(ra["peak"]), src_a + "max(0.7667, 0.85, 0.7857, 0.7833, 0.82, 0.825) = 0.85"),
    case("appraised-peak-month", FN, A, "summary.peak_ltv_month", str(ra["peak_month"]), src_a + "0.85 in month 2"),
    case("appraised-liquidation-at-default", FN, A, "summary.recovery_at_default.liquidation_value_usd", s(ra["rows"][5]["liq"]),
         src_a + "month 6: 400,000 x (1 - 0.2) - 10,000 = 310,000"),
    case("appraised-loss-at-default", FN, A, "summary.recovery_at_default.loss_usd", s(ra["rows"][5]["loss"]),
         src_a + "min(330,000, 310,000) = 310,000 recovered; 330,000 - 310,000 = 20,000 lost"),
    case("appraised-recovery-rate-at-default", FN, A, "summary.recovery_at_default.recovery_rate", s(ra["rows"][5]["rate"]),
         src_a + "310,000 / 330,000 = 31/33 = 0.939393...", {"absolute": "1e-26"}),
    case("appraised-recovery-month-1", FN, A, "months.0.recovery.recovery_usd", s(ra["rows"][0]["rec"]),
         src_a + "month 1: 900,000 x 0.8 - 10,000 = 710,000 >= 690,000 owed: all 690,000 recovered"),
]

# B: a fleet on a market curve of points, with DSCR and concentration covenants.
vals_b = [F(100 * 50000) * (F(1) * (12 - m) + F(8, 10) * m) / 12 for m in range(1, 13)]
bal_b = [F(3750000 - 50000 * m) for m in range(1, 13)]
dscr_b = [None, None, "1.4", "1.3", "1.2", "1.1", "1.3", None, "1.2", "1.2", "1.5", "1.5"]
conc_b = ["0.55", "0.62", "0.61", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5"]
B = {
    "collateral": {"kind": "fleet", "gpus": 100, "capex_usd_per_gpu": "50000",
                   "residual": {"kind": "points", "points": [{"month": 0, "value": 1}, {"month": 12, "value": "0.8"}]}},
    "advance_rate": "0.75",
    "balance_usd": [s(b) for b in bal_b],
    "covenants": {"max_ltv": "0.77", "cure_months": 2,
                  "dscr": {"minimum_dscr": "1.25", "dscr_by_month": dscr_b},
                  "concentration": {"maximum_share": "0.6", "largest_customer_share_by_month": conc_b}},
    "liquidation": {"haircut": "0.25", "costs_usd": "50000"},
}
rb = collateral(vals_b, F(5000000), F(3, 4), bal_b, F(77, 100), 2, F(1, 4), F(50000),
                dscr=(F(125, 100), dscr_b), conc=(F(6, 10), conc_b))
src_b = ("hand: 100 GPUs x $50,000, residual points (0, 1) to (12, 0.8) (value 5,000,000 x (1 - 0.2 m/12)), balance "
         "3,750,000 - 50,000 m, max LTV 0.77, min DSCR 1.25 (null months untested), max share 0.6, two months to cure, "
         "haircut 25 %, costs 50k. ")
first_ltv_breach = next(i + 1 for i, r in enumerate(rb["rows"]) if r["counts"][0] > 0)
cases += [
    case("fleet-points-origination", FN, B, "summary.origination_value_usd", "5000000", src_b + "100 x 50,000 x 1"),
    case("fleet-points-loan", FN, B, "summary.loan_usd", s(rb["loan"]), src_b + "0.75 x 5,000,000 = 3,750,000"),
    case("fleet-points-value-month-6", FN, B, "months.5.collateral_value_usd", s(vals_b[5]),
         src_b + "5,000,000 x (1 x 6 + 0.8 x 6)/12 = 4,500,000"),
    case("fleet-points-ltv-month-12", FN, B, "months.11.ltv", s(rb["rows"][11]["ltv"]),
         src_b + "3,150,000 / 4,000,000 = 0.7875"),
    case("fleet-points-ltv-month-7", FN, B, "months.6.ltv", s(rb["rows"][6]["ltv"]),
         src_b + "3,400,000 / (5,000,000 x (5 + 5.6)/12) = 3,400,000 / 4,416,666.67 = 0.769811...", {"absolute": "1e-26"}),
    case("fleet-points-ltv-count-month-12", FN, B, "months.11.ltv_test.consecutive_breach_months", str(rb["rows"][11]["counts"][0]),
         src_b + f"LTV first above 0.77 in month {first_ltv_breach} and every month after: count {rb['rows'][11]['counts'][0]} in month 12"),
    case("fleet-points-dscr-count-month-6", FN, B, "months.5.dscr_test.consecutive_breach_months", str(rb["rows"][5]["counts"][1]),
         src_b + "DSCR 1.2 and 1.1 < 1.25 in months 5 and 6: count 2, within the cure period"),
    case("fleet-points-dscr-count-month-7", FN, B, "months.6.dscr_test.consecutive_breach_months", str(rb["rows"][6]["counts"][1]),
         src_b + "DSCR 1.3 in month 7: cured, count 0"),
    case("fleet-points-concentration-count-month-3", FN, B, "months.2.concentration_test.consecutive_breach_months",
         str(rb["rows"][2]["counts"][2]), src_b + "shares 0.62 and 0.61 > 0.6 in months 2 and 3: count 2; 0.55 in month 1 passes"),
    case("fleet-points-first-default", FN, B, "summary.first_default_month", str(rb["first_default"]),
         src_b + ("LTV above 0.77 from month 8 (3,350,000 / 4,333,333.33 = 0.773): count 3 > 2 in month 10; DSCR breached "
                  "in months 5-6 (cured in 7), untested in 8 (null), breached in 9-10: never 3 running; shares above 0.6 "
                  "only in months 2-3")),
    case("fleet-points-months-in-breach", FN, B, "summary.months_in_breach", str(rb["months_in_breach"]),
         src_b + "months 2, 3 (share), 5, 6 (DSCR), 8-12 (LTV; DSCR too in 9-10): 9 months"),
    case("fleet-points-recovery-at-default", FN, B, "summary.recovery_at_default.recovery_usd", s(rb["rows"][rb["first_default"] - 1]["rec"]),
         src_b + "month 10: value 5,000,000 x (2 + 8)/12 = 4,166,666.67; x 0.75 - 50,000 = 3,075,000 < 3,250,000 owed",
         {"absolute": "1e-18"}),
]
assert rb["first_default"] == 10, rb["first_default"]

# C: an exponential residual (a fractional power: f64 in the library).
bal_c = ["40000"] * 24
C = {
    "collateral": {"kind": "fleet", "gpus": 10, "capex_usd_per_gpu": 10000,
                   "residual": {"kind": "exponential", "annual_factor": "0.5"}},
    "advance_rate": "0.6", "balance_usd": bal_c, "covenants": {"max_ltv": 1},
}
v16 = Decimal(100000) * Decimal("0.5") ** (Decimal(16) / Decimal(12))
v6 = Decimal(100000) * Decimal("0.5").sqrt()
src_c = "hand: 10 GPUs x $10,000 halving each year (value 100,000 x 0.5^(m/12)), balance 40,000, max LTV 1, no cure. "
cases += [
    case("exponential-value-month-6", FN, C, "months.5.collateral_value_usd", sig26(v6),
         src_c + "100,000 x sqrt(0.5) = 70,710.678118654752... (decimal, 50 digits; the library's power is f64)", {"relative": "1e-14"}),
    case("exponential-ltv-month-12", FN, C, "months.11.ltv", "0.8", src_c + "40,000 / 50,000 = 0.8"),
    case("exponential-first-default", FN, C, "summary.first_default_month", "16",
         src_c + "value < 40,000 when 0.5^(m/12) < 0.4: m > 12 ln 0.4 / ln 0.5 = 15.86, so month 16"),
    case("exponential-loss-at-default", FN, C, "summary.recovery_at_default.loss_usd", sig26(40000 - v16),
         src_c + "month 16: 40,000 - 100,000 x 0.5^(4/3) = 40,000 - 39,685.0262992... = 314.9737008...", {"absolute": "1e-9"}),
]

cases += [
    err("error-advance-rate", FN, {**A, "advance_rate": "1.5"}, "DOMAIN", "advance_rate", "spec: the advance rate is a fraction in [0, 1]"),
    err("error-empty-balance", FN, {**A, "balance_usd": []}, "DOMAIN", "balance_usd", "spec: 1 to 1200 months of balances"),
    err("error-negative-balance", FN, {**A, "balance_usd": ["1", "-1", "1", "1", "1", "1"]}, "DOMAIN", "balance_usd[1]", "spec: balances are at least 0"),
    err("error-value-series-short", FN, {**A, "balance_usd": A["balance_usd"] + ["1"]}, "DOMAIN", "collateral.value_usd",
        "spec: a value for every month of balance_usd"),
    err("error-dscr-series-short", FN, {**A, "covenants": {"max_ltv": "0.8", "dscr": {"minimum_dscr": "1.25", "dscr_by_month": ["1.3"]}}},
        "DOMAIN", "covenants.dscr.dscr_by_month", "spec: a DSCR (or null) for every month of balance_usd"),
    err("error-residual-factor", FN, {**C, "collateral": {**C["collateral"], "residual": {"kind": "exponential", "annual_factor": "-0.5"}}},
        "DOMAIN", "collateral.residual.annual_factor", "spec: a curve's annual factor is greater than 0"),
    err("error-haircut", FN, {**A, "liquidation": {"haircut": "1.2"}}, "DOMAIN", "liquidation.haircut", "spec: the haircut is a fraction in [0, 1]"),
    err("error-unknown-field", FN, {**A, "covenants": {"max_ltv": "0.8", "cure_period": 1}}, "INVALID_ARGUMENT", "covenants.cure_period",
        "spec: unknown fields are rejected"),
]

json.dump({"family": "collateral",
           "about": ("GPU-collateralized lending (docs/domain.md section 8): collateral_schedule tests LTV = balance / collateral "
                     "value, a minimum DSCR and a concentration limit each month with a cure period (a covenant breached "
                     "cure_months + 1 months running is a default), and the lender's recovery min(balance, value x (1 - haircut) "
                     "- costs). Each case passes one input object; result_path names the field of the result to compare. "
                     "Expected values come from an independent implementation in exact rational arithmetic (Python fractions), "
                     "or Python decimal at 50 digits for the fractional power of the exponential curve; never from gpuecon."),
           "cases": cases}, open(os.path.join(HERE, "collateral.json"), "w"), indent=2, ensure_ascii=False)
open(os.path.join(HERE, "collateral.json"), "a").write("\n")

# ---------------------------------------------------------------------------------------
# Concentration.
FN = "customer_concentration"
K = {"counterparties": [
    {"name": "Microsoft", "revenue_usd": "620", "roles": ["customer"]},
    {"name": "Nvidia", "revenue_usd": "150", "roles": ["investor", "supplier"]},
    {"name": "Customer C", "revenue_usd": "130"},
    {"name": "Customer D", "revenue_usd": "100"},
    {"name": "Bank", "roles": ["lender"]},
], "default_recovery_rate": "0.3"}
rev = [F(620), F(150), F(130), F(100)]
T = sum(rev)
hhi = sum((r / T) ** 2 for r in rev)
src_k = ("hand: revenue 620, 150, 130, 100 (total 1,000; seed 001: one customer above 60 %, Nvidia investor, supplier "
         "and customer), recovery 30 % (docs/domain.md section 9). ")
cases = [
    case("seed-001-hhi", FN, K, "hhi", s(hhi), src_k + "0.62^2 + 0.15^2 + 0.13^2 + 0.10^2 = 0.3844 + 0.0225 + 0.0169 + 0.01 = 0.4338"),
    case("seed-001-hhi-points", FN, K, "hhi_points", s(hhi * 10000), src_k + "10,000 x 0.4338 = 4,338"),
    case("seed-001-top1", FN, K, "top1_share", s(rev[0] / T), src_k + "620 / 1,000"),
    case("seed-001-top3", FN, K, "top3_share", s(sum(rev[:3]) / T), src_k + "(620 + 150 + 130) / 1,000 = 0.9"),
    case("seed-001-at-risk", FN, K, "revenue_at_risk_usd", "620", src_k + "the largest customer's revenue"),
    case("seed-001-default-loss", FN, K, "default_loss_usd", s(rev[0] * F(7, 10)), src_k + "620 x (1 - 0.3) = 434"),
    case("seed-001-third-customer-share", FN, K, "customers.2.share", "0.13", src_k + "largest first: Microsoft, Nvidia, Customer C: 130 / 1,000"),
    case("seed-001-circular-share", FN, K, "circular.0.revenue_share", "0.15",
         src_k + "Nvidia: investor + supplier + customer (by its revenue): flagged with 150 / 1,000; the bank (lender only) is not"),
]
E = {"counterparties": [{"name": n, "revenue_usd": 7} for n in "ABC"]}
cases += [
    case("equal-thirds-hhi", FN, E, "hhi", s(F(1, 3)), "hand: three equal customers: 3 x (1/3)^2 = 1/3", {"absolute": "1e-26"}),
    case("equal-thirds-top3", FN, E, "top3_share", "1", "hand: three customers: the top three are all of them"),
    case("single-customer-hhi-points", FN, {"counterparties": [{"name": "Only", "revenue_usd": "5e6"}]}, "hhi_points", "10000",
         "hand: one customer: 1^2 x 10,000 (a monopoly)"),
    err("error-no-counterparties", FN, {"counterparties": []}, "DOMAIN", "counterparties", "spec: at least one counterparty"),
    err("error-no-revenue", FN, {"counterparties": [{"name": "A", "roles": ["investor"]}]}, "DOMAIN", "counterparties",
        "spec: shares need revenue above 0 in total"),
    err("error-duplicate-name", FN, {"counterparties": [{"name": "A", "revenue_usd": 1}, {"name": "A", "revenue_usd": 2}]},
        "DOMAIN", "counterparties[1].name", "spec: names are unique"),
    err("error-negative-revenue", FN, {"counterparties": [{"name": "A", "revenue_usd": -1}]}, "DOMAIN", "counterparties[0].revenue_usd",
        "spec: revenue is at least 0"),
    err("error-recovery-rate", FN, {**E, "default_recovery_rate": "1.1"}, "DOMAIN", "default_recovery_rate", "spec: a fraction in [0, 1]"),
    err("error-unknown-role", FN, {"counterparties": [{"name": "A", "revenue_usd": 1, "roles": ["owner"]}]}, "INVALID_ARGUMENT", "counterparties[0].roles[0]",
        "spec: roles are investor, supplier, customer or lender"),
]
json.dump({"family": "concentration",
           "about": ("Customer concentration (docs/domain.md section 9): customer_concentration gives the Herfindahl-Hirschman "
                     "index (sum of squared revenue shares, 0-1 and 0-10,000), the top-1 and top-3 shares, the revenue at risk "
                     "from the largest customer (leaving, or defaulting with a recovery rate), and flags counterparties with two "
                     "or more of investor, supplier and customer. Expected values are hand arithmetic checked in exact rational "
                     "arithmetic (Python fractions); never from gpuecon."),
           "cases": cases}, open(os.path.join(HERE, "concentration.json"), "w"), indent=2, ensure_ascii=False)
open(os.path.join(HERE, "concentration.json"), "a").write("\n")

# ---------------------------------------------------------------------------------------
# Hosting.
FN = "hosting_fees"
TIERS = [{"below_uptime": "0.999", "credit_share": "0.1"}, {"below_uptime": "0.99", "credit_share": "0.25"},
         {"below_uptime": "0.95", "credit_share": "1"}]


def hosting(months, base, minimum, uptime, tiers, share_cap=None, annual_cap=None, cost=None):
    """Month rows and totals. `cost`: the host's cost a month (USD), or None for no margin.
    margin = net fee - cost; margin share = margin / net fee (None when the net fee is 0);
    the total share is the total margin over the total net fee."""
    rows = []
    year_credit = F(0)
    for m in range(1, months + 1):
        if (m - 1) % 12 == 0:
            year_credit = F(0)
        b = base(m)
        fee = max(b, minimum)
        u = uptime[m - 1] if m - 1 < len(uptime) else F(1)
        under = [t for t in tiers if u < t[0]]
        share = min(under, key=lambda t: t[0])[1] if under else F(0)
        credit = share * fee
        if share_cap is not None:
            credit = min(credit, share_cap * fee)
        if annual_cap is not None:
            credit = min(credit, annual_cap - year_credit)
        year_credit += credit
        net = fee - credit
        row = dict(base=b, top_up=fee - b, fee=fee, share=share, before=share * fee, credit=credit, net=net)
        if cost is not None:
            row.update(cost=cost, margin=net - cost)
        rows.append(row)
    tot = {k: sum(r[k] for r in rows) for k in rows[0]}
    for r in rows + [tot]:
        if cost is not None:
            r["margin_share"] = r["margin"] / r["net"] if r["net"] else None
    return rows, tot


tiers_f = [(F(t["below_uptime"]), F(t["credit_share"])) for t in TIERS]
H1 = {"months": 6, "fee": {"kind": "fixed_per_kw", "contracted_kw": 2000, "usd_per_kw_month": 150},
      "uptime_by_month": ["0.9995", "0.999", "0.995", "0.95", "0.9499"], "sla_tiers": TIERS}
r1, t1 = hosting(6, lambda m: F(300000), F(0), [F(u) for u in H1["uptime_by_month"]], tiers_f)
src1 = ("hand: 2,000 kW x $150 = 300,000 a month; SLA 10 % below 99.9 %, 25 % below 99 %, 100 % below 95 % "
        "(docs/domain.md section 11); uptime 99.95 %, 99.9 %, 99.5 %, 95 %, 94.99 %, then none given (100 %). ")
cases = [
    case("per-kw-fee", FN, H1, "months.0.fee_usd", s(r1[0]["fee"]), src1 + "2,000 x 150 = 300,000"),
    case("per-kw-at-threshold", FN, H1, "months.1.sla_credit_usd", s(r1[1]["credit"]), src1 + "99.9 % is not below 99.9 %: no credit"),
    case("per-kw-tier-1", FN, H1, "months.2.sla_credit_usd", s(r1[2]["credit"]), src1 + "99.5 % < 99.9 %: 10 % x 300,000 = 30,000"),
    case("per-kw-tier-2", FN, H1, "months.3.sla_credit_usd", s(r1[3]["credit"]), src1 + "95 % is below 99.9 % and 99 % (not 95 %): the lowest, 99 %, gives 25 % = 75,000"),
    case("per-kw-tier-3", FN, H1, "months.4.net_fee_usd", s(r1[4]["net"]), src1 + "94.99 % < 95 %: 100 % credit, net 0"),
    case("per-kw-no-uptime-given", FN, H1, "months.5.credit_share", s(r1[5]["share"]), src1 + "month 6 has no uptime: 1, no credit"),
    case("per-kw-total-credit", FN, H1, "totals.sla_credit_usd", s(t1["credit"]), src1 + "30,000 + 75,000 + 300,000 = 405,000"),
    case("per-kw-total-net", FN, H1, "totals.net_fee_usd", s(t1["net"]), src1 + "6 x 300,000 - 405,000 = 1,395,000"),
]
H2 = {"months": 3, "fee": {"kind": "revenue_share", "share": "0.15", "model_revenue_usd": ["1000000", "500000", "2000000"]},
      "minimum_fee_usd_per_month": "100000", "uptime_by_month": ["0.9995", "0.985", "0.94"], "sla_tiers": TIERS,
      "credit_cap": {"share_of_monthly_fee": "0.5"}}
rev2 = [F(1000000), F(500000), F(2000000)]
r2, t2 = hosting(3, lambda m: F(15, 100) * rev2[m - 1], F(100000), [F(u) for u in H2["uptime_by_month"]], tiers_f, share_cap=F(1, 2))
src2 = ("hand: 15 % of model revenue 1,000,000, 500,000, 2,000,000; minimum 100,000 a month (applied before credits); "
        "uptime 99.95 %, 98.5 %, 94 %; credits capped at 50 % of the month's fee. ")
cases += [
    case("revenue-share-base", FN, H2, "months.0.base_fee_usd", s(r2[0]["base"]), src2 + "0.15 x 1,000,000 = 150,000"),
    case("revenue-share-top-up", FN, H2, "months.1.minimum_top_up_usd", s(r2[1]["top_up"]), src2 + "0.15 x 500,000 = 75,000 < 100,000: top-up 25,000"),
    case("revenue-share-credit-on-minimum", FN, H2, "months.1.sla_credit_usd", s(r2[1]["credit"]), src2 + "98.5 % < 99 %: 25 % of the 100,000 fee = 25,000"),
    case("revenue-share-net-below-minimum", FN, H2, "months.1.net_fee_usd", s(r2[1]["net"]), src2 + "100,000 - 25,000 = 75,000 (= minimum - credit)"),
    case("revenue-share-credit-before-cap", FN, H2, "months.2.credit_before_cap_usd", s(r2[2]["before"]), src2 + "94 % < 95 %: 100 % of 300,000"),
    case("revenue-share-capped-credit", FN, H2, "months.2.sla_credit_usd", s(r2[2]["credit"]), src2 + "capped at 50 % x 300,000 = 150,000"),
    case("revenue-share-total-net", FN, H2, "totals.net_fee_usd", s(t2["net"]), src2 + "150,000 + 75,000 + 150,000 = 375,000"),
]
H3 = {"months": 14, "fee": {"kind": "fixed_per_kw", "contracted_kw": 2000, "usd_per_kw_month": 150},
      "uptime_by_month": ["0.9"] * 14, "sla_tiers": TIERS, "credit_cap": {"usd_per_contract_year": "500000"}}
r3, t3 = hosting(14, lambda m: F(300000), F(0), [F("0.9")] * 14, tiers_f, annual_cap=F(500000))
src3 = "hand: 300,000 a month, 90 % uptime (100 % credit) every month, credits capped at 500,000 a contract year. "
cases += [
    case("annual-cap-month-2", FN, H3, "months.1.sla_credit_usd", s(r3[1]["credit"]), src3 + "300,000 in month 1, then 500,000 - 300,000 = 200,000"),
    case("annual-cap-month-3", FN, H3, "months.2.sla_credit_usd", s(r3[2]["credit"]), src3 + "the year's cap is spent: 0"),
    case("annual-cap-renews", FN, H3, "months.12.sla_credit_usd", s(r3[12]["credit"]), src3 + "month 13 opens contract year 2: 300,000"),
    case("annual-cap-total", FN, H3, "totals.sla_credit_usd", s(t3["credit"]), src3 + "500,000 + 500,000"),
    case("annual-cap-total-net", FN, H3, "totals.net_fee_usd", s(t3["net"]), src3 + "14 x 300,000 - 1,000,000 = 3,200,000"),
]
# The host's margin (optional host cost). H4: H1's fees with a cost of $30 per contracted
# kW-month and $10,000 a month; H5: the calculator's default, Core Scientific <-> CoreWeave at
# $120.83 per kW-month (docs/domain.md sections 7 and 14) on 20,000 kW with the host's cost
# at $27 per kW-month (an assumption: 75-80 % gross margin, 22.5 % of the fee, rounded).
H4 = {**H1, "host_cost": {"usd_per_kw_month": 30, "usd_per_month": 10000}}
r4, t4 = hosting(6, lambda m: F(300000), F(0), [F(u) for u in H1["uptime_by_month"]], tiers_f, cost=F(2000 * 30 + 10000))
src4 = src1 + "Host cost 2,000 kW x $30 + $10,000 = 70,000 a month; margin = net fee - cost, its share margin / net fee. "
REL = {"relative": "1e-24"}
cases += [
    case("margin-host-cost", FN, H4, "months.0.host_cost_usd", s(r4[0]["cost"]), src4 + "2,000 x 30 + 10,000 = 70,000"),
    case("margin-usd", FN, H4, "months.2.margin_usd", s(r4[2]["margin"]), src4 + "270,000 - 70,000 = 200,000"),
    case("margin-share", FN, H4, "months.2.margin_share", s(r4[2]["margin_share"]), src4 + "200,000 / 270,000 = 20/27", REL),
    case("margin-negative", FN, H4, "months.4.margin_usd", s(r4[4]["margin"]), src4 + "net fee 0 (100 % credit): 0 - 70,000"),
    case("margin-total-cost", FN, H4, "totals.host_cost_usd", s(t4["cost"]), src4 + "6 x 70,000 = 420,000"),
    case("margin-total", FN, H4, "totals.margin_usd", s(t4["margin"]), src4 + "1,395,000 - 420,000 = 975,000"),
    case("margin-total-share", FN, H4, "totals.margin_share", s(t4["margin_share"]), src4 + "975,000 / 1,395,000 = 65/93 (not the mean of the months' shares)", REL),
]
H5 = {"months": 1, "fee": {"kind": "fixed_per_kw", "contracted_kw": 20000, "usd_per_kw_month": "120.83"},
      "host_cost": {"usd_per_kw_month": 27}}
r5, t5 = hosting(1, lambda m: F(20000) * F("120.83"), F(0), [], tiers_f, cost=F(20000 * 27))
src5 = ("hand: 20,000 kW x $120.83 = 2,416,600 a month; host cost 20,000 x $27 = 540,000; margin 1,876,600, "
        "93.83 / 120.83 = 77.65 % (inside Core Scientific's stated 75-80 %). ")
cases += [
    case("margin-core-scientific", FN, H5, "totals.margin_usd", s(t5["margin"]), src5 + "2,416,600 - 540,000"),
    case("margin-core-scientific-share", FN, H5, "totals.margin_share", s(t5["margin_share"]), src5 + "1,876,600 / 2,416,600 = 9383/12083", REL),
]
H6 = {**H2, "host_cost": {"usd_per_month": 60000}}
r6, t6 = hosting(3, lambda m: F(15, 100) * rev2[m - 1], F(100000), [F(u) for u in H2["uptime_by_month"]], tiers_f, share_cap=F(1, 2), cost=F(60000))
src6 = src2 + "Host cost 60,000 a month (a revenue share has no contracted kW: a monthly cost). "
cases += [
    case("margin-revenue-share", FN, H6, "months.1.margin_share", s(r6[1]["margin_share"]), src6 + "(75,000 - 60,000) / 75,000 = 0.2"),
    case("margin-revenue-share-total", FN, H6, "totals.margin_usd", s(t6["margin"]), src6 + "375,000 - 180,000 = 195,000"),
]
cases += [
    err("error-months", FN, {**H1, "months": 0}, "DOMAIN", "months", "spec: 1 to 1200 months"),
    err("error-uptime", FN, {**H1, "uptime_by_month": ["1.01"]}, "DOMAIN", "uptime_by_month[0]", "spec: uptime is a fraction in [0, 1]"),
    err("error-uptime-too-long", FN, {**H1, "months": 2}, "DOMAIN", "uptime_by_month", "spec: no more uptime entries than months"),
    err("error-tiers-order", FN, {**H1, "sla_tiers": list(reversed(TIERS))}, "DOMAIN", "sla_tiers[1].below_uptime",
        "spec: tiers run from the highest threshold down"),
    err("error-share", FN, {**H2, "fee": {**H2["fee"], "share": "1.5"}}, "DOMAIN", "fee.share", "spec: the host's share is a fraction in [0, 1]"),
    err("error-cap", FN, {**H2, "credit_cap": {"usd_per_contract_year": "-1"}}, "DOMAIN", "credit_cap.usd_per_contract_year",
        "spec: the annual cap is at least 0"),
    err("error-unknown-fee-kind", FN, {**H1, "fee": {"kind": "per_gpu", "gpus": 8}}, "INVALID_ARGUMENT", "fee.kind",
        "spec: the fee is fixed_per_kw or revenue_share"),
    err("error-host-cost", FN, {**H1, "host_cost": {"usd_per_month": "-1"}}, "DOMAIN", "host_cost.usd_per_month",
        "spec: the host's cost is at least 0"),
    err("error-host-cost-per-kw-on-revenue-share", FN, {**H2, "host_cost": {"usd_per_kw_month": 1}}, "DOMAIN",
        "host_cost.usd_per_kw_month", "spec: a revenue share has no contracted kW: a per-kW cost is refused"),
]
json.dump({"family": "hosting",
           "about": ("Hosting agreements (docs/domain.md section 11): hosting_fees bills a fee per contracted kW or a share of "
                     "the tenant's model revenue, tops it up to the minimum, then takes off the SLA credit of the lowest uptime "
                     "threshold the month falls under, capped by a share of the month's fee or an amount a contract year; "
                     "with a host cost, the host's margin (net fee - cost) and its share of the net fee. "
                     "Expected values are hand arithmetic checked in exact rational arithmetic (Python fractions); never from "
                     "gpuecon."),
           "cases": cases}, open(os.path.join(HERE, "hosting.json"), "w"), indent=2, ensure_ascii=False)
open(os.path.join(HERE, "hosting.json"), "a").write("\n")
print("ok")
