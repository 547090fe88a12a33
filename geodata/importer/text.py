"""A file's text (UTF-8, or refused) and the small pieces of wording the reasons share."""
from __future__ import annotations

import json
from pathlib import Path

from .results import _Refused


def _decode(data: bytes, rule: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused(f"wrong text encoding: byte 0x{data[exc.start]:02X} at position {exc.start} is not UTF-8 "
                       f"({rule}; save the file as UTF-8)") from None


def _show(value, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _one_line(exc: BaseException, path) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    message = message.replace(str(path), Path(str(path)).name)
    if "not recognized as being in a supported file format" in message or "not recognized as a supported" in message:
        return "GDAL does not recognise it as a supported file format (damaged or not a GIS file)"
    return message[:300]
