// Point symbols drawn as inline SVG built with DOM calls (no markup strings).
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  // Returns an <svg> element for a symbol spec {shape, fill, stroke, size, opacity}.
  function svg(sym) {
    const size = sym.size || 10;
    const root = el("svg", { width: size, height: size, viewBox: "0 0 24 24" });
    const fill = sym.fill || "#333", stroke = sym.stroke || "#fff";
    if (sym.opacity) root.setAttribute("opacity", sym.opacity);
    switch (sym.shape) {
      case "anchor":
        root.appendChild(el("circle", { cx: 12, cy: 12, r: 11, fill: fill, stroke: stroke, "stroke-width": 1.5 }));
        root.appendChild(el("path", {
          d: "M12 5.2a1.7 1.7 0 1 0 0.01 0M12 7v11.5M8.5 10h7M6 13.5c0.5 3.2 3 5 6 5s5.5-1.8 6-5",
          fill: "none", stroke: "#fff", "stroke-width": 1.8, "stroke-linecap": "round" }));
        break;
      case "square":
        root.appendChild(el("rect", { x: 3, y: 3, width: 18, height: 18, fill: fill, stroke: stroke, "stroke-width": 2.5 }));
        break;
      case "diamond":
        root.appendChild(el("path", { d: "M12 1.5L22.5 12L12 22.5L1.5 12Z", fill: fill, stroke: stroke, "stroke-width": 3 }));
        break;
      default:
        root.appendChild(el("circle", { cx: 12, cy: 12, r: 9.5, fill: fill, stroke: stroke, "stroke-width": 4 }));
    }
    return root;
  }

  // A legend swatch for a line style {color, weight, dashArray, opacity}.
  function lineSwatch(style, width, height) {
    width = width || 34; height = height || 14;
    const root = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height });
    const attrs = { x1: 2, y1: height / 2, x2: width - 2, y2: height / 2, stroke: style.color,
      "stroke-width": Math.min(style.weight || 3, height), "stroke-opacity": style.opacity == null ? 1 : style.opacity,
      "stroke-linecap": style.lineCap || "round" };
    if (style.dashArray) attrs["stroke-dasharray"] = style.dashArray;
    root.appendChild(el("line", attrs));
    return root;
  }

  window.AtlasSymbols = { svg: svg, lineSwatch: lineSwatch };
})();
