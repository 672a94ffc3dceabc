// The graph model embedded in the page (written by GradScope's ViewerModel): records by id,
// backward passes, why texts, and per view the record each SVG node stands for.
"use strict";
window.GS = window.GS || {};
(function (GS) {
  const data = JSON.parse(document.getElementById("gradscope-data").textContent);
  GS.data = data;

  /** The view whose key is `key` (or the first). */
  GS.viewData = function (key) {
    return data.views.find((v) => v.key === key) || data.views[0];
  };

  /** A node of the current view as {id, kind, count, ref, search}, or null. */
  GS.nodeInfo = function (view, id) {
    const n = view.nodes[id];
    if (!n) return null;
    return { id: id, kind: n[0], count: n[1], ref: n[2], search: n[3] };
  };

  /** The record a reference (`t3`, `op7`, `op7_s0`, `m4`) names, as {kind, id, record, saved}. */
  GS.record = function (ref) {
    let m = /^t(\d+)$/.exec(ref);
    if (m) return { kind: "tensor", id: +m[1], record: data.tensors[m[1]] };
    m = /^op(\d+)_s(\d+)$/.exec(ref);
    if (m) {
      const op = data.ops[m[1]];
      return { kind: "saved", id: +m[1], record: op, saved: op && op.saved[+m[2]] };
    }
    m = /^op(\d+)$/.exec(ref);
    if (m) return { kind: "op", id: +m[1], record: data.ops[m[1]] };
    m = /^m(\d+)$/.exec(ref);
    if (m) return { kind: "module", id: +m[1], record: data.modules[m[1]] };
    return null;
  };

  /** The why entry of tensor `id`, or undefined. */
  GS.whyEntry = function (id) {
    return data.why.find((w) => w.tensor === id);
  };

  /** Text with HTML special characters escaped. */
  GS.escape = function (s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  };
})(window.GS);
