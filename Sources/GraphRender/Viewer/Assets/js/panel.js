// The side panel: everything the model knows about the selected node, and the buttons that
// expand a folded loop or a collapsed module call (by switching to the view that draws it).
"use strict";
(function (GS) {
  const panel = document.getElementById("panel");
  const e = GS.escape;

  function rows(pairs) {
    const items = pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== "");
    return "<dl>" + items.map((p) => "<dt>" + e(p[0]) + "</dt><dd>" + p[1] + "</dd>").join("") + "</dl>";
  }

  function lineWithCode(line, code) {
    return "line " + e(line) + (code ? " <code>" + e(code.replace(/^`|`$/g, "")) + "</code>" : "");
  }

  function passName(id) {
    const p = GS.data.passes[id];
    return p ? p.label : "pass " + id;
  }

  function tensorHTML(id, t) {
    let html = "<h2>" + e(t.name) + " <span class=\"note\">tensor t" + id + "</span></h2>";
    const aliases = t.names.filter((n) => n !== t.name);
    html += rows([
      ["parameter", t.parameter ? e(t.parameter) : null],
      ["also named", aliases.length ? e(aliases.join(", ")) : null],
      ["shape", e(t.shape)],
      ["dtype", e(t.dtype) + " · " + e(t.bytes)],
      ["requires_grad", t.requires_grad ? "True" : "False"],
      ["kind", t.is_leaf ? "leaf" + (t.role ? " (" + e(t.role) + ")" : "") : "non-leaf"],
      ["grad_fn", t.grad_fn ? e(t.grad_fn) : "None"],
      ["version", e(t.version)],
      ["made at", lineWithCode(t.line, t.code)],
      ["origin", e(t.origin)],
    ]);
    html += "<h3>Values</h3>" + valuesHTML(t);
    html += "<h3>Gradient per backward pass</h3>";
    if (t.grads.length === 0) html += "<p class=\"note\">no backward pass sent it a gradient</p>";
    else
      html += "<ul>" + t.grads.map((g) =>
        "<li" + (g[0] === GS.state.pass ? " class=\"current\"" : "") + ">" + e(passName(g[0])) + ": " + e(g[1]) + "</li>").join("") + "</ul>";
    if (GS.whyEntry(id)) html += "<button type=\"button\" data-action=\"why\" data-tensor=\"" + id + "\">Why: where did its gradient go?</button>";
    return html;
  }

  // PyTorch's repr of the tensor at each version recorded; a tensor changed in place later
  // shows each version it had, labelled, so no preview claims values from another version. A
  // page keeps only the first and last few versions of a long history and says which it left out.
  function valuesHTML(t) {
    if (!t.values.length) return "<p class=\"note\">not recorded (a dump made without --values)</p>";
    const labelled = t.values.length > 1 || t.values[0].version !== t.version;
    return t.values.map((v) => {
      if (v.omitted !== undefined)
        return "<p class=\"note omitted\">versions " + count(v.first) + "–" + count(v.last) +
          " not kept in this page (" + count(v.omitted) + " recorded versions)</p>";
      return (labelled ? "<p class=\"note\">at version " + e(v.version) + "</p>" : "") +
        "<pre class=\"values\">" + e(v.text) + "</pre>";
    }).join("");
  }

  function count(n) {
    return e(n.toLocaleString("en-US"));
  }

  function savedHTML(b) {
    return "<li><b>" + e(b.name) + "</b> " + e(b.shape) + " " + e(b.dtype) + " · " + e(b.bytes) +
      " · saved at version " + e(b.version) + "<br>" + e(b.text) + "</li>";
  }

  function opHTML(id, op) {
    let html = "<h2>" + e(op.name) + " <span class=\"note\">op " + id + "</span></h2>";
    html += rows([
      ["grad_fn", op.grad_fn ? e(op.grad_fn) : "none (" + (op.grad_enabled ? "no input requires grad" : "grad mode was off") + ")"],
      ["line", lineWithCode(op.line, op.code)],
      ["inside forward at", op.inner_line !== null ? "line " + e(op.inner_line) : null],
      ["in place", op.in_place ? "yes" : null],
      ["inputs", e(op.inputs.join(", ") || "none")],
      ["outputs", e(op.outputs.join(", "))],
      ["region", op.region ? e(op.region) : null],
      ["backward ran it in", op.ran_in.length ? e(op.ran_in.map(passName).join(", ")) : (op.grad_fn ? "no pass" : null)],
    ]);
    html += "<h3>Saved for backward</h3>";
    html += op.saved.length ? "<ul>" + op.saved.map(savedHTML).join("") + "</ul>" : "<p class=\"note\">nothing</p>";
    html += "<h3>Attributes</h3>";
    html += op.attributes.length
      ? "<dl class=\"attributes\">" + op.attributes.map((a) => "<dt>" + e(a[0]) + "</dt><dd><code>" + e(a[1]) + "</code></dd>").join("") + "</dl>"
      : "<p class=\"note\">" + (op.grad_fn ? "its grad_fn keeps none" : "none recorded (no grad_fn)") + "</p>";
    return html;
  }

  function moduleHTML(id, m) {
    let html = "<h2>" + e(m.path) + " <span class=\"note\">module call " + id + "</span></h2>";
    html += rows([
      ["class", e(m.class) + (m.summary ? "(" + e(m.summary) + ")" : "")],
      ["called at", lineWithCode(m.line, m.code)],
      ["level", e(m.level)],
      ["parameters", m.parameters.length ? e(m.parameters.join(", ")) : "none"],
    ]);
    return html;
  }

  /** Shows node `id` of the current view. */
  GS.panel = {
    show(id) {
      const info = GS.nodeInfo(GS.canvas.view, id);
      const r = info && GS.record(info.ref);
      if (!r || !r.record) {
        panel.innerHTML = "<p class=\"note\">No details for " + e(id) + ".</p>";
        return;
      }
      let html = "";
      if (r.kind === "tensor") html = tensorHTML(r.id, r.record);
      else if (r.kind === "op") html = opHTML(r.id, r.record);
      else if (r.kind === "saved") html = "<h2>saved " + e(r.saved.name) + " of " + e(r.record.name) + "</h2><ul>" + savedHTML(r.saved) + "</ul>" + opHTML(r.id, r.record);
      else if (r.kind === "module") html = moduleHTML(r.id, r.record) + expandModuleButton(r.id, id);
      if (info.count > 1 && info.kind !== "module") {
        html += "<p class=\"note\">This node stands for " + info.count + " recorded nodes (loop iterations folded); it shows the last.</p>";
        if (GS.viewData("unfolded").key === "unfolded") html += "<button type=\"button\" data-action=\"view\" data-view=\"unfolded\" data-from=\"" + e(id) + "\" data-ref=\"" + e(info.ref) + "\">Expand: every loop iteration</button>";
      }
      panel.innerHTML = html;
    },

    /** Shows module call `m` (a cluster label was clicked). */
    showModule(m) {
      const record = GS.data.modules[m];
      if (!record) return;
      const key = "depth" + record.level;
      const collapse = GS.viewData(key).key === key
        ? "<button type=\"button\" data-action=\"view\" data-view=\"" + key + "\" data-from=\"cluster_module_" + m + "\" data-ref=\"m" + m + "\">Collapse: draw this call as one node</button>"
        : "";
      panel.innerHTML = moduleHTML(m, record) + collapse;
    },

    /** Shows `html` (why mode, the start page). */
    html(html) {
      panel.innerHTML = html;
    },
  };

  function expandModuleButton(m, from) {
    return "<button type=\"button\" data-action=\"view\" data-view=\"main\" data-from=\"" + e(from) + "\" data-cluster=\"cluster_module_" + m + "\">Expand: draw the call's ops</button>";
  }

  panel.addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-action]");
    if (!b) return;
    if (b.dataset.action === "why") GS.why.start(+b.dataset.tensor);
    if (b.dataset.action === "view") GS.switchView(b.dataset.view, { from: b.dataset.from, ref: b.dataset.ref, cluster: b.dataset.cluster });
    if (b.dataset.action === "select") GS.select(b.dataset.node, { centre: true });
  });
})(window.GS);
