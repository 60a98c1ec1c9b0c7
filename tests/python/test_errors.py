"""Errors carry the npm package's code, field, excel and problems (tests/node/errors.test.mjs
asserts the same cases in JavaScript)."""

import copy
import json
import math
import pickle
from decimal import Decimal

import pytest

import gpuecon
from gpuecon import GpueconError


@pytest.mark.parametrize("bad", [math.nan, math.inf, None, {}, [], "abc", "1,000", True, Decimal("NaN"), object()])
def test_a_bad_argument_names_it(bad):
    with pytest.raises(GpueconError) as raised:
        gpuecon.sln(bad, 10, 5)
    e = raised.value
    assert isinstance(e, Exception)
    assert (e.code, e.field, e.excel) == ("INVALID_ARGUMENT", "cost", "#VALUE!")
    assert str(e).startswith("cost: must be")


def test_div0_is_a_domain_error_on_the_divisor():
    with pytest.raises(GpueconError) as raised:
        gpuecon.sln(100, 10, 0)
    assert (raised.value.code, raised.value.field, raised.value.excel) == ("DOMAIN", "life", "#DIV/0!")
    # A single error from any function still has its one problem.
    assert [p["field"] for p in raised.value.problems] == ["life"]


def test_overflow_and_too_many_digits():
    with pytest.raises(GpueconError) as raised:
        gpuecon.sln("79228162514264337593543950335", "-1", 1)
    assert raised.value.code == "OVERFLOW"
    with pytest.raises(GpueconError) as raised:
        gpuecon.sln("1.00000000000000000000000000001", 0, 1)  # 30 digits: never rounded silently
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "cost")


def test_bad_dates():
    values = [-100, 110]
    for dates in (["2008-1-1", "2009-01-01"], [20080101, "2009-01-01"], "2008-01-01"):
        with pytest.raises(GpueconError) as raised:
            gpuecon.xirr(values, dates)
        assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "dates")


def test_an_invalid_scenario_lists_every_problem_with_its_path():
    presets = gpuecon.presets()
    assert [p["id"] for p in presets][:3] == ["h100-node-on-demand", "h100-node-reserved-3y", "h100-cluster-1024"]
    cluster = copy.deepcopy(gpuecon.preset("h100-cluster-1024"))
    assert gpuecon.validate_scenario(cluster) == []
    cluster["power"]["pue"] = "0.9"
    cluster["market"]["utilization"] = 1.5
    cluster["contracts"][0]["contract"]["term_months"] = 0
    fields = ["power.pue", "market.utilization", "contracts[0].contract.term_months"]
    assert [p["field"] for p in gpuecon.validate_scenario(cluster)] == fields
    with pytest.raises(GpueconError) as raised:
        gpuecon.evaluate(cluster)
    e = raised.value
    assert (e.code, e.field) == ("DOMAIN", "power.pue")
    assert [p["field"] for p in e.problems] == fields
    assert e.problems[2]["message"].startswith("contracts[0].contract.term_months: must be greater than 0")


def test_a_misspelt_key_is_an_error_at_its_path():
    typo = copy.deepcopy(gpuecon.preset("h100-cluster-1024"))
    typo["contracts"][0]["contract"]["minimum_gpu_hour"] = 1
    with pytest.raises(GpueconError) as raised:
        gpuecon.evaluate(typo)
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "contracts[0].contract.minimum_gpu_hour")


def test_inputs_that_are_not_json():
    scenario = copy.deepcopy(gpuecon.preset("h100-node-on-demand"))
    scenario["power"]["pue"] = math.nan
    with pytest.raises(GpueconError) as raised:
        gpuecon.evaluate(scenario)
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "scenario")
    for text in ("{", "{} trailing", "[1, 2]"):
        with pytest.raises(GpueconError) as raised:
            gpuecon.evaluate(text)
        assert raised.value.code == "INVALID_ARGUMENT"
    with pytest.raises(GpueconError) as raised:
        gpuecon.evaluate("/no/such/file.json")
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "scenario")
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(GpueconError):
        gpuecon.evaluate(deep)
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(GpueconError) as raised:
        gpuecon.evaluate({"title": nested})
    assert (raised.value.code, raised.value.field) == ("INVALID_ARGUMENT", "scenario")


def test_scenarios_as_dict_text_or_path(tmp_path):
    scenario = gpuecon.preset("h100-node-on-demand")
    path = tmp_path / "node.json"
    path.write_text(json.dumps(scenario, default=str), encoding="utf-8")
    by_dict = gpuecon.evaluate(scenario)
    assert gpuecon.evaluate(path.read_text(encoding="utf-8")) == by_dict
    assert gpuecon.evaluate(path) == by_dict
    assert gpuecon.evaluate(str(path)) == by_dict


def test_errors_survive_pickling():
    """Dask sends a worker's exception to the client pickled: the attributes must survive."""
    with pytest.raises(GpueconError) as raised:
        gpuecon.sln(100, 10, 0)
    again = pickle.loads(pickle.dumps(raised.value))
    assert type(again) is GpueconError
    assert (again.code, again.field, again.problems) == ("DOMAIN", "life", raised.value.problems)
