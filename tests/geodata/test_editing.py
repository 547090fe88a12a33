"""Edits to a dataset in memory: each returns its exact inverse; the schema refuses bad ones."""
import copy

import pytest

from geodata.dataset import Dataset
from geodata.editing import (
    DELETE, Batch, EditError, ReplaceDataset, apply_checked, check, connected_segments, move_node, reshape_segment,
    set_properties,
)
from geodata.measure import distance_km
from geodata.saving import dataset_files, render_all


@pytest.fixture
def ds():
    return Dataset.load()  # its own copy in memory: the built-in files are only read


def _rail(ds, status="operational"):
    return next(s for s, f in ds.segments.items() if f["properties"]["mode"] == "rail" and f["properties"]["status"] == status)


def test_set_properties_and_its_inverse_restore_the_files_byte_for_byte(ds):
    before = render_all(ds)
    sid = _rail(ds)
    edit = set_properties(ds, "segments", sid, {"status": "planned", "status_date": "2026-02", "note": "after the meeting",
                                                "opened": DELETE})
    assert set(edit.values) >= {"status", "status_date", "note"}
    inverse = edit.apply(ds)
    p = ds.segments[sid]["properties"]
    assert (p["status"], p["status_date"], p["note"]) == ("planned", "2026-02", "after the meeting")
    assert "opened" not in p
    redo = inverse.apply(ds)
    assert render_all(ds) == before
    redo.apply(ds)
    assert ds.segments[sid]["properties"]["status"] == "planned"


def test_only_changed_values_are_recorded(ds):
    sid = _rail(ds)
    p = ds.segments[sid]["properties"]
    edit = set_properties(ds, "segments", sid, {"status": p["status"], "name": p["name"], "note": "new"})
    assert edit.values == {"note": "new"}


def test_agreement_properties(ds):
    aid = next(iter(ds.agreements))
    inverse = set_properties(ds, "agreements", aid, {"status": "in_force", "dates": {"signed": "2025-05-07", "in_force": "2026-01",
                                                                                     "expected": None}}).apply(ds)
    assert ds.agreements[aid]["status"] == "in_force" and ds.agreements[aid]["dates"]["in_force"] == "2026-01"
    inverse.apply(ds)
    assert ds.agreements[aid] == Dataset.load().agreements[aid]


def test_ids_cannot_change_and_unknown_records_are_refused(ds):
    sid = _rail(ds)
    with pytest.raises(EditError):
        set_properties(ds, "segments", sid, {"id": "other"}).apply(ds)
    with pytest.raises(EditError):
        set_properties(ds, "segments", "no-such-segment", {"note": "x"})
    with pytest.raises(EditError):
        set_properties(ds, "corridors", next(iter(ds.corridors)), {"name": "x"})


@pytest.mark.parametrize("values, field, words", [
    ({"status_date": "2025-13-45"}, "status_date", "not a real calendar date"),
    ({"status": "finished"}, "status", "not a known status"),
    ({"agreements": ["no-such-agreement"]}, "agreements", "not an agreement id"),
    ({"sources": []}, "sources", "must not be empty"),
    ({"gauge_mm": 1000}, "gauge_mm", "not a known gauge"),
    ({"confidence": "certain"}, "confidence", "confidence"),
])
def test_schema_refuses_bad_segment_values_and_nothing_changes(ds, values, field, words):
    sid = _rail(ds)
    before = copy.deepcopy(ds.segments[sid])
    edit = set_properties(ds, "segments", sid, values)
    problems = check(ds, edit)
    assert problems and problems[0].field == field and words in problems[0].message, problems
    assert ds.segments[sid] == before  # the trial was undone
    with pytest.raises(EditError) as err:
        apply_checked(ds, edit)
    assert err.value.problems == problems
    assert ds.segments[sid] == before


def test_schema_refuses_bad_agreement_dates(ds):
    aid = next(iter(ds.agreements))
    dates = dict(ds.agreements[aid]["dates"], signed="2025-02-30")
    problems = check(ds, set_properties(ds, "agreements", aid, {"dates": dates, "parties": ["KZ"]}))
    fields = {p.field for p in problems}
    assert fields == {"dates.signed", "parties"}, problems


def test_an_imperfect_record_can_still_be_edited(ds):
    sid = _rail(ds)
    ds.segments[sid]["properties"]["confidence"] = "certain"   # already wrong before the edit
    assert check(ds, set_properties(ds, "segments", sid, {"note": "fine"})) == []


def test_move_node_moves_attached_segment_ends_and_undo_moves_back(ds):
    nid = max(ds.nodes, key=lambda n: len(connected_segments(ds, n)))
    attached = connected_segments(ds, nid)
    assert len(attached) >= 2
    lon, lat = ds.node_coords(nid)
    km_before = {sid: ds.segment_km[sid] for sid, _, _ in attached}
    files_before = render_all(ds)
    edit = move_node(ds, nid, lon + 0.01, lat + 0.005)
    assert isinstance(edit, Batch) and len(edit.edits) == 1 + len(attached)
    assert check(ds, edit) == []
    inverse = apply_checked(ds, edit)
    assert ds.node_coords(nid) == (round(lon + 0.01, 6), round(lat + 0.005, 6))
    for sid, starts, ends in attached:
        coords = ds.segments[sid]["geometry"]["coordinates"]
        end = coords[0] if starts else coords[-1]
        assert distance_km(end, ds.node_coords(nid)) < 2.0
        assert ds.segment_km[sid] != km_before[sid]  # the cache was invalidated
    inverse.apply(ds)
    assert render_all(ds) == files_before
    assert {sid: ds.segment_km[sid] for sid, _, _ in attached} == km_before


def test_moving_a_node_far_away_is_fine_for_its_segments_but_reshaping_an_end_is_not(ds):
    sid = _rail(ds)
    coords = copy.deepcopy(ds.segments[sid]["geometry"]["coordinates"])
    coords[0] = [coords[0][0] + 0.5, coords[0][1]]     # ~45 km from its 'from' node
    problems = check(ds, reshape_segment(ds, sid, coords))
    assert problems and problems[0].field == "from" and "km from node" in problems[0].message


def test_reshape_segment_adds_a_vertex_and_changes_the_length(ds):
    sid = _rail(ds)
    coords = ds.segments[sid]["geometry"]["coordinates"]
    a, b = coords[0], coords[1]
    bent = [coords[0], [(a[0] + b[0]) / 2 + 0.2, (a[1] + b[1]) / 2 + 0.2]] + coords[1:]
    km = ds.segment_km[sid]
    inverse = apply_checked(ds, reshape_segment(ds, sid, bent))
    assert len(ds.segments[sid]["geometry"]["coordinates"]) == len(coords) + 1
    assert ds.segment_km[sid] > km
    inverse.apply(ds)
    assert ds.segment_km[sid] == km


@pytest.mark.parametrize("coords", [[[0, 0]], [[0, 0], [float("nan"), 1]], [[0, 0], [200, 1]], [[0, 0], "x"], "line"])
def test_reshape_refuses_malformed_coordinates(ds, coords):
    with pytest.raises(EditError):
        reshape_segment(ds, _rail(ds), coords)


def test_move_node_refuses_out_of_range(ds):
    with pytest.raises(EditError):
        move_node(ds, next(iter(ds.nodes)), 0, 95)


def test_replace_dataset_and_back(ds):
    other = Dataset.load()
    sid = _rail(other)
    other.segments[sid]["properties"]["status"] = "proposed"
    before = render_all(ds)
    inverse = ReplaceDataset(copy.deepcopy(dataset_files(other))).apply(ds)
    assert ds.segments[sid]["properties"]["status"] == "proposed"
    inverse.apply(ds)
    assert render_all(ds) == before


def test_a_failing_batch_changes_nothing(ds):
    sid = _rail(ds)
    before = render_all(ds)
    good = set_properties(ds, "segments", sid, {"note": "x"})
    bad = set_properties(ds, "segments", sid, {"note": "y"})
    object.__setattr__(bad, "id", "no-such-segment")
    with pytest.raises(EditError):
        Batch((good, bad)).apply(ds)
    assert render_all(ds) == before
