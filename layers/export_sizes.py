"""Export sizes: presets, limits, and the zoom at which the page is drawn for a sharp image."""
from __future__ import annotations

from geodata.i18n import N_

# Preset names are English messages of the interface catalogue (shown translated).
PRESETS = {
    N_("Full HD slide (1920×1080)"): (1920, 1080),
    N_("4K slide (3840×2160)"): (3840, 2160),
    N_("A4 landscape, 300 dpi (3508×2480)"): (3508, 2480),
    N_("A3 landscape, 300 dpi (4961×3508)"): (4961, 3508),
}
MIN_SIDE = 320
MAX_SIDE = 12000
MAX_PIXELS = 80_000_000
LAYOUT_WIDTH = 1920  # CSS pixels across: labels and legend keep their size relative to the map


class SizeError(ValueError):
    pass


def check_size(width, height) -> tuple[int, int]:
    """Return (width, height) as ints or raise SizeError saying what is wrong."""
    try:
        w, h = int(width), int(height)
    except (TypeError, ValueError):
        raise SizeError(f"width and height must be whole numbers of pixels, got {width!r} × {height!r}") from None
    if w != width or h != height:
        raise SizeError(f"width and height must be whole numbers of pixels, got {width!r} × {height!r}")
    for name, v in (("width", w), ("height", h)):
        if not MIN_SIDE <= v <= MAX_SIDE:
            raise SizeError(f"{name} {v} is out of range: use {MIN_SIDE} to {MAX_SIDE} pixels")
    if w * h > MAX_PIXELS:
        raise SizeError(f"{w}×{h} is {w * h / 1e6:.0f} megapixels, more than the {MAX_PIXELS / 1e6:.0f} allowed")
    return w, h


def page_zoom(width: int, layout_width: int = LAYOUT_WIDTH) -> float:
    """Zoom factor so the page is laid out `layout_width` CSS pixels wide (never below 1)."""
    return max(1.0, width / layout_width)
