"""Editing in the real window: the form, dragging on the map, undo/redo, save, recovery.

Every test works on a copy of the built-in data in tmp_path (and a private user data
folder), so the built-in files are never touched; one test checks that explicitly."""
import hashlib
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from atlas_testing import open_window, run_js, wait_rendered
from geodata import BUILTIN_DATA, workspace
from geodata.dataset import FILES, Dataset
from geodata.editing import connected_segments
from geodata.measure import distance_km
from geodata.search import NODE_LAYERS
from gui.map_bridge import PageEventError, parse_event


def hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return workspace.user_data_root()


@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(BUILTIN_DATA, dest)
    return dest


@pytest.fixture
def ewin(qtbot, data_copy, user_home, tmp_path):
    w = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    yield w
    w.close()


def _operational_rail(ds):
    rail = [s for s, f in ds.segments.items() if f["properties"]["mode"] == "rail" and f["properties"]["status"] == "operational"]
    return max(rail, key=lambda s: ds.segment_km[s])


def _dash(qtbot, w, layer, sid):
    """The stroke-dasharray the page drew for a segment in a layer (None: solid, 'absent': not there)."""
    return run_js(qtbot, w.map, f"""(function () {{
        const e = atlasLayers.index[{layer!r} + "/" + {sid!r}];
        if (!e) return JSON.stringify("absent");
        return JSON.stringify(e.visible.getLayers()[0].getElement().getAttribute("stroke-dasharray"));
    }})()""")


def _apply_and_draw(qtbot, w, action):
    with qtbot.waitSignal(w.drawn, timeout=10000):
        action()
    wait_rendered(qtbot, w)


def test_edit_a_segment_status_in_the_form_then_undo_and_redo(ewin, qtbot):
    w, ds = ewin, ewin.dataset
    sid = _operational_rail(ds)
    w.show_selection("railways", sid, fit=True)
    assert _dash(qtbot, w, "railways", sid) is None
    n_rail = w.last_counts["railways"]
    form = w.editor.edit_selected()
    assert form is not None and form.isVisible() and form.fields["status"].get() == "operational"
    form.set_value("status", "planned")
    form.set_value("status_date", "2026-02")
    form.set_value("note", "Downgraded after the March meeting <b>not bold</b>")
    assert form.problems == []
    _apply_and_draw(qtbot, w, form.accept)
    assert not form.isVisible()
    p = ds.segments[sid]["properties"]
    assert (p["status"], p["status_date"]) == ("planned", "2026-02")
    assert w.editor.stack.count() == 1 and w.isWindowModified()
    # the side panel, the map style and the layer it is drawn in all follow
    text = w.feature_panel.toPlainText()
    assert "planned" in text and "as of 2026-02" in text and "<b>not bold</b>" in text
    assert w.selection == [{"layer": "railways_planned", "id": sid}]
    assert _dash(qtbot, w, "railways_planned", sid) == "2 6"
    assert _dash(qtbot, w, "railways", sid) == "absent"
    assert w.last_counts["railways"] == n_rail - 1
    # undo restores everything, redo re-applies it
    _apply_and_draw(qtbot, w, w.editor.act_undo.trigger)
    assert ds.segments[sid]["properties"]["status"] == "operational"
    assert "status_date" in ds.segments[sid]["properties"] and ds.segments[sid]["properties"]["status_date"] != "2026-02"
    assert _dash(qtbot, w, "railways", sid) is None and _dash(qtbot, w, "railways_planned", sid) == "absent"
    assert "operational" in w.feature_panel.toPlainText() and not w.isWindowModified()
    _apply_and_draw(qtbot, w, w.editor.act_redo.trigger)
    assert ds.segments[sid]["properties"]["status"] == "planned"
    assert _dash(qtbot, w, "railways_planned", sid) == "2 6"
    assert w.isWindowModified()


def test_invalid_values_are_refused_with_the_reason_and_nothing_changes(ewin, qtbot):
    w, ds = ewin, ewin.dataset
    sid = _operational_rail(ds)
    w.show_selection("railways", sid, fit=False)
    before = Dataset.load(ds.folder).segments[sid]
    form = w.editor.edit_selected()
    form.set_value("status_date", "2025-13-45")
    assert "not a real calendar date" in form.error_text("status_date")
    assert form.fields["status_date"].error.isVisible()
    assert not form.buttons.button(form.buttons.StandardButton.Ok).isEnabled()
    form.accept()                       # refused: stays open, nothing applied
    assert form.isVisible() and w.editor.stack.count() == 0
    assert "1 problem" in form.summary.text()
    form.set_value("status_date", "2025-11")
    agreements = list(ds.segments[sid]["properties"].get("agreements") or [])
    form.set_value("agreements", agreements + ["no-such-agreement"])
    assert "'no-such-agreement' is not an agreement id" in form.error_text("agreements")
    assert form.error_text("status_date") == ""
    form.accept()
    assert form.isVisible() and w.editor.stack.count() == 0
    assert ds.segments[sid] == before
    form.reject()
    # the same rules for a scripted edit
    from geodata.editing import set_properties

    problems = w.editor.apply_edit(set_properties(ds, "segments", sid, {"gauge_mm": 1000}))
    assert problems and "not a known gauge" in problems[0].message
    assert "not a known gauge" in w.statusBar().currentMessage()
    assert ds.segments[sid] == before and w.editor.stack.count() == 0


def test_edit_an_agreement(ewin, qtbot):
    w, ds = ewin, ewin.dataset
    aid = next(a for a, rec in ds.agreements.items() if rec["status"] != "in_force")
    from geodata.search import Hit

    w.go_to(Hit(label="", kind="agreement", target=f"agreement/{aid}", score=100))
    form = w.editor.edit_selected()
    assert form.table == "agreements"
    form.set_value("parties", ["KZ", "PAK"])
    assert "'KZ' is not an ISO 3166-1 alpha-3 country code" in form.error_text("parties")
    form.set_value("parties", ["KAZ", "PAK", "UZB"])
    form.set_value("dates.in_force", "2026-01-01")
    form.set_value("status", "in_force")
    form.accept()
    rec = ds.agreements[aid]
    assert rec["status"] == "in_force" and rec["dates"]["in_force"] == "2026-01-01" and rec["parties"] == ["KAZ", "PAK", "UZB"]
    assert "in force" in w.feature_panel.toPlainText()
    w.editor.stack.undo()
    assert ds.agreements[aid] == Dataset.load(ds.folder).agreements[aid]


def test_double_click_on_the_side_panel_opens_the_form(ewin, qtbot):
    w = ewin
    nid = next(n for n, f in w.dataset.nodes.items() if f["properties"]["kind"] == "seaport")
    w.show_selection("seaports", nid, fit=False)
    QTest.mouseDClick(w.feature_panel.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 40))
    assert w.editor.form is not None and w.editor.form.table == "nodes" and w.editor.form.id == nid
    w.editor.form.reject()


def _drag(qtbot, w, start, end, steps=8):
    """A real mouse drag on the page: press, several moves, release."""
    target = w.map.focusProxy()
    x0, y0 = round(start[0]), round(start[1])
    x1, y1 = round(end[0]), round(end[1])
    QTest.mouseMove(target, QPoint(x0, y0))
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x0, y0))
    for i in range(1, steps + 1):
        QTest.mouseMove(target, QPoint(x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps), 20)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x1, y1), 20)


def test_drag_a_node_with_the_mouse_moves_its_segment_ends_and_undo_moves_back(ewin, qtbot):
    w, ds = ewin, ewin.dataset
    nid = max((n for n, f in ds.nodes.items() if f["properties"]["kind"] in ("junction", "city")),
              key=lambda n: len(connected_segments(ds, n)))
    attached = connected_segments(ds, nid)
    layer = NODE_LAYERS[ds.nodes[nid]["properties"]["kind"]]
    lon0, lat0 = ds.node_coords(nid)
    km0 = {sid: ds.segment_km[sid] for sid, _, _ in attached}
    w.editor.set_edit_mode(True)
    w.show_selection(layer, nid, fit=True)
    wait_rendered(qtbot, w)
    handles = run_js(qtbot, w.map, "JSON.stringify(atlasEditing.handles())")
    assert [h["kind"] for h in handles] == ["node"]
    start = (handles[0]["x"], handles[0]["y"])
    end = (start[0] + 60, start[1] + 35)
    with qtbot.waitSignal(w.editor.changed, timeout=10000):
        _drag(qtbot, w, start, end)
    want = run_js(qtbot, w.map, f"JSON.stringify(atlasMap.containerPointToLatLng([{round(end[0])}, {round(end[1])}]))")
    lon, lat = ds.node_coords(nid)
    assert distance_km((lon, lat), (want["lng"], want["lat"])) < 0.5  # where the mouse let go (zoom 8: ~0.6 km/px)
    assert distance_km((lon, lat), (lon0, lat0)) > 5
    for sid, starts, ends in attached:
        coords = ds.segments[sid]["geometry"]["coordinates"]
        assert distance_km(coords[0] if starts else coords[-1], (lon, lat)) < 2.0
        assert abs(ds.segment_km[sid] - km0[sid]) > 0.5
    wait_rendered(qtbot, w)
    # the side panel shows the new lengths, the page the new position
    sid = attached[0][0]
    assert f"{ds.segment_km[sid]:,.0f} km" in w.feature_panel.toPlainText()
    page = run_js(qtbot, w.map, f"JSON.stringify(atlasLayers.index[{layer!r} + '/' + {nid!r}].latlng)")
    assert abs(page["lat"] - lat) < 1e-9 and abs(page["lng"] - lon) < 1e-9
    handles = run_js(qtbot, w.map, "JSON.stringify(atlasEditing.handles())")
    assert abs(handles[0]["x"] - end[0]) < 2 and abs(handles[0]["y"] - end[1]) < 2
    # undo moves it back, exactly
    w.editor.act_undo.trigger()
    assert ds.node_coords(nid) == (lon0, lat0)
    assert {s: ds.segment_km[s] for s in km0} == km0
    wait_rendered(qtbot, w)
    page = run_js(qtbot, w.map, f"JSON.stringify(atlasLayers.index[{layer!r} + '/' + {nid!r}].latlng)")
    assert (page["lng"], page["lat"]) == (lon0, lat0)
    assert not w.map.bridge.page_errors and not [m for m in w.map.page().console if "Error" in m]


def test_drag_a_segment_midpoint_adds_a_vertex_and_an_end_too_far_is_refused(ewin, qtbot):
    w, ds = ewin, ewin.dataset
    sid = _operational_rail(ds)
    n0 = len(ds.segments[sid]["geometry"]["coordinates"])
    km0 = ds.segment_km[sid]
    w.editor.set_edit_mode(True)
    w.show_selection("railways", sid, fit=True)
    wait_rendered(qtbot, w)
    handles = run_js(qtbot, w.map, "JSON.stringify(atlasEditing.handles())")
    assert sum(h["kind"] == "vertex" for h in handles) == n0 and sum(h["kind"] == "mid" for h in handles) == n0 - 1
    mid = max((h for h in handles if h["kind"] == "mid"), key=lambda h: h["y"])  # any; the lowest is clear of the toolbar
    with qtbot.waitSignal(w.editor.changed, timeout=10000):
        _drag(qtbot, w, (mid["x"], mid["y"]), (mid["x"] + 40, mid["y"] - 40))
    assert len(ds.segments[sid]["geometry"]["coordinates"]) == n0 + 1
    assert ds.segment_km[sid] > km0
    # an end vertex dragged far from its node: refused with the schema's reason, the handles go back
    wait_rendered(qtbot, w)
    handles = run_js(qtbot, w.map, "JSON.stringify(atlasEditing.handles())")
    assert sum(h["kind"] == "vertex" for h in handles) == n0 + 1
    first = ds.segments[sid]["geometry"]["coordinates"][0]
    p = run_js(qtbot, w.map, f"JSON.stringify(atlasMap.latLngToContainerPoint([{first[1]}, {first[0]}]))")
    size = w.map.size()
    dest = (p["x"] - 120 if p["x"] > 200 else p["x"] + 120, p["y"])
    assert 0 < dest[0] < size.width() and 0 < p["y"] < size.height()
    coords_before = [list(c) for c in ds.segments[sid]["geometry"]["coordinates"]]
    _drag(qtbot, w, (p["x"], p["y"]), dest)
    qtbot.waitUntil(lambda: "km from node" in w.statusBar().currentMessage(), timeout=10000)
    assert ds.segments[sid]["geometry"]["coordinates"] == coords_before and w.editor.stack.count() == 1
    wait_rendered(qtbot, w)
    back = run_js(qtbot, w.map, "JSON.stringify(atlasEditing.handles())")
    assert any(abs(h["x"] - p["x"]) < 2 and abs(h["y"] - p["y"]) < 2 for h in back)
    assert not w.map.bridge.page_errors and not [m for m in w.map.page().console if "Error" in m]


def test_save_writes_the_opened_folder_with_backups_and_reload_gives_the_edits(ewin, qtbot, data_copy):
    w, ds = ewin, ewin.dataset
    builtin = hashes(BUILTIN_DATA)
    old = hashes(data_copy)
    sid = _operational_rail(ds)
    nid = ds.segments[sid]["properties"]["from"]
    lon, lat = ds.node_coords(nid)
    from geodata.editing import move_node, set_properties

    assert w.editor.apply_edit(set_properties(ds, "segments", sid, {"status": "under_construction", "status_date": "2026"})) == []
    assert w.editor.apply_edit(move_node(ds, nid, lon + 0.01, lat)) == []
    assert w.isWindowModified()
    assert w.editor.save() == data_copy
    assert not w.isWindowModified() and w.editor.stack.isClean()
    new = hashes(data_copy)
    assert new["segments.geojson"] != old["segments.geojson"] and new["nodes.geojson"] != old["nodes.geojson"]
    for name in FILES:
        assert new[name + ".bak"] == old[name]
    again = Dataset.load(data_copy)
    assert again.segments[sid]["properties"]["status"] == "under_construction"
    assert again.node_coords(nid) == (round(lon + 0.01, 6), lat)
    assert hashes(BUILTIN_DATA) == builtin
    # undo after a save makes the window modified again
    w.editor.stack.undo()
    assert w.isWindowModified()


def test_a_window_on_the_builtin_data_saves_to_the_working_copy(qtbot, tmp_path, user_home):
    builtin = hashes(BUILTIN_DATA)
    w = open_window(qtbot, Dataset.load(), tmp_path / "settings.ini")   # its own copy in memory
    try:
        ds = w.dataset
        sid = _operational_rail(ds)
        from geodata.editing import set_properties

        assert w.editor.apply_edit(set_properties(ds, "segments", sid, {"note": "our delegation's view"})) == []
        folder = w.editor.save()
        assert folder == workspace.working_copy_folder() and folder.parent == user_home
        assert Dataset.load(folder).segments[sid]["properties"]["note"] == "our delegation's view"
        assert (folder / "views.json").exists() and w.views_panel.path == folder / "views.json"
        assert hashes(BUILTIN_DATA) == builtin
    finally:
        w.close()


def test_autosave_close_and_restore_after_a_crash(qtbot, tmp_path, data_copy, user_home):
    from geodata.editing import set_properties

    w = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    ds = w.dataset
    sid = _operational_rail(ds)
    assert w.editor.autosave() is None                         # nothing unsaved, nothing written
    assert w.editor.apply_edit(set_properties(ds, "segments", sid, {"status": "proposed"})) == []
    path = w.editor.autosave()
    assert path == workspace.recovery_path(data_copy) and path.exists()
    # closing with unsaved changes (no prompts in tests): kept in the recovery file, nothing saved
    before = hashes(data_copy)
    w.close()
    assert path.exists() and hashes(data_copy) == before
    # the next start finds the recovery file newer than the dataset and offers it
    w2 = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    try:
        assert w2.editor.recovery_file == path
        assert w2.dataset.segments[sid]["properties"]["status"] == "operational"
        with qtbot.waitSignal(w2.drawn, timeout=10000):
            assert w2.editor.restore_recovery()
        assert w2.dataset.segments[sid]["properties"]["status"] == "proposed" and w2.isWindowModified()
        wait_rendered(qtbot, w2)
        assert _dash(qtbot, w2, "railways_planned", sid) == "1 7"
        w2.editor.save()
        assert not path.exists() and Dataset.load(data_copy).segments[sid]["properties"]["status"] == "proposed"
    finally:
        w2.close()
    w3 = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    assert w3.editor.recovery_file is None
    w3.close()


def test_recovery_not_restored_yet_is_kept_when_the_new_session_autosaves(qtbot, tmp_path, data_copy, user_home):
    from geodata.editing import set_properties

    w = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    sid = _operational_rail(w.dataset)
    w.editor.apply_edit(set_properties(w.dataset, "segments", sid, {"note": "first session"}))
    w.close()                                                   # recovery written (no prompts)
    w2 = open_window(qtbot, Dataset.load(data_copy), tmp_path / "settings.ini")
    try:
        assert w2.editor.recovery_file is not None              # offered, not restored ("Later")
        w2.editor.apply_edit(set_properties(w2.dataset, "segments", sid, {"status": "planned"}))
        w2.editor.autosave()
        older = w2.editor.recovery_file
        assert older.name.endswith(".older.json") and older.exists()
        assert workspace.recovery_path(data_copy).exists()
        assert w2.editor.restore_recovery()
        assert w2.dataset.segments[sid]["properties"]["note"] == "first session"
        assert w2.dataset.segments[sid]["properties"]["status"] == "operational"
        w2.editor.stack.undo()                                  # the restore is one undo step
        assert w2.dataset.segments[sid]["properties"]["status"] == "planned"
        w2.editor.save()
        assert not older.exists() and not workspace.recovery_path(data_copy).exists()
    finally:
        w2.close()


@pytest.mark.parametrize("event", [
    {"type": "editMoveNode", "id": 5, "lon": 1, "lat": 2},
    {"type": "editMoveNode", "id": "a", "lon": 181, "lat": 2},
    {"type": "editMoveNode", "id": "a", "lon": 1, "lat": -91},
    {"type": "editMoveNode", "id": "a", "lon": "1", "lat": 2},
    {"type": "editReshape", "id": "a", "coordinates": [[1, 2]]},
    {"type": "editReshape", "id": "a", "coordinates": [[1, 2], [1, 95]]},
    {"type": "editReshape", "id": "a", "coordinates": [[1, 2], [1, True]]},
    {"type": "editReshape", "id": "a", "coordinates": [[1, 2], [1, 2, 3]]},
    {"type": "editReshape", "id": "a", "coordinates": "[[1, 2], [3, 4]]"},
])
def test_bridge_refuses_malformed_edit_events(event):
    import json

    with pytest.raises(PageEventError):
        parse_event(json.dumps(event))
    assert parse_event(json.dumps({"type": "editMoveNode", "id": "a", "lon": 66.5, "lat": 30.1}))["lon"] == 66.5
    assert parse_event(json.dumps({"type": "editReshape", "id": "a", "coordinates": [[66, 30], [67, 31.5]]}))


def test_open_dataset_folder_opens_it_in_a_new_window_and_keeps_unsaved_edits_for_recovery(ewin, qtbot, tmp_path, data_copy):
    from geodata.editing import set_properties
    from geodata.saving import save_dataset

    other = tmp_path / "other"
    shutil.copytree(BUILTIN_DATA, other)
    ds_other = Dataset.load(other)
    sid = _operational_rail(ds_other)
    set_properties(ds_other, "segments", sid, {"note": "the other folder"}).apply(ds_other)
    save_dataset(ds_other)
    w = ewin
    assert w.editor.open_folder(tmp_path / "missing") is None
    assert "Cannot open" in w.statusBar().currentMessage() and w.isVisible()
    assert w.editor.apply_edit(set_properties(w.dataset, "segments", sid, {"note": "unsaved here"})) == []
    new = w.editor.open_folder(other)
    qtbot.addWidget(new)
    try:
        qtbot.waitUntil(lambda: bool(new.last_counts), timeout=30000)
        assert not w.isVisible()
        assert new.dataset.folder == other and new.editor.folder == other
        assert new.dataset.segments[sid]["properties"]["note"] == "the other folder"
        assert workspace.recovery_path(data_copy).exists()    # the first window's unsaved edit, kept
        assert Dataset.load(data_copy).segments[sid]["properties"]["note"] != "unsaved here"
    finally:
        new.close()


def test_edit_menu_and_toolbar(ewin):
    w = ewin
    menus = {a.text().replace("&", ""): a.menu() for a in w.menuBar().actions() if a.menu()}
    assert list(menus)[:3] == ["File", "Edit", "View"]
    edit_texts = [a.text() for a in menus["Edit"].actions() if a.text()]
    assert edit_texts[:2] == ["&Undo", "&Redo"] and "Edit…" in edit_texts and "Edit map" in edit_texts
    assert w.editor.act_undo.shortcut().toString() == "Ctrl+Z"
    assert w.editor.act_redo.shortcut().toString() == "Ctrl+Shift+Z"
    file_texts = [a.text() for a in menus["File"].actions()]
    assert "&Save" in file_texts and "Open dataset folder…" in file_texts
    assert w.editor.act_save.shortcut().toString() == "Ctrl+S"
    assert not w.editor.bar_undo.isEnabled()
    from geodata.editing import set_properties

    sid = _operational_rail(w.dataset)
    w.editor.apply_edit(set_properties(w.dataset, "segments", sid, {"note": "x"}))
    assert w.editor.bar_undo.isEnabled() and "Undo: Edit segment" in w.editor.bar_undo.toolTip()
    assert w.windowTitle().endswith("[*]") and w.isWindowModified()
