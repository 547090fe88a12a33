// The user's own layers (files they opened), drawn from the GeoJSON text Python sends.
//
// Small layers are Leaflet SVG paths (an element per feature). Large ones go to a FastCanvas:
// one canvas per layer, coordinates kept projected in typed arrays, everything drawn in a few
// paths, hit-tested through a grid. (Leaflet's own canvas renderer keeps objects per feature
// and per vertex: 100k lines take seconds to build and to project at each zoom.)
// Feature names reach the page only as text: tooltips are built with textContent.
(function () {
  "use strict";
  const HIGHLIGHT = { color: "#ffd400", weight: 9, opacity: 0.9, lineCap: "round", lineJoin: "round", fill: false };
  const TOLERANCE = 4;   // px around a feature that still counts as on it

  function cssClass(layerId) { return "atlas-user-" + layerId.replace(/[^a-zA-Z0-9_-]/g, "_"); }

  function tooltipNode(text) {
    const node = document.createElement("span");
    node.textContent = text;
    return node;
  }

  // Point symbols other than the circle: a polygon around the point, in radius units.
  const SHAPES = {
    square: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
    diamond: [[0, -1.25], [1.25, 0], [0, 1.25], [-1.25, 0]],
    triangle: [[0, -1.25], [1.1, 0.8], [-1.1, 0.8]],
  };

  // ------------------------------------------------------------------ small layers: SVG
  const ShapeMarker = L.CircleMarker.extend({
    _updatePath: function () {
      const shape = SHAPES[this.options.shape];
      if (!shape) { L.CircleMarker.prototype._updatePath.call(this); return; }
      const p = this._point, r = this._radius;
      const d = shape.map(function (v, k) { return (k ? "L" : "M") + (p.x + v[0] * r).toFixed(1) + " " + (p.y + v[1] * r).toFixed(1); }).join("") + "z";
      this._renderer._setPath(this, this._empty() ? "M0 0" : d);
    },
  });

  function pathStyle(style, cls) {
    return { color: style.color, weight: style.weight, opacity: style.opacity, fillColor: style.color,
      fillOpacity: style.fill_opacity, lineCap: "round", lineJoin: "round", className: cls };
  }

  function pointStyle(style, cls) {
    return { radius: Math.max(2, style.size / 2), shape: style.symbol, color: "#ffffff", weight: 1.5, opacity: 1,
      fillColor: style.color, fillOpacity: style.opacity, className: cls };
  }

  // Multi-points and geometry collections are split into simple parts (Leaflet would nest
  // groups, which its tooltips cannot take); a feature's first part carries the layer's class,
  // the others "-more", so the DOM holds one counted element per feature.
  function simpleParts(features) {
    const out = [];
    features.forEach(function (f) {
      const parts = [];
      (function walk(g) {
        if (!g) return;
        if (g.type === "MultiPoint") g.coordinates.forEach(function (c) { parts.push({ type: "Point", coordinates: c }); });
        else if (g.type === "GeometryCollection") (g.geometries || []).forEach(walk);
        else parts.push(g);
      })(f.geometry);
      parts.forEach(function (g, k) {
        out.push({ type: "Feature", geometry: g, properties: { i: f.properties.i, n: f.properties.n, more: k > 0 } });
      });
    });
    return out;
  }

  function SvgLayer(map, spec, data, renderer) {
    const self = this;
    this.map = map;
    this.id = spec.id;
    this.style = spec.style;
    this.features = [];    // feature number -> its Leaflet parts
    this.group = L.geoJSON({ type: "FeatureCollection", features: simpleParts(data.features) }, {
      renderer: renderer, pane: "user",
      style: function (f) { return pathStyle(self.style, self.cls(f)); },
      pointToLayer: function (f, latlng) {
        return new ShapeMarker(latlng, Object.assign(pointStyle(self.style, self.cls(f)), { renderer: renderer, pane: "user" }));
      },
      onEachFeature: function (f, layer) { (self.features[f.properties.i] = self.features[f.properties.i] || []).push(layer); },
    });
  }
  SvgLayer.prototype.cls = function (f) { return cssClass(this.id) + (f.properties.more ? "-more" : ""); };
  SvgLayer.prototype.show = function (on) { if (on) this.group.addTo(this.map); else this.group.remove(); };
  SvgLayer.prototype.count = function () { return document.querySelectorAll("." + cssClass(this.id)).length; };
  SvgLayer.prototype.setStyle = function (style) {
    const self = this;
    this.style = style;
    this.group.eachLayer(function (layer) {
      const cls = self.cls(layer.feature);
      if (layer instanceof ShapeMarker) {
        layer.options.shape = style.symbol;
        layer.setStyle(pointStyle(style, cls));
        layer.setRadius(Math.max(2, style.size / 2));
      } else layer.setStyle(pathStyle(style, cls));
    });
  };
  SvgLayer.prototype.featureGeoJSON = function (i) {
    const parts = this.features[i];
    if (!parts) return null;
    const geoms = parts.map(function (layer) { return layer.toGeoJSON().geometry; });
    return { type: "Feature", properties: {},
      geometry: geoms.length === 1 ? geoms[0] : { type: "GeometryCollection", geometries: geoms } };
  };
  SvgLayer.prototype.bindEvents = function (tooltip, onClick) {
    this.group.bindTooltip(function (layer) { return tooltip(layer.feature.properties.i); },
      { sticky: true, className: "atlas-tooltip", direction: "top", offset: [0, -6] });
    const map = this.map;
    this.group.on("click", function (e) {
      if (map.atlasMeasuring) return;  // the measure tool takes the click
      L.DomEvent.stopPropagation(e);
      onClick(e.layer.feature.properties.i);
    });
  };

  // ------------------------------------------------------------------ large layers: FastCanvas
  const WORLD = 256;   // projected units: Leaflet's layer pixels at zoom 0 (EPSG:3857)
  const MAX_LAT = 85.0511287798;
  function px(lon) { return (lon + 180) / 360 * WORLD; }
  function py(lat) {
    const s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD;
  }
  const POINT = 0, LINE = 1, RING = 2;
  const CHUNK = 1000;              // features per path
  const DENSE_VERTICES = 150000;   // vertices in view from which lines are drawn 1 px wide
  const DENSE_POINTS = 10000;      // points in view from which they are drawn as plain squares

  // Flattens GeoJSON features into typed arrays: per feature its parts, per part its kind and vertices.
  function decode(features) {
    let nv = 0, np = 0;
    const parts = [];   // [featureIndex, kind, coords]
    function walk(i, g) {
      if (!g) return;
      const c = g.coordinates;
      switch (g.type) {
        case "Point": parts.push([i, POINT, [c]]); break;
        case "MultiPoint": c.forEach(function (p) { parts.push([i, POINT, [p]]); }); break;
        case "LineString": parts.push([i, LINE, c]); break;
        case "MultiLineString": c.forEach(function (l) { parts.push([i, LINE, l]); }); break;
        case "Polygon": c.forEach(function (r) { parts.push([i, RING, r]); }); break;
        case "MultiPolygon": c.forEach(function (p) { p.forEach(function (r) { parts.push([i, RING, r]); }); }); break;
        case "GeometryCollection": (g.geometries || []).forEach(function (x) { walk(i, x); }); break;
        default: break;
      }
    }
    const n = features.length;
    const index = new Int32Array(n);    // feature number (properties.i) of each decoded feature
    const names = new Array(n);
    for (let k = 0; k < n; k++) {
      const f = features[k];
      index[k] = f.properties.i;
      names[k] = f.properties.n;
      walk(k, f.geometry);
    }
    parts.forEach(function (p) { nv += p[2].length; });
    np = parts.length;
    const partFeature = new Int32Array(np), partKind = new Uint8Array(np), partStart = new Int32Array(np + 1);
    const ll = new Float64Array(nv * 2), xy = new Float64Array(nv * 2);
    const featureStart = new Int32Array(n + 1).fill(-1);
    const bbox = new Float64Array(n * 4);
    for (let k = 0; k < n; k++) { bbox[4 * k] = Infinity; bbox[4 * k + 1] = Infinity; bbox[4 * k + 2] = -Infinity; bbox[4 * k + 3] = -Infinity; }
    let v = 0;
    for (let j = 0; j < np; j++) {
      const p = parts[j], k = p[0], coords = p[2];
      partFeature[j] = k; partKind[j] = p[1]; partStart[j] = v;
      if (featureStart[k] < 0) featureStart[k] = j;
      for (let m = 0; m < coords.length; m++, v++) {
        const lon = +coords[m][0], lat = +coords[m][1], x = px(lon), y = py(lat);
        ll[2 * v] = lon; ll[2 * v + 1] = lat; xy[2 * v] = x; xy[2 * v + 1] = y;
        if (x < bbox[4 * k]) bbox[4 * k] = x;
        if (y < bbox[4 * k + 1]) bbox[4 * k + 1] = y;
        if (x > bbox[4 * k + 2]) bbox[4 * k + 2] = x;
        if (y > bbox[4 * k + 3]) bbox[4 * k + 3] = y;
      }
    }
    partStart[np] = v;
    // parts of one feature are consecutive: featureStart[k]..featureStart[k+1]
    featureStart[n] = np;
    for (let k = n - 1; k >= 0; k--) if (featureStart[k] < 0) featureStart[k] = featureStart[k + 1];
    return { n: n, index: index, names: names, partFeature: partFeature, partKind: partKind, partStart: partStart,
      featureStart: featureStart, ll: ll, xy: xy, bbox: bbox };
  }

  // A uniform grid over the features' boxes (projected units) for hit tests.
  function buildGrid(d) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = 0; k < d.n; k++) {
      if (d.bbox[4 * k] > d.bbox[4 * k + 2]) continue;
      x0 = Math.min(x0, d.bbox[4 * k]); y0 = Math.min(y0, d.bbox[4 * k + 1]);
      x1 = Math.max(x1, d.bbox[4 * k + 2]); y1 = Math.max(y1, d.bbox[4 * k + 3]);
    }
    const g = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(d.n / 2))));
    const cw = Math.max((x1 - x0) / g, 1e-9), ch = Math.max((y1 - y0) / g, 1e-9);
    const cells = new Map(), wide = [];
    for (let k = 0; k < d.n; k++) {
      if (d.bbox[4 * k] > d.bbox[4 * k + 2]) continue;
      const a = Math.floor((d.bbox[4 * k] - x0) / cw), b = Math.floor((d.bbox[4 * k + 1] - y0) / ch);
      const c = Math.floor((d.bbox[4 * k + 2] - x0) / cw), e = Math.floor((d.bbox[4 * k + 3] - y0) / ch);
      if ((c - a + 1) * (e - b + 1) > 64) { wide.push(k); continue; }
      for (let i = a; i <= c; i++) for (let j = b; j <= e; j++) {
        const key = i * 4096 + j;
        const list = cells.get(key);
        if (list) list.push(k); else cells.set(key, [k]);
      }
    }
    return { x0: x0, y0: y0, cw: cw, ch: ch, g: g, cells: cells, wide: wide };
  }

  function segDist2(px_, py_, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
    let t = len ? ((px_ - ax) * dx + (py_ - ay) * dy) / len : 0;
    t = Math.max(0, Math.min(1, t));
    const x = ax + t * dx - px_, y = ay + t * dy - py_;
    return x * x + y * y;
  }

  const FastCanvas = L.Renderer.extend({
    options: { padding: 0.3, pane: "user" },

    initialize: function (data, style, options) {
      L.Renderer.prototype.initialize.call(this, options);
      this.d = decode(data.features);
      this.grid = buildGrid(this.d);
      this.style = style;
    },

    _initContainer: function () {
      this._container = document.createElement("canvas");
      this._container.style.pointerEvents = "none";   // clicks are hit-tested by UserLayers, by number
      this._ctx = this._container.getContext("2d");
    },

    _destroyContainer: function () { L.DomUtil.remove(this._container); delete this._container; delete this._ctx; },

    _update: function () {
      if (this._map._animatingZoom && this._bounds) return;
      L.Renderer.prototype._update.call(this);
      const b = this._bounds, c = this._container, size = b.getSize(), m = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(c, b.min);
      c.width = Math.round(m * size.x); c.height = Math.round(m * size.y);
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      this._ctx.setTransform(m, 0, 0, m, 0, 0);
      this.draw();
    },

    // Everything in view: lines and outlines in a few large paths (Skia rasterises a path of
    // a thousand features faster than a thousand paths, or one path of a hundred thousand),
    // points in one path. Where more than DENSE_VERTICES are in view the lines merge into a
    // solid mass anyway: they are stroked 1 px wide, which costs a tenth (Skia's hairlines);
    // more than DENSE_POINTS points are drawn as plain squares without their outline.
    draw: function () {
      const t0 = performance.now();
      const d = this.d, ctx = this._ctx, st = this.style, map = this._map;
      const b = this._bounds, s = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      const ox = b.min.x + origin.x, oy = b.min.y + origin.y;   // projected * s - (ox, oy) = canvas px
      const r = Math.max(2, st.size / 2), margin = (Math.max(st.weight, r * 2.6) + 2) / s;
      const vx0 = ox / s - margin, vy0 = oy / s - margin, vx1 = (b.max.x + origin.x) / s + margin, vy1 = (b.max.y + origin.y) / s + margin;
      const chunks = [], shape = SHAPES[st.symbol];
      let lines = new Path2D(), inChunk = 0, drawn = 0, vertices = 0, nPoints = 0, pointXY = new Float64Array(1024);
      ctx.clearRect(0, 0, b.max.x - b.min.x, b.max.y - b.min.y);
      for (let k = 0; k < d.n; k++) {
        const bb = 4 * k;
        if (d.bbox[bb] > vx1 || d.bbox[bb + 2] < vx0 || d.bbox[bb + 1] > vy1 || d.bbox[bb + 3] < vy0) continue;
        drawn++;
        let rings = null;
        for (let j = d.featureStart[k]; j < d.featureStart[k + 1]; j++) {
          const kind = d.partKind[j], a = d.partStart[j], e = d.partStart[j + 1];
          if (kind === POINT) {
            if (2 * nPoints + 2 > pointXY.length) { const grown = new Float64Array(pointXY.length * 2); grown.set(pointXY); pointXY = grown; }
            pointXY[2 * nPoints] = d.xy[2 * a] * s - ox; pointXY[2 * nPoints + 1] = d.xy[2 * a + 1] * s - oy;
            nPoints++;
            continue;
          }
          const target = kind === RING ? (rings = rings || new Path2D()) : lines;
          let lx = d.xy[2 * a] * s - ox, ly = d.xy[2 * a + 1] * s - oy;
          target.moveTo(lx, ly);
          vertices++;
          for (let v = a + 1; v < e; v++) {
            const x = d.xy[2 * v] * s - ox, y = d.xy[2 * v + 1] * s - oy;
            // per-zoom simplification: a vertex closer than half a pixel to the last one adds nothing
            if (v < e - 1 && (x - lx) * (x - lx) + (y - ly) * (y - ly) < 0.25) continue;
            target.lineTo(x, y); lx = x; ly = y;
            vertices++;
          }
          if (kind === RING) target.closePath();
        }
        if (rings) {
          ctx.globalAlpha = st.fill_opacity; ctx.fillStyle = st.color; ctx.fill(rings, "evenodd");
          lines.addPath(rings);
        }
        if (++inChunk >= CHUNK) { chunks.push(lines); lines = new Path2D(); inChunk = 0; }
      }
      chunks.push(lines);
      this.dense = vertices > DENSE_VERTICES;
      ctx.lineCap = "round"; ctx.lineJoin = "round";
      ctx.globalAlpha = st.opacity; ctx.strokeStyle = st.color; ctx.lineWidth = this.dense ? Math.min(1, st.weight) : st.weight;
      chunks.forEach(function (path) { ctx.stroke(path); });
      this.densePoints = nPoints > DENSE_POINTS;
      ctx.globalAlpha = st.opacity; ctx.fillStyle = st.color;
      if (this.densePoints) {
        // a crowd of points: plain squares, no outline (Skia fills 100k of them in a few ms)
        const h = Math.max(1, r * 0.7);
        for (let q = 0; q < nPoints; q++) ctx.fillRect(pointXY[2 * q] - h, pointXY[2 * q + 1] - h, 2 * h, 2 * h);
      } else if (nPoints) {
        const points = new Path2D();
        for (let q = 0; q < nPoints; q++) {
          const x = pointXY[2 * q], y = pointXY[2 * q + 1];
          if (shape) {
            points.moveTo(x + shape[0][0] * r, y + shape[0][1] * r);
            for (let k = 1; k < shape.length; k++) points.lineTo(x + shape[k][0] * r, y + shape[k][1] * r);
            points.closePath();
          } else { points.moveTo(x + r, y); points.arc(x, y, r, 0, 2 * Math.PI); }
        }
        ctx.fill(points);
        ctx.globalAlpha = 1; ctx.strokeStyle = "#ffffff"; ctx.lineWidth = 1.5; ctx.stroke(points);
      }
      ctx.globalAlpha = 1;
      this.drawnFeatures = drawn;
      this.drawMs = performance.now() - t0;
    },

    setStyle: function (style) { this.style = style; if (this._map) this.draw(); },

    // The topmost feature (decoded index) at a container point, or -1.
    hit: function (containerPoint) {
      const d = this.d, g = this.grid, map = this._map, st = this.style;
      const s = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      const lp = map.containerPointToLayerPoint(containerPoint);
      const hx = lp.x + origin.x, hy = lp.y + origin.y;        // pixels at this zoom (projected * s)
      const r = Math.max(2, st.size / 2), tol = TOLERANCE + Math.max(st.weight / 2, r);
      const qx = hx / s, qy = hy / s, t = tol / s;
      const seen = new Set(), cands = g.wide.slice();
      const a = Math.floor((qx - t - g.x0) / g.cw), b = Math.floor((qy - t - g.y0) / g.ch);
      const c = Math.floor((qx + t - g.x0) / g.cw), e = Math.floor((qy + t - g.y0) / g.ch);
      if (c - a < 64 && e - b < 64) {
        for (let i = Math.max(a, 0); i <= Math.min(c, g.g); i++) for (let j = Math.max(b, 0); j <= Math.min(e, g.g); j++) {
          const list = g.cells.get(i * 4096 + j);
          if (list) for (let q = 0; q < list.length; q++) cands.push(list[q]);
        }
      } else for (let k = 0; k < d.n; k++) cands.push(k);
      let best = -1;
      for (let q = 0; q < cands.length; q++) {
        const k = cands[q];
        if (seen.has(k) || k <= best) continue;
        seen.add(k);
        const bb = 4 * k;
        if (d.bbox[bb] > qx + t || d.bbox[bb + 2] < qx - t || d.bbox[bb + 1] > qy + t || d.bbox[bb + 3] < qy - t) continue;
        if (this._featureHit(k, hx, hy, s, tol)) best = k;
      }
      return best;
    },

    _featureHit: function (k, hx, hy, s, tol) {
      const d = this.d, tol2 = tol * tol;
      let inside = false;
      for (let j = d.featureStart[k]; j < d.featureStart[k + 1]; j++) {
        const kind = d.partKind[j], a = d.partStart[j], e = d.partStart[j + 1];
        if (kind === POINT) {
          const dx = d.xy[2 * a] * s - hx, dy = d.xy[2 * a + 1] * s - hy;
          if (dx * dx + dy * dy <= tol2) return true;
          continue;
        }
        for (let v = a; v < e - 1; v++) {
          const ax = d.xy[2 * v] * s, ay = d.xy[2 * v + 1] * s, bx = d.xy[2 * v + 2] * s, by = d.xy[2 * v + 3] * s;
          if (segDist2(hx, hy, ax, ay, bx, by) <= tol2) return true;
          if (kind === RING && ((ay > hy) !== (by > hy)) && hx < (bx - ax) * (hy - ay) / (by - ay) + ax) inside = !inside;
        }
      }
      return inside;   // even-odd over every ring of the feature
    },

    featureGeoJSON: function (k) {
      const d = this.d, geoms = [];
      for (let j = d.featureStart[k]; j < d.featureStart[k + 1]; j++) {
        const coords = [];
        for (let v = d.partStart[j]; v < d.partStart[j + 1]; v++) coords.push([d.ll[2 * v], d.ll[2 * v + 1]]);
        const kind = d.partKind[j];
        geoms.push(kind === POINT ? { type: "Point", coordinates: coords[0] }
          : { type: kind === LINE ? "LineString" : "Polygon", coordinates: kind === LINE ? coords : [coords] });
      }
      const geometry = geoms.length === 1 ? geoms[0] : { type: "GeometryCollection", geometries: geoms };
      return { type: "Feature", geometry: geometry, properties: {} };
    },
  });

  function FastLayer(map, spec, data) {
    this.map = map;
    this.id = spec.id;
    this.renderer = new FastCanvas(data, spec.style, { pane: "user" });
    this.byNumber = new Map();
    for (let k = 0; k < this.renderer.d.n; k++) this.byNumber.set(this.renderer.d.index[k], k);
  }
  FastLayer.prototype.show = function (on) { if (on) this.renderer.addTo(this.map); else this.renderer.remove(); };
  FastLayer.prototype.count = function () { return this.renderer._map ? this.renderer.d.n : 0; };
  FastLayer.prototype.setStyle = function (style) { this.renderer.setStyle(style); };
  FastLayer.prototype.featureGeoJSON = function (i) {
    const k = this.byNumber.get(i);
    return k === undefined ? null : this.renderer.featureGeoJSON(k);
  };

  // ------------------------------------------------------------------ all user layers
  function UserLayers(map) {
    const self = this;
    this.map = map;
    map.createPane("user").style.zIndex = 410;           // above the network lines, below their hit areas
    map.createPane("userHighlight").style.zIndex = 415;
    map.getPane("userHighlight").style.pointerEvents = "none";
    this.svg = L.svg({ pane: "user" });
    this.highlightRenderer = L.svg({ pane: "userHighlight" });
    this.highlightGroup = L.layerGroup().addTo(map);
    this.layers = {};      // id -> {id, view: SvgLayer|FastLayer, visible, title, timing}
    this.order = [];       // bottom first
    this.onSelect = null;
    this.tip = L.tooltip({ sticky: true, className: "atlas-tooltip", direction: "top", offset: [0, -6] });
    this.hovered = null;
    // The canvases take no pointer events; clicks and hovers over them are tested here, before
    // Leaflet sees them, unless something drawn above (network hit areas, points) is under the mouse.
    const box = map.getContainer().parentNode;
    box.addEventListener("click", function (e) { self._onClick(e); }, true);
    box.addEventListener("mousemove", function (e) { self._onMove(e); }, true);
    map.getContainer().addEventListener("mouseleave", function () { self._hover(null); });
  }

  UserLayers.prototype.add = function (spec) {
    const self = this;
    if (this.layers[spec.id]) this.remove(spec.id);
    const t0 = performance.now();
    const data = typeof spec.data === "string" ? JSON.parse(spec.data) : spec.data;
    const t1 = performance.now();
    const view = spec.canvas ? new FastLayer(this.map, spec, data) : new SvgLayer(this.map, spec, data, this.svg);
    const entry = { id: spec.id, view: view, visible: !!spec.visible, title: String(spec.title || ""), canvas: !!spec.canvas };
    if (!spec.canvas) {
      view.bindEvents(function (i) { return tooltipNode(self._name(entry, i)); }, function (i) { self._select(entry, i); });
      entry.names = {};
      data.features.forEach(function (f) { entry.names[f.properties.i] = f.properties.n; });
    }
    this.layers[spec.id] = entry;
    this.order.push(spec.id);
    const t2 = performance.now();
    if (entry.visible) view.show(true);
    entry.timing = { parse_ms: t1 - t0, build_ms: t2 - t1, add_ms: performance.now() - t2 };
  };

  UserLayers.prototype._name = function (entry, i) {
    let name = "";
    if (entry.canvas) { const k = entry.view.byNumber.get(i); name = k === undefined ? "" : entry.view.renderer.d.names[k]; }
    else name = entry.names[i];
    return name || (entry.title + " #" + (i + 1));
  };

  UserLayers.prototype._select = function (entry, i) {
    if (this.map.atlasMeasuring) return;  // the measure tool takes the click
    this.highlight([{ layer: entry.id, id: String(i) }], false);
    if (this.onSelect) this.onSelect(entry.id, i);
  };

  // Is the mouse over something drawn above the user canvases (it keeps the event)?
  function aboveCanvas(target) {
    return !!(target && target.closest && target.closest(
      ".leaflet-hits-pane, .leaflet-marker-pane, .leaflet-tooltip-pane, .leaflet-popup-pane, .leaflet-control-container, .leaflet-user-pane .leaflet-interactive"));
  }

  UserLayers.prototype._hitAt = function (e) {
    if (!this.map.getContainer().contains(e.target) || aboveCanvas(e.target)) return null;
    const pt = this.map.mouseEventToContainerPoint(e);
    for (let q = this.order.length - 1; q >= 0; q--) {
      const entry = this.layers[this.order[q]];
      if (!entry.canvas || !entry.visible) continue;
      const k = entry.view.renderer.hit(pt);
      if (k >= 0) return { entry: entry, i: entry.view.renderer.d.index[k], latlng: this.map.containerPointToLatLng(pt) };
    }
    return null;
  };

  UserLayers.prototype._onClick = function (e) {
    if (this.map.atlasMeasuring || (this.map.dragging && this.map.dragging.moved())) return;
    const hit = this._hitAt(e);
    if (!hit) return;
    e.stopPropagation();   // the map's own click (which clears the selection) never happens
    this._select(hit.entry, hit.i);
  };

  UserLayers.prototype._onMove = function (e) {
    if (this.map.dragging && this.map.dragging.moving()) return;
    const now = performance.now();
    if (this._lastMove && now - this._lastMove < 30) return;   // a hit test per frame at most
    this._lastMove = now;
    this._hover(this._hitAt(e));
  };

  UserLayers.prototype._hover = function (hit) {
    const container = this.map.getContainer();
    if (!hit) {
      if (this.hovered) { this.map.closeTooltip(this.tip); container.style.cursor = ""; }
      this.hovered = null;
      return;
    }
    const key = hit.entry.id + "/" + hit.i;
    if (!this.hovered || this.hovered !== key) this.tip.setContent(tooltipNode(this._name(hit.entry, hit.i)));
    this.hovered = key;
    this.tip.setLatLng(hit.latlng);
    if (!this.map.hasLayer(this.tip)) this.map.openTooltip(this.tip);
    container.style.cursor = "pointer";
  };

  UserLayers.prototype.remove = function (id) {
    const entry = this.layers[id];
    if (!entry) return false;
    entry.view.show(false);
    if (this.highlighted && this.highlighted.layer === id) this.highlight([], false);
    if (this.hovered && this.hovered.indexOf(id + "/") === 0) this._hover(null);
    delete this.layers[id];
    this.order = this.order.filter(function (x) { return x !== id; });
    return true;
  };

  UserLayers.prototype.setVisible = function (id, on) {
    const entry = this.layers[id];
    if (!entry || entry.visible === on) return !!entry;
    entry.visible = on;
    entry.view.show(on);
    if (!on && this.highlighted && this.highlighted.layer === id) this.highlight([], false);
    if (!on && this.hovered && this.hovered.indexOf(id + "/") === 0) this._hover(null);
    return true;
  };

  UserLayers.prototype.setStyle = function (id, style) {
    const entry = this.layers[id];
    if (!entry) return false;
    entry.view.setStyle(style);
    return true;
  };

  // Features of each user layer on the map: SVG paths counted in the DOM, canvas features
  // counted in the layer's decoded arrays (a canvas has no element per feature).
  UserLayers.prototype.counts = function () {
    const out = {}, self = this;
    this.order.forEach(function (id) {
      const entry = self.layers[id];
      out[id] = entry.visible ? entry.view.count() : 0;
    });
    return out;
  };

  // Highlight the user features named in items ({layer: "user:..", id: "<feature number>"}); others are ignored.
  UserLayers.prototype.highlight = function (items, fit) {
    const self = this;
    this.highlightGroup.clearLayers();
    this.highlighted = null;
    let bounds = null;
    items.forEach(function (it) {
      const entry = self.layers[it.layer];
      const f = entry && entry.visible && entry.view.featureGeoJSON(Number(it.id));
      if (!f) return;
      self.highlighted = { layer: it.layer, id: it.id };
      const style = Object.assign({}, HIGHLIGHT, { pane: "userHighlight", renderer: self.highlightRenderer, interactive: false });
      const shape = L.geoJSON(f, {
        style: function () { return style; },
        pointToLayer: function (g, latlng) { return L.circleMarker(latlng, Object.assign({}, style, { radius: 12, weight: 5 })); },
      }).addTo(self.highlightGroup);
      const b = shape.getBounds();
      bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    });
    if (fit && bounds) {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) this.map.setView(bounds.getCenter(), Math.max(this.map.getZoom(), 9), { animate: false });
      else this.map.fitBounds(bounds, { padding: [60, 60], maxZoom: 11, animate: false });
    }
    return this.highlightGroup.getLayers().length;
  };

  window.AtlasUserLayers = UserLayers;
})();
