// Runtime of the exported HTML map (layers/html_export.py inlines this file after Leaflet).
// Everything it draws comes as JSON from Python; texts arrive already HTML-escaped.
(function () {
  "use strict";
  var HIT = { color: "#000", weight: 14, opacity: 0, lineCap: "round" };
  var LABEL_MIN_ZOOM = { 1: 3, 2: 5, 3: 6.5 };

  // Geometry comes as flat integer arrays: first x, y absolute, then deltas; divide by q.
  function ring(flat, q) {
    var out = new Array(flat.length / 2), x = 0, y = 0;
    for (var i = 0, j = 0; i < flat.length; i += 2, j++) {
      x += flat[i]; y += flat[i + 1];
      out[j] = [y / q, x / q];
    }
    return out;
  }

  function rings(list, q) { return list.map(function (r) { return ring(r, q); }); }

  // Popup contents are <template id="atlas-pN"> elements of the page (escaped HTML).
  function popupContent(n) {
    return function () {
      var t = document.getElementById("atlas-p" + n);
      return t ? t.content.cloneNode(true) : "";
    };
  }

  function pane(map, name, z, passive) {
    var p = map.getPane(name) || map.createPane(name);
    p.style.zIndex = String(z);
    if (passive) p.style.pointerEvents = "none";
    return p;
  }

  function Atlas(map) {
    this.map = map;
    this.labels = [];      // {marker, rank}
    this.groups = {};      // layer id -> L.FeatureGroup
    this.counts = {};      // layer id -> features drawn
    var self = this;
    map.on("zoomend moveend overlayadd overlayremove resize", function () { self.declutter(); });
  }

  // Land (one merged polygon set), borders and country/sea names.
  Atlas.prototype.basemap = function (d) {
    var map = this.map, q = d.q;
    pane(map, "atlasBase", 200, true);
    pane(map, "atlasBaseLabels", 250, true);
    var renderer = L.svg({ pane: "atlasBase", padding: 0.5 });
    var group = L.featureGroup();
    var land = d.land.map(function (poly) { return rings(poly, q); });
    L.polygon(land, Object.assign({ renderer: renderer, pane: "atlasBase", interactive: false, smoothFactor: 1.2 }, d.landStyle)).addTo(group);
    var borders = d.borders.map(function (line) { return ring(line, q); });
    L.polyline(borders, Object.assign({ renderer: renderer, pane: "atlasBase", interactive: false }, d.borderStyle)).addTo(group);
    var self = this;
    d.labels.forEach(function (lb) {
      var icon = L.divIcon({ className: lb.cls + (lb.rank === 2 ? " rank2" : ""), html: "<span>" + lb.html + "</span>", iconSize: [0, 0] });
      var m = L.marker([lb.lat, lb.lon], { icon: icon, pane: "atlasBaseLabels", interactive: false, keyboard: false });
      m.addTo(group);
      m._atlasMinZoom = lb.rank === 1 ? 3 : 5;
      self.baseLabels = self.baseLabels || [];
      self.baseLabels.push(m);
    });
    this.groups.basemap = group;
    return group;
  };

  // A data layer: lines (or wide bands) and point symbols, each with tooltip and popup.
  Atlas.prototype.layer = function (d) {
    var map = this.map, self = this, q = d.q;
    var group = L.featureGroup();
    // Each line layer gets its own pane, so switching one off and on keeps the drawing order.
    var paneName = "atlasLayer" + d.order, renderer = null;
    if (d.kind !== "points") {
      pane(map, paneName, 400 + d.order, false);
      renderer = L.svg({ pane: paneName, padding: 0.5 });
    }
    pane(map, "atlasPlaceLabels", 640, true);
    var popupOptions = { maxWidth: 380, minWidth: 220, maxHeight: 420, className: "atlas-popup", autoPanPadding: [20, 20] };
    d.features.forEach(function (f) {
      if (f.lines) {
        var latlngs = rings(f.lines, q);
        var style = Object.assign({}, d.styles[f.s], { renderer: renderer, pane: paneName, className: "atlas-f-" + d.id_css });
        var line = L.polyline(latlngs, style).addTo(group);
        var target = line;
        if (d.kind !== "bands") {
          target = L.polyline(latlngs, Object.assign({}, HIT, { renderer: renderer, pane: paneName })).addTo(group);
          target.on("mouseover", function () { line.setStyle({ weight: (style.weight || 3) + 2 }); });
          target.on("mouseout", function () { line.setStyle({ weight: style.weight || 3 }); });
        }
        target.bindTooltip(f.t, { sticky: true, className: "atlas-tooltip", direction: "top", offset: [0, -6] });
        target.bindPopup(popupContent(f.p), popupOptions);
      } else {
        var sym = d.symbols[f.y];
        var icon = L.divIcon({ className: "atlas-symbol atlas-f-" + d.id_css, html: sym.svg,
          iconSize: [sym.size, sym.size], iconAnchor: [sym.size / 2, sym.size / 2] });
        var latlng = [f.ll[0], f.ll[1]];
        var marker = L.marker(latlng, { icon: icon, riseOnHover: true, keyboard: false, zIndexOffset: d.order * 100 }).addTo(group);
        marker.bindTooltip(f.t, { className: "atlas-tooltip", direction: "top", offset: [0, -sym.size / 2] });
        marker.bindPopup(popupContent(f.p), Object.assign({ offset: [0, -sym.size / 3] }, popupOptions));
        if (f.label) {
          var lbIcon = L.divIcon({ className: "atlas-label rank" + f.rank, iconSize: [0, 0],
            html: "<span style=\"left:" + (sym.size / 2 + 3) + "px\">" + f.t + "</span>" });
          var lb = L.marker(latlng, { icon: lbIcon, pane: "atlasPlaceLabels", interactive: false, keyboard: false }).addTo(group);
          self.labels.push({ marker: lb, rank: f.rank });
        }
      }
    });
    this.groups[d.id] = group;
    this.counts[d.id] = d.features.length;
    return group;
  };

  // Labels: a rank shows from its zoom on; a label that would overlap a higher one hides.
  Atlas.prototype.declutter = function () {
    var map = this.map, zoom = map.getZoom(), size = map.getSize(), placed = [];
    (this.baseLabels || []).forEach(function (m) {
      var el = m.getElement();
      if (el) el.style.display = zoom >= m._atlasMinZoom ? "" : "none";
    });
    this.labels.slice().sort(function (a, b) { return a.rank - b.rank; }).forEach(function (it) {
      var el = it.marker.getElement();
      if (!el) return;  // its layer is switched off
      var show = zoom >= (LABEL_MIN_ZOOM[it.rank] || 6);
      if (show) {
        el.style.display = "";
        var c = map.latLngToContainerPoint(it.marker.getLatLng());
        if (c.x < -200 || c.y < -20 || c.x > size.x + 20 || c.y > size.y + 20) {
          show = false;
        } else {
          var r = (el.firstChild || el).getBoundingClientRect();
          var box = { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom };
          var clash = placed.some(function (b) { return box.x1 < b.x2 && box.x2 > b.x1 && box.y1 < b.y2 && box.y2 > b.y1; });
          if (clash) show = false; else placed.push(box);
        }
      }
      el.style.display = show ? "" : "none";
    });
  };

  // A fixed box of the page (title, legend, notes) shown as a Leaflet control.
  Atlas.prototype.box = function (id, position) {
    var el = document.getElementById(id);
    if (!el) return null;
    var Box = L.Control.extend({ onAdd: function () {
      L.DomEvent.disableClickPropagation(el);
      L.DomEvent.disableScrollPropagation(el);
      el.style.display = "";
      return el;
    } });
    return new Box({ position: position }).addTo(this.map);
  };

  // Room the boxes take at the map's edges, so the view fitted is not hidden under them
  // (a box wider or taller than a third of the map is let overlap instead).
  Atlas.prototype.margins = function (padding) {
    var size = this.map.getSize();
    function box(id) {
      var el = document.getElementById(id);
      return el && el.offsetParent ? { w: el.offsetWidth, h: el.offsetHeight } : { w: 0, h: 0 };
    }
    function cap(v, total) { return v > total / 3 ? padding : v + padding; }
    var title = box("atlas-title"), legend = box("atlas-legend"), foot = box("atlas-foot");
    var scale = document.querySelector(".leaflet-control-scale");
    var bottom = foot.h + (scale ? scale.offsetHeight + 10 : 0);
    return { topLeft: [padding, cap(title.h + 10, size.y)], bottomRight: [cap(legend.w + 10, size.x), cap(bottom + 10, size.y)] };
  };

  Atlas.prototype.finish = function (bounds, padding) {
    var map = this.map;
    if (bounds) {
      var m = this.margins(padding || 0);
      map.fitBounds(bounds, { paddingTopLeft: m.topLeft, paddingBottomRight: m.bottomRight, animate: false });
    }
    this.declutter();
    window.atlasExportReady = true;
  };

  window.AtlasExport = Atlas;
})();
