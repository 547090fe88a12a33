"""How large a file (and a zip once unpacked) may be."""
from __future__ import annotations

import zipfile

from .results import _Refused

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
UNZIPPED_FACTOR = 4         # a zip may unpack to at most this many times the size limit


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise _Refused(f"the file is too large ({_size(size)}; the limit is {_size(max_bytes)})")


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:.0f} bytes"


def _check_unzipped_size(infos: list[zipfile.ZipInfo], max_bytes: int) -> None:
    unpacked = sum(i.file_size for i in infos)
    if unpacked > max_bytes * UNZIPPED_FACTOR:
        raise _Refused(f"the zip unpacks to {_size(unpacked)}, more than the limit "
                       f"({_size(max_bytes * UNZIPPED_FACTOR)})")
