"""Edits to a Dataset held in memory; applying one returns its exact inverse (for undo).

    edit = set_properties(ds, "segments", "ml1-kotri-hyderabad", {"status": "planned"})
    problems = check(ds, edit)          # what the schema would refuse; [] when fine
    inverse = edit.apply(ds)            # the dataset changes
    inverse.apply(ds)                   # ... and is back exactly as it was

Primitive edits: SetProperties (set or remove properties of a node, segment or agreement),
SetCoordinates (a node's point or a segment's line) and ReplaceDataset (everything, e.g. a
recovery file). Batch groups edits into one undo step. Builders: set_properties, move_node
(the node and the ends of the segments attached to it), reshape_segment.

Validation uses the same per-record rules as the folder check (geodata.schema): `check`
applies the edit on trial, validates every record it touched and undoes it again; only
problems the edit adds count (a record that was already imperfect can still be edited).
"""
from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from .dataset import Dataset
from .schema import Problem, validate_agreement, validate_node, validate_segment

TABLES = ("nodes", "segments", "agreements")
FEATURE_TABLES = ("nodes", "segments")
NOUN = {"nodes": "node", "segments": "segment", "agreements": "agreement"}
COORD_DIGITS = 6  # ~0.1 m: dragged positions are rounded to this


class _Delete:
    """Marks a property that is absent (set it to DELETE to remove the key)."""

    def __repr__(self) -> str:
        return "DELETE"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


DELETE: Any = _Delete()


class EditError(ValueError):
    """An edit cannot be made: unknown record, or a value the schema refuses."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


def record(ds: Dataset, table: str, rid: str) -> dict:
    """The editable dict of a record: a feature's properties, or the agreement itself."""
    if table not in TABLES:
        raise EditError(f"{table!r} cannot be edited (only {', '.join(TABLES)})")
    try:
        item = getattr(ds, table)[rid]
    except KeyError:
        raise EditError(f"there is no {NOUN[table]} {rid!r}") from None
    return item["properties"] if table in FEATURE_TABLES else item


def _reorder(rec: dict, order: tuple[str, ...]) -> None:
    """Put keys back in their former order (new keys last), so undo restores files byte for byte."""
    if tuple(rec) == order:
        return
    items = dict(rec)
    rec.clear()
    for key in order:
        if key in items:
            rec[key] = items.pop(key)
    rec.update(items)


class Edit:
    """One change to a dataset. apply() makes it and returns the edit that undoes it."""

    text: str = "Edit"

    def apply(self, ds: Dataset) -> "Edit":
        raise NotImplementedError

    def touched(self) -> set[tuple[str, str]]:
        """(table, id) of every record changed; ("*", "*") for the whole dataset."""
        return set()


@dataclass(frozen=True)
class SetProperties(Edit):
    table: str
    id: str
    values: dict              # key -> new value, or DELETE to remove the key
    text: str = "Edit properties"
    order: tuple[str, ...] | None = None   # key order to restore (set by an inverse)

    def apply(self, ds: Dataset) -> "SetProperties":
        rec = record(ds, self.table, self.id)
        if "id" in self.values and self.values["id"] != self.id:
            raise EditError("a record's id cannot be changed (other records refer to it)")
        before = tuple(rec)
        old = {key: copy.deepcopy(rec.get(key, DELETE)) for key in self.values}
        for key, value in self.values.items():
            if value is DELETE:
                rec.pop(key, None)
            else:
                rec[key] = copy.deepcopy(value)
        if self.order is not None:
            _reorder(rec, self.order)
        return SetProperties(self.table, self.id, old, self.text, before)

    def touched(self) -> set[tuple[str, str]]:
        return {(self.table, self.id)}


@dataclass(frozen=True)
class SetCoordinates(Edit):
    table: str                # "nodes" (a [lon, lat] point) or "segments" (a list of them)
    id: str
    coordinates: list
    text: str = "Edit geometry"

    def apply(self, ds: Dataset) -> "SetCoordinates":
        if self.table not in FEATURE_TABLES:
            raise EditError(f"{self.table!r} records have no geometry")
        record(ds, self.table, self.id)  # exists?
        geometry = getattr(ds, self.table)[self.id]["geometry"]
        old = copy.deepcopy(geometry["coordinates"])
        geometry["coordinates"] = copy.deepcopy(self.coordinates)
        if self.table == "segments":
            ds.invalidate_caches()
        return SetCoordinates(self.table, self.id, old, self.text)

    def touched(self) -> set[tuple[str, str]]:
        return {(self.table, self.id)}


@dataclass(frozen=True)
class Batch(Edit):
    edits: tuple[Edit, ...]
    text: str = "Edit"

    def apply(self, ds: Dataset) -> "Batch":
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(ds))
        except BaseException:
            for inverse in reversed(inverses):  # all or nothing
                inverse.apply(ds)
            raise
        return Batch(tuple(reversed(inverses)), self.text)

    def touched(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for edit in self.edits:
            out |= edit.touched()
        return out


@dataclass(frozen=True)
class ReplaceDataset(Edit):
    """Everything at once: the five files' parsed JSON (geodata.saving.dataset_files)."""

    files: dict = field(repr=False)
    text: str = "Restore recovered changes"

    def apply(self, ds: Dataset) -> "ReplaceDataset":
        from .saving import dataset_files

        old = copy.deepcopy(dataset_files(ds))
        new = Dataset.from_raw(ds.folder, copy.deepcopy(self.files))
        ds.nodes, ds.segments, ds.agreements = new.nodes, new.segments, new.agreements
        ds.corridors, ds.sources = new.corridors, new.sources
        ds.invalidate_caches()
        return ReplaceDataset(old, self.text)

    def touched(self) -> set[tuple[str, str]]:
        return {("*", "*")}


# -- builders ---------------------------------------------------------------------------
def set_properties(ds: Dataset, table: str, rid: str, values: dict, text: str | None = None) -> SetProperties:
    """Only the values that differ from the record's current ones."""
    rec = record(ds, table, rid)
    changed = {k: copy.deepcopy(v) for k, v in values.items() if rec.get(k, DELETE) != v}
    name = rec.get("name") or rec.get("title") or rid
    return SetProperties(table, rid, changed, text or f"Edit {NOUN[table]} {name}")


def _position(lon: Any, lat: Any) -> list[float]:
    for v in (lon, lat):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise EditError(f"{v!r} is not a finite coordinate")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise EditError(f"({lon}, {lat}) is outside longitude -180..180 / latitude -90..90")
    return [round(float(lon), COORD_DIGITS), round(float(lat), COORD_DIGITS)]


def connected_segments(ds: Dataset, nid: str) -> list[tuple[str, bool, bool]]:
    """(segment id, starts here, ends here) for every segment attached to node `nid`."""
    out = []
    for sid, f in ds.segments.items():
        p = f["properties"]
        if nid in (p.get("from"), p.get("to")):
            out.append((sid, p.get("from") == nid, p.get("to") == nid))
    return out


def move_node(ds: Dataset, nid: str, lon: float, lat: float) -> Batch:
    """Move a node; the end vertices of the segments attached to it move by the same amount
    (so a line that ended exactly at the node still does)."""
    record(ds, "nodes", nid)
    new = _position(lon, lat)
    old = ds.nodes[nid]["geometry"]["coordinates"]
    dlon, dlat = new[0] - old[0], new[1] - old[1]
    edits: list[Edit] = [SetCoordinates("nodes", nid, new + list(old[2:]))]
    for sid, starts, ends in connected_segments(ds, nid):
        coords = copy.deepcopy(ds.segments[sid]["geometry"]["coordinates"])
        for i, here in ((0, starts), (len(coords) - 1, ends)):
            if here:
                v = coords[i]
                coords[i] = _position(v[0] + dlon, v[1] + dlat) + list(v[2:])
        edits.append(SetCoordinates("segments", sid, coords))
    name = ds.nodes[nid]["properties"].get("name", nid)
    return Batch(tuple(edits), f"Move {name}")


def reshape_segment(ds: Dataset, sid: str, coordinates: list) -> SetCoordinates:
    record(ds, "segments", sid)
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        raise EditError("a segment's line needs at least two vertices")
    coords = []
    for pos in coordinates:
        if not isinstance(pos, (list, tuple)) or len(pos) < 2:
            raise EditError(f"{pos!r} is not a [longitude, latitude] position")
        coords.append(_position(pos[0], pos[1]))
    name = ds.segments[sid]["properties"].get("name", sid)
    return SetCoordinates("segments", sid, coords, f"Reshape {name}")


# -- validation -------------------------------------------------------------------------
def problems_of(ds: Dataset, table: str, rid: str) -> list[Problem]:
    """The schema problems of one record as it is now in `ds`."""
    if table == "agreements":
        return validate_agreement(ds.agreements[rid], ds, original_id=rid)
    feature = getattr(ds, table)[rid]
    validate = validate_node if table == "nodes" else validate_segment
    return validate(feature["properties"], feature.get("geometry"), ds, original_id=rid)


def _key(p: Problem) -> tuple:
    return (p.file, p.record, p.field, p.message)


def check(ds: Dataset, edit: Edit) -> list[Problem]:
    """The problems `edit` would add to the records it touches ([] = it may be applied).

    The edit is applied on trial and undone again, so `ds` is unchanged afterwards."""
    touched = sorted(r for r in edit.touched() if r[0] in TABLES)
    if ("*", "*") in edit.touched():
        from .schema import validate_dataset

        before = {_key(p) for p in validate_dataset(ds)}
        inverse = edit.apply(ds)
        try:
            return [p for p in validate_dataset(ds) if _key(p) not in before]
        finally:
            inverse.apply(ds)
    before = {_key(p) for t, rid in touched for p in problems_of(ds, t, rid)}
    inverse = edit.apply(ds)
    try:
        after = [p for t, rid in touched for p in problems_of(ds, t, rid)]
    finally:
        inverse.apply(ds)
    return [p for p in after if _key(p) not in before]


def apply_checked(ds: Dataset, edit: Edit) -> Edit:
    """Apply `edit` if the schema accepts it and return its inverse; else raise EditError
    with the problems (and change nothing)."""
    problems = check(ds, edit)
    if problems:
        raise EditError("; ".join(str(p) for p in problems), problems)
    return edit.apply(ds)
