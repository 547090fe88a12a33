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
from geodata.i18n import N_, _, language
from geodata.schema import AGREEMENT_STATUSES, CONFIDENCES, GAUGES_MM, MODES, STATUSES
from geodata.schema.rules import AGREEMENT_DATES
from geodata.translations import name_in
from layers.html_popups import AGREEMENT_KIND
from layers.styles import MODE_LABELS, NODE_KIND_LABELS, STATUS_LABELS

from .feature_panel import CONFIDENCE, STATUS_WORDS
from .language import translate_buttons

ERROR_STYLE = "color:#b00020;"
ID_ROLE = Qt.ItemDataRole.UserRole


# Field labels and hints: English messages (geodata.i18n), shown in the interface language.
DATE_LABELS = {"signed": N_("Date signed"), "in_force": N_("Date in force"), "expected": N_("Date expected")}
DATE_HINT = N_("YYYY, YYYY-MM or YYYY-MM-DD")


def _words(labels: dict) -> dict:
    """{value: its label in the interface language} of a dict of English messages."""
    return {k: _(v) for k, v in labels.items()}


class _Field:
    """One editable value: its widget, how to read and set it, and its error label."""

    def __init__(self, key: str, label: str, widget: QWidget, get, put, changed_signal):
        self.key, self.label, self.widget, self.get, self.put = key, _(label), widget, get, put
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
        w.addItem(_("{value} (not a known value)").format(value=value), value)
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
            item = QListWidgetItem(_("{id} (unknown id)").format(id=rid))
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

    TITLES = {"nodes": N_("Edit place: {name}"), "segments": N_("Edit segment: {name}"),
              "agreements": N_("Edit agreement: {name}")}

    def __init__(self, dataset: Dataset, table: str, rid: str, parent=None):
        super().__init__(parent)
        self.setObjectName("editForm")
        self.dataset, self.table, self.id = dataset, table, rid
        self.original = editing.record(dataset, table, rid)
        self.fields: dict[str, _Field] = {}
        self.problems: list = []
        name = name_in(self.original, language()) or rid   # the name in the interface language
        self.setWindowTitle(_(self.TITLES[table]).format(name=name))
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
        translate_buttons(self.buttons)
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
        rid = f"<i>{escape(str(self.id))}</i>"

        def message(text: str, **fields) -> str:   # translated, escaped, then the (escaped) fields put in
            return escape(_(text)).format(**fields)

        if self.table == "segments":
            ends = []
            for k in ("from", "to"):
                f = ds.nodes.get(o.get(k))
                ends.append(name_in(f["properties"], language()) if f else o.get(k))
            mode = _(MODE_LABELS.get(o.get("mode"), str(o.get("mode"))))
            text = message(N_("{mode} segment {id} from {start} to {end}"), mode=escape(mode), id=rid,
                           start=escape(str(ends[0])), end=escape(str(ends[1])))
        elif self.table == "nodes":
            where = o.get("country") or "/".join(o.get("countries") or [])
            kind = _(NODE_KIND_LABELS.get(o.get("kind"), str(o.get("kind"))))
            text = message(N_("{kind} {id} in {where}"), kind=escape(kind), id=rid, where=escape(str(where)))
        else:
            kind = _(AGREEMENT_KIND.get(o.get("kind"), str(o.get("kind"))))
            text = f"{escape(kind)} {rid}"
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
                w.addItem(_("{value} (not a known value)").format(value=v), v)
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
        self._add_line("name", N_("Name (English)"))
        self._add_combo("status", N_("Status"), STATUSES, _words(STATUS_LABELS))
        self._add_checklist("modes", N_("Modes"), [(m, _(MODE_LABELS.get(m, m))) for m in MODES])
        self._add_checklist("sources", N_("Sources"), self._source_options())
        self._add_combo("confidence", N_("Confidence"), CONFIDENCES, _words(CONFIDENCE))
        self._add_text("note", N_("Note"))

    def _segment_fields(self) -> None:
        o = self.original
        self._add_line("name", N_("Name (English)"))
        self._add_line("line", N_("Line"))
        self._add_combo("status", N_("Status"), STATUSES, _words(STATUS_LABELS))
        self._add_line("status_date", N_("Status as of"))
        self.fields["status_date"].widget.setPlaceholderText(_(DATE_HINT))
        if o.get("mode") == "rail":
            self._add_combo("gauge_mm", N_("Gauge"), GAUGES_MM, {g: _("{n} mm").format(n=g) for g in GAUGES_MM})
        for key, label in (("opened", N_("Opened (year)")), ("expected", N_("Expected (year)"))):
            original = o.get(key, DELETE)
            w = _line(None if original is DELETE else original)
            w.setPlaceholderText(_("blank: not known"))
            self._add(key, label, w, (lambda w=w, orig=original: _year(w.text(), orig)),
                      (lambda v, w=w: w.setText("" if v in (None, DELETE) else str(v))), w.textChanged)
        self._add_checklist("agreements", N_("Agreements"),
                            [(aid, name_in(a, language()) or aid) for aid, a in self.dataset.agreements.items()])
        self._add_checklist("sources", N_("Sources"), self._source_options())
        self._add_combo("confidence", N_("Confidence"), CONFIDENCES, _words(CONFIDENCE))
        self._add_text("note", N_("Note"))

    def _agreement_fields(self) -> None:
        o = self.original
        self._add_line("title", N_("Title (English)"))
        self._add_combo("status", N_("Status"), AGREEMENT_STATUSES, _words(STATUS_WORDS))
        dates = o.get("dates") if isinstance(o.get("dates"), dict) else {}
        for key in AGREEMENT_DATES:
            w = _line(dates.get(key))
            w.setPlaceholderText(_("blank: none ({format})").format(format=_(DATE_HINT)))
            self._add(f"dates.{key}", DATE_LABELS.get(key, key.replace("_", " ")), w, (lambda w=w: _text_or_null(w.text())),
                      (lambda v, w=w: w.setText("" if v is None else str(v))), w.textChanged)
        parties = QLineEdit(", ".join(str(p) for p in o.get("parties") or []))
        parties.setPlaceholderText(_("ISO3 codes, e.g. KAZ, PAK"))
        self._add("parties", N_("Parties"), parties, lambda: [p for p in re.split(r"[\s,;]+", parties.text()) if p],
                  lambda v: parties.setText(", ".join(v or [])), parties.textChanged)
        self._add_checklist("sources", N_("Sources"), self._source_options())
        self._add_text("summary", N_("Summary"))

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
                general.append(f"{p.field or _('record')}: {p.message}")
                continue
            f.error.setText("\n".join(filter(None, [f.error.text(), p.message])))
            f.error.show()
        n = len(self.problems)
        head = _("Not saved: 1 problem to correct.") if n == 1 else _("Not saved: {n} problems to correct.").format(n=n)
        self.summary.setText("" if not n else (head
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
