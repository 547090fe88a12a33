"""The one place where Python and the map page talk.

Only JSON text crosses, over QWebChannel: Python sends commands (`{"cmd": ...}`) through
the `toPage` signal; the page sends events (`{"type": ...}`) to the `fromPage` slot.
Commands sent before the page says it is ready are queued. Events from the page are
checked before use: a malformed one is logged and dropped, never trusted.
"""
from __future__ import annotations

import json
import logging
import math

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineScript

log = logging.getLogger(__name__)

# Event type -> {field: accepted Python types}; anything else from the page is refused.
_NUM = (int, float)
EVENT_FIELDS: dict[str, dict[str, tuple]] = {
    "ready": {},
    "drawn": {"counts": (dict,)},
    "rendered": {"token": (int, str)},
    "select": {"layer": (str,), "id": (str,)},
    "clearSelection": {},
    "userSelect": {"layer": (str,), "index": (int,)},   # a feature of a user layer (its number)
    "view": {"center": (list,), "zoom": _NUM, "bounds": (list,)},
    "cursor": {"lon": _NUM, "lat": _NUM},
    "measure": {"points": (list,)},
    "measureCleared": {},
    "editMoveNode": {"id": (str,), "lon": _NUM, "lat": _NUM},        # a node dragged in edit mode
    "editReshape": {"id": (str,), "coordinates": (list,)},          # a segment's vertices after a drag
    "error": {"message": (str,)},
}


class PageEventError(ValueError):
    pass


def _finite_numbers(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, _NUM):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_finite_numbers(v) for v in value)
    return False


def parse_event(text: str) -> dict:
    """Check one message from the page; raise PageEventError saying what is wrong."""
    if not isinstance(text, str) or len(text) > 2_000_000:
        raise PageEventError("not a text message of reasonable size")
    try:
        event = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PageEventError(f"invalid JSON ({exc.msg})") from None
    if not isinstance(event, dict):
        raise PageEventError("not a JSON object")
    kind = event.get("type")
    if kind not in EVENT_FIELDS:
        raise PageEventError(f"unknown event type {kind!r}")
    for name, types in EVENT_FIELDS[kind].items():
        value = event.get(name)
        if not isinstance(value, types) or isinstance(value, bool):
            raise PageEventError(f"event {kind!r}: field {name!r} missing or of the wrong type")
        if types in (_NUM,) and not _finite_numbers(value):
            raise PageEventError(f"event {kind!r}: field {name!r} is not a finite number")
    if kind in ("view",) and not (_finite_numbers(event["center"]) and _finite_numbers(event["bounds"])):
        raise PageEventError("event 'view': center/bounds must be numbers")
    if kind == "measure":
        pts = event["points"]
        if len(pts) > 10_000 or not all(isinstance(p, list) and len(p) == 2 and _finite_numbers(p) for p in pts):
            raise PageEventError("event 'measure': points must be [lon, lat] pairs")
    if kind == "editMoveNode" and not _lon_lat([event["lon"], event["lat"]]):
        raise PageEventError("event 'editMoveNode': lon/lat out of range")
    if kind == "editReshape":
        coords = event["coordinates"]
        if not (2 <= len(coords) <= 10_000 and all(_lon_lat(p) for p in coords)):
            raise PageEventError("event 'editReshape': coordinates must be 2 to 10000 [lon, lat] pairs in range")
    return event


def _lon_lat(p) -> bool:
    """A [lon, lat] pair of finite numbers within -180..180 / -90..90."""
    return (isinstance(p, list) and len(p) == 2 and _finite_numbers(p)
            and -180 <= p[0] <= 180 and -90 <= p[1] <= 90)


def channel_script() -> QWebEngineScript:
    """qwebchannel.js from Qt's resources, injected before the page's own scripts run."""
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js resource is missing")
    source = bytes(f.readAll()).decode("utf-8")
    f.close()
    script = QWebEngineScript()
    script.setName("qwebchannel")
    script.setSourceCode(source)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    return script


class _ChannelObject(QObject):
    """The object the page sees as `bridge`: one signal out, one slot in."""

    toPage = Signal(str)

    def __init__(self, owner: "MapBridge"):
        super().__init__(owner)
        self._owner = owner

    @Slot(str)
    def fromPage(self, text: str) -> None:  # noqa: N802 (name seen by JavaScript)
        self._owner._receive(text)


class MapBridge(QObject):
    """Commands to the page and typed events from it."""

    ready = Signal()
    event = Signal(object)  # a checked event dict

    def __init__(self, page, parent: QObject | None = None):
        super().__init__(parent)
        self._obj = _ChannelObject(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self._obj)
        page.setWebChannel(self._channel)
        page.scripts().insert(channel_script())
        self._queue: list[str] = []
        self.is_ready = False
        self.page_errors: list[str] = []

    def reset(self) -> None:
        """The page is being (re)loaded: hold commands until it is ready again."""
        self.is_ready = False

    def send(self, cmd: str, **payload) -> None:
        text = json.dumps({"cmd": cmd, **payload}, ensure_ascii=False, allow_nan=False)
        if self.is_ready:
            self._obj.toPage.emit(text)
        else:
            self._queue.append(text)

    def _receive(self, text: str) -> None:
        try:
            event = parse_event(text)
        except PageEventError as exc:
            log.warning("ignored a message from the map page: %s", exc)
            self.page_errors.append(str(exc))
            return
        if event["type"] == "ready":
            self.is_ready = True
            queued, self._queue = self._queue, []
            for item in queued:
                self._obj.toPage.emit(item)
            self.ready.emit()
        elif event["type"] == "error":
            log.warning("map page error: %s", event["message"])
            self.page_errors.append(event["message"])
        self.event.emit(event)
