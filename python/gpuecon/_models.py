"""Scenarios, portfolios, Monte Carlo and presets: each one call to the core through its
JSON text (see ``_json``)."""

from __future__ import annotations

from typing import Any

from . import _json, _native
from ._json import Source


class Report(dict):
    """A scenario's or a portfolio's report: a plain ``dict`` of the core's report (decimals
    as ``decimal.Decimal``, dates as ISO strings), with the months as a DataFrame on request.
    """

    def months_frame(self) -> "pandas.DataFrame":  # noqa: F821 (pandas is optional)
        """The monthly series as a pandas DataFrame, one row per month, nested fields
        flattened with dots (``revenue.total_usd``). Needs pandas (``pip install
        gpuecon[pandas]``).

        >>> import gpuecon
        >>> report = gpuecon.evaluate(gpuecon.preset("h100-cluster-1024"))
        >>> frame = report.months_frame()
        >>> len(frame) == len(report["months"])
        True
        >>> frame.loc[0, "revenue.total_usd"] == report["months"][0]["revenue"]["total_usd"]
        True
        """
        try:
            import pandas
        except ImportError as e:  # pragma: no cover - exercised without pandas only
            raise ImportError("months_frame needs pandas: pip install 'gpuecon[pandas]'") from e
        return pandas.json_normalize(self["months"], sep=".")


def evaluate(scenario: Source, *, as_json: bool = False) -> Any:
    """Evaluates a scenario (a dict, JSON text or a JSON file's path) into its report: the
    monthly series and the summary, every decimal a ``decimal.Decimal``. With
    ``as_json=True``, the core's JSON text instead, as ``gpuecon evaluate --format json``
    writes it (without indentation).

    Raises ``GpueconError`` whose ``problems`` lists every problem with its path.

    >>> import gpuecon
    >>> report = gpuecon.evaluate(gpuecon.preset("h100-node-on-demand"))
    >>> type(report["summary"]["capex_usd"]).__name__
    'Decimal'
    """
    out = _native.evaluate(_json.text(scenario, "scenario"))
    return out if as_json else Report(_json.loads(out))


def evaluate_portfolio(portfolio: Source, *, as_json: bool = False) -> Any:
    """Rolls a portfolio of boxes (``{"title"?, "boxes": [scenario, ...]}``, all on the same
    start date and horizon) up into a company view, with each box's own report.

    >>> import gpuecon
    >>> report = gpuecon.evaluate_portfolio(gpuecon.preset("company-rollup"))
    >>> len(report["boxes"]) >= 2
    True
    """
    out = _native.evaluate_portfolio(_json.text(portfolio, "portfolio"))
    return out if as_json else Report(_json.loads(out))


def validate_scenario(scenario: Source) -> list:
    """Every problem with a scenario, ``[{"field", "message"}]``, empty when it can be
    evaluated; raises only when the input does not have a scenario's shape."""
    return _json.loads(_native.validate_scenario(_json.text(scenario, "scenario")))


def montecarlo(inputs: Source, *, as_json: bool = False) -> Any:
    """A Monte Carlo run of a box or a portfolio (``{"scenario" | "portfolio", "options"}``):
    the distributions of NPV, IRRs, equity value and minimum DSCR, breach probabilities,
    the expected shortfall and histograms. The same seed gives the same report on any
    machine, in the npm package and in ``gpuecon.distributed.montecarlo``.

    >>> import gpuecon
    >>> run = {"scenario": gpuecon.preset("coreweave-box-ig"),
    ...        "options": {"paths": 100, "seed": 7, "stochastic": gpuecon.montecarlo_typical()}}
    >>> report = gpuecon.montecarlo(run)
    >>> report["paths"], report["npv_usd"]["p5"] <= report["npv_usd"]["p95"]
    (100, True)
    """
    out = _native.montecarlo(_json.text(inputs, "inputs"))
    return out if as_json else _json.loads(out)


def tornado(inputs: Source) -> dict:
    """A tornado (``{"scenario", "output", "swings": [{"input", "low", "high"}]}``): each
    input at its low and high value through the exact model, the largest swing first."""
    return _json.loads(_native.tornado(_json.text(inputs, "inputs")))


def sensitivity_grid(inputs: Source) -> dict:
    """A two-input grid (``{"scenario", "output", "x": {"input", "values"}, "y": {...}}``)
    through the exact model: ``values[j][i]`` at ``y["values"][j]`` and ``x["values"][i]``."""
    return _json.loads(_native.sensitivity_grid(_json.text(inputs, "inputs")))


def montecarlo_typical() -> dict:
    """The typical random inputs (the core's ``Stochastic::typical``): a starting point for
    ``options["stochastic"]``."""
    return _json.loads(_native.montecarlo_typical())


def presets() -> list:
    """Every built-in preset: ``id``, ``title``, ``about``, ``sources``, ``kind``
    (``"scenario"`` or ``"portfolio"``) and the ``scenario`` or ``portfolio`` itself.

    >>> import gpuecon
    >>> "h100-cluster-1024" in [p["id"] for p in gpuecon.presets()]
    True
    """
    return _json.loads(_native.presets())


def preset(id: str) -> dict:
    """The scenario (or portfolio) of the preset ``id``.

    Raises ``GpueconError`` (``INVALID_ARGUMENT`` on ``id``) when there is none.
    """
    for p in presets():
        if p["id"] == id:
            return p["scenario"] if p.get("scenario") is not None else p["portfolio"]
    ids = ", ".join(p["id"] for p in presets())
    raise _json.error("INVALID_ARGUMENT", "id", f"id: no preset {id!r} (presets: {ids})")
