"""KML and KMZ: every folder/layer; the XML is checked first (well-formed, a <kml> root, no
entity declarations, numeric coordinates).
"""
from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from .gdal import _list_layers, _read_layers
from .limits import _check_unzipped_size
from .results import RawLayer, _Refused
from .text import _show


def _read_kml(path: Path) -> list[RawLayer]:
    _check_kml(path.read_bytes())
    return _read_layers(path, _list_layers(path))


def _read_kmz(path: Path, max_bytes: int) -> list[RawLayer]:
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_unzipped_size(infos, max_bytes)
        kmls = [i.filename for i in infos if i.filename.lower().endswith(".kml")]
        if not kmls:
            raise _Refused("the KMZ holds no .kml document")
        main = next((k for k in kmls if k.lower() == "doc.kml"), kmls[0])
        _check_kml(zf.read(main))
    try:
        source: str | Path = path
        names = _list_layers(path)
    except Exception:  # noqa: BLE001 - a GDAL without LIBKML reads the document inside instead
        source = f"/vsizip/{path.resolve().as_posix()}/{main}"
        names = _list_layers(source)
    return _read_layers(source, names)


def _check_kml(data: bytes) -> None:
    """Well-formed XML with a <kml> root, no entity declarations, numeric <coordinates>."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    state = {"root": None, "in_coords": False, "text": []}

    def local(name: str) -> str:
        return name.rsplit(":", 1)[-1]

    def start(name, attrs):
        if state["root"] is None:
            state["root"] = local(name)
        if local(name) == "coordinates":
            state["in_coords"], state["text"] = True, []

    def end(name):
        if local(name) == "coordinates" and state["in_coords"]:
            state["in_coords"] = False
            _check_kml_coordinates("".join(state["text"]), parser.CurrentLineNumber)

    def chars(text):
        if state["in_coords"]:
            state["text"].append(text)

    def entity(*_args):
        raise _Refused("the KML declares XML entities, which KML files never need; refused for safety")

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code]
        if reason in (expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN) or \
                exc.lineno >= data.count(b"\n") and reason == expat.errors.XML_ERROR_INVALID_TOKEN and \
                not data.rstrip().endswith(b">"):
            raise _Refused(f"the KML ends before the document is complete (cut off?) at line {exc.lineno}") from None
        if reason == expat.errors.XML_ERROR_INVALID_TOKEN and _declared_utf8(data) and not _is_utf8(data):
            raise _Refused("wrong text encoding: the KML says it is UTF-8 but it is not "
                           f"(line {exc.lineno}); save it as UTF-8") from None
        raise _Refused(f"not well-formed XML at line {exc.lineno}, column {exc.offset}: {reason}") from None
    if state["root"] != "kml":
        raise _Refused(f"not a KML document: the root element is <{state['root']}>, not <kml>")


def _check_kml_coordinates(text: str, line: int) -> None:
    for token in text.split():
        parts = [p for p in token.split(",") if p != ""]
        ok = len(parts) >= 2
        for part in parts[:3] if ok else []:
            try:
                ok = ok and math.isfinite(float(part))
            except ValueError:
                ok = False
        if not ok:
            raise _Refused(f"non-numeric coordinates near line {line}: {_show(token)} "
                           "(expected longitude,latitude[,altitude])")


def _declared_utf8(data: bytes) -> bool:
    m = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)[\"']", data)
    return m is None or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
