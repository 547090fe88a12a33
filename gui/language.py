"""The interface language: a Language menu, switched at run time and remembered between runs.

Texts are English messages translated by gettext (geodata.i18n; catalogues in resources/i18n).
Widgets made before a switch are re-translated here at the GUI edge: every action, menu, dock,
toolbar, button, label and placeholder text of the window is looked up as a message (the
English message behind a shown translation is found through the catalogue), and the panels
that build their own texts (layers, selection, search, and the RETRANSLATED parts: views, route
panel, editor, user data, presenter) are asked to redo them. The map page gets its labels and
its own texts (PAGE_TEXTS: attribution, tips) again in the new language (`setLanguage`). Urdu turns the window right to
left (Qt.RightToLeft) and puts Noto Nastaliq Urdu first in the application font.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QLibraryInfo, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu,
                               QToolBar, QToolButton, QWidget)

from geodata.i18n import (LANGUAGE_NAMES, LANGUAGES, N_, _, direction, is_rtl, message_of, normalize, set_language,
                          translate)
from geodata.translations import localize_facts

from .fonts import apply_ui_font

SETTING = "ui/language"
MENU_TITLE = N_("&Language")
# The map page's own texts (app.js, editing.js), sent with setLanguage in the interface language.
PAGE_TEXTS = {
    "attribution": N_("Basemap: Natural Earth"),        # Leaflet shows it as HTML: sent escaped
    "zoomIn": N_("Zoom in"), "zoomOut": N_("Zoom out"),
    "dragPlace": N_("Drag to move this place"), "dragEnd": N_("Drag this end of the line"),
    "dragVertex": N_("Drag this vertex; double-click removes it"), "dragMidpoint": N_("Drag to add a vertex here"),
}
_SHORTCUT_TIP = re.compile(r"^(.*) \(([^()]+)\)$")
# Window attributes whose retranslate() is called on a switch (after the generic pass over the widgets).
RETRANSLATED = ("views_panel", "route_panel", "editor", "user_data", "presenter")


# Qt's standard buttons in the interface language (Qt ships no Urdu translation of its own texts).
BUTTON_TEXTS = {"Ok": N_("OK"), "Cancel": N_("Cancel"), "Save": N_("Save"), "Discard": N_("Discard"),
                "Yes": N_("Yes"), "No": N_("No"), "Close": N_("Close")}


def translate_buttons(box) -> None:
    """The standard buttons of a QDialogButtonBox or QMessageBox in the interface language."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    enum = QMessageBox.StandardButton if isinstance(box, QMessageBox) else QDialogButtonBox.StandardButton
    for name, message in BUTTON_TEXTS.items():
        button = box.button(getattr(enum, name))
        if button is not None:
            button.setText(_(message))


def page_texts(lang: str | None = None) -> dict[str, str]:
    """PAGE_TEXTS in lang (the interface language by default), for setLanguage's `texts`."""
    texts = {key: translate(message, lang) for key, message in PAGE_TEXTS.items()}
    texts["attribution"] = html.escape(texts["attribution"])
    return texts


def _qt_translator(lang: str) -> QTranslator | None:
    """Qt's own texts (OK, Cancel, Yes, No in standard dialogs) where Qt ships them (ru, kk)."""
    if lang == "en":
        return None
    tr = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return tr if tr.load(f"qtbase_{lang}", path) else None


class LanguageSwitch(QObject):
    """Created first thing in the window (sets the saved language), installed last (menu, texts)."""

    changed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        saved = window.settings.value(SETTING)
        self.lang = set_language(saved if isinstance(saved, str) else "en")
        self._qt_tr: QTranslator | None = None
        self.menu: QMenu | None = None
        self.actions: dict[str, QAction] = {}
        self._apply_direction_and_font()

    # ----- set-up ------------------------------------------------------------------------------
    def install(self) -> None:
        w = self.window
        self.menu = w.menuBar().addMenu(_(MENU_TITLE))
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        for code in LANGUAGES:
            act = QAction(LANGUAGE_NAMES[code], self.menu)  # each language in its own words, never translated
            act.setCheckable(True)
            act.setChecked(code == self.lang)
            act.setData(code)
            act.setProperty("atlasNoTranslate", True)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(act)
            self.menu.addAction(act)
            self.actions[code] = act
        w.feature_panel.localize = lambda facts: localize_facts(w.dataset, facts, self.lang)
        w.map.bridge.ready.connect(self.send_to_page)
        self.retranslate(previous="en")

    # ----- switching ---------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        lang = normalize(lang)
        previous = self.lang
        self.lang = set_language(lang)
        for code, act in self.actions.items():
            act.setChecked(code == lang)
        self.window.settings.setValue(SETTING, lang)
        self.window.settings.sync()
        if lang == previous:
            return
        self._apply_direction_and_font()
        self.retranslate(previous)
        self.send_to_page()
        self.changed.emit(lang)

    def _apply_direction_and_font(self) -> None:
        direction_ = Qt.LayoutDirection.RightToLeft if is_rtl(self.lang) else Qt.LayoutDirection.LeftToRight
        app = QApplication.instance()
        if app is not None:
            app.setLayoutDirection(direction_)
            apply_ui_font(app, urdu=is_rtl(self.lang))
            if self._qt_tr is not None:
                app.removeTranslator(self._qt_tr)
            self._qt_tr = _qt_translator(self.lang)
            if self._qt_tr is not None:
                app.installTranslator(self._qt_tr)
        self.window.setLayoutDirection(direction_)

    def send_to_page(self) -> None:
        """The page draws its labels (places, countries, seas) in the language, Urdu right to left."""
        self.window.map.bridge.send("setLanguage", lang=self.lang, second=None, dir=direction(self.lang),
                                    texts=page_texts(self.lang))

    # ----- texts ----------------------------------------------------------------------------------------
    def retranslate(self, previous: str = "en") -> None:
        """Every text of the window in the current language (widgets made in `previous`)."""
        w = self.window
        for widget in [w, *w.findChildren(QWidget)]:
            retranslate_widget(widget, previous)
        for act in w.findChildren(QAction):
            retranslate_action(act, previous)
        if self.menu is not None:
            self.menu.setTitle(_(MENU_TITLE))
        w.layer_panel.retranslate()
        w.feature_panel.show_facts(w.feature_panel.current)
        for name in RETRANSLATED:   # the parts that build their own texts redo them
            part = getattr(w, name, None)
            if part is not None and hasattr(part, "retranslate"):
                part.retranslate()
        search = getattr(w, "search", None)
        if search is not None:
            from .search_box import PLACEHOLDER

            search.setPlaceholderText(_(PLACEHOLDER))
        w.statusBar().clearMessage()


# ----- one widget or action -------------------------------------------------------------------------
def _retext(obj, field: str, current: str, previous: str) -> str | None:
    """The text to show for obj's field now, or None to leave it: the message behind the text
    (remembered from the last time, or looked up in the previous language's catalogue)."""
    if not current or obj.property("atlasNoTranslate"):
        return None
    msg_key, shown_key = f"atlasMsg_{field}", f"atlasShown_{field}"
    message, shown = obj.property(msg_key), obj.property(shown_key)
    if not (isinstance(message, str) and current == shown):
        # text set by code since: its message anew (the text may be in the previous language,
        # or already in the current one when it was made with _() after the switch)
        message = message_of(current, previous)
        if message == current:
            message = message_of(current)
    text = _(message)
    obj.setProperty(msg_key, message)
    obj.setProperty(shown_key, text)
    return text if text != current else None


def _tooltip_message(obj, tip: str, shortcut: str, previous: str) -> str | None:
    m = _SHORTCUT_TIP.match(tip)
    if shortcut and m and m.group(2) == shortcut:  # "Export the map… (Ctrl+E)": the shortcut stays as it is
        head = _retext(obj, "tiphead", m.group(1), previous)
        return f"{head} ({shortcut})" if head is not None else None
    return _retext(obj, "tip", tip, previous)


def retranslate_action(act: QAction, previous: str) -> None:
    if act.menu() is not None or act.isSeparator() or act.property("atlasNoTranslate"):
        return
    text = _retext(act, "text", act.text(), previous)
    if text is not None:
        act.setText(text)
    tip = act.toolTip()
    if tip and tip != act.text().replace("&", ""):
        new_tip = _tooltip_message(act, tip, act.shortcut().toString(), previous)
        if new_tip is not None:
            act.setToolTip(new_tip)


def retranslate_widget(widget: QWidget, previous: str = "en") -> None:
    """Titles, texts and placeholders of one widget (not its children)."""
    if widget.property("atlasNoTranslate"):
        return
    if widget.isWindow() or isinstance(widget, (QDockWidget, QToolBar)):
        text = _retext(widget, "title", widget.windowTitle(), previous)
        if text is not None:
            widget.setWindowTitle(text)
    if isinstance(widget, QMenu):
        text = _retext(widget, "menu", widget.title(), previous)
        if text is not None:
            widget.setTitle(text)
    elif isinstance(widget, QGroupBox):
        text = _retext(widget, "group", widget.title(), previous)
        if text is not None:
            widget.setTitle(text)
    elif isinstance(widget, QAbstractButton) and not (isinstance(widget, QToolButton) and widget.defaultAction()):
        text = _retext(widget, "text", widget.text(), previous)
        if text is not None:
            widget.setText(text)
    elif isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText and "<" not in widget.text():
        text = _retext(widget, "text", widget.text(), previous)
        if text is not None:
            widget.setText(text)
    elif isinstance(widget, QLineEdit) and widget.placeholderText():
        text = _retext(widget, "placeholder", widget.placeholderText(), previous)
        if text is not None:
            widget.setPlaceholderText(text)
