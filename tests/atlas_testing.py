"""Helpers shared by the tests (importable: tests/conftest.py puts tests/ on sys.path)."""
import json
from pathlib import Path

from PySide6.QtCore import QSettings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
