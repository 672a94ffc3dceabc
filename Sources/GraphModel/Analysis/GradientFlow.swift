import Autograd

/// Why no gradient reached a tensor in a backward pass.
public enum BlockReason: Sendable, Equatable {
    /// The path to the pass's roots goes through a detach / detach_ / .data at this line.
    case detached(line: Int, kind: DetachKind)
    /// The path goes through an op that ran with grad mode off at this line.
    case noGrad(line: Int, region: RegionKind?)
    /// The tensor does not require grad (it was made at this line).
    case requiresGradFalse(line: Int)
    /// The pass's roots do not depend on the tensor at all.
    case notUsed
    /// Buffers on the path were freed by an earlier pass (`retain_graph` was not set).
    case graphFreed(byPass: Int, line: Int)
    /// An `autograd.grad` pass computes gradients only for its inputs.
    case notAnInput
    /// The pass raised before the gradient got there.
    case passFailed(ErrorRecord)
    /// The tensor is in the pass's graph but no gradient arrived (e.g. it was zeroed by None).
    case noGradientFlowed

    /// A one-line explanation for people.
    public var explanation: String {
        switch self {
        case .detached(let line, let kind):
            return "detached at line \(line) (\(kind == .data ? ".data" : kind.rawValue + "()"))"
        case .noGrad(let line, let region):
            return "created under \(region?.rawValue ?? "no_grad") at line \(line)"
        case .requiresGradFalse(let line): return "requires_grad is False (made at line \(line))"
        case .notUsed: return "not used by the differentiated outputs"
        case .graphFreed(let pass, let line):
            return "graph freed by backward pass \(pass) at line \(line) (use retain_graph=True)"
        case .notAnInput: return "not among the inputs of autograd.grad"
        case .passFailed(let e): return "the pass raised \(e.type): \(e.message)"
        case .noGradientFlowed: return "in the graph, but no gradient flowed to it"
        }
    }

    /// A short machine-readable name (`detached`, `no_grad`, ...).
    public var keyword: String {
        switch self {
        case .detached: return "detached"
        case .noGrad: return "no_grad"
        case .requiresGradFalse: return "requires_grad_false"
        case .notUsed: return "not_used"
        case .graphFreed: return "graph_freed"
        case .notAnInput: return "not_an_input"
        case .passFailed: return "pass_failed"
        case .noGradientFlowed: return "no_gradient_flowed"
        }
    }

    /// The line the reason points at, if any.
    public var line: Int? {
        switch self {
        case .detached(let l, _), .noGrad(let l, _), .requiresGradFalse(let l), .graphFreed(_, let l): return l
        case .passFailed(let e): return e.line
        case .notUsed, .notAnInput, .noGradientFlowed: return nil
        }
    }
}

/// Whether a gradient reached a tensor in one backward pass.
public struct GradientFlow: Sendable {
    public let pass: Int
    public let tensor: Int
    /// Node paths (root first, the tensor's AccumulateGrad last) the gradient took; at most
    /// `GradientFlow.pathLimit` of them. Empty when it did not arrive.
    public let paths: [[Int]]
    /// Why it did not arrive; nil when it did.
    public let blocked: BlockReason?

    public static let pathLimit = 4
    public var reached: Bool { blocked == nil }
}

extension Graph {
    /// For every leaf that requires grad and every backward pass: did a gradient reach it.
    public func gradientFlow() -> [GradientFlow] {
        let params = parameters
        var result: [GradientFlow] = []
        for p in backwardPasses.indices {
            var context = FlowContext(graph: self, pass: p)
            for t in params { result.append(context.flow(to: t)) }
        }
        return result
    }

    /// Whether a gradient reached tensor `tensor` in pass `pass`, and how or why not.
    public func gradientFlow(to tensor: Int, in pass: Int) -> GradientFlow? {
        guard tensors.indices.contains(tensor), backwardPasses.indices.contains(pass) else { return nil }
        var context = FlowContext(graph: self, pass: pass)
        return context.flow(to: tensor)
    }
}

/// Per-pass state shared by the questions about each tensor; each part is computed once, lazily.
private struct FlowContext {
    let graph: Graph
    let pass: BackwardRecord
    private var parents: [Int: [Int]]?
    private var structure: Set<Int>?
    private var blockers: [BlockReason?]?
    private var visited: [Bool]?

    init(graph: Graph, pass: Int) {
        self.graph = graph
        self.pass = graph.backwardPasses[pass]
    }

    mutating func flow(to t: Int) -> GradientFlow {
        let tensor = graph.tensors[t]
        if pass.kind == .grad && !pass.inputs.contains(t) { return blocked(t, .notAnInput) }
        if pass.rootTensors.contains(t) && tensor.isLeaf && pass.error == nil {
            return GradientFlow(pass: pass.id, tensor: t, paths: [], blocked: nil)
        }
        if let acc = tensor.accumulateGrad, let paths = gradientPaths(to: acc) {
            return GradientFlow(pass: pass.id, tensor: t, paths: paths, blocked: nil)
        }
        if !tensor.requiresGrad { return blocked(t, .requiresGradFalse(line: tensor.line)) }
        if let acc = tensor.accumulateGrad, structuralNodes().contains(acc) {
            guard let error = pass.error else { return blocked(t, .noGradientFlowed) }
            return blocked(t, freedBy() ?? .passFailed(error))
        }
        computeDataflow()
        guard let seen = visited, seen[t] else { return blocked(t, .notUsed) }
        if let b = blockers?[t] ?? nil { return blocked(t, b) }
        if let error = pass.error { return blocked(t, .passFailed(error)) }
        return blocked(t, .noGradientFlowed)
    }

    private func blocked(_ t: Int, _ reason: BlockReason) -> GradientFlow {
        GradientFlow(pass: pass.id, tensor: t, paths: [], blocked: reason)
    }

    /// Up to `pathLimit` root-to-`target` paths along edges that carried a gradient, or nil.
    private mutating func gradientPaths(to target: Int) -> [[Int]]? {
        if parents == nil {
            var p: [Int: [Int]] = [:]
            for e in pass.edgeGradients where e.grad != nil && p[e.to]?.last != e.from {
                p[e.to, default: []].append(e.from)
            }
            parents = p
        }
        guard let parents, let first = parents[target], !first.isEmpty else { return nil }
        let walks = pathsToRoots(from: target, roots: Set(pass.roots), limit: GradientFlow.pathLimit) { node in
            (parents[node] ?? []).map { ($0, nil) }
        }
        return walks.map { $0.reversed().map(\.node) }
    }

    private mutating func structuralNodes() -> Set<Int> {
        if let s = structure { return s }
        let s = graph.reachableNodes(from: pass.roots)
        structure = s
        return s
    }

    /// The earlier pass that freed buffers this pass needed.
    private mutating func freedBy() -> BlockReason? {
        graph.latestPass(freeing: structuralNodes(), before: pass.id)
            .map { .graphFreed(byPass: $0, line: graph.backwardPasses[$0].line) }
    }

    /// Walks the tensor dataflow back from the roots, labelling each tensor with the first
    /// cut (detach or no-grad op) met on the way.
    private mutating func computeDataflow() {
        guard visited == nil else { return }
        let producers = TensorOpIndex(tensorCount: graph.tensors.count, ops: graph.ops) { $0.outputs }
        var seen = [Bool](repeating: false, count: graph.tensors.count)
        var label = [BlockReason?](repeating: nil, count: graph.tensors.count)
        var queue: [Int] = []
        for t in pass.rootTensors where !seen[t] {
            seen[t] = true
            queue.append(t)
        }
        var head = 0
        func visit(_ t: Int, _ reason: BlockReason?) {
            guard !seen[t] else { return }
            seen[t] = true
            label[t] = reason
            queue.append(t)
        }
        while head < queue.count {
            let t = queue[head]
            head += 1
            let tensor = graph.tensors[t]
            var inherited = label[t]
            if let d = tensor.detach {
                let event = graph.detaches[d]
                let cut = BlockReason.detached(line: event.line, kind: event.kind)
                if event.kind != .detachInPlace {
                    visit(event.source, inherited ?? cut)
                } else if event.sourceRequiredGrad && inherited == nil {
                    inherited = cut
                }
            }
            for o in producers[t] {
                let op = graph.ops[o]
                let reason = inherited ?? (graph.cutsHistory(op)
                    ? BlockReason.noGrad(line: op.line, region: op.region.map { graph.regions[$0].kind }) : nil)
                for i in op.inputs { visit(i, reason) }
            }
        }
        visited = seen
        blockers = label
    }
}

extension Graph {
    /// The latest backward pass before `passID` that freed a buffer saved by one of `nodes`.
    func latestPass(freeing nodes: Set<Int>, before passID: Int) -> Int? {
        var latest: Int? = nil
        for n in nodes {
            for b in self.nodes[n].saved {
                guard let q = b.freedByPass, q < passID else { continue }
                latest = Swift.max(latest ?? q, q)
            }
        }
        return latest
    }
}

/// Up to `limit` walks from `target` up to a root (or a node with nothing above it), depth-first
/// and iterative, each visiting a node at most once. A walk lists (node, the edge that led up to
/// it) from `target` upwards; `ups` gives a node's (upper node, edge) pairs in the order to try.
func pathsToRoots(from target: Int, roots: Set<Int>, limit: Int,
                  ups: (Int) -> [(up: Int, edge: Int?)]) -> [[(node: Int, via: Int?)]] {
    var walks: [[(node: Int, via: Int?)]] = []
    var stack: [(node: Int, via: Int?, next: Int)] = [(target, nil, 0)]
    var onPath: Set<Int> = [target]
    while let top = stack.last, walks.count < limit {
        let candidates = ups(top.node)
        if top.next == 0 && (roots.contains(top.node) || candidates.isEmpty) && stack.count > 1 {
            walks.append(stack.map { ($0.node, $0.via) })
        }
        if roots.contains(top.node) || top.next >= candidates.count {
            onPath.remove(top.node)
            stack.removeLast()
            continue
        }
        stack[stack.count - 1].next += 1
        let (up, edge) = candidates[top.next]
        if onPath.insert(up).inserted { stack.append((up, edge, 0)) }
    }
    return walks
}
