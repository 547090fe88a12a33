"""The Route dock in the real window: places, filters, the route on the real map page,
alternatives, the comparison table and its CSV, the "as of" date."""
from __future__ import annotations

import csv
import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from atlas_testing import run_js, wait_rendered
from geodata.assumptions import load_assumptions
from geodata.network import build_graph
from geodata.routing import EXISTING_ONLY, RouteOptions, Router
from geodata.standard_routes import standard_corridors, waypoints_for

PAGE_ROUTE = """JSON.stringify({
  legs: document.querySelectorAll('.atlas-route-leg').length,
  notOperational: document.querySelectorAll('.atlas-route-leg:not(.atlas-route-status-operational)').length,
  planned: document.querySelectorAll('.atlas-route-leg.atlas-route-status-planned').length,
  rail: document.querySelectorAll('.atlas-route-leg.atlas-route-rail').length,
  road: document.querySelectorAll('.atlas-route-leg.atlas-route-road').length,
  ends: document.querySelectorAll('.atlas-route-end').length,
  bounds: atlasMap.getBounds().toBBoxString().split(',').map(Number)
})"""


def page_route(qtbot, window) -> dict:
    wait_rendered(qtbot, window)
    return run_js(qtbot, window.map, PAGE_ROUTE)


def type_into(qtbot, field, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)
    field.completer().popup().hide()


def ask(qtbot, window, origin: str, destination: str):
    """Type the two places and press Enter, as a user would."""
    panel = window.route_panel
    window.route_dock.raise_()
    type_into(qtbot, panel.origin, origin)
    type_into(qtbot, panel.destination, destination)
    QTest.keyClick(panel.destination, Qt.Key.Key_Return)
    return panel


def reference(dataset, origin, destination, opts=None, k=3, distinct="borders", as_of=None):
    router = Router(build_graph(dataset, as_of=as_of), load_assumptions())
    return router.routes(origin, destination, opts or RouteOptions(), k=k, distinct=distinct)


def inside(bounds, lon, lat) -> bool:
    west, south, east, north = bounds
    return west <= lon <= east and south <= lat <= north


def node_lonlat(dataset, nid):
    return dataset.nodes[nid]["geometry"]["coordinates"]


def test_almaty_to_karachi_port_matches_the_routing_module_and_is_drawn(window, qtbot, dataset):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    assert panel.message_text() == ""
    expected = reference(dataset, "almaty", "karachi-port")
    assert len(panel.routes) == len(expected)
    best = panel.routes[0]
    assert best.keys == expected[0].keys
    assert best.total_km == pytest.approx(expected[0].total_km)
    text = panel.details.toPlainText()
    assert f"{expected[0].total_km:,.0f} km" in text
    assert f"{expected[0].hours:,.0f} h" in text
    # crossings and transshipments in order, agreements and warnings listed
    positions = [text.index(c["name"]) for c in expected[0].border_crossings]
    assert positions == sorted(positions)
    for t in expected[0].transshipments:
        assert t["name"] in text
    for a in expected[0].agreements:
        assert a["title"] in text
    for w in expected[0].warnings:
        assert w in text
    assert "Assumptions" in text and "km/h" in text
    # the page draws one line per leg, coloured by mode, and marks both ends; the map fits the route
    drawn = page_route(qtbot, window)
    assert drawn["legs"] == len(best.legs)
    assert drawn["rail"] == sum(leg.mode == "rail" for leg in best.legs)
    assert drawn["road"] == sum(leg.mode == "road" for leg in best.legs)
    assert drawn["ends"] == 2
    for nid in best.nodes:
        assert inside(drawn["bounds"], *node_lonlat(dataset, nid)), nid
    assert "Almaty" in window.statusBar().currentMessage()


def test_existing_only_never_shows_a_planned_leg(window, qtbot, dataset):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    assert any(leg.status != "operational" for r in panel.routes for leg in r.legs), \
        "the test needs a query whose routes use a segment that is not operational"
    assert page_route(qtbot, window)["notOperational"] > 0
    panel.existing_only.setChecked(True)   # recomputes what is shown
    assert panel.routes
    for i, r in enumerate(panel.routes):
        assert all(leg.status == "operational" for leg in r.legs)
        panel.alternatives.setCurrentRow(i)
        drawn = page_route(qtbot, window)
        assert drawn["legs"] == len(r.legs) and drawn["notOperational"] == 0
    expected = reference(dataset, "almaty", "karachi-port", RouteOptions(statuses=EXISTING_ONLY))
    assert panel.routes[0].total_km == pytest.approx(expected[0].total_km)
    assert "existing (operational) segments only" in panel.details.toPlainText()


def test_an_impossible_query_says_so_in_the_panel(window, qtbot):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    assert page_route(qtbot, window)["legs"] > 0
    for mode, box in panel.mode_boxes.items():
        box.setChecked(mode == "sea")
    panel.compute()
    message = panel.message_text()
    assert "No route under these filters" in message
    assert "tick more modes" in message and "--modes" not in message
    assert panel.routes == [] and panel.table.rowCount() == 0 and panel.alternatives.count() == 0
    assert page_route(qtbot, window)["legs"] == 0
    assert QApplication.activeModalWidget() is None
    for box in panel.mode_boxes.values():
        box.setChecked(False)
    assert "tick at least one" in panel.message_text()


def test_unknown_and_ambiguous_places_are_explained(window, qtbot):
    panel = ask(qtbot, window, "Xqzvbnm", "Karachi Port")
    assert "unknown" in panel.message_text() and "Xqzvbnm" in panel.message_text()
    assert panel.routes == []
    panel = ask(qtbot, window, "Almaty", "Bandar")
    text = panel.message_text()
    assert "ambiguous" in text and "Bandar Abbas" in text and "Bandar Anzali" in text
    assert "bandar-abbas-port" in panel.message.text()      # the candidates are links
    panel.message.linkActivated.emit("destination:bandar-abbas-port")
    assert panel.routes and panel.routes[0].destination == "bandar-abbas-port"
    assert panel.destination.text() == "Bandar Abbas (Shahid Rajaee Port)"
    # a city with a port of the same name: the panel points out the port
    panel = ask(qtbot, window, "Almaty", "Karachi")
    assert panel.routes and "Karachi Port" in panel.message_text()


def test_typing_suggests_places_and_a_pick_is_kept(window, qtbot):
    panel = window.route_panel
    panel.origin.clear()
    qtbot.keyClicks(panel.origin, "alma")
    suggestions = panel.origin._model.stringList()
    assert suggestions and suggestions[0].startswith("Almaty")
    panel.origin.completer().popup().hide()
    qtbot.keyClicks(panel.destination, "gwadr")   # a typing slip
    assert panel.destination._model.stringList()[0].startswith("Gwadar Port")
    popup = panel.destination.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)         # pick the first suggestion with the keyboard
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.destination.text() == "Gwadar Port", timeout=2000)
    assert panel.destination.node_id == "gwadar-port"
    QTest.keyClick(panel.destination, Qt.Key.Key_Return)   # Enter computes
    assert panel.routes[0].origin == "almaty" and panel.routes[0].destination == "gwadar-port"


def test_alternatives_are_listed_and_selectable(window, qtbot):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    assert panel.alternatives.count() == len(panel.routes) >= 2
    view = panel.alternatives
    rect = view.visualItemRect(view.item(1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert panel.current == 1
    second = panel.routes[1]
    assert f"{second.total_km:,.0f} km" in panel.details.toPlainText()
    assert page_route(qtbot, window)["legs"] == len(second.legs)
    panel.tabs.setCurrentIndex(1)
    panel.table.selectRow(0)
    assert panel.current == 0 and panel.alternatives.currentRow() == 0
    assert page_route(qtbot, window)["legs"] == len(panel.routes[0].legs)


def test_csv_export_has_one_row_per_route(window, qtbot, tmp_path):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    out = panel.export_csv(tmp_path / "routes.csv")
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(panel.routes) == panel.table.rowCount()
    assert [r["label"] for r in rows] == [r.label for r in panel.routes]
    assert float(rows[0]["total_km"]) == pytest.approx(panel.routes[0].total_km, abs=0.05)


def test_standard_corridors_compared_in_one_table(window, qtbot, dataset, tmp_path):
    panel = window.route_panel
    panel.clear()
    panel.origin.clear()
    panel.destination.clear()
    QTest.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    assert panel.origin.text() == "Almaty" and panel.destination.text() == "Karachi Port"
    corridors = standard_corridors(dataset)
    assert [r.label for r in panel.routes] == [c.name for c in corridors]
    assert panel.table.rowCount() == len(corridors)
    names = {panel.table.item(i, 0).text() for i in range(panel.table.rowCount())}
    assert "Trans-Afghan route via Uzbekistan" in names
    for corridor, route in zip(corridors, panel.routes):   # each crosses borders where its corridor does
        crossings = [n for n in waypoints_for(dataset, corridor, "almaty", "karachi-port")
                     if dataset.nodes[n]["properties"]["kind"] == "border_crossing"]
        assert [c["node"] for c in route.border_crossings if c["node"]] == crossings
    trans_afghan = next(r for r in panel.routes if r.label.startswith("Trans-Afghan"))
    assert {"hairatan-termez", "torkham"} <= {c["node"] for c in trans_afghan.border_crossings}
    out = panel.export_csv(tmp_path / "corridors.csv")
    with open(out, newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(corridors)
    # under a filter some corridors cannot be followed: the panel names them and why
    panel.mode_boxes["road"].setChecked(False)
    assert 0 < len(panel.routes) < len(corridors)
    assert "Not possible under these filters" in panel.message_text()
    assert "Karakoram" in panel.message_text()


def test_as_of_date_recomputes_with_the_network_at_that_date(window, qtbot, dataset):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    for mode, box in panel.mode_boxes.items():
        box.setChecked(mode == "rail")
    panel.existing_only.setChecked(True)
    assert panel.routes, panel.message_text()
    opened = {leg.id: int(leg.opened) for leg in panel.routes[0].legs if leg.opened}
    latest = max(opened.values())
    assert latest > 1990, "the test needs a rail route through a recently opened segment"
    # before that segment opened, no rail route existed: the panel says so and the map is cleared
    panel.year_spin.setValue(latest - 1)
    panel.as_of_box.setChecked(True)
    assert panel.routes == []
    assert "No route under these filters" in panel.message_text()
    assert "including planned" in panel.message_text()
    assert page_route(qtbot, window)["legs"] == 0
    # including planned, the route is found again, its newer legs counted as not yet built
    panel.with_planned.setChecked(True)
    assert panel.routes
    r = panel.routes[0]
    assert r.km_by_status.get("planned", 0) > 0
    assert all(leg.status == "planned" for leg in r.legs if leg.opened and int(leg.opened) > latest - 1)
    assert page_route(qtbot, window)["planned"] == sum(leg.status == "planned" for leg in r.legs) > 0
    assert f"as of {latest - 1}" in panel.details.toPlainText()
    # from the year it opened, the existing-only route is back
    panel.existing_only.setChecked(True)
    panel.year_spin.setValue(latest)
    assert panel.routes and all(leg.status == "operational" for leg in panel.routes[0].legs)
    expected = reference(dataset, "almaty", "karachi-port", RouteOptions(modes={"rail"}, statuses=EXISTING_ONLY),
                         as_of=latest)
    assert panel.routes[0].total_km == pytest.approx(expected[0].total_km)
    panel.as_of_box.setChecked(False)
    assert "network as recorded" in panel.details.toPlainText()


def test_swap_and_clear(window, qtbot):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    there = panel.routes[0].total_km
    QTest.mouseClick(panel.swap_button, Qt.MouseButton.LeftButton)
    assert panel.origin.text() == "Karachi Port" and panel.destination.text() == "Almaty"
    panel.compute()
    assert panel.routes[0].origin == "karachi-port"
    assert panel.routes[0].total_km == pytest.approx(there)
    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.routes == [] and panel.table.rowCount() == 0
    assert page_route(qtbot, window)["legs"] == 0


def test_values_from_data_are_escaped(window, qtbot):
    panel = ask(qtbot, window, "Almaty", "Karachi Port")
    r = dataclasses.replace(panel.routes[0], label="<i>label</i>", warnings=["<b>warning</b> & co"],
                            node_names={**panel.routes[0].node_names, "almaty": "<script>x</script>"})
    html = panel.route_html(r)
    assert "<i>label</i>" not in html and "&lt;i&gt;label&lt;/i&gt;" in html
    assert "<b>warning</b>" not in html and "&lt;b&gt;warning&lt;/b&gt; &amp; co" in html
    assert "<script>" not in html


def test_ctrl_r_opens_the_route_panel_tabbed_with_selection(window, qtbot):
    selection = window.findChild(type(window.route_dock), "selectionDock")
    assert window.route_dock in window.tabifiedDockWidgets(selection)
    assert window.route_dock.visibleRegion().isEmpty()    # Selection stays in front until asked
    assert not selection.visibleRegion().isEmpty()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.route_dock.visibleRegion().isEmpty(), timeout=2000)
    assert selection.visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: window.route_panel.origin.hasFocus(), timeout=2000)
    # selecting a feature brings the Selection tab back to the front
    window.show_selection("seaports", "karachi-port")
    qtbot.waitUntil(lambda: not selection.visibleRegion().isEmpty(), timeout=2000)


def test_an_edit_to_the_network_recomputes_the_route(qtbot, tmp_path, monkeypatch):
    import shutil

    from atlas_testing import open_window
    from geodata import BUILTIN_DATA
    from geodata.dataset import Dataset
    from geodata.editing import set_properties

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    shutil.copytree(BUILTIN_DATA, tmp_path / "data")
    w = open_window(qtbot, Dataset.load(tmp_path / "data"), tmp_path / "settings.ini")
    try:
        panel = ask(qtbot, w, "Almaty", "Karachi Port")
        panel.existing_only.setChecked(True)
        before = panel.routes[0]
        leg = max(before.legs, key=lambda leg: leg.km)
        assert not w.editor.apply_edit(set_properties(w.dataset, "segments", leg.id, {"status": "planned"}))
        after = panel.routes[0]
        assert leg.id not in after.keys and after.total_km != pytest.approx(before.total_km)
        assert page_route(qtbot, w)["legs"] == len(after.legs)
        w.editor.stack.undo()
        assert panel.routes[0].keys == before.keys
    finally:
        w.editor.stack.setClean()
        w.close()
