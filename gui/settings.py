"""Where the window keeps its state between runs (QSettings, INI format)."""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORG, APP = "CorridorAtlas", "Corridor Atlas"


def app_settings() -> QSettings:
    """The user's settings; CORRIDOR_ATLAS_SETTINGS points them at a file (tests, portable use)."""
    path = os.environ.get("CORRIDOR_ATLAS_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)
