"""Saved views: a map extent, the visible layers, what is highlighted, and a title.

Stored as readable JSON (`views.json`) next to the dataset; written atomically. A view's
name, title and subtitle are English, with translations in `names`, `titles` and `subtitles`
({ru, kk, ur}); `name_in(lang)`, `title_in(lang)`, `subtitle_in(lang)` give them in a language
(the interface language by default), English where there is none. Schema: docs/DATA.md.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from geodata.dataset import Dataset
from geodata.i18n import N_, language, translate
from geodata.translations import LANGUAGES

FILE = "views.json"
WHOLE_NETWORK = N_("Whole network")
TRANSLATED = ("names", "titles", "subtitles")   # lang -> text, beside name, title and subtitle


class ViewError(ValueError):
    pass


@dataclass
class View:
    id: str
    name: str
    title: str = ""
    subtitle: str = ""
    bounds: list | None = None          # [[south, west], [north, east]]; None = fit the corridor or everything
    corridor: str | None = None         # a corridor to highlight (and fit when no bounds)
    layers: dict = field(default_factory=dict)  # layer id -> visible; layers not named keep their default
    names: dict = field(default_factory=dict)      # lang -> name in that language (English is `name`)
    titles: dict = field(default_factory=dict)     # lang -> title
    subtitles: dict = field(default_factory=dict)  # lang -> subtitle

    @staticmethod
    def _in(english: str, translations: dict, lang: str | None) -> str:
        lang = lang or language()
        text = translations.get(lang) if lang != "en" else None
        return text.strip() if isinstance(text, str) and text.strip() else english

    def name_in(self, lang: str | None = None) -> str:
        """The name in lang (the interface language by default); English when not translated."""
        return self._in(self.name, self.names, lang)

    def title_in(self, lang: str | None = None) -> str:
        """The title in lang ("" when the view has no title)."""
        return self._in(self.title, self.titles, lang) if self.title else ""

    def subtitle_in(self, lang: str | None = None) -> str:
        return self._in(self.subtitle, self.subtitles, lang) if self.subtitle else ""

    def caption_in(self, lang: str | None = None) -> str:
        """What a slide or the presentation shows: the title, else the name."""
        return self.title_in(lang) or self.name_in(lang)

    def rename(self, name: str, lang: str | None = None) -> None:
        """Give the view a new name in lang: its English name, or its translation when it has
        translations (a view with one name only has that name changed, whatever the language)."""
        lang = lang or language()
        if lang == "en" or not self.names:
            self.name = name
        else:
            self.names[lang] = name


def whole_network() -> View:
    """The view of everything, named in every language of the interface."""
    return View(id="whole-network", name=WHOLE_NETWORK,
                names={lang: translate(WHOLE_NETWORK, lang) for lang in LANGUAGES if lang != "en"})


def bounds_of(ds: Dataset, segment_ids=None, node_ids=None) -> list[list[float]]:
    """[[south, west], [north, east]] of the given segments and nodes (all of them by default)."""
    if segment_ids is None and node_ids is None:
        segment_ids, node_ids = list(ds.segments), list(ds.nodes)
    lons, lats = [], []
    for sid in segment_ids or []:
        for lon, lat, *_ in ds.segments[sid]["geometry"]["coordinates"]:
            lons.append(lon)
            lats.append(lat)
    for nid in node_ids or []:
        lon, lat = ds.nodes[nid]["geometry"]["coordinates"][:2]
        lons.append(lon)
        lats.append(lat)
    if not lons:
        return [[22.0, 45.0], [52.0, 85.0]]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "view"


def _check_bounds(b, where: str) -> list | None:
    if b is None:
        return None
    try:
        (s, w), (n, e) = b
        s, w, n, e = float(s), float(w), float(n), float(e)
    except (TypeError, ValueError):
        raise ViewError(f"{where}: 'bounds' must be [[south, west], [north, east]]") from None
    if not (-90 <= s < n <= 90 and -180 <= w < e <= 180):
        raise ViewError(f"{where}: 'bounds' {b} are not a valid box in degrees")
    return [[s, w], [n, e]]


def parse_views(data, ds: Dataset | None = None, where: str = FILE) -> list[View]:
    if not isinstance(data, dict) or not isinstance(data.get("views"), list):
        raise ViewError(f"{where}: expected an object with a list under 'views'")
    out, seen = [], set()
    for i, raw in enumerate(data["views"]):
        at = f"{where}: view {i + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise ViewError(f"{at}: every view needs a 'name'")
        vid = raw.get("id") or slug(raw["name"])
        if vid in seen:
            raise ViewError(f"{at}: the id {vid!r} is used twice")
        seen.add(vid)
        corridor = raw.get("corridor")
        if corridor is not None and ds is not None and corridor not in ds.corridors:
            raise ViewError(f"{at} ({raw['name']}): unknown corridor {corridor!r}")
        layers = raw.get("layers") or {}
        if not isinstance(layers, dict) or not all(isinstance(v, bool) for v in layers.values()):
            raise ViewError(f"{at} ({raw['name']}): 'layers' must map layer ids to true/false")
        texts = {key: _check_translations(raw.get(key), f"{at} ({raw['name']})", key) for key in TRANSLATED}
        out.append(View(id=vid, name=raw["name"], title=str(raw.get("title") or ""), subtitle=str(raw.get("subtitle") or ""),
                        bounds=_check_bounds(raw.get("bounds"), at), corridor=corridor, layers=layers, **texts))
    return out


def _check_translations(value, where: str, key: str) -> dict:
    """`names`, `titles` or `subtitles`: {lang: text} with lang one of en, ru, kk, ur and no blank text."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ViewError(f"{where}: '{key}' must map language codes ({', '.join(LANGUAGES)}) to text")
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise ViewError(f"{where}: '{key}' has an unknown language {lang!r} (use {', '.join(LANGUAGES)})")
        if not isinstance(text, str) or not text.strip():
            raise ViewError(f"{where}: '{key}' in {lang!r} must be a text, not blank (leave the language out instead)")
    return dict(value)


def user_views_path(ds: Dataset) -> Path:
    """Where edits to the views are saved: next to the dataset, except for the built-in one,
    which is never written to (its views are copied to the user's data folder on first save)."""
    from geodata import BUILTIN_DATA

    if Path(ds.folder).resolve() == Path(BUILTIN_DATA).resolve():
        import platformdirs

        return Path(platformdirs.user_data_dir("CorridorAtlas", "CorridorAtlas")) / FILE
    return Path(ds.folder) / FILE


def load_views(ds: Dataset) -> list[View]:
    """The user's views if saved, else those shipped with the dataset, else the whole network."""
    path = user_views_path(ds)
    if not path.exists():
        path = Path(ds.folder) / FILE
    if not path.exists():
        return [whole_network()]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ViewError(f"{path}: cannot be read ({exc})") from None
    return parse_views(data, ds, str(path))


def save_views(path: Path, views: list[View]) -> None:
    from geodata.atomic import atomic_write_text

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    records = []
    for v in views:
        raw = asdict(v)
        for key in TRANSLATED:   # only the translations a view has
            if not raw[key]:
                del raw[key]
        records.append(raw)
    text = json.dumps({"views": records}, ensure_ascii=False, indent=1) + "\n"
    atomic_write_text(Path(path), text)


def find_view(views: list[View], name: str) -> View:
    """A view by its id or its name in any language (case aside)."""
    for v in views:
        names = [v.name, *v.names.values()]
        if name == v.id or name in names or name.lower() in (n.lower() for n in names):
            return v
    raise ViewError(f"unknown view {name!r}; the views are: " + ", ".join(repr(v.name) for v in views))


def resolve_view(ds: Dataset, view: View) -> dict:
    """What the map needs: bounds and highlighted segments."""
    segs = [s for s in ds.corridors[view.corridor]["segments"] if s in ds.segments] if view.corridor else []
    bounds = view.bounds or (bounds_of(ds, segs) if segs else bounds_of(ds))
    from geodata.search import segment_layer

    highlight = [{"layer": segment_layer(ds.segments[s]["properties"]), "id": s} for s in segs]
    return {"bounds": bounds, "highlight": highlight, "segments": segs}
