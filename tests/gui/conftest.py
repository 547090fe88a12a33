"""Fixtures that open the real window on the real map page, offscreen."""
import json

import pytest
from PySide6.QtCore import QSettings

from geodata.dataset import Dataset


@pytest.fixture(scope="session")
def dataset():
    return Dataset.load()


def run_js(qtbot, view, code: str, timeout: int = 10000):
    """Run JavaScript in the map page and return its JSON result (the code must yield JSON text)."""
    box = {}
    view.page().runJavaScript(code, 0, lambda result: box.setdefault("r", result))
    qtbot.waitUntil(lambda: "r" in box, timeout=timeout)
    return json.loads(box["r"]) if isinstance(box["r"], str) and box["r"][:1] in "[{\"0123456789-tfn" else box["r"]


def open_window(qtbot, dataset, settings_path, size=(1600, 950)):
    from gui.main_window import MainWindow

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(dataset, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.drawn, timeout=30000):
        window.resize(*size)
        window.show()
    return window


def wait_rendered(qtbot, window, timeout=15000):
    with qtbot.waitSignal(window.map.rendered, timeout=timeout):
        window.map.request_render()


@pytest.fixture
def window(qtbot, dataset, tmp_path):
    w = open_window(qtbot, dataset, tmp_path / "settings.ini")
    yield w
    w.close()
