"""The web engine's profile: local files only, and no network, ever.

The page and everything it loads come from the `atlas:` scheme, served from the package's
own files (resources/ and the Leaflet shipped by xstatic-leaflet). A request interceptor
blocks any other scheme, so even a stray URL in data cannot reach the network, and it keeps
the list of requests so a test can prove it.
"""
from __future__ import annotations

import mimetypes
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

import resources

SCHEME = b"atlas"
HOST = "app"
PAGE_URL = "atlas://app/web/map.html"
# Schemes a page may use: our own, inline data, and Chromium's internal blank page.
LOCAL_SCHEMES = {"atlas", "data", "blob", "about", "qrc"}

# Chromium switches that stop its own background traffic (updates, safe browsing, pings).
CHROMIUM_OFFLINE_FLAGS = (
    "--disable-background-networking --disable-component-update --disable-domain-reliability "
    "--disable-sync --no-pings --disable-breakpad --dns-prefetch-disable"
)


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def roots() -> dict[str, Path]:
    """The first path component of an atlas:// URL and the folder it is served from."""
    return {
        "web": resources.WEB,
        "basemap": resources.BASEMAP,
        "fonts": resources.ROOT / "fonts",
        "leaflet": _leaflet_dir(),
    }


def resolve(path: str) -> Path | None:
    """File behind an atlas://app/<root>/<rest> path, or None (unknown root, traversal)."""
    parts = [p for p in path.split("/") if p]
    if len(parts) < 2 or parts[0] not in roots():
        return None
    base = roots()[parts[0]].resolve()
    target = base.joinpath(*parts[1:]).resolve()
    if base != target and base not in target.parents:
        return None
    return target if target.is_file() else None


def register_scheme() -> None:
    """Must run before the QApplication is created (Qt's rule for custom schemes)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


# With no screen (headless exports, CI) there is no GPU to use: keep Chromium from starting a
# GPU process for nothing (about 70 MB).
CHROMIUM_HEADLESS_FLAGS = "--disable-gpu --in-process-gpu"


def add_offline_flags() -> None:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--disable-background-networking" not in flags:
        flags = (flags + " " + CHROMIUM_OFFLINE_FLAGS).strip()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and "--disable-gpu" not in flags:
        flags = (flags + " " + CHROMIUM_HEADLESS_FLAGS).strip()
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags


class SchemeHandler(QWebEngineUrlSchemeHandler):
    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt name)
        url = job.requestUrl()
        if url.host() != HOST:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        path = resolve(url.path())
        if path is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".geojson":
            mime = "application/json"
        buf = QBuffer(parent=job)
        buf.setData(QByteArray(path.read_bytes()))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buf)


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not to a local scheme, and records all of them."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.requests: list[str] = []
        self.blocked: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt name)
        url = info.requestUrl()
        text = url.toString()
        self.requests.append(text)
        if url.scheme() not in LOCAL_SCHEMES:
            self.blocked.append(text)
            info.block(True)


_PROFILE: QWebEngineProfile | None = None


def profile() -> QWebEngineProfile:
    """The one profile of the application (scheme handler installed once, as Qt needs)."""
    global _PROFILE
    if _PROFILE is None:
        prof = QWebEngineProfile()  # off the record: no disk cache, no cookies kept
        prof.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        prof.setSpellCheckEnabled(False)
        handler = SchemeHandler(prof)
        prof.installUrlSchemeHandler(SCHEME, handler)
        interceptor = OfflineInterceptor(prof)
        prof.setUrlRequestInterceptor(interceptor)
        prof._atlas_keep = (handler, interceptor)  # keep the Python wrappers alive
        _PROFILE = prof
    return _PROFILE


def interceptor() -> OfflineInterceptor:
    return profile()._atlas_keep[1]
