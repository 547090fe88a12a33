"""The embedded map: a QWebEngineView on the local Leaflet page, with its bridge."""
from __future__ import annotations

import itertools

from PySide6.QtCore import QUrl, Signal
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

    def _on_event(self, event: dict) -> None:
        if event["type"] == "rendered":
            cb = self._render_callbacks.pop(event["token"], None)
            if cb is not None:
                cb()
            self.rendered.emit(event["token"])
