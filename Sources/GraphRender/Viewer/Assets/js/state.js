// The page's state in the URL fragment (#view=main&pass=1&node=op7&why=3&zoom=1.5,10,-20), so
// a link or a reload shows the same view, pass, selection, why tensor and zoom.
"use strict";
(function (GS) {
  GS.fragment = {
    /** The state the fragment names (absent fields are undefined). */
    read() {
      const out = {};
      const params = new URLSearchParams(location.hash.replace(/^#/, ""));
      if (params.has("view")) out.view = params.get("view");
      if (params.has("pass")) out.pass = params.get("pass") === "none" ? null : +params.get("pass");
      if (params.has("node")) out.node = params.get("node");
      if (params.has("why")) out.why = params.get("why") === "" ? null : +params.get("why");
      if (params.has("legend")) out.legend = params.get("legend") !== "off";
      const zoom = (params.get("zoom") || "").split(",").map(Number);
      if (zoom.length === 3 && zoom.every(Number.isFinite) && zoom[0] > 0) out.zoom = { scale: zoom[0], x: zoom[1], y: zoom[2] };
      return out;
    },

    /** Writes the current state into the fragment (without adding a history entry). */
    write() {
      const s = GS.state;
      const params = new URLSearchParams();
      params.set("view", s.view);
      params.set("pass", s.pass === null ? "none" : String(s.pass));
      if (s.node) params.set("node", s.node);
      if (GS.why.active) params.set("why", GS.why.tensor === null ? "" : String(GS.why.tensor));
      if (!s.legend) params.set("legend", "off");
      const t = GS.canvas.transform();
      params.set("zoom", [t.scale, t.x, t.y].map((v) => Math.round(v * 1000) / 1000).join(","));
      history.replaceState(null, "", "#" + params.toString());
    },
  };
})(window.GS);
