// The drawing area: shows one view's SVG (from its <template>), pans and zooms it with the
// vendored panzoom library, fits and centres, and makes every node focusable and clickable.
"use strict";
(function (GS) {
  const canvas = document.getElementById("canvas");
  let pz = null;

  /**
   * Draws panzoom's current transform at once. Panzoom itself draws on the next animation
   * frame, so without this the picture (and anything measured on it) would lag one frame
   * behind every move the viewer makes itself.
   */
  function drawNow() {
    const t = pz.getTransform();
    GS.canvas.viewport.setAttribute("transform", "matrix(" + t.scale + " 0 0 " + t.scale + " " + t.x + " " + t.y + ")");
  }

  GS.canvas = {
    svg: null,
    viewport: null,
    view: null,

    /** Shows view `key`: instantiates its SVG and wires its nodes. */
    show(key) {
      const view = GS.viewData(key);
      const template = document.getElementById("view-" + view.key);
      if (pz) pz.dispose();
      canvas.replaceChildren(template.content.cloneNode(true));
      const svg = canvas.querySelector("svg");
      // Graphviz sizes the SVG in points and puts its own transform on the graph group:
      // the SVG fills the canvas, a wrapper group carries the pan and zoom, and inside it the
      // graph is scaled from points to CSS pixels, so that 100% zoom is the picture's own size
      // (an 8 pt label is 10.7 px, as in the SVG picture opened at 100%).
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      svg.removeAttribute("viewBox");
      const graph = svg.querySelector("g.graph");
      const viewport = document.createElementNS("http://www.w3.org/2000/svg", "g");
      viewport.setAttribute("class", "viewport");
      const points = document.createElementNS("http://www.w3.org/2000/svg", "g");
      points.setAttribute("transform", "scale(" + 96 / 72 + ")");
      graph.parentNode.insertBefore(viewport, graph);
      viewport.appendChild(points);
      points.appendChild(graph);
      this.svg = svg;
      this.viewport = viewport;
      this.view = view;
      pz = panzoom(viewport, {
        smoothScroll: false,
        zoomDoubleClickSpeed: 1,
        maxZoom: 8,
        minZoom: 0.02,
        filterKey: () => true,
      });
      // The canvas itself is the tab stop before the nodes (panzoom made the SVG one too).
      svg.setAttribute("tabindex", "-1");
      pz.on("transform", () => GS.onViewChanged && GS.onViewChanged());
      for (const node of svg.querySelectorAll("g.node")) {
        const info = GS.nodeInfo(view, node.id);
        if (!info) continue;
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        const title = node.querySelector("title");
        const label = Array.from(node.querySelectorAll("text")).map((t) => t.textContent).join(" ");
        node.setAttribute("aria-label", label || (title ? title.textContent : node.id));
        node.addEventListener("click", () => GS.select(node.id, { centre: false }));
        node.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            GS.select(node.id, { centre: false });
          }
        });
        node.addEventListener("focus", () => this.reveal(node.id));
      }
      for (const cluster of svg.querySelectorAll("g.cluster")) {
        const m = /^cluster_module_(\d+)$/.exec(cluster.id);
        if (!m) continue;
        const label = cluster.querySelector("text");
        if (label) label.addEventListener("click", () => GS.selectModule(+m[1]));
      }
    },

    /** The current zoom and translation. */
    transform() {
      return pz ? pz.getTransform() : { scale: 1, x: 0, y: 0 };
    },

    /** Restores a transform from `transform()`. */
    setTransform(t) {
      pz.zoomAbs(0, 0, t.scale);
      pz.moveTo(t.x, t.y);
      drawNow();
    },

    /** Zooms by `factor` about the canvas centre. */
    zoomBy(factor) {
      const r = canvas.getBoundingClientRect();
      pz.zoomTo(r.width / 2, r.height / 2, factor);
      drawNow();
    },

    /** Pans by (dx, dy) screen pixels. */
    panBy(dx, dy) {
      pz.moveBy(dx, dy, false);
      drawNow();
    },

    /** Scales and moves the whole graph into the canvas. */
    fit() {
      const box = this.box(this.viewport.querySelector("g.graph"));
      const r = canvas.getBoundingClientRect();
      // Leave the bottom strip the legend overlay covers free.
      const legend = document.getElementById("viewer-legend");
      const covered = legend.classList.contains("off") ? 0 : legend.getBoundingClientRect().height + 12;
      const height = Math.max(r.height - covered, r.height / 2);
      const scale = Math.min(r.width / (box.width + 20), height / (box.height + 20), 2);
      pz.zoomAbs(0, 0, scale);
      pz.moveTo((r.width - box.width * scale) / 2 - box.x * scale, (height - box.height * scale) / 2 - box.y * scale);
      drawNow();
    },

    /** Element `el`'s bounding box in the viewport's own (unzoomed) coordinates. */
    box(el) {
      const b = el.getBBox();
      const toViewport = this.viewport.getCTM().inverse().multiply(el.getCTM());
      const a = new DOMPoint(b.x, b.y).matrixTransform(toViewport);
      const c = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(toViewport);
      return { x: Math.min(a.x, c.x), y: Math.min(a.y, c.y), width: Math.abs(c.x - a.x), height: Math.abs(c.y - a.y) };
    },

    /** Centres node or cluster `id`, zooming in to at least 100%. */
    centre(id) {
      const el = this.svg && this.svg.getElementById(id);
      if (!el) return;
      const b = this.box(el);
      const r = canvas.getBoundingClientRect();
      const scale = Math.max(this.transform().scale, 1);
      pz.zoomAbs(0, 0, scale);
      pz.moveTo(r.width / 2 - (b.x + b.width / 2) * scale, r.height / 2 - (b.y + b.height / 2) * scale);
      drawNow();
    },

    /** The screen point at the centre of element `id`, or null. */
    screenCentre(id) {
      const el = this.svg && this.svg.getElementById(id);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },

    /** Zooms to `scale` and moves element `id`'s centre to screen point `point`. */
    place(id, point, scale) {
      const el = this.svg.getElementById(id);
      if (!el) return;
      const b = this.box(el);
      const r = canvas.getBoundingClientRect();
      pz.zoomAbs(0, 0, scale);
      pz.moveTo(point.x - r.left - (b.x + b.width / 2) * scale, point.y - r.top - (b.y + b.height / 2) * scale);
      drawNow();
    },

    /** Centres `id` if it is outside the canvas (keyboard focus must stay visible). */
    reveal(id) {
      const el = this.svg.getElementById(id);
      const r = canvas.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      if (b.left < r.left || b.right > r.right || b.top < r.top || b.bottom > r.bottom) this.centre(id);
    },
  };

  canvas.addEventListener("keydown", (e) => {
    if (e.target.closest && e.target.closest("input, select")) return;
    const step = 60;
    const actions = {
      ArrowLeft: () => GS.canvas.panBy(step, 0),
      ArrowRight: () => GS.canvas.panBy(-step, 0),
      ArrowUp: () => GS.canvas.panBy(0, step),
      ArrowDown: () => GS.canvas.panBy(0, -step),
      "+": () => GS.canvas.zoomBy(1.25),
      "=": () => GS.canvas.zoomBy(1.25),
      "-": () => GS.canvas.zoomBy(0.8),
      f: () => GS.canvas.fit(),
      F: () => GS.canvas.fit(),
    };
    const action = actions[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  });
})(window.GS);
