"""The edit form for one node, segment or agreement.

The form builds the candidate record from its fields and checks it with the dataset's own
rules (geodata.editing.check -> geodata.schema.validate_node/segment/agreement), on every
change: each problem is shown under its field, OK stays disabled while there is one, and
accept() refuses too. An accepted form emits `edit_accepted(edit)` (a geodata.editing
SetProperties) for the window to apply as one undoable step; the form itself changes nothing.
"""
from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget,
)

from geodata import editing
from geodata.dataset import Dataset
from geodata.editing import DELETE
from geodata.schema import AGREEMENT_STATUSES, CONFIDENCES, GAUGES_MM, MODES, STATUSES
from geodata.schema.rules import AGREEMENT_DATES

ERROR_STYLE = "color:#b00020;"
ID_ROLE = Qt.ItemDataRole.UserRole


class _Field:
    """One editable value: its widget, how to read and set it, and its error label."""

    def __init__(self, key: str, label: str, widget: QWidget, get, put, changed_signal):
        self.key, self.label, self.widget, self.get, self.put = key, label, widget, get, put
        self.changed = changed_signal
        self.error = QLabel("")
        self.error.setObjectName(f"error:{key}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages quote data: text, never markup
        self.error.hide()


def _line(value) -> QLineEdit:
    w = QLineEdit("" if value is None else str(value))
    w.setClearButtonEnabled(True)
    return w


def _combo(choices, value, labels=None) -> QComboBox:
    w = QComboBox()
    for c in choices:
        w.addItem(labels.get(c, str(c)) if labels else str(c), c)
    if value not in choices:  # keep an unknown current value visible (the schema will say why)
        w.addItem(f"{value} (not a known value)", value)
    w.setCurrentIndex(w.findData(value))
    return w


def _checklist(options: list[tuple[str, str]], checked: list) -> QListWidget:
    w = QListWidget()
    w.setMinimumHeight(90)
    w.setMaximumHeight(150)
    for rid, label in options:
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, rid)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        w.addItem(item)
    _set_checked(w, checked)
    return w


def _set_checked(w: QListWidget, ids) -> None:
    ids = list(ids or [])
    known = {w.item(i).data(ID_ROLE) for i in range(w.count())}
    for rid in ids:  # ids the dataset does not know stay visible, marked, so the problem can be seen
        if rid not in known:
            item = QListWidgetItem(f"{rid} (unknown id)")
            item.setData(ID_ROLE, rid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            w.addItem(item)
    for i in range(w.count()):
        item = w.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in ids else Qt.CheckState.Unchecked)


def _checked(w: QListWidget, order: list) -> list:
    """Checked ids: those already listed keep their order, new ones follow in list order."""
    ids = [w.item(i).data(ID_ROLE) for i in range(w.count()) if w.item(i).checkState() == Qt.CheckState.Checked]
    return [i for i in order if i in ids] + [i for i in ids if i not in order]


def _year(text: str, original):
    """An optional year field: blank removes it (or keeps null), digits become a number."""
    text = text.strip()
    if not text:
        return None if original is None else DELETE
    return int(text) if re.fullmatch(r"\d{1,4}", text) else text


def _text_or_null(text: str):
    text = text.strip()
    return text or None


class EditForm(QDialog):
    edit_accepted = Signal(object)   # geodata.editing.SetProperties

    TITLES = {"nodes": "Edit place", "segments": "Edit segment", "agreements": "Edit agreement"}

    def __init__(self, dataset: Dataset, table: str, rid: str, parent=None):
        super().__init__(parent)
        self.setObjectName("editForm")
        self.dataset, self.table, self.id = dataset, table, rid
        self.original = editing.record(dataset, table, rid)
        self.fields: dict[str, _Field] = {}
        self.problems: list = []
        name = self.original.get("name") or self.original.get("title") or rid
        self.setWindowTitle(f"{self.TITLES[table]}: {name}")
        self.setMinimumWidth(560)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        info = QLabel(self._describe())
        info.setTextFormat(Qt.TextFormat.RichText)
        info.setWordWrap(True)
        form.addRow(info)
        {"nodes": self._node_fields, "segments": self._segment_fields, "agreements": self._agreement_fields}[table]()
        for f in self.fields.values():
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(f.widget)
            lay.addWidget(f.error)
            form.addRow(f.label, box)
            f.changed.connect(self.validate)

        self.summary = QLabel("")
        self.summary.setObjectName("editSummary")
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        self.resize(620, 720)
        self.validate()

    # ----- fields -------------------------------------------------------------------------
    def _describe(self) -> str:
        o, ds = self.original, self.dataset
        if self.table == "segments":
            ends = [ds.nodes.get(o.get(k), {}).get("properties", {}).get("name", o.get(k)) for k in ("from", "to")]
            text = f"{o.get('mode')} segment <i>{escape(str(self.id))}</i> from {escape(str(ends[0]))} to {escape(str(ends[1]))}"
        elif self.table == "nodes":
            where = o.get("country") or "/".join(o.get("countries") or [])
            text = f"{escape(str(o.get('kind')))} <i>{escape(str(self.id))}</i> in {escape(str(where))}"
        else:
            text = f"{escape(str(o.get('kind')))} <i>{escape(str(self.id))}</i>"
        return f"<span style='color:#555'>{text}</span>"

    def _add(self, key: str, label: str, widget: QWidget, get, put, signal) -> None:
        self.fields[key] = _Field(key, label, widget, get, put, signal)

    def _add_line(self, key: str, label: str, convert=lambda t: t.strip()) -> None:
        w = _line(self.original.get(key))
        self._add(key, label, w, lambda: convert(w.text()), lambda v: w.setText("" if v is None else str(v)), w.textChanged)

    def _add_text(self, key: str, label: str) -> None:
        w = QPlainTextEdit(str(self.original.get(key) or ""))
        w.setMaximumHeight(110)
        self._add(key, label, w, lambda: w.toPlainText(), lambda v: w.setPlainText(str(v or "")), w.textChanged)

    def _add_combo(self, key: str, label: str, choices, labels=None) -> None:
        w = _combo(list(choices), self.original.get(key), labels)

        def put(v):
            if w.findData(v) < 0:
                w.addItem(f"{v} (not a known value)", v)
            w.setCurrentIndex(w.findData(v))
        self._add(key, label, w, lambda: w.currentData(), put, w.currentIndexChanged)

    def _add_checklist(self, key: str, label: str, options: list[tuple[str, str]]) -> None:
        current = list(self.original.get(key) or [])
        w = _checklist(options, current)
        self._add(key, label, w, lambda: _checked(w, current), lambda v: _set_checked(w, v), w.itemChanged)

    def _source_options(self) -> list[tuple[str, str]]:
        out = []
        for sid, s in self.dataset.sources.items():
            out.append((sid, f"{s.get('outlet', sid)}, {s.get('date', '')} — {s.get('title', '')}"))
        return out

    def _node_fields(self) -> None:
        self._add_line("name", "Name")
        self._add_combo("status", "Status", STATUSES)
        self._add_checklist("modes", "Modes", [(m, m) for m in MODES])
        self._add_checklist("sources", "Sources", self._source_options())
        self._add_combo("confidence", "Confidence", CONFIDENCES)
        self._add_text("note", "Note")

    def _segment_fields(self) -> None:
        o = self.original
        self._add_line("name", "Name")
        self._add_line("line", "Line")
        self._add_combo("status", "Status", STATUSES)
        self._add_line("status_date", "Status as of")
        self.fields["status_date"].widget.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        if o.get("mode") == "rail":
            self._add_combo("gauge_mm", "Gauge", GAUGES_MM, {g: f"{g} mm" for g in GAUGES_MM})
        for key, label in (("opened", "Opened (year)"), ("expected", "Expected (year)")):
            original = o.get(key, DELETE)
            w = _line(None if original is DELETE else original)
            w.setPlaceholderText("blank: not known")
            self._add(key, label, w, (lambda w=w, orig=original: _year(w.text(), orig)),
                      (lambda v, w=w: w.setText("" if v in (None, DELETE) else str(v))), w.textChanged)
        self._add_checklist("agreements", "Agreements", [(aid, a.get("title", aid)) for aid, a in self.dataset.agreements.items()])
        self._add_checklist("sources", "Sources", self._source_options())
        self._add_combo("confidence", "Confidence", CONFIDENCES)
        self._add_text("note", "Note")

    def _agreement_fields(self) -> None:
        o = self.original
        self._add_line("title", "Title")
        self._add_combo("status", "Status", AGREEMENT_STATUSES)
        dates = o.get("dates") if isinstance(o.get("dates"), dict) else {}
        for key in AGREEMENT_DATES:
            w = _line(dates.get(key))
            w.setPlaceholderText("blank: none (YYYY, YYYY-MM or YYYY-MM-DD)")
            self._add(f"dates.{key}", f"Date {key.replace('_', ' ')}", w, (lambda w=w: _text_or_null(w.text())),
                      (lambda v, w=w: w.setText("" if v is None else str(v))), w.textChanged)
        parties = QLineEdit(", ".join(str(p) for p in o.get("parties") or []))
        parties.setPlaceholderText("ISO3 codes, e.g. KAZ, PAK")
        self._add("parties", "Parties", parties, lambda: [p for p in re.split(r"[\s,;]+", parties.text()) if p],
                  lambda v: parties.setText(", ".join(v or [])), parties.textChanged)
        self._add_checklist("sources", "Sources", self._source_options())
        self._add_text("summary", "Summary")

    # ----- values and validation ---------------------------------------------------------
    def values(self) -> dict:
        """The record's new values as the form shows them (only the fields it has)."""
        out: dict = {}
        dates = None
        for key, f in self.fields.items():
            if key.startswith("dates."):
                if dates is None:
                    base = self.original.get("dates")
                    dates = dict(base) if isinstance(base, dict) else {}
                dates[key.split(".", 1)[1]] = f.get()
            else:
                out[key] = f.get()
        if dates is not None:
            out["dates"] = dates
        return out

    def set_value(self, key: str, value) -> None:
        """Put a value into a field as the user would (for scripts and tests)."""
        self.fields[key].put(value)
        self.validate()

    def edit(self) -> editing.SetProperties:
        return editing.set_properties(self.dataset, self.table, self.id, self.values())

    def validate(self) -> list:
        """Check the candidate record; show each problem next to its field. Returns them."""
        self.problems = editing.check(self.dataset, self.edit())
        for f in self.fields.values():
            f.error.hide()
            f.error.setText("")
        general = []
        for p in self.problems:
            f = self.fields.get(p.field or "") or self.fields.get((p.field or "").split(".", 1)[0])
            if f is None and p.field == "dates":
                f = next((g for k, g in self.fields.items() if k.startswith("dates.")), None)
            if f is None:
                general.append(f"{p.field or 'record'}: {p.message}")
                continue
            f.error.setText("\n".join(filter(None, [f.error.text(), p.message])))
            f.error.show()
        n = len(self.problems)
        self.summary.setText("" if not n else (f"Not saved: {n} problem{'s' if n > 1 else ''} to correct."
                                               + ("\n" + "\n".join(general) if general else "")))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n == 0)
        return self.problems

    def error_text(self, key: str) -> str:
        return self.fields[key].error.text()

    def accept(self) -> None:
        if self.validate():
            return  # refused: the reasons are shown
        edit = self.edit()
        super().accept()
        if edit.values:
            self.edit_accepted.emit(edit)
