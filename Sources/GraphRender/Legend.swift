/// The legend of a picture: a compact key listing one entry per style role the picture uses,
/// and no others, so a legend never explains what is not on the page.
///
/// The key is one HTML-like table: entries in `StyleRole.allCases` order, `columns` to a row,
/// each a small sample (a cell in the role's colours, or a line in the edge's colour and dash)
/// beside a short caption; the gradient entry is followed by the colour scale. The DOT
/// writer puts it below the graph (as the label of a borderless cluster around everything), so
/// it does not widen a picture at least as wide as the key. Every sample cell carries the id
/// `legend_<role>` in the DOT text; the SVG element holding the key has the id and class
/// `legend`.
package enum Legend {
    /// The roles of `roles` in legend order.
    package static func entries(for roles: Set<StyleRole>) -> [StyleRole] {
        StyleRole.allCases.filter(roles.contains)
    }

    /// The DOT id of the legend sample cell for `role`.
    package static func id(for role: StyleRole) -> String { "legend_\(role.rawValue)" }

    /// What the entry for `role` says.
    package static func caption(for role: StyleRole) -> String {
        switch role {
        case .parameterLeaf: return "parameter (requires grad)"
        case .noGradientLeaf: return "parameter no gradient reached"
        case .otherLeaf: return "input / constant"
        case .backwardRoot: return "where backward() started"
        case .intermediate: return "tensor made by an op"
        case .detached: return "detached (reaches no parameter)"
        case .op: return "op · grad_fn class · line"
        case .accumulateGrad: return "AccumulateGrad: adds into a leaf's .grad"
        case .untrackedOp: return "op autograd did not record"
        case .gradModeRegion: return "grad-off region (no grad_fn)"
        case .moduleCall: return "nn.Module call"
        case .collapsedModule: return "module call as one node (--depth)"
        case .loopBox: return "loop: identical iterations drawn once (×n)"
        case .passFrame: return "backward frame: the ops one call ran"
        case .foldedNode: return "×n: n identical nodes drawn as one"
        case .updatedTensor: return "changed in place by each iteration"
        case .tensorVersion: return "vN: after N in-place changes"
        case .firstNonFinite: return "op whose backward first made NaN / Inf"
        case .savedRetained: return "saved buffer kept for backward"
        case .savedFreed: return "saved buffer freed by backward"
        case .savedInvalidated: return "saved buffer modified in place"
        case .savedPacked: return "saved buffer packed by a hook: tensor not kept"
        case .dataEdge: return "data flow"
        case .detachEdge: return "detach · line (graph cut)"
        case .gradientEdge: return "gradient (colour, width: |grad|)"
        case .zeroGradient: return "gradient exactly 0"
        case .nonFiniteGradient: return "gradient with NaN / Inf"
        case .untraversedEdge: return "not traversed by this pass"
        }
    }

    /// How many entries a row of the key holds: one row for up to three, else two columns up to
    /// fourteen entries and three above, keeping the key about as wide as a small graph.
    package static func columns(forEntries count: Int) -> Int {
        count <= 3 ? max(1, count) : count <= 14 ? 2 : 3
    }

    /// The key listing exactly `roles` as an HTML-like label, or nil when `roles` is empty.
    package static func table(for roles: Set<StyleRole>) -> DOTValue? {
        let ordered = entries(for: roles)
        guard !ordered.isEmpty else { return nil }
        // The gradient colour scale follows the gradient entry as an entry of its own.
        let pairs = ordered.flatMap { role in
            [sample(role) + captionCell(role)] + (role == .gradientEdge ? [scaleEntry()] : [])
        }
        let columns = columns(forEntries: pairs.count)
        var rows: [String] = []
        for start in stride(from: 0, to: pairs.count, by: columns) {
            rows.append("<TR>" + pairs[start..<min(start + columns, pairs.count)].joined() + "</TR>")
        }
        return .html(
            "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>")
    }

    /// The look of the borderless cluster around the whole picture whose label is the key
    /// (its nested clusters set every one of these attributes themselves).
    static let frame: DOTAttributes = [
        "id": "legend", "class": "legend", "peripheries": "0", "labelloc": "b", "labeljust": "l",
        "margin": "0", "tooltip": "legend: the styles this picture uses"
    ]

    /// The key as one node (`legend`), for layouts that draw no cluster labels (`sfdp`) and for
    /// graphs of one's own; `""` when `roles` is empty.
    package static func dot(for roles: Set<StyleRole>) -> String {
        guard let table = table(for: roles) else { return "" }
        let look: DOTAttributes = [
            "shape": "plaintext", "margin": "0", "id": "legend", "class": "legend",
            "tooltip": "legend: the styles this picture uses", "label": table
        ]
        return "\"legend\" \(look.dot);"
    }

    // MARK: Cells

    /// The sample cell of `role`: a small box in the role's colours, or a line for an edge role.
    static func sample(_ role: StyleRole) -> String {
        let id = "ID=\"\(id(for: role))\""
        if role.isEdgeRole {
            let look = role == .gradientEdge ? Style.gradientEdge(magnitude: 1e-1) : Style.attributes(for: role)
            let width = role == .gradientEdge || role == .nonFiniteGradient ? 3 : role == .detachEdge ? 2 : 1
            let dashed = role == .detachEdge || role == .zeroGradient ? " STYLE=\"dashed\"" : ""
            return "<TD \(id) SIDES=\"B\" BORDER=\"\(width)\" COLOR=\"\(text(look["color"]) ?? Style.Palette.dataEdge)\""
                + "\(dashed) WIDTH=\"30\" HEIGHT=\"10\"></TD>"
        }
        let look = Style.attributes(for: baseRoles(role))
        let fill = text(look["fillcolor"]) ?? "white"
        let border = text(look["color"]) ?? Style.Palette.border
        let ink = text(look["fontcolor"]) ?? Style.Palette.text
        var styles: [String] = []
        if text(look["style"])?.contains("rounded") ?? false { styles.append("rounded") }
        if text(look["style"])?.contains("dashed") ?? false { styles.append("dashed") }
        let style = styles.isEmpty ? "" : " STYLE=\"\(styles.joined(separator: ","))\""
        let thick =
            role == .backwardRoot || role == .noGradientLeaf || role == .savedInvalidated || role == .firstNonFinite
                || role == .loopBox ? 2 : 1
        return "<TD \(id) BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"\(thick)\"\(style) WIDTH=\"30\">"
            + "<FONT POINT-SIZE=\"7\" COLOR=\"\(ink)\">\(DOTEscape.html(sampleWord(role)))</FONT></TD>"
    }

    /// The caption cell of `role`.
    static func captionCell(_ role: StyleRole) -> String {
        "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"\(Style.Palette.text)\">"
            + "\(DOTEscape.html(caption(for: role)))</FONT></TD>"
    }

    /// The gradient colour scale's cells: `|grad|` beside a swatch per decade with its magnitude.
    static func scaleEntry() -> String {
        let cells = [-4, -2, 0, 2].map { exponent -> String in
            let color = Style.gradientColor(magnitude: pow10(exponent))
            return "<TD BGCOLOR=\"\(color)\" WIDTH=\"10\" HEIGHT=\"8\"></TD>"
                + "<TD><FONT POINT-SIZE=\"7\" COLOR=\"\(Style.Palette.text)\">1e\(exponent)</FONT></TD>"
        }
        return "<TD><FONT POINT-SIZE=\"7\" COLOR=\"\(Style.Palette.text)\">|grad|</FONT></TD><TD ALIGN=\"LEFT\">"
            + "<TABLE BORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"0\"><TR>" + cells.joined() + "</TR></TABLE></TD>"
    }

    /// The roles a node sample is drawn with (overlays go on top of a base look).
    static func baseRoles(_ role: StyleRole) -> [StyleRole] {
        switch role {
        case .detached: return [.intermediate, .detached]
        case .noGradientLeaf: return [.parameterLeaf, .noGradientLeaf]
        case .firstNonFinite: return [.op, .firstNonFinite]
        default: return [role]
        }
    }

    /// The word inside a node sample.
    static func sampleWord(_ role: StyleRole) -> String {
        switch role {
        case .parameterLeaf, .noGradientLeaf: return "w"
        case .otherLeaf: return "x"
        case .backwardRoot: return "loss"
        case .intermediate, .detached: return "h"
        case .op, .untrackedOp, .firstNonFinite: return "mul"
        case .accumulateGrad: return "acc"
        case .gradModeRegion: return "no_grad"
        case .moduleCall, .collapsedModule: return "fc1"
        case .loopBox: return "for ×n"
        case .passFrame: return "backward"
        case .foldedNode: return "×n"
        case .updatedTensor: return "updated ×n"
        case .tensorVersion: return "w · v1"
        case .savedRetained, .savedFreed, .savedInvalidated, .savedPacked: return "saved"
        case .dataEdge, .detachEdge, .gradientEdge, .zeroGradient, .nonFiniteGradient, .untraversedEdge: return ""
        }
    }

    /// The text of a `.text` value.
    private static func text(_ value: DOTValue?) -> String? {
        if case .text(let t) = value { return t }
        return nil
    }

    /// 10 raised to `exponent`.
    static func pow10(_ exponent: Int) -> Double {
        exponent >= 0
            ? (0..<exponent).reduce(1.0) { value, _ in value * 10 }
            : (0..<(-exponent)).reduce(1.0) { value, _ in value / 10 }
    }
}
