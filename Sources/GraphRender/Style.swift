import Glibc

/// Every visual role a GradScope picture can contain. Each has one look, defined in `Style`,
/// and one legend entry, defined in `Legend`; the order here is the legend's order (tensors,
/// ops and regions in one column, saved buffers and edges in the next).
package enum StyleRole: String, CaseIterable, Hashable, Sendable {
    /// A leaf tensor that requires grad (a parameter): filled light blue, like torchviz.
    case parameterLeaf
    /// A leaf requiring grad that received no gradient: marked (overlay on `parameterLeaf`).
    case noGradientLeaf
    /// A leaf tensor that does not require grad (input, constant): plain.
    case otherLeaf
    /// The tensor a backward call started from: green.
    case backwardRoot
    /// A non-leaf tensor: the output of an op.
    case intermediate
    /// A node in a detached subgraph (reaches no leaf requiring grad): faded (an overlay).
    case detached
    /// An op recorded by autograd: op name, grad_fn class, script line.
    case op
    /// A leaf's AccumulateGrad node (`--view backward`): the node adding gradients into `.grad`.
    case accumulateGrad
    /// An op autograd did not record (no grad_fn): greyed.
    case untrackedOp
    /// A no_grad / inference_mode / set_grad_enabled(False) region: dashed cluster.
    case gradModeRegion
    /// An `nn.Module` call: a solid cluster labelled with its path and class (`fc1: Linear(4→3)`).
    case moduleCall
    /// An `nn.Module` call drawn as one node (`--depth`), labelled like its cluster.
    case collapsedModule
    /// A loop's identical iterations drawn once: a bold cluster titled with the loop
    /// statement and how many iterations it stands for (`for step in range(20) ×20`).
    case loopBox
    /// The ops one backward call went through: a thin rounded frame in the roots' green.
    case passFrame
    /// Identical nodes drawn as one (a loop's iterations, a module's calls): a `×n` line.
    case foldedNode
    /// A tensor a loop changes in place, drawn once: an `updated ×n` line, its update an edge
    /// looping back to it.
    case updatedTensor
    /// A tensor after in-place changes: `· vN` after its shape.
    case tensorVersion
    /// The op whose grad_fn first sent NaN or Inf in the drawn pass: a red border (an overlay).
    case firstNonFinite
    /// A saved buffer backward still holds: solid.
    case savedRetained
    /// A saved buffer freed after backward: dashed, labelled freed.
    case savedFreed
    /// A saved buffer changed in place after it was saved: red, with both versions.
    case savedInvalidated
    /// A saved buffer a saved-tensor hook packed (the node holds what the hook returned, not
    /// the tensor): teal, its size left out.
    case savedPacked
    /// An ordinary forward data-flow edge.
    case dataEdge
    /// The `detach` boundary: a distinct edge from the source tensor, labelled with its line.
    case detachEdge
    /// A gradient on an edge, coloured (and thickened) by its magnitude.
    case gradientEdge
    /// A gradient that is exactly zero everywhere: dashed grey, labelled `0`.
    case zeroGradient
    /// A gradient containing NaN or Inf: red.
    case nonFiniteGradient
    /// A data edge the backward pass whose gradients are drawn did not traverse: dimmed.
    case untraversedEdge

    /// Whether the role styles edges (as opposed to nodes or clusters).
    package var isEdgeRole: Bool {
        switch self {
        case .dataEdge, .detachEdge, .gradientEdge, .zeroGradient, .nonFiniteGradient, .untraversedEdge: return true
        default: return false
        }
    }
}

/// What happened to a saved buffer: still held, freed after backward, invalidated because its
/// tensor was modified in place after being saved, or packed by a saved-tensor hook.
package enum SavedBufferState: Equatable, Sendable {
    /// Backward still holds the buffer (no backward yet, or `retain_graph=True`).
    case retained
    /// Freed after a backward without `retain_graph`.
    case freed
    /// Saved at `savedVersion`, but the tensor's version counter is now `currentVersion`.
    case invalidated(savedVersion: Int, currentVersion: Int)
    /// Packed by a saved-tensor hook: the node holds what the pack hook returned, never the
    /// tensor (whether backward has freed that yet is in the label).
    case packed

    /// The style role drawing a buffer in this state.
    package var role: StyleRole {
        switch self {
        case .retained: return .savedRetained
        case .freed: return .savedFreed
        case .invalidated: return .savedInvalidated
        case .packed: return .savedPacked
        }
    }
}

/// GradScope's visual vocabulary: the one place that decides colours, shapes, fonts and label
/// layout. The DOT writer and the legend read everything visual from here.
package enum Style {
    /// The font for all text; DejaVu Sans ships with Debian's fontconfig and Graphviz's cairo
    /// and SVG output both find it by this name.
    package static let fontName = "DejaVu Sans"

    /// Colours, by meaning.
    package enum Palette {
        package static let text = "#222222"
        package static let secondaryText = "#555555"
        package static let faintText = "#6b6b6b"
        package static let border = "#4d4d4d"
        package static let parameterFill = "#cfe5fb"
        package static let parameterBorder = "#2f6fb5"
        package static let rootFill = "#cdeccb"
        package static let rootBorder = "#2e7d32"
        package static let opFill = "#efefef"
        package static let untrackedText = "#707070"
        package static let untrackedBorder = "#8c8c8c"
        package static let regionFill = "#f7f7f7"
        package static let regionBorder = "#8a8a8a"
        package static let moduleFill = "#f4f1fa"
        package static let moduleBorder = "#6a5896"
        package static let loopBorder = "#3d5a80"
        package static let detachedText = "#707070"
        /// Dashed, and like every border 3:1 on white and on the cluster fills.
        package static let detachedBorder = "#888888"
        package static let detachedFill = "#fafafa"
        package static let detach = "#c96e00"
        /// The detach label's text: the detach orange darkened to 4.5:1 on every fill it sits on.
        package static let detachText = "#a85600"
        package static let savedFill = "#fde8c8"
        package static let savedBorder = "#c47300"
        package static let freed = "#8c8c8c"
        package static let packedFill = "#dff1f4"
        package static let packedBorder = "#1f7a8c"
        package static let error = "#d62728"
        /// Red text, 4.5:1 even on `errorFill`.
        package static let errorText = "#b01e1f"
        package static let errorFill = "#fde2e2"
        package static let warning = "#e6550d"
        /// Warning text (`grad is None`), 4.5:1 even on `parameterFill`.
        package static let warningText = "#a33a06"
        package static let dataEdge = "#6e6e6e"
        /// Edges the drawn backward pass did not traverse: lighter than data edges, still 3:1 on
        /// white and on the cluster fills.
        package static let untraversed = "#888888"
        /// Exactly-zero gradients: a grey 3:1 on white and on the cluster fills (drawn dashed).
        package static let zeroGradient = "#8a8a8a"
        /// The frame around the ops of one backward pass: the roots' green lightened, 3:1 on white.
        package static let passFrame = "#559a58"
        /// The gradient ramp, from the smallest to the largest magnitude: even the lightest blue
        /// reaches 3:1 on white (3.45:1) and on the cluster fills.
        package static let gradientRamp = ["#5a8ec2", "#3a73ab", "#1d4f86", "#123d70", "#08306b"]
        /// The gradient labels' text, from the smallest to the largest magnitude: the ramp
        /// darkened so that every label reaches 4.5:1 on white and on the cluster fills.
        package static let gradientTextRamp = ["#2b6698", "#245c90", "#1d4f86", "#123d70", "#08306b"]
    }

    /// Defaults for the whole graph: font, spacing, margins, white background.
    package static let graph: DOTAttributes = [
        "fontname": .text(fontName), "fontsize": "11", "fontcolor": .text(Palette.text),
        "bgcolor": "white", "pad": "0.25", "nodesep": "0.35", "ranksep": "0.45",
        "newrank": "true"
    ]

    /// Defaults for every node.
    package static let node: DOTAttributes = [
        "fontname": .text(fontName), "fontsize": "10", "fontcolor": .text(Palette.text),
        "color": .text(Palette.border), "penwidth": "1.2", "margin": "0.12,0.06", "height": "0.3"
    ]

    /// Defaults for every edge.
    package static let edge: DOTAttributes = [
        "fontname": .text(fontName), "fontsize": "9", "color": .text(Palette.dataEdge),
        "arrowsize": "0.7", "penwidth": "1.1"
    ]

    /// The attributes of `role`: for node roles a complete look, for `detached` and
    /// `noGradientLeaf` an overlay meant to be applied on top of a node's base role.
    package static func attributes(for role: StyleRole) -> DOTAttributes {
        switch role {
        case .parameterLeaf:
            return [
                "shape": "box", "style": "rounded,filled", "fillcolor": .text(Palette.parameterFill),
                "color": .text(Palette.parameterBorder), "class": "tensor leaf parameter"
            ]
        case .otherLeaf:
            return [
                "shape": "box", "style": "rounded,filled", "fillcolor": "white",
                "class": "tensor leaf"
            ]
        case .backwardRoot:
            return [
                "shape": "box", "style": "rounded,filled", "fillcolor": .text(Palette.rootFill),
                "color": .text(Palette.rootBorder), "penwidth": "2", "class": "tensor root"
            ]
        case .intermediate:
            return [
                "shape": "box", "style": "rounded,filled", "fillcolor": "white",
                "color": .text(Palette.secondaryText), "class": "tensor"
            ]
        case .op:
            return [
                "shape": "box", "style": "filled", "fillcolor": .text(Palette.opFill),
                "class": "op"
            ]
        case .accumulateGrad:
            return [
                "shape": "box", "style": "filled", "fillcolor": .text(Palette.opFill),
                "color": .text(Palette.parameterBorder), "class": "op accumulate"
            ]
        case .untrackedOp:
            return [
                "shape": "box", "style": "filled", "fillcolor": "white",
                "color": .text(Palette.untrackedBorder), "fontcolor": .text(Palette.untrackedText),
                "class": "op untracked"
            ]
        case .gradModeRegion:
            return [
                "style": "dashed,rounded,filled", "fillcolor": .text(Palette.regionFill),
                "color": .text(Palette.regionBorder), "fontcolor": .text(Palette.secondaryText),
                "fontsize": "10", "labeljust": "l", "labelloc": "t", "peripheries": "1", "margin": "10",
                "class": "region"
            ]
        case .moduleCall:
            return [
                "style": "rounded,filled", "fillcolor": .text(Palette.moduleFill),
                "color": .text(Palette.moduleBorder), "fontcolor": .text(Palette.moduleBorder),
                "fontsize": "10", "labeljust": "l", "labelloc": "t", "peripheries": "1", "margin": "10",
                "class": "module"
            ]
        case .loopBox:
            return [
                "style": "bold,rounded", "color": .text(Palette.loopBorder), "fontcolor": .text(Palette.loopBorder),
                "fontsize": "11", "labeljust": "l", "labelloc": "t", "peripheries": "1", "margin": "12",
                "class": "loop"
            ]
        case .passFrame:
            return [
                "style": "rounded", "color": .text(Palette.passFrame), "fontcolor": .text(Palette.rootBorder),
                "fontsize": "10", "labeljust": "l", "labelloc": "t", "peripheries": "1", "margin": "10", "class": "pass"
            ]
        case .foldedNode: return ["class": "folded"]
        case .updatedTensor: return ["class": "updated"]
        case .tensorVersion: return ["class": "versioned"]
        case .collapsedModule:
            return [
                "shape": "box3d", "style": "filled", "fillcolor": .text(Palette.moduleFill),
                "color": .text(Palette.moduleBorder), "class": "module collapsed"
            ]
        case .detached:
            return [
                "color": .text(Palette.detachedBorder), "fontcolor": .text(Palette.detachedText),
                "fillcolor": .text(Palette.detachedFill), "class": "detached"
            ]
        case .dataEdge:
            return ["class": "data"]
        case .detachEdge:
            return [
                "color": .text(Palette.detach), "fontcolor": .text(Palette.detachText), "style": "dashed",
                "penwidth": "1.8", "arrowhead": "tee", "class": "detach"
            ]
        case .savedRetained:
            return [
                "shape": "note", "style": "filled", "fillcolor": .text(Palette.savedFill),
                "color": .text(Palette.savedBorder), "fontsize": "8", "margin": "0.08,0.03",
                "class": "saved retained"
            ]
        case .savedFreed:
            return [
                "shape": "note", "style": "dashed,filled", "fillcolor": "white",
                "color": .text(Palette.freed), "fontcolor": .text(Palette.faintText), "fontsize": "8",
                "margin": "0.08,0.03", "class": "saved freed"
            ]
        case .savedInvalidated:
            return [
                "shape": "note", "style": "filled", "fillcolor": .text(Palette.errorFill),
                "color": .text(Palette.error), "fontcolor": .text(Palette.errorText), "penwidth": "2",
                "fontsize": "8", "margin": "0.08,0.03", "class": "saved invalidated"
            ]
        case .savedPacked:
            return [
                "shape": "note", "style": "filled", "fillcolor": .text(Palette.packedFill),
                "color": .text(Palette.packedBorder), "fontsize": "8", "margin": "0.08,0.03",
                "class": "saved packed"
            ]
        case .gradientEdge:
            return gradientEdge(magnitude: 1)
        case .zeroGradient:
            return [
                "color": .text(Palette.zeroGradient), "fontcolor": .text(Palette.faintText), "style": "dashed",
                "penwidth": "1.2", "class": "gradient zero"
            ]
        case .nonFiniteGradient:
            return [
                "color": .text(Palette.error), "fontcolor": .text(Palette.errorText), "penwidth": "2.5",
                "style": "bold", "class": "gradient nonfinite"
            ]
        case .untraversedEdge:
            return [
                "color": .text(Palette.untraversed), "fontcolor": .text(Palette.faintText), "penwidth": "0.8",
                "arrowsize": "0.5", "class": "data untraversed"
            ]
        case .firstNonFinite:
            return ["color": .text(Palette.error), "penwidth": "2.5", "class": "op firstnonfinite"]
        case .noGradientLeaf:
            return [
                "color": .text(Palette.warning), "penwidth": "2", "peripheries": "2",
                "class": "tensor leaf parameter nograd"
            ]
        }
    }

    /// The attributes of a node or edge drawn with several roles, later ones on top
    /// (e.g. `[.parameterLeaf, .noGradientLeaf]`, `[.intermediate, .detached]`).
    /// A detached node keeps its base shape and gets a dashed border.
    package static func attributes(for roles: [StyleRole]) -> DOTAttributes {
        let look = roles.reduce(DOTAttributes()) { $0.merging(attributes(for: $1)) }
        guard roles.contains(.detached), case .text(let style)? = look["style"] else { return look }
        return look.merging(["style": .text("dashed," + style)])
    }

    /// The edge from a saved buffer to the op node that saved it.
    package static func savedBufferEdge(_ state: SavedBufferState) -> DOTAttributes {
        let color: String
        switch state {
        case .retained: color = Palette.savedBorder
        case .freed: color = Palette.freed
        case .invalidated: color = Palette.error
        case .packed: color = Palette.packedBorder
        }
        return [
            "color": .text(color), "style": "dotted", "arrowhead": "none", "penwidth": "1.2",
            "class": "saved"
        ]
    }

    // MARK: Gradient magnitude

    /// The magnitudes at the ends of the gradient ramp: at or below the first, the lightest
    /// colour; at or above the second, the darkest.
    package static let gradientScale: (low: Double, high: Double) = (1e-4, 1e2)

    /// Where `magnitude` falls on the gradient ramp, from 0 (≤ 1e-4 or zero) to 1 (≥ 1e2),
    /// logarithmically; nil for NaN or infinity.
    package static func gradientPosition(magnitude: Double) -> Double? {
        guard magnitude.isFinite else { return nil }
        let size = abs(magnitude)
        guard size > gradientScale.low else { return 0 }
        let low = log10(gradientScale.low)
        let high = log10(gradientScale.high)
        return min(1, (log10(size) - low) / (high - low))
    }

    /// The colour for a gradient of `magnitude` (a norm or absolute value): light blue for
    /// tiny gradients through dark blue for large ones; red for NaN or infinity.
    package static func gradientColor(magnitude: Double) -> String {
        guard let position = gradientPosition(magnitude: magnitude) else { return Palette.error }
        return interpolate(Palette.gradientRamp, at: position)
    }

    /// The attributes of an edge carrying a gradient of `magnitude`: its colour and a width
    /// growing with the magnitude; NaN/Inf gradients get `nonFiniteGradient`'s red.
    package static func gradientEdge(magnitude: Double) -> DOTAttributes {
        guard let position = gradientPosition(magnitude: magnitude) else {
            return attributes(for: .nonFiniteGradient)
        }
        let color = interpolate(Palette.gradientRamp, at: position)
        let width = 1.2 + 2.3 * position
        return [
            "color": .text(color), "fontcolor": .text(interpolate(Palette.gradientTextRamp, at: position)),
            "penwidth": .text(formatted(width)), "class": "gradient"
        ]
    }

    // MARK: Labels

    /// A tensor's label: its name (bold) over its shape and details, e.g. `w` / `(3, 4) float32`,
    /// plus a `grad is None` line for a leaf that got no gradient.
    package static func tensorLabel(name: String, detail: String?, noGradient: Bool = false) -> DOTValue {
        var lines = ["<B>\(DOTEscape.html(name))</B>"]
        if let detail, !detail.isEmpty {
            lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map {
                "<FONT POINT-SIZE=\"8.5\">\(DOTEscape.html(String($0)))</FONT>"
            }
        }
        if noGradient { lines.append("<FONT POINT-SIZE=\"8.5\" COLOR=\"\(Palette.warningText)\">grad is None</FONT>") }
        return stackedLabel(lines)
    }

    /// An op's label: the forward op (bold), its grad_fn class (or `no grad_fn`), the script line.
    package static func opLabel(op: String, gradFn: String?, line: Int?) -> DOTValue {
        var lines = [
            "<B>\(DOTEscape.html(op))</B>", "<FONT POINT-SIZE=\"8.5\">\(DOTEscape.html(gradFn ?? "no grad_fn"))</FONT>"
        ]
        if let line { lines.append("<FONT POINT-SIZE=\"8\">line \(line)</FONT>") }
        return stackedLabel(lines)
    }

    /// A collapsed module call's label: `fc1: Linear(4→3)` over its path and line.
    package static func moduleLabel(title: String, path: String, line: Int?) -> DOTValue {
        var lines = ["<B>\(DOTEscape.html(title))</B>", "<FONT POINT-SIZE=\"8.5\">\(DOTEscape.html(path))</FONT>"]
        if let line { lines.append("<FONT POINT-SIZE=\"8\">line \(line)</FONT>") }
        return stackedLabel(lines)
    }

    /// An HTML-like label of `lines` (HTML fragments), one table row each. Each row is as tall
    /// as its own text, descenders included: with `<BR/>` Graphviz spaces a line by its own font
    /// size only, and in PNG the underscore of a bold `sub_` touches the smaller line below.
    package static func stackedLabel(_ lines: [String]) -> DOTValue {
        .html(stackOpen + lines.map(row).joined() + stackClose)
    }

    /// `label` with `line` (an HTML fragment) added below: a row of a `stackedLabel`, or a
    /// line of a text label.
    package static func addingLine(_ line: String, plain: String, to label: DOTValue) -> DOTValue {
        switch label {
        case .html(let html) where html.hasPrefix(stackOpen) && html.hasSuffix(stackClose):
            return .html(String(html.dropLast(stackClose.count)) + row(line) + stackClose)
        case .html(let html):
            return .html(html + "<BR/>" + line)
        case .text(let text):
            return .text(text + "\n" + plain)
        }
    }

    private static let stackOpen = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
    private static let stackClose = "</TABLE>"
    private static func row(_ line: String) -> String { "<TR><TD>" + line + "</TD></TR>" }

    /// A grad-mode region's cluster label: `no_grad · lines 3–5` (or `line 3`).
    package static func regionLabel(kind: String, lines: ClosedRange<Int>) -> DOTValue {
        .text("\(kind) · \(lineText(lines))")
    }

    /// The detach edge's label: `detach · line 5`.
    package static func detachLabel(line: Int?) -> DOTValue {
        .text(line.map { "detach · line \($0)" } ?? "detach")
    }

    /// A saved buffer's label: name, shape and size, version, and its state
    /// (`freed`, `saved v0 · now v1` when invalidated, `packed by hook`).
    package static func savedLabel(name: String, detail: String, state: SavedBufferState) -> DOTValue {
        var lines = ["saved \(name)", detail]
        switch state {
        case .retained: break
        case .freed: lines.append("freed")
        case .invalidated(let saved, let current): lines.append("saved v\(saved) · now v\(current)")
        case .packed: lines.append("packed by hook")
        }
        return .text(lines.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// `line 3` or `lines 3–5`.
    static func lineText(_ lines: ClosedRange<Int>) -> String {
        lines.lowerBound == lines.upperBound
            ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)–\(lines.upperBound)"
    }

    // MARK: Helpers

    /// The colour at `position` (0…1) along `stops` (`#rrggbb` colours), linearly in RGB.
    static func interpolate(_ stops: [String], at position: Double) -> String {
        let colors = stops.compactMap(rgb)
        guard let first = colors.first, let last = colors.last else { return Palette.dataEdge }
        guard colors.count > 1 else { return hex(first) }
        let scaled = max(0, min(1, position)) * Double(colors.count - 1)
        let index = min(Int(scaled), colors.count - 2)
        let t = scaled - Double(index)
        let (a, b) = (colors[index], colors[index + 1])
        let mixed = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
        return position >= 1 ? hex(last) : hex(mixed)
    }

    /// The components (0…255) of a `#rrggbb` colour.
    static func rgb(_ color: String) -> (Double, Double, Double)? {
        let digits = color.dropFirst()
        guard color.first == "#", digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
    }

    /// `#rrggbb` for components in 0…255.
    static func hex(_ color: (Double, Double, Double)) -> String {
        let parts = [color.0, color.1, color.2].map { component -> String in
            let byte = Int(max(0, min(255, component.rounded())))
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + parts.joined()
    }

    /// `value` with at most two decimals and no trailing zeros (`1.2`, `3.5`, `2`).
    static func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Style {
    /// The HTML viewer's gradient ramp: the picture's blues darkened so that the lightest still
    /// has at least 3:1 contrast on white (3.45:1), light for small gradients, dark for large.
    package static let viewerGradientRamp = ["#5a8ec2", "#3a73ab", "#1d4f86", "#123d70", "#08306b"]

    /// The viewer's colour for a gradient of `magnitude` (red for NaN or infinity).
    package static func viewerGradientColor(magnitude: Double) -> String {
        guard let position = gradientPosition(magnitude: magnitude) else { return Palette.error }
        return interpolate(viewerGradientRamp, at: position)
    }
}
