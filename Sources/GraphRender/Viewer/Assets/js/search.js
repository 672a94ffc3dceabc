// The search box: finds the current view's nodes by tensor name, op or grad_fn name, module
// path or line ("12" or "line 12"), lists them, and centres the one picked.
"use strict";
(function (GS) {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  const limit = 30;
  let matches = [];
  let active = -1;

  /** Node ids of the current view matching `query`, in drawing order. */
  GS.search = function (query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const line = /^(?:line\s*)?(\d+)$/.exec(q);
    const view = GS.canvas.view;
    return Object.keys(view.nodes).filter((id) => {
      const words = view.nodes[id][3].toLowerCase();
      if (line) return (" " + words + " ").includes(" line " + line[1] + " ");
      return words.includes(q) || id.toLowerCase() === q;
    });
  };

  function label(id) {
    const info = GS.nodeInfo(GS.canvas.view, id);
    const r = GS.record(info.ref);
    let text = id;
    if (r && r.record) {
      if (r.kind === "tensor") text = r.record.name + " " + r.record.shape + " · line " + r.record.line;
      else if (r.kind === "op") text = r.record.name + (r.record.grad_fn ? " (" + r.record.grad_fn + ")" : "") + " · line " + r.record.line;
      else if (r.kind === "saved") text = "saved " + (r.saved ? r.saved.name : "") + " of " + r.record.name;
      else if (r.kind === "module") text = r.record.path + ": " + r.record.class;
    }
    return text + (info.count > 1 ? " ×" + info.count : "");
  }

  function render() {
    list.replaceChildren();
    if (!input.value.trim()) {
      list.hidden = true;
      return;
    }
    if (matches.length === 0) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = "no node matches “" + input.value.trim() + "” in this view";
      list.appendChild(li);
    }
    matches.slice(0, limit).forEach((id, k) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.dataset.node = id;
      li.textContent = label(id);
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        pick(id);
      });
      list.appendChild(li);
    });
    if (matches.length > limit) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = matches.length - limit + " more: refine the search";
      list.appendChild(li);
    }
    list.hidden = false;
  }

  function pick(id) {
    list.hidden = true;
    GS.select(id, { centre: true });
  }

  input.addEventListener("input", () => {
    matches = GS.search(input.value);
    active = matches.length ? 0 : -1;
    render();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = Math.min(matches.length, limit);
      if (n) active = (active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
      render();
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === "Escape") {
      list.hidden = true;
    }
  });
  input.addEventListener("blur", () => {
    list.hidden = true;
  });
})(window.GS);
