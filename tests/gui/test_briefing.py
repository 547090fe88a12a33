"""Saved views and presentation mode in the real window."""

from atlas_testing import run_js, wait_rendered
from layers.views import load_views, user_views_path


def test_built_in_views_cover_the_briefings(dataset):
    names = [v.name for v in load_views(dataset)]
    assert len(names) >= 6
    for word in ("southern corridor", "Trans-Afghan", "Turkmenistan", "Iran", "Karakoram", "Pakistan's ports"):
        assert any(word.lower() in n.lower() for n in names), word


def test_applying_a_corridor_view_fits_and_highlights_it(window, qtbot, dataset):
    view = next(v for v in window.views_panel.views if v.corridor == "trans-afghan")
    with qtbot.waitSignal(window.drawn, timeout=10000):
        window.apply_view(view)
    wait_rendered(qtbot, window)
    n = run_js(qtbot, window.map, "JSON.stringify(atlasLayers.highlightGroup.getLayers().length)")
    assert n == len(dataset.corridors["trans-afghan"]["segments"])
    assert window.last_counts["corridor:trans-afghan"] == 1
    assert all(v == 0 for k, v in window.last_counts.items() if k.startswith("corridor:") and k != "corridor:trans-afghan")
    assert "Trans-Afghan" in window.feature_panel.toPlainText()


def test_views_can_be_saved_renamed_reordered_and_deleted(window, qtbot, dataset):
    panel = window.views_panel
    before = len(panel.views)
    window.save_current_view("My test view")
    assert panel.views[-1].name == "My test view" and len(panel.views) == before + 1
    path = user_views_path(dataset)
    assert path.exists() and "My test view" in path.read_text(encoding="utf-8")
    panel.list.setCurrentRow(len(panel.views) - 1)
    panel._move(-1)
    assert panel.views[-2].name == "My test view"
    panel.views[-2].name = "Renamed view"
    panel.persist()
    assert [v.name for v in load_views(dataset)][-2] == "Renamed view"
    panel.list.setCurrentRow(len(panel.views) - 2)
    panel._delete()
    assert len(load_views(dataset)) == before
    path.unlink()


def test_presentation_steps_through_views_and_esc_returns(window, qtbot):
    assert window.layers_dock.isVisible() or window.views_dock.isVisible()
    window.presenter.start(0)
    assert window.isFullScreen() and not window.menuBar().isVisible() and not window.statusBar().isVisible()
    wait_rendered(qtbot, window)
    caption = run_js(qtbot, window.map, "JSON.stringify(document.getElementById('caption').textContent)")
    first = window.views_panel.views[0]
    assert (first.title or first.name) in caption
    window.presenter.next()
    assert window.presenter.index == 1
    wait_rendered(qtbot, window)
    caption2 = run_js(qtbot, window.map, "JSON.stringify(document.getElementById('caption').textContent)")
    assert caption2 != caption
    window.presenter.previous()
    assert window.presenter.index == 0
    window.on_escape()
    assert not window.presenter.active and not window.isFullScreen()
    assert window.menuBar().isVisible()
    wait_rendered(qtbot, window)
    assert run_js(qtbot, window.map, "JSON.stringify(document.getElementById('caption').classList.contains('on'))") is False
