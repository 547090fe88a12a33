"""File ▸ Export: format, size, title; the export runs without blocking the window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from geodata.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, language
from layers.export_sizes import MAX_SIDE, MIN_SIDE, PRESETS

from .language import translate_buttons

FORMAT_LIST = [(N_("PNG image (.png)"), ".png"), (N_("Vector PDF (.pdf)"), ".pdf"),
               (N_("Interactive HTML map (.html)"), ".html"),
               (N_("PowerPoint deck, one slide per saved view (.pptx)"), ".pptx")]
FORMATS = dict(FORMAT_LIST)


class ExportDialog(QDialog):
    def __init__(self, title: str, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Export the map"))
        self.format = QComboBox(self)
        for label, suffix in FORMAT_LIST:
            self.format.addItem(_(label), suffix)
        self.preset = QComboBox(self)
        for name in PRESETS:
            self.preset.addItem(_(name), name)   # shown translated, known by its English name
        self.preset.addItem(_("Custom"), None)
        # Labels, legend and captions in one language, or two (e.g. English with Russian beneath).
        self.lang = QComboBox(self)
        self.second = QComboBox(self)
        self.second.addItem(_("none"), None)
        for code in LANGUAGES:
            self.lang.addItem(LANGUAGE_NAMES[code], code)
            self.second.addItem(LANGUAGE_NAMES[code], code)
        self.lang.setCurrentIndex(LANGUAGES.index(language()))
        self.width = QSpinBox(self)
        self.height = QSpinBox(self)
        for box, value in ((self.width, 1920), (self.height, 1080)):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setValue(value)
            box.setSuffix(" px")
        size_row = QWidget(self)
        row = QHBoxLayout(size_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.width)
        row.addWidget(self.height)
        self.title = QLineEdit(title, self)
        self.subtitle = QLineEdit(self)
        self.path = QLineEdit(str(folder / "corridor-map.png"), self)
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QWidget(self)
        prow = QHBoxLayout(path_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.path)
        prow.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(_("Format"), self.format)
        form.addRow(_("Size"), self.preset)
        form.addRow(_("Pixels"), size_row)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Subtitle"), self.subtitle)
        form.addRow(_("Language"), self.lang)
        form.addRow(_("Second language beneath"), self.second)
        form.addRow(_("File"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(lambda _i: self._on_preset(self.preset.currentData()))
        self.format.currentIndexChanged.connect(self._on_format)

    def _on_preset(self, name: str | None) -> None:
        if name in PRESETS:
            w, h = PRESETS[name]
            self.width.setValue(w)
            self.height.setValue(h)

    def _on_format(self, _index: int = 0) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(self.format.currentData())))

    def _browse(self) -> None:
        suffix = self.format.currentData()
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to"), self.path.text(), f"*{suffix}")
        if path:
            self.path.setText(str(Path(path).with_suffix(suffix)))

    def values(self) -> dict:
        return {"out": Path(self.path.text()), "width": self.width.value(), "height": self.height.value(),
                "title": self.title.text().strip(), "subtitle": self.subtitle.text().strip(),
                "lang": self.lang.currentData(), "second": self.second.currentData()}
