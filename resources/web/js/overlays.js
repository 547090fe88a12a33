// Map furniture for exports and briefings: title, legend, north arrow, date, sources, notes.
(function () {
  "use strict";
  function div(cls, text) {
    const node = document.createElement("div");
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function legendBox(items, heading, second) {
    const box = div("ov-legend");
    box.appendChild(div(null)).appendChild(document.createElement("h3")).textContent = heading || "Legend";
    let group = null;
    items.forEach(function (it) {
      if (it.group && it.group !== group) { group = it.group; box.appendChild(div("group", group)); }
      const row = div("row");
      row.appendChild(it.symbol ? AtlasSymbols.svg(Object.assign({}, it.symbol, { size: 16 })) : AtlasSymbols.lineSwatch(it.line));
      const text = row.appendChild(div("label", it.label));
      if (it.label2) {
        const line = text.appendChild(div("label2", it.label2));
        line.lang = second || ""; line.dir = second === "ur" ? "rtl" : "ltr";
      }
      box.appendChild(row);
    });
    return box;
  }

  function northArrow() {
    const box = div("ov-north");
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", "36"); svg.setAttribute("height", "46"); svg.setAttribute("viewBox", "0 0 36 46");
    const left = document.createElementNS(NS, "path");
    left.setAttribute("d", "M18 2L6 40L18 32Z"); left.setAttribute("fill", "#222");
    const right = document.createElementNS(NS, "path");
    right.setAttribute("d", "M18 2L30 40L18 32Z"); right.setAttribute("fill", "#fff"); right.setAttribute("stroke", "#222"); right.setAttribute("stroke-width", "1.5");
    svg.appendChild(left); svg.appendChild(right);
    box.appendChild(div(null, "N"));
    box.appendChild(svg);
    return box;
  }

  // spec: {on, title, subtitle, legend: [...], legendTitle, date, sources, note}
  function setLayout(spec) {
    const root = document.getElementById("overlays");
    root.replaceChildren();
    document.body.classList.toggle("layout", !!spec.on);
    root.lang = spec.lang || "en";
    root.dir = spec.dir === "rtl" ? "rtl" : "ltr";
    if (!spec.on) return 0;
    if (spec.title || spec.subtitle) {
      const title = div("ov-title");
      const h1 = document.createElement("h1"); h1.textContent = spec.title || "";
      title.appendChild(h1);
      if (spec.subtitle) { const h2 = document.createElement("h2"); h2.textContent = spec.subtitle; title.appendChild(h2); }
      root.appendChild(title);
    }
    if (spec.legend && spec.legend.length) root.appendChild(legendBox(spec.legend, spec.legendTitle, spec.second));
    root.appendChild(northArrow());
    const foot = div("ov-foot");
    const left = div("box");
    if (spec.date) left.appendChild(div(null, spec.date));
    if (spec.sources) left.appendChild(div(null, spec.sources));
    if (spec.note) left.appendChild(div("ov-note", spec.note));
    foot.appendChild(left);
    root.appendChild(foot);
    return root.childNodes.length;
  }

  window.AtlasOverlays = { setLayout: setLayout };
})();
