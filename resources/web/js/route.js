// A computed route drawn above the network: each leg as a white halo, a dark casing and a
// line in the colour Python sends for its mode (dashed when not operational), the origin and the
// destination ringed. Nothing here is interactive: the network below keeps its tooltips
// and clicks. Text from data only ever goes through textContent.
(function () {
  "use strict";

  // renderer: SVG renderer in the "route" pane (legs); endsRenderer: in the pane of the ends.
  function Route(map, renderer, endsRenderer) {
    this.map = map;
    this.renderer = renderer;
    this.endsRenderer = endsRenderer;
    this.group = L.layerGroup().addTo(map);
  }

  Route.prototype.clear = function () {
    this.group.clearLayers();
  };

  function safeClass(text) { return String(text || "").replace(/[^a-zA-Z0-9_-]/g, "_"); }

  function latLngs(lines) {
    // lines: [[[lon, lat], ...], ...] (a LineString is one line)
    return (lines || []).map(function (line) {
      return line.filter(function (c) { return Array.isArray(c) && isFinite(c[0]) && isFinite(c[1]); })
        .map(function (c) { return [c[1], c[0]]; });
    }).filter(function (line) { return line.length > 1; });
  }

  // m: {legs: [{lines, mode, status, color}], ends: [{lon, lat, role, name}]}; returns the bounds or null.
  Route.prototype.show = function (m) {
    const self = this;
    this.clear();
    let bounds = null;
    const legs = Array.isArray(m.legs) ? m.legs : [];
    const drawn = [];
    legs.forEach(function (leg) {
      const lls = latLngs(leg.lines);
      if (!lls.length) return;
      // a white halo to lift the route off the network, then a dark outline: a look no network line has
      const halo = L.polyline(lls, { pane: "route", renderer: self.renderer, interactive: false, color: "#ffffff",
        weight: 15, opacity: 0.85, lineCap: "round", lineJoin: "round", className: "atlas-route-casing" });
      halo.addTo(self.group);
      drawn.push({ leg: leg, lls: lls });
      const b = halo.getBounds();
      bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    });
    drawn.forEach(function (d) {
      L.polyline(d.lls, { pane: "route", renderer: self.renderer, interactive: false, color: "#1d1d1d",
        weight: 10, opacity: 0.9, lineCap: "round", lineJoin: "round", className: "atlas-route-casing" }).addTo(self.group);
    });
    drawn.forEach(function (d) {  // all casings first, so a leg is never covered by the next one's casing
      const leg = d.leg;
      L.polyline(d.lls, { pane: "route", renderer: self.renderer, interactive: false,
        color: typeof leg.color === "string" ? leg.color : "#333", weight: 6, opacity: 1,
        dashArray: leg.status === "operational" ? null : "9 7", lineCap: leg.status === "operational" ? "round" : "butt",
        lineJoin: "round",
        className: "atlas-route-leg atlas-route-" + safeClass(leg.mode) + " atlas-route-status-" + safeClass(leg.status) })
        .addTo(self.group);
    });
    (Array.isArray(m.ends) ? m.ends : []).forEach(function (e) {
      if (!isFinite(e.lon) || !isFinite(e.lat)) return;
      const ll = L.latLng(e.lat, e.lon);
      const origin = e.role === "origin";
      L.circleMarker(ll, { pane: self.endsRenderer.options.pane, renderer: self.endsRenderer, interactive: false, radius: 13, weight: 5,
        color: origin ? "#1b7a2f" : "#6a1b9a", fill: true, fillColor: "#ffffff", fillOpacity: 0.35,
        className: "atlas-route-end atlas-route-" + (origin ? "origin" : "destination") }).addTo(self.group);
      bounds = bounds ? bounds.extend(ll) : L.latLngBounds(ll, ll);
    });
    return bounds;
  };

  Route.prototype.count = function () {
    return document.querySelectorAll(".atlas-route-leg").length;
  };

  window.AtlasRoute = Route;
})();
