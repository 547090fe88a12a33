// The offline basemap: Natural Earth countries, borders and names from local files.
(function () {
  "use strict";
  // Land has no outline (the region file is cut at its box); coasts and borders are lines of their own.
  const LAND = { fillColor: "#f4f1ea", fillOpacity: 1, stroke: false };
  const COAST = { color: "#9bbcd0", weight: 0.9, opacity: 1 };
  const BORDER = { color: "#8a7f8e", weight: 1.2, opacity: 1 };
  const DISPUTED = { color: "#8a7f8e", weight: 1.2, opacity: 1, dashArray: "4 3" };
  const FILES = ["countries_world_outside_region", "countries_region", "coastlines_world_outside_region",
    "coastlines_region", "borders_world_outside_region", "borders_region", "country_labels", "sea_labels"];
  const LABEL_MIN_ZOOM = { 1: 3, 2: 4.5, 3: 5.5 };

  function load(name) {
    return fetch("atlas://app/basemap/" + name + ".geojson").then(function (r) {
      if (!r.ok) throw new Error("basemap file " + name + " missing");
      return r.json();
    });
  }

  function Basemap(map) {
    this.map = map;
    this.group = L.layerGroup();
    this.labels = [];
    this.renderer = L.svg({ pane: "basemap", padding: 0.5 });
    this.lang = "en";   // country and sea names in this language (names[lang], else English)
    this.second = null;
  }

  Basemap.prototype.setLanguage = function (lang, second) {
    this.lang = lang || "en";
    this.second = second || null;
    const self = this;
    this.labels.forEach(function (m) {
      const el = m.getElement();
      if (el) AtlasLabels.fill(el, m._atlasNames, m._atlasName, self.lang, self.second);
    });
  };

  Basemap.prototype.addLabel = function (feature, cls) {
    const c = feature.geometry.coordinates;
    const icon = L.divIcon({ className: "", html: "", iconSize: null });
    const marker = L.marker([c[1], c[0]], { icon: icon, pane: "basemapLabels", interactive: false, keyboard: false });
    const self = this;
    marker._atlasNames = feature.properties.names || null;
    marker._atlasName = feature.properties.name;
    marker.on("add", function () {
      const node = marker.getElement();
      node.className = cls + (feature.properties.rank > 1 ? " rank2" : "");
      AtlasLabels.fill(node, marker._atlasNames, marker._atlasName, self.lang, self.second);
    });
    marker._atlasRank = feature.properties.rank || 1;
    this.labels.push(marker);
    return marker;
  };

  Basemap.prototype.updateLabels = function () {
    const zoom = this.map.getZoom(), on = this.map.hasLayer(this.group);
    this.labels.forEach(function (m) {
      const el = m.getElement();
      if (el) el.style.display = on && zoom >= (LABEL_MIN_ZOOM[m._atlasRank] || 6) ? "" : "none";
    });
  };

  // Resolves when every file is drawn (or has failed, which is reported, not fatal).
  Basemap.prototype.load = function () {
    const self = this;
    return Promise.all(FILES.map(function (n) { return load(n).catch(function (e) {
      AtlasBridge.send("error", { message: String(e.message || e) }); return null; }); }))
      .then(function (files) {
        const world = files[0], region = files[1], labels = files[6], seas = files[7];
        const draw = function (fc, style) {
          if (fc) L.geoJSON(fc, { style: style, renderer: self.renderer, interactive: false, smoothFactor: 1.2 }).addTo(self.group);
        };
        draw(world, LAND); draw(region, LAND);
        draw(files[2], COAST); draw(files[3], COAST);
        const borderStyle = function (f) { return f.properties && f.properties.disputed ? DISPUTED : BORDER; };
        draw(files[4], borderStyle); draw(files[5], borderStyle);
        const borders = files[5];
        const labelGroup = L.layerGroup();
        if (labels) labels.features.forEach(function (f) { self.addLabel(f, "atlas-country-label").addTo(labelGroup); });
        if (seas) seas.features.forEach(function (f) { self.addLabel(f, "atlas-sea-label").addTo(labelGroup); });
        labelGroup.addTo(self.group);
        self.group.addTo(self.map);
        self.map.on("zoomend", function () { self.updateLabels(); });
        self.updateLabels();
        return { countries: (world ? world.features.length : 0) + (region ? region.features.length : 0),
                 borders: borders ? borders.features.length : 0 };
      });
  };

  Basemap.prototype.setVisible = function (on) {
    if (on) this.group.addTo(this.map); else this.group.remove();
    this.updateLabels();
  };

  window.AtlasBasemap = Basemap;
})();
