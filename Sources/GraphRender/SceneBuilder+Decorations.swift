import GraphModel

/// Clusters, saved buffers, gradients and notes: what `SceneBuilder` adds around the data flow.
extension SceneBuilder {
    mutating func decorate() {
        if options.view == .backward { addAccumulateGradNodes() }
        if options.showSaved { addSavedBuffers() }
        let draw = options.showGrads && options.view != .forward
        if inputGradients == nil {
            for p in includedPasses { addGradients(graph.backwardPasses[p], draw: draw && p == drawnPass) }
        }
        if options.showGrads && !options.everyPass { scene.notes.append(drawnPassNote()) }
        if let e = graph.error, selection.line.map({ e.line <= $0 }) ?? true {
            scene.notes.append("the script raised \(e.type) at line \(e.line): \(e.message)")
        }
        if let line = selection.line { scene.notes.append("the graph as it stood after line \(line) ran (the first time)") }
    }

    // MARK: Clusters

    /// The scene cluster for `spec`, created on first use (inside cluster `parent`).
    mutating func cluster(_ spec: ClusterSpec, parent: Int? = nil) -> Int {
        if let i = clusterIndex[spec.id] { return i }
        scene.clusters.append(
            SceneCluster(
                id: spec.id, label: spec.label, isRegion: spec.isRegion, tooltip: spec.tooltip,
                foldKey: spec.foldKey, parent: parent, passes: spec.passes, call: spec.call))
        clusterIndex[spec.id] = scene.clusters.count - 1
        return scene.clusters.count - 1
    }

    /// The scene cluster of op cluster `i` (an index into `opClusterSpecs`), made on first use.
    mutating func regionCluster(_ i: Int) -> Int {
        if let c = opClusterIndex[i] { return c }
        let c = cluster(opClusterSpecs[i])
        opClusterIndex[i] = c
        return c
    }

    /// The scene cluster of pass `p`'s frame (a pass in `passOfOp`), made on first use.
    mutating func passFrame(_ p: Int) -> Int {
        if let c = passClusterIndex[p] { return c }
        guard let spec = passClusterSpecs[p] else { preconditionFailure("pass \(p) frames no ops") }
        let c = cluster(spec)
        passClusterIndex[p] = c
        return c
    }

    /// The grad-disabling region module call `m` began in, if any.
    func entryRegion(_ m: Int) -> ClusterSpec? {
        graph.modules[m].region.flatMap { SceneBuilder.disabledRegion(graph, $0) }
    }

    /// The cluster an op of module call `m` is drawn in: the call's cluster, or, for an op in a
    /// grad-disabling region `spec` the call opened itself, that region's cluster inside it.
    mutating func opCluster(in m: Int, region spec: ClusterSpec?, outer: Int?) -> Int {
        let call = moduleCluster(m, outer: outer)
        guard let spec, spec.id != entryRegion(m)?.id else { return call }
        return cluster(spec, parent: call)
    }

    /// The scene cluster of module call `m`, created on first use inside the clusters of the
    /// calls around it (and of a region the call began in that the call around it opened); a
    /// root call's cluster sits in the region it began in, else in `outer` (a backward call's).
    mutating func moduleCluster(_ m: Int, outer: Int?) -> Int {
        let id = "cluster_module_\(m)"
        if let i = clusterIndex[id] { return i }
        let call = graph.modules[m]
        let parent: Int?
        if let p = call.parent {
            parent = opCluster(in: p, region: entryRegion(m), outer: outer)
        } else {
            parent = entryRegion(m).map { cluster($0) } ?? outer
        }
        scene.clusters.append(
            SceneCluster(
                id: id, label: call.title, isRegion: false, tooltip: Describe.moduleTooltip(call, in: graph),
                foldKey: moduleFoldKeys[m], module: m, parent: parent))
        clusterIndex[id] = scene.clusters.count - 1
        return scene.clusters.count - 1
    }

    /// The innermost grad-disabling region enclosing `region` (nil when an enabling region,
    /// e.g. `enable_grad` inside `no_grad`, comes first).
    static func disabledRegion(_ graph: Graph, _ region: Int) -> ClusterSpec? {
        var r: Int? = region
        while let id = r {
            let record = graph.regions[id]
            if record.kind.gradEnabled { return nil }
            if record.kind != .enableGrad {
                let end = record.endLine ?? record.startLine
                let lines = Style.lineText(record.startLine...max(record.startLine, end))
                return ClusterSpec(
                    id: "cluster_region_\(id)", label: "\(record.kind.rawValue) · \(lines)",
                    tooltip: "with torch.\(record.kind.rawValue): ops here record no grad_fn (\(lines))",
                    foldKey: "R\(record.kind.rawValue)@\(record.startLine)")
            }
            r = record.parent
        }
        return nil
    }

    /// The cluster of each shown op: its grad-disabling region, or, for ops that ran with grad
    /// off outside any region (a custom Function's forward), one cluster per run of such ops,
    /// named after the Function when the op right after the run adopts its result: the
    /// clusters, and per op id the index of its cluster among them.
    static func clusters(_ graph: Graph, shown: [Bool]) -> (specs: [ClusterSpec], ofOp: [Int?]) {
        var specs: [ClusterSpec] = []
        var result = [Int?](repeating: nil, count: graph.ops.count)
        // Region id → the index of its disabling region's cluster (.some(nil): none), worked
        // out once per region.
        var specOfRegion = [Int??](repeating: nil, count: graph.regions.count)
        func regionSpec(_ r: Int) -> Int? {
            if let known = specOfRegion[r] { return known }
            let index = disabledRegion(graph, r).map { spec in
                specs.append(spec)
                return specs.count - 1
            }
            specOfRegion[r] = index
            return index
        }
        var run: [Int] = []
        func close(next id: Int?) {
            guard let first = run.first, let last = run.last else { return }
            let next = id.map { graph.ops[$0] }
            let made = Set(run.flatMap { graph.ops[$0].outputs })
            // Inside a Function's forward: the lines there, and the line that called apply.
            let (a, b) = (graph.ops[first], graph.ops[last])
            let (start, end) = (a.innerLine ?? a.line, b.innerLine ?? b.line)
            let lines = Style.lineText(start...max(start, end)) + (a.innerLine != nil ? ", called at line \(a.line)" : "")
            let label: String
            if let next, next.gradFn != nil, next.outputs.contains(where: made.contains) {
                label = "\(next.name).forward (grad off) · \(lines)"
            } else {
                label = "grad off · \(lines)"
            }
            let spec = ClusterSpec(
                id: "cluster_off_\(first)", label: label,
                tooltip: "ops run with grad mode off: no grad_fn recorded (\(lines))",
                foldKey: "O\(graph.ops[first].line):\(label)")
            specs.append(spec)
            for o in run { result[o] = specs.count - 1 }
            run.removeAll()
        }
        let ops = graph.ops
        for op in ops.indices {
            let region = ops.region(of: op)
            if let r = region, let spec = regionSpec(r) {
                close(next: op)
                if shown[op] { result[op] = spec }
            } else if !ops.gradEnabled(op) && ops.pass(of: op) == nil && region == nil {
                if shown[op] { run.append(op) }
            } else {
                close(next: op)
            }
        }
        close(next: nil)
        return (specs, result)
    }

    // MARK: Gradient reach

    /// Parameters that got no gradient in the `chosen` pass (then only those made before it),
    /// else in any of `passes`, with the reason; the gradients each leaf received in each of
    /// `passes`; and the lines of the passes in which a hook replaced a leaf's gradient.
    static func gradientReach(_ graph: Graph, selection: GraphSelection, passes: [Int], chosen: Int?)
        -> (unreached: [Int: String], grads: [Int: [(pass: Int, grad: GradSummary)]], hooks: [Int: [Int]])
    {
        guard let last = chosen ?? passes.last else { return ([:], [:], [:]) }
        var leafOfNode: [Int: Int] = [:]
        for t in graph.tensors.indices { if let a = graph.tensors.accumulateGrad(of: t) { leafOfNode[a] = t } }
        var grads: [Int: [(pass: Int, grad: GradSummary)]] = [:]
        var hooks: [Int: [Int]] = [:]
        var reached = Set<Int>()
        for p in passes {
            let record = graph.backwardPasses[p]
            let counts = chosen.map { $0 == p } ?? true
            var sent: [Int: GradSummary] = [:]
            for e in record.edgeGradients {
                guard let g = e.grad, let t = leafOfNode[e.to] else { continue }
                if counts { reached.insert(t) }
                if sent[t] == nil { sent[t] = g }
            }
            for a in record.accumulated { sent[a.tensor] = a.grad }
            for (t, g) in sent.sorted(by: { $0.key < $1.key }) { grads[t, default: []].append((p, g)) }
            for t in record.rootTensors where counts && graph.tensors[t].isLeaf { reached.insert(t) }
            for h in record.hooks where h.replaced {
                if let t = leafOfNode[h.node] { hooks[t, default: []].append(record.line) }
            }
        }
        let latestRoot = graph.backwardPasses[last].rootTensors.max() ?? Int.max
        var unreached: [Int: String] = [:]
        for t in graph.parameters where selection.tensorIncluded[t] && !reached.contains(t) {
            if chosen != nil && t > latestRoot { continue }
            unreached[t] = graph.gradientFlow(to: t, in: last)?.blocked?.explanation ?? "no backward pass reached it"
        }
        return (unreached, grads, hooks)
    }

    // MARK: Saved buffers

    mutating func addSavedBuffers() {
        // Node id → the passes with retain_graph that ran it, in call order: one walk over the
        // passes, not one per buffer.
        var retainedBy: [Int: [Int]] = [:]
        for p in graph.backwardPasses where p.retainGraph {
            for n in p.executed where retainedBy[n]?.last != p.id { retainedBy[n, default: []].append(p.id) }
        }
        for case (let o, let opIndex?) in opNode.enumerated() {
            guard let n = graph.ops[o].gradFn else { continue }
            for (j, b) in graph.nodes[n].saved.enumerated() {
                let state = selection.state(of: b)
                let look: SavedBufferState
                // A hook-packed buffer's bytes are not kept by the node: what the pack hook returned is.
                let size = b.isPacked ? "" : " · \(Describe.bytes(b.bytes))"
                var lines = ["saved \(b.name)", "\(Describe.shape(b.shape))\(size) · v\(b.savedVersion)"]
                var tooltip =
                    "\(graph.nodes[n].name) saved \(b.name) for backward: \(Describe.shape(b.shape)) "
                    + "\(b.dtype.name), \(Describe.bytes(b.bytes)), at version \(b.savedVersion)"
                    + (b.isOutput ? " (its own output)" : "")
                if b.isPacked {
                    lines.append("packed by hook")
                    tooltip += "\n" + Describe.packed(b)
                }
                switch state {
                case .retained:
                    look = b.isPacked ? .packed : .retained
                    let kept = (retainedBy[n] ?? []).filter { selection.passIncluded[$0] }
                    if !kept.isEmpty {
                        lines.append(
                            "kept by retain_graph · line "
                                + kept.map { String(graph.backwardPasses[$0].line) }.joined(separator: ", "))
                    }
                    tooltip += "\nretained: a later backward can still use it"
                case .freed(let p):
                    look = b.isPacked ? .packed : .freed
                    let line = graph.backwardPasses[p].line
                    lines.append("freed by backward · line \(line)")
                    let kept = (retainedBy[n] ?? []).prefix { $0 < p }
                    if !kept.isEmpty {
                        let keptLines = kept.map { String(graph.backwardPasses[$0].line) }.joined(separator: ", ")
                        lines.insert("kept by retain_graph · line \(keptLines)", at: 2)
                        tooltip += "\nretained by the backward with retain_graph=True at line \(keptLines)"
                    }
                    tooltip += "\nfreed by the backward at line \(line) (no retain_graph)"
                case .invalidated:
                    let i = b.invalidation
                    look = .invalidated(savedVersion: b.savedVersion, currentVersion: i?.version ?? b.savedVersion + 1)
                    lines.append("saved v\(b.savedVersion) · now v\(i?.version ?? b.savedVersion + 1)")
                    if let i { lines.append("\(i.op.isEmpty ? "changed" : i.op) · line \(i.line)") }
                    tooltip +=
                        "\ninvalidated: modified in place"
                        + (i.map {
                            " by \($0.op.isEmpty ? "an in-place op" : $0.op) at line \($0.line) (now version \($0.version))"
                        } ?? "")
                        + "; backward through it raises"
                }
                let index = scene.nodes.count
                scene.nodes.append(
                    SceneNode(
                        id: "op\(o)_s\(j)", kind: .saved, roles: [look.role], label: .text(lines.joined(separator: "\n")),
                        tooltip: tooltip, cluster: scene.nodes[opIndex].cluster,
                        foldKey: scene.nodes[opIndex].foldKey.map { $0 + ":s\(j)" }, order: scene.nodes[opIndex].order,
                        line: scene.nodes[opIndex].line, module: scene.nodes[opIndex].module,
                        subjects: [.saved(op: o, index: j)], loop: scene.nodes[opIndex].loop))
                addEdge(
                    from: index, to: opIndex, position: j, kind: .saved, roles: [],
                    attributes: Style.savedBufferEdge(look), text: .written(tooltip))
            }
        }
    }
}

// MARK: Module results

extension SceneBuilder {
    /// Draws each tensor a module call made in the innermost call that holds both the op that
    /// made it and every op that used it: a layer's output used by the next layer stays in the
    /// model's cluster, an intermediate of the model's own forward stays in the model's, the
    /// model's output (`logits`) is drawn outside it, as is a result nothing used.
    mutating func placeModuleResults() {
        var consumers = [[Int]](repeating: [], count: scene.nodes.count)
        var producer = [Int?](repeating: nil, count: scene.nodes.count)
        for e in scene.edges where e.kind == .data || e.kind == .detach {
            consumers[e.from].append(e.to)
            if scene.nodes[e.from].kind == .op && scene.nodes[e.to].kind == .tensor { producer[e.to] = e.from }
        }
        for i in scene.nodes.indices where scene.nodes[i].kind == .tensor {
            guard !scene.nodes[i].isLeaf, let made = producer[i], let madeIn = scene.nodes[made].module else { continue }
            var holder: Int? = nil
            for (k, c) in consumers[i].enumerated() {
                let m = scene.nodes[c].module
                holder = k == 0 ? m : commonCall(holder, m)
            }
            let module = consumers[i].isEmpty ? nil : commonCall(madeIn, holder)
            guard module != scene.nodes[i].module else { continue }
            // Step out from the producing op to the cluster of that call, or to the one around
            // the outermost call.
            var outer = scene.nodes[made].cluster
            if let target = module {
                while let c = outer, scene.clusters[c].module != target { outer = scene.clusters[c].parent }
            } else {
                var outermost: Int? = nil
                var c = outer
                while let x = c {
                    if scene.clusters[x].module != nil { outermost = x }
                    c = scene.clusters[x].parent
                }
                outer = outermost.flatMap { scene.clusters[$0].parent } ?? outer
            }
            scene.nodes[i].cluster = outer
            scene.nodes[i].module = module
        }
    }

    /// The innermost module call enclosing both `a` and `b` (nil: none, or either is outside every call).
    func commonCall(_ a: Int?, _ b: Int?) -> Int? {
        guard var x = a, var y = b else { return nil }
        var depthX = graph.modules[x].depth(in: graph)
        var depthY = graph.modules[y].depth(in: graph)
        while depthX > depthY, let p = graph.modules[x].parent {
            x = p
            depthX -= 1
        }
        while depthY > depthX, let p = graph.modules[y].parent {
            y = p
            depthY -= 1
        }
        while x != y {
            guard let px = graph.modules[x].parent, let py = graph.modules[y].parent else { return nil }
            x = px
            y = py
        }
        return x
    }
}
