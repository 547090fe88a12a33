"""The interface catalogues (resources/i18n): every marked string is translated in every
language, placeholders survive translation, and the compiled .mo files match the .po sources."""
import re
import string
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools" / "i18n"))
import catalogs  # noqa: E402

from geodata import i18n  # noqa: E402

MESSAGES = catalogs.extract()


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_there_are_messages_from_every_part():
    files = {ref.split(":")[0] for refs in MESSAGES.values() for ref in refs}
    for part in ("layers/catalog.py", "layers/styles.py", "layers/composition.py", "gui/main_window.py",
                 "gui/feature_panel.py", "gui/export_dialog.py"):
        assert part in files, part
    assert "Legend" in MESSAGES and "Seaports" in MESSAGES and "&File" in MESSAGES


@pytest.mark.parametrize("lang", catalogs.LANGS)
def test_every_message_is_translated(lang):
    po = catalogs.read_po(catalogs.OUT / f"{lang}.po")
    missing = [m for m in MESSAGES if not po.get(m, "").strip()]
    assert not missing, f"{lang}.po lacks translations (run tools/i18n/catalogs.py, then translate): {missing}"


@pytest.mark.parametrize("lang", catalogs.LANGS)
def test_placeholders_and_scripts(lang):
    po = catalogs.read_po(catalogs.OUT / f"{lang}.po")
    script = {"ru": r"[\u0400-\u04ff]", "kk": r"[\u0400-\u04ff]", "ur": r"[\u0600-\u06ff]"}[lang]
    for msgid in MESSAGES:
        text = po[msgid]
        assert fields(text) == fields(msgid), (lang, msgid, text)
        if re.search(r"[a-z]{3}", msgid.replace("{", " ").split("(")[0]) and msgid not in ("km",):
            assert re.search(script, text) or msgid in ("Basemap: Natural Earth.",), (lang, msgid, text)


@pytest.mark.parametrize("lang", catalogs.LANGS)
def test_compiled_catalogue_matches_its_source(lang):
    i18n.reload()
    po = catalogs.read_po(catalogs.OUT / f"{lang}.po")
    for msgid in MESSAGES:
        assert i18n.translate(msgid, lang) == po[msgid], f"{lang}.mo is stale: run tools/i18n/catalogs.py"


def test_missing_translation_falls_back_to_english():
    assert i18n.translate("A sentence nobody translated", "ru") == "A sentence nobody translated"
    assert i18n.translate("Legend", "xx") == "Legend"
    assert i18n.translate("Legend", "ru") == "Условные обозначения"
    assert i18n.is_rtl("ur") and not i18n.is_rtl("kk")
