"""Languages in the real window (issue 8): switching changes the panels, the legend and the map's
labels; Urdu is right to left, in the shipped Urdu font, shaped (not boxes); remembered between runs."""
import json

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, features
from PySide6.QtCore import Qt

from atlas_testing import REPO, open_window, run_js, wait_rendered

FONTS = REPO / "resources" / "fonts"
KARACHI_BOUNDS = [[24.55, 66.55], [25.15, 67.55]]


def dock_titles(window):
    return {d.objectName(): d.windowTitle() for d in window.findChildren(type(window.layers_dock))}


def tree_texts(panel):
    out = {}
    for layer_id, item in panel.items.items():
        out[layer_id] = item.text(0)
        for i in range(item.childCount()):
            out[f"{layer_id}#{i}"] = item.child(i).text(0)
    return out


def test_switching_language_changes_panels_and_legend(window, qtbot):
    assert window.layers_dock.windowTitle() == "Layers"
    assert tree_texts(window.layer_panel)["seaports"] == "Seaports"
    window.language.set_language("ru")
    assert window.layers_dock.windowTitle() == "Слои"
    texts = tree_texts(window.layer_panel)
    assert texts["seaports"] == "Морские порты"
    assert texts["border_crossings#0"] == "Погранпереход, только ж/д"           # a legend label (catalog.py)
    assert texts["corridor:trans-afghan"] == "Трансафганский маршрут через Узбекистан"  # a name from the data
    assert window.act_export.text() == "Экспорт…"
    assert window.menuBar().actions()[0].text() == "&Файл"
    assert "Ничего не выбрано" in window.feature_panel.toPlainText()
    window.show_selection("seaports", "karachi-port", fit=False)
    panel = window.feature_panel.toPlainText()
    assert "Порт Карачи" in panel and "Морской порт" in panel and "Соглашения" in panel
    window.language.set_language("kk")
    assert window.layers_dock.windowTitle() == "Қабаттар"
    assert tree_texts(window.layer_panel)["seaports"] == "Теңіз порттары"
    assert "Карачи порты" in window.feature_panel.toPlainText()
    window.language.set_language("ur")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layers_dock.windowTitle() == "پرتیں"
    assert "کراچی بندرگاہ" in window.feature_panel.toPlainText()
    window.language.set_language("en")   # back: every text found again from its translation
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.layers_dock.windowTitle() == "Layers"
    assert tree_texts(window.layer_panel)["seaports"] == "Seaports"
    assert window.act_export.text() == "Export…" and window.menuBar().actions()[0].text() == "&File"
    assert window.settings.value("ui/language") == "en"


def test_export_legend_and_captions_follow_the_language(window):
    from layers.composition import compose

    comp = compose(window.dataset, window.layer_list, lang="ru", second="en")
    labels = [row["label"] for row in comp["legend"]]
    assert comp["legendTitle"] == "Условные обозначения" and "Морской порт" in labels
    assert any(row.get("label2") == "Seaport" for row in comp["legend"])
    assert comp["date"].startswith("Карта от") and comp["sources"].startswith("Источники")
    ur = compose(window.dataset, window.layer_list, lang="ur")
    assert ur["dir"] == "rtl" and ur["legendTitle"] == "علامات"


def test_language_is_remembered_between_runs(qtbot, dataset, tmp_path):
    settings = tmp_path / "settings.ini"
    first = open_window(qtbot, dataset, settings)
    first.language.set_language("ru")
    first.close()
    second = open_window(qtbot, dataset, settings)
    try:
        assert second.language.lang == "ru"
        assert second.language.actions["ru"].isChecked()
        assert second.layers_dock.windowTitle() == "Слои"
        assert tree_texts(second.layer_panel)["seaports"] == "Морские порты"
    finally:
        second.close()


LABEL_JS = """
(function () {
  const want = %s;
  const el = Array.from(document.querySelectorAll('.atlas-label')).find(e => e.textContent === want);
  if (!el) return JSON.stringify(null);
  const cs = getComputedStyle(el), r = el.getBoundingClientRect();
  const country = Array.from(document.querySelectorAll('.atlas-country-label')).find(e => e.textContent === 'پاکستان');
  return JSON.stringify({dir: el.dir, lang: el.lang, font: cs.fontFamily, size: parseFloat(cs.fontSize),
    weight: cs.fontWeight, hidden: el.classList.contains('hidden'), rect: [r.left, r.top, r.width, r.height],
    loaded: document.fonts.check(cs.fontSize + ' "Noto Nastaliq Urdu"', want),
    country: country ? {dir: country.dir, font: getComputedStyle(country).fontFamily} : null});
})()
"""


def show_urdu_karachi(window, qtbot):
    window.language.set_language("ur")
    window.map.bridge.send("fitBounds", bounds=KARACHI_BOUNDS, padding=[10, 10])
    wait_rendered(qtbot, window)
    name = window.dataset.nodes["karachi-port"]["properties"]["names"]["ur"]
    qtbot.waitUntil(lambda: (run_js(qtbot, window.map, LABEL_JS % json.dumps(name)) or {}).get("loaded"), timeout=10000)
    return name, run_js(qtbot, window.map, LABEL_JS % json.dumps(name))


def test_urdu_labels_are_right_to_left_in_the_urdu_font(window, qtbot):
    _name, info = show_urdu_karachi(window, qtbot)
    assert info["dir"] == "rtl" and info["lang"] == "ur"
    assert info["font"].startswith('"Noto Nastaliq Urdu"')
    assert not info["hidden"]
    assert info["country"] == {"dir": "rtl", "font": info["country"]["font"]}
    assert info["country"]["font"].startswith('"Noto Nastaliq Urdu"')


def ink_box(img: Image.Image, threshold: int = 110):
    """Bounding box of the dark (text) pixels."""
    grey = img.convert("L").point(lambda v: 255 if v < threshold else 0)
    return grey.getbbox()


@pytest.mark.skipif(not features.check("raqm"), reason="Pillow without libraqm cannot shape a reference")
def test_urdu_label_pixels_are_the_shaped_word_not_boxes(window, qtbot):
    """The label's pixels on the map against two references drawn by Pillow+HarfBuzz at the same size:
    the word in the shipped Nastaliq font (shaped) and the same text in a font without Urdu (boxes)."""
    name, info = show_urdu_karachi(window, qtbot)
    frame = {}
    window.map.grab_when_stable(lambda image: frame.setdefault("img", image))
    qtbot.waitUntil(lambda: "img" in frame, timeout=20000)
    qimg = frame["img"]
    import io

    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    qimg.save(buf, "PNG")
    shot = Image.open(io.BytesIO(bytes(buf.data())))
    left, top, width, height = info["rect"]
    crop = shot.crop((int(left) - 2, int(top) - 2, int(left + width) + 2, int(top + height) + 2))
    box = ink_box(crop)
    assert box, "no label pixels"
    ink_w, ink_h = box[2] - box[0], box[3] - box[1]

    def reference(font_file):
        font = ImageFont.truetype(str(FONTS / font_file), size=round(info["size"]), layout_engine=ImageFont.Layout.RAQM)
        img = Image.new("L", (1200, 200), 255)
        ImageDraw.Draw(img).text((20, 60), name, font=font, fill=0, direction="rtl", language="ur")
        b = ink_box(img)
        return b[2] - b[0], b[3] - b[1]

    shaped_w, shaped_h = reference("NotoNastaliqUrdu-Regular.ttf")
    boxes_w, _boxes_h = reference("NotoSans-Regular.ttf")   # no Arabic glyphs: .notdef boxes
    assert abs(ink_w - shaped_w) <= max(6, 0.2 * shaped_w), (ink_w, shaped_w, boxes_w)
    assert abs(ink_w - shaped_w) < abs(ink_w - boxes_w), (ink_w, shaped_w, boxes_w)
    assert ink_h >= 0.7 * shaped_h   # Nastaliq's sloping words are tall; boxes are one line high


def route_panel_texts(panel):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    return {"labels": [w.text() for w in panel.findChildren(QLabel) if w is not panel.message],
            "buttons": [w.text() for w in panel.findChildren(QAbstractButton)],
            "tabs": [panel.tabs.tabText(i) for i in range(panel.tabs.count())],
            "headers": [panel.table.horizontalHeaderItem(i).text() for i in range(panel.table.columnCount())],
            "distinct": [panel.distinct_combo.itemText(i) for i in range(panel.distinct_combo.count())],
            "placeholder": panel.origin.placeholderText(), "tip": panel.compute_button.toolTip()}


def edit_menu_texts(window):
    menu = window.editor.edit_menu
    return menu.title(), [a.text() for a in menu.actions() if a.text()]


def attribution(qtbot, window):
    return run_js(qtbot, window.map, "JSON.stringify(document.querySelector('.leaflet-control-attribution').textContent)")


def test_route_panel_edit_menu_and_views_follow_the_language(window, qtbot):
    """Switching to Russian changes the Route panel (labels, buttons, tabs, headers, the route shown),
    the Edit menu, the views' names and the map's attribution; switching back restores the English."""
    panel = window.route_panel
    panel.origin.set_node("almaty")
    panel.destination.set_node("karachi-port")
    assert panel.compute()
    english = route_panel_texts(panel)
    assert {"From", "To", "Avoid", "Network"} <= set(english["labels"])
    assert {"Compute", "Compare standard corridors", "Clear", "Existing only", "Rail"} <= set(english["buttons"])
    assert english["tabs"] == ["Route", "Comparison"] and "Rail km" in english["headers"]
    assert edit_menu_texts(window) == ("&Edit", ["&Undo", "&Redo", "Edit…", "Edit map"])
    view_names = [window.views_panel.list.item(i).text() for i in range(window.views_panel.list.count())]
    assert view_names == [v.name for v in window.views_panel.views]
    assert "Basemap: Natural Earth" in attribution(qtbot, window)

    window.language.set_language("ru")
    ru = route_panel_texts(panel)
    assert {"Откуда", "Куда", "Обойти", "Сеть"} <= set(ru["labels"])
    assert {"Рассчитать", "Сравнить стандартные коридоры", "Очистить", "Только действующие",
            "Железная дорога", "Казахстан"} <= set(ru["buttons"])
    assert ru["tabs"] == ["Маршрут", "Сравнение"] and "Ж/д, км" in ru["headers"]
    assert ru["distinct"] == ["погранпереходам", "пунктам", "участкам"]
    assert ru["placeholder"].startswith("Откуда:") and ru["tip"] == "Найти маршруты (Enter)"
    assert window.route_dock.windowTitle() == "Маршрут"
    assert panel.origin.text() == "Алматы" and panel.destination.text() == "Порт Карачи"   # the places picked
    details = panel.details.toPlainText()
    assert "Алматы" in details and "Пограничные переходы" in details and "Допущения" in details
    assert panel.routes[0].warnings and "not operational" not in details and "не действует" in details
    assert "км" in panel.alternatives.item(0).text()
    assert edit_menu_texts(window) == ("&Правка", ["&Отменить", "&Повторить", "Править…", "Правка карты"])
    ru_names = [window.views_panel.list.item(i).text() for i in range(window.views_panel.list.count())]
    assert ru_names == [v.names.get("ru", v.name) for v in window.views_panel.views]
    assert "Весь южный коридор" in ru_names and "Трансафганский маршрут" in ru_names
    qtbot.waitUntil(lambda: "Основа: Natural Earth" in attribution(qtbot, window), timeout=5000)
    assert window.user_data.group.text(0) == "Ваши данные"                       # the user's own layers
    assert window.user_data.act_open.text() == "Открыть…" and window.user_data.act_open.toolTip().startswith("Открыть свой")

    window.language.set_language("en")
    assert route_panel_texts(panel) == english
    assert panel.origin.text() == "Almaty" and "Border crossings" in panel.details.toPlainText()
    assert window.route_dock.windowTitle() == "Route"
    assert edit_menu_texts(window) == ("&Edit", ["&Undo", "&Redo", "Edit…", "Edit map"])
    assert [window.views_panel.list.item(i).text() for i in range(window.views_panel.list.count())] == view_names
    qtbot.waitUntil(lambda: "Basemap: Natural Earth" in attribution(qtbot, window), timeout=5000)
    assert window.user_data.group.text(0) == "Your data" and window.user_data.act_open.text() == "Open…"
