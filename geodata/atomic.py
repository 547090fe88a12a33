"""Crash-safe file writes: the old file stays whole until the new one is complete.

The new content goes to a temporary file in the same folder, is flushed and fsync'ed, and
then os.replace()d over the target (atomic on POSIX and Windows for files on one volume).
If anything fails on the way, the temporary file is removed and the target is untouched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Writer = Callable[[BinaryIO], None]


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, backup: bool = False) -> Path:
    """Replace `path` with `data` in one step; with backup=True keep the old version as PATH.bak."""
    return atomic_write(path, lambda fh: fh.write(data), backup=backup)


def atomic_write_text(
    path: str | os.PathLike, text: str, *, encoding: str = "utf-8", backup: bool = False
) -> Path:
    """Replace `path` with `text` (UTF-8 by default, line endings written as given)."""
    return atomic_write_bytes(path, text.encode(encoding), backup=backup)


def atomic_write(path: str | os.PathLike, writer: Writer, *, backup: bool = False) -> Path:
    """Call writer(binary_file) to produce the new content of `path`, then swap it in.

    The writer may raise; then nothing on disk changes. Returns the target path.
    """
    target = Path(path)
    tmp = write_temp_beside(target, writer)
    try:
        if backup and target.exists():
            _backup(target)
        os.replace(tmp, target)
    except BaseException:
        _remove_quietly(tmp)
        raise
    fsync_folder(target.parent if str(target.parent) else Path("."))
    return target


def write_temp_beside(target: str | os.PathLike, writer: Writer | None = None, *, suffix: str = ".tmp") -> Path:
    """A complete, fsync'ed temporary file in `target`'s folder, with the permissions the
    target has (or a new file would get), ready to be os.replace()d over it. The caller
    replaces or removes it; if writer raises, nothing is left behind. writer=None gives an
    empty file for a writer that needs a path (e.g. a PDF printer)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if writer is not None:
                writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        _copy_mode(target, tmp)
    except BaseException:
        _remove_quietly(tmp)
        raise
    return tmp


def remove_quietly(path: str | os.PathLike) -> None:
    """Remove a file if it is there; never raise (clean-up after a failure)."""
    _remove_quietly(Path(path))


def backup_path(path: str | os.PathLike) -> Path:
    """Where the previous version of `path` is kept: the same name plus '.bak'."""
    p = Path(path)
    return p.with_name(p.name + ".bak")


def _backup(target: Path) -> None:
    """Copy the current file to TARGET.bak, itself atomically (never a half-written .bak)."""
    bak = backup_path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copy2(target, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, bak)
    except BaseException:
        _remove_quietly(tmp)
        raise


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the old file's permissions (mkstemp makes it owner-only)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
