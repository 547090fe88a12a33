"""Fixtures that open the real window on the real map page, offscreen."""
import os

import pytest

from atlas_testing import open_window

from geodata.dataset import Dataset


@pytest.fixture(scope="session")
def dataset():
    # ATLAS_TEST_DATA runs the window tests on another dataset folder (default: the built-in one)
    return Dataset.load(os.environ.get("ATLAS_TEST_DATA") or None)


@pytest.fixture
def window(qtbot, dataset, tmp_path):
    w = open_window(qtbot, dataset, tmp_path / "settings.ini")
    yield w
    w.close()
