// Place labels with a simple declutter: higher-ranked labels win, overlapping ones hide.
(function () {
  "use strict";
  // Below these zooms a rank is not labelled at all.
  const MIN_ZOOM = { 1: 3, 2: 5, 3: 6.5 };

  function LabelLayer(map, pane) {
    this.map = map;
    this.pane = map.getPane(pane);
    this.items = [];   // {latlng, el, rank, group, visible}
    const self = this;
    map.on("zoomend moveend resize", function () { self.update(); });
  }

  LabelLayer.prototype.add = function (latlng, text, rank, group) {
    const node = document.createElement("div");
    node.className = "atlas-label rank" + rank;
    node.textContent = text;  // data is text, never markup
    this.pane.appendChild(node);
    const item = { latlng: L.latLng(latlng), el: node, rank: rank, group: group, on: true };
    this.items.push(item);
    return item;
  };

  LabelLayer.prototype.setGroupVisible = function (group, on) {
    this.items.forEach(function (it) { if (it.group === group) it.on = on; });
    this.update();
  };

  LabelLayer.prototype.removeGroup = function (group) {
    this.items = this.items.filter(function (it) {
      if (it.group !== group) return true;
      it.el.remove();
      return false;
    });
  };

  LabelLayer.prototype.clear = function () {
    this.items.forEach(function (it) { it.el.remove(); });
    this.items = [];
  };

  LabelLayer.prototype.update = function () {
    const map = this.map, zoom = map.getZoom(), size = map.getSize();
    const placed = [];
    const sorted = this.items.slice().sort(function (a, b) { return a.rank - b.rank; });
    sorted.forEach(function (it) {
      let show = it.on && zoom >= (MIN_ZOOM[it.rank] || 6);
      const p = map.latLngToLayerPoint(it.latlng);
      const c = map.latLngToContainerPoint(it.latlng);
      if (show && (c.x < 0 || c.y < 0 || c.x > size.x || c.y > size.y)) show = false;
      if (show) {
        it.el.classList.remove("hidden");
        const w = it.el.offsetWidth, h = it.el.offsetHeight;
        const box = { x1: c.x + 8, y1: c.y - h / 2, x2: c.x + 8 + w, y2: c.y + h / 2 };
        const clash = placed.some(function (b) { return box.x1 < b.x2 && box.x2 > b.x1 && box.y1 < b.y2 && box.y2 > b.y1; });
        if (clash) show = false; else placed.push(box);
        L.DomUtil.setPosition(it.el, L.point(p.x + 8, p.y - h / 2));
      }
      it.el.classList.toggle("hidden", !show);
    });
  };

  LabelLayer.prototype.visibleCount = function () {
    return this.items.filter(function (it) { return !it.el.classList.contains("hidden"); }).length;
  };

  // The text of a label (or tooltip) in the chosen language: names[lang], else the English name;
  // a bilingual map has a second line in the second language. Each line carries lang and dir,
  // so Urdu is drawn right to left in Noto Nastaliq Urdu (map.css). Text only, never markup.
  const RTL = { ur: true };
  LabelLayer.nameIn = function (names, fallback, lang) {
    const n = names && names[lang];
    return (typeof n === "string" && n.trim()) ? n : String(fallback == null ? "" : fallback);
  };
  LabelLayer.fill = function (el, names, fallback, lang, second) {
    lang = lang || "en";
    el.replaceChildren();
    if (!second) {
      el.textContent = LabelLayer.nameIn(names, fallback, lang);
      el.lang = lang;
      el.dir = RTL[lang] ? "rtl" : "ltr";
      return el;
    }
    el.lang = lang;
    el.dir = RTL[lang] ? "rtl" : "ltr";
    [lang, second].forEach(function (code) {
      const line = document.createElement("span");
      line.className = "ln";
      line.lang = code;
      line.dir = RTL[code] ? "rtl" : "ltr";
      line.textContent = LabelLayer.nameIn(names, fallback, code);
      el.appendChild(line);
    });
    return el;
  };

  window.AtlasLabels = LabelLayer;
})();
