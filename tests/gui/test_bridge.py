"""What crosses the bridge: JSON only, and events from the page are checked before use."""
import json

import pytest
from PySide6.QtCore import QObject, Signal

from gui.map_bridge import PageEventError, parse_event


@pytest.mark.parametrize("text, reason", [
    ("not json", "invalid JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"type": "explode"}', "unknown event type"),
    ('{"type": "select", "layer": "railways"}', "'id'"),
    ('{"type": "select", "layer": 5, "id": "x"}', "'layer'"),
    ('{"type": "cursor", "lon": "1", "lat": 2}', "'lon'"),
    ('{"type": "measure", "points": [[1, 2], [3]]}', "pairs"),
    ('{"type": "measure", "points": [["a", "b"]]}', "pairs"),
    ('{"type": "view", "center": ["x", 1], "zoom": 3, "bounds": []}', "numbers"),
])
def test_bad_events_are_refused_with_a_reason(text, reason):
    with pytest.raises(PageEventError, match=reason):
        parse_event(text)


def test_good_event_passes():
    e = parse_event(json.dumps({"type": "select", "layer": "railways", "id": "ml1"}))
    assert e["id"] == "ml1"


def test_a_malformed_message_from_the_page_is_logged_not_fatal(window):
    bridge = window.map.bridge
    bridge._receive('{"type": "select", "layer": "railways"}')
    assert "missing" in bridge.page_errors[-1]
    assert window.feature_panel.current is None or window.feature_panel.current.get("id") != "railways"


class _Emitter(QObject):
    ping = Signal(str)


def test_many_signal_emits_do_not_crash(qapp):
    # PySide6 6.12.0 on Python 3.11 crashed after a few hundred emits; the map sends thousands.
    emitter, seen = _Emitter(), []
    emitter.ping.connect(seen.append)
    for i in range(20000):
        emitter.ping.emit("x")
    assert len(seen) == 20000
