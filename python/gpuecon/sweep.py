"""Variants of a scenario addressed by field path, evaluated row by row: what
``gpuecon.distributed.sweep`` and ``gpuecon.arrow.evaluate_batch`` share. Each variant is
the base scenario with some fields replaced, evaluated by the core; a variant that fails
keeps its error in its row."""

from __future__ import annotations

import json
import re
from typing import Any, Sequence

from . import _json, _native
from ._native import GpueconError

_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_path(path: str) -> list:
    """A field path as keys and list indexes.

    >>> parse_path("contracts[0].contract.price_usd_per_gpu_hour")
    ['contracts', 0, 'contract', 'price_usd_per_gpu_hour']
    """
    tokens = []
    position = 0
    for match in _TOKEN.finditer(path):
        gap = path[position : match.start()]
        if gap not in ("", "."):
            break
        tokens.append(int(match.group(1)) if match.group(1) is not None else match.group(2))
        position = match.end()
    if not tokens or position != len(path):
        raise _json.error("INVALID_ARGUMENT", path, f"{path}: not a field path such as contracts[0].contract.gpus")
    return tokens


def set_path(scenario: dict, path: str, value: Any) -> None:
    """Replaces the field at ``path`` in ``scenario`` (creating missing objects on the way).

    Raises ``GpueconError`` (``INVALID_ARGUMENT`` on ``path``) when a list index is out of
    range or the path crosses a value that is not an object or a list.
    """
    tokens = parse_path(path)
    node: Any = scenario
    try:
        for token, following in zip(tokens, tokens[1:]):
            if isinstance(token, str) and isinstance(node, dict) and token not in node:
                node[token] = {} if isinstance(following, str) else []
            node = node[token]
        last = tokens[-1]
        if isinstance(last, int) and not (isinstance(node, list) and last < len(node)):
            raise IndexError(last)
        if isinstance(last, str) and not isinstance(node, dict):
            raise TypeError(last)
        node[last] = value
    except (IndexError, KeyError, TypeError):
        raise _json.error("INVALID_ARGUMENT", path, f"{path}: no such field in the base scenario") from None


def flatten(value: Any, prefix: str = "") -> dict:
    """A report's summary as one level: nested fields joined with dots, lists left out."""
    out = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            out.update(flatten(item, name + "."))
        elif not isinstance(item, list):
            out[name] = item
    return out


def variant_rows(base_text: str, paths: Sequence[str], rows: Sequence[Sequence[Any]]) -> list:
    """Each row's variant of the base scenario evaluated: its summary, flattened, with
    ``error`` ``None``; or only ``error`` (the message) when the variant fails."""
    out = []
    for row in rows:
        try:
            scenario = json.loads(base_text)
            for path, value in zip(paths, row):
                set_path(scenario, path, value)
            report = _json.loads(_native.evaluate(_json.dumps(scenario, "scenario")))
            summary = flatten(report["summary"])
            summary["error"] = None
            out.append(summary)
        except GpueconError as e:
            out.append({"error": f"{e.code}: {e}"})
    return out
