"""Rendering a composed map to PNG or PDF with an offscreen copy of the map page.

The page is drawn at the target size (zoomed so text stays in proportion and sharp), the
export furniture is laid on it, and the file is written only after the page says that
everything is painted. Files are written to a temporary name and moved into place, so a
failed export never leaves a partial file.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize

from geodata.atomic import write_temp_beside
from geodata.i18n import _
from layers.export_sizes import LAYOUT_WIDTH, check_size, page_zoom
from layers.layer_list import LayerList

from .map_view import MapView

CSS_DPI = 96.0


class ExportError(Exception):
    pass


class ExportJob(QObject):
    """One export; emits finished(path) or failed(message). Call start()."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, layer_list: LayerList, out: Path, width: int, height: int, composition: dict,
                 view: dict, timeout_ms: int = 60000, layout_width: int = LAYOUT_WIDTH,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.out = Path(out)
        self.fmt = self.out.suffix.lower().lstrip(".")
        if self.fmt not in ("png", "pdf"):
            raise ExportError(f"{self.out.name}: this job writes .png or .pdf")
        self.width, self.height = check_size(width, height)
        self.layer_list = layer_list
        self.composition = composition
        self.view = view
        self.timeout_ms = timeout_ms
        self.layout_width = layout_width  # CSS pixels across: smaller = bigger labels on a slide
        self.map: MapView | None = None
        self._tmp: Path | None = None
        self._done = False

    def start(self) -> None:
        zoom = page_zoom(self.width, self.layout_width) if self.fmt == "png" else 1.0
        m = MapView()
        m.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        m.setFixedSize(self.width, self.height) if self.fmt == "png" else m.setFixedSize(
            round(self.width / page_zoom(self.width, self.layout_width)),
            round(self.height / page_zoom(self.width, self.layout_width)))
        m.setZoomFactor(zoom)
        m.bridge.ready.connect(self._on_ready)
        m.page().pdfPrintingFinished.connect(self._on_pdf)
        self.map = m
        m.show()
        m.load_page()
        QTimer.singleShot(self.timeout_ms, lambda: self._fail(_("the map did not finish drawing in time")))

    def _on_ready(self) -> None:
        b = self.map.bridge
        # labels in the export's language (and a second one beneath, for a bilingual map)
        from .language import page_texts

        lang = self.composition.get("lang", "en")
        b.send("setLanguage", lang=lang, second=self.composition.get("second"), texts=page_texts(lang))
        b.send("setLayers", layers=[layer.to_page() for layer in self.layer_list])
        b.send("layout", **self.composition)
        if self.view.get("bounds"):
            # keep the data clear of the title (top left) and the legend (right) and footer (bottom)
            has_legend = bool(self.composition.get("legend"))
            b.send("fitBounds", bounds=self.view["bounds"], paddingTopLeft=[40, 120 if self.composition.get("title") else 40],
                   paddingBottomRight=[360 if has_legend else 40, 110])
        elif self.view.get("center"):
            b.send("setView", center=self.view["center"], zoom=self.view["zoom"])
        if self.view.get("highlight"):
            b.send("highlight", items=self.view["highlight"], fit=False)
        self.map.grab_when_stable(self._on_rendered)

    def _on_rendered(self, image) -> None:
        if self._done:
            return
        try:
            self._tmp = write_temp_beside(self.out, suffix=self.out.suffix + ".part")
        except OSError as exc:
            self._fail(_("cannot write in {folder}: {reason}").format(folder=self.out.parent, reason=exc.strerror))
            return
        if self.fmt == "png":
            if (image.width(), image.height()) != (self.width, self.height):
                self._fail(_("the map was drawn at {drawn}, not {wanted}").format(
                    drawn=f"{image.width()}×{image.height()}", wanted=f"{self.width}×{self.height}"))
                return
            if not image.save(str(self._tmp), "PNG"):
                self._fail(_("could not write the image to {path}").format(path=self.out))
                return
            self._commit()
        else:
            w_mm = self.map.width() / CSS_DPI * 25.4
            h_mm = self.map.height() / CSS_DPI * 25.4
            layout = QPageLayout(QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter, "map"),
                                 QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
            self.map.page().printToPdf(str(self._tmp), layout)

    def _on_pdf(self, path: str, ok: bool) -> None:
        if self._done:
            return
        if not ok:
            self._fail(_("the PDF could not be written to {path}").format(path=self.out))
            return
        self._commit()

    def _commit(self) -> None:
        try:
            os.replace(self._tmp, self.out)
        except OSError as exc:
            self._fail(_("cannot write {path}: {reason}").format(path=self.out, reason=exc.strerror))
            return
        self._tmp = None
        self._finish()
        self.finished.emit(str(self.out))

    def _fail(self, message: str) -> None:
        if self._done:
            return
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
        self._finish()
        self.failed.emit(message)

    def _finish(self) -> None:
        self._done = True
        if self.map is not None:
            self.map.hide()
            self.map.deleteLater()
