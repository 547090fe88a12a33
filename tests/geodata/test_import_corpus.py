"""The importer against the shared corpus of real GIS files (good, bad and hostile).

MANIFEST.tsv says per file whether it must load, be rejected, or load with its markup kept
as plain text. The corpus lives outside the project (../shared/testdata/gis-files from the
repository root) and is never copied in; without it these tests skip.
"""
from __future__ import annotations

import ast
import csv
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from geodata.importer import ImportProblem, import_file  # noqa: E402

CORPUS = (ROOT / ".." / "shared" / "testdata" / "gis-files").resolve()
MANIFEST = CORPUS / "MANIFEST.tsv"


def manifest_rows() -> list:
    if not MANIFEST.is_file():
        return [pytest.param(None, id="corpus-absent")]
    with open(MANIFEST, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [pytest.param(row, id=row["path"]) for row in rows]


def markup_strings(check: str) -> list[str]:
    """The strings the manifest says must come through verbatim ("strings with markup preserved: [...]")."""
    m = re.search(r"strings with markup preserved: (\[.*?\])\s*;", check)
    if not m:
        return []
    try:
        return [s for s in ast.literal_eval(m.group(1)) if isinstance(s, str)]
    except (ValueError, SyntaxError):
        return []


@pytest.mark.parametrize("row", manifest_rows())
def test_corpus_file(row):
    if row is None:
        pytest.skip(f"corpus not found at {CORPUS}")
    path = CORPUS / row["path"]
    expected = row["expected"]
    if expected == "reject":
        with pytest.raises(ImportProblem) as info:
            import_file(path)
        message = info.value.message
        assert message.strip(), "an ImportProblem needs a message"
        assert "Traceback" not in message and "\n" not in message
        return
    assert expected in ("load", "load_as_text"), f"unknown expectation {expected!r}"
    result = import_file(path)
    assert result.feature_count >= 1
    for layer in result:
        frame = layer.frame
        assert frame.crs is not None and frame.crs.to_epsg() == 4326
        assert len(frame) >= 1
        assert not (frame.geometry.isna() | frame.geometry.is_empty).any()
        xy = shapely.get_coordinates(frame.geometry.array)
        assert np.isfinite(xy).all()
        assert (np.abs(xy[:, 0]) <= 180.001).all() and (np.abs(xy[:, 1]) <= 90.001).all()
    if expected == "load_as_text":
        texts = [v for layer in result for col in layer.frame.columns if col != "geometry"
                 for v in layer.frame[col].tolist() if isinstance(v, str)]
        wanted = markup_strings(row["check"])
        if wanted:
            for s in wanted:
                assert s in texts, f"{s!r} not kept verbatim; attribute texts: {texts}"
        else:
            assert any("<" in t and ">" in t for t in texts), f"no markup kept as text in {texts}"


def test_projected_corpus_file_lands_in_central_asia():
    shp = CORPUS / "good" / "shp_utm42n_central_asia" / "central_asia_utm42n.shp"
    if not shp.exists():
        pytest.skip("corpus absent")
    frame = import_file(shp)[0].frame
    kaz = frame[frame["iso_a3"] == "KAZ"].geometry.iloc[0]
    assert kaz.contains(shapely.Point(71.45, 51.17))  # Astana
    pak = frame[frame["iso_a3"] == "PAK"].geometry.iloc[0]
    assert pak.contains(shapely.Point(73.05, 33.68))  # Islamabad


def test_every_kml_folder_is_a_layer():
    kml = CORPUS / "good" / "google_kml_samples.kml"
    if not kml.exists():
        pytest.skip("corpus absent")
    result = import_file(kml)
    names = [layer.name for layer in result]
    assert "Placemarks" in names and "Paths" in names and "Google Campus" in names
    assert result.feature_count > 3  # more than the first folder's 3 points


def test_csv_attribute_text_is_kept_as_text():
    path = CORPUS / "good" / "country_capitals_latlon.csv"
    if not path.exists():
        pytest.skip("corpus absent")
    frame = import_file(path)[0].frame
    assert "NULL" in frame["CountryCode"].tolist()          # not turned into a missing value
    assert frame["CapitalLatitude"].iloc[0] == "9.55"       # the text as written
    assert "Port-aux-Français" in frame["CapitalName"].tolist()
