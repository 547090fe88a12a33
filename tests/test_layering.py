"""geodata and layers never import Qt: they run headless, in the CLI and in other tools."""
import subprocess
import sys

from atlas_testing import REPO


def test_geodata_and_layers_import_no_qt():
    code = ("import sys, pkgutil, importlib, geodata, layers\n"
            "for pkg in (geodata, layers):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
