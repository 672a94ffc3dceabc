/// An edge of the autograd graph: gradient flows into input `inputNr` of `node`.
public struct Edge {
    /// The node the gradient flows into.
    public let node: Node
    /// Which of that node's inputs receives it.
    public let inputNr: Int
}

/// A hook on a tensor's gradient; it may return a replacement.
public typealias GradHook = (Tensor) throws -> Tensor?

struct RegisteredHook {
    let id: Int
    let outputNr: Int
    let fn: GradHook
}

/// A backward function (PyTorch's `grad_fn` objects): the saved tensors of one forward op and
/// the formula that maps output gradients to input gradients.
public class Node {
    /// The grad_fn class the node was made as.
    public let nodeKind: NodeKind
    /// PyTorch's class name, e.g. `MulBackward0`.
    public var name: String { nodeKind.name }
    /// The id of the `NodeKind` the node was made as.
    public var kindID: Int { nodeKind.id }
    /// One entry per differentiable forward input, in input order; nil where the input needs no grad.
    public internal(set) var nextEdges: [Edge?]
    /// Creation order; the engine runs newer nodes first (AccumulateGrad nodes run first of all).
    public let sequenceNr: Int
    /// A per-thread unique, increasing identifier.
    public let id: Int
    /// The tensors this node keeps for its formula.
    package internal(set) var saved: [SavedTensor] = []
    /// Slots PyTorch's formula declares but this node did not fill, because no gradient needed
    /// them (`grad_fn._saved_self` is None for `a * b` when only `a` requires grad).
    package internal(set) var unsavedRoles = RoleList()
    /// The non-tensor values the formula keeps (sizes, dims, scalars), by PyTorch's names.
    package internal(set) var savedValues: [(name: String, value: SavedValue)] = []
    /// An object the host keeps with the node (the Python bindings keep `grad_fn.metadata` there).
    package var hostData: AnyObject?
    /// Number of forward outputs whose gradients this node receives.
    public let numOutputs: Int
    /// The forward-call description kept while anomaly detection is on.
    public internal(set) var anomalyTrace: String?
    var hooks: [RegisteredHook] = []
    var preHooks: [RegisteredNodeHook<NodePreHook>] = []
    var postHooks: [RegisteredNodeHook<NodePostHook>] = []
    /// Where the running backward pass keeps this node's bookkeeping (see `Engine.run`).
    var engineMark = EngineMark()
    var retainGradTargets: [(outputNr: Int, tensor: WeakTensor)] = []

    init(kind: NodeKind, nextEdges: [Edge?], numOutputs: Int = 1, sequenceNr: Int? = nil) {
        nodeKind = kind
        self.nextEdges = nextEdges
        self.numOutputs = numOutputs
        id = NodeSequence.next()
        self.sequenceNr = sequenceNr ?? id
        if GradMode.anomalyDetection { anomalyTrace = GradMode.anomalyTraceProvider?() }
    }

    /// Tears the graph below this node down iteratively: a long chain released at once would
    /// otherwise recurse through one deinit per node and overflow the stack.
    deinit {
        guard !nextEdges.isEmpty || !saved.isEmpty else { return }
        var pending = [Node]()
        Node.detachChildren(of: self, into: &pending)
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) { Node.detachChildren(of: node, into: &pending) }
        }
    }

    private static func detachChildren(of node: Node, into pending: inout [Node]) {
        for case let e? in node.nextEdges { pending.append(e.node) }
        node.nextEdges = []
        for s in node.saved { if let fn = s.takeGradFnIfUnique() { pending.append(fn) } }
    }

    /// Whether the formula must produce a gradient for input `i`.
    public func needsInputGrad(_ i: Int) -> Bool { i < nextEdges.count && nextEdges[i] != nil }

    /// Computes input gradients from output gradients (one per forward output).
    func apply(_ grads: [Tensor?]) throws -> [Tensor?] { fatalError("Node subclasses override apply") }

    /// `apply` for the engine, which hands over its buffer so a node may take a gradient
    /// nothing else references instead of copying it; the buffer keeps the same values.
    func applyConsuming(_ grads: inout [Tensor?]) throws -> [Tensor?] { try apply(grads) }

    /// `applyConsuming` into the engine's reused buffer: leaves the input gradients in `outputs`
    /// (empty on entry), so a node that appends them there builds no array of its own.
    func applyConsuming(_ grads: inout [Tensor?], into outputs: inout [Tensor?]) throws {
        outputs = try applyConsuming(&grads)
    }

    /// The error for a forward output that received no gradient when its shape is unknown.
    func missingGradient(output i: Int) -> TorchError {
        TorchError.runtime("\(name): no gradient arrived for output \(i) and its shape is unknown")
    }

    /// Frees the saved tensors (after a backward without retain_graph).
    func releaseSaved(pass: Int) {
        var any = false
        for s in saved where s.release(pass: pass) { any = true }
        if any { Observation.observer?.savedTensorsFreed(self) }
    }
}

/// A few slot names, the first kept without an array (most nodes have at most one).
package struct RoleList {
    private var first: String?
    private var rest: [String] = []

    mutating func append(_ role: String) {
        if first == nil { first = role } else { rest.append(role) }
    }

    /// Whether `role` is in the list.
    package func contains(_ role: String) -> Bool { first == role || rest.contains(role) }
}

enum NodeSequence {
    @inline(__always) static func next() -> Int {
        let state = ThreadState.current
        state.nextNodeSequence &+= 1
        return state.nextNodeSequence
    }
}

final class WeakTensor {
    weak var tensor: Tensor?
    init(_ t: Tensor) { tensor = t }
}

/// What a backward formula sees: the output gradients and the node's saved tensors.
public struct BackwardContext {
    /// Gradient per forward output, every one filled (the engine's buffer, taken as it is when
    /// every output received one, so a formula that reads only `grad` builds no array).
    private let filled: [Tensor?]
    /// The gradients as they arrived, nil for outputs that received none.
    private let received: [Tensor?]
    /// The node the gradient flows into.
    public let node: Node

    init(filled: [Tensor?], received: [Tensor?]? = nil, node: Node) {
        self.filled = filled
        self.received = received ?? filled
        self.node = node
    }

    /// Whether output `output` received a gradient (PyTorch's `grad.defined()`), rather than
    /// the zeros `grads` stands in with.
    public func receivedGrad(_ output: Int) -> Bool { received[output] != nil }

    /// Gradient per forward output; outputs that received none get zeros.
    public var grads: [Tensor] { filled.map { $0! } }

    /// The gradient of the node's first output.
    public var grad: Tensor { filled[0]! }

    /// Unpacks saved tensor `i`, raising PyTorch's errors if it was freed or modified in place.
    public func saved(_ i: Int) throws -> Tensor { try node.saved[i].unpack(for: node) }

    /// Whether input `input` needs a gradient (skip computing it otherwise).
    public func needsGrad(_ input: Int) -> Bool { node.needsInputGrad(input) }
}

/// A node whose backward is a closure over `BackwardContext`.
/// The closure must not capture tensors: they are reached through `saved` so they can be freed.
final class FormulaNode: Node {
    typealias Formula = (BackwardContext) throws -> [Tensor?]
    let formula: Formula

    init(kind: NodeKind, nextEdges: [Edge?], numOutputs: Int, formula: @escaping Formula) {
        self.formula = formula
        super.init(kind: kind, nextEdges: nextEdges, numOutputs: numOutputs)
    }

    override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        var filled = grads
        for i in filled.indices where filled[i] == nil { filled[i] = try zerosForOutput(i) }
        return try formula(BackwardContext(filled: filled, received: grads, node: self))
    }

    var outputMeta: [OutputMeta] = []

    private func zerosForOutput(_ i: Int) throws -> Tensor {
        guard i < outputMeta.count else { throw missingGradient(output: i) }
        let meta = outputMeta[i]
        return Tensor.zeros(meta.shape, dtype: meta.dtype)
    }
}

/// Shape and dtype of a forward output, for the zero gradient of an output that got none.
struct OutputMeta {
    let shape: [Int]
    let dtype: DType
}

/// The node that adds incoming gradients into a leaf's `.grad`.
public final class AccumulateGrad: Node {
    /// The leaf this node accumulates into (nil once the leaf is gone).
    public private(set) weak var variable: Tensor?

    private static let nodeKind = NodeKind("torch::autograd::AccumulateGrad")

    init(variable: Tensor) {
        self.variable = variable
        super.init(kind: Self.nodeKind, nextEdges: [], sequenceNr: Int.max)
    }

    override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        guard let leaf = variable, let g = grads[0] else { return [] }
        if let existing = leaf.storedGrad {
            if GradMode.isEnabled {
                leaf.storedGrad = try existing + g
            } else {
                try existing.addInPlaceUnchecked(g)
            }
        } else if GradMode.isEnabled {
            // create_graph: PyTorch deep-copies the first gradient, so its history starts at CopyBackwards.
            let zeros = Tensor.zeros(g.shape, dtype: g.dtype)
            leaf.storedGrad = try (leaf.isNonOverlappingAndDense ? zeros.inLayout(of: leaf) : zeros).copy_(g)
        } else {
            leaf.storedGrad = g.cloneObeyingLayoutContract(of: leaf)
        }
        Observation.observer?.gradAccumulated(leaf, grad: g)
        return []
    }

    /// Like PyTorch's AccumulateGrad, takes the incoming gradient as the leaf's first `.grad`
    /// instead of copying it when nothing else can see it: no grad mode, and the tensor and its
    /// storage referenced only by the engine's buffer (not kept by a hook, a capture, another
    /// edge, a view or an observer), filling its storage in the layout the gradient layout
    /// contract asks for, never modified in place.
    override func applyConsuming(_ grads: inout [Tensor?]) throws -> [Tensor?] {
        guard let leaf = variable, leaf.storedGrad == nil, grads.count == 1, var g = grads[0],
            !GradMode.isEnabled
        else { return try apply(grads) }
        grads[0] = nil
        let unused = isKnownUniquelyReferenced(&g) && isKnownUniquelyReferenced(&g.storage)
        grads[0] = g
        guard unused, g.offset == 0, g.storage.count == g.numel, g.obeysLayoutContract(of: leaf), g.version == 0, g.gradFn == nil,
            !g.requiresGrad, !g.isInference,
            g.dtype == leaf.dtype, g.shape == leaf.shape
        else { return try apply(grads) }
        leaf.storedGrad = g
        Observation.observer?.gradAccumulated(leaf, grad: g)
        return []
    }
}

extension Tensor {
    /// The edge gradients for this tensor flow into, or nil if it needs none.
    var gradientEdge: Edge? {
        if let fn = gradFn { return Edge(node: fn, inputNr: outputNr) }
        if leafRequiresGrad { return Edge(node: gradAccumulator(), inputNr: 0) }
        return nil
    }

    func gradAccumulator() -> AccumulateGrad {
        if let a = accumulator { return a }
        let a = AccumulateGrad(variable: self)
        accumulator = a
        return a
    }
}
