"""Every golden vector of the finance functions, the scenarios, the portfolios and Monte
Carlo through the installed wheel: the same files the native, Node and Chromium runners
read, judged by the same rule."""

import pytest

import gpuecon
from conftest import judge, load_cases, outcome_of

FINANCE = load_cases("cash_flows.json", "depreciation.json", "rates_of_return.json", "time_value.json")
MODELS = load_cases("scenarios.json", "montecarlo.json")


@pytest.mark.parametrize("case", FINANCE)
def test_finance_function(case):
    judge(case, outcome_of(getattr(gpuecon, case["function"]), case["args"]))


@pytest.mark.parametrize("case", MODELS)
def test_model(case):
    function = {
        "evaluate": gpuecon.evaluate,
        "evaluate_portfolio": gpuecon.evaluate_portfolio,
        "montecarlo": gpuecon.montecarlo,
        "tornado": gpuecon.tornado,
        "sensitivity_grid": gpuecon.sensitivity_grid,
    }.get(case["function"])
    if function is None:
        pytest.skip(f"{case['function']} is not in the Python package")
    judge(case, outcome_of(function, case["args"]))


def test_every_finance_function_has_vectors():
    """No finance function of the package goes unchecked (irr_all and macrs_schedule are
    checked by hand in test_finance.py)."""
    covered = {c.values[0]["function"] for c in FINANCE}
    finance = {
        "cumipmt", "cumprinc", "db", "ddb", "effect", "fv", "fvschedule", "ipmt", "irr",
        "ispmt", "macrs", "mirr", "nominal", "nper", "npv", "npv_at_t0", "pmt", "ppmt", "pv",
        "rate", "sln", "syd", "vdb", "xirr", "xnpv",
    }
    assert finance <= covered, finance - covered
