"""The main window: the map in the middle, layers on the left, the selection on the right."""
from __future__ import annotations

import json
import time

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar

from geodata import describe as facts
from geodata.dataset import Dataset
from geodata.i18n import _
from geodata.measure import path_length_km
from geodata.search import Hit, SearchIndex
from layers.catalog import build_layers
from layers.layer_list import LayerList
from layers.views import bounds_of

from layers.views import View, ViewError, load_views, resolve_view, user_views_path, whole_network

from .edit_session import EditSession
from .feature_panel import FeaturePanel
from .language import LanguageSwitch
from .layer_panel import LayerPanel
from .map_view import MapView
from .presentation import Presenter
from .route_panel import install as install_route_panel
from .search_box import SearchBox
from .settings import app_settings
from .views_panel import ViewsPanel, new_view
from .user_data import UserData


class MainWindow(QMainWindow):
    drawn = Signal(dict)        # per-layer feature counts, each time the page has drawn
    selected = Signal(object)   # the facts now shown in the side panel (or None)

    def __init__(self, dataset: Dataset, settings=None, parent=None):
        super().__init__(parent)
        self.t0 = time.perf_counter()
        self.dataset = dataset
        self.settings = settings if settings is not None else app_settings()
        self.language = LanguageSwitch(self)  # the saved interface language, set before any text is made
        self.setWindowTitle("Corridor Atlas — Kazakhstan to Pakistan's ports")
        self.layer_list = LayerList(build_layers(dataset))
        self.last_counts: dict[str, int] = {}
        self.last_view: dict | None = None
        self.selection: list[dict] = []
        self.measure_km: float | None = None
        self._measure_points = 0
        self.first_drawn_s: float | None = None

        self.map = MapView(self)
        self.setCentralWidget(self.map)
        self.feature_panel = FeaturePanel(self)
        self.layer_panel = LayerPanel(self.layer_list, self)
        self.layer_panel.setMinimumWidth(290)
        self.feature_panel.setMinimumWidth(340)
        self.layers_dock = self._dock(self.layer_panel, "Layers", "layersDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock(self.feature_panel, "Selection", "selectionDock", Qt.DockWidgetArea.RightDockWidgetArea)
        try:
            views = load_views(dataset)
        except ViewError as exc:
            views = [whole_network()]
            self.statusBar().showMessage(_("Saved views not loaded: {error}").format(error=exc), 10000)
        self.default_visibility = self.layer_list.visibility()
        self.views_panel = ViewsPanel(views, user_views_path(dataset), self)
        self.views_panel.activated.connect(lambda v: self.apply_view(v))
        self.views_panel.save_requested.connect(self.save_current_view)
        self.views_dock = self._dock(self.views_panel, "Views", "viewsDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.layers_dock, self.views_dock)
        self.layers_dock.raise_()
        self.presenter = Presenter(self)
        self.export_jobs: list = []
        self.search = SearchBox(SearchIndex(dataset), self)
        self.route_panel = install_route_panel(self)   # the Route dock (route_panel.py), tabbed with Selection
        self._build_toolbar()
        self.user_data = UserData(self)   # the user's own files: open, drop, style, table, session
        self.cursor_label = QLabel("")
        self.statusBar().addPermanentWidget(self.cursor_label)
        self.statusBar().showMessage(_("Loading the map…"))

        self.layer_list.subscribe(self._on_visibility)
        self.map.bridge.ready.connect(self._on_page_ready)
        self.map.bridge.event.connect(self._on_event)
        self.search.picked.connect(self.go_to)
        self.editor = EditSession(self)  # edit form, edit mode on the map, undo/redo, save, autosave, recovery
        self.language.install()  # Language menu; every text now in the chosen language, and the page's labels
        self._restore_state()
        self.map.load_page()

    # ----- construction -------------------------------------------------------------
    def _dock(self, widget, title: str, name: str, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, shortcut, slot, tip: str = "", checkable: bool = False) -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setToolTip(f"{tip or text} ({QKeySequence(shortcut).toString()})" if shortcut else (tip or text))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_toolbar(self) -> None:
        bar = QToolBar("Map", self)
        bar.setObjectName("mapToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.act_full = self._action("Full corridor", "Home", self.zoom_full, "Zoom to the whole corridor network")
        self.act_sel = self._action("Zoom to selection", "Ctrl+J", self.zoom_selection)
        self.act_measure = self._action("Measure", "Ctrl+M", self.toggle_measure,
                                        "Click points on the map to measure a geodesic distance; Esc clears", True)
        for act in (self.act_full, self.act_sel, self.act_measure):
            bar.addAction(act)
        bar.addSeparator()
        bar.addWidget(self.search)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: (self.search.setFocus(), self.search.selectAll()))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.on_escape)
        self._action("Zoom in", "Ctrl+=", lambda: self.map.page().runJavaScript("atlasMap.zoomIn();0"))
        self._action("Zoom out", "Ctrl+-", lambda: self.map.page().runJavaScript("atlasMap.zoomOut();0"))
        file_menu = self.menuBar().addMenu("&File")
        self.act_export = self._action("Export…", "Ctrl+E", self.open_export_dialog,
                                       "Export the map as PNG, PDF, interactive HTML or a PowerPoint deck")
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self._action("Quit", "Ctrl+Q", self.close))
        self.act_present = self._action("Present", "F5", lambda: self.presenter.start(max(0, self.views_panel.list.currentRow())),
                                        "Full-screen briefing through the saved views (arrows step, Esc returns)")
        bar.addAction(self.act_present)
        bar.addAction(self.act_export)
        menu = self.menuBar().addMenu("&View")
        for act in (self.act_full, self.act_sel, self.act_measure):
            menu.addAction(act)
        menu.addSeparator()
        for dock in self.findChildren(QDockWidget):
            menu.addAction(dock.toggleViewAction())
        full = self._action("Full screen", "F11", lambda: self.showNormal() if self.isFullScreen() else self.showFullScreen())
        menu.addAction(full)

    # ----- page events -----------------------------------------------------------------
    def _on_page_ready(self) -> None:
        self.map.bridge.send("setLayers", layers=[layer.to_page() for layer in self.layer_list])
        view = self._saved_view()
        if view:
            self.map.bridge.send("setView", center=view["center"], zoom=view["zoom"])
        else:
            self.zoom_full()

    def _on_event(self, event: dict) -> None:
        kind = event["type"]
        if kind == "drawn":
            self.last_counts = {k: int(v) for k, v in event["counts"].items() if isinstance(v, int)}
            if self.first_drawn_s is None:
                self.first_drawn_s = time.perf_counter() - self.t0
            total = sum(self.last_counts.values())
            self.statusBar().showMessage(_("Features drawn: {n}").format(n=total), 4000)
            self.drawn.emit(self.last_counts)
        elif kind == "select":
            self.show_selection(event["layer"], event["id"], fit=False, from_page=True)
        elif kind == "clearSelection":
            self.selection = []
            self.feature_panel.show_facts(None)
            self.selected.emit(None)
        elif kind == "view":
            self.last_view = {"center": event["center"], "zoom": event["zoom"], "bounds": event["bounds"]}
        elif kind == "cursor":
            self.cursor_label.setText(f"{event['lat']:.4f}°N  {event['lon']:.4f}°E")
        elif kind == "measure":
            self._measure_points = len(event["points"])
            self.measure_km = path_length_km(event["points"])
            text = f"{self.measure_km:,.1f} km"
            self.map.bridge.send("measureResult", text=text)
            self.statusBar().showMessage(_("Measured: {length} (geodesic, {n} points)").format(length=text, n=len(event["points"])))
        elif kind == "measureCleared":
            self.measure_km = None
            self._measure_points = 0

    # ----- actions ------------------------------------------------------------------------
    def show_selection(self, layer: str, fid: str, fit: bool = True, from_page: bool = False) -> dict | None:
        d = facts.describe(self.dataset, layer, fid)
        if d is None:
            self.statusBar().showMessage(_("Nothing known about {id}").format(id=repr(fid)), 5000)
            return None
        self.selection = [{"layer": layer, "id": fid}]
        if not from_page or fit:
            self.map.bridge.send("highlight", items=self.selection, fit=fit)
        self.feature_panel.show_facts(d)
        km = f" — {d['km']:,.0f} km" if "km" in d else ""
        self.statusBar().showMessage(_("Selected: {name}").format(name=self.feature_panel.display_name(d)) + km)
        self.selected.emit(d)
        return d

    def go_to(self, hit: Hit) -> None:
        layer, _sep, fid = hit.target.rpartition("/")
        if layer == "agreement":
            d = facts.describe_agreement(self.dataset, fid)
            items = [{"layer": self._segment_layer(s), "id": s} for s in d["segments"]]
            items += [{"layer": self._node_layer(n), "id": n} for n in d["nodes"]]
            self.selection = items
            self.map.bridge.send("highlight", items=items, fit=True)
            self.feature_panel.show_facts(d)
            self.selected.emit(d)
            self.statusBar().showMessage(_("Agreement: {title}").format(title=self.feature_panel.display_name(d)))
            return
        if not self.layer_list.get(layer).visible:
            self.layer_list.set_visible(layer, True)
        self.show_selection(layer, fid, fit=True)

    def _segment_layer(self, sid: str) -> str:
        from geodata.search import segment_layer

        return segment_layer(self.dataset.segments[sid]["properties"])

    def _node_layer(self, nid: str) -> str:
        from geodata.search import NODE_LAYERS

        return NODE_LAYERS.get(self.dataset.nodes[nid]["properties"].get("kind"), "cities")

    def zoom_full(self) -> None:
        self.map.bridge.send("fitBounds", bounds=bounds_of(self.dataset), padding=[20, 20])

    def zoom_selection(self) -> None:
        if self.selection:
            self.map.bridge.send("highlight", items=self.selection, fit=True)
        else:
            self.statusBar().showMessage(_("Nothing selected"), 3000)

    def toggle_measure(self, on: bool) -> None:
        self.map.bridge.send("measure", on=bool(on))
        self.statusBar().showMessage(_("Measure: click points on the map; Esc clears") if on else _("Measure off"), 5000)

    def on_escape(self) -> None:
        if self.presenter.active:
            self.presenter.stop()
        else:
            self.clear_measure()

    # ----- views, presentation, export ---------------------------------------------------------
    def apply_view(self, view: View, animate: bool = False) -> dict:
        """Show a saved view: its layers, its extent and what it highlights."""
        states = dict(self.default_visibility)
        states.update(view.layers)
        if view.corridor:
            states.update({lid: lid == f"corridor:{view.corridor}" for lid in states if lid.startswith("corridor:")})
        self.layer_list.apply_visibility(states)
        resolved = resolve_view(self.dataset, view)
        if animate:  # presenting: leave room for the caption at the bottom
            self.map.bridge.send("flyToBounds", bounds=resolved["bounds"], padding=[40, 40], paddingBottomRight=[40, 110])
        else:
            self.map.bridge.send("fitBounds", bounds=resolved["bounds"], padding=[40, 40])
        self.selection = resolved["highlight"]
        self.map.bridge.send("highlight", items=self.selection, fit=False)
        if view.corridor:
            self.show_selection(f"corridor:{view.corridor}", view.corridor, fit=False, from_page=True)
        self.statusBar().showMessage(_("View: {name}").format(name=view.name_in()), 4000)
        return resolved

    def current_bounds(self):
        return self.last_view["bounds"] if self.last_view else bounds_of(self.dataset)

    def save_current_view(self, name: str) -> None:
        corridor = None
        if self.feature_panel.current and self.feature_panel.current.get("type") == "corridor":
            corridor = self.feature_panel.current["id"]
        self.views_panel.add_view(new_view(name, self.current_bounds(), self.layer_list.visibility(), corridor))

    def open_export_dialog(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QDialog

        from layers.composition import DEFAULT_TITLE

        from .export_dialog import ExportDialog

        dlg = ExportDialog(_(DEFAULT_TITLE), Path.home(), self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.export(**dlg.values())

    def export(self, out, width: int = 1920, height: int = 1080, title: str = "", subtitle: str = "",
               lang: str | None = None, second: str | None = None):
        """Export what the window shows now (or, for .pptx, every saved view)."""
        from .exporting import Export

        job = Export(self.dataset, out, width, height, layer_list=self.user_data.export_layers(), bounds=self.current_bounds(),
                     highlight=self.selection, title=title, subtitle=subtitle, views=self.views_panel.views, parent=self,
                     lang=lang or self.language.lang, second=second)
        job.finished.connect(lambda path: self.statusBar().showMessage(_("Exported {path}").format(path=path), 10000))
        job.failed.connect(self._export_failed)
        self.export_jobs.append(job)
        self.statusBar().showMessage(_("Exporting {path}…").format(path=out))
        job.start()
        return job

    def _export_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(_("Export failed: {error}").format(error=message), 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Export failed"), message, parent=self)
        box.open()  # not exec(): the window keeps working

    def clear_measure(self) -> None:
        self.map.bridge.send("measureClear")
        self.measure_km = None

    def map_measure_points(self) -> int:
        return self._measure_points

    def _on_visibility(self, layer_id: str, visible: bool) -> None:
        self.map.bridge.send("setVisible", id=layer_id, visible=visible)

    # ----- state between runs -------------------------------------------------------------------
    def _saved_view(self) -> dict | None:
        raw = self.settings.value("map/view")
        try:
            view = json.loads(raw) if isinstance(raw, str) else None
            lat, lon = float(view["center"][0]), float(view["center"][1])
            zoom = float(view["zoom"])
        except (TypeError, ValueError, KeyError, IndexError, json.JSONDecodeError):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 1 <= zoom <= 14):
            return None
        return {"center": [lat, lon], "zoom": zoom}

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 950)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        raw = self.settings.value("map/layers")
        try:
            saved = json.loads(raw) if isinstance(raw, str) else {}
        except json.JSONDecodeError:
            saved = {}
        if isinstance(saved, dict):
            self.layer_list.apply_visibility(saved)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("map/layers", json.dumps(self.layer_list.visibility()))
        if self.last_view:
            self.settings.setValue("map/view", json.dumps({"center": self.last_view["center"], "zoom": self.last_view["zoom"]}))
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_state()
        super().closeEvent(event)
