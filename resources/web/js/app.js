// The map page: builds the Leaflet map and answers the commands Python sends.
(function () {
  "use strict";
  const map = L.map("map", {
    zoomControl: true, zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 2, maxZoom: 12,
    fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false, inertia: false,
    attributionControl: true, worldCopyJump: false,
  });
  map.attributionControl.setPrefix(false);
  // Texts of the page's own controls, replaced in the interface language by setLanguage (texts).
  const AtlasTexts = window.AtlasTexts = { attribution: "Basemap: Natural Earth" };
  map.attributionControl.addAttribution(AtlasTexts.attribution);

  // Panes, bottom to top: basemap, its labels, corridor bands, selection, lines, hit areas, points, labels.
  [["basemap", 200], ["basemapLabels", 320], ["bands", 350], ["highlight", 390], ["hits", 420], ["labels", 650]]
    .forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
  map.getPane("basemap").style.pointerEvents = "none";
  map.getPane("basemapLabels").style.pointerEvents = "none";
  map.getPane("labels").style.pointerEvents = "none";

  const renderers = {
    bands: L.svg({ pane: "bands" }), lines: L.svg({ pane: "overlayPane" }), hits: L.svg({ pane: "hits" }),
    highlight: L.svg({ pane: "highlight" }),
  };
  const labels = new AtlasLabels(map, "labels");
  const basemap = new AtlasBasemap(map);
  const layers = new AtlasDataLayers(map, labels, renderers);
  const userLayers = new AtlasUserLayers(map);
  const measure = new AtlasMeasure(map, renderers.highlight);
  const editing = new AtlasEditing(map);
  L.control.scale({ metric: true, imperial: false, maxWidth: 180, position: "bottomleft" }).addTo(map);

  // Coordinate readout, in the page and (throttled) in the window's status bar.
  const Coords = L.Control.extend({ onAdd: function () { this._div = L.DomUtil.create("div", "atlas-coords"); return this._div; } });
  const coords = new Coords({ position: "bottomright" }).addTo(map);
  let lastCursor = 0;
  map.on("mousemove", function (e) {
    const ll = e.latlng.wrap();
    coords._div.textContent = ll.lat.toFixed(4) + "°, " + ll.lng.toFixed(4) + "°";
    const now = Date.now();
    if (now - lastCursor > 100) { lastCursor = now; AtlasBridge.send("cursor", { lon: ll.lng, lat: ll.lat }); }
  });

  map.setView([38, 66], 4.5);
  let basemapReady = basemap.load();
  let dataReady = Promise.resolve();

  function sendView() {
    const c = map.getCenter(), b = map.getBounds();
    AtlasBridge.send("view", { center: [c.lat, c.lng], zoom: map.getZoom(),
      bounds: [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]] });
  }
  map.on("moveend", sendView);
  map.on("click", function () {
    if (map.atlasMeasuring) return;
    layers.highlight([], false);
    userLayers.highlight([], false);
    AtlasBridge.send("clearSelection", {});
  });
  layers.onSelect = function (layer, id) { userLayers.highlight([], false); AtlasBridge.send("select", { layer: layer, id: id }); };
  userLayers.onSelect = function (layer, index) { layers.highlight([], false); AtlasBridge.send("userSelect", { layer: layer, index: index }); };

  function afterPaint() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { requestAnimationFrame(resolve); }); });
  }

  function reportDrawn() {
    return Promise.all([basemapReady, dataReady]).then(afterPaint).then(function () {
      labels.update();
      AtlasBridge.send("drawn", { counts: Object.assign(layers.counts(), userLayers.counts()) });
    });
  }

  const B = AtlasBridge;
  B.on("setLayers", function (m) {
    dataReady = Promise.resolve().then(function () {
      layers.setLayers(m.layers);
      m.layers.forEach(function (s) { if (s.kind === "basemap") basemap.setVisible(!!s.visible); });
    });
    reportDrawn();
  });
  B.on("setVisible", function (m) {
    if (m.id === "basemap") basemap.setVisible(!!m.visible); else layers.setVisible(m.id, !!m.visible);
    reportDrawn();
  });
  B.on("highlight", function (m) { layers.highlight(m.items || [], !!m.fit); userLayers.highlight(m.items || [], !!m.fit); });
  // The user's own layers (userlayers.js): added, removed, shown, restyled one at a time.
  B.on("userLayerAdd", function (m) { userLayers.add(m); reportDrawn(); });
  B.on("userLayerRemove", function (m) { userLayers.remove(m.id); reportDrawn(); });
  B.on("userLayerVisible", function (m) { userLayers.setVisible(m.id, !!m.visible); reportDrawn(); });
  B.on("userLayerStyle", function (m) { userLayers.setStyle(m.id, m.style); reportDrawn(); });
  // A fit asked for is kept until the user moves the map, so that a window still being laid
  // out (or resized for an export) shows the same extent once it has its final size.
  let fitTarget = null;
  function applyFit() {
    const t = fitTarget;
    map.fitBounds(t.bounds, { paddingTopLeft: t.paddingTopLeft || t.padding || [30, 30],
      paddingBottomRight: t.paddingBottomRight || t.padding || [30, 30], maxZoom: t.maxZoom || 10, animate: false });
  }
  B.on("fitBounds", function (m) { fitTarget = m; applyFit(); });
  map.on("resize", function () { if (fitTarget) applyFit(); });
  ["mousedown", "wheel", "keydown", "touchstart"].forEach(function (name) {
    map.getContainer().addEventListener(name, function () { fitTarget = null; }, { passive: true });
  });
  B.on("setView", function (m) { fitTarget = null; map.setView(m.center, m.zoom, { animate: false }); });
  B.on("invalidateSize", function () { map.invalidateSize({ animate: false }); labels.update(); });
  // Editing (editing.js): handles on the selected feature; layers redrawn after an edit.
  B.on("editMode", function (m) { editing.setActive(!!m.on); });
  B.on("editTarget", function (m) { editing.setTarget(m.target || null); });
  B.on("replaceLayers", function (m) { layers.replaceLayers(m.layers || []); reportDrawn(); });
  B.on("measure", function (m) { measure.setActive(!!m.on); });
  B.on("measureClear", function () { measure.clear(); });
  B.on("measureResult", function (m) { measure.showResult(String(m.text)); });
  B.on("layout", function (m) { AtlasOverlays.setLayout(m); });
  // Names on the map in a language (and a second one beneath); Urdu right to left (issue 8).
  B.on("setLanguage", function (m) {
    const lang = String(m.lang || "en"), second = m.second ? String(m.second) : null;
    document.documentElement.lang = lang;
    document.body.classList.toggle("rtl", lang === "ur");
    layers.setLanguage(lang, second);
    basemap.setLanguage(lang, second);
    const texts = m.texts || {};   // escaped by Python: Leaflet puts the attribution in as HTML
    if (typeof texts.attribution === "string" && texts.attribution !== AtlasTexts.attribution) {
      map.attributionControl.removeAttribution(AtlasTexts.attribution);
      map.attributionControl.addAttribution(texts.attribution);
    }
    Object.keys(texts).forEach(function (k) { if (typeof texts[k] === "string") AtlasTexts[k] = texts[k]; });
    if (map.zoomControl) {
      if (AtlasTexts.zoomIn) map.zoomControl._zoomInButton.title = AtlasTexts.zoomIn;
      if (AtlasTexts.zoomOut) map.zoomControl._zoomOutButton.title = AtlasTexts.zoomOut;
    }
    labels.update();  // no "drawn": the features are the same, only their names changed
  });
  B.on("presenting", function (m) {
    document.body.classList.toggle("presenting", !!m.on);
    const box = document.getElementById("caption");
    box.replaceChildren();
    box.classList.toggle("on", !!(m.on && m.caption));
    if (m.on && m.caption) {
      box.appendChild(document.createTextNode(m.caption));
      if (m.detail) { const small = document.createElement("small"); small.textContent = m.detail; box.appendChild(small); }
    }
  });
  // Presentation: a smooth but short move to the next view.
  B.on("flyToBounds", function (m) {
    fitTarget = null;
    map.flyToBounds(m.bounds, { paddingTopLeft: m.padding || [40, 40], paddingBottomRight: m.paddingBottomRight || m.padding || [40, 40],
      duration: m.duration || 0.9, maxZoom: 9 });
  });
  // Python asks for a "rendered" mark once everything asked so far is on screen.
  B.on("render", function (m) {
    Promise.all([basemapReady, dataReady]).then(afterPaint).then(function () {
      labels.update();
      return afterPaint();
    }).then(function () { B.send("rendered", { token: m.token }); });
  });
  // The computed route (route.js) in its own panes: above the network's lines, below their
  // hit areas (the network keeps its tooltips and clicks) and below the points.
  map.createPane("route").style.zIndex = 410;
  map.createPane("routeEnds").style.zIndex = 640;
  map.getPane("route").style.pointerEvents = "none";
  map.getPane("routeEnds").style.pointerEvents = "none";
  const route = new AtlasRoute(map, L.svg({ pane: "route" }), L.svg({ pane: "routeEnds" }));
  B.on("showRoute", function (m) {
    const b = route.show(m);
    if (m.fit && b && b.isValid()) { fitTarget = { bounds: b, padding: [50, 50], maxZoom: 9 }; applyFit(); }
  });
  B.on("clearRoute", function () { route.clear(); });
  window.atlasRoute = route;
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && map.atlasMeasuring) measure.clear();
  });

  window.atlasMap = map;       // for tests and debugging in the inspector
  window.atlasLayers = layers;
  window.atlasUserLayers = userLayers;
  window.atlasLabels = labels;
  window.atlasEditing = editing;
  B.send("ready", {});
})();
