/// Per-pass state shared by the questions about each tensor; each part is computed once, lazily.
struct PassContext {
    let graph: Graph
    let pass: BackwardRecord
    /// `graph.producerIndex()`, shared by all passes' contexts.
    let producers: SharedProducerIndex
    /// The node flags of gradient path walks, shared by all passes' contexts.
    let marks: PathMarks
    /// Edge gradients (indices into `pass.edgeGradients`) flowing into each node.
    private var incoming: IncomingEdges?
    private var structure: Set<Int>?
    private var walk: CutWalk?

    init(graph: Graph, pass: Int, producers: SharedProducerIndex, marks: PathMarks) {
        self.graph = graph
        self.pass = graph.backwardPasses[pass]
        self.producers = producers
        self.marks = marks
    }

    mutating func outcome(for t: Int, options: ExplainOptions) -> PassOutcome {
        let tensor = graph.tensors[t]
        let node = tensor.isLeaf ? tensor.accumulateGrad : tensor.gradFn
        let carried = node.map { n in incomingEdges(n).filter { pass.edgeGradients.carriesGradient($0) } } ?? []
        let isRoot = pass.rootTensors.contains(t)
        let cuts = cutWalk().uses[t] ?? []
        var findings = passFindings()

        if isRoot || !carried.isEmpty {
            let gradient = isRoot ? nil : arrivedGradient(t, carried)
            var paths: [[PathStep]] = []
            if let n = node, !carried.isEmpty {
                let ancestors = gradientAncestors(of: n)
                paths = gradientPaths(to: n, limit: options.pathLimit)
                if let g = gradient { findings += gradientFindings(g, node: n, ancestors: ancestors, options: options) }
                findings += pass.hooks.filter { $0.replaced && (ancestors.contains($0.node) || $0.node == n) }
                    .map { .hookReplaced(node: $0.node, output: $0.outputNr) }
            }
            return PassOutcome(
                pass: pass.id, arrived: true, gradient: gradient, paths: paths, reason: nil,
                cuts: cuts, findings: findings)
        }
        let reason = noGradientReason(t, node: node, cuts: cuts)
        if case .passFailed = reason {
        } else if case .graphFreed = reason {
        } else {
            findings.removeAll {
                if case .savedModified = $0 { return true }
                return false
            }
        }
        return PassOutcome(
            pass: pass.id, arrived: false, gradient: nil, paths: [], reason: reason,
            cuts: cuts, findings: findings)
    }

    mutating func noGradientReason(_ t: Int, node: Int?, cuts: [CutUse]) -> NoGradientReason {
        let tensor = graph.tensors[t]
        if pass.kind == .grad && !pass.inputs.contains(t) { return .notAnInput }
        let clean = cutWalk().clean.contains(t)
        let inGraph = node.map { structuralNodes().contains($0) } ?? false
        if let error = pass.error, inGraph || (clean && tensor.requiresGrad) {
            return freedBy() ?? .passFailed(error)
        }
        if clean && tensor.requiresGrad { return .noGradientFlowed }
        if !cuts.isEmpty { return .cut }
        if clean { return .requiresGradFalse(line: tensor.line) }
        return .notUsed
    }

    /// The gradient a leaf accumulated, or the sum flowing into a non-leaf's node.
    private func arrivedGradient(_ t: Int, _ carried: [Int]) -> GradSummary? {
        if let a = pass.accumulated.last(where: { $0.tensor == t }) { return a.grad }
        let grads = carried.compactMap { pass.edgeGradients[$0].grad }
        guard grads.count > 1 else { return grads.first }
        return GradSummary.sum(grads)
    }

    // MARK: Findings

    /// Findings that hold for the whole pass: anomaly detection and saved tensors changed in place.
    private mutating func passFindings() -> [Finding] {
        var out: [Finding] = []
        if let a = pass.anomaly { out.append(.anomaly(node: a.node, output: a.output)) }
        guard pass.error != nil else { return out }
        for n in structuralNodes().sorted() {
            for b in graph.nodes[n].saved {
                guard let inv = b.invalidation else { continue }
                out.append(.savedModified(node: n, buffer: b.name, invalidation: inv, savedVersion: b.savedVersion))
            }
        }
        return out
    }

    private func gradientFindings(
        _ g: GradSummary, node: Int, ancestors: Set<Int>,
        options: ExplainOptions
    ) -> [Finding] {
        if g.hasNonFinite {
            return [
                .nonFinite(
                    nan: g.nanCount, inf: g.infCount,
                    firstNaN: firstProducer(in: ancestors) { $0.nanCount > 0 },
                    firstInf: firstProducer(in: ancestors) { $0.infCount > 0 })
            ]
        }
        if g.isZero { return [.zeroGradient(node: zeroingNode(in: ancestors, target: node))] }
        if g.norm < options.vanishingBelow { return [.vanishing(norm: g.norm, threshold: options.vanishingBelow)] }
        if g.norm > options.explodingAbove { return [.exploding(norm: g.norm, threshold: options.explodingAbove)] }
        return []
    }

    /// The first node, in execution order, that sent a gradient with `bad` values while every
    /// gradient it received was free of them.
    private func firstProducer(in nodes: Set<Int>, _ bad: (GradSummary) -> Bool) -> Int? {
        var incomingBad = Set<Int>()
        for e in pass.edgeGradients where e.grad.map(bad) == true { incomingBad.insert(e.to) }
        for n in pass.executed where nodes.contains(n) && !incomingBad.contains(n) {
            let sendsBad = pass.edgeGradients.contains { $0.from == n && $0.grad.map(bad) == true }
            if sendsBad { return n }
        }
        return nil
    }

    /// The first node on the way to `target` that received a non-zero gradient and sent only zeros onward.
    private func zeroingNode(in ancestors: Set<Int>, target: Int) -> Int? {
        let roots = Set(pass.roots)
        for n in pass.executed where ancestors.contains(n) {
            let received = roots.contains(n) || pass.edgeGradients.contains { $0.to == n && $0.grad.map { !$0.isZero } == true }
            guard received else { continue }
            let onward = pass.edgeGradients.filter { $0.from == n && ($0.to == target || ancestors.contains($0.to)) }
            if !onward.isEmpty && onward.allSatisfy({ $0.grad?.isZero ?? true }) { return n }
        }
        return nil
    }

    // MARK: Graph walks

    mutating func incomingEdges(_ node: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> { incomingIndex()[node] }

    /// The pass's edges by the node they flow into, built on first use.
    mutating func incomingIndex() -> IncomingEdges {
        if let incoming { return incoming }
        let built = IncomingEdges(pass.edgeGradients)
        incoming = built
        return built
    }

    /// Whether an edge that carried a gradient leads into `node`.
    mutating func receivesGradient(_ node: Int) -> Bool {
        incomingEdges(node).contains { pass.edgeGradients.carriesGradient($0) }
    }

    /// Nodes that sent a gradient that reached `node` (following edges that carried one).
    private mutating func gradientAncestors(of node: Int) -> Set<Int> {
        var seen = Set<Int>()
        var stack = [node]
        while let n = stack.popLast() {
            for i in incomingEdges(n) where pass.edgeGradients.carriesGradient(i) {
                let from = pass.edgeGradients.sender(i)
                if seen.insert(from).inserted { stack.append(from) }
            }
        }
        return seen
    }

    /// Up to `limit` root-to-`target` paths along edges that carried a gradient (depth-first,
    /// iterative; each path visits a node at most once).
    private mutating func gradientPaths(to target: Int, limit: Int) -> [[PathStep]] {
        let edges = pass.edgeGradients
        let walks = pathsToRoots(from: target, roots: pass.roots, limit: limit, marks: marks) { node, ups in
            for i in self.incomingEdges(node) where edges.carriesGradient(i) { ups.append((edges.sender(i), i)) }
        }
        return walks.map { walk in
            walk.indices.reversed().map { k in
                let via = k + 1 < walk.count ? walk[k + 1].via : nil
                return PathStep(node: walk[k].node, grad: via.flatMap { edges[$0].grad })
            }
        }
    }

    private mutating func structuralNodes() -> Set<Int> {
        if let s = structure { return s }
        let s = graph.reachableNodes(from: pass.roots)
        structure = s
        return s
    }

    /// The latest earlier pass that freed buffers this pass needed.
    private mutating func freedBy() -> NoGradientReason? {
        graph.latestPass(freeing: structuralNodes(), before: pass.id)
            .map { .graphFreed(pass: $0, line: graph.backwardPasses[$0].line) }
    }

    mutating func cutWalk() -> CutWalk {
        if let w = walk { return w }
        let w = CutWalk(graph: graph, pass: pass, producers: producers.index(of: graph))
        walk = w
        return w
    }
}

extension GradSummary {
    /// Whether every element is exactly zero.
    public var isZero: Bool { nanCount == 0 && infCount == 0 && min == 0 && max == 0 }

    /// Element-wise sum of same-shaped summaries that kept their values; otherwise a summary
    /// with the largest norm (the exact sum is unknown without the values).
    static func sum(_ parts: [GradSummary]) -> GradSummary {
        guard let first = parts.first else { return GradSummary(values: [], shape: [0]) }
        guard var acc = first.values, parts.allSatisfy({ $0.shape == first.shape && $0.values?.count == acc.count })
        else { return parts.max { $0.norm < $1.norm } ?? first }
        for p in parts.dropFirst() { for (i, v) in (p.values ?? []).enumerated() { acc[i] += v } }
        return GradSummary(values: acc, shape: first.shape)
    }
}
