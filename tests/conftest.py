"""Test set-up shared by every test: offscreen Qt, a private settings file, the web scheme."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
_TMP = Path(tempfile.mkdtemp(prefix="atlas-test-home-"))
os.environ["XDG_DATA_HOME"] = str(_TMP / "data")      # saved views, user data: never the real home
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")
os.environ["CORRIDOR_ATLAS_NO_PROMPTS"] = "1"  # no Save/Discard question on close: unsaved edits go to recovery
os.environ.setdefault("CORRIDOR_ATLAS_SETTINGS", str(Path(tempfile.mkdtemp(prefix="atlas-settings-")) / "settings.ini"))

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for atlas_testing


def pytest_configure(config):
    # Qt wants custom URL schemes registered before the QApplication exists.
    from gui.app import prepare_environment

    prepare_environment()
