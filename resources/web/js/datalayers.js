// The corridor data layers drawn from the specs Python sends (styles come with the data).
(function () {
  "use strict";
  const HIGHLIGHT = { color: "#ffd400", weight: 11, opacity: 0.85, lineCap: "round", lineJoin: "round" };
  const HIT = { color: "#000", weight: 14, opacity: 0, lineCap: "round" };

  function cssClass(layerId) { return "atlas-layer-" + layerId.replace(/[^a-zA-Z0-9_-]/g, "_"); }

  function tooltipNode(text) {
    const node = document.createElement("span");
    node.textContent = text;
    return node;
  }

  // Named things drawn (label and tooltip elements) to give their names again in a new language.
  function fillNamed(rec, lang, second) {
    AtlasLabels.fill(rec.tip, rec.names, rec.name, lang, second);
    if (rec.label) AtlasLabels.fill(rec.label, rec.names, rec.name, lang, second);
  }

  function DataLayers(map, labels, renderers) {
    this.map = map;
    this.labels = labels;
    this.renderers = renderers;
    this.groups = {};      // layer id -> L.LayerGroup
    this.specs = {};       // layer id -> spec (without data)
    this.index = {};       // "layer/id" -> {layer, id, bounds, kind, latlng}
    this.highlightGroup = L.layerGroup().addTo(map);
    this.selected = [];
    this.onSelect = null;
    this.lang = "en";      // labels and tooltips: names[lang], a second language beneath when set
    this.second = null;
    this.named = [];       // {names, name, tip, label}
  }

  DataLayers.prototype.setLanguage = function (lang, second) {
    const self = this;
    this.lang = lang || "en";
    this.second = second || null;
    this.named.forEach(function (rec) { fillNamed(rec, self.lang, self.second); });
    this.labels.update();
  };

  DataLayers.prototype.clear = function () {
    const self = this;
    Object.keys(this.groups).forEach(function (id) { self.groups[id].remove(); });
    this.groups = {}; this.specs = {}; this.index = {};
    this.named = [];
    this.labels.clear();
    this.highlightGroup.clearLayers();
  };

  DataLayers.prototype.bindSelect = function (leafletLayer, layerId, featureId, name, names, labelEl) {
    const self = this;
    const rec = { names: names || null, name: name, tip: tooltipNode(name), label: labelEl || null, layer: layerId };
    fillNamed(rec, this.lang, this.second);
    this.named.push(rec);
    leafletLayer.bindTooltip(rec.tip, { sticky: true, className: "atlas-tooltip", direction: "top", offset: [0, -6] });
    leafletLayer.on("click", function (e) {
      if (self.map.atlasMeasuring) return;  // the measure tool takes the click
      L.DomEvent.stopPropagation(e);
      self.highlight([{ layer: layerId, id: featureId }], false);
      if (self.onSelect) self.onSelect(layerId, featureId);
    });
  };

  DataLayers.prototype.addLines = function (spec, group) {
    const self = this, cls = cssClass(spec.id);
    const bands = spec.kind === "bands";
    spec.data.features.forEach(function (f) {
      const p = f.properties;
      const style = Object.assign({}, p._style, { className: cls, interactive: bands,
        pane: bands ? "bands" : "overlayPane", renderer: bands ? self.renderers.bands : self.renderers.lines });
      const visible = L.geoJSON(f, { style: function () { return style; } });
      visible.addTo(group);
      let target = visible;
      if (!bands) {
        target = L.geoJSON(f, { style: function () { return Object.assign({}, HIT, { pane: "hits", renderer: self.renderers.hits }); } });
        target.addTo(group);
      }
      self.bindSelect(target, spec.id, p.id, p.name, p.names);
      self.index[spec.id + "/" + p.id] = { layer: spec.id, id: p.id, kind: "line", bounds: visible.getBounds(), geojson: f, visible: visible };
    });
  };

  DataLayers.prototype.addPoints = function (spec, group) {
    const self = this, cls = cssClass(spec.id);
    spec.data.features.forEach(function (f) {
      const p = f.properties, c = f.geometry.coordinates, sym = p._sym || {};
      const size = sym.size || 10;
      const icon = L.divIcon({ className: "atlas-symbol " + cls, html: "", iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
      const latlng = L.latLng(c[1], c[0]);
      const marker = L.marker(latlng, { icon: icon, riseOnHover: true, keyboard: false });
      marker.on("add", function () {
        const node = marker.getElement();
        if (node && !node.firstChild) node.appendChild(AtlasSymbols.svg(sym));
      });
      marker.addTo(group);
      const label = self.labels.add(latlng, p.name, p._rank || 3, spec.id);
      self.bindSelect(marker, spec.id, p.id, p.name, p.names, label.el);
      self.index[spec.id + "/" + p.id] = { layer: spec.id, id: p.id, kind: "point", latlng: latlng, marker: marker };
    });
  };

  DataLayers.prototype.setLayers = function (specs) {
    const self = this;
    this.clear();
    specs.forEach(function (spec) {
      if (spec.kind === "basemap") { self.specs[spec.id] = { id: spec.id, kind: spec.kind, visible: spec.visible }; return; }
      const group = L.layerGroup();
      if (spec.kind === "points") self.addPoints(spec, group); else self.addLines(spec, group);
      self.groups[spec.id] = group;
      self.specs[spec.id] = { id: spec.id, kind: spec.kind, visible: spec.visible, count: spec.data.features.length };
      if (spec.visible) group.addTo(self.map);
      self.labels.setGroupVisible(spec.id, !!spec.visible);
    });
    this.labels.update();
  };

  // After an edit: redraw the given layers with new data, keeping their visibility and the
  // drawing order of all layers (a re-added layer would otherwise be drawn on top).
  DataLayers.prototype.replaceLayers = function (specs) {
    const self = this;
    specs.forEach(function (spec) {
      const old = self.groups[spec.id], known = self.specs[spec.id];
      if (!old || !known) return;
      old.remove();
      Object.keys(self.index).forEach(function (k) { if (self.index[k].layer === spec.id) delete self.index[k]; });
      self.labels.removeGroup(spec.id);
      self.named = self.named.filter(function (rec) { return rec.layer !== spec.id; });
      const group = L.layerGroup();
      if (spec.kind === "points") self.addPoints(spec, group); else self.addLines(spec, group);
      self.groups[spec.id] = group;
      known.count = spec.data.features.length;
      if (known.visible) group.addTo(self.map);
      self.labels.setGroupVisible(spec.id, !!known.visible);
    });
    Object.keys(this.specs).forEach(function (id) {
      const g = self.groups[id];
      if (g && self.map.hasLayer(g)) g.eachLayer(function (l) { if (l.bringToFront) l.bringToFront(); });
    });
    this.labels.update();
  };

  DataLayers.prototype.setVisible = function (id, on) {
    const group = this.groups[id];
    if (!group) return false;
    if (on) group.addTo(this.map); else group.remove();
    this.specs[id].visible = on;
    this.labels.setGroupVisible(id, on);
    return true;
  };

  // Features of each layer currently on the map, counted from the page's own DOM.
  DataLayers.prototype.counts = function () {
    const out = {};
    const self = this;
    Object.keys(this.specs).forEach(function (id) {
      const spec = self.specs[id];
      if (spec.kind === "basemap") return;
      out[id] = document.querySelectorAll("." + cssClass(id)).length;
    });
    return out;
  };

  DataLayers.prototype.highlight = function (items, fit) {
    const self = this;
    this.highlightGroup.clearLayers();
    this.selected.forEach(function (m) { const el = m.getElement && m.getElement(); if (el) el.classList.remove("atlas-selected"); });
    this.selected = [];
    let bounds = null;
    items.forEach(function (it) {
      const entry = self.index[it.layer + "/" + it.id];
      if (!entry) return;
      if (entry.kind === "line") {
        L.geoJSON(entry.geojson, { style: function () { return Object.assign({}, HIGHLIGHT, { pane: "highlight", renderer: self.renderers.highlight, interactive: false }); } })
          .addTo(self.highlightGroup);
        bounds = bounds ? bounds.extend(entry.bounds) : L.latLngBounds(entry.bounds.getSouthWest(), entry.bounds.getNorthEast());
      } else {
        L.circleMarker(entry.latlng, { radius: 16, color: "#ffd400", weight: 5, fill: false, pane: "highlight", renderer: self.renderers.highlight, interactive: false })
          .addTo(self.highlightGroup);
        const el = entry.marker.getElement();
        if (el) el.classList.add("atlas-selected");
        self.selected.push(entry.marker);
        bounds = bounds ? bounds.extend(entry.latlng) : L.latLngBounds(entry.latlng, entry.latlng);
      }
    });
    if (fit && bounds) {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) this.map.setView(bounds.getCenter(), Math.max(this.map.getZoom(), 8), { animate: false });
      else this.map.fitBounds(bounds, { padding: [60, 60], maxZoom: 9, animate: false });
    }
    return this.highlightGroup.getLayers().length;
  };

  window.AtlasDataLayers = DataLayers;
})();
