// The pass selector: colours the edges one backward pass sent gradients along (light for
// small, dark for large, red for NaN/Inf, labelled with the value or norm), dims the data
// edges it did not traverse and outlines its roots.
"use strict";
(function (GS) {
  const select = document.getElementById("pass-select");
  const info = document.getElementById("pass-info");
  const ns = "http://www.w3.org/2000/svg";

  function fill() {
    const none = document.createElement("option");
    none.value = "";
    none.textContent = GS.data.passes.length ? "no pass (plain picture)" : "no backward pass ran";
    select.appendChild(none);
    if (GS.data.first_pass > 0) {
      const note = document.createElement("option");
      note.disabled = true;
      note.textContent = "(passes 0–" + (GS.data.first_pass - 1) + " not included: the page covers the last " +
        (GS.data.passes.length - GS.data.first_pass) + ")";
      select.appendChild(note);
    }
    for (const p of GS.data.passes.slice(GS.data.first_pass)) {
      const o = document.createElement("option");
      o.value = String(p.id);
      o.textContent = p.label + (p.error ? " — raised" : "");
      select.appendChild(o);
    }
  }

  function clear(svg) {
    for (const el of svg.querySelectorAll(".edge.gradient-on, .edge.dimmed, .node.pass-root")) {
      el.classList.remove("gradient-on", "dimmed", "pass-root");
      for (const part of el.querySelectorAll("path, polygon")) {
        part.style.removeProperty("stroke");
        part.style.removeProperty("fill");
        part.style.removeProperty("stroke-width");
      }
    }
    for (const t of svg.querySelectorAll("text.grad-label")) t.remove();
  }

  function label(edge, text, colour) {
    const path = edge.querySelector("path");
    if (!path) return;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const t = document.createElementNS(ns, "text");
    t.setAttribute("class", "grad-label");
    t.setAttribute("x", String(p.x + 4));
    t.setAttribute("y", String(p.y));
    t.setAttribute("fill", colour);
    t.textContent = text;
    edge.appendChild(t);
  }

  GS.passes = {
    /** Applies pass `id` (a number, or null for none) to the current view. */
    apply(id) {
      const svg = GS.canvas.svg;
      clear(svg);
      select.value = id === null ? "" : String(id);
      info.textContent = id === null ? "" : "roots: " + (GS.data.passes[id].roots.join(", ") || "none");
      if (id === null) return;
      const data = GS.canvas.view.passes[id];
      if (!data) return;
      for (const [edgeId, look] of Object.entries(data.edges)) {
        const edge = svg.getElementById(edgeId);
        if (!edge) continue;
        edge.classList.add("gradient-on");
        for (const part of edge.querySelectorAll("path")) {
          part.style.stroke = look[0];
          part.style.strokeWidth = "2.5px";
        }
        for (const part of edge.querySelectorAll("polygon")) {
          part.style.stroke = look[0];
          part.style.fill = look[0];
        }
        label(edge, look[1], look[0]);
      }
      // Every other data edge: the pass did not traverse it.
      const kept = new Set(Object.keys(data.edges).concat(data.ran));
      for (const edge of svg.querySelectorAll("g.edge.data, g.edge.detached")) {
        if (!kept.has(edge.id)) edge.classList.add("dimmed");
      }
      for (const nodeId of data.roots) {
        const node = svg.getElementById(nodeId);
        if (node) node.classList.add("pass-root");
      }
    },

    /** A sentence about pass `id` for the panel. */
    describe(id) {
      const p = GS.data.passes[id];
      const roots = p.roots.length ? p.roots.join(", ") : "none";
      return p.label + (p.code ? " " + p.code : "") + " · roots: " + roots +
        (p.retain_graph ? " · retain_graph=True" : "") + (p.create_graph ? " · create_graph=True" : "") +
        (p.error ? " · raised " + p.error : "");
    },
  };

  fill();
  select.addEventListener("change", () => GS.setPass(select.value === "" ? null : +select.value));
})(window.GS);
