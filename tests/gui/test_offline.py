"""No network, ever: every request the web engine makes while the full window starts,
draws and is used is recorded, and each must be to a local scheme."""
from atlas_testing import run_js, wait_rendered

from gui import web_profile


def test_full_application_makes_no_network_request(window, qtbot, dataset):
    interceptor = web_profile.interceptor()
    # use the window a little: toggle a layer, select, search
    window.layer_list.set_visible("roads", False)
    window.layer_list.set_visible("roads", True)
    sid = next(iter(dataset.segments))
    window.show_selection("railways" if dataset.segments[sid]["properties"]["mode"] == "rail" else "roads", sid)
    wait_rendered(qtbot, window)
    assert interceptor.requests, "the interceptor saw nothing: it is not installed"
    assert any(u.endswith("leaflet.js") for u in interceptor.requests)
    assert any("basemap/countries_region.geojson" in u for u in interceptor.requests)
    remote = [u for u in interceptor.requests if u.split(":", 1)[0] not in web_profile.LOCAL_SCHEMES]
    assert remote == []
    assert interceptor.blocked == []


def test_a_remote_url_in_the_map_page_never_loads(window, qtbot):
    # The page's Content-Security-Policy stops it before any request is even made.
    interceptor = web_profile.interceptor()
    run_js(qtbot, window.map, "window._probe = 'pending'; var i = new Image();"
           "i.onload = function () { window._probe = 'loaded'; }; i.onerror = function () { window._probe = 'failed'; };"
           "i.src = 'http://tile.example.org/1/2/3.png'; '0'")
    qtbot.waitUntil(lambda: run_js(qtbot, window.map, "JSON.stringify(window._probe)") != "pending", timeout=5000)
    assert run_js(qtbot, window.map, "JSON.stringify(window._probe)") == "failed"
    assert not [u for u in interceptor.requests if "example.org" in u and u not in interceptor.blocked]


def test_interceptor_blocks_remote_requests_from_any_page(qtbot):
    # A page without our CSP (as a future page might be): the profile's interceptor blocks it.
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage

    interceptor = web_profile.interceptor()
    before = len(interceptor.blocked)
    page = QWebEnginePage(web_profile.profile())
    with qtbot.waitSignal(page.loadFinished, timeout=10000):
        page.setHtml('<img src="http://tiles.example.net/0/0/0.png">', QUrl("about:blank"))
    qtbot.waitUntil(lambda: len(interceptor.blocked) > before, timeout=5000)
    assert "tiles.example.net" in interceptor.blocked[-1]
    page.deleteLater()


def test_scheme_serves_only_its_own_files():
    assert web_profile.resolve("/web/map.html") is not None
    assert web_profile.resolve("/leaflet/leaflet.js") is not None
    assert web_profile.resolve("/web/../../../etc/passwd") is None
    assert web_profile.resolve("/nothing/here.js") is None
