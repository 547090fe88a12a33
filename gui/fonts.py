"""The fonts shipped in resources/fonts, registered with Qt (the page loads them by @font-face).

Nothing depends on the fonts of the laptop: Latin and Cyrillic (with the Kazakh letters) come
from Noto Sans, Urdu from Noto Nastaliq Urdu, arrows from Noto Sans Symbols.

Urdu in the Qt widgets is drawn in Noto Naskh Arabic: Nastaliq's tall, sloping words are
clipped by the fixed-height rows of menus, toolbars and trees (Qt sizes them from the
font's line height, and Nastaliq draws far outside it). The map page and every export,
where CSS gives the lines room, keep Noto Nastaliq Urdu.
"""
from __future__ import annotations

import resources

FONTS = resources.ROOT / "fonts"
# Families in the order Qt should try them for a character (the first that has it wins).
UI_FAMILIES = ["Noto Sans", "Noto Sans Symbols", "Noto Naskh Arabic"]
URDU_FAMILY = "Noto Naskh Arabic"      # Urdu in the widgets
MAP_URDU_FAMILY = "Noto Nastaliq Urdu"  # Urdu on the map and in the exports

_loaded: dict[str, list[str]] = {}


def install_fonts(app=None) -> dict[str, list[str]]:
    """Add every shipped TTF to Qt's font database (once); returns file name -> families."""
    from PySide6.QtGui import QFontDatabase

    if not _loaded:
        for path in sorted(FONTS.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            _loaded[path.name] = list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
    if app is not None:
        apply_ui_font(app)
    return dict(_loaded)


def ui_font(base=None, urdu: bool = False):
    """The application font: Noto Sans first (Noto Naskh Arabic first for an Urdu interface)."""
    from PySide6.QtGui import QFont

    font = QFont(base) if base is not None else QFont()
    families = [URDU_FAMILY] + [f for f in UI_FAMILIES if f != URDU_FAMILY] if urdu else list(UI_FAMILIES)
    font.setFamilies(families)
    return font


def apply_ui_font(app, urdu: bool = False) -> None:
    app.setFont(ui_font(app.font(), urdu))
