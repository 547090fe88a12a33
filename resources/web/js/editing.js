// Edit mode on the map: drag the selected node, or the vertices of the selected segment.
// The page only proposes: on drag end it sends the new position to Python, which checks it
// against the dataset's rules, applies it (undoably) and sends the target back, moved or not.
(function () {
  "use strict";

  function handleIcon(cls, size) {
    return L.divIcon({ className: "atlas-edit-handle " + cls, html: "", iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
  }
  const NODE_ICON = handleIcon("atlas-edit-node", 22);
  const VERTEX_ICON = handleIcon("atlas-edit-vertex", 12);
  const END_ICON = handleIcon("atlas-edit-vertex atlas-edit-end", 14);
  const MID_ICON = handleIcon("atlas-edit-mid", 10);
  // A handle's tooltip in the interface language (app.js keeps window.AtlasTexts, set by setLanguage).
  function text(key, english) {
    const texts = window.AtlasTexts || {};
    return typeof texts[key] === "string" ? texts[key] : english;
  }

  function Editing(map) {
    this.map = map;
    this.active = false;
    this.target = null;        // {kind: "node"|"segment", id, coordinates}
    this.group = L.layerGroup().addTo(map);
    this.preview = null;
    this.dragging = false;
    map.createPane("editing").style.zIndex = 660;  // above points (600) and labels (650)
    this.renderer = L.svg({ pane: "editing" });
  }

  Editing.prototype.setActive = function (on) {
    this.active = !!on;
    this.map.atlasEditing = this.active;
    L.DomUtil[this.active ? "addClass" : "removeClass"](this.map.getContainer(), "atlas-editing");
    this.draw();
  };

  Editing.prototype.setTarget = function (target) {
    this.target = target && target.kind ? target : null;
    this.draw();
  };

  Editing.prototype.handleCount = function () { return this.group.getLayers().length; };

  Editing.prototype.clear = function () {
    this.group.clearLayers();
    this.preview = null;
  };

  Editing.prototype.draw = function () {
    this.clear();
    const t = this.target;
    if (!this.active || !t) return;
    if (t.kind === "node") this.drawNode(t);
    else if (t.kind === "segment") this.drawSegment(t);
  };

  Editing.prototype.marker = function (latlng, icon, title) {
    return L.marker(latlng, { icon: icon, draggable: true, pane: "editing", keyboard: false, title: title,
      autoPan: true, bubblingMouseEvents: false }).addTo(this.group);
  };

  Editing.prototype.drawNode = function (t) {
    const c = t.coordinates;
    const m = this.marker([c[1], c[0]], NODE_ICON, text("dragPlace", "Drag to move this place"));
    const self = this;
    m.on("dragstart", function () { self.dragging = true; });
    m.on("dragend", function () {
      self.dragging = false;
      const ll = m.getLatLng();
      AtlasBridge.send("editMoveNode", { id: t.id, lon: ll.lng, lat: ll.lat });
    });
  };

  Editing.prototype.drawSegment = function (t) {
    const self = this;
    const latlngs = t.coordinates.map(function (c) { return L.latLng(c[1], c[0]); });
    this.preview = L.polyline(latlngs, { color: "#111", weight: 2, dashArray: "4 4", opacity: 0.9, pane: "editing",
      renderer: this.renderer, interactive: false }).addTo(this.group);

    function send() {
      AtlasBridge.send("editReshape", { id: t.id, coordinates: latlngs.map(function (ll) { return [ll.lng, ll.lat]; }) });
    }
    function redrawPreview() { self.preview.setLatLngs(latlngs); }

    latlngs.forEach(function (ll, i) {
      const end = i === 0 || i === latlngs.length - 1;
      const m = self.marker(ll, end ? END_ICON : VERTEX_ICON, end ? text("dragEnd", "Drag this end of the line") : text("dragVertex", "Drag this vertex; double-click removes it"));
      m.on("dragstart", function () { self.dragging = true; });
      m.on("drag", function () { latlngs[i] = m.getLatLng(); redrawPreview(); });
      m.on("dragend", function () { self.dragging = false; latlngs[i] = m.getLatLng(); send(); });
      if (!end) {
        m.on("dblclick", function (e) {
          L.DomEvent.stop(e);
          latlngs.splice(i, 1);
          send();
        });
      }
    });
    // A handle in the middle of each edge: dragging it inserts a vertex there.
    for (let i = 0; i + 1 < latlngs.length; i++) {
      const a = latlngs[i], b = latlngs[i + 1];
      const mid = L.latLng((a.lat + b.lat) / 2, (a.lng + b.lng) / 2);
      const m = self.marker(mid, MID_ICON, text("dragMidpoint", "Drag to add a vertex here"));
      m.on("dragstart", function () { self.dragging = true; latlngs.splice(i + 1, 0, m.getLatLng()); });
      m.on("drag", function () { latlngs[i + 1] = m.getLatLng(); redrawPreview(); });
      m.on("dragend", function () { self.dragging = false; latlngs[i + 1] = m.getLatLng(); send(); });
    }
  };

  // Where the handles are on screen (for tests and the inspector): [{x, y, kind}]
  Editing.prototype.handles = function () {
    const self = this;
    return this.group.getLayers().filter(function (l) { return l instanceof L.Marker; }).map(function (m) {
      const p = self.map.latLngToContainerPoint(m.getLatLng());
      const el = m.getElement();
      const kind = el.classList.contains("atlas-edit-node") ? "node" : el.classList.contains("atlas-edit-mid") ? "mid" : "vertex";
      return { x: p.x, y: p.y, kind: kind };
    });
  };

  window.AtlasEditing = Editing;
})();
