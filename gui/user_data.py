"""The user's own data in the window: File ▸ Open and drag-and-drop, the "Your data" group of
the layer panel, styles, the attribute table, a click on a feature, and the session.

    self.user_data = UserData(self)      # in MainWindow.__init__

Files are read by geodata.importer in a worker thread (a big file never freezes the window)
and turned into layers.user_layers.UserLayer there, GeoJSON text for the page included; the
window thread only sends that text to the page. A file that cannot be read gets a message
(status bar and a non-modal box) with the importer's reason; nothing already open is touched.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap, QPolygonF, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTreeWidgetItem,
)

from geodata.i18n import N_, _
from geodata.importer import SUPPORTED, ImportProblem
from layers.layer_list import LayerList
from layers.user_layers import (
    EXPORT_MAX_FEATURES,
    POINT_SYMBOLS,
    UserLayer,
    UserStyle,
    layer_title,
    parse_session,
    session_text,
)

from . import feature_panel
from .language import translate_buttons
from .layer_panel import line_icon

SETTINGS_KEY = "userdata/layers"
LAST_DIR_KEY = "userdata/lastDir"
GROUP_TITLE = N_("Your data")   # a message: the layer panel shows it translated (layers.catalog.group_title)
GROUP_TIP = N_("Files you opened (File ▸ Open or drop them on the window). Right-click a layer for its style, "
               "attribute table or to remove it.")
OPEN_TIP = N_("Open your own GIS file as a layer: {formats}")
USER_ROLE = Qt.ItemDataRole.UserRole + 7     # the user layer id of a panel item (not a built-in layer id)
FILE_PATTERNS = "*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.tsv *.txt"


def file_filter() -> str:
    return f"{_('GIS files')} ({FILE_PATTERNS});;{_('All files')} (*)"


# ----------------------------------------------------------------------------- side panel
def user_feature_html(d: dict) -> str:
    """A user feature in the side panel: every value from the file is escaped text."""
    e = escape
    facts = [e(d["geometry"])]
    if "km" in d:
        facts.append(e(_("{n} km (geodesic)").format(n=f"{d['km']:,.1f}")))
    if "lat" in d:
        facts.append(f"{d['lat']:.5f}°, {d['lon']:.5f}°")
    elif d.get("vertices"):
        facts.append(e(_("{n} vertices").format(n=f"{d['vertices']:,}")))
    rows = "".join(f'<tr><td style="color:#666;padding-right:10px;vertical-align:top">{e(k)}</td><td>{e(v)}</td></tr>'
                   for k, v in d["attributes"])
    return (f"<h2>{e(d['name'])}</h2>"
            "<p style='color:#555'>" + e(_("Your data: {layer}, feature {n}")).format(
                layer=f"<b>{e(d['layer_title'])}</b>", n=d["index"] + 1) + f"<br>{' · '.join(facts)}</p>"
            + (f"<table>{rows}</table>" if rows else f"<p style='color:#666'>{e(_('No attributes.'))}</p>")
            + f"<p style='color:#777;font-size:small'>{e(_('From {source}').format(source=d['source']))}</p>")


feature_panel.RENDERERS["user_feature"] = user_feature_html


# ----------------------------------------------------------------------------- swatches
def user_icon(layer: UserLayer, w: int = 34, h: int = 16) -> QIcon:
    style = layer.style
    if layer.geometry_kind == "lines":
        return line_icon(style.line(), w, h)
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(style.color)
    if layer.geometry_kind in ("polygons", "mixed"):
        fill = QColor(colour)
        fill.setAlphaF(max(0.15, style.fill_opacity))
        p.setBrush(QBrush(fill))
        p.setPen(QPen(colour, min(style.weight, 4)))
        p.drawRect(3, 2, w - 6 if layer.geometry_kind == "polygons" else h - 4, h - 4)
        if layer.geometry_kind == "mixed":
            p.drawLine(h + 1, h // 2, w - 2, h // 2)
    else:
        p.setBrush(QBrush(colour))
        p.setPen(QPen(QColor("#ffffff"), 1.5))
        s, c = h - 4, QPointF(h / 2, h / 2)
        if style.symbol == "square":
            p.drawRect(2, 2, s, s)
        elif style.symbol in ("diamond", "triangle"):
            pts = ([(0, -0.55), (0.55, 0), (0, 0.55), (-0.55, 0)] if style.symbol == "diamond"
                   else [(0, -0.55), (0.5, 0.4), (-0.5, 0.4)])
            p.drawPolygon(QPolygonF([QPointF(c.x() + x * s * 1.1, c.y() + y * s * 1.1) for x, y in pts]))
        else:
            p.drawEllipse(c, s / 2, s / 2)
    p.end()
    return QIcon(pm)


# ----------------------------------------------------------------------------- style dialog
class StyleDialog(QDialog):
    """Colour, line width, point symbol and size, opacity of one user layer."""

    def __init__(self, layer: UserLayer, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Style of {layer}").format(layer=layer.title))
        self.colour = layer.style.color
        form = QFormLayout(self)
        self.colour_button = QPushButton(self.colour)
        self.colour_button.clicked.connect(self._pick_colour)
        self._show_colour()
        self.weight = QDoubleSpinBox(minimum=0.5, maximum=20, singleStep=0.5, value=layer.style.weight)
        self.symbol = QComboBox()
        self.symbol.addItems(POINT_SYMBOLS)
        self.symbol.setCurrentText(layer.style.symbol)
        self.size = QDoubleSpinBox(minimum=3, maximum=40, singleStep=1, value=layer.style.size)
        self.opacity = QDoubleSpinBox(minimum=0.1, maximum=1, singleStep=0.05, value=layer.style.opacity)
        self.fill = QDoubleSpinBox(minimum=0, maximum=1, singleStep=0.05, value=layer.style.fill_opacity)
        form.addRow(_("Colour"), self.colour_button)
        form.addRow(_("Line width (px)"), self.weight)
        form.addRow(_("Point symbol"), self.symbol)
        form.addRow(_("Point size (px)"), self.size)
        form.addRow(_("Opacity"), self.opacity)
        form.addRow(_("Area fill opacity"), self.fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour), self, _("Layer colour"))
        if colour.isValid():
            self.colour = colour.name()
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour)
        self.colour_button.setStyleSheet(f"background:{self.colour};color:#fff;font-weight:600")

    def style(self) -> UserStyle:
        return UserStyle.from_dict({"color": self.colour, "weight": self.weight.value(), "symbol": self.symbol.currentText(),
                                    "size": self.size.value(), "opacity": self.opacity.value(),
                                    "fill_opacity": self.fill.value()})


# ----------------------------------------------------------------------------- attribute table
class AttributeModel(QAbstractTableModel):
    """The attributes of one user layer as text; rows are read on demand (100k rows are fine)."""

    def __init__(self, layer: UserLayer | None = None, parent=None):
        super().__init__(parent)
        self.layer = layer

    def set_layer(self, layer: UserLayer | None) -> None:
        self.beginResetModel()
        self.layer = layer
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() or self.layer is None else self.layer.feature_count

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() or self.layer is None else len(self.layer.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.layer is None or not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.layer.cell(index.row(), index.column())
            return text if role == Qt.ItemDataRole.ToolTipRole or len(text) <= 200 else text[:199] + "…"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt name)
        if role != Qt.ItemDataRole.DisplayRole or self.layer is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.layer.columns[section] if section < len(self.layer.columns) else None
        return str(section + 1)


# ----------------------------------------------------------------------------- the controller
def _load(path: Path) -> tuple[list[UserLayer], list[str], float]:
    """In a worker thread: read the file, make its layers ready for the page (ids come later)."""
    from geodata.importer import import_file  # geopandas is loaded here, off the UI thread, on first use

    t0 = time.perf_counter()
    result = import_file(path)
    layers = []
    for raw in result:
        try:
            layers.append(UserLayer.from_frame("", layer_title(path, raw.name, len(result)), path, raw.name, raw.frame,
                                               warnings=raw.warnings))
        except Exception as exc:  # noqa: BLE001 - a user's file must never crash the window
            raise ImportProblem(path, f"layer '{raw.name}' could not be prepared for the map ({exc})") from None
    return layers, list(result.warnings), time.perf_counter() - t0


class UserData(QObject):
    """Everything about the user's own layers in one window."""

    added = Signal(str)          # a user layer id, sent to the page
    removed = Signal(str)
    failed = Signal(str, str)    # path, the importer's message
    idle = Signal()              # no import is running any more
    _loaded = Signal(object)     # from the worker threads (queued to the window's thread)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.layers: dict[str, UserLayer] = {}
        self.items: dict[str, QTreeWidgetItem] = {}
        self.timings: dict[str, dict] = {}   # layer id -> {"load_s", "sent_at", "drawn_s"}
        self.errors: list[str] = []
        self.error_box: QMessageBox | None = None
        self._next_id = 1
        self._pending = 0
        self._restoring = 0
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="atlas-import")
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._build_actions()
        self._build_panel()
        self.table_dock: QDockWidget | None = None
        self.table_model = AttributeModel(parent=self)
        window.map.bridge.event.connect(self._on_event)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.map.installEventFilter(self)
        window.map.loadFinished.connect(lambda _ok: self._watch_view_drops())
        window.map.bridge.ready.connect(self._watch_view_drops)
        window.map.bridge.ready.connect(self._on_page_ready)
        self._pages = 0
        window.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))
        self.restore()

    # ----- building -------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.act_open = w._action("Open…", "Ctrl+O", self.open_dialog, _(OPEN_TIP).format(formats=SUPPORTED))
        self.act_open_folder = w._action("Open shapefile folder…", None, self.open_folder_dialog,
                                         "Open every shapefile in a folder")
        menu = next((a.menu() for a in w.menuBar().actions() if a.menu() and a.text().replace("&", "") == "File"), None)
        if menu is None:
            menu = w.menuBar().addMenu("&File")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.act_open)
        menu.insertAction(first, self.act_open_folder)
        if first is not None:
            menu.insertSeparator(first)

    def _build_panel(self) -> None:
        panel = self.window.layer_panel
        self.group = QTreeWidgetItem([_(GROUP_TITLE)])
        self.group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = self.group.font(0)
        font.setBold(True)
        self.group.setFont(0, font)
        self.group.setToolTip(0, _(GROUP_TIP))
        panel.insertTopLevelItem(0, self.group)
        self.group.setHidden(True)
        panel.itemChanged.connect(self._on_item_changed)
        panel.itemDoubleClicked.connect(lambda item, _c: self._item_id(item) and self.edit_style(self._item_id(item)))
        panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.customContextMenuRequested.connect(self._context_menu)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), panel, context=Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove_current)

    def _item_id(self, item) -> str | None:
        return item.data(0, USER_ROLE) if item is not None else None

    # ----- opening ----------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = str(self.settings.value(LAST_DIR_KEY) or Path.home())
        paths, _filter = QFileDialog.getOpenFileNames(self.window, _("Open your data"), start, file_filter())
        self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        start = str(self.settings.value(LAST_DIR_KEY) or Path.home())
        folder = QFileDialog.getExistingDirectory(self.window, _("Open a folder of shapefiles"), start)
        if folder:
            self.open_paths([folder])

    def open_paths(self, paths) -> int:
        """Import each path in the background; returns how many imports were started."""
        started = 0
        for raw in paths:
            path = Path(raw)
            if any(layer.source == path for layer in self.layers.values()):
                self.window.statusBar().showMessage(_("{file} is open already").format(file=path.name), 5000)
                continue
            self.settings.setValue(LAST_DIR_KEY, str(path.parent))
            self._start(path, None)
            started += 1
        return started

    def _start(self, path: Path, entries: list[dict] | None) -> None:
        self._pending += 1
        self.window.statusBar().showMessage(_("Opening {file}…").format(file=path.name))
        future = self._pool.submit(_load, path)
        future.add_done_callback(lambda f: self._loaded.emit((path, entries, f)))

    def _on_loaded(self, item) -> None:
        path, entries, future = item
        self._pending -= 1
        restoring = entries is not None
        try:
            layers, notes, load_s = future.result()
        except ImportProblem as exc:
            self._failed(path, exc.message, restoring)
        except Exception as exc:  # noqa: BLE001 - never let one file take the window down
            self._failed(path, _("could not be read: {reason}").format(reason=exc), restoring)
        else:
            if restoring:
                layers = self._match_saved(path, layers, entries)
            for layer in layers:
                self._add(layer, load_s, restored=restoring)
            if notes:
                self.window.statusBar().showMessage(f"{path.name}: " + "; ".join(notes), 10000)
        if restoring:
            self._restoring -= 1
            if self._restoring == 0:
                self.save()
        if self._pending == 0:
            self.idle.emit()

    def _match_saved(self, path: Path, layers: list[UserLayer], entries: list[dict]) -> list[UserLayer]:
        by_name = {layer.layer_name: layer for layer in layers}
        out = []
        for entry in entries:
            layer = by_name.get(entry["layer"]) or (layers[0] if len(layers) == 1 and not entry["layer"] else None)
            if layer is None:
                self._report(_("{file}: the layer “{layer}” is no longer in the file (not restored)").format(
                    file=path.name, layer=entry["layer"]))
                continue
            layer.title, layer.style, layer.visible = entry["title"], entry["style"], entry["visible"]
            out.append(layer)
        return out

    def _failed(self, path: Path, message: str, restoring: bool) -> None:
        self.failed.emit(str(path), message)
        if restoring:
            self._report(_("{file}: {reason} — it was not reopened and is no longer in the list ({path})").format(
                file=path.name, reason=message, path=path))
        else:
            self._report(f"{path.name}: {message}")

    def _report(self, message: str) -> None:
        """A problem with a file: in the status bar and in one non-modal box (the window carries on)."""
        self.errors.append(message)
        self.window.statusBar().showMessage(_("Not opened: {reason}").format(reason=message), 15000)
        if self.error_box is None:
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, _(GROUP_TITLE), "", parent=self.window)
            self.error_box.setTextFormat(Qt.TextFormat.PlainText)
            self.error_box.setWindowModality(Qt.WindowModality.NonModal)   # the window keeps working
            self.error_box.finished.connect(self._box_closed)
        lines = self.error_box.property("atlasLines") or []
        lines = [*lines, message]
        self.error_box.setProperty("atlasLines", lines)
        head = (_("This file could not be opened:") if len(lines) == 1
                else _("These {n} files could not be opened:").format(n=len(lines)))
        self.error_box.setText(head + "\n\n" + "\n\n".join(lines[-12:]))
        self.error_box.show()

    def _box_closed(self, *_args) -> None:
        if self.error_box is not None:
            self.error_box.setProperty("atlasLines", [])

    def _add(self, layer: UserLayer, load_s: float, restored: bool = False) -> None:
        layer.id = f"user:{self._next_id}"
        if not restored:
            layer.style = UserStyle.default(self._next_id - 1)
        self._next_id += 1
        self.layers[layer.id] = layer
        self.timings[layer.id] = {"load_s": load_s, "sent_at": time.perf_counter()}
        self.window.map.bridge.send("userLayerAdd", **layer.to_page())
        self._add_item(layer)
        note = f" ({'; '.join(layer.warnings)})" if layer.warnings else ""
        self.window.statusBar().showMessage(_("Opened {layer}: {n} features").format(
            layer=layer.title, n=f"{layer.feature_count:,}") + note, 10000)
        self.save()
        self.added.emit(layer.id)

    def _add_item(self, layer: UserLayer) -> None:
        panel = self.window.layer_panel
        item = QTreeWidgetItem([layer.title])
        item.setData(0, USER_ROLE, layer.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        self._updating = True
        try:
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            item.setIcon(0, user_icon(layer))
            tip = [str(layer.source), _("{n} features ({kind})").format(n=f"{layer.feature_count:,}",
                                                                        kind=layer.geometry_kind)] + layer.warnings
            item.setToolTip(0, "\n".join(tip))
            self.group.insertChild(0, item)   # the newest on top, as it is drawn
        finally:
            self._updating = False
        self.group.setHidden(False)
        self.group.setExpanded(True)
        if panel.indexOfTopLevelItem(self.group) != 0:
            panel.takeTopLevelItem(panel.indexOfTopLevelItem(self.group))
            panel.insertTopLevelItem(0, self.group)
            self.group.setExpanded(True)
        self.items[layer.id] = item

    # ----- changing -----------------------------------------------------------------------
    _updating = False

    def _on_item_changed(self, item, _column) -> None:
        layer_id = self._item_id(item)
        if self._updating or not layer_id:
            return
        self.set_visible(layer_id, item.checkState(0) == Qt.CheckState.Checked)

    def set_visible(self, layer_id: str, visible: bool) -> None:
        layer = self.layers[layer_id]
        if layer.visible == visible:
            return
        layer.visible = visible
        item = self.items.get(layer_id)
        if item is not None and (item.checkState(0) == Qt.CheckState.Checked) != visible:
            self._updating = True
            item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
            self._updating = False
        self.window.map.bridge.send("userLayerVisible", id=layer_id, visible=visible)
        if not visible and self._selected_layer() == layer_id:
            self._clear_selection()
        self.save()

    def set_style(self, layer_id: str, style: UserStyle) -> None:
        layer = self.layers[layer_id]
        layer.style = style
        self.window.map.bridge.send("userLayerStyle", id=layer_id, style=style.to_dict())
        if layer_id in self.items:
            self.items[layer_id].setIcon(0, user_icon(layer))
        self.save()

    def edit_style(self, layer_id: str) -> None:
        dlg = StyleDialog(self.layers[layer_id], self.window)
        if dlg.exec() == QDialog.DialogCode.Accepted and layer_id in self.layers:
            self.set_style(layer_id, dlg.style())

    def remove(self, layer_id: str) -> None:
        layer = self.layers.pop(layer_id, None)
        if layer is None:
            return
        self.window.map.bridge.send("userLayerRemove", id=layer_id)
        item = self.items.pop(layer_id, None)
        if item is not None:
            self.group.removeChild(item)
        self.group.setHidden(not self.items)
        if self._selected_layer() == layer_id:
            self._clear_selection()
        if self.table_model.layer is layer:
            self.table_model.set_layer(None)
            if self.table_dock is not None:
                self.table_dock.setWindowTitle(_("Attributes"))
        self.timings.pop(layer_id, None)
        self.window.statusBar().showMessage(_("Removed {layer}").format(layer=layer.title), 5000)
        self.save()
        self.removed.emit(layer_id)

    def _remove_current(self) -> None:
        layer_id = self._item_id(self.window.layer_panel.currentItem())
        if layer_id:
            self.remove(layer_id)

    def zoom_to(self, layer_id: str) -> None:
        self.window.map.bridge.send("fitBounds", bounds=self.layers[layer_id].bounds, padding=[30, 30])

    def _context_menu(self, pos) -> None:
        panel = self.window.layer_panel
        layer_id = self._item_id(panel.itemAt(pos))
        if not layer_id:
            return
        menu = QMenu(panel)
        menu.addAction(_("Zoom to layer"), lambda: self.zoom_to(layer_id))
        menu.addAction(_("Style…"), lambda: self.edit_style(layer_id))
        menu.addAction(_("Attribute table"), lambda: self.show_table(layer_id))
        menu.addSeparator()
        menu.addAction(_("Remove"), lambda: self.remove(layer_id))
        menu.popup(panel.viewport().mapToGlobal(pos))
        self.menu = menu  # kept for tests and so it is not collected while open

    # ----- selection and the attribute table -----------------------------------------------
    def _on_event(self, event: dict) -> None:
        if event["type"] == "userSelect":
            self.select(event["layer"], event["index"], fit=False, from_page=True)
        elif event["type"] == "drawn":
            now = time.perf_counter()
            for layer_id, t in self.timings.items():
                layer = self.layers.get(layer_id)
                if "drawn_s" not in t and layer is not None and layer.visible \
                        and event["counts"].get(layer_id) == layer.feature_count:
                    t["drawn_s"] = now - t["sent_at"]

    def select(self, layer_id: str, index: int, fit: bool = True, from_page: bool = False) -> dict | None:
        layer = self.layers.get(layer_id)
        if layer is None or not 0 <= index < layer.feature_count:
            return None
        w = self.window
        d = layer.describe(index)
        w.selection = [{"layer": layer_id, "id": str(index)}]
        if not from_page or fit:
            w.map.bridge.send("highlight", items=w.selection, fit=fit)
        w.feature_panel.show_facts(d)
        w.statusBar().showMessage(_("Selected: {name}").format(name=d["name"]) + f" ({layer.title})")
        w.selected.emit(d)
        return d

    def _selected_layer(self) -> str | None:
        current = self.window.feature_panel.current
        return current.get("layer") if current and current.get("type") == "user_feature" else None

    def _clear_selection(self) -> None:
        w = self.window
        w.selection = []
        w.map.bridge.send("highlight", items=[], fit=False)
        w.feature_panel.show_facts(None)
        w.selected.emit(None)

    def show_table(self, layer_id: str) -> QTableView:
        layer = self.layers[layer_id]
        if self.table_dock is None:
            view = QTableView()
            view.setObjectName("userAttributeTable")
            view.setModel(self.table_model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.verticalHeader().setDefaultSectionSize(22)
            view.selectionModel().currentRowChanged.connect(
                lambda cur, _prev: self.table_model.layer is not None and cur.isValid()
                and self.select(self.table_model.layer.id, cur.row(), fit=True))
            dock = QDockWidget(_("Attributes"), self.window)
            dock.setObjectName("userAttributesDock")
            dock.setWidget(view)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.table_dock, self.table_view = dock, view
        self.table_model.set_layer(layer)
        self._table_title()
        self.table_dock.show()
        self.table_dock.raise_()
        return self.table_view

    def _on_page_ready(self) -> None:
        """A reloaded page has lost the user layers sent to the page before: send them again."""
        self._pages += 1
        if self._pages > 1:
            for layer in self.layers.values():
                self.window.map.bridge.send("userLayerAdd", **layer.to_page())

    def _table_title(self) -> None:
        layer = self.table_model.layer
        if self.table_dock is not None:
            self.table_dock.setWindowTitle(_("Attributes: {layer} ({n} features)").format(
                layer=layer.title, n=f"{layer.feature_count:,}") if layer is not None else _("Attributes"))

    def retranslate(self) -> None:
        """Texts made here in the interface language (gui/language.py calls this on a switch)."""
        self.act_open.setToolTip(f"{_(OPEN_TIP).format(formats=SUPPORTED)} ({self.act_open.shortcut().toString()})")
        self.group.setText(0, _(GROUP_TITLE))
        self.group.setToolTip(0, _(GROUP_TIP))
        for layer_id, item in self.items.items():
            layer = self.layers[layer_id]
            tip = [str(layer.source), _("{n} features ({kind})").format(n=f"{layer.feature_count:,}",
                                                                        kind=layer.geometry_kind)] + layer.warnings
            item.setToolTip(0, "\n".join(tip))
        self._table_title()
        if self.error_box is not None:
            self.error_box.setWindowTitle(_(GROUP_TITLE))

    # ----- drag and drop ------------------------------------------------------------------------
    def _watch_view_drops(self) -> None:
        proxy = self.window.map.focusProxy()
        if proxy is not None and not proxy.property("atlasDropWatch"):
            proxy.setProperty("atlasDropWatch", True)
            proxy.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()] if event.mimeData().hasUrls() else []
            if not paths:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.Drop:
                self.open_paths(paths)
            return True   # the map page never sees a dropped file (it would try to open it)
        return False

    # ----- exports ------------------------------------------------------------------------------
    def export_layers(self) -> LayerList:
        """The window's layers and the visible user layers (top), for a PNG, PDF or HTML export."""
        extra, skipped = [], []
        for layer in self.layers.values():
            if not layer.visible:
                continue
            if layer.feature_count > EXPORT_MAX_FEATURES:
                skipped.append(layer.title)
                continue
            extra += layer.to_catalog_layers()
        if skipped:
            self.window.statusBar().showMessage(
                _("Left out of the export (more than {n} features): {layers}").format(
                    n=f"{EXPORT_MAX_FEATURES:,}", layers=", ".join(skipped)), 10000)
        return LayerList(list(self.window.layer_list) + extra)

    # ----- the session --------------------------------------------------------------------------
    def save(self) -> None:
        if self._restoring:
            return   # the list being restored is still the one in the settings
        self.settings.setValue(SETTINGS_KEY, session_text(self.layers.values()))
        self.settings.sync()

    def restore(self) -> None:
        """Reopen the files of the last session, in their order; a file that is gone is reported."""
        entries = parse_session(self.settings.value(SETTINGS_KEY))
        by_path: dict[str, list[dict]] = {}
        for entry in entries:
            by_path.setdefault(entry["path"], []).append(entry)
        self._restoring = len(by_path)
        for path, items in by_path.items():
            self._start(Path(path), items)

    @property
    def busy(self) -> bool:
        return self._pending > 0
