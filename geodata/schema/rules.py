"""The enumerations and value rules of docs/DATA.md, and a checker that applies them to one
record, collecting Problems instead of raising."""
from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Collection, Mapping
from typing import Any

from .problems import Problem

NODE_KINDS = ("seaport", "dry_port", "border_crossing", "junction", "city")
MODES = ("rail", "road", "sea", "ferry")
STATUSES = ("operational", "under_construction", "planned", "proposed")
GAUGES_MM = (1520, 1676, 1435)
CONFIDENCES = ("high", "medium", "low")
AGREEMENT_KINDS = ("treaty", "mou", "convention", "transit_agreement", "commission", "consultation", "framework")
AGREEMENT_STATUSES = ("in_force", "signed", "under_negotiation", "discussed", "expected")
AGREEMENT_DATES = ("signed", "in_force", "expected")
SOURCE_KINDS = ("news", "official", "reference")
NAME_LANGUAGES = ("en", "ru", "kk", "ur")

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
YEAR_RANGE = (1800, 2200)

MISSING = object()


def show(value: Any, limit: int = 60) -> str:
    """A value as it would appear in the JSON file, shortened for a message."""
    if isinstance(value, str):
        text = "'" + value + "'"
    elif isinstance(value, float) and not math.isfinite(value):
        text = str(value)  # nan / inf (JSON has no spelling for them)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def date_error(value: Any) -> str | None:
    """Why `value` is not an ISO date YYYY / YYYY-MM / YYYY-MM-DD, or None when it is one."""
    if not isinstance(value, str):
        return f"must be a date as text (YYYY, YYYY-MM or YYYY-MM-DD), not {json_type(value)} {show(value)}"
    m = DATE_RE.match(value)
    if not m:
        return f"{show(value)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = m.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return f"{show(value)} is not a real calendar date"
    return None


class Checker:
    """Collects the problems of one record. Each method checks one field of `obj` (the record
    or a nested object) and returns the value when it is usable, else None."""

    def __init__(self, file: str, record: str | None, problems: list[Problem], prefix: str = ""):
        self.file = file
        self.record = record
        self.problems = problems
        self.prefix = prefix  # "dates." for fields of a nested object

    def nested(self, key: str) -> "Checker":
        return Checker(self.file, self.record, self.problems, f"{self.prefix}{key}.")

    def add(self, field: str | None, message: str) -> None:
        name = f"{self.prefix}{field}" if field else (self.prefix.rstrip(".") or None)
        self.problems.append(Problem(self.file, self.record, name, message))

    # -- presence and type ------------------------------------------------------------
    def get(self, obj: Mapping, key: str, *, required: bool = True, nullable: bool = False) -> Any:
        value = obj.get(key, MISSING)
        if value is MISSING:
            if required:
                self.add(key, "is missing")
            return MISSING
        if value is None and not nullable:
            self.add(key, "must not be null" if required else "must not be null (leave it out instead)")
            return MISSING
        return value

    def text(self, obj: Mapping, key: str, *, required: bool = True, allow_empty: bool = False) -> str | None:
        value = self.get(obj, key, required=required)
        if value is MISSING:
            return None
        if not isinstance(value, str):
            self.add(key, f"must be text, not {json_type(value)} {show(value)}")
            return None
        if not allow_empty and not value.strip():
            self.add(key, "is empty")
            return None
        return value

    def slug(self, obj: Mapping, key: str = "id") -> str | None:
        value = self.text(obj, key)
        if value is not None and not SLUG_RE.match(value):
            self.add(key, f"{show(value)} is not a valid id (lower-case letters a-z, digits, '_' and '-', "
                          "starting with a letter or digit)")
            return None
        return value

    def choice(self, obj: Mapping, key: str, allowed: Collection, what: str, *, required: bool = True) -> Any:
        value = self.get(obj, key, required=required)
        if value is MISSING:
            return None
        return self.choice_value(key, value, allowed, what)

    def choice_value(self, key: str, value: Any, allowed: Collection, what: str) -> Any:
        if isinstance(value, bool) or value not in allowed:
            self.add(key, f"{show(value)} is not a known {what} ({', '.join(map(str, allowed))})")
            return None
        return value

    def a_list(self, obj: Mapping, key: str, *, required: bool = True, min_items: int = 0,
               unique: bool = True) -> list | None:
        value = self.get(obj, key, required=required)
        if value is MISSING:
            return None
        if not isinstance(value, list):
            self.add(key, f"must be a list, not {json_type(value)} {show(value)}")
            return None
        if len(value) < min_items:
            self.add(key, "must not be empty" if min_items == 1 else f"must have at least {min_items} entries")
        seen = set()
        for item in value if unique else ():
            if isinstance(item, (str, int)) and not isinstance(item, bool):
                if item in seen:
                    self.add(key, f"{show(item)} is listed twice")
                seen.add(item)
        return value

    def choices(self, obj: Mapping, key: str, allowed: Collection, what: str, *, min_items: int = 1) -> list:
        items = self.a_list(obj, key, min_items=min_items) or []
        return [v for v in items if self.choice_value(key, v, allowed, what) is not None]

    # -- countries, dates, years, names ------------------------------------------------
    def iso3_value(self, key: str, value: Any) -> str | None:
        if not isinstance(value, str) or not ISO3_RE.match(value):
            self.add(key, f"{show(value)} is not an ISO 3166-1 alpha-3 country code (3 upper-case letters, e.g. PAK)")
            return None
        return value

    def iso3(self, obj: Mapping, key: str) -> str | None:
        value = self.get(obj, key)
        return None if value is MISSING else self.iso3_value(key, value)

    def iso3_list(self, obj: Mapping, key: str, *, min_items: int = 1, exactly: int | None = None) -> list[str]:
        # a route may leave a country and come back to it, so repeats are allowed
        items = self.a_list(obj, key, min_items=min_items if exactly is None else 0, unique=exactly is not None)
        if items is None:
            return []
        if exactly is not None and len(items) != exactly:
            self.add(key, f"must list exactly {exactly} countries, not {len(items)}")
        return [v for v in items if self.iso3_value(key, v) is not None]

    def date(self, obj: Mapping, key: str, *, required: bool = True, nullable: bool = False) -> str | None:
        value = self.get(obj, key, required=required, nullable=nullable)
        if value is MISSING or value is None:
            return None
        error = date_error(value)
        if error:
            self.add(key, error)
            return None
        return value

    def year(self, obj: Mapping, key: str) -> None:
        """An optional year: a whole number (or an ISO date string), null allowed."""
        value = self.get(obj, key, required=False, nullable=True)
        if value is MISSING or value is None:
            return
        if isinstance(value, str):
            error = date_error(value)
            if error:
                self.add(key, error)
            return
        if not (isinstance(value, int) and not isinstance(value, bool)) or not (YEAR_RANGE[0] <= value <= YEAR_RANGE[1]):
            self.add(key, f"{show(value)} is not a year (a whole number such as 2027)")

    def names(self, obj: Mapping, key: str = "names") -> None:
        """Optional {en, ru, kk, ur} translations, each text."""
        value = self.get(obj, key, required=False)
        if value is MISSING:
            return
        if not isinstance(value, dict):
            self.add(key, f"must be an object like {{\"en\": ..., \"ru\": ...}}, not {json_type(value)}")
            return
        for lang, name in value.items():
            if lang not in NAME_LANGUAGES:
                self.add(f"{key}.{lang}", f"{show(lang)} is not one of the name languages ({', '.join(NAME_LANGUAGES)})")
            elif not isinstance(name, str):
                self.add(f"{key}.{lang}", f"must be text, not {json_type(name)} {show(name)}")
            elif not name.strip():
                self.add(f"{key}.{lang}", "is blank: leave the language out (the English name is shown instead)")

    # -- references --------------------------------------------------------------------
    def refs(self, obj: Mapping, key: str, known: Collection[str] | None, what: str, *,
             required: bool = True, min_items: int = 0) -> list[str]:
        """A list of ids that must exist in `known` (None: do not resolve)."""
        items = self.a_list(obj, key, required=required, min_items=min_items)
        return self.ref_values(key, items or [], known, what)

    def ref_values(self, key: str, items: list, known: Collection[str] | None, what: str) -> list[str]:
        good = []
        for item in items:
            if not isinstance(item, str):
                self.add(key, f"must list {what} ids as text, not {json_type(item)} {show(item)}")
            elif known is not None and item not in known:
                self.add(key, f"{show(item)} is not {article(what)} {what} id in {REF_FILE[what]}")
            else:
                good.append(item)
        return good

    def ref(self, obj: Mapping, key: str, known: Collection[str] | None, what: str) -> str | None:
        value = self.text(obj, key)
        if value is None:
            return None
        if known is not None and value not in known:
            self.add(key, f"{show(value)} is not {article(what)} {what} id in {REF_FILE[what]}")
            return None
        return value


REF_FILE = {
    "node": "nodes.geojson",
    "segment": "segments.geojson",
    "agreement": "agreements.json",
    "corridor": "corridors.json",
    "source": "sources.json",
}
