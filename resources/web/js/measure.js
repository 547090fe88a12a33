// The measure tool: click points, Python answers with the geodesic length; Esc clears.
(function () {
  "use strict";
  function Measure(map, renderer) {
    this.map = map;
    this.points = [];
    this.group = L.layerGroup().addTo(map);
    this.renderer = renderer;
    this.line = null;
    this.label = null;
    const self = this;
    map.on("click", function (e) { if (map.atlasMeasuring) self.add(e.latlng); });
  }

  Measure.prototype.setActive = function (on) {
    this.map.atlasMeasuring = on;
    this.map.getContainer().style.cursor = on ? "crosshair" : "";
    if (!on) this.clear();
  };

  Measure.prototype.add = function (latlng) {
    this.points.push(latlng);
    if (!this.line) this.line = L.polyline([], { color: "#222", weight: 3, dashArray: "6 4", pane: "highlight", renderer: this.renderer, interactive: false }).addTo(this.group);
    this.line.setLatLngs(this.points);
    L.circleMarker(latlng, { radius: 4, color: "#222", fillColor: "#fff", fillOpacity: 1, weight: 2, pane: "highlight", renderer: this.renderer, interactive: false }).addTo(this.group);
    AtlasBridge.send("measure", { points: this.points.map(function (p) { return [p.lng, p.lat]; }) });
  };

  Measure.prototype.showResult = function (text) {
    if (!this.points.length) return;
    const last = this.points[this.points.length - 1];
    if (this.label) this.label.remove();
    this.label = L.tooltip({ permanent: true, direction: "right", className: "atlas-measure-label", offset: [8, 0] })
      .setLatLng(last).setContent(document.createTextNode(text)).addTo(this.map);
  };

  Measure.prototype.clear = function () {
    this.points = [];
    this.group.clearLayers();
    this.line = null;
    if (this.label) { this.label.remove(); this.label = null; }
    AtlasBridge.send("measureCleared", {});
  };

  window.AtlasMeasure = Measure;
})();
