"""One entry point for every export format, used by the window and the command line.

PNG and PDF are rendered by an offscreen map (export_job); HTML is written by folium
(layers.html_export); a PPTX deck renders one PNG per saved view, then builds the slides.
All of them report through the finished(path) / failed(message) signals.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from geodata.dataset import Dataset
from geodata.i18n import _
from layers.catalog import build_layers
from layers.composition import compose
from layers.export_sizes import LAYOUT_WIDTH
from layers.layer_list import LayerList
from layers.views import View, resolve_view

from .export_job import ExportError, ExportJob

FORMATS = ("png", "pdf", "html", "pptx")
SLIDE_IMAGE = (2560, 1440)


def layers_for_view(ds: Dataset, view: View) -> LayerList:
    layer_list = LayerList(build_layers(ds))
    layer_list.apply_visibility(view.layers)
    if view.corridor:  # a corridor's view shows its own band only
        for layer in layer_list:
            if layer.id.startswith("corridor:"):
                layer_list.set_visible(layer.id, layer.id == f"corridor:{view.corridor}")
    return layer_list


class Export(QObject):
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, ds: Dataset, out: Path, width: int, height: int, *, layer_list: LayerList,
                 bounds, highlight=(), title: str = "", subtitle: str = "", views: list[View] | None = None,
                 parent: QObject | None = None, lang: str | None = "en", second: str | None = None):
        super().__init__(parent)
        self.lang, self.second = lang or "en", second  # labels and captions; a second language beneath
        self.ds, self.out, self.width, self.height = ds, Path(out), width, height
        self.layer_list, self.bounds, self.highlight = layer_list, bounds, list(highlight)
        self.title, self.subtitle, self.views = title, subtitle, views or []
        self.fmt = self.out.suffix.lower().lstrip(".")
        self._job = None
        self._slides: list[dict] = []
        self._tmpdir: Path | None = None

    def start(self) -> None:
        if self.fmt not in FORMATS:
            self._fail(_("{file}: unknown format; use {formats}").format(file=self.out.name,
                                                                          formats=", ".join("." + f for f in FORMATS)))
        elif self.fmt == "html":
            QTimer.singleShot(0, self._html)
        elif self.fmt == "pptx":
            self._tmpdir = Path(tempfile.mkdtemp(prefix="atlas-deck-"))
            QTimer.singleShot(0, lambda: self._next_slide(0))
        else:
            comp = self._compose(self.layer_list, self.title or None, self.subtitle or None)
            self._run_job(self.layer_list, self.out, comp, self.bounds, self.highlight, self._done)

    def _compose(self, layer_list, title=None, subtitle=None) -> dict:
        return compose(self.ds, layer_list, title, subtitle, lang=self.lang, second=self.second)

    def _run_job(self, layer_list, out, comp, bounds, highlight, on_done, size=None, layout_width=None) -> None:
        width, height = size or (self.width, self.height)
        try:
            job = ExportJob(layer_list, out, width, height, comp, {"bounds": bounds, "highlight": highlight},
                            layout_width=layout_width or LAYOUT_WIDTH, parent=self)
        except ExportError as exc:
            self._fail(str(exc))
            return
        job.finished.connect(on_done)
        job.failed.connect(self._fail)
        self._job = job
        job.start()

    def _html(self) -> None:
        from layers.html_export import export_html

        comp = self._compose(self.layer_list, self.title or None, self.subtitle or None)
        try:
            export_html(self.ds, self.layer_list, self.out, title=comp["title"], subtitle=comp["subtitle"],
                        view_bounds=self.bounds, as_of=comp["date"], sources_line=comp["sources"],
                        lang=comp["lang"], second=comp["second"])
        except OSError as exc:
            self._fail(_("cannot write {path}: {reason}").format(path=self.out, reason=exc.strerror or exc))
            return
        self._done(str(self.out))

    def _next_slide(self, i: int) -> None:
        if i >= len(self.views):
            self._build_deck()
            return
        view = self.views[i]
        layer_list = layers_for_view(self.ds, view)
        resolved = resolve_view(self.ds, view)
        title, subtitle = view.caption_in(self.lang), view.subtitle_in(self.lang)   # the deck's language
        comp = self._compose(layer_list, title, subtitle or None)
        comp["title"] = comp["subtitle"] = ""  # the slide carries them; the image keeps legend, scale, arrow, date
        comp["legend"] = comp["legend"][:10]
        png = self._tmpdir / f"view-{i:02d}.png"
        self._slides.append({"title": title, "subtitle": subtitle, "image": png,
                             "segments": resolved["segments"], "sources": self._compose(layer_list)["sources"]})
        # a slide picture: 2560×1440 pixels laid out 1280 CSS pixels wide, so labels read on a projector
        self._run_job(layer_list, png, comp, resolved["bounds"], resolved["highlight"], lambda _p: self._next_slide(i + 1),
                      size=SLIDE_IMAGE, layout_width=SLIDE_IMAGE[0] // 2)

    def _build_deck(self) -> None:
        from layers.pptx_export import build_deck

        try:
            build_deck(self.ds, self._slides, self.out, lang=self.lang)
        except OSError as exc:
            self._fail(_("cannot write {path}: {reason}").format(path=self.out, reason=exc.strerror or exc))
            return
        self._done(str(self.out))

    def _cleanup(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def _done(self, path: str) -> None:
        self._cleanup()
        self.finished.emit(path)

    def _fail(self, message: str) -> None:
        self._cleanup()
        self.failed.emit(message)
