"""The real window with the real Leaflet page: what is drawn, toggling, clicking, search."""
from collections import Counter

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from atlas_testing import run_js, wait_rendered
from layers.catalog import build_layers


def expected_counts(dataset):
    """Features per layer the page should show: every feature of a visible layer, none of a hidden one."""
    return {layer.id: len(layer.features) if layer.visible else 0
            for layer in build_layers(dataset) if layer.kind != "basemap"}


def test_page_draws_every_feature_of_every_layer(window, dataset):
    expected = expected_counts(dataset)
    assert window.last_counts == expected
    assert expected["railways"] == sum(1 for f in dataset.segments.values() if f["properties"]["mode"] == "rail"
                                       and f["properties"]["status"] in ("operational", "under_construction"))
    assert expected["seaports"] == sum(1 for f in dataset.nodes.values() if f["properties"]["kind"] == "seaport")
    assert expected["border_crossings"] > 0 and expected["roads"] > 0 and expected["sea"] > 0


def test_toggling_a_layer_removes_and_restores_its_features(window, qtbot, dataset):
    n = expected_counts(dataset)["railways"]
    with qtbot.waitSignal(window.drawn, timeout=10000) as blocker:
        window.layer_list.set_visible("railways", False)
    assert blocker.args[0]["railways"] == 0
    assert run_js(qtbot, window.map, "JSON.stringify(document.querySelectorAll('.atlas-layer-railways').length)") == 0
    with qtbot.waitSignal(window.drawn, timeout=10000) as blocker:
        window.layer_panel.items["railways"].setCheckState(0, Qt.CheckState.Checked)
    assert blocker.args[0]["railways"] == n


def _click_segment(qtbot, window, dataset, sid):
    from shapely.geometry import shape

    mid = shape(dataset.segments[sid]["geometry"]).interpolate(0.5, normalized=True)
    lon, lat = mid.x, mid.y
    # Centre the map on a vertex in the middle of the segment, then click that pixel for real.
    window.map.bridge.send("setView", center=[lat, lon], zoom=8)
    wait_rendered(qtbot, window)
    p = run_js(qtbot, window.map, f"JSON.stringify(atlasMap.latLngToContainerPoint([{lat}, {lon}]))")
    target = window.map.focusProxy()
    with qtbot.waitSignal(window.selected, timeout=10000) as blocker:
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(round(p["x"]), round(p["y"])))
    return blocker.args[0]


def test_clicking_a_segment_in_the_page_fills_the_side_panel(window, qtbot, dataset):
    # the longest operational railway with an agreement: easy to hit, and rich to show
    rail = [s for s, f in dataset.segments.items() if f["properties"]["mode"] == "rail"
            and f["properties"]["status"] == "operational" and f["properties"].get("agreements")]
    rail = [s for s in rail if dataset.segment_km[s] > 100] or [
        s for s, f in dataset.segments.items() if f["properties"]["mode"] == "rail"]
    sid = max(rail, key=lambda s: dataset.segment_km[s])
    facts = _click_segment(qtbot, window, dataset, sid)
    assert facts["type"] == "segment" and facts["id"] == sid
    text = window.feature_panel.toPlainText()
    km = f"{dataset.segment_km[sid]:,.0f} km"
    assert km in text
    assert "Rail" in text and "operational" in text
    for a in dataset.segments[sid]["properties"].get("agreements", []):
        assert dataset.agreements[a]["title"] in text
    assert run_js(qtbot, window.map, "JSON.stringify(atlasLayers.highlightGroup.getLayers().length)") == 1


def test_search_finds_a_place_with_a_typo_and_selects_it(window, qtbot, dataset):
    window.search.setText("Karachy")
    window.search._refresh("Karachy")
    assert window.search.hits and "Karachi" in window.search.hits[0].label
    with qtbot.waitSignal(window.selected, timeout=5000) as blocker:
        window.search.returnPressed.emit()
    assert "Karachi" in blocker.args[0]["name"]
    assert "Karachi" in window.feature_panel.toPlainText()


def test_grab_shows_land_sea_and_lines(window, qtbot):
    box = {}
    window.map.grab_when_stable(lambda img: box.setdefault("img", img))
    qtbot.waitUntil(lambda: "img" in box, timeout=20000)
    image = box["img"]
    assert image.width() > 600
    colours = Counter()
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colours[image.pixelColor(x, y).name()] += 1
    assert len(colours) > 50, "the map looks blank"
    total = sum(colours.values())
    sea = colours["#c9dfec"] / total
    land = colours["#f4f1ea"] / total
    assert sea > 0.02, f"no sea colour ({sea:.1%})"
    assert land > 0.10, f"no land colour ({land:.1%})"
