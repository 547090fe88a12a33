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
    from geodata.workspace import open_dataset

    # An explicit folder is edited in place; otherwise the user's working copy, or the built-in
    # data until the first save makes that copy: the built-in dataset itself is never written.
    try:
        dataset = open_dataset(data_folder)
    except (DatasetError, OSError) as exc:
        if data_folder is not None:
            print(f"corridor-atlas: cannot open the dataset: {exc}", file=sys.stderr)
            return 1
        print(f"corridor-atlas: your working copy cannot be opened ({exc}); showing the built-in data "
              "(saving writes a new working copy, the old files are kept as .bak)", file=sys.stderr)
        dataset = Dataset.load()
    app = make_app()
    from .main_window import MainWindow

    window = MainWindow(dataset)
    window.show()
    code = app.exec()
    import shiboken6

    from .edit_session import open_windows

    for w in [window, *open_windows()]:  # pages go before the shared web profile does
        if shiboken6.isValid(w):
            shiboken6.delete(w)
    return code
