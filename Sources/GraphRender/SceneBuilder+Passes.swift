import GraphModel

/// Backward passes in a picture: a frame around the ops each call ran, every included pass's
/// gradients in the edge tooltips, and the one pass `--show-grads` draws: its gradients on the
/// edges it traversed, each label naming the pass, and every other data edge dimmed.
extension SceneBuilder {
    /// The pass `--show-grads` draws: the chosen one, else the last one included.
    static func drawnPass(_ graph: Graph, options: RenderOptions, selection: GraphSelection) throws -> Int? {
        guard let p = options.pass else { return graph.backwardPasses.indices.last { selection.passIncluded[$0] } }
        let count = graph.backwardPasses.count
        guard graph.backwardPasses.indices.contains(p) else {
            throw RenderError(
                kind: .invalidOptions,
                message: count == 0
                    ? "--pass \(p): the script made no backward pass"
                    : "--pass \(p): the script made \(count) backward pass\(count == 1 ? "" : "es") (0…\(count - 1))")
        }
        guard selection.passIncluded[p] else {
            throw RenderError(
                kind: .invalidOptions,
                message: "--pass \(p): \(Describe.pass(graph.backwardPasses[p])) had not run by line \(options.at ?? 0) (--at)")
        }
        return p
    }

    /// Op → the first included backward call that ran its grad_fn, when at least two calls ran
    /// shown ops (a single one would only frame the whole picture). A frame holds only the ops
    /// its call ran: a branch cut off by `detach` stays outside it.
    static func passClusters(_ graph: Graph, selection: GraphSelection, shown: [Bool]) -> [Int?] {
        var claimed = [Bool](repeating: false, count: graph.nodes.count)
        var result = [Int?](repeating: nil, count: graph.ops.count)
        var claimants = Set<Int>()
        for p in graph.backwardPasses where selection.passIncluded[p.id] {
            for n in p.executed where !claimed[n] {
                claimed[n] = true
                guard let o = graph.nodes[n].op, o < shown.count, shown[o] else { continue }
                result[o] = p.id
                claimants.insert(p.id)
            }
        }
        return claimants.count >= 2 ? result : [Int?](repeating: nil, count: graph.ops.count)
    }

    /// Pass id → the included passes (in order) with a root whose op that pass's frame holds:
    /// one walk over the passes' roots, not one per frame.
    static func passesRooted(_ graph: Graph, selection: GraphSelection, passOfOp: [Int?]) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for q in graph.backwardPasses where selection.passIncluded[q.id] {
            var frames: [Int] = []
            for r in q.roots {
                if let p = graph.nodes[r].op.flatMap({ passOfOp[$0] }), !frames.contains(p) { frames.append(p) }
            }
            for p in frames { result[p, default: []].append(q.id) }
        }
        return result
    }

    /// The frame of the ops backward call `p` ran first, labelled with its pass and every
    /// included call rooted in it, `rooted` (`pass 1: backward at line 23`).
    func passCluster(_ p: Int, rooted: [Int]) -> ClusterSpec {
        let record = graph.backwardPasses[p]
        let calls = rooted.isEmpty ? [record] : rooted.map { graph.backwardPasses[$0] }
        let lines = calls.map { q in "\(q.line)" + (q.error != nil ? " (raised)" : "") }.joined(separator: ", ")
        let call = (record.kind == .grad ? "autograd.grad" : "backward") + " at line\(calls.count > 1 ? "s" : "") \(lines)"
        var tooltip = "the ops whose grad_fn \(Describe.pass(record)) ran"
        if calls.count > 1 {
            tooltip += "; passes " + calls.map { String($0.id) }.joined(separator: ", ") + " started from the same roots"
        }
        return ClusterSpec(
            isRegion: false, id: "cluster_pass_\(p)", label: SceneCluster.passLabel(passes: calls.map(\.id), call: call),
            tooltip: tooltip, foldKey: "P\(record.line)", passes: calls.map(\.id), call: call)
    }

    /// Adds pass `p`'s gradients to the tooltips of the edges they flowed along; when `draw`,
    /// also labels those edges (value and pass) and colours them by magnitude, and dims every
    /// other data edge: inputs that got no gradient in `p`, results of ops whose grad_fn `p`
    /// did not run.
    mutating func addGradients(_ p: BackwardRecord, draw: Bool) {
        var traversed = Set<Int>()
        for (k, e) in p.edgeGradients.enumerated() {
            guard let g = e.grad, let o = graph.nodes[e.from].op, e.index < inputEdges.count(of: o),
                let index = inputEdges[o, e.index]
            else { continue }
            scene.edges[index].tooltipParts.gradients.append(EdgeGradientText(source: textSource, pass: p.id, index: k))
            scene.edges[index].gradientMagnitudes.append(Describe.magnitude(g))
            guard draw else { continue }
            traversed.insert(index)
            let zero = Describe.isZero(g)
            scene.edges[index].roles = [g.hasNonFinite ? .nonFiniteGradient : zero ? .zeroGradient : .gradientEdge]
            let look = zero ? Style.attributes(for: .zeroGradient) : Style.gradientEdge(magnitude: Describe.magnitude(g))
            let marker = zero ? nil : SceneBuilder.sizeMarker(magnitude: Describe.magnitude(g))
            scene.edges[index].attributes = look.merging([
                "label": .text(Describe.gradientLabel(g) + "\n" + Describe.passLabel(p) + (marker.map { "\n" + $0 } ?? ""))
            ])
        }
        guard draw else { return }
        markFirstNonFinite(p)
        let ran = Set(p.executed)
        let note = "\nnot traversed by \(Describe.pass(p))"
        for o in graph.ops.indices {
            for i in inputEdges.drawn(of: o) where !traversed.contains(i) && scene.edges[i].kind == .data {
                scene.edges[i].roles.append(.untraversedEdge)
                scene.edges[i].tooltip += note
            }
            guard graph.ops.gradFn(of: o).map({ !ran.contains($0) }) ?? true else { continue }
            for i in outputEdges.drawn(of: o) {
                scene.edges[i].roles.append(.untraversedEdge)
                scene.edges[i].tooltip += note
            }
        }
    }

    /// The sentence at the top of a picture with `--show-grads`: which pass it draws.
    func drawnPassNote() -> String {
        guard let p = drawnPass else {
            return selection.line.map { "--show-grads: no backward pass had run by line \($0), so no gradients are drawn" }
                ?? "--show-grads: the script made no backward pass, so no gradients are drawn"
        }
        let count = includedPasses.count
        let record = graph.backwardPasses[p]
        var note = "gradients of \(Describe.pass(record))"
        if let e = record.error { note += ", which raised \(e.type)" }
        if count > 1 {
            let run = selection.line.map { " had run by line \($0)" } ?? ""
            note += " (passes 0–\(count - 1)\(run)); " + (options.pass == nil ? "the last one; " : "") + "--pass N draws another"
        }
        return note + "; dimmed edges: not traversed by it"
    }
}
