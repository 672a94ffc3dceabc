import Autograd

/// Why no gradient reached a leaf that requires grad in a backward pass: the graph dump's
/// summary of `NoGradientReason`, with a cut named by its kind and line.
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
    public func gradientFlow() -> [GradientFlow] { gradientFlow(of: parameters) }

    /// `gradientFlow()` for `params`, the graph's `parameters` already listed.
    func gradientFlow(of params: [Int]) -> [GradientFlow] {
        var result: [GradientFlow] = []
        let producers = SharedProducerIndex()
        let marks = PathMarks(nodeCount: nodes.count)
        for p in backwardPasses.indices {
            var context = PassContext(graph: self, pass: p, producers: producers, marks: marks)
            for t in params { result.append(context.flow(to: t)) }
        }
        return result
    }

    /// Whether a gradient reached tensor `tensor` (a leaf that requires grad) in pass `pass`, and
    /// how or why not.
    public func gradientFlow(to tensor: Int, in pass: Int) -> GradientFlow? {
        guard tensors.indices.contains(tensor), backwardPasses.indices.contains(pass) else { return nil }
        var context = PassContext(
            graph: self, pass: pass, producers: SharedProducerIndex(), marks: PathMarks(nodeCount: nodes.count))
        return context.flow(to: tensor)
    }
}

extension PassContext {
    /// The flow summary of `outcome(for:options:)`'s analysis: the same reasons, a cut given as
    /// its first detach or no_grad op, paths as node ids with parallel edges merged.
    mutating func flow(to t: Int) -> GradientFlow {
        let tensor = graph.tensors[t]
        func blocked(_ reason: BlockReason) -> GradientFlow {
            GradientFlow(pass: pass.id, tensor: t, paths: [], blocked: reason)
        }
        if pass.kind == .grad && !pass.inputs.contains(t) { return blocked(.notAnInput) }
        if pass.rootTensors.contains(t) && tensor.isLeaf && pass.error == nil {
            return GradientFlow(pass: pass.id, tensor: t, paths: [], blocked: nil)
        }
        if let acc = tensor.accumulateGrad, receivesGradient(acc) {
            return GradientFlow(pass: pass.id, tensor: t, paths: nodePaths(to: acc), blocked: nil)
        }
        if !tensor.requiresGrad { return blocked(.requiresGradFalse(line: tensor.line)) }
        let cuts = cutWalk().uses[t] ?? []
        switch noGradientReason(t, node: tensor.isLeaf ? tensor.accumulateGrad : tensor.gradFn, cuts: cuts) {
        case .cut:
            for cut in cuts {
                switch cut.kind {
                case .detach(let d): return blocked(.detached(line: cut.line, kind: graph.detaches[d].kind))
                case .noGrad(let o):
                    return blocked(.noGrad(line: cut.line, region: graph.ops[o].region.map { graph.regions[$0].kind }))
                case .nonDifferentiable: continue
                }
            }
            return blocked(pass.error.map(BlockReason.passFailed) ?? .noGradientFlowed)
        case .requiresGradFalse(let line): return blocked(.requiresGradFalse(line: line))
        case .notUsed: return blocked(.notUsed)
        case .graphFreed(let q, let line): return blocked(.graphFreed(byPass: q, line: line))
        case .notAnInput: return blocked(.notAnInput)
        case .passFailed(let e): return blocked(.passFailed(e))
        case .noGradientFlowed: return blocked(.noGradientFlowed)
        }
    }

    /// Up to `GradientFlow.pathLimit` root-to-`target` node paths along edges that carried a
    /// gradient; parallel edges from one node (`x * x`) count once.
    private mutating func nodePaths(to target: Int) -> [[Int]] {
        let edges = pass.edgeGradients
        let incoming = incomingIndex()
        let walks = pathsToRoots(from: target, roots: pass.roots, limit: GradientFlow.pathLimit, marks: marks) { node, ups in
            let first = ups.count
            for k in incoming.positions(into: node) {
                let i = incoming.edge(at: k)
                guard edges.carriesGradient(i) else { continue }
                let sender = edges.sender(i)
                if ups.count > first && ups[ups.count - 1].up == sender { continue }
                ups.append((sender, i))
            }
        }
        return walks.map { $0.reversed().map(\.node) }
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
/// it) from `target` upwards; `ups` appends a node's (upper node, edge) pairs in the order to
/// try. Roots and the nodes on the current walk are flagged in `marks`, whose flags it clears
/// before returning, and the walk's stack lives in buffers `marks` keeps for every walk, so a
/// walk costs the nodes it visits and allocates nothing per node.
func pathsToRoots(
    from target: Int, roots: [Int], limit: Int, marks: PathMarks,
    ups: (Int, inout [(up: Int, edge: Int)]) -> Void
) -> [[(node: Int, via: Int?)]] {
    var walks: [[(node: Int, via: Int?)]] = []
    // The candidates of every frame on the stack, each frame's a range at the end in stack
    // order; both taken from `marks` (so uniquely held here) and handed back emptied.
    marks.prepare()
    var candidates = marks.candidates
    var stack = marks.frames
    marks.candidates = []
    marks.frames = []
    func push(_ node: Int, _ via: Int) {
        let first = candidates.count
        ups(node, &candidates)
        stack.append(WalkFrame(node: node, via: via, next: first, end: candidates.count))
        marks.set(PathMarks.onPath, node)
    }
    for r in roots { marks.set(PathMarks.root, r) }
    push(target, -1)
    while let top = stack.last, walks.count < limit {
        let isRoot = marks.has(PathMarks.root, top.node)
        let first = stack.count > 1 ? stack[stack.count - 2].end : 0
        if top.next == first && (isRoot || first == top.end) && stack.count > 1 {
            walks.append(stack.map { ($0.node, $0.via < 0 ? nil : $0.via) })
        }
        if isRoot || top.next >= top.end {
            marks.clear(PathMarks.onPath, top.node)
            stack.removeLast()
            candidates.removeLast(candidates.count - first)
            continue
        }
        stack[stack.count - 1].next += 1
        let (up, edge) = candidates[top.next]
        if !marks.has(PathMarks.onPath, up) { push(up, edge) }
    }
    for frame in stack { marks.clear(PathMarks.onPath, frame.node) }
    for r in roots { marks.clear(PathMarks.root, r) }
    candidates.removeAll(keepingCapacity: true)
    stack.removeAll(keepingCapacity: true)
    marks.candidates = candidates
    marks.frames = stack
    return walks
}

/// A node on the stack of `pathsToRoots`: the edge that led up to it (-1 for the walk's start),
/// and its candidates: `next..<end` of the candidate buffer are still to try (they start where
/// the frame below's end).
struct WalkFrame {
    let node: Int
    let via: Int
    var next: Int
    let end: Int
}

/// Flags per node for `pathsToRoots`, and its stack: one table for a graph, made on the first
/// walk and shared by all its walks (each clears what it set), so that a walk's cost does not
/// grow with the rest of the graph and a question that walks nothing allocates nothing.
/// The flags are read and written through a pointer (an array in a class checks that it is
/// uniquely referenced at every write), each access checked against the node count.
final class PathMarks {
    static let onPath: UInt8 = 1
    static let root: UInt8 = 2
    private let nodeCount: Int
    private var flags: UnsafeMutablePointer<UInt8>?
    /// The stack of `pathsToRoots` and its candidates, empty between walks: kept so that a walk
    /// grows them only past the longest walk before it.
    var candidates: [(up: Int, edge: Int)] = []
    var frames: [WalkFrame] = []

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    deinit { flags?.deallocate() }

    /// Makes the table (all clear) if no walk has yet, and room in the walk's buffers for a walk
    /// through every node (a walk visits a node at most once; the room is only reserved, so a
    /// short walk touches little of it).
    func prepare() {
        guard flags == nil else { return }
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: nodeCount)
        table.initialize(repeating: 0, count: nodeCount)
        flags = table
        frames.reserveCapacity(nodeCount)
        candidates.reserveCapacity(nodeCount)
    }

    @inline(__always) func has(_ flag: UInt8, _ node: Int) -> Bool { flags(of: node).pointee & flag != 0 }
    @inline(__always) func set(_ flag: UInt8, _ node: Int) { flags(of: node).pointee |= flag }
    @inline(__always) func clear(_ flag: UInt8, _ node: Int) { flags(of: node).pointee &= ~flag }

    /// Node `node`'s flags, in the table `prepare()` made (an id outside the graph traps, as
    /// an array index would).
    @inline(__always) private func flags(of node: Int) -> UnsafeMutablePointer<UInt8> {
        guard let flags, node >= 0 && node < nodeCount else { preconditionFailure("node \(node) has no path flags") }
        return flags + node
    }
}
