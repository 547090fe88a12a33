"""The embedded map: a QWebEngineView on the local Leaflet page, with its bridge."""
from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView

from . import web_profile
from .map_bridge import MapBridge

_tokens = itertools.count(1)


class MapPage(QWebEnginePage):
    def __init__(self, parent=None):
        super().__init__(web_profile.profile(), parent)
        s = self.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.DnsPrefetchEnabled, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.ShowScrollBars, False)
        self.console: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 (Qt name)
        self.console.append(f"{source}:{line}: {message}")

    def acceptNavigationRequest(self, url, nav_type, is_main_frame):  # noqa: N802 (Qt name)
        # The page never navigates away from the map (a link in data cannot take it anywhere).
        return url.scheme() == web_profile.SCHEME.decode() or not is_main_frame


class MapView(QWebEngineView):
    """Shows the map page; `bridge` carries commands and events."""

    rendered = Signal(object)  # token

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPage(MapPage(self))
        self.bridge = MapBridge(self.page(), self)
        self.bridge.event.connect(self._on_event)
        self._render_callbacks: dict[int, object] = {}
        self.setContextMenuPolicy(self.contextMenuPolicy().NoContextMenu)

    def load_page(self) -> None:
        self.bridge.reset()
        self.load(QUrl(web_profile.PAGE_URL))

    def request_render(self, callback=None) -> int:
        """Ask the page for a 'rendered' mark after everything sent so far is painted."""
        token = next(_tokens)
        if callback is not None:
            self._render_callbacks[token] = callback
        self.bridge.send("render", token=token)
        return token

    def grab_when_stable(self, callback, interval_ms: int = 100, max_tries: int = 50) -> None:
        """Call callback(QImage) once the page is rendered and two grabs in a row agree.

        The page's 'rendered' mark says the DOM is painted, but Chromium hands the frame to
        Qt a little later (more so for a large basemap): a grab at once can be stale.
        """
        state = {"prev": None, "same": 0, "tries": 0}

        def step():
            image = self.grab().toImage()
            state["tries"] += 1
            state["same"] = state["same"] + 1 if state["prev"] is not None and image == state["prev"] else 0
            state["prev"] = image
            if state["same"] >= 2 or state["tries"] >= max_tries:
                callback(image)
            else:
                QTimer.singleShot(interval_ms, lambda: self.request_render(step))

        self.request_render(step)

    def _on_event(self, event: dict) -> None:
        if event["type"] == "rendered":
            cb = self._render_callbacks.pop(event["token"], None)
            if cb is not None:
                cb()
            self.rendered.emit(event["token"])
