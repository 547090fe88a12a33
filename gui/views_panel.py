"""The saved views: a list to go to, save, rename, reorder and delete named views."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from geodata.i18n import N_, _
from layers.views import View, ViewError, save_views, slug


class ViewsPanel(QWidget):
    activated = Signal(object)        # View
    save_requested = Signal(str)      # name for a new view of the current map

    def __init__(self, views: list[View], path, parent=None):
        super().__init__(parent)
        self.setObjectName("viewsPanel")
        self.views = list(views)
        self.path = path
        self.list = QListWidget(self)
        self.list.itemActivated.connect(lambda item: self.activated.emit(self.views[self.list.row(item)]))
        self.list.itemDoubleClicked.connect(lambda item: self.activated.emit(self.views[self.list.row(item)]))
        buttons = QHBoxLayout()
        for text, slot in ((N_("Save current…"), self._save), (N_("Rename…"), self._rename), ("↑", lambda: self._move(-1)),
                           ("↓", lambda: self._move(1)), (N_("Delete"), self._delete)):
            b = QPushButton(_(text), self)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for v in self.views:   # names and titles in the interface language
            item = QListWidgetItem(v.name_in())
            item.setToolTip(v.caption_in())
            self.list.addItem(item)
        if self.views:
            self.list.setCurrentRow(min(max(row, 0), len(self.views) - 1))

    def retranslate(self) -> None:
        """The views' names in the interface language (gui/language.py calls this on a switch)."""
        self.refresh()

    def persist(self) -> bool:
        try:
            save_views(self.path, self.views)
        except (OSError, ViewError) as exc:
            QMessageBox.warning(self, _("Views not saved"),
                                _("The views could not be saved to {path}:").format(path=self.path) + f"\n{exc}")
            return False
        return True

    def add_view(self, view: View) -> None:
        ids = {v.id for v in self.views}
        base, n = view.id, 2
        while view.id in ids:
            view.id = f"{base}-{n}"
            n += 1
        self.views.append(view)
        self.refresh()
        self.list.setCurrentRow(len(self.views) - 1)
        self.persist()

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, _("Save view"), _("Name of the new view:"))
        if ok and name.strip():
            self.save_requested.emit(name.strip())

    def _rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        name, ok = QInputDialog.getText(self, _("Rename view"), _("New name:"), text=self.views[row].name_in())
        if ok and name.strip():
            self.views[row].rename(name.strip())
            self.refresh()
            self.persist()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        new = row + step
        if row < 0 or not 0 <= new < len(self.views):
            return
        self.views[row], self.views[new] = self.views[new], self.views[row]
        self.refresh()
        self.list.setCurrentRow(new)
        self.persist()

    def _delete(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.views[row]
        self.refresh()
        self.persist()


def new_view(name: str, bounds, layers: dict, corridor: str | None, title: str = "") -> View:
    return View(id=slug(name), name=name, title=title or name, bounds=bounds, corridor=corridor, layers=layers)
