"""File ▸ Export: format, size, title; the export runs without blocking the window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from layers.export_sizes import MAX_SIDE, MIN_SIDE, PRESETS

FORMATS = {"PNG image (.png)": ".png", "Vector PDF (.pdf)": ".pdf", "Interactive HTML map (.html)": ".html",
           "PowerPoint deck, one slide per saved view (.pptx)": ".pptx"}


class ExportDialog(QDialog):
    def __init__(self, title: str, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export the map")
        self.format = QComboBox(self)
        self.format.addItems(list(FORMATS))
        self.preset = QComboBox(self)
        self.preset.addItems(list(PRESETS) + ["Custom"])
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
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._browse)
        path_row = QWidget(self)
        prow = QHBoxLayout(path_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.path)
        prow.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Size", self.preset)
        form.addRow("Pixels", size_row)
        form.addRow("Title", self.title)
        form.addRow("Subtitle", self.subtitle)
        form.addRow("File", path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentTextChanged.connect(self._on_preset)
        self.format.currentTextChanged.connect(self._on_format)

    def _on_preset(self, name: str) -> None:
        if name in PRESETS:
            w, h = PRESETS[name]
            self.width.setValue(w)
            self.height.setValue(h)

    def _on_format(self, name: str) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(FORMATS[name])))

    def _browse(self) -> None:
        suffix = FORMATS[self.format.currentText()]
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), f"*{suffix}")
        if path:
            self.path.setText(str(Path(path).with_suffix(suffix)))

    def values(self) -> dict:
        return {"out": Path(self.path.text()), "width": self.width.value(), "height": self.height.value(),
                "title": self.title.text().strip(), "subtitle": self.subtitle.text().strip()}
