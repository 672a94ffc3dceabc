import GraphModel

/// `--pass all`: small multiples, one frame per backward pass in call order, each titled with
/// its pass and the line of its call and holding only the ops that pass ran (with their inputs,
/// results and saved buffers), with that pass's gradients when `showGrads` is set.
///
/// Each frame is built like a one-pass picture (`pass` = that pass, the backward view) and cut to
/// what the pass ran; node, edge and cluster ids get the prefix `p<N>_` so frames never share an
/// element. Over the node budget the most recent passes are drawn and the picture says which
/// were left out.
extension DOTWriter {
    /// The frames of every included backward pass as one scene.
    ///
    /// - Throws: `RenderError` of kind `.invalidOptions` when no backward pass is included.
    func smallMultiplesScene() throws -> Scene {
        let selection = GraphSelection(graph: graph, at: options.at, view: .backward, pass: nil)
        let passes = graph.backwardPasses.indices.filter { selection.passIncluded[$0] }
        guard !passes.isEmpty else {
            let when = options.at.map { "had run by line \($0)" } ?? "ran"
            throw RenderError(
                kind: .invalidOptions,
                message: "--pass all: no backward pass \(when), so there is no pass to draw a frame for "
                    + "(render without --pass to draw the forward graph)")
        }
        var frames: [(pass: Int, scene: Scene)] = []
        var total = 0
        for p in passes.reversed() {
            var frameOptions = options
            frameOptions.pass = p
            frameOptions.view = .backward
            var builder = try SceneBuilder(graph: graph, options: frameOptions)
            var scene = builder.build().keepingWhatRan(graph.backwardPasses[p], in: graph)
            if let depth = options.depth { scene = scene.collapsingModules(atDepth: max(0, depth), in: graph) }
            if !frames.isEmpty && total + scene.nodes.count > max(1, options.maxNodes) { break }
            total += scene.nodes.count
            frames.insert((p, scene), at: 0)
        }
        var combined = Scene()
        for (p, scene) in frames { combined.append(scene, framedAs: frame(of: graph.backwardPasses[p]), prefix: "p\(p)_") }
        var notes = [
            "--pass all: each backward pass in a frame of its own, holding only the ops it ran"
                + (options.showGrads ? ", with its gradients" : "")
        ]
        if let first = frames.first?.pass, first > passes[0] {
            let left = first - 1 > passes[0] ? "passes \(passes[0])–\(first - 1)" : "pass \(passes[0])"
            notes.append("\(left) left out to stay within --max-nodes \(options.maxNodes)")
        }
        combined.notes = notes + (frames.last?.scene.notes ?? [])
        return combined
    }

    /// The frame of pass `p`: `pass 1: backward at line 23`.
    func frame(of p: BackwardRecord) -> SceneCluster {
        let call =
            (p.kind == .grad ? "autograd.grad" : "backward") + " at line \(p.line)"
            + (p.error.map { " (raised \($0.type))" } ?? "")
        return SceneCluster(
            id: "cluster_pass_\(p.id)", label: SceneCluster.passLabel(passes: [p.id], call: call), isRegion: false,
            tooltip: "the ops whose grad_fn \(Describe.pass(p)) ran", foldKey: "P\(p.id)", passes: [p.id], call: call)
    }
}

extension Scene {
    /// The part of the scene backward pass `p` ran: the ops whose grad_fn it executed, the
    /// tensors flowing into and out of them, and their saved buffers.
    func keepingWhatRan(_ p: BackwardRecord, in graph: Graph) -> Scene {
        let executed = Set(p.executed)
        let ran = nodes.map { n in
            n.subjects.contains { s in
                switch s {
                case .op(let o), .saved(let o, _): return graph.ops[o].gradFn.map(executed.contains) ?? false
                case .tensor, .module: return false
                }
            }
        }
        var keep = ran
        for e in edges where e.kind == .data {
            if ran[e.to] { keep[e.from] = true }
            if ran[e.from] { keep[e.to] = true }
        }
        return keeping(keep)
    }

    /// Appends `other` inside a new top-level cluster `frame`, prefixing every id with `prefix`.
    mutating func append(_ other: Scene, framedAs frame: SceneCluster, prefix: String) {
        let frameIndex = clusters.count
        clusters.append(frame)
        let (nodeOffset, clusterOffset) = (nodes.count, clusters.count)
        for var c in other.clusters {
            c.id = "cluster_" + prefix + c.id.dropFirst("cluster_".count)
            c.parent = c.parent.map { $0 + clusterOffset } ?? frameIndex
            clusters.append(c)
        }
        for var n in other.nodes {
            n.id = prefix + n.id
            n.cluster = n.cluster.map { $0 + clusterOffset } ?? frameIndex
            nodes.append(n)
        }
        for var e in other.edges {
            e.writtenID = prefix + other.id(of: e)
            e.from += nodeOffset
            e.to += nodeOffset
            edges.append(e)
        }
    }
}
