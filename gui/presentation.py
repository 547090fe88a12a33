"""Presentation mode: the map alone, full screen, stepping through the saved views."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QToolBar


class Presenter(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.index = 0
        self._hidden: list = []
        self._was_fullscreen = False
        self._keys = []
        for keys, slot in ((("Right", "PgDown", "Space"), self.next), (("Left", "PgUp", "Backspace"), self.previous)):
            for key in keys:
                sc = QShortcut(QKeySequence(key), window, activated=slot)
                sc.setEnabled(False)
                self._keys.append(sc)

    @property
    def views(self):
        return self.window.views_panel.views

    def start(self, index: int = 0) -> None:
        if self.active or not self.views:
            return
        w = self.window
        self.active = True
        self._was_fullscreen = w.isFullScreen()
        self._hidden = [x for x in w.findChildren(QDockWidget) + w.findChildren(QToolBar) if x.isVisible()]
        self._hidden += [x for x in (w.menuBar(), w.statusBar()) if x.isVisible()]
        for x in self._hidden:
            x.hide()
        for sc in self._keys:
            sc.setEnabled(True)
        w.showFullScreen()
        w.map.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show(index, animate=False)

    def show(self, index: int, animate: bool = True) -> None:
        self.index = max(0, min(index, len(self.views) - 1))
        view = self.views[self.index]
        self.window.apply_view(view, animate=animate)
        self._caption()

    def _caption(self) -> None:
        view = self.views[self.index]
        self.window.map.bridge.send("presenting", on=True, caption=view.caption_in(),   # in the interface language
                                    detail=f"{self.index + 1} / {len(self.views)}")

    def retranslate(self) -> None:
        """The caption in the new language (gui/language.py calls this on a switch)."""
        if self.active and self.views:
            self._caption()

    def next(self) -> None:
        if self.active and self.index < len(self.views) - 1:
            self.show(self.index + 1)

    def previous(self) -> None:
        if self.active and self.index > 0:
            self.show(self.index - 1)

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        for sc in self._keys:
            sc.setEnabled(False)
        self.window.map.bridge.send("presenting", on=False)
        if not self._was_fullscreen:
            self.window.showNormal()
        for x in self._hidden:
            x.show()
        self._hidden = []
