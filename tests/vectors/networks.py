"""Writes tests/vectors/networks.json and tests/vectors/api_tiers.json.

Expected values are computed independently of gpuecon: Python fractions (exact) for the
rational ones, 60-digit decimals for the roots (the monthly discount rate, the IRR), and
the published figures (io.net's table, Render's emissions) at their published precision.
Run from anywhere: python3 tests/vectors/networks.py
"""
import json
from fractions import Fraction as F
from decimal import Decimal as D, getcontext
getcontext().prec = 60

def s(x, places=28):
    """A fraction as a decimal string with `places` places (rounded half-even)."""
    if isinstance(x, int):
        return str(x)
    q = D(x.numerator) / D(x.denominator)
    whole = len(str(abs(int(q)))) if abs(q) >= 1 else 0
    places = min(places, 27 - whole)
    out = format(q.quantize(D(1).scaleb(-places)), 'f')
    if '.' in out:
        out = out.rstrip('0').rstrip('.')
    return out

def case(id, fn, args, path, expected=None, tol=None, error=None, source=""):
    c = {"id": id, "function": fn, "args": [args]}
    if path is not None:
        c["result_path"] = path
    if error:
        c["error"] = {"code": error[0], "field": error[1]}
    else:
        c["expected"] = expected
        if tol:
            c["tolerance"] = {"absolute": tol}
    c["source"] = source
    return c

# ---------------------------------------------------------------- io.net
def io(per, periods, first=1):
    return {"initial_supply_tokens": "500000000", "max_supply_tokens": "800000000",
            "initial_annual_inflation_rate": "0.08",
            "disinflation_rate_per_epoch": "0.0000138869523959793",
            "first_epoch": first, "epochs_per_period": per, "periods": periods}
S0 = F(500_000_000); dd = F("0.0000138869523959793"); q = 1 - dd
e1 = S0 * F(8, 100) / 8760
e = [e1 * q**k for k in range(6)]
pub = "published: docs.io.net 'Token Emission Schedule', first 6 hours table"
rule = "e1 = 500,000,000 x 0.08 / 8760 = 4,566.2100456621...; e_T = e_{T-1} x (1 - 0.0000138869523959793)"
cases = []
cases.append(case("io-net-epoch-1-published", "emission_schedule", io(1, 3), "periods.0.emitted_tokens", "4566.21", "0.005",
    source=pub + ": epoch 1 emits 4,566.21 IO; " + rule))
cases.append(case("io-net-epoch-2-published", "emission_schedule", io(1, 3), "periods.1.emitted_tokens", "4566.15", "0.005",
    source=pub + ": epoch 2 emits 4,566.15 IO"))
cases.append(case("io-net-epoch-3-published", "emission_schedule", io(1, 3), "periods.2.emitted_tokens", "4566.08", "0.005",
    source=pub + ": epoch 3 emits 4,566.08 IO"))
cases.append(case("io-net-supply-3-published", "emission_schedule", io(1, 3), "periods.2.total_supply_tokens", "500013698.44", "0.005",
    source=pub + ": total supply 500,013,698.44 after epoch 3"))
cases.append(case("io-net-epoch-6-published", "emission_schedule", io(1, 6), "periods.5.emitted_tokens", "4565.89", "0.005",
    source=pub + ": epoch 6 emits 4,565.89 IO"))
cases.append(case("io-net-epoch-2-exact", "emission_schedule", io(1, 3), "periods.1.emitted_tokens", s(e[1], 24), "1e-15",
    source="Python fractions: " + rule + "; e2 = e1 x (1 - d)"))
cases.append(case("io-net-epoch-2-rate", "emission_schedule", io(1, 3), "periods.1.last_epoch_inflation_rate", s(e[1] / S0, 28), "1e-26",
    source="published rate 0.00091322932698411300 % (docs.io.net); exactly 0.08/8760 x (1 - d) in Python fractions"))
cases.append(case("io-net-epochs-4-6-from-epoch-4", "emission_schedule", io(3, 1, first=4), "emitted_tokens", s(e[3] + e[4] + e[5], 24), "1e-14",
    source="Python fractions: e4 + e5 + e6 = e1 (q^3 + q^4 + q^5), q = 1 - d; published 4,566.02 + 4,565.96 + 4,565.89"))
y1 = e1 * (1 - q**8760) / dd
cases.append(case("io-net-year-1", "emission_schedule", io(8760, 1), "emitted_tokens", s(y1, 20), "1e-9",
    source="Python fractions: the first 8,760 hours emit e1 (1 - q^8760) / d (a geometric sum)"))
cases.append(case("io-net-cap-epoch", "emission_schedule", io(8760, 21), "cap_reached_epoch", "175319",
    source="published: docs.io.net 'This equates to 175,319 periods (or epochs)'; check: e1 (1 - q^N)/d reaches 300,000,000 at N = 175,318.9999985 (logarithms)"))
cases.append(case("io-net-cap-supply", "emission_schedule", io(8760, 21), "total_supply_tokens", "800000000",
    source="published: a cap of 800M IO, reached in epoch 175,319 and never passed"))
bad = io(1, 1); bad["max_supply_tokens"] = "500000000"
cases.append(case("io-net-no-room", "emission_schedule", bad, None, error=("DOMAIN", "max_supply_tokens"),
    source="spec: the cap must be above the initial supply"))
bad = io(1, 1); bad["disinflation_rate_per_epoch"] = "1.5"
cases.append(case("io-net-bad-disinflation", "emission_schedule", bad, None, error=("DOMAIN", "disinflation_rate_per_epoch"),
    source="spec: the disinflation rate is a fraction in [0, 1]"))
bad = io(8760, 101)
cases.append(case("io-net-too-many-epochs", "emission_schedule", bad, None, error=("DOMAIN", "periods"),
    source="spec: at most 876,000 epochs (100 years of hours); 8,760 x 101 is past it"))

# ---------------------------------------------------------------- Render
def render(periods):
    return {"initial_supply_tokens": "530000000", "minted_tokens_per_period": "760567",
            "node_operator_tokens_per_period": "190142", "fee_rate": "0.05",
            "periods": [{"jobs_usd": j, "token_price_usd": p} for j, p in periods]}
rsrc = "hand: Render's year-1 emission 9,126,804 = 760,567 a month (190,142 to node operators), the 5 % fee (docs/domain.md section 12; RNP-001); "
two = render([("1000000", "5"), ("3000000", "2")])
cases.append(case("render-burned-tokens", "burn_mint", two, "periods.0.burned_tokens", "190000",
    source=rsrc + "$1,000,000 of jobs at $5: 1,000,000 x 0.95 / 5 = 190,000 tokens burned"))
cases.append(case("render-net-change", "burn_mint", two, "periods.0.net_supply_change_tokens", "570567",
    source=rsrc + "760,567 minted - 190,000 burned = +570,567"))
cases.append(case("render-deflation", "burn_mint", two, "periods.1.net_supply_change_tokens", "-664433",
    source=rsrc + "$3,000,000 at $2: 2,850,000 / 2 = 1,425,000 burned; 760,567 - 1,425,000 = -664,433"))
cases.append(case("render-supply", "burn_mint", two, "supply_tokens", "529906134",
    source=rsrc + "530,000,000 + 570,567 - 664,433 = 529,906,134"))
cases.append(case("render-equilibrium-price", "burn_mint", two, "periods.1.equilibrium_token_price_usd", s(F(2850000, 760567)), "1e-24",
    source=rsrc + "burn = mint at P* = 2,850,000 / 760,567 (Python fractions)"))
cases.append(case("render-node-operators-usd", "burn_mint", two, "periods.0.node_operator_rewards_usd", "950710",
    source=rsrc + "190,142 tokens x $5 = $950,710"))
cases.append(case("render-fee", "burn_mint", two, "fee_usd", "200000",
    source=rsrc + "5 % of $4,000,000 of jobs"))
year = render([("1000000", "4")] * 12)
cases.append(case("render-year-1-minted", "burn_mint", year, "minted_tokens", "9126804",
    source="published: Render's year-1 emissions of 9,126,804 tokens (docs/domain.md section 12), 12 x 760,567"))
bad = render([("100", "0")])
cases.append(case("render-zero-price", "burn_mint", bad, None, error=("DOMAIN", "periods[0].token_price_usd"),
    source="spec: a token price must be greater than 0"))
bad = render([("100", "1")]); bad["fee_rate"] = "1.05"
cases.append(case("render-bad-fee", "burn_mint", bad, None, error=("DOMAIN", "fee_rate"),
    source="spec: the fee is a fraction in [0, 1]"))

# ---------------------------------------------------------------- Akash
def leases(ls):
    return {"leases": [{"usd_per_gpu_hour": p, "gpu_hours": h, "take_rate": t} for p, h, t in ls]}
asrc = "hand: Akash's take rate on provider settlements, 20 % for USDC in the stable payment design (docs/domain.md section 12); "
one = leases([("1.50", "730", "0.20")])
cases.append(case("akash-network-take", "take_rate_settlement", one, "network_take_usd", "219",
    source=asrc + "$1.50 x 730 hours = $1,095; 20 % = $219"))
cases.append(case("akash-provider", "take_rate_settlement", one, "provider_receives_usd", "876",
    source=asrc + "$1,095 - $219 = $876"))
cases.append(case("akash-provider-per-hour", "take_rate_settlement", one, "leases.0.provider_usd_per_gpu_hour", "1.2",
    source=asrc + "$1.50 x 0.8"))
mix = leases([("1.50", "730", "0.20"), ("2.10", "100", "0.04")])
cases.append(case("akash-effective-take", "take_rate_settlement", mix, "effective_take_rate", s(F("227.4") / F(1305)), "1e-25",
    source=asrc + "plus a lease paid in AKT at 4 %: 2.10 x 100 = 210, 4 % = 8.4; (219 + 8.4) / (1,095 + 210) = 227.4 / 1,305 (Python fractions)"))
cases.append(case("akash-bad-take", "take_rate_settlement", leases([("1", "1", "1.2")]), None, error=("DOMAIN", "leases[0].take_rate"),
    source="spec: a take rate is a fraction in [0, 1]"))

# ---------------------------------------------------------------- operator
def node(**kw):
    base = {"months": 12, "hardware_usd": "10000", "salvage_usd": "2000", "gpus": "2", "utilization": "0.75",
            "power": {"it_kw_per_gpu": "0.5", "idle_fraction": "0.2", "pue": "1.2", "usd_per_kwh": "0.10"},
            "other_usd_per_month": "50", "rental_income_usd_per_month": "300", "reward_tokens_per_month": "500",
            "annual_discount_rate": "0.10",
            "scenarios": [{"name": "base", "price": {"kind": "curve", "start_usd_per_token": "1.5", "curve": {"kind": "constant"}}}]}
    base.update(kw)
    return base
osrc = "hand: a node of 2 GPUs (0.5 kW, idle at 20 %, 75 % busy, PUE 1.2, $0.10/kWh), $10,000 of hardware sold for $2,000 after 12 months, $300 of rentals and $50 of other costs a month, 500 tokens a month at $1.50; "
power = F("0.5") * (F("0.2") + F("0.8") * F("0.75")) * F("1.2") * F("0.10") * 730 * 2
margin = 300 - power - 50
flows = [F(-10000)] + [500 * F("1.5") + margin] * 11 + [500 * F("1.5") + margin + 2000]
cases.append(case("operator-power", "operator_roi", node(), "power_usd_per_month", s(power),
    source=osrc + "0.5 x (0.2 + 0.8 x 0.75) x 1.2 x 0.10 x 730 x 2 = $70.08 a month"))
cases.append(case("operator-payback", "operator_roi", node(), "scenarios.0.payback_month", "11",
    source=osrc + "750 + 300 - 70.08 - 50 = 929.92 a month; -10,000 + 929.92 m >= 0 first at m = 11"))
cases.append(case("operator-net-cash", "operator_roi", node(), "scenarios.0.net_cash_usd", s(sum(flows)),
    source=osrc + "-10,000 + 12 x 929.92 + 2,000 = 3,159.04"))
cases.append(case("operator-roi", "operator_roi", node(), "scenarios.0.roi", s(sum(flows) / 10000),
    source=osrc + "3,159.04 / 10,000"))
cases.append(case("operator-break-even", "operator_roi", node(), "break_even_usd_per_token", s((10000 - 2000 - 12 * margin) / 6000), "1e-24",
    source=osrc + "the constant price with a net of 0: (10,000 - 2,000 - 12 x 179.92) / 6,000 (Python fractions)"))
# NPV at 10 % a year, monthly at (1.1)^(1/12) - 1, flows at t = 0..12.
m = D("1.1") ** (D(1) / D(12)) - 1
npv = sum(D(f.numerator) / D(f.denominator) / (1 + m) ** t for t, f in enumerate(flows))
cases.append(case("operator-npv", "operator_roi", node(), "scenarios.0.npv_usd", format(npv.quantize(D("1e-12")), 'f'), "1e-7",
    source=osrc + "NPV of the 13 flows at the monthly rate 1.1^(1/12) - 1, in Python decimal (50 digits); gpuecon's monthly rate is an f64 root"))
# IRR: bisection on the monthly rate in 60-digit decimal, annualized (1 + r)^12 - 1.
def npv_at(r):
    return sum(D(f.numerator) / D(f.denominator) / (1 + r) ** t for t, f in enumerate(flows))
lo, hi = D("0"), D("1")
for _ in range(200):
    mid = (lo + hi) / 2
    if npv_at(mid) > 0: lo = mid
    else: hi = mid
irr = (1 + lo) ** 12 - 1
cases.append(case("operator-irr", "operator_roi", node(), "scenarios.0.irr_annual", format(irr.quantize(D("1e-15")), 'f'), "1e-9",
    source=osrc + "monthly IRR by bisection in Python decimal (60 digits), annualized (1 + r)^12 - 1"))
stake = node(months=3, salvage_usd="0", stake_tokens="1000", slashed_share="0.1",
             reward_curve={"kind": "points", "points": [{"month": 0, "value": "1"}, {"month": 2, "value": "0.5"}]},
             scenarios=[{"name": "series", "price": {"kind": "series", "usd_per_token": ["2", "1"]}}])
cases.append(case("operator-stake-slashed", "operator_roi", stake, "scenarios.0.net_cash_usd", "-9685.24",
    source="hand: the node over 3 months with no salvage, a stake of 1,000 tokens bought at $2 and sold at $1 less 10 % slashed (900 x 1), rewards 500 x (0.75, 0.5, 0.5) at $1: -10,000 - 2,000 + (375 + 250 + 250) + 3 x 179.92 + 900 = -9,685.24"))
cases.append(case("operator-stake-break-even", "operator_roi", stake, "break_even_usd_per_token", s((10000 - 3 * margin) / (875 - 100)), "1e-24",
    source="hand: (10,000 - 3 x 179.92) / (875 reward tokens - 100 slashed) (Python fractions)"))
bad = node(scenarios=[{"name": "", "price": {"kind": "curve", "start_usd_per_token": "1", "curve": {"kind": "exponential", "annual_factor": "0"}}}])
cases.append(case("operator-bad-curve", "operator_roi", bad, None, error=("DOMAIN", "scenarios[0].price.curve.annual_factor"),
    source="spec: an exponential curve's annual factor must be greater than 0"))
bad = node(); bad["power"] = dict(bad["power"], pue="0.9")
cases.append(case("operator-bad-pue", "operator_roi", bad, None, error=("DOMAIN", "power.pue"),
    source="spec: PUE is at least 1"))

net = {"family": "networks",
       "about": "Decentralized compute networks (docs/domain.md section 12): emission_schedule (io.net's hourly disinflationary emissions up to a cap), burn_mint (Render's burn-and-mint equilibrium), take_rate_settlement (Akash's take rate), operator_roi (a node operator's fiat cash flows, payback, ROI, NPV and IRR under token price scenarios). Each case passes one input object; result_path names the field of the result to compare (numbers index arrays). Published figures are matched at their published precision; other expected digits are hand arithmetic or Python fractions / 50-digit decimals, never from gpuecon.",
       "cases": cases}

# ---------------------------------------------------------------- API tiers
def rates(i, c, o):
    return {"input_usd_per_million_tokens": i, "cached_input_usd_per_million_tokens": c, "output_usd_per_million_tokens": o}
def api_inputs(requests, hosted=("2", "1000", "2"), premium=True, threshold="200000"):
    api = {"base": rates("1.25", "0.125", "10")}
    if premium:
        api["premium"] = {"threshold_prompt_tokens": threshold, "rates": rates("2.5", "0.25", "15")}
    return {"requests": [{"prompt_tokens": p, "cached_tokens": c, "output_tokens": o, "requests_per_month": r} for p, c, o, r in requests],
            "api": api,
            "self_hosted": {"usd_per_gpu_hour": hosted[0], "tokens_per_second": hosted[1], "reserved_gpus": hosted[2]}}
tsrc = "hand: an API at $1.25 / $0.125 / $10 per million input / cached / output tokens, the whole request at $2.50 / $0.25 / $15 once the prompt passes 200k tokens (docs/domain.md section 10: whole-request tiers, cached tokens counted); "
mixin = api_inputs([("10000", "4000", "500", "100000"), ("200001", "0", "1000", "1000")])
short = (6000 * F("1.25") + 4000 * F("0.125") + 500 * 10) / 10**6
long_ = (200001 * F("2.5") + 1000 * 15) / 10**6
api_usd = short * 100000 + long_ * 1000
T = 10500 * 100000 + 201001 * 1000
tcases = []
tcases.append(case("api-base-request", "api_comparison", mixin, "classes.0.usd_per_request", s(short),
    source=tsrc + "10,000 prompt tokens (4,000 cached) and 500 output: (6,000 x 1.25 + 4,000 x 0.125 + 500 x 10) / 1e6 = $0.013"))
tcases.append(case("api-premium-request", "api_comparison", mixin, "classes.1.usd_per_request", s(long_),
    source=tsrc + "200,001 prompt tokens, one past the threshold, so the whole request is premium: (200,001 x 2.50 + 1,000 x 15) / 1e6 = $0.5150025"))
tcases.append(case("api-month", "api_comparison", mixin, "api_usd_per_month", s(api_usd),
    source=tsrc + "0.013 x 100,000 + 0.5150025 x 1,000 = $1,815.0025"))
tcases.append(case("api-per-million", "api_comparison", mixin, "api_usd_per_million_tokens", s(api_usd * 10**6 / T), "1e-24",
    source=tsrc + "1,815.0025 x 1e6 / (10,500 x 100,000 + 201,001 x 1,000) tokens (Python fractions)"))
tcases.append(case("api-usage-based-month", "api_comparison", mixin, "usage_based.usd_per_month", s(F(T, 3600 * 1000) * 2), "1e-18",
    source=tsrc + "self-hosted by use at $2 a GPU-hour and 1,000 tokens/s: 1,251,001,000 / 3,600,000 GPU-hours x $2 (Python fractions)"))
tcases.append(case("api-reserved-month", "api_comparison", mixin, "reservation_based.usd_per_month", "2920",
    source=tsrc + "2 GPUs reserved for every hour of the month: 2 x 730 x $2 = $2,920"))
tcases.append(case("api-reserved-per-million", "api_comparison", mixin, "reservation_based.usd_per_million_tokens", s(F(2920 * 10**6, T)), "1e-22",
    source=tsrc + "all paid hours count: $2,920 / 1,251.001 million tokens (Python fractions)"))
tcases.append(case("api-reserved-utilization", "api_comparison", mixin, "reserved_utilization", s(F(T, 2 * 730 * 3600 * 1000)), "1e-26",
    source=tsrc + "1,251,001,000 tokens / (1,460 GPU-hours x 3,600,000 tokens a GPU-hour)"))
tcases.append(case("api-break-even-tokens", "api_comparison", mixin, "break_even_tokens_per_month", s(F(2920) / api_usd * T), "1e-15",
    source=tsrc + "the mix's volume at which the API bill equals the reservation: 2,920 / 1,815.0025 x 1,251,001,000 tokens (Python fractions)"))
tcases.append(case("api-break-even-requests", "api_comparison", mixin, "break_even_requests_per_month", s(F(2920) / api_usd * 101000), "1e-20",
    source=tsrc + "2,920 / 1,815.0025 x 101,000 requests (Python fractions)"))
under = api_inputs([("200000", "150000", "0", "1")])
over = api_inputs([("200001", "150000", "0", "1")])
tcases.append(case("api-at-threshold", "api_comparison", under, "api_usd_per_month", s((50000 * F("1.25") + 150000 * F("0.125")) / 10**6),
    source=tsrc + "200,000 prompt tokens (150,000 cached) is not past the threshold: (50,000 x 1.25 + 150,000 x 0.125) / 1e6 = $0.08125"))
tcases.append(case("api-just-over-threshold", "api_comparison", over, "api_usd_per_month", s((50001 * F("2.5") + 150000 * F("0.25")) / 10**6),
    source=tsrc + "200,001 prompt tokens, 150,000 of them cached, counts the cached tokens and passes: (50,001 x 2.50 + 150,000 x 0.25) / 1e6 = $0.1625025"))
t272 = api_inputs([("272001", "0", "1000", "1")], threshold="272000")
tcases.append(case("api-272k-threshold", "api_comparison", t272, "classes.0.usd_per_request", s((272001 * F("2.5") + 1000 * 15) / 10**6),
    source="hand: a 272k threshold (docs/domain.md section 10); 272,001 prompt tokens are premium: (272,001 x 2.50 + 1,000 x 15) / 1e6"))
h100 = api_inputs([("1000", "0", "1000", "1000")], hosted=("2.00", "85", "1"), premium=False)
tcases.append(case("api-h100-usage-based", "api_comparison", h100, "usage_based.usd_per_million_tokens", s(F(1000, 153)), "1e-25",
    source="published: docs/domain.md section 10's worked example, an H100 at $2.00 an hour and 85 tokens/s: $6.54 per million (2 / (85 x 3600) x 1e6 = 1000/153)"))
bad = api_inputs([("100", "101", "0", "1")])
tcases.append(case("api-cached-above-prompt", "api_comparison", bad, None, error=("DOMAIN", "requests[0].cached_tokens"),
    source="spec: cached tokens are part of the prompt"))
bad = api_inputs([("1000", "0", "0", "6000000")])
tcases.append(case("api-reservation-too-small", "api_comparison", bad, None, error=("DOMAIN", "self_hosted.reserved_gpus"),
    source="spec: 2 GPUs x 730 h x 3.6M tokens = 5.256e9 tokens a month cannot serve 6e9"))
bad = api_inputs([("1000", "0", "0", "1")]); bad["api"]["premium"]["rates"]["input_usd_per_million_tokens"] = "1"
tcases.append(case("api-premium-below-base", "api_comparison", bad, None, error=("DOMAIN", "api.premium.rates.input_usd_per_million_tokens"),
    source="spec: a premium rate is at least the base rate"))
tiers = {"family": "api_tiers",
         "about": "The inference API comparison (docs/domain.md section 10): api_comparison bills a request mix at an API's prices, the whole request at the premium rates once its prompt (cached tokens included) passes the threshold, against self-hosting paid by use and by reservation (all paid hours count), with the break-even monthly volume. Each case passes one input object; result_path names the field of the result to compare. Expected digits are hand arithmetic or Python fractions, never from gpuecon.",
         "cases": tcases}

import os
here = os.path.dirname(os.path.abspath(__file__))
for name, data in [("networks.json", net), ("api_tiers.json", tiers)]:
    with open(os.path.join(here, name), "w") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")
print(len(cases), len(tcases))
