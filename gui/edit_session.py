"""Editing in the window: the edit form, edit mode on the map, undo/redo, save, autosave.

    window.editor = EditSession(window)     # one line in MainWindow

Every change goes through `apply_edit` (checked with the dataset's schema, then pushed on
the QUndoStack as a DatasetCommand); undoing or redoing one refreshes what shows it: the
map layers that changed (sent to the page as `replaceLayers`), the side panel, the search
index and the edit handles. The data logic lives in geodata (editing, saving, workspace).

Saving writes the working copy (geodata.workspace): the built-in dataset is never written.
Unsaved changes are autosaved to a recovery file every few minutes (CORRIDOR_ATLAS_AUTOSAVE_S
seconds, default 180); at start a recovery file newer than the dataset is offered back. On
close with unsaved changes the user chooses Save / Discard / Cancel; with
CORRIDOR_ATLAS_NO_PROMPTS=1 (tests, scripted runs) nothing is asked: the start-up offer only
sets `recovery_file` (call restore_recovery()), and closing writes the recovery file.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar

from geodata import editing, workspace
from geodata.dataset import DatasetError
from geodata.describe import describe_agreement
from geodata.i18n import N_, _
from geodata.saving import SaveError, is_builtin, save_dataset
from geodata.search import NODE_LAYERS, SearchIndex, segment_layer
from layers.catalog import build_layers

from .edit_form import EditForm
from .language import translate_buttons

AUTOSAVE_S = 180
TABLE_OF = {"node": "nodes", "segment": "segments", "agreement": "agreements"}
_open_windows: list = []  # windows opened by File > Open dataset folder (kept alive here)


def open_windows() -> list:
    """Windows opened by File > Open dataset folder that are still alive."""
    return list(_open_windows)


def prompts_enabled() -> bool:
    return os.environ.get("CORRIDOR_ATLAS_NO_PROMPTS", "") not in ("1", "true", "yes")


class DatasetCommand(QUndoCommand):
    """One edit of the dataset on the undo stack."""

    def __init__(self, session: "EditSession", edit: editing.Edit):
        super().__init__(edit.text.replace("&", "&&"))  # a name with '&' is not a menu mnemonic
        self.session = session
        self.forward = edit
        self.inverse: editing.Edit | None = None

    def redo(self) -> None:
        again = self.inverse is not None
        self.inverse = self.forward.apply(self.session.dataset)
        self.session.after_change(self.forward, N_("Redone: {what}") if again else "")

    def undo(self) -> None:
        self.forward = self.inverse.apply(self.session.dataset)
        self.session.after_change(self.inverse, N_("Undone: {what}"))


class EditSession(QObject):
    changed = Signal(object)      # the edit just applied (forward, undo or redo)
    saved = Signal(object)        # the folder written

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dataset = window.dataset
        self.folder = workspace.save_folder(self.dataset.folder)   # where Save writes
        self.stack = QUndoStack(self)
        self.edit_mode = False
        self.form: EditForm | None = None
        self.recovery_file: Path | None = None
        self._autosaved_index = 0
        self._closing_ok = False
        # what the page was given for each dataset layer, to send only layers an edit changed
        self._sent = {layer.id: json.dumps(layer.features, sort_keys=True) for layer in build_layers(self.dataset)}

        title = window.windowTitle()
        if "[*]" not in title:
            window.setWindowTitle(title + " [*]")
        self.stack.cleanChanged.connect(self._on_clean_changed)
        self._build_actions()
        window.map.bridge.event.connect(self._on_event)
        window.selected.connect(self._on_selected)
        self._panel_viewport = window.feature_panel.viewport()
        self._panel_viewport.installEventFilter(self)
        window.installEventFilter(self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(float(os.environ.get("CORRIDOR_ATLAS_AUTOSAVE_S", AUTOSAVE_S)) * 1000))
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._check_recovery()

    def _on_clean_changed(self, clean: bool) -> None:
        self.window.setWindowModified(not clean)

    def _update_bar(self, _index: int = 0) -> None:
        if not hasattr(self, "bar_undo"):
            return
        for act, can, text, key in ((self.bar_undo, self.stack.canUndo(), self.stack.undoText(), "Ctrl+Z"),
                                    (self.bar_redo, self.stack.canRedo(), self.stack.redoText(), "Ctrl+Shift+Z")):
            act.setEnabled(can)
            act.setToolTip(f"{act.text()}: {text} ({key})" if can else act.text())

    def _update_undo_texts(self, *_args) -> None:
        """The Edit menu's Undo and Redo say what they undo, in the interface language."""
        for act, what, message, empty in ((self.act_undo, self.stack.undoText(), N_("&Undo {what}"), N_("&Undo")),
                                          (self.act_redo, self.stack.redoText(), N_("&Redo {what}"), N_("&Redo"))):
            act.setText(_(message).format(what=what) if what else _(empty))

    def retranslate(self) -> None:
        """Texts made here (Undo/Redo and their tips) in the interface language (gui/language.py)."""
        self._update_undo_texts()
        if hasattr(self, "bar_undo"):
            self.bar_undo.setText(_("Undo"))
            self.bar_redo.setText(_("Redo"))
            self._update_bar()

    # ----- actions and menus ------------------------------------------------------------------
    def _action(self, text: str, shortcut, slot, tip: str = "", checkable: bool = False) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip or text} ({QKeySequence(shortcut).toString()})" if shortcut else (tip or text))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        self.window.addAction(act)
        return act

    def _build_actions(self) -> None:
        w = self.window
        # Undo and Redo made here (not QUndoStack.createUndoAction, whose prefix is fixed): "&Undo Move X"
        # in the interface language, again after a switch (retranslate)
        self.act_undo, self.act_redo = QAction(w), QAction(w)
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act, slot, can, changed in ((self.act_undo, self.stack.undo, self.stack.canUndo, self.stack.canUndoChanged),
                                        (self.act_redo, self.stack.redo, self.stack.canRedo, self.stack.canRedoChanged)):
            act.setProperty("atlasNoTranslate", True)   # gui/language.py leaves it to retranslate()
            act.setEnabled(can())
            act.triggered.connect(slot)
            changed.connect(act.setEnabled)
            w.addAction(act)
        self.stack.undoTextChanged.connect(self._update_undo_texts)
        self.stack.redoTextChanged.connect(self._update_undo_texts)
        self._update_undo_texts()
        self.act_edit = self._action("Edit…", "F2", lambda: self.edit_selected(),
                                     "Edit the selected place, segment or agreement (or double-click the side panel)")
        self.act_edit_mode = self._action("Edit map", "Ctrl+Shift+E", self.set_edit_mode,
                                          "Drag the selected place, or the vertices of the selected segment", True)
        self.act_save = self._action("&Save", "Ctrl+S", lambda: self.save(), "Save your changes to the working copy")
        self.act_open = self._action("Open dataset folder…", "Ctrl+Shift+O", self.choose_folder,
                                     "Open (and edit in place) another dataset folder")

        menubar = w.menuBar()
        file_menu = next((a.menu() for a in menubar.actions() if a.menu() and a.text().replace("&", "") == "File"), None)
        if file_menu is None:
            file_menu = menubar.addMenu("&File")
        first = file_menu.actions()[0] if file_menu.actions() else None
        file_menu.insertAction(first, self.act_open)
        file_menu.insertAction(first, self.act_save)
        file_menu.insertSeparator(first)
        self.file_menu = file_menu
        edit_menu = menubar.addMenu("&Edit")
        view_menu = next((a for a in menubar.actions() if a.text().replace("&", "") == "View"), None)
        if view_menu is not None:  # Edit between File and View
            menubar.removeAction(edit_menu.menuAction())
            menubar.insertMenu(view_menu, edit_menu)
        for act in (self.act_undo, self.act_redo, None, self.act_edit, self.act_edit_mode):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        self.edit_menu = edit_menu
        bar = w.findChild(QToolBar, "mapToolbar")
        if bar is not None:  # short labels here; the menu's actions say what they undo and hold the shortcuts
            self.bar_undo, self.bar_redo = QAction(_("Undo"), w), QAction(_("Redo"), w)
            for act, slot in ((self.bar_undo, self.stack.undo), (self.bar_redo, self.stack.redo)):
                act.setProperty("atlasNoTranslate", True)
                act.setEnabled(False)
                act.triggered.connect(slot)
            self.stack.indexChanged.connect(self._update_bar)
            bar.addSeparator()
            for act in (self.act_edit, self.act_edit_mode, self.bar_undo, self.bar_redo, self.act_save):
                bar.addAction(act)

    # ----- applying edits ------------------------------------------------------------------------
    def apply_edit(self, edit: editing.Edit) -> list:
        """Check `edit` with the schema and, if it passes, apply it as one undo step.
        Returns the problems that refused it ([] when applied)."""
        try:
            problems = editing.check(self.dataset, edit)
        except editing.EditError as exc:
            self.window.statusBar().showMessage(_("Not changed: {reason}").format(reason=exc), 10000)
            return [str(exc)]
        if problems:
            self.window.statusBar().showMessage(
                _("Not changed: {reason}").format(reason="; ".join(p.message for p in problems)), 15000)
            return problems
        if isinstance(edit, editing.SetProperties) and not edit.values:
            return []
        self.stack.push(DatasetCommand(self, edit))
        return []

    def after_change(self, edit: editing.Edit, prefix: str = "") -> None:
        """The dataset changed (an edit, undo or redo): refresh everything that shows it."""
        self.refresh_layers()
        if any(t in ("nodes", "segments", "agreements", "*") for t, _ in edit.touched()):
            self.window.search.index = SearchIndex(self.dataset)
        self._refresh_selection()
        self.window.statusBar().showMessage(_(prefix).format(what=edit.text) if prefix else edit.text, 5000)
        self.changed.emit(edit)

    def refresh_layers(self) -> list[str]:
        """Send the page the layers whose features changed; returns their ids."""
        fresh = {layer.id: layer for layer in build_layers(self.dataset)}
        changed = []
        for layer in self.window.layer_list:
            new = fresh.get(layer.id)
            if new is None:
                continue
            # compared as sent (layers share geometry objects with the dataset, edited in place)
            text = json.dumps(new.features, sort_keys=True)
            if text != self._sent.get(layer.id):
                layer.features = new.features
                self._sent[layer.id] = text
                changed.append(layer)
        if changed:
            self.window.map.bridge.send("replaceLayers", layers=[layer.to_page() for layer in changed])
        return [layer.id for layer in changed]

    def _refresh_selection(self) -> None:
        w, ds = self.window, self.dataset
        cur = w.feature_panel.current
        if not cur:
            self._send_target()
            return
        kind, fid = cur.get("type"), cur.get("id")
        if kind == "segment" and fid in ds.segments:
            w.show_selection(segment_layer(ds.segments[fid]["properties"]), fid, fit=False)
        elif kind == "node" and fid in ds.nodes:
            w.show_selection(NODE_LAYERS.get(ds.nodes[fid]["properties"].get("kind"), "cities"), fid, fit=False)
        elif kind == "agreement" and fid in ds.agreements:
            d = describe_agreement(ds, fid)
            w.feature_panel.show_facts(d)
            w.selected.emit(d)
        elif kind == "corridor" and fid in ds.corridors:
            w.show_selection(f"corridor:{fid}", fid, fit=False, from_page=True)
        else:
            w.selection = []
            w.feature_panel.show_facts(None)
            w.selected.emit(None)

    # ----- the form ------------------------------------------------------------------------------
    def selected_record(self) -> tuple[str, str] | None:
        cur = self.window.feature_panel.current
        if cur and cur.get("type") in TABLE_OF:
            return TABLE_OF[cur["type"]], cur["id"]
        return None

    def edit_selected(self) -> EditForm | None:
        target = self.selected_record()
        if target is None:
            cur = self.window.feature_panel.current
            if cur and cur.get("type") == "corridor":
                text = _("Select a place, segment or agreement to edit (a corridor is selected: edit its segments instead)")
            else:
                text = _("Select a place, segment or agreement to edit (nothing is selected)")
            self.window.statusBar().showMessage(text, 6000)
            return None
        return self.open_form(*target)

    def open_form(self, table: str, rid: str) -> EditForm:
        if self.form is not None:
            self.form.close()
        form = EditForm(self.dataset, table, rid, self.window)
        form.edit_accepted.connect(self.apply_edit)
        form.finished.connect(lambda _: setattr(self, "form", None) if self.form is form else None)
        self.form = form
        form.open()  # window-modal, without a nested event loop
        return form

    def _on_selected(self, facts) -> None:
        self._send_target()

    # ----- edit mode on the map ----------------------------------------------------------------
    def set_edit_mode(self, on: bool) -> None:
        self.edit_mode = bool(on)
        self.act_edit_mode.setChecked(self.edit_mode)
        if self.edit_mode and self.window.act_measure.isChecked():
            self.window.act_measure.trigger()
        self.window.map.bridge.send("editMode", on=self.edit_mode)
        self._send_target()
        self.window.statusBar().showMessage(
            _("Edit map: drag the selected place, or a vertex of the selected segment (drag a midpoint to add one, "
              "double-click one to remove it)") if on else _("Edit map off"), 8000)

    def _send_target(self) -> None:
        target = None
        rec = self.selected_record() if self.edit_mode else None
        if rec is not None and rec[0] in ("nodes", "segments"):
            table, rid = rec
            feature = getattr(self.dataset, table).get(rid)
            if feature is not None:
                target = {"kind": table[:-1], "id": rid, "coordinates": feature["geometry"]["coordinates"]}
        self.window.map.bridge.send("editTarget", target=target)

    def _on_event(self, event: dict) -> None:
        kind = event["type"]
        if kind not in ("editMoveNode", "editReshape"):
            return
        try:
            if kind == "editMoveNode":
                edit = editing.move_node(self.dataset, event["id"], event["lon"], event["lat"])
            else:
                edit = editing.reshape_segment(self.dataset, event["id"], event["coordinates"])
        except editing.EditError as exc:
            self.window.statusBar().showMessage(_("Not changed: {reason}").format(reason=exc), 10000)
            self._send_target()
            return
        if self.apply_edit(edit):
            self._send_target()  # refused: the handles go back to where the data is

    # ----- save, autosave, recovery ----------------------------------------------------------
    def save(self) -> Path | None:
        """Write the dataset to its folder (the working copy for the built-in data)."""
        first = is_builtin(self.dataset.folder)
        try:
            if first:  # the first save makes the working copy (with the views saved so far)
                workspace.ensure_working_copy(dest=self.folder)
            folder = save_dataset(self.dataset, self.folder)
        except (OSError, ValueError) as exc:
            self.window.statusBar().showMessage(_("Not saved: {reason}").format(reason=exc), 15000)
            if prompts_enabled():
                QMessageBox(QMessageBox.Icon.Warning, _("Not saved"), _("Your changes were not saved:") + f"\n{exc}",
                            parent=self.window).open()
            return None
        self.dataset.folder = folder
        if first:  # views are kept with the working copy from now on
            from layers.views import user_views_path

            self.window.views_panel.path = user_views_path(self.dataset)
        self.stack.setClean()
        self._autosaved_index = self.stack.index()
        workspace.discard_recovery(folder)
        self.recovery_file = None
        self.window.statusBar().showMessage(_("Saved to {folder}").format(folder=folder), 8000)
        self.saved.emit(folder)
        return folder

    def autosave(self) -> Path | None:
        """Write unsaved changes to the recovery file (nothing to do when all is saved)."""
        if self.stack.isClean():
            workspace.discard_recovery(self.folder)
            return None
        if self.stack.index() == self._autosaved_index and workspace.recovery_path(self.folder).exists():
            return workspace.recovery_path(self.folder)
        try:
            pending = self.recovery_file
            if pending is not None and pending == workspace.recovery_path(self.folder) and pending.exists():
                # an earlier session's changes not restored yet: keep them beside this session's
                older = pending.with_name(pending.stem + ".older.json")
                os.replace(pending, older)
                self.recovery_file = older
            path = workspace.write_recovery(self.dataset, self.folder)
        except (OSError, ValueError) as exc:
            self.window.statusBar().showMessage(_("Autosave failed: {reason}").format(reason=exc), 10000)
            return None
        self._autosaved_index = self.stack.index()
        return path

    def _check_recovery(self) -> None:
        self.recovery_file = workspace.newer_recovery(self.folder)
        if self.recovery_file is None:
            return
        self.window.statusBar().showMessage(_("Unsaved changes from a previous session can be restored (File menu)"), 15000)
        self.act_restore = self._action("Restore unsaved changes…", None, lambda: self.restore_recovery())
        self.file_menu.insertAction(self.act_save, self.act_restore)
        if prompts_enabled():
            box = QMessageBox(QMessageBox.Icon.Question, _("Restore unsaved changes?"),
                              _("Corridor Atlas did not close normally last time. Changes made then were not saved, "
                                "but were kept in a recovery file.") + "\n\n" + _("Restore them now?"), parent=self.window)
            restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)

            def chosen(button):
                if button is restore:
                    self.restore_recovery()
                elif box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
                    self.discard_recovery()
            box.buttonClicked.connect(chosen)
            self.recovery_box = box
            box.open()  # not exec(): the window starts normally behind it

    def restore_recovery(self) -> bool:
        """Bring the recovered changes back as one undoable step (unsaved until Save)."""
        path = self.recovery_file or workspace.newer_recovery(self.folder)
        if path is None:
            return False
        try:
            files = workspace.read_recovery(path)
        except DatasetError as exc:
            self.window.statusBar().showMessage(_("Cannot restore: {reason}").format(reason=exc), 15000)
            return False
        self.stack.push(DatasetCommand(self, editing.ReplaceDataset(files)))
        self.recovery_file = None
        return True

    def discard_recovery(self) -> None:
        workspace.discard_recovery(self.folder)
        self.recovery_file = None

    # ----- closing and opening -------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Before the dataset goes away: True to go on (saved, discarded, or kept for recovery)."""
        if self.stack.isClean():
            return True
        if not prompts_enabled():
            self.autosave()
            return True
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), _("Save your changes to the dataset before closing?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        translate_buttons(box)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save() is not None
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_recovery()
            return True
        return False

    def choose_folder(self) -> None:
        start = str(self.folder if self.folder.exists() else Path.home())
        folder = QFileDialog.getExistingDirectory(self.window, _("Open dataset folder"), start)
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder) -> object | None:
        """Open another dataset folder in a new window (this one closes). Returns the window."""
        try:
            ds = workspace.open_dataset(folder)
        except (DatasetError, SaveError) as exc:
            self.window.statusBar().showMessage(_("Cannot open {folder}: {reason}").format(folder=folder, reason=exc), 15000)
            if prompts_enabled():
                QMessageBox(QMessageBox.Icon.Warning, _("Cannot open the dataset"), str(exc), parent=self.window).open()
            return None
        if not self.confirm_discard():
            return None
        from .main_window import MainWindow

        new = MainWindow(ds, settings=self.window.settings)
        _open_windows.append(new)
        new.destroyed.connect(lambda *_: _open_windows.remove(new) if new in _open_windows else None)
        new.show()
        self._closing_ok = True
        self.window.close()
        return new

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.Type.Close:
            if self._closing_ok or self.confirm_discard():
                self.autosave_timer.stop()
                return False
            event.ignore()
            return True
        if obj is self._panel_viewport and event.type() == QEvent.Type.MouseButtonDblClick:
            if self.selected_record() is not None:
                self.edit_selected()
                return True
        return False
