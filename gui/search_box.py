"""Search field with a fuzzy suggestion list (places, lines, corridors, agreements)."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from geodata.i18n import N_, _
from geodata.search import Hit, SearchIndex

KIND_WORDS = {"seaport": N_("port"), "dry_port": N_("dry port"), "border_crossing": N_("border crossing"),
              "junction": N_("junction"), "city": N_("city"), "segment": N_("line"), "corridor": N_("corridor"),
              "agreement": N_("agreement")}
PLACEHOLDER = N_("Search a place, line or agreement…  (Ctrl+F)")


class SearchBox(QLineEdit):
    picked = Signal(object)  # Hit

    def __init__(self, index: SearchIndex, parent=None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText(_(PLACEHOLDER))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setMaximumWidth(520)
        self.index = index
        self.hits: list[Hit] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self._completer.activated[str].connect(self._on_activated)
        self.textEdited.connect(self._refresh)
        self.returnPressed.connect(self._on_return)

    @staticmethod
    def display(hit: Hit) -> str:
        return f"{hit.label}  ·  {_(KIND_WORDS.get(hit.kind, hit.kind))}"

    def _refresh(self, text: str) -> None:
        self.hits = self.index.search(text)
        self._model.setStringList([self.display(h) for h in self.hits])

    def _on_activated(self, text: str) -> None:
        for hit in self.hits:
            if self.display(hit) == text:
                self.picked.emit(hit)
                return

    def _on_return(self) -> None:
        if self._completer.popup().isVisible():
            return  # the completer's own activation handles it
        hits = self.index.search(self.text())
        if hits:
            self.picked.emit(hits[0])
