"""Python values to the core's JSON text and back: the one conversion every model call makes.

Inputs are dicts (``Decimal``, ``int``, ``float`` and decimal strings for numbers,
``datetime.date`` or ISO strings for dates), JSON text, or a path to a JSON file. Results
come back with every decimal as ``decimal.Decimal``.
"""

from __future__ import annotations

import datetime
import decimal
import json
import os
from typing import Any, Union

from . import _native
from ._native import GpueconError

#: What a model input may be: a dict, JSON text, or the path of a JSON file.
Source = Union[dict, str, "os.PathLike[str]"]


def error(code: str, field: str, message: str, excel: str = "#VALUE!") -> GpueconError:
    """A ``GpueconError`` like the ones the native module raises (one problem)."""
    e = GpueconError(message)
    e.code, e.field, e.excel = code, field, excel
    e.problems = [{"field": field, "message": message}]
    return e


def _encode(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    raise TypeError(f"a {type(value).__name__} is not a JSON value")


def dumps(value: Any, argument: str) -> str:
    """``value`` (plain Python objects, ``Decimal``s and dates) as JSON text.

    Raises ``GpueconError`` (``INVALID_ARGUMENT`` on ``argument``) for NaN, infinities,
    objects JSON cannot hold and nesting deeper than Python's recursion limit.
    """
    try:
        return json.dumps(value, default=_encode, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as e:
        raise error("INVALID_ARGUMENT", argument, f"{argument}: {e}") from None


def text(source: Source, argument: str) -> str:
    """The JSON text of a model input given as a dict, JSON text or a file path."""
    if isinstance(source, os.PathLike):
        return _read(os.fspath(source), argument)
    if isinstance(source, str):
        if source.lstrip().startswith(("{", "[")):
            return source
        return _read(source, argument)
    return dumps(source, argument)


def _read(path: str, argument: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError as e:
        raise error("INVALID_ARGUMENT", argument, f"{argument}: {path}: {e.strerror}") from None


def loads(text: str) -> Any:
    """The core's JSON text as Python objects, every decimal a ``decimal.Decimal``."""
    return _native.loads(text)
