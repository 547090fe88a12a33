"""Transit-time assumptions: average speed per mode and status, dwell hours at nodes.

The defaults ship in ``geodata/data/transit_assumptions.json``. A user copy of the same file
in the user config folder (``user_assumptions_path()``, e.g.
``~/.config/corridor-atlas/transit_assumptions.json`` on Linux,
``%LOCALAPPDATA%\\corridor-atlas\\transit_assumptions.json`` on Windows) overrides them key by
key: it may hold only the values it changes. The environment variable
``CORRIDOR_ATLAS_ASSUMPTIONS`` (a file path) takes the place of the user copy (tests,
portable use), and ``corridor-atlas route --assumptions FILE`` uses FILE instead of either.

Keys (hours and km/h are plain positive numbers; ``about`` and ``version`` are informative):

``speed_kmh.<mode>.<status>``
    Average km per *elapsed* hour over a whole leg of that mode (``rail``, ``road``,
    ``sea``, ``ferry``) on a segment of that status (``operational``,
    ``under_construction``, ``planned``, ``proposed``): stops, crew rest, night halts and
    slow sections are included, so these are well below line speeds. A planned segment
    gets the speed it is expected to allow once it opens.
``dwell_hours.border_crossing.<mode>``
    Hours added for each border crossed, by the mode of the leg that leaves the crossing
    (for a border crossed inside a sea or ferry leg: that leg's mode; the time stands for
    customs at the arrival port).
``dwell_hours.transshipment.mode_change``
    Hours added where the route changes mode (rail to road, rail to sea, ...).
``dwell_hours.transshipment.break_of_gauge``
    Hours added where two consecutive rail legs have different gauges (1520 / 1676 /
    1435): bogie exchange or transloading.
``dwell_hours.node_overrides.<node id>``
    ``{"border_crossing": h, "transshipment": h}`` (either key optional): replaces the
    border or transshipment dwell at that one node, for a place known to be slower or
    faster than the default.

Transit time of a route = sum over legs of km / speed + the dwell of every border
crossing and every transshipment on it. Origin and destination add no dwell.
"""
from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import BUILTIN_DATA

DEFAULT_PATH = BUILTIN_DATA / "transit_assumptions.json"
FILE_NAME = "transit_assumptions.json"
APP_NAME = "corridor-atlas"
ENV_VAR = "CORRIDOR_ATLAS_ASSUMPTIONS"

MODES = ("rail", "road", "sea", "ferry")
STATUSES = ("operational", "under_construction", "planned", "proposed")
TRANSSHIPMENT_KINDS = ("mode_change", "break_of_gauge")


class AssumptionsError(Exception):
    """An assumptions file is unreadable or holds a bad value: the message says where."""


def user_assumptions_path() -> Path:
    """Where a user's own copy of the assumptions lives (it may not exist):
    $CORRIDOR_ATLAS_ASSUMPTIONS if set, else the platform's user config folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


@dataclass(frozen=True)
class Assumptions:
    speed_kmh: dict[str, dict[str, float]]
    border_hours: dict[str, float]
    transshipment_hours: dict[str, float]
    node_overrides: dict[str, dict[str, float]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()   # files read, default first

    def speed(self, mode: str, status: str) -> float:
        try:
            return self.speed_kmh[mode][status]
        except KeyError:
            raise AssumptionsError(f"no speed_kmh for mode '{mode}' and status '{status}'") from None

    def leg_hours(self, km: float, mode: str, status: str) -> float:
        return km / self.speed(mode, status)

    def border_dwell(self, mode: str, node: str | None = None) -> float:
        if node is not None:
            o = self.node_overrides.get(node)
            if o and "border_crossing" in o:
                return o["border_crossing"]
        return self.border_hours.get(mode, 0.0)

    def transshipment_dwell(self, kind: str, node: str | None = None) -> float:
        if node is not None:
            o = self.node_overrides.get(node)
            if o and "transshipment" in o:
                return o["transshipment"]
        return self.transshipment_hours[kind]

    def to_dict(self) -> dict[str, Any]:
        """The assumptions used, in the file's layout, for reports and --json."""
        return {
            "speed_kmh": copy.deepcopy(self.speed_kmh),
            "dwell_hours": {
                "border_crossing": dict(self.border_hours),
                "transshipment": dict(self.transshipment_hours),
                "node_overrides": copy.deepcopy(self.node_overrides),
            },
            "files": list(self.sources),
        }


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AssumptionsError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise AssumptionsError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise AssumptionsError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except OSError as exc:
        raise AssumptionsError(f"{path}: cannot be read ({exc.strerror})") from None
    if not isinstance(data, dict):
        raise AssumptionsError(f"{path}: expected a JSON object at the top level")
    return data


def _number(value: Any, where: str, *, allow_zero: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AssumptionsError(f"{where}: expected a number, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero) or value != value or value == float("inf"):
        need = "zero or more" if allow_zero else "more than zero"
        raise AssumptionsError(f"{where}: must be {need}, got {value!r}")
    return float(value)


def from_dict(data: dict, sources: tuple[str, ...] = ()) -> Assumptions:
    """Check a (merged) assumptions dict and turn it into Assumptions."""
    where = " + ".join(sources) or "assumptions"
    speeds = data.get("speed_kmh")
    if not isinstance(speeds, dict):
        raise AssumptionsError(f"{where}: 'speed_kmh' must be an object")
    speed_kmh: dict[str, dict[str, float]] = {}
    for mode in MODES:
        per = speeds.get(mode)
        if not isinstance(per, dict):
            raise AssumptionsError(f"{where}: 'speed_kmh.{mode}' must be an object with a speed per status")
        speed_kmh[mode] = {}
        for status in STATUSES:
            if status not in per:
                raise AssumptionsError(f"{where}: 'speed_kmh.{mode}.{status}' is missing")
            speed_kmh[mode][status] = _number(per[status], f"{where}: speed_kmh.{mode}.{status}", allow_zero=False)
    for mode in speeds:
        if mode not in MODES:
            raise AssumptionsError(f"{where}: unknown mode 'speed_kmh.{mode}' (modes: {', '.join(MODES)})")
    dwell = data.get("dwell_hours")
    if not isinstance(dwell, dict):
        raise AssumptionsError(f"{where}: 'dwell_hours' must be an object")
    border = dwell.get("border_crossing")
    if not isinstance(border, dict):
        raise AssumptionsError(f"{where}: 'dwell_hours.border_crossing' must be an object with hours per mode")
    border_hours = {}
    for mode in MODES:
        if mode not in border:
            raise AssumptionsError(f"{where}: 'dwell_hours.border_crossing.{mode}' is missing")
        border_hours[mode] = _number(border[mode], f"{where}: dwell_hours.border_crossing.{mode}", allow_zero=True)
    tr = dwell.get("transshipment")
    if not isinstance(tr, dict):
        raise AssumptionsError(f"{where}: 'dwell_hours.transshipment' must be an object")
    transshipment_hours = {}
    for kind in TRANSSHIPMENT_KINDS:
        if kind not in tr:
            raise AssumptionsError(f"{where}: 'dwell_hours.transshipment.{kind}' is missing")
        transshipment_hours[kind] = _number(tr[kind], f"{where}: dwell_hours.transshipment.{kind}", allow_zero=True)
    overrides_raw = dwell.get("node_overrides", {}) or {}
    if not isinstance(overrides_raw, dict):
        raise AssumptionsError(f"{where}: 'dwell_hours.node_overrides' must be an object keyed by node id")
    node_overrides: dict[str, dict[str, float]] = {}
    for node, o in overrides_raw.items():
        if not isinstance(o, dict):
            raise AssumptionsError(f"{where}: 'dwell_hours.node_overrides.{node}' must be an object")
        node_overrides[node] = {}
        for k, v in o.items():
            if k not in ("border_crossing", "transshipment"):
                raise AssumptionsError(
                    f"{where}: 'dwell_hours.node_overrides.{node}.{k}': expected border_crossing or transshipment")
            node_overrides[node][k] = _number(v, f"{where}: dwell_hours.node_overrides.{node}.{k}", allow_zero=True)
    return Assumptions(speed_kmh, border_hours, transshipment_hours, node_overrides, tuple(sources))


def load_assumptions(path: Path | str | None = None, *, use_user_copy: bool = True) -> Assumptions:
    """The defaults, overridden by ``path`` if given, else by the user copy if it exists."""
    data = _read(DEFAULT_PATH)
    sources = [str(DEFAULT_PATH)]
    override: Path | None = Path(path) if path is not None else None
    if override is None and use_user_copy:
        candidate = user_assumptions_path()
        if candidate.is_file():
            override = candidate
    if override is not None:
        data = _merge(data, _read(override))
        sources.append(str(override))
    return from_dict(data, tuple(sources))


def default_assumptions() -> Assumptions:
    """The built-in defaults only, ignoring any user copy (for tests and comparisons)."""
    return load_assumptions(use_user_copy=False)
