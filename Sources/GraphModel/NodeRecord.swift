import Autograd

/// An edge of the autograd graph: gradient flows into input `inputNr` of node `node`.
public struct NodeEdge: Sendable, Equatable {
    private let node32: Int32
    private let inputNr32: Int32

    init(node: Int, inputNr: Int) {
        node32 = packID(node)
        inputNr32 = Int32(truncatingIfNeeded: inputNr)
    }

    public var node: Int { Int(node32) }
    public var inputNr: Int { Int(inputNr32) }
}

/// One autograd node (a grad_fn, or the AccumulateGrad node of a leaf).
public struct NodeRecord: Sendable {
    private let id32: Int32
    private let line32: Int32
    private var op32: Int32
    private let variable32: Int32
    private let pass32: Int32

    /// PyTorch's class name (`MulBackward0`, `AccumulateGrad`, a custom `FooBackward`).
    public let name: String
    /// next_functions in input order; nil where the input needs no gradient.
    public let next: [NodeEdge?]
    /// The buffers it keeps for its formula: one per saved role, slots sharing storage joined.
    public internal(set) var saved: [SavedBuffer]

    init(id: Int, name: String, line: Int, next: [NodeEdge?], saved: [SavedBuffer], variable: Int?, pass: Int?) {
        id32 = packID(id)
        line32 = Int32(truncatingIfNeeded: line)
        op32 = -1
        variable32 = packID(variable)
        pass32 = packID(pass)
        self.name = name
        self.next = next
        self.saved = saved
    }

    public var id: Int { Int(id32) }
    /// Script line where autograd created it.
    public var line: Int { Int(line32) }
    /// The forward op it was created for (nil for AccumulateGrad nodes).
    public internal(set) var op: Int? {
        get { unpackID(op32) }
        set { op32 = packID(newValue) }
    }
    /// The leaf tensor of an AccumulateGrad node.
    public var variable: Int? { unpackID(variable32) }
    /// The backward pass that created it (a create_graph backward records backward-of-backward nodes).
    public var pass: Int? { unpackID(pass32) }
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
    /// Bytes of element data it keeps alive.
    public let bytes: Int
    private let savedVersion32: Int32
    private var freedByPass32: Int32 = -1
    public let dtype: DType
    /// Whether it is an output of the node's own forward op.
    public let isOutput: Bool
    /// Where an in-place op changed the tensor after it was saved.
    public internal(set) var invalidation: Invalidation?
    /// Whether a saved-tensor hook packed it (`saved_tensors_hooks`, `save_on_cpu`, a
    /// non-reentrant `checkpoint`): the node holds what the pack hook returned, not the tensor,
    /// so `bytes` is the tensor's size but no memory the node keeps.
    public internal(set) var isPacked = false

    init(name: String, shape: [Int], dtype: DType, bytes: Int, savedVersion: Int, isOutput: Bool) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.bytes = bytes
        savedVersion32 = Int32(truncatingIfNeeded: savedVersion)
        self.isOutput = isOutput
    }

    /// Version of the tensor when it was saved.
    public var savedVersion: Int { Int(savedVersion32) }
    /// The backward pass that freed it.
    public internal(set) var freedByPass: Int? {
        get { unpackID(freedByPass32) }
        set { freedByPass32 = packID(newValue) }
    }

    /// The state it ended in.
    public var state: BufferState {
        if let p = freedByPass { return .freed(pass: p) }
        if let i = invalidation { return .invalidated(line: i.line) }
        return .retained
    }
}

/// An in-place change to a saved tensor.
public struct Invalidation: Sendable, Equatable {
    private let line32: Int32
    private let version32: Int32
    /// The in-place op's name.
    public let op: String

    public init(line: Int, op: String, version: Int) {
        line32 = Int32(truncatingIfNeeded: line)
        version32 = Int32(truncatingIfNeeded: version)
        self.op = op
    }

    public var line: Int { Int(line32) }
    /// The tensor's version after the change.
    public var version: Int { Int(version32) }
}
