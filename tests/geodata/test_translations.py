"""Names in English, Russian, Kazakh and Urdu: complete in the built-in data, English as fallback,
and the data-quality report lists what is missing (issue 8)."""
import copy
import re
import subprocess
import sys

from geodata import translations as tr
from geodata.dataset import Dataset
from geodata.schema import validate_dataset

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def test_builtin_records_have_all_four_languages():
    ds = Dataset.load()
    assert tr.missing(ds, country_labels=tr.region_country_labels()) == []
    cov = tr.coverage(ds)
    assert cov["node"]["ur"] == (len(ds.nodes), len(ds.nodes))
    assert cov["corridor"]["kk"] == (len(ds.corridors), len(ds.corridors))


def test_scripts_of_the_builtin_names():
    ds = Dataset.load()
    records = [f["properties"] for f in ds.nodes.values()] + [f["properties"] for f in ds.segments.values()]
    records += list(ds.corridors.values()) + list(ds.agreements.values())
    for rec in records:
        names = rec["names"]
        assert names["en"] == (rec.get("name") or rec.get("title"))
        for lang in ("ru", "kk"):
            assert CYRILLIC.search(names[lang]), (rec["id"], lang, names[lang])
        assert ARABIC.search(names["ur"]) and not LATIN_WORD.search(names["ur"]), (rec["id"], names["ur"])


def test_missing_translation_falls_back_to_english_and_is_reported():
    ds = copy.deepcopy(Dataset.load())
    karachi = ds.nodes["karachi-port"]["properties"]
    del karachi["names"]["ur"]
    karachi["names"]["kk"] = "  "
    del ds.corridors["trans-afghan"]["names"]
    assert tr.name_in(karachi, "ur") == "Karachi Port"        # English, never blank
    assert tr.name_in(karachi, "kk") == "Karachi Port"
    assert tr.name_in(karachi, "ru") == "Порт Карачи"
    assert tr.name_in(ds.agreements["tir-convention"], "en").startswith("TIR Convention")
    gaps = {(m.kind, m.id): m.languages for m in tr.missing(ds)}
    assert gaps == {("node", "karachi-port"): ("kk", "ur"), ("corridor", "trans-afghan"): ("ru", "kk", "ur")}
    text = tr.report(ds, with_countries=False)
    assert "node karachi-port (Karachi Port): no kk, ur" in text
    assert "corridor trans-afghan" in text


def test_blank_name_is_a_schema_problem(tmp_path):
    import json
    import shutil

    from geodata import BUILTIN_DATA

    folder = tmp_path / "data"
    shutil.copytree(BUILTIN_DATA, folder)
    path = folder / "segments.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["names"]["ru"] = ""
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = validate_dataset(folder)
    assert any("names.ru" in str(p) and "blank" in str(p) for p in problems), problems


def test_validate_translations_command():
    out = subprocess.run([sys.executable, "-m", "gui.cli", "validate", "geodata/data", "--translations"],
                         capture_output=True, text=True, cwd=tr.__file__.rsplit("/geodata/", 1)[0])
    assert out.returncode == 0, out.stderr
    assert "no problems found" in out.stdout
    assert "Every record has a name in ru, kk, ur." in out.stdout
