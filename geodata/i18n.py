"""Interface language: gettext catalogues for English, Russian, Kazakh and Urdu. No Qt here.

Why gettext and not Qt Linguist: half of the texts a user reads come from modules that must not
import Qt (layer titles and legend labels in layers/catalog.py and layers/styles.py, export
captions in layers/composition.py, the HTML and PPTX exports, the command line). One gettext
catalogue serves them and the Qt widgets alike, works in a headless export without a
QApplication, and its .po files are edited with any PO editor (Poedit, Lokalize, Weblate).

    from geodata.i18n import _, N_
    _("Legend")                  # in the current language
    N_("Seaport")                # marks a string for the catalogue, translated where it is shown
    translate("Legend", "ru")    # in a given language (an export in another language)

Catalogues: resources/i18n/<lang>.po (sources) and <lang>.mo (compiled, committed), made by
tools/i18n/catalogs.py. A string missing from a catalogue shows in English (never blank); a
test fails when a marked string is missing from any catalogue.
"""
from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "ru", "kk", "ur")
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "ur": "اردو"}
RTL_LANGUAGES = {"ur"}
DOMAIN = "corridor_atlas"

_current = "en"


def catalog_dir() -> Path:
    import resources

    return resources.ROOT / "i18n"


@lru_cache(maxsize=None)
def translator(lang: str) -> gettext.NullTranslations:
    path = catalog_dir() / f"{lang}.mo"
    if lang == "en" or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as fh:
        return gettext.GNUTranslations(fh)


def normalize(lang: str | None) -> str:
    """A known language code ('ru', 'kk', 'ur', 'en'); anything else is English."""
    code = str(lang or "en").lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else "en"


def set_language(lang: str | None) -> str:
    global _current
    _current = normalize(lang)
    return _current


def language() -> str:
    return _current


def is_rtl(lang: str | None = None) -> bool:
    return normalize(lang or _current) in RTL_LANGUAGES


def direction(lang: str | None = None) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def translate(message: str, lang: str | None = None) -> str:
    """message in lang (default: the current language); English when there is no translation."""
    if not message:
        return message
    return translator(normalize(lang or _current)).gettext(message)


def _(message: str) -> str:
    return translate(message)


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a string for the catalogue; it is translated where it is shown."""
    return message


@lru_cache(maxsize=None)
def reverse(lang: str) -> dict[str, str]:
    """translation -> English message of a language's catalogue (to re-translate shown text)."""
    cat = translator(normalize(lang))
    messages = getattr(cat, "_catalog", {})
    return {str(v): str(k) for k, v in messages.items() if isinstance(k, str) and k and v}


def message_of(text: str, lang: str | None = None) -> str:
    """The English message behind a text shown in lang (the text itself when unknown)."""
    return reverse(normalize(lang or _current)).get(text, text)


def reload() -> None:
    """Forget loaded catalogues (after tools/i18n/catalogs.py has rebuilt them)."""
    translator.cache_clear()
    reverse.cache_clear()
