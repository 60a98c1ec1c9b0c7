"""gpuecon: the economics of AI compute, exact to the cent.

GPUs, power, facilities and contracts turned into prices, yields, schedules and risk. Every
formula lives in the Rust core; this package converts Python values to it and back:

- the Excel-compatible finance functions (``pv``, ``npv``, ``irr``, ``xirr``, ``vdb``, ...):
  numbers as ``int``, ``float``, ``str`` or ``decimal.Decimal``, results as ``Decimal``;
- ``evaluate``, ``evaluate_portfolio``, ``montecarlo`` and ``presets``: dicts (or JSON text,
  or a JSON file's path) in, plain Python objects with ``Decimal`` numbers out;
- ``gpuecon.arrow``: the same kernels over Arrow columns and tables;
- ``gpuecon.distributed``: Monte Carlo and sweeps on a Dask cluster.

Every failure raises ``GpueconError`` with ``code``, ``field``, ``excel`` and ``problems``.

>>> import gpuecon
>>> round(gpuecon.pmt("0.005", 360, 200000), 2)  # a 30-year mortgage at 6 %
Decimal('-1199.10')
"""

from ._native import (
    GpueconError,
    cumipmt,
    cumprinc,
    db,
    ddb,
    effect,
    fv,
    fvschedule,
    ipmt,
    irr,
    irr_all,
    ispmt,
    macrs,
    macrs_schedule,
    mirr,
    nominal,
    nper,
    npv,
    npv_at_t0,
    pmt,
    ppmt,
    pv,
    rate,
    sln,
    syd,
    vdb,
    xirr,
    xnpv,
)
from . import arrow
from ._models import (
    Report,
    evaluate,
    evaluate_portfolio,
    montecarlo,
    montecarlo_typical,
    preset,
    presets,
    sensitivity_grid,
    tornado,
    validate_scenario,
)

__all__ = [
    "GpueconError",
    "Report",
    "cumipmt",
    "cumprinc",
    "db",
    "ddb",
    "effect",
    "evaluate",
    "evaluate_portfolio",
    "fv",
    "fvschedule",
    "ipmt",
    "irr",
    "irr_all",
    "ispmt",
    "macrs",
    "macrs_schedule",
    "mirr",
    "montecarlo",
    "montecarlo_typical",
    "nominal",
    "nper",
    "npv",
    "npv_at_t0",
    "pmt",
    "ppmt",
    "preset",
    "presets",
    "pv",
    "rate",
    "sensitivity_grid",
    "sln",
    "syd",
    "tornado",
    "validate_scenario",
    "vdb",
    "xirr",
    "xnpv",
]
