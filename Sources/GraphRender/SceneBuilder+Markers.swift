import GraphModel

/// Markers on the drawn pass: the op whose grad_fn first turned finite gradients into NaN or
/// Inf, and gradients whose size is suspicious (vanishing or exploding norms).
extension SceneBuilder {
    /// Below this (and above zero) a gradient's magnitude is marked vanishing.
    static let vanishingBelow = 1e-6
    /// Above this a gradient's magnitude is marked exploding.
    static let explodingAbove = 1e4

    /// Marks the op whose grad_fn was the first, in execution order, to send NaN while
    /// receiving none in pass `p`, and the same for Inf.
    mutating func markFirstNonFinite(_ p: BackwardRecord) {
        let kinds: [(word: String, bad: (GradSummary) -> Bool)] = [("NaN", { $0.nanCount > 0 }), ("Inf", { $0.infCount > 0 })]
        for (word, bad) in kinds {
            var receivesBad = Set<Int>()
            var sendsBad = Set<Int>()
            for e in p.edgeGradients where e.grad.map(bad) == true {
                receivesBad.insert(e.to)
                sendsBad.insert(e.from)
            }
            guard let first = p.executed.first(where: { sendsBad.contains($0) && !receivesBad.contains($0) }),
                let o = graph.nodes[first].op, let n = opNode[o]
            else { continue }
            scene.nodes[n].label = Style.addingLine(
                "<FONT POINT-SIZE=\"8.5\" COLOR=\"\(Style.Palette.errorText)\"><B>first \(word) made here</B></FONT>",
                plain: "first \(word) made here", to: scene.nodes[n].label)
            if !scene.nodes[n].roles.contains(.firstNonFinite) { scene.nodes[n].roles.append(.firstNonFinite) }
            scene.nodes[n].tooltip +=
                "\nin \(Describe.pass(p)) its grad_fn \(graph.nodes[first].name) was the first to send \(word) "
                + "while receiving none"
        }
    }

    /// The marker line of a gradient of `magnitude`, if it is vanishing or exploding.
    static func sizeMarker(magnitude: Double) -> String? {
        if magnitude > 0 && magnitude < vanishingBelow { return "▼ vanishing (< 1e-06)" }
        if magnitude > explodingAbove { return "▲ exploding (> 1e+04)" }
        return nil
    }
}
