// The maritime map: tracks, zone buffers and alerts drawn as SVG from /ui/maritime/data.
// Works offline: no tiles, no coastline, no outside scripts (equirectangular projection
// scaled by the cosine of the mid latitude).
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const COLOURS = {
    designated_vessel: "#b00020", watched_vessel: "#d35400", loitering: "#6a1b9a",
    ais_gap: "#00695c", meeting: "#1565c0", impossible_jump: "#c2185b", identity_change: "#455a64",
  };
  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  function rings(geometry) {
    if (!geometry) return [];
    const c = geometry.coordinates;
    if (geometry.type === "Polygon") return c;
    if (geometry.type === "MultiPolygon") return c.flat();
    if (geometry.type === "LineString") return [c];
    if (geometry.type === "MultiLineString") return c;
    return [];
  }
  function draw(box, data) {
    const pts = [];
    for (const t of data.tracks || []) pts.push(...t.points);
    for (const a of data.alerts || []) if (a.lat !== null && a.lon !== null) pts.push([a.lon, a.lat]);
    if (!pts.length) { box.textContent = "-"; return; }
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const [x, y] of pts) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
    const k = Math.cos(((s + n) / 2) * Math.PI / 180);
    const pad = 0.05 * Math.max(e - w, n - s, 0.01);
    w -= pad; e += pad; s -= pad; n += pad;
    const width = 1000, height = Math.max(300, Math.min(900, width * (n - s) / ((e - w) * k)));
    const px = (x) => ((x - w) / (e - w)) * width;
    const py = (y) => ((n - y) / (n - s)) * height;
    const path = (ring) => ring.map((p, i) => (i ? "L" : "M") + px(p[0]).toFixed(1) + " " + py(p[1]).toFixed(1)).join(" ");
    const svg = el("svg", { viewBox: `0 0 ${width} ${height.toFixed(0)}`, width: "100%", class: "maritime-svg" });
    svg.appendChild(el("rect", { x: 0, y: 0, width, height, fill: "#eef5fa" }));
    for (const f of (data.zones && data.zones.features) || []) {
      const area = f.properties.kind === "area";
      for (const ring of rings(f.geometry)) {
        const p = el("path", { d: path(ring), fill: area ? "none" : "#f3c98b", "fill-opacity": 0.6,
          stroke: area ? "#607d8b" : "#e08e0b", "stroke-dasharray": area ? "4 3" : "", "stroke-width": 1 });
        p.appendChild(el("title")).textContent = f.properties.name;
        svg.appendChild(p);
      }
    }
    for (const t of data.tracks || []) {
      const p = el("path", { d: path(t.points), fill: "none", stroke: t.alerted ? "#333" : "#90a4ae",
        "stroke-width": t.alerted ? 1.6 : 0.7, "stroke-opacity": t.alerted ? 0.9 : 0.6 });
      p.appendChild(el("title")).textContent = "MMSI " + t.mmsi;
      svg.appendChild(p);
    }
    for (const a of data.alerts || []) {
      if (a.lat === null || a.lon === null) continue;
      const c = el("circle", { cx: px(a.lon), cy: py(a.lat), r: 5, fill: COLOURS[a.type] || "#000", stroke: "#fff" });
      c.appendChild(el("title")).textContent = `${a.type} · MMSI ${a.mmsi} · ${a.name || ""} · ${a.time}`;
      svg.appendChild(c);
    }
    box.replaceChildren(svg);
  }
  document.addEventListener("DOMContentLoaded", function () {
    const box = document.getElementById("maritime-map");
    if (!box) return;
    fetch(box.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => r.json()).then((data) => draw(box, data))
      .catch(() => { box.textContent = "-"; });
  });
})();
