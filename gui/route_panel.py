"""The "Route" dock: pick two places and filters, compute, read the route and compare.

Everything is computed on the UI thread (a route query takes about a millisecond; the
alternatives that differ by border crossings up to ~0.2 s) and nothing waits for the
page: the route goes to the map with the ``showRoute`` command and is drawn by
``resources/web/js/route.js``. Every value from data is escaped (``html.escape``) before it
reaches Qt rich text; list and table items are plain text. The place fields are
``gui/place_field.py``; the route's details, label and warnings are made by ``gui/route_report.py``.

``install(window)`` creates the panel in a dock tabbed with "Selection" and returns it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QButtonGroup, QCheckBox, QComboBox, QDockWidget, QFileDialog,
    QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QRadioButton, QSizePolicy, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
    QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)

from geodata.assumptions import (
    DEFAULT_PATH, MODES, Assumptions, AssumptionsError, load_assumptions, user_assumptions_path,
)
from geodata.i18n import N_, _, is_rtl, language
from geodata.names import AmbiguousPlace, PlaceError, PlaceIndex
from geodata.network import NetworkError, build_graph
from geodata.routing import (
    COMPARISON_COLUMNS, EXISTING_ONLY, NoRoute, Route, RouteError, RouteOptions, Router, compare_routes,
    write_comparison_csv,
)
from geodata.standard_routes import compare_standard_corridors
from geodata.translations import name_in
from layers.styles import NODE_KIND_LABELS

from .place_field import PlaceField
from .route_report import (
    MODE_WORDS, ROUTE_COLOURS, SCENARIO_CHOICES, RouteReport, _e, _km, _t, country_names, friendly,
)

# Texts are English messages (geodata.i18n), translated where shown; retranslate() redoes them all.
DISTINCT_CHOICES = (("borders", N_("border crossings")), ("places", N_("places")), ("segments", N_("segments")))
TABLE_HEADERS = {
    "label": N_("Route"), "total_km": N_("km"), "km_rail": N_("Rail km"), "km_road": N_("Road km"),
    "km_sea": N_("Sea km"), "km_ferry": N_("Ferry km"), "border_crossings": N_("Borders"),
    "transshipments": N_("Transship."), "hours": N_("Hours"), "non_operational_km": N_("Not oper. km"),
    "unsigned_agreements": N_("Unsigned agreements"),
}


# ---------------------------------------------------------------------------------------
class RoutePanel(QWidget):
    """Origin, destination, filters, "as of"; the routes found, their details and table."""

    computed = Signal(object)   # the list of routes shown (empty when none)

    def __init__(self, dataset, bridge, parent=None, status=None):
        super().__init__(parent)
        self.setObjectName("routePanel")
        self.dataset = dataset
        self.bridge = bridge
        self.status = status            # callable(str) for the window's status bar, or None
        self.places = PlaceIndex(dataset)
        self.routes: list[Route] = []
        self.current: int | None = None
        self.mode = "routes"            # or "corridors": what the list and table hold
        self.failures: list[tuple[str, str]] = []   # (corridor name, why) of the last comparison
        self._routers: dict[tuple, Router] = {}
        self._assumptions: Assumptions | None = None
        self._assumptions_key = None
        self._notes: list[str] = []
        self._last_run = None           # the last query run (compute or compare), rerun on a change
        self._last_state: tuple | None = None
        self._texts: list[tuple[QWidget, str, str]] = []   # widget, setter, English message (retranslate)
        self._message: tuple | None = None   # the message shown: (html or a function making it, kind)
        # the route's details, label and warnings (gui/route_report.py), in the interface language
        self.report = RouteReport(dataset, self.place_name, self.as_of, lambda: self.router().G)
        self._build()

    # ----- construction --------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(6)

        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(4)
        self.origin = PlaceField(self.places, "", self, name_of=self.place_name)
        self.destination = PlaceField(self.places, "", self, name_of=self.place_name)
        self._text(self.origin, "setPlaceholderText", N_("From: a place, port or crossing (e.g. Almaty)"))
        self._text(self.destination, "setPlaceholderText", N_("To: e.g. Karachi Port, Gwadar"))
        self.origin.setObjectName("routeOrigin")
        self.destination.setObjectName("routeDestination")
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇅")
        self._text(self.swap_button, "setToolTip", N_("Swap origin and destination"))
        self.swap_button.clicked.connect(self.swap)
        form.addWidget(self._label(N_("From")), 0, 0)
        form.addWidget(self.origin, 0, 1)
        form.addWidget(self.swap_button, 0, 2, 2, 1)
        form.addWidget(self._label(N_("To")), 1, 0)
        form.addWidget(self.destination, 1, 1)
        outer.addLayout(form)

        opts = QFormLayout()
        opts.setHorizontalSpacing(8)
        opts.setVerticalSpacing(4)
        opts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        opts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        row = QHBoxLayout()
        self.by_km = self._text(QRadioButton(), "setText", N_("Shortest (km)"))
        self.by_time = self._text(QRadioButton(), "setText", N_("Fastest (time)"))
        self.by_km.setChecked(True)
        self._by_group = QButtonGroup(self)
        for b in (self.by_km, self.by_time):
            self._by_group.addButton(b)
            row.addWidget(b)
        row.addStretch(1)
        opts.addRow(self._label(N_("Route")), row)

        row = QHBoxLayout()
        self.mode_boxes: dict[str, QCheckBox] = {}
        for m in MODES:
            box = self._text(QCheckBox(), "setText", MODE_WORDS[m])
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox {{ color: {ROUTE_COLOURS[m]}; font-weight: 600; }}")
            self.mode_boxes[m] = box
            row.addWidget(box)
        row.addStretch(1)
        opts.addRow(self._label(N_("Modes")), row)

        row = QHBoxLayout()
        self.existing_only = self._text(QRadioButton(), "setText", N_("Existing only"))
        self._text(self.existing_only, "setToolTip",
                   N_("Operational segments only: never under construction, planned or proposed"))
        self.with_planned = self._text(QRadioButton(), "setText", N_("Including planned"))
        self.with_planned.setChecked(True)
        self._status_group = QButtonGroup(self)
        for b in (self.existing_only, self.with_planned):
            self._status_group.addButton(b)
            row.addWidget(b)
        row.addStretch(1)
        opts.addRow(self._label(N_("Segments")), row)

        avoid = QGridLayout()
        avoid.setHorizontalSpacing(10)
        avoid.setVerticalSpacing(2)
        names = country_names()
        self.avoid_boxes: dict[str, QCheckBox] = {}
        codes = sorted(self.places.countries, key=lambda c: names.get(c, c))
        for i, code in enumerate(codes):
            box = QCheckBox()
            box.setProperty("atlasNoTranslate", True)   # a country's name: set by retranslate()
            self.avoid_boxes[code] = box
            avoid.addWidget(box, i // 3, i % 3)
        opts.addRow(self._label(N_("Avoid")), avoid)

        row = QHBoxLayout()
        self.alternatives_spin = QSpinBox()
        self.alternatives_spin.setRange(1, 10)
        self.alternatives_spin.setValue(3)
        self._text(self.alternatives_spin, "setToolTip", N_("How many routes to find, best first"))
        self.distinct_combo = QComboBox()
        for key, words in DISTINCT_CHOICES:
            self.distinct_combo.addItem(_(words), key)
        self.distinct_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._text(self.distinct_combo, "setToolTip", N_("How alternatives must differ from the better ones: by the "
                                                         "border crossings used, by the places passed, or by any segment"))
        row.addWidget(self.alternatives_spin)
        row.addWidget(self._label(N_("differing by")))
        row.addWidget(self.distinct_combo, 1)
        opts.addRow(self._label(N_("Routes")), row)

        row = QHBoxLayout()
        self.as_of_box = self._text(QCheckBox(), "setText", N_("As of"))
        self._text(self.as_of_box, "setToolTip", N_("Statuses at a date: a segment opened later is not yet built; "
                                                    "'as planned' also counts segments expected by then as "
                                                    "operational. Off: statuses as recorded."))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1850, 2100)
        self.year_spin.setValue(QDate.currentDate().year())
        self.year_spin.setKeyboardTracking(False)
        self.scenario_combo = QComboBox()
        for key, words in SCENARIO_CHOICES:
            self.scenario_combo.addItem(_(words), key)
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_spin.setEnabled(False)
        self.scenario_combo.setEnabled(False)
        self.as_of_box.toggled.connect(self.year_spin.setEnabled)
        self.as_of_box.toggled.connect(self.scenario_combo.setEnabled)
        row.addWidget(self.as_of_box)
        row.addWidget(self.year_spin)
        row.addWidget(self.scenario_combo, 1)
        opts.addRow(self._label(N_("Network")), row)
        outer.addLayout(opts)

        row = QHBoxLayout()
        self.compute_button = self._text(QPushButton(), "setText", N_("Compute"))
        self.compute_button.setDefault(True)
        self._text(self.compute_button, "setToolTip", N_("Find the routes (Enter)"))
        self.compute_button.clicked.connect(self.compute)
        self.compare_button = self._text(QPushButton(), "setText", N_("Compare standard corridors"))
        self._text(self.compare_button, "setToolTip", N_("A route along each corridor of the dataset that crosses a "
                                                         "border (Trans-Afghan, Turkmenistan–Herat, Iran, the Gulf by "
                                                         "sea, the Karakoram…), under the filters above"))
        self.compare_button.clicked.connect(self.compare_standard)
        self.clear_button = self._text(QPushButton(), "setText", N_("Clear"))
        self.clear_button.clicked.connect(self.clear)
        for b in (self.compute_button, self.compare_button, self.clear_button):
            b.setMinimumWidth(0)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)   # long words never widen the dock
        row.addWidget(self.compute_button, 2)
        row.addWidget(self.compare_button, 5)
        row.addWidget(self.clear_button, 2)
        outer.addLayout(row)

        self.message = QLabel("")
        self.message.setObjectName("routeMessage")
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.setOpenExternalLinks(False)
        self.message.linkActivated.connect(self._on_link)
        self.message.setVisible(False)
        outer.addWidget(self.message)

        self.alternatives = QListWidget()
        self.alternatives.setObjectName("routeAlternatives")
        self.alternatives.setWordWrap(True)
        self.alternatives.setAlternatingRowColors(True)
        self.alternatives.currentRowChanged.connect(self._on_list_row)

        self.details = QTextBrowser()
        self.details.setObjectName("routeDetails")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(lambda url: self._on_link(url.toString()))

        self.table = QTableWidget(0, len(COMPARISON_COLUMNS))
        self.table.setObjectName("routeTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)   # long labels: elided, full in the tooltip
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 190)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.export_button = self._text(QPushButton(), "setText", N_("Export table as CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.export_button.setEnabled(False)
        table_page = QWidget()
        tl = QVBoxLayout(table_page)
        tl.setContentsMargins(0, 4, 0, 0)
        tl.addWidget(self.table, 1)
        bl = QHBoxLayout()
        bl.addStretch(1)
        bl.addWidget(self.export_button)
        tl.addLayout(bl)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, "")
        self.tabs.addTab(table_page, "")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.alternatives)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([110, 440])
        outer.addWidget(self.splitter, 1)
        self._set_item_texts()
        self._show_intro()

        # a change of date, scenario or filter recomputes what is shown (if anything is)
        self.as_of_box.toggled.connect(self._recompute)
        self.year_spin.valueChanged.connect(self._recompute)
        self.scenario_combo.currentIndexChanged.connect(self._recompute)
        for b in (self.by_km, self.existing_only):
            b.toggled.connect(self._recompute)
        for b in list(self.mode_boxes.values()) + list(self.avoid_boxes.values()):
            b.toggled.connect(self._recompute)
        self.alternatives_spin.valueChanged.connect(self._recompute)
        self.distinct_combo.currentIndexChanged.connect(self._recompute)
        for f in (self.origin, self.destination):
            f.edited.connect(lambda f=f: f.mark_bad(False))

    # ----- texts in the interface language -------------------------------------------------
    def _text(self, widget, setter: str, message: str):
        """Give widget its text (setter: setText, setToolTip, setPlaceholderText) in the interface
        language now and again after every switch (retranslate); returns the widget."""
        getattr(widget, setter)(_(message))
        widget.setProperty("atlasNoTranslate", True)   # gui/language.py leaves it to retranslate()
        self._texts.append((widget, setter, message))
        return widget

    def _label(self, message: str) -> QLabel:
        return self._text(QLabel(), "setText", message)

    def _set_item_texts(self) -> None:
        """Texts that are not a widget's own: combo items, tabs, headers, country names."""
        for combo, choices in ((self.distinct_combo, DISTINCT_CHOICES), (self.scenario_combo, SCENARIO_CHOICES)):
            for i, (_key, words) in enumerate(choices):
                combo.setItemText(i, _(words))
        self.tabs.setTabText(0, _("Route"))
        self.tabs.setTabText(1, _("Comparison"))
        self.table.setHorizontalHeaderLabels([_(TABLE_HEADERS[c]) for c in COMPARISON_COLUMNS])
        names = country_names(language())
        for code, box in self.avoid_boxes.items():
            name = names.get(code, code)
            box.setText(name)
            box.setToolTip(_("Avoid {country} ({code}): no segment or place in it").format(country=name, code=code))

    def retranslate(self) -> None:
        """Every text of the panel in the interface language (gui/language.py calls this on a switch):
        labels, buttons, tips, lists, the table, the route shown and the message, without computing again."""
        for widget, setter, message in self._texts:
            getattr(widget, setter)(_(message))
        self._set_item_texts()
        for field in (self.origin, self.destination):
            if field.node_id is not None and field.text() == field._picked_text:
                field.set_node(field.node_id)   # the place's name in the new language
        if self.routes:
            current = self.current
            self._fill_results()
            if current is not None and 0 <= current < len(self.routes):
                self.current = current
                for view in (self.alternatives, self.table):
                    view.blockSignals(True)
                self.alternatives.setCurrentRow(current)
                self.table.selectRow(current)
                for view in (self.alternatives, self.table):
                    view.blockSignals(False)
                self.details.setHtml(self._dir(self.route_html(self.routes[current])))
        else:
            self._show_intro()
        if self._message is not None and self.message.isVisible():
            self.show_message(*self._message)
        self._last_state = self._state()   # the place fields may show other names now: nothing to recompute

    def place_name(self, nid: str) -> str:
        """A place's name in the interface language (English where there is none)."""
        f = self.dataset.nodes.get(nid)
        return name_in(f["properties"], language()) if f else self.places.info.get(nid, {}).get("name", nid)

    def corridor_name(self, name: str) -> str:
        for c in self.dataset.corridors.values():
            if c.get("name") == name:
                return name_in(c, language())
        return name

    @staticmethod
    def _dir(html_text: str) -> str:
        return f'<div dir="rtl" align="right">{html_text}</div>' if is_rtl() else html_text

    def keyPressEvent(self, event) -> None:
        # Enter in any field (the place fields and spin boxes pass it on) computes
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.compute()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_intro(self) -> None:
        self.details.setHtml(self._dir(
            f"<h3>{_t(N_('Route analysis'))}</h3><p style='color:#555'>"
            + _t(N_("Type an origin and a destination (suggestions appear as you type), choose the filters and press "
                    "{compute} or Enter. The route is drawn on the map with its legs coloured by mode; totals, border "
                    "crossings, transshipments, transit time, agreements and warnings appear here."),
                 compute=f"<b>{_t(N_('Compute'))}</b>")
            + "</p><p style='color:#555'>"
            + _t(N_("{compare} routes the two places along each corridor of the dataset that crosses a border."),
                 compare=f"<b>{_t(N_('Compare standard corridors'))}</b>")
            + "</p>"))

    # ----- options ------------------------------------------------------------------------
    def options(self) -> RouteOptions:
        modes = frozenset(m for m, b in self.mode_boxes.items() if b.isChecked())
        if not modes:
            raise RouteError(_("no mode is ticked: tick at least one of rail, road, sea and ferry"))
        return RouteOptions(
            by="time" if self.by_time.isChecked() else "km",
            modes=None if len(modes) == len(MODES) else modes,
            statuses=EXISTING_ONLY if self.existing_only.isChecked() else None,
            avoid=frozenset(c for c, b in self.avoid_boxes.items() if b.isChecked()),
        )

    def as_of(self) -> tuple[int | None, str]:
        if not self.as_of_box.isChecked():
            return None, "actual"
        return self.year_spin.value(), self.scenario_combo.currentData()

    def set_as_of(self, year: int | None, scenario: str = "actual") -> None:
        """Set the date control (None: as recorded); recomputes what is shown."""
        blockers = [w.blockSignals(True) for w in (self.as_of_box, self.year_spin, self.scenario_combo)]
        try:
            if year is not None:
                self.year_spin.setValue(int(year))
                self.scenario_combo.setCurrentIndex(max(0, self.scenario_combo.findData(scenario)))
            self.as_of_box.setChecked(year is not None)
            self.year_spin.setEnabled(year is not None)
            self.scenario_combo.setEnabled(year is not None)
        finally:
            for w, b in zip((self.as_of_box, self.year_spin, self.scenario_combo), blockers):
                w.blockSignals(b)
        self._recompute()

    def assumptions(self) -> Assumptions:
        """The transit assumptions, read again when the user's copy changes."""
        path = user_assumptions_path()
        try:
            key = (str(path), path.stat().st_mtime_ns)
        except OSError:
            key = (str(path), None)
        if self._assumptions is None or key != self._assumptions_key:
            self._assumptions = load_assumptions()
            self._assumptions_key = key
            self._routers.clear()
        return self._assumptions

    def router(self) -> Router:
        assumptions = self.assumptions()
        key = self.as_of()
        router = self._routers.get(key)
        if router is None:
            router = self._routers[key] = Router(build_graph(self.dataset, as_of=key[0], scenario=key[1]), assumptions)
        return router

    def invalidate(self, *_args) -> None:
        """The dataset changed (an edit, undo or redo): rebuild the network and the place
        names, and compute again what is shown."""
        self._routers.clear()
        self.places = PlaceIndex(self.dataset)
        self.origin.places = self.destination.places = self.places
        if self.routes and self._last_run is not None:
            self._run(self._last_run)

    # ----- actions ------------------------------------------------------------------------
    def swap(self) -> None:
        a = (self.origin.text(), self.origin.node_id, self.origin._picked_text)
        b = (self.destination.text(), self.destination.node_id, self.destination._picked_text)
        for field, (text, nid, picked) in ((self.origin, b), (self.destination, a)):
            field.setText(text)
            field.node_id, field._picked_text = nid, picked
            field.mark_bad(False)

    def _endpoints(self) -> tuple[str, str] | None:
        notes = []
        ends = []
        for field, role in ((self.origin, "origin"), (self.destination, "destination")):
            if not field.text().strip():
                field.mark_bad(True)
                self.show_message(_t(N_("Type the origin: a place, port or border crossing.") if role == "origin"
                                     else N_("Type the destination: a place, port or border crossing.")), "error")
                field.setFocus()
                return None
            try:
                nid = field.resolve()
            except PlaceError as exc:
                field.mark_bad(True)
                self._place_problem(exc, role)
                return None
            if nid != field.node_id:
                field.set_node(nid)   # show the name found for what was typed
            ends.append(nid)
        for nid, role in zip(ends, ("origin", "destination")):
            if self.places.info[nid]["kind"] not in ("seaport", "dry_port"):
                for other in self.places.namesakes(nid):
                    notes.append(lambda nid=nid, role=role, other=other: _t(
                        N_("{name} is the {kind}; for the port choose {port}."), name=_e(self.place_name(nid)),
                        kind=_e(self._kind(nid)), port=f"<a href='{role}:{_e(other)}'>{_e(self.place_name(other))}</a>"))
        self._notes = notes
        return ends[0], ends[1]

    def _kind(self, nid: str) -> str:
        kind = self.places.info[nid]["kind"]
        return _(NODE_KIND_LABELS.get(kind, kind or N_("place"))).lower()

    def _place_problem(self, exc: PlaceError, role: str) -> None:
        ambiguous = isinstance(exc, AmbiguousPlace)
        headline = {
            ("origin", True): N_("The origin “{query}” is ambiguous."),
            ("origin", False): N_("The origin “{query}” is unknown."),
            ("destination", True): N_("The destination “{query}” is ambiguous."),
            ("destination", False): N_("The destination “{query}” is unknown."),
        }[(role, ambiguous)]
        candidates = [nid for nid, _score in exc.candidates[:6] if nid in self.places.info]

        def text() -> str:
            out = (f"<b>{_t(headline, query=_e(exc.query))}</b> "
                   + _t(N_("It could be several places.") if ambiguous else N_("No place has this name.")))
            if candidates:
                links = " · ".join(f"<a href='{role}:{_e(nid)}'>{_e(self.place_name(nid))}</a> "
                                   f"<span style='color:#666'>({_e(self._kind(nid))}, "
                                   f"{_e('/'.join(self.places.info[nid]['countries']))})</span>" for nid in candidates)
                out += "<br>" + _t(N_("Did you mean: {places}"), places=links)
            return out
        self.show_message(text, "error")

    def compute(self) -> list[Route]:
        """Find the routes for the panel's places and filters; show the best one."""
        self.mode = "routes"
        return self._run(self._compute_routes)

    def compare_standard(self) -> list[Route]:
        """A route along each standard corridor (Almaty → Karachi Port if no place is typed)."""
        if not self.origin.text().strip() and not self.destination.text().strip():
            for field, nid in ((self.origin, "almaty"), (self.destination, "karachi-port")):
                if nid in self.places.info:
                    field.set_node(nid)
        self.mode = "corridors"
        return self._run(self._compare_corridors)

    def _state(self) -> tuple:
        """Everything a query depends on, as the widgets show it."""
        return (self.origin.text(), self.destination.text(), self.by_time.isChecked(), self.existing_only.isChecked(),
                tuple(b.isChecked() for b in self.mode_boxes.values()),
                tuple(b.isChecked() for b in self.avoid_boxes.values()), self.alternatives_spin.value(),
                self.distinct_combo.currentIndex(), self.as_of(), self._assumptions_key)

    def _recompute(self, *_args) -> None:
        """Run the last query again after a change of filter or date (not for a signal that
        changed nothing, e.g. Enter in a spin box), if one was run."""
        if self._last_run is None or not (self.origin.text().strip() and self.destination.text().strip()):
            return
        if self._state() == self._last_state:
            return
        self._run(self._last_run)

    def _run(self, job) -> list[Route]:
        self._last_run = job
        self.hide_message()
        self._notes = []
        ends = self._endpoints()
        if ends is None:
            self._set_routes([])
            self._last_state = self._state()
            self.computed.emit([])
            return []
        try:
            opts = self.options()
            router = self.router()
        except (RouteError, NetworkError, AssumptionsError) as exc:
            self.show_message(lambda exc=exc: _e(friendly(str(exc))), "error")
            self._set_routes([])
            self._last_state = self._state()
            self.computed.emit([])
            return []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            routes = job(router, ends[0], ends[1], opts)
        except NoRoute as exc:
            routes = []
            self.show_message(lambda exc=exc: f"<b>{_t(N_('No route under these filters.'))}</b> "
                              + _e(friendly(str(exc))), "error")
        except RouteError as exc:
            routes = []
            self.show_message(lambda exc=exc: _e(friendly(str(exc))), "error")
        finally:
            QApplication.restoreOverrideCursor()
        self._set_routes(routes)
        notes = list(self._notes)
        if self.mode == "corridors" and self.failures:
            failures = list(self.failures)
            notes.append(lambda: f"<b>{_t(N_('Not possible under these filters:'))}</b><br>" + "<br>".join(
                f"• {_e(self.corridor_name(name))}: {_e(friendly(why))}" for name, why in failures))
        if routes and notes:
            self.show_message(lambda: "<br>".join(note() for note in notes), "note")
        if routes:
            self.select_route(0)
        self._last_state = self._state()   # after the run: the place fields now show the names found
        self.computed.emit(list(routes))
        return routes

    def _compute_routes(self, router: Router, origin: str, destination: str, opts: RouteOptions) -> list[Route]:
        self.failures = []
        return router.routes(origin, destination, opts, k=self.alternatives_spin.value(),
                             distinct=self.distinct_combo.currentData())

    def _compare_corridors(self, router: Router, origin: str, destination: str, opts: RouteOptions) -> list[Route]:
        results = compare_standard_corridors(router, self.dataset, origin, destination, opts)
        self.failures = [(r.corridor.name, r.error) for r in results if r.route is None]
        routes = [r.route for r in results if r.route is not None]
        if not routes:
            raise NoRoute(_("no standard corridor can be followed from {origin} to {destination}: {reasons}").format(
                origin=self.place_name(origin), destination=self.place_name(destination),
                reasons="; ".join(f"{self.corridor_name(n)}: {w}" for n, w in self.failures)))
        return routes

    def clear(self) -> None:
        self._last_run = None
        self.hide_message()
        self.routes = []
        self.current = None
        self.failures = []
        self._set_routes([])
        self._show_intro()

    # ----- results --------------------------------------------------------------------------
    def _set_routes(self, routes: list[Route]) -> None:
        self.routes = list(routes)
        self.current = None
        self._fill_results()
        if not self.routes:
            self.bridge.send("clearRoute")
            self.details.setHtml("")

    def route_html(self, r: Route) -> str:
        """The route's details as rich text in the interface language (RouteReport.route_html)."""
        return self.report.route_html(r)

    def _fill_results(self) -> None:
        """The list of routes found and the comparison table, in the interface language."""
        labels = [self.report.route_label(r) for r in self.routes]
        self.alternatives.blockSignals(True)
        self.alternatives.clear()
        for i, (r, label) in enumerate(zip(self.routes, labels)):
            flag = "  ⚠" if r.warnings else ""
            item = QListWidgetItem(f"{i + 1}. {_km(r.total_km)} · {_('{n} h').format(n=f'{r.hours:,.0f}')} · {label}{flag}")
            item.setToolTip(label + ("\n" + "\n".join(self.report.route_warnings(r)) if r.warnings else ""))
            self.alternatives.addItem(item)
        self.alternatives.blockSignals(False)
        rows = compare_routes(self.routes, labels)
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, col in enumerate(COMPARISON_COLUMNS):
                v = row[col]
                if isinstance(v, list):
                    text = ", ".join(v) or "—"
                elif isinstance(v, float):
                    text = f"{v:,.0f}" if col != "hours" else f"{v:,.1f}"
                else:
                    text = str(v)
                item = QTableWidgetItem(text)
                if col != "label" and not isinstance(v, list):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == "label":
                    item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.blockSignals(False)
        self.export_button.setEnabled(bool(rows))

    def _on_list_row(self, row: int) -> None:
        if 0 <= row < len(self.routes) and row != self.current:
            self.select_route(row)

    def _on_table_selection(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) == 1:
            row = rows.pop()
            if row != self.current:
                self.select_route(row)

    def select_route(self, index: int, fit: bool = True) -> Route:
        """Show route ``index`` of the list: on the map, in the details, selected in the list and table."""
        route = self.routes[index]
        self.current = index
        self.alternatives.blockSignals(True)
        self.alternatives.setCurrentRow(index)
        self.alternatives.blockSignals(False)
        self.table.blockSignals(True)
        self.table.selectRow(index)
        self.table.blockSignals(False)
        self.details.setHtml(self._dir(self.route_html(route)))
        self.bridge.send("showRoute", **self.map_payload(route), fit=fit)
        if self.status:
            self.status(_("Route: {origin} → {destination}, {length}, about {hours} h").format(
                origin=self.place_name(route.origin), destination=self.place_name(route.destination),
                length=_km(route.total_km), hours=f"{route.hours:,.0f}"))
        return route

    def map_payload(self, route: Route) -> dict:
        legs = []
        for leg in route.legs:
            f = self.dataset.segments.get(leg.id) or {}
            geom = f.get("geometry") or {}
            if geom.get("type") == "LineString":
                lines = [geom.get("coordinates") or []]
            elif geom.get("type") == "MultiLineString":
                lines = geom.get("coordinates") or []
            else:
                lines = []
            legs.append({"id": leg.id, "lines": lines, "mode": leg.mode, "status": leg.status,
                         "color": ROUTE_COLOURS.get(leg.mode, "#333333")})
        ends = []
        for nid, role in ((route.origin, "origin"), (route.destination, "destination")):
            f = self.dataset.nodes.get(nid) or {}
            c = (f.get("geometry") or {}).get("coordinates") or [None, None]
            if c[0] is not None:
                ends.append({"lon": c[0], "lat": c[1], "role": role, "name": self.place_name(nid)})
        return {"legs": legs, "ends": ends}

    # ----- messages ---------------------------------------------------------------------------
    def show_message(self, html_text, kind: str = "error") -> None:
        """``html_text`` (already escaped), or a function that makes it in the interface language
        (called again by retranslate())."""
        colours = {"error": ("#fdecea", "#b71c1c"), "note": ("#fff8e1", "#6d4c00"), "info": ("#e8f4fd", "#0d3c61")}
        bg, fg = colours.get(kind, colours["info"])
        self._message = (html_text, kind)
        self.message.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; border-radius: 3px; padding: 6px; }}")
        self.message.setText(self._dir(html_text() if callable(html_text) else html_text))
        self.message.setVisible(True)

    def hide_message(self) -> None:
        self._message = None
        self.message.setText("")
        self.message.setVisible(False)

    def message_text(self) -> str:
        """The message shown, as plain text (for tests and the status bar)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.message.text())
        return doc.toPlainText() if self.message.isVisible() else ""

    def _on_link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind in ("origin", "destination") and value in self.places.info:
            (self.origin if kind == "origin" else self.destination).set_node(value)
            (self.compare_standard if self.mode == "corridors" else self.compute)()
        elif kind == "action" and value == "edit-assumptions":
            self.edit_assumptions()

    def edit_assumptions(self) -> Path | None:
        """Open the user's copy of the transit assumptions (made from the defaults if missing)."""
        path = user_assumptions_path()
        try:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(DEFAULT_PATH, path)
        except OSError as exc:
            self.show_message(lambda exc=exc: _t(N_("Cannot create {path}: {error}"), path=_e(path),
                                         error=_e(exc.strerror or exc)), "error")
            return None
        if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.show_message(lambda: _t(N_("Transit assumptions: {path}. Edit and save it; the next route uses it."),
                                     path=f"<b>{_e(path)}</b>"), "info")
        return path

    # ----- export -------------------------------------------------------------------------------
    def export_csv(self, path: str | os.PathLike | None = None) -> Path | None:
        """Write the comparison table as CSV (asks for a file when ``path`` is None)."""
        if not self.routes:
            self.show_message(lambda: _t(N_("Nothing to export: compute routes first.")), "error")
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export the route table as CSV"),
                                                        str(Path.home() / "routes.csv"), "CSV (*.csv)")
            if not path:
                return None
        try:
            written = write_comparison_csv(compare_routes(self.routes, [self.report.route_label(r) for r in self.routes]), path)
        except OSError as exc:
            self.show_message(lambda exc=exc: _t(N_("Cannot write {path}: {error}"), path=_e(path),
                                         error=_e(exc.strerror or exc)), "error")
            return None
        if self.status:
            self.status(_("Route table written to {path}").format(path=written))
        return Path(written)


# ---------------------------------------------------------------------------------------
def install(window) -> RoutePanel:
    """Create the Route dock in ``window``, tabbed with the Selection dock; Ctrl+R opens it."""
    panel = RoutePanel(window.dataset, window.map.bridge, window,
                       status=lambda text: window.statusBar().showMessage(text, 8000))
    panel.setMinimumWidth(380)
    dock = QDockWidget(_("Route"), window)
    dock.setObjectName("routeDock")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    selection = window.findChild(QDockWidget, "selectionDock")
    if selection is not None:
        window.tabifyDockWidget(selection, dock)
        selection.raise_()
        # what the user selects (on the map, by search) is shown at once, even over the route
        window.selected.connect(lambda facts: selection.raise_() if facts else None)
    window.route_dock = dock

    def open_panel() -> None:
        dock.show()
        dock.raise_()
        panel.origin.setFocus()
        panel.origin.selectAll()

    panel.open = open_panel
    QShortcut(QKeySequence("Ctrl+R"), window, activated=open_panel)

    def follow_edits() -> None:
        # the edit session is made after the panel: hook on to it once the window is built
        editor = getattr(window, "editor", None)
        if editor is not None and hasattr(editor, "changed"):
            editor.changed.connect(panel.invalidate)

    QTimer.singleShot(0, follow_edits)
    return panel
