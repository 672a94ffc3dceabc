// Why mode: pick a tensor (click it, or from the list) and see the sentences `gradscope why`
// prints for it, with the paths its gradient took highlighted in green and the cut that
// stopped it (detach, no_grad, a non-differentiable op) in red, for the chosen pass.
"use strict";
(function (GS) {
  const button = document.getElementById("why-toggle");
  const e = GS.escape;

  function clear(svg) {
    svg.classList.remove("why-active");
    for (const el of svg.querySelectorAll(".why-path, .why-cut")) el.classList.remove("why-path", "why-cut");
  }

  function mark(svg, ids, cls) {
    for (const id of ids) {
      const el = svg.getElementById(id);
      if (el) el.classList.add(cls);
    }
  }

  /** The outcome shown: the chosen pass's, else the last one's. */
  function outcome(outcomes) {
    if (GS.state.pass !== null) return outcomes.find((o) => o.pass === GS.state.pass) || null;
    return outcomes.length ? outcomes[outcomes.length - 1] : null;
  }

  function listHTML() {
    const items = GS.data.why.map((w) =>
      "<li><button type=\"button\" data-why=\"" + w.tensor + "\">" + e(w.name) + "</button></li>").join("");
    return "<h2>Why mode</h2><p>Click a tensor in the graph, or pick one:</p><ul class=\"why-list\">" + items + "</ul>";
  }

  GS.why = {
    active: false,
    tensor: null,

    /** Turns why mode on, explaining tensor `id` (or listing the tensors when null). */
    start(id) {
      this.active = true;
      this.tensor = id === undefined ? null : id;
      button.setAttribute("aria-pressed", "true");
      this.apply();
      GS.stateChanged();
    },

    stop() {
      this.active = false;
      this.tensor = null;
      button.setAttribute("aria-pressed", "false");
      clear(GS.canvas.svg);
      GS.refreshPanel();
      GS.stateChanged();
    },

    /** Redraws the highlights and text (after a view or pass change). */
    apply() {
      const svg = GS.canvas.svg;
      clear(svg);
      if (!this.active) return;
      const entry = this.tensor === null ? null : GS.whyEntry(this.tensor);
      if (!entry) {
        GS.panel.html(listHTML());
        return;
      }
      const outcomes = GS.canvas.view.why[String(entry.tensor)] || [];
      const o = outcome(outcomes);
      let html = "<h2>Why: " + e(entry.name) + "</h2>";
      if (o) {
        svg.classList.add("why-active");
        mark(svg, o.path.concat(o.path_edges), "why-path");
        mark(svg, o.cut.concat(o.cut_edges), "why-cut");
        html += "<p class=\"note\">Highlighted: " + e(GS.data.passes[o.pass].label) + " — " +
          (o.arrived ? "green: where the gradient flowed" : "no gradient arrived") +
          (o.cut.length ? "; red: the cut that stopped it" : "") + ". Choose another pass above.</p>";
      } else {
        html += "<p class=\"note\">Nothing to highlight: this view draws none of the nodes the chosen pass's explanation names (see the text).</p>";
      }
      html += "<pre class=\"why-text\">" + e(entry.text) + "</pre>";
      html += "<button type=\"button\" data-why=\"\">Pick another tensor</button>";
      GS.panel.html(html);
    },

    /** In why mode a click on a tensor explains it; returns whether it was taken. */
    take(nodeId) {
      if (!this.active) return false;
      const info = GS.nodeInfo(GS.canvas.view, nodeId);
      const r = info && GS.record(info.ref);
      if (!r || r.kind !== "tensor" || !GS.whyEntry(r.id)) return false;
      this.tensor = r.id;
      this.apply();
      GS.stateChanged();
      return true;
    },
  };

  button.addEventListener("click", () => (GS.why.active ? GS.why.stop() : GS.why.start(null)));
  document.getElementById("panel").addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-why]");
    if (!b) return;
    GS.why.tensor = b.dataset.why === "" ? null : +b.dataset.why;
    GS.why.apply();
    GS.stateChanged();
  });
})(window.GS);
