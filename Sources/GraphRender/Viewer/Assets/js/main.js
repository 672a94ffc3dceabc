// Wires the page together: the state (view, pass, selected node, legend), selection, view
// switching, and the start-up from the URL fragment.
"use strict";
(function (GS) {
  const passes = GS.data.passes;
  GS.state = { view: GS.data.views[0].key, pass: GS.data.pass, node: null, legend: true };
  const viewSelect = document.getElementById("view-select");
  const legendButton = document.getElementById("legend-toggle");
  let pending = 0;

  GS.stateChanged = function () {
    GS.fragment.write();
  };
  GS.onViewChanged = function () {
    clearTimeout(pending);
    pending = setTimeout(GS.stateChanged, 150);
  };

  function startHTML() {
    let html = "<h2>" + GS.escape(GS.data.title) + "</h2>";
    html += "<p>Click a node (or Tab to it and press Enter) to see what it is. Search by name, op or line.</p>";
    if (GS.state.pass !== null) html += "<p>" + GS.escape(GS.passes.describe(GS.state.pass)) + "</p>";
    return html;
  }

  /** Shows what the panel should show for the current state. */
  GS.refreshPanel = function () {
    if (GS.why.active) GS.why.apply();
    else if (GS.state.node && GS.canvas.view.nodes[GS.state.node]) GS.panel.show(GS.state.node);
    else GS.panel.html(startHTML());
  };

  /** Selects node `id` of the current view: panel (or why mode), outline, optionally centred. */
  GS.select = function (id, options) {
    const svg = GS.canvas.svg;
    for (const el of svg.querySelectorAll(".node.selected")) el.classList.remove("selected");
    const node = svg.getElementById(id);
    if (!node) return;
    node.classList.add("selected");
    GS.state.node = id;
    if (!GS.why.take(id)) {
      if (GS.why.active) GS.why.apply();
      else GS.panel.show(id);
    }
    if (options && options.centre) GS.canvas.centre(id);
    GS.stateChanged();
  };

  /** Shows module call `m` (a cluster label was clicked). */
  GS.selectModule = function (m) {
    GS.state.node = null;
    GS.panel.showModule(m);
    GS.stateChanged();
  };

  /** Chooses backward pass `id` (null: none). */
  GS.setPass = function (id) {
    GS.state.pass = id;
    GS.passes.apply(id);
    GS.refreshPanel();
    GS.stateChanged();
  };

  function applyLegend() {
    document.getElementById("viewer-legend").classList.toggle("off", !GS.state.legend);
    GS.canvas.svg.classList.toggle("legend-off", !GS.state.legend);
    legendButton.setAttribute("aria-pressed", GS.state.legend ? "true" : "false");
  }

  /**
   * Switches to view `key`. With a target (an Expand or Collapse button), the node standing for
   * record `target.ref`, or element `target.cluster`, takes the place on screen, at the same zoom,
   * of element `target.from` (what was expanded or collapsed), so the drawing changes in place
   * around it; without one (the view selector), the new view is fitted.
   */
  GS.switchView = function (key, target) {
    const anchor = target && target.from ? GS.canvas.screenCentre(target.from) : null;
    const scale = GS.canvas.transform().scale;
    GS.state.view = GS.viewData(key).key;
    viewSelect.value = GS.state.view;
    GS.canvas.show(GS.state.view);
    applyLegend();
    GS.passes.apply(GS.state.pass);
    let id = null;
    if (target && target.ref) {
      const nodes = GS.canvas.view.nodes;
      id = Object.keys(nodes).find((n) => nodes[n][2] === target.ref) || null;
    }
    const shown = id || (target && target.cluster) || null;
    if (shown && anchor) GS.canvas.place(shown, anchor, scale);
    else if (shown) GS.canvas.centre(shown);
    else GS.canvas.fit();
    GS.state.node = null;
    if (id) GS.select(id, { centre: false });
    GS.refreshPanel();
    GS.stateChanged();
  };

  for (const v of GS.data.views) {
    const o = document.createElement("option");
    o.value = v.key;
    o.textContent = v.title;
    viewSelect.appendChild(o);
  }
  viewSelect.disabled = GS.data.views.length < 2;
  viewSelect.addEventListener("change", () => GS.switchView(viewSelect.value, null));
  document.getElementById("fit").addEventListener("click", () => GS.canvas.fit());
  document.getElementById("zoom-in").addEventListener("click", () => GS.canvas.zoomBy(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => GS.canvas.zoomBy(0.8));
  legendButton.addEventListener("click", () => {
    GS.state.legend = !GS.state.legend;
    applyLegend();
    GS.stateChanged();
  });

  // Start-up: the fragment's state, else the first view fitted with the last pass's gradients.
  const saved = GS.fragment.read();
  GS.state.view = GS.viewData(saved.view).key;
  if (saved.pass === null || (saved.pass >= GS.data.first_pass && passes[saved.pass])) GS.state.pass = saved.pass;
  if (saved.legend !== undefined) GS.state.legend = saved.legend;
  viewSelect.value = GS.state.view;
  GS.canvas.show(GS.state.view);
  applyLegend();
  GS.passes.apply(GS.state.pass);
  if (saved.zoom) GS.canvas.setTransform(saved.zoom);
  else GS.canvas.fit();
  if (saved.node && GS.canvas.view.nodes[saved.node]) {
    GS.state.node = saved.node;
    GS.canvas.svg.getElementById(saved.node).classList.add("selected");
  }
  if (saved.why !== undefined) {
    GS.why.active = true;
    GS.why.tensor = saved.why;
    document.getElementById("why-toggle").setAttribute("aria-pressed", "true");
  }
  GS.refreshPanel();
  document.documentElement.dataset.ready = "true";
})(window.GS);
