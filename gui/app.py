"""Starting the application: environment, QApplication, the window."""
from __future__ import annotations

import sys

from . import web_profile


def prepare_environment() -> None:
    """Things Qt needs to know before the QApplication exists."""
    import os

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI): say so explicitly.
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    web_profile.add_offline_flags()
    web_profile.register_scheme()


def make_app(argv: list[str] | None = None):
    prepare_environment()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Corridor Atlas")
    app.setOrganizationName("CorridorAtlas")
    from .fonts import install_fonts

    install_fonts(app)  # the shipped Noto fonts (Latin, Cyrillic, Kazakh, Urdu), never the laptop's
    return app


def run_window(data_folder: str | None = None) -> int:
    from geodata.dataset import Dataset, DatasetError

    try:
        dataset = Dataset.load(data_folder)
    except DatasetError as exc:
        print(f"corridor-atlas: cannot open the dataset: {exc}", file=sys.stderr)
        return 1
    app = make_app()
    from .main_window import MainWindow

    window = MainWindow(dataset)
    window.show()
    code = app.exec()
    import shiboken6

    shiboken6.delete(window)  # pages go before the shared web profile does
    return code
