"""Exports from the real window offscreen, and the headless command line."""
import re
import subprocess
import sys
import zlib

import pytest
from PIL import Image

from atlas_testing import REPO
from layers.views import load_views

LAND, SEA = (0xf4, 0xf1, 0xea), (0xc9, 0xdf, 0xec)


def run_export(qtbot, window, out, **kw):
    with qtbot.waitSignal(window.export(out, **kw).finished, timeout=90000) as blocker:
        pass
    return blocker.args[0]


def colour_share(img: Image.Image, rgb) -> float:
    small = img.convert("RGB").resize((480, int(480 * img.height / img.width)))
    data = list(small.get_flattened_data())
    return sum(1 for p in data if p == rgb) / len(data)


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_png_has_exact_size_land_sea_lines_and_legend(window, qtbot, tmp_path, size):
    window.zoom_full()
    out = tmp_path / "map.png"
    run_export(qtbot, window, out, width=size[0], height=size[1], title="Test export")
    img = Image.open(out).convert("RGB")
    assert img.size == size
    assert colour_share(img, LAND) > 0.2 and colour_share(img, SEA) > 0.02
    colours = {c for _, c in img.resize((480, 270)).getcolors(1 << 20)}
    assert len(colours) > 200
    # rail colours by gauge are drawn somewhere (1520 red, 1676 blue), antialiased or not
    near = lambda c, t: sum(abs(a - b) for a, b in zip(c, t)) < 60  # noqa: E731
    assert any(near(c, (0xb3, 0x26, 0x1e)) for c in colours) and any(near(c, (0x1f, 0x5f, 0xa8)) for c in colours)
    # the legend is a white box in the top-right corner
    w, h = img.size
    corner = img.crop((int(w * 0.80), int(h * 0.03), int(w * 0.98), int(h * 0.25))).resize((60, 40))
    whites = sum(1 for p in corner.get_flattened_data() if min(p) > 245)
    assert whites > 0.4 * 60 * 40
    assert not list(tmp_path.glob("*.part"))


def pdf_streams(data: bytes):
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        raw = m.group(1)
        try:
            yield zlib.decompress(raw)
        except zlib.error:
            yield raw


def test_pdf_is_vector_with_text_and_paths(window, qtbot, tmp_path):
    out = tmp_path / "map.pdf"
    run_export(qtbot, window, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    content = b"\n".join(pdf_streams(data))
    assert content.count(b"Tj") + content.count(b"TJ") > 20, "no text in the PDF"
    path_ops = len(re.findall(rb"\s[lc]\n", content))
    assert path_ops > 1000, f"only {path_ops} path operations: not a vector map"
    # label halos become small grey masks; the map itself must not be a picture
    sizes = [(int(w), int(h)) for w, h in re.findall(rb"/Subtype\s*/Image\s*/Width (\d+)\s*/Height (\d+)", data)]
    assert all(w * h < 0.1 * 1920 * 1080 for w, h in sizes), f"a large bitmap in the PDF: {max(sizes, key=lambda s: s[0] * s[1])}"


def test_pptx_has_one_slide_per_view(window, qtbot, tmp_path, dataset):
    from pptx import Presentation

    out = tmp_path / "deck.pptx"
    run_export(qtbot, window, out)
    deck = Presentation(str(out))
    views = load_views(dataset)
    assert len(deck.slides) == len(views)
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == len(views)


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "gui.cli", "export", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=120)


@pytest.mark.parametrize("args, words", [
    (["--width", "-5", "--height", "0"], "out of range"),
    (["--width", "abc", "--height", "100"], "whole numbers"),
    (["--width", "1920"], "both"),
    (["--view", "No such view"], "unknown view"),
])
def test_cli_refuses_bad_arguments_without_leaving_a_file(tmp_path, args, words):
    out = tmp_path / "bad.png"
    r = cli(str(out), *args)
    assert r.returncode != 0
    assert words in r.stderr and "Traceback" not in r.stderr + r.stdout
    assert not out.exists() and not list(tmp_path.iterdir())


def test_cli_refuses_unwritable_and_unknown_outputs(tmp_path):
    r = cli(str(tmp_path / "missing" / "m.png"))
    assert r.returncode != 0 and "does not exist" in r.stderr
    r = cli(str(tmp_path / "m.gif"))
    assert r.returncode != 0 and "unknown format" in r.stderr
    r = cli("/proc/m.png")
    assert r.returncode != 0 and "Traceback" not in r.stderr


def test_cli_writes_png_headless(tmp_path):
    out = tmp_path / "m.png"
    r = cli(str(out), "--width", "1280", "--height", "720", "--title", "CLI")
    assert r.returncode == 0, r.stderr
    assert Image.open(out).size == (1280, 720)
