/// The legend of a picture: a `cluster_legend` subgraph with one entry per style role the
/// picture uses, and no others, so a legend never explains what is not on the page.
///
/// Entries are stacked top to bottom in `StyleRole.allCases` order, in two columns: tensors, ops
/// and regions; then saved buffers and edges (this assumes the default top-to-bottom `rankdir`).
/// Node roles show a sample node; edge roles show a short sample edge with its explanation; the
/// region role shows a small dashed cluster. Every entry carries the SVG id `legend_<role>` and
/// the classes `legend <role>`.
public enum Legend {
    /// The roles of `roles` in legend order.
    public static func entries(for roles: Set<StyleRole>) -> [StyleRole] {
        StyleRole.allCases.filter(roles.contains)
    }

    /// The DOT id of the legend element for `role` (node, edge or cluster).
    public static func id(for role: StyleRole) -> String { "legend_\(role.rawValue)" }

    /// A `subgraph cluster_legend { … }` statement listing exactly `roles`, or `""` when `roles`
    /// is empty. Insert it into a digraph's body.
    public static func dot(for roles: Set<StyleRole>) -> String {
        let ordered = entries(for: roles)
        guard !ordered.isEmpty else { return "" }
        let frame: DOTAttributes = [
            "label": "Legend", "style": "rounded", "color": "#c8c8c8", "fontsize": "10",
            "fontcolor": .text(Style.Palette.secondaryText), "labeljust": "l", "margin": "10",
            "id": "legend", "class": "legend"
        ]
        var lines = ["subgraph \"cluster_legend\" {", "  \(frame.statements)"]
        let columns = [
            (heading: "Tensors and ops", roles: ordered.filter { !Legend.isInSecondColumn($0) }),
            (heading: "Saved buffers and edges", roles: ordered.filter(Legend.isInSecondColumn))
        ].filter { !$0.roles.isEmpty }
        var headings: [String] = []
        for (index, column) in columns.enumerated() {
            // A heading per column; a flat invisible edge between headings keeps the columns
            // in this order from left to right.
            let heading = "legend_heading_\(index)"
            let headingLook: DOTAttributes = [
                "shape": "plaintext", "label": .text(column.heading), "fontsize": "9",
                "fontcolor": .text(Style.Palette.faintText), "height": "0.2"
            ]
            lines.append("  \(DOTEscape.identifier(heading)) \(headingLook.dot);")
            headings.append(heading)
            var previousAnchor = heading
            for role in column.roles {
                let entry = Entry(role: role)
                lines += entry.statements.map { "  " + $0 }
                lines.append(
                    "  \(DOTEscape.identifier(previousAnchor)) -> \(DOTEscape.identifier(entry.topAnchor)) [style=\"invis\"];")
                previousAnchor = entry.bottomAnchor
            }
        }
        if headings.count == 2 {
            let ids = headings.map(DOTEscape.identifier)
            lines.append("  { rank=\"same\"; \(ids[0]); \(ids[1]); }")
            lines.append("  \(ids[0]) -> \(ids[1]) [style=\"invis\", minlen=\"3\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// Whether `role` belongs to the second legend column (saved buffers and edges).
    static func isInSecondColumn(_ role: StyleRole) -> Bool {
        switch role {
        case .savedRetained, .savedFreed, .savedInvalidated: return true
        default: return role.isEdgeRole
        }
    }

    /// The DOT statements of one legend entry and the nodes that chain it to its neighbours.
    private struct Entry {
        let statements: [String]
        let topAnchor: String
        let bottomAnchor: String

        init(role: StyleRole) {
            let id = Legend.id(for: role)
            let legendClass: DOTAttributes = ["id": .text(id), "class": .text("legend \(role.rawValue)")]
            if role.isEdgeRole {
                (statements, topAnchor, bottomAnchor) = Entry.edge(role: role, id: id, tag: legendClass)
            } else if role == .gradModeRegion || role == .moduleCall {
                let inner = id + "_sample"
                let title: DOTValue = role == .moduleCall ? "module: Class(sizes)" : "grad-off region · its lines"
                let cluster = Style.attributes(for: role)
                    .merging(["label": title])
                    .merging(legendClass)
                let sample: DOTAttributes = [
                    "shape": "plaintext",
                    "label": role == .moduleCall ? "ops one module call ran" : "ops here record no grad_fn",
                    "fontsize": "9", "fontcolor": .text(Style.Palette.secondaryText)
                ]
                statements = [
                    "subgraph \(DOTEscape.identifier("cluster_" + id)) {",
                    "  \(cluster.statements)",
                    "  \(DOTEscape.identifier(inner)) \(sample.dot);",
                    "}"
                ]
                (topAnchor, bottomAnchor) = (inner, inner)
            } else {
                let attributes = Style.attributes(for: Entry.baseRoles(role))
                    .merging(["label": Entry.sampleLabel(role)])
                    .merging(legendClass)
                statements = ["\(DOTEscape.identifier(id)) \(attributes.dot);"]
                (topAnchor, bottomAnchor) = (id, id)
            }
        }

        /// The roles a node sample is drawn with (overlays go on top of a base look).
        static func baseRoles(_ role: StyleRole) -> [StyleRole] {
            switch role {
            case .detached: return [.intermediate, .detached]
            case .noGradientLeaf: return [.parameterLeaf, .noGradientLeaf]
            default: return [role]
            }
        }

        /// The explanatory label of a node sample.
        static func sampleLabel(_ role: StyleRole) -> DOTValue {
            switch role {
            case .parameterLeaf: return Style.tensorLabel(name: "parameter", detail: "leaf, requires grad")
            case .otherLeaf: return Style.tensorLabel(name: "input / constant", detail: "leaf, no grad")
            case .backwardRoot: return Style.tensorLabel(name: "backward root", detail: "where backward() started")
            case .intermediate: return Style.tensorLabel(name: "tensor", detail: "output of an op")
            case .op: return Style.opLabel(op: "op", gradFn: "grad_fn class", line: nil)
            case .untrackedOp: return Style.opLabel(op: "op", gradFn: nil, line: nil)
            case .detached: return Style.tensorLabel(name: "detached branch", detail: "reaches no parameter")
            case .noGradientLeaf:
                return Style.tensorLabel(name: "parameter", detail: "no gradient reached it", noGradient: true)
            case .savedRetained: return Style.savedLabel(name: "buffer", detail: "kept for backward", state: .retained)
            case .savedFreed: return Style.savedLabel(name: "buffer", detail: "after backward", state: .freed)
            case .savedInvalidated:
                return Style.savedLabel(
                    name: "buffer", detail: "modified in place", state: .invalidated(savedVersion: 0, currentVersion: 1))
            case .collapsedModule: return Style.moduleLabel(title: "fc1: Linear(4→3)", path: "a module call (--depth)", line: nil)
            case .gradModeRegion, .moduleCall, .dataEdge, .detachEdge, .gradientEdge, .nonFiniteGradient,
                .untraversedEdge:
                return .text(role.rawValue)
            }
        }

        /// A sample edge between two invisible points on one rank, labelled with its meaning;
        /// the gradient entry adds a colour scale below it.
        static func edge(role: StyleRole, id: String, tag: DOTAttributes) -> ([String], String, String) {
            let (from, to) = (id + "_from", id + "_to")
            let point: DOTAttributes = ["shape": "point", "style": "invis", "width": "0.01"]
            let text: String
            switch role {
            case .detachEdge: text = "detach · line n (graph cut)"
            case .gradientEdge: text = "gradient, pass (colour, width: |grad|)"
            case .nonFiniteGradient: text = "gradient with NaN / Inf"
            case .untraversedEdge: text = "not traversed by the pass drawn"
            default: text = "data flow"
            }
            let look = (role == .gradientEdge ? Style.gradientEdge(magnitude: 1e-1) : Style.attributes(for: role))
                .merging(["label": .text(text), "minlen": "2"])
                .merging(tag)
            var statements = [
                "\(DOTEscape.identifier(from)) \(point.dot);",
                "\(DOTEscape.identifier(to)) \(point.dot);",
                "{ rank=\"same\"; \(DOTEscape.identifier(from)); \(DOTEscape.identifier(to)); }",
                "\(DOTEscape.identifier(from)) -> \(DOTEscape.identifier(to)) \(look.dot);"
            ]
            guard role == .gradientEdge else { return (statements, from, from) }
            let scale = id + "_scale"
            statements.append("\(DOTEscape.identifier(scale)) \(gradientScaleNode().dot);")
            statements.append("\(DOTEscape.identifier(from)) -> \(DOTEscape.identifier(scale)) [style=\"invis\"];")
            return (statements, from, scale)
        }

        /// A plaintext node showing the gradient ramp with its magnitudes: 1e-4 … 1e2.
        static func gradientScaleNode() -> DOTAttributes {
            let exponents = [-4, -2, 0, 2]
            let cells = exponents.map { exponent -> String in
                let color = Style.gradientColor(magnitude: pow10(exponent))
                let textColor = exponent >= 0 ? "white" : Style.Palette.text
                return "<TD BGCOLOR=\"\(color)\" WIDTH=\"34\"><FONT COLOR=\"\(textColor)\">1e\(exponent)</FONT></TD>"
            }
            let table =
                "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR>"
                + cells.joined() + "</TR></TABLE>"
            return ["shape": "plaintext", "fontsize": "8", "margin": "0", "label": .html(table)]
        }

        /// 10 raised to `exponent`.
        static func pow10(_ exponent: Int) -> Double {
            exponent >= 0
                ? (0..<exponent).reduce(1.0) { value, _ in value * 10 }
                : (0..<(-exponent)).reduce(1.0) { value, _ in value / 10 }
        }
    }
}
