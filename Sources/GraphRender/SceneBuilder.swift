import GraphModel

/// Turns a `Graph` into a `Scene`: one node per drawn tensor (and per version of a tensor
/// modified in place) and per op, data edges in input order, detach edges, grad-mode region
/// clusters, then (in `SceneBuilder+Decorations`) saved buffers, gradients and markings.
///
/// What is left out to keep pictures readable: wrapped Python numbers; an unnamed op result
/// (the op node stands for it, its shape on the op's label); and gradient bookkeeping that does
/// not feed the graph (`x.grad.zero_()`, `x.grad.data`). Everything is walked iteratively in
/// recording order, so the scene (and the DOT text) is a function of the graph alone.
struct SceneBuilder {
    let graph: Graph
    let options: RenderOptions
    let selection: GraphSelection
    /// The backward passes the picture covers, in call order (edge tooltips list their gradients).
    let includedPasses: [Int]
    /// The one pass whose gradients `--show-grads` draws: the chosen one, else the last included.
    let drawnPass: Int?

    var scene = Scene()
    // Records are numbered densely from 0, so what is kept per tensor or op is an array
    // indexed by id (nil or empty where there is nothing).
    /// Tensor id → scene node of its current version.
    var current: [Int?]
    /// Tensor id → how many versions have been drawn.
    var versions: [Int]
    /// Op id → scene node.
    var opNode: [Int?]
    /// Op id → scene edge per input position (nil where the input is not drawn).
    var inputEdges: OpEdgeLists
    /// Op id → the scene edges from it to its drawn results.
    var outputEdges: OpEdgeLists
    /// Region cluster id → scene cluster index.
    var clusterIndex: [String: Int] = [:]
    /// Index into `opClusterSpecs` → its scene cluster, once made.
    var opClusterIndex: [Int?]
    /// Pass id → the scene cluster of its frame, once made.
    var passClusterIndex: [Int?]
    var detachRuns = RunCounter()
    var order = 0
    /// The loops of identical iterations among the drawn ops (see `LoopDetection`).
    var loops: [DetectedLoop] = []
    /// Op id → its loop and its position within one iteration, for the ops of `loops`.
    var loopOfOp: [(loop: Int, offset: Int)?]
    /// The loop of the op being added (what it makes belongs to the same loop).
    var currentLoop: Int?
    /// The role lists most nodes and edges have, each made once.
    let shared = SharedRoles()
    /// When the loops are folded as the scene is built: where the nodes and edges go instead
    /// of `scene` (see `build(foldingLoops:)`).
    var folder: SceneFolder?
    /// When the loops are folded as the scene is built: the gradients each input edge gets as it
    /// is made (else `addGradients` adds them once every edge is made).
    var inputGradients: InputGradients?
    /// When the loops were folded as the scene was built: how many nodes the unfolded scene has.
    private(set) var unfoldedNodeCount: Int?

    // Facts computed once.
    let hiddenTensor: [Bool]
    let gradientOnly: [Bool]
    let opShown: [Bool]
    let detachedTensor: [Bool]
    let detachedOp: [Bool]
    /// Root tensor id → the lines of the included backward calls from it (`15 (raised)`).
    let rootLine: [[String]?]
    /// The clusters ops are drawn in for their grad mode (a region, or a custom Function's forward).
    let opClusterSpecs: [ClusterSpec]
    /// Op id → its cluster in `opClusterSpecs`, if any.
    let opClusterOfOp: [Int?]
    /// Op id → the backward call that first went through it, when several calls did (one
    /// cluster per call keeps separate computations apart).
    let passOfOp: [Int?]
    /// Pass id → its cluster, for the passes in `passOfOp`.
    var passClusterSpecs: [ClusterSpec?]
    /// Op id → the innermost module call it ran in.
    let moduleOfOp: [Int?]
    /// Module call id → its fold key (the same for the calls of one loop's iterations).
    let moduleFoldKeys: [String]
    /// Parameters the shown passes gave no gradient → why.
    let unreached: [Int: String]
    /// Leaf → the gradients the included passes sent it, in call order.
    let leafGrad: [Int: [(pass: Int, grad: GradSummary)]]
    /// Leaf → lines of the backward calls in which a hook replaced its gradient.
    let hookLines: [Int: [Int]]
    /// What op and tensor nodes' deferred texts are written from.
    let textSource: SceneTextSource

    struct ClusterSpec: Hashable {
        var isRegion = true
        let id: String
        let label: String
        let tooltip: String
        let foldKey: String
        /// A backward frame's passes and call (see `SceneCluster`).
        var passes: [Int] = []
        var call = ""
    }

    init(graph: Graph, options: RenderOptions) throws {
        self.graph = graph
        self.options = options
        if let line = options.at, let last = graph.lastLine, !graph.linesRun.contains(line) {
            throw RenderError(
                kind: .invalidOptions,
                message: "--at \(line): the script never ran line \(line); the last line that ran was \(last)")
        }
        let selection = GraphSelection(graph: graph, at: options.at, view: options.view, pass: options.pass)
        self.selection = selection
        textSource = SceneTextSource(graph: graph, showsAttributes: options.view == .backward)
        let passes = graph.backwardPasses.indices.filter { selection.passIncluded[$0] }
        includedPasses = passes
        drawnPass = try SceneBuilder.drawnPass(graph, options: options, selection: selection)

        var roots = [[String]?](repeating: nil, count: graph.tensors.count)
        for p in graph.backwardPasses where selection.passIncluded[p.id] {
            let call = "\(p.line)" + (p.error != nil ? " (raised)" : "")
            for t in p.rootTensors where roots[t]?.last != call { roots[t] = (roots[t] ?? []) + [call] }
        }
        rootLine = roots
        current = [Int?](repeating: nil, count: graph.tensors.count)
        versions = [Int](repeating: 0, count: graph.tensors.count)
        opNode = [Int?](repeating: nil, count: graph.ops.count)
        inputEdges = OpEdgeLists(ops: graph.ops.count)
        outputEdges = OpEdgeLists(ops: graph.ops.count)
        loopOfOp = [(loop: Int, offset: Int)?](repeating: nil, count: graph.ops.count)

        // Wrapped numbers are never drawn; gradients and what is computed only from them are
        // bookkeeping, drawn only where they feed the graph.
        var hidden = [Bool](repeating: false, count: graph.tensors.count)
        var gradOnly = [Bool](repeating: false, count: graph.tensors.count)
        var constant = [Bool](repeating: false, count: graph.tensors.count)
        // Read column by column: no record is built per tensor or op.
        let (tensors, ops) = (graph.tensors, graph.ops)
        for t in tensors.indices {
            constant[t] = graph.leafRole(of: t) == .constant
            hidden[t] = !selection.tensorIncluded[t] || constant[t]
            gradOnly[t] = tensors.source(of: t) == .backward && !tensors.requiresGrad(of: t) && tensors.producer(of: t) == nil
        }
        var bookkeeping = [Bool](repeating: false, count: ops.count)
        var nextDetach = 0
        for op in ops.indices {
            while nextDetach < graph.detaches.count && graph.detaches[nextDetach].opsBefore <= op {
                let d = graph.detaches[nextDetach]
                if gradOnly[d.source] { gradOnly[d.result] = true }
                nextDetach += 1
            }
            guard ops.pass(of: op) == nil else { continue }
            // Bookkeeping: at least one input that is no constant, and every such input gradient-only.
            var real = false
            var allGradientOnly = true
            for t in ops.storedInputs(of: op) where !constant[Int(t)] {
                real = true
                if !gradOnly[Int(t)] {
                    allGradientOnly = false
                    break
                }
            }
            guard real && allGradientOnly else { continue }
            bookkeeping[op] = true
            for t in ops.storedOutputs(of: op) { gradOnly[Int(t)] = true }
        }
        for d in graph.detaches[nextDetach...] where gradOnly[d.source] { gradOnly[d.result] = true }
        // Bookkeeping ops are shown only when a shown op uses their result (never in place).
        var shown = [Bool](repeating: false, count: ops.count)
        var needed = [Bool](repeating: false, count: tensors.count)
        for op in ops.indices.reversed() where selection.opInView[op] {
            let keep = !bookkeeping[op] || (!ops.isInPlace(op) && ops.storedOutputs(of: op).contains { needed[Int($0)] })
            guard keep else { continue }
            shown[op] = true
            for t in ops.storedInputs(of: op) { needed[Int(t)] = true }
        }
        opShown = shown
        hiddenTensor = hidden
        gradientOnly = gradOnly

        var cutTensor = [Bool](repeating: false, count: graph.tensors.count)
        var cutOp = [Bool](repeating: false, count: graph.ops.count)
        // Only a detach draws a branch faded: what no_grad made is drawn in its region instead.
        for s in graph.detachedSubgraphs() {
            guard case .detach = s.cut else { continue }
            for t in s.tensors { cutTensor[t] = true }
            for o in s.ops { cutOp[o] = true }
        }
        detachedTensor = cutTensor
        detachedOp = cutOp
        (opClusterSpecs, opClusterOfOp) = SceneBuilder.clusters(graph, shown: shown)
        opClusterIndex = [Int?](repeating: nil, count: opClusterSpecs.count)
        moduleOfOp = graph.moduleOfOp()
        var calls = RunCounter()
        moduleFoldKeys = graph.modules.map { m in "M\(m.line):\(m.path):\(calls.next(line: m.line, name: m.path))" }
        passOfOp =
            options.everyPass
            ? [Int?](repeating: nil, count: graph.ops.count)
            : SceneBuilder.passClusters(graph, selection: selection, shown: shown)
        (unreached, leafGrad, hookLines) = SceneBuilder.gradientReach(
            graph, selection: selection, passes: passes, chosen: options.pass)
        let rooted = SceneBuilder.passesRooted(graph, selection: selection, passOfOp: passOfOp)
        passClusterSpecs = [ClusterSpec?](repeating: nil, count: graph.backwardPasses.count)
        passClusterIndex = [Int?](repeating: nil, count: graph.backwardPasses.count)
        for case let p? in Set(passOfOp) { passClusterSpecs[p] = passCluster(p, rooted: rooted[p] ?? []) }
    }

    /// Builds the scene. With `foldingLoops`, when loops were found and nothing drawn after the
    /// ops changes what they drew (no module results to place, saved buffers, AccumulateGrad
    /// nodes or drawn gradients), it is the scene with its loops folded (`folded(loops:)` of the
    /// unfolded one), folded as its nodes and edges are made, so the unfolded scene is never
    /// held; then `unfoldedNodeCount` is set.
    mutating func build(foldingLoops: Bool = false) -> Scene {
        findLoops()
        if foldingLoops && !loops.isEmpty && graph.modules.isEmpty && options.view != .backward && !options.showSaved
            && !options.showGrads
        {
            folder = SceneFolder(byLoop: true)
            inputGradients = InputGradients(graph, passes: includedPasses)
        } else {
            // Room for about every node and data edge the graph can draw, taken at once: grown by
            // doubling, a million-op scene's arrays would be copied step by step onto fresh pages,
            // about twice their final size (pages reserved but never written never become resident).
            scene.nodes.reserveCapacity(graph.ops.count + graph.tensors.count)
            scene.edges.reserveCapacity(graph.ops.isEmpty ? 0 : graph.ops.storedOutputs(of: graph.ops.count - 1).endIndex)
        }
        var ops = RunCounter()
        var nextDetach = 0
        for id in 0..<selection.opLimit {
            currentLoop = loopOfOp[id]?.loop
            while nextDetach < graph.detaches.count && graph.detaches[nextDetach].opsBefore <= id {
                addDetach(graph.detaches[nextDetach])
                nextDetach += 1
            }
            // Every op counts in its line's run; only a drawn op's key is written (and its record built).
            let (line, name) = (graph.ops.line(of: id), graph.ops.name(of: id))
            let run = ops.next(line: line, name: name)
            guard opShown[id] else { continue }
            addOp(graph.ops[id], key: loopOfOp[id].map { "I\($0.loop):\($0.offset)" } ?? "L\(line):\(name):\(run)")
        }
        currentLoop = nil
        for d in graph.detaches[nextDetach...] { addDetach(d) }
        addUnusedTensors()
        if !graph.modules.isEmpty { placeModuleResults() }
        decorate()
        guard let folder else { return scene }
        self.folder = nil
        unfoldedNodeCount = folder.nodeCount
        return folder.folded(clusters: scene.clusters, notes: scene.notes, loops: loops)
    }

    /// Adds `node`; returns its index among the nodes built.
    mutating func append(_ node: SceneNode) -> Int {
        if folder != nil { return folder!.add(node) }
        scene.nodes.append(node)
        return scene.nodes.count - 1
    }

    /// The cluster of built node `n`.
    func clusterOfNode(_ n: Int) -> Int? {
        if let folder { return folder.cluster(of: n) }
        return scene.nodes[n].cluster
    }

    /// Moves built node `n` to `cluster`, as belonging to module call `module`.
    mutating func move(_ n: Int, to cluster: Int?, module: Int?) {
        if folder != nil {
            folder!.move(n, to: cluster, module: module)
        } else {
            scene.nodes[n].cluster = cluster
            scene.nodes[n].module = module
        }
    }

    /// Adds `edge`; returns its index among the edges built.
    @discardableResult
    mutating func append(_ edge: SceneEdge) -> Int {
        if folder != nil { return folder!.add(edge) }
        scene.edges.append(edge)
        return scene.edges.count - 1
    }

    // MARK: Tensors

    /// The scene node of tensor `t`'s current version, created (as version 0) if needed;
    /// nil for tensors that are not drawn.
    mutating func node(for t: Int) -> Int? {
        if let n = current[t] { return n }
        guard !hiddenTensor[t] else { return nil }
        let r = graph.tensors[t]
        // A leaf belongs to the loop that uses it only when the loop's lines made it.
        let loop = currentLoop.flatMap { loops[$0].lines.contains(r.line) ? $0 : nil }
        return addTensorNode(r, id: "t\(t)", version: 0, cluster: tensorCluster(r), foldKey: leafKey(r), loop: loop)
    }

    /// A fold key for a tensor that no drawn op produced: where and how it was made, and its name.
    func leafKey(_ r: TensorRecord) -> String {
        "T\(r.line):\(r.source.rawValue):\(r.factory):\(Describe.shape(r.shape)):\(r.names.last ?? "")"
    }

    /// Adds a node for tensor `t` (version `version`), in the loop of the op being added.
    mutating func addTensorNode(
        _ t: Int, id: String, version: Int, cluster: Int?, foldKey: String?, module: Int? = nil,
        detachedInPlace: Bool = false
    ) -> Int {
        addTensorNode(
            graph.tensors[t], id: id, version: version, cluster: cluster, foldKey: foldKey, module: module,
            loop: currentLoop, detachedInPlace: detachedInPlace)
    }

    /// Adds a node for the tensor of record `r` (version `version`), of module call `module` and
    /// loop `loop`. Its shape and dtype, and a gradient's name, are written into its label when
    /// the label is read (see `DeferredTensorText`).
    mutating func addTensorNode(
        _ r: TensorRecord, id: String, version: Int, cluster: Int?, foldKey: String?, module: Int? = nil, loop: Int?,
        detachedInPlace: Bool = false
    ) -> Int {
        let t = r.id
        var roles: [StyleRole]
        // What the label's detail line says after the shape and dtype.
        var detail = ""
        if let lines = rootLine[t] {
            roles = [.backwardRoot]
            detail += " · backward at line\(lines.count > 1 ? "s" : "") " + lines.joined(separator: ", ")
        } else if detachedInPlace || (r.source != .op && r.isLeaf && !r.requiresGrad) || gradientOnly[t] {
            roles = shared.otherLeaf
        } else if r.source != .op && r.isLeaf {
            roles = [.parameterLeaf]
            detail += " · requires_grad"
        } else {
            roles = shared.intermediate
        }
        let cutInPlace = r.detach.map { graph.detaches[$0].kind == .detachInPlace } ?? false
        if detachedTensor[t] && !detachedInPlace && !cutInPlace { roles.append(.detached) }
        if version > 0 { detail += " · v\(version)" }
        var notes: [String] = []
        let grads = version == 0 ? leafGrad[t] ?? [] : []
        if grads.count > 5 { notes.append("gradients from \(grads.count) backward calls; the last 5:") }
        for g in grads.suffix(5) {
            notes.append("gradient from \(Describe.pass(graph.backwardPasses[g.pass])): " + Describe.gradientDetail(g.grad))
        }
        if options.showGrads, let p = drawnPass, let g = grads.last(where: { $0.pass == p }) {
            detail += "\ngrad in \(Describe.passLabel(graph.backwardPasses[p])): \(Describe.gradientLabel(g.grad))"
        }
        if let lines = hookLines[t], version == 0 {
            detail += "\nhook replaced its grad (line \(lines.map(String.init).joined(separator: ", ")))"
            notes.append(
                "a tensor hook replaced its gradient in the backward at line " + lines.map(String.init).joined(separator: ", "))
        }
        let noGradient = roles.first == .parameterLeaf ? unreached[t] : nil
        if let why = noGradient {
            roles.append(.noGradientLeaf)
            notes.append("grad is None: " + why)
        }
        let name: TensorNodeName =
            r.label.map { .given($0) }
            ?? (gradientOnly[t]
                ? .gradient
                : .given(r.source == .op ? "result" : r.source == .factory ? "\(r.factory)()" : "tensor"))
        let text = DeferredTensorText(
            source: textSource, tensor: t, version: version, name: name, detailSuffix: detail,
            noGradient: noGradient != nil, notes: notes)
        var node = SceneNode(
            id: id, kind: .tensor, roles: roles, text: .tensor(text), cluster: cluster, foldKey: foldKey,
            order: nextOrder(), line: r.line, isLeaf: r.source != .op && version == 0, module: module,
            subjects: [.tensor(t)], loop: loop)
        if version > 0 { node.extraClasses.append("versioned") }
        let index = append(node)
        current[t] = index
        versions[t] = version
        return index
    }

    mutating func nextOrder() -> Int {
        order += 1
        return order
    }

    /// Whether tensor `t` gets a node of its own when an op produces it (else the op stands for it).
    func ownsNode(_ t: Int, producer op: OpRecord) -> Bool {
        graph.tensors.isLabelled(t) || rootLine[t] != nil || op.outputs.count > 1
    }

    /// The cluster a tensor made outside any drawn op belongs to: a factory's region.
    mutating func tensorCluster(_ r: TensorRecord) -> Int? {
        guard r.source == .factory, let region = r.region,
            let spec = SceneBuilder.disabledRegion(graph, region)
        else {
            return nil
        }
        return cluster(spec)
    }

    // MARK: Ops

    mutating func addOp(_ op: OpRecord, key: String) {
        let specIndex = opClusterOfOp[op.id]
        let spec = specIndex.map { opClusterSpecs[$0] }
        let pass = passOfOp[op.id].map { passFrame($0) }
        let module = moduleOfOp[op.id]
        let outer = module == nil ? specIndex.map { regionCluster($0) } ?? pass : pass
        let clusterIndex = module.map { opCluster(in: $0, region: spec, outer: outer) } ?? outer
        // What the op makes and names is drawn in the call around its module call.
        let resultModule = module.flatMap { graph.modules[$0].parent }
        let resultCluster =
            module.map { m in
                graph.modules[m].parent.map { opCluster(in: $0, region: entryRegion(m), outer: outer) }
                    ?? entryRegion(m).map { cluster($0) } ?? outer
            } ?? outer
        let result = op.outputs.count == 1 && !ownsNode(op.outputs[0], producer: op) ? op.outputs[0] : nil
        var roles = op.gradFn == nil ? shared.untrackedOp : shared.op
        if detachedOp[op.id] && op.gradFn == nil && spec == nil { roles.append(.detached) }
        let index = append(
            SceneNode(
                id: "op\(op.id)", kind: .op, roles: roles,
                text: .op(DeferredOpText(source: textSource, op: op.id, result: result, region: spec?.label, module: module)),
                cluster: clusterIndex, foldKey: key, order: nextOrder(), line: op.line, module: module,
                subjects: [.op(op.id)], loop: currentLoop))
        opNode[op.id] = index
        inputEdges.start(op.id)
        for (i, t) in op.inputs.enumerated() {
            let isNew = current[t] == nil
            guard let source = node(for: t) else {
                inputEdges.append(nil, to: op.id)
                continue
            }
            if isNew, let m = module, graph.modules[m].parameters.contains(where: { $0.tensor == t }) {
                move(source, to: clusterIndex, module: m)
            }
            var edge = SceneEdge(
                from: source, to: index, position: i, kind: .data, roles: shared.dataEdge, attributes: DOTAttributes(),
                text: .data(DeferredDataEdgeText(source: textSource, tensor: t, op: op.id, input: i)))
            inputGradients?.add(to: &edge, op: op.id, input: i, source: textSource)
            inputEdges.append(append(edge), to: op.id)
        }
        outputEdges.start(op.id)
        for (j, t) in op.outputs.enumerated() {
            if op.isInPlace {
                let version = versions[t] + 1
                if ownsNode(t, producer: op) || current[t] == nil && graph.tensors.isLabelled(t) {
                    let v = addTensorNode(
                        t, id: "t\(t)_v\(version)", version: version, cluster: resultCluster,
                        foldKey: key + ">v", module: resultModule)
                    let edge = addEdge(
                        from: index, to: v, position: j, kind: .data, roles: shared.dataEdge,
                        text: .data(DeferredDataEdgeText(source: textSource, tensor: t, op: op.id, version: version)))
                    outputEdges.append(edge, to: op.id)
                } else {
                    current[t] = index
                    versions[t] = version
                }
            } else if let existing = current[t] {
                // An op adopting a result made inside it (a custom Function's apply): the result
                // is drawn outside the Function's forward cluster.
                if clusterOfNode(existing) != resultCluster { move(existing, to: resultCluster, module: resultModule) }
                let edge = addEdge(
                    from: index, to: existing, position: j, kind: .data, roles: shared.dataEdge,
                    text: .data(DeferredDataEdgeText(source: textSource, tensor: t, op: op.id)))
                outputEdges.append(edge, to: op.id)
            } else if result == t || hiddenTensor[t] {
                if result == t { current[t] = index }
            } else {
                let n = addTensorNode(
                    t, id: "t\(t)", version: 0, cluster: resultCluster, foldKey: key + ">\(j)", module: resultModule)
                let edge = addEdge(
                    from: index, to: n, position: j, kind: .data, roles: shared.dataEdge,
                    text: .data(DeferredDataEdgeText(source: textSource, tensor: t, op: op.id)))
                outputEdges.append(edge, to: op.id)
            }
        }
    }

    @discardableResult
    mutating func addEdge(
        from: Int, to: Int, position: Int, kind: SceneEdgeKind, roles: [StyleRole],
        attributes: DOTAttributes = DOTAttributes(), text: EdgeText
    ) -> Int {
        append(SceneEdge(from: from, to: to, position: position, kind: kind, roles: roles, attributes: attributes, text: text))
    }

    // MARK: Detach

    mutating func addDetach(_ d: DetachRecord) {
        guard selection.detachIncluded[d.id], d.sourceRequiredGrad, !hiddenTensor[d.source], !hiddenTensor[d.result],
            let source = node(for: d.source)
        else { return }
        let foldKey = "D\(d.line):\(detachRuns.next(line: d.line, name: d.kind.rawValue))"
        let result: Int
        if d.kind == .detachInPlace {
            let version = versions[d.source] + 1
            result = addTensorNode(
                d.result, id: "t\(d.result)_v\(version)", version: version,
                cluster: clusterOfNode(source), foldKey: foldKey, detachedInPlace: true)
        } else {
            result =
                current[d.result]
                ?? addTensorNode(
                    d.result, id: "t\(d.result)", version: 0,
                    cluster: clusterOfNode(source), foldKey: foldKey)
        }
        let word = d.kind == .data ? ".data" : d.kind.rawValue
        let label: DOTValue = .text("\(word) · line \(d.line)")
        addEdge(
            from: source, to: result, position: 0, kind: .detach, roles: [.detachEdge], attributes: ["label": label],
            text: .written(
                "\(word)() at line \(d.line): \(Describe.name(of: graph.tensors[d.result])) shares "
                    + "\(Describe.name(of: graph.tensors[d.source]))'s data but has no grad_fn; gradient stops here"))
    }

    // MARK: Tensors no op used

    /// Named tensors no drawn op touched (a leaf made and only printed, `autograd.grad` results).
    mutating func addUnusedTensors() {
        guard options.view != .backward else { return }
        // The drawn and hidden are skipped before their records are read.
        for id in graph.tensors.indices where current[id] == nil && !hiddenTensor[id] && graph.tensors.isLabelled(id) {
            let t = graph.tensors[id]
            if gradientOnly[t.id] {
                guard let p = t.pass, graph.backwardPasses[p].kind == .grad, graph.backwardPasses[p].line == t.line else {
                    continue
                }
            }
            if t.source == .op, let p = t.producer, !opShown[p] { continue }
            _ = node(for: t.id)
        }
    }
}

/// Numbers repeated names on a line: the k-th `mul` of one run of line 12 is `mul:k`, and the
/// count starts again whenever the line changes, so loop iterations get the same numbers.
struct RunCounter {
    private var line = Int.min
    private var counts: [String: Int] = [:]

    mutating func next(line: Int, name: String) -> Int {
        if line != self.line {
            counts.removeAll(keepingCapacity: true)
            self.line = line
        }
        let k = counts[name, default: 0]
        counts[name] = k + 1
        return k
    }
}

/// Role lists most scene nodes and edges have, made once and shared by them all (an array is
/// copied only when one of them changes its list), rather than allocated per node and edge.
struct SharedRoles {
    let dataEdge: [StyleRole] = [.dataEdge]
    let op: [StyleRole] = [.op]
    let untrackedOp: [StyleRole] = [.untrackedOp]
    let intermediate: [StyleRole] = [.intermediate]
    let otherLeaf: [StyleRole] = [.otherLeaf]
}
