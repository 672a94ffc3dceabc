import Autograd

/// An edge of the autograd graph: gradient flows into input `inputNr` of node `node`.
public struct NodeEdge: Sendable, Equatable {
    public let node: Int
    public let inputNr: Int
}

/// One autograd node (a grad_fn, or the AccumulateGrad node of a leaf).
public struct NodeRecord: Sendable {
    public let id: Int
    /// PyTorch's class name (`MulBackward0`, `AccumulateGrad`, a custom `FooBackward`).
    public let name: String
    /// Script line where autograd created it.
    public let line: Int
    /// The forward op it was created for (nil for AccumulateGrad nodes).
    public internal(set) var op: Int?
    /// next_functions in input order; nil where the input needs no gradient.
    public let next: [NodeEdge?]
    /// The buffers it keeps for its formula: one per saved role, slots sharing storage joined.
    public internal(set) var saved: [SavedBuffer]
    /// The leaf tensor of an AccumulateGrad node.
    public let variable: Int?
    /// The backward pass that created it (a create_graph backward records backward-of-backward nodes).
    public let pass: Int?

    public var isAccumulateGrad: Bool { variable != nil || name == "AccumulateGrad" }
}

/// What became of a saved buffer.
public enum BufferState: Sendable, Equatable {
    /// Still held: a later backward can use it.
    case retained
    /// Freed by the given backward pass (one without retain_graph).
    case freed(pass: Int)
    /// An in-place op at the given line changed the tensor after it was saved.
    case invalidated(line: Int)

    /// `retained`, `freed` or `invalidated`.
    public var keyword: String {
        switch self {
        case .retained: return "retained"
        case .freed: return "freed"
        case .invalidated: return "invalidated"
        }
    }
}

/// A tensor a node saved for backward.
public struct SavedBuffer: Sendable {
    /// PyTorch's slot names joined by `/` when several slots hold the same storage (`other/self`).
    public let name: String
    public let shape: [Int]
    public let dtype: DType
    /// Bytes of element data it keeps alive.
    public let bytes: Int
    /// Version of the tensor when it was saved.
    public let savedVersion: Int
    /// Whether it is an output of the node's own forward op.
    public let isOutput: Bool
    /// The backward pass that freed it.
    public internal(set) var freedByPass: Int?
    /// Where an in-place op changed the tensor after it was saved: line, op name, new version.
    public internal(set) var invalidation: Invalidation?

    /// The state it ended in.
    public var state: BufferState {
        if let p = freedByPass { return .freed(pass: p) }
        if let i = invalidation { return .invalidated(line: i.line) }
        return .retained
    }
}

/// An in-place change to a saved tensor.
public struct Invalidation: Sendable, Equatable {
    public let line: Int
    public let op: String
    public let version: Int
}
