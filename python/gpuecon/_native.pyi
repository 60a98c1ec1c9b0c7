"""Type stubs of the native module gpuecon._native (the Rust crate python/)."""

import datetime
from decimal import Decimal
from typing import Iterable, Literal, Union

#: A number: int, float (read by its shortest round-trip digits), str or Decimal.
Number = Union[int, float, str, Decimal]
#: A date: datetime.date or "YYYY-MM-DD".
DateLike = Union[datetime.date, str]

class GpueconError(Exception):
    """The one error every gpuecon function raises."""

    code: Literal["INVALID_ARGUMENT", "DOMAIN", "OVERFLOW", "NO_SIGN_CHANGE", "NO_CONVERGENCE"]
    field: str
    excel: str
    problems: list[dict[str, str]]


def sln(cost: Number, salvage: Number, life: Number) -> Decimal:
    """Straight-line depreciation per period, as Excel's ``SLN(cost, salvage, life)``: ``(cost - salvage) / life``."""

def syd(cost: Number, salvage: Number, life: Number, per: Number) -> Decimal:
    """Sum-of-years'-digits depreciation of period ``per``, as Excel's ``SYD(cost, salvage, life, per)``."""

def db(cost: Number, salvage: Number, life: Number, period: Number, month: Number | None = None) -> Decimal:
    """Fixed-declining-balance depreciation, as Excel's ``DB(cost, salvage, life, period, [month])`` (the rate rounded to 3 places, as Excel does)."""

def ddb(cost: Number, salvage: Number, life: Number, period: Number, factor: Number | None = None) -> Decimal:
    """Double-declining-balance depreciation, as Excel's ``DDB(cost, salvage, life, period, [factor])`` (factor 2 by default)."""

def vdb(cost: Number, salvage: Number, life: Number, start_period: Number, end_period: Number, factor: Number | None = None, no_switch: bool | None = None) -> Decimal:
    """Variable-declining-balance depreciation between two points of the life, as Excel's ``VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])``."""

def macrs(cost: Number, recovery_period: Number, year: Number) -> Decimal:
    """MACRS (GDS, half-year convention) depreciation of one tax year: ``cost * rate(recovery_period, year)`` from IRS Publication 946, Table A-1."""

def pv(rate: Number, nper: Number, pmt: Number, fv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Present value, as Excel's ``PV(rate, nper, pmt, [fv], [type])``; ``type`` 0 (payments at the end of each period, the default) or 1 (at the beginning)."""

def fv(rate: Number, nper: Number, pmt: Number, pv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Future value, as Excel's ``FV(rate, nper, pmt, [pv], [type])``."""

def pmt(rate: Number, nper: Number, pv: Number, fv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Payment per period, as Excel's ``PMT(rate, nper, pv, [fv], [type])``."""

def nper(rate: Number, pmt: Number, pv: Number, fv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Number of periods, as Excel's ``NPER(rate, pmt, pv, [fv], [type])``."""

def ipmt(rate: Number, per: Number, nper: Number, pv: Number, fv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Interest part of payment ``per``, as Excel's ``IPMT(rate, per, nper, pv, [fv], [type])``."""

def ppmt(rate: Number, per: Number, nper: Number, pv: Number, fv: Number | None = None, type: Literal[0, 1] | None = None) -> Decimal:
    """Principal part of payment ``per``, as Excel's ``PPMT(rate, per, nper, pv, [fv], [type])``."""

def cumipmt(rate: Number, nper: Number, pv: Number, start_period: Number, end_period: Number, type: Literal[0, 1] | None = None) -> Decimal:
    """Interest paid from ``start_period`` to ``end_period``, as Excel's ``CUMIPMT(rate, nper, pv, start_period, end_period, type)`` (``type`` required)."""

def cumprinc(rate: Number, nper: Number, pv: Number, start_period: Number, end_period: Number, type: Literal[0, 1] | None = None) -> Decimal:
    """Principal repaid from ``start_period`` to ``end_period``, as Excel's ``CUMPRINC(rate, nper, pv, start_period, end_period, type)`` (``type`` required)."""

def effect(nominal_rate: Number, npery: Number) -> Decimal:
    """Effective annual rate, as Excel's ``EFFECT(nominal_rate, npery)``: ``(1 + nominal_rate / npery) ** npery - 1``."""

def nominal(effect_rate: Number, npery: Number) -> Decimal:
    """Nominal annual rate, as Excel's ``NOMINAL(effect_rate, npery)``."""

def ispmt(rate: Number, per: Number, nper: Number, pv: Number) -> Decimal:
    """Interest of period ``per`` (from 0) of a loan repaid in equal principal parts, as Excel's ``ISPMT(rate, per, nper, pv)``."""

def fvschedule(principal: Number, schedule: Iterable[Number]) -> Decimal:
    """Future value under a schedule of rates, as Excel's ``FVSCHEDULE(principal, schedule)``."""

def npv(rate: Number, values: Iterable[Number]) -> Decimal:
    """Net present value, as Excel's ``NPV(rate, values)``: the first value is discounted one period."""

def npv_at_t0(rate: Number, values: Iterable[Number]) -> Decimal:
    """Net present value with the first value now (t = 0), not discounted: ``(1 + rate) * npv(rate, values)``."""

def xnpv(rate: Number, values: Iterable[Number], dates: Iterable[DateLike]) -> Decimal:
    """Net present value of dated flows, as Excel's ``XNPV(rate, values, dates)`` (Actual/365); dates are ``datetime.date`` or ``'YYYY-MM-DD'``."""

def mirr(values: Iterable[Number], finance_rate: Number, reinvest_rate: Number) -> Decimal:
    """Modified internal rate of return, as Excel's ``MIRR(values, finance_rate, reinvest_rate)``."""

def irr(values: Iterable[Number], guess: Number | None = None) -> Decimal:
    """Internal rate of return, as Excel's ``IRR(values, [guess])``."""

def xirr(values: Iterable[Number], dates: Iterable[DateLike], guess: Number | None = None) -> Decimal:
    """Internal rate of return of dated flows, as Excel's ``XIRR(values, dates, [guess])`` (Actual/365)."""

def rate(nper: Number, pmt: Number, pv: Number, fv: Number | None = None, type: Literal[0, 1] | None = None, guess: Number | None = None) -> Decimal:
    """Interest rate per period of an annuity, as Excel's ``RATE(nper, pmt, pv, [fv], [type], [guess])``."""

def irr_all(values: Iterable[Number], lower: Number | None = None, upper: Number | None = None) -> list[Decimal]:
    """Every internal rate of return in ``[lower, upper]`` (defaults -0.99 and 10), ascending."""

def macrs_schedule(cost: Number, recovery_period: Number) -> list[Decimal]:
    """The whole MACRS (GDS, half-year convention) schedule of ``cost``, year 1 first."""

def evaluate(scenario: str) -> str:
    """The core's evaluate on JSON text, returning JSON text."""

def evaluate_portfolio(portfolio: str) -> str:
    """The core's evaluate_portfolio on JSON text, returning JSON text."""

def validate_scenario(scenario: str) -> str:
    """The core's validate_scenario on JSON text, returning JSON text."""

def montecarlo(inputs: str) -> str:
    """The core's montecarlo on JSON text, returning JSON text."""

def montecarlo_batch(run: str, first_path: int, count: int) -> bytes:
    """Paths first_path to first_path + count - 1 of a run (JSON text): their raw outcomes as bytes."""

def montecarlo_finish(run: str, batches: list[bytes]) -> str:
    """The report of a run (JSON text) from its batches' bytes, as JSON text."""

def tornado(inputs: str) -> str:
    """The core's tornado on JSON text, returning JSON text."""

def sensitivity_grid(inputs: str) -> str:
    """The core's sensitivity grid on JSON text, returning JSON text."""

def montecarlo_typical() -> str:
    """The typical random inputs as JSON text."""

def presets() -> str:
    """Every built-in preset as JSON text."""

def loads(text: str) -> object:
    """JSON text as Python objects, every decimal string a Decimal."""
