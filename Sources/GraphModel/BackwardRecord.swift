import Autograd

/// Which API started a backward pass.
public enum BackwardKind: String, Sendable {
    /// `tensor.backward()` or `torch.autograd.backward()`.
    case backward
    /// `torch.autograd.grad()`.
    case grad
}

/// One backward pass: its call, what ran, what flowed and what it freed.
public struct BackwardRecord: Sendable {
    public let id: Int
    public let kind: BackwardKind
    public let line: Int
    /// The grad_fn nodes of the root tensors, in root order (roots without a grad_fn are omitted).
    public let roots: [Int]
    /// All root tensors, in root order.
    public let rootTensors: [Int]
    /// The tensors `autograd.grad` differentiates with respect to.
    public let inputs: [Int]
    public let retainGraph: Bool
    public let createGraph: Bool
    /// How many forward ops and tensors were recorded before it started (ids below these are older).
    public let opsBefore: Int
    public let tensorsBefore: Int
    /// Nodes in the order the engine ran them.
    public internal(set) var executed: [Int] = []
    /// The gradient computed for each next edge (other than None ones) of every node that ran.
    public internal(set) var edgeGradients = EdgeGradientList()
    /// Gradients accumulated into leaves' `.grad`.
    public internal(set) var accumulated: [Accumulation] = []
    /// Nodes whose saved buffers this pass freed.
    public internal(set) var freed: [Int] = []
    /// Tensor hooks that ran.
    public internal(set) var hooks: [HookRecord] = []
    /// The error it raised, if any.
    public internal(set) var error: ErrorRecord?
    /// The node anomaly detection caught returning NaN, if any.
    public internal(set) var anomaly: AnomalyRecord?
}

/// A node that returned NaN while anomaly detection was on (`Function 'X' returned nan values ...`).
public struct AnomalyRecord: Sendable, Equatable {
    public let node: Int
    /// Which of its outputs (next edges) held NaN.
    public let output: Int
}

/// The gradient one node sent along one of its next edges.
public struct EdgeGradient: Sendable {
    private let from32: Int32
    private let index32: Int32
    private let to32: Int32
    private let inputNr32: Int32
    private let summary: EdgeSummary

    init(from: Int, index: Int, to: Int, inputNr: Int, grad: GradSummary?) {
        self.init(from: from, index: index, to: to, inputNr: inputNr, summary: grad.map { .given($0) } ?? .none)
    }

    init(from: Int, index: Int, to: Int, inputNr: Int, summary: EdgeSummary) {
        from32 = Int32(truncatingIfNeeded: from)
        index32 = Int32(truncatingIfNeeded: index)
        to32 = Int32(truncatingIfNeeded: to)
        inputNr32 = Int32(truncatingIfNeeded: inputNr)
        self.summary = summary
    }

    /// nil when no gradient was produced for this input.
    public var grad: GradSummary? {
        switch summary {
        case .none: return nil
        case .given(let g): return g
        case .stored(let store, let index): return store[index]
        }
    }

    /// The node that computed it.
    public var from: Int { Int(from32) }
    /// Which of `from`'s next edges (its forward input index).
    public var index: Int { Int(index32) }
    /// The node it flowed into.
    public var to: Int { Int(to32) }
    public var inputNr: Int { Int(inputNr32) }
}

/// Where an edge gradient's summary is: built only when `EdgeGradient.grad` is read, so that
/// walks over the ids of a pass's edges build none.
enum EdgeSummary: Sendable {
    case none
    case given(GradSummary)
    case stored(GradSummaryStore, Int)
}

/// A gradient accumulated into a leaf.
public struct Accumulation: Sendable {
    public let tensor: Int
    /// The gradient this pass brought.
    public let grad: GradSummary
    /// The leaf's `.grad` after adding it.
    public let total: GradSummary

    /// Whether it was added onto an earlier, non-zero `.grad` (0 + g is exactly g; NaN counts as equal to NaN).
    public var ontoPrevious: Bool { !total.sameValues(as: grad) }
}

/// The script reading `tensor.grad`.
public struct GradRead: Sendable {
    public let tensor: Int
    public let line: Int
    /// How many backward passes had started before the read.
    public let passesBefore: Int
}

/// A tensor hook that ran during backward.
public struct HookRecord: Sendable {
    public let node: Int
    public let outputNr: Int
    /// Whether the hook returned a replacement gradient.
    public let replaced: Bool
}

/// A gradient's shape and value summary; small gradients keep their values.
public struct GradSummary: Sendable, Equatable {
    /// Gradients with at most this many elements keep their values.
    public static let valueLimit = 16

    public let shape: [Int]
    /// Euclidean norm of the finite elements.
    public let norm: Double
    /// Smallest and largest non-NaN elements; nil when there are none.
    public let min: Double?
    public let max: Double?
    public let nanCount: Int
    public let infCount: Int
    /// The values in row-major order, for tensors of at most `valueLimit` elements.
    public let values: [Double]?

    /// Summarises `tensor` in one pass over its storage; only small tensors' values are copied.
    public init(_ tensor: Tensor) { self.init(tensor, shape: tensor.shape) }

    /// Summarises `tensor`, keeping `shape` (equal to its shape: the recorder passes a shared copy).
    init(_ tensor: Tensor, shape: [Int]) {
        if tensor.numel <= Self.valueLimit {
            self.init(values: Self.smallValues(of: tensor), shape: shape)
        } else {
            self.init(statistics: tensor.statistics(), shape: shape)
        }
    }

    /// The values of a small tensor (see `appendValues(of:to:)`).
    private static func smallValues(of tensor: Tensor) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(tensor.numel)
        appendValues(of: tensor, to: &values)
        return values
    }

    /// Appends a tensor's values in row-major order to `column`: a contiguous float tensor's
    /// read straight from its storage (`FloatElements`).
    static func appendValues(of tensor: Tensor, to column: inout [Double]) {
        guard let floats = FloatElements(tensor) else {
            column += tensor.doubles()
            return
        }
        floats.append(to: &column)
    }

    private init(statistics s: TensorStatistics, shape: [Int]) {
        self.shape = shape
        norm = s.sumOfSquares.squareRoot()
        min = s.min
        max = s.max
        nanCount = s.nanCount
        infCount = s.infCount
        values = nil
    }

    /// Summarises row-major values of a tensor of `shape`.
    public init(values v: [Double], shape: [Int]) {
        var sq = 0.0
        var lo = Double.infinity
        var hi = -Double.infinity
        var nan = 0
        var inf = 0
        var seen = false
        for x in v {
            if x.isNaN {
                nan += 1
                continue
            }
            if x.isInfinite { inf += 1 } else { sq += x * x }
            seen = true
            lo = Swift.min(lo, x)
            hi = Swift.max(hi, x)
        }
        self.shape = shape
        norm = sq.squareRoot()
        min = seen ? lo : nil
        max = seen ? hi : nil
        nanCount = nan
        infCount = inf
        values = v.count <= Self.valueLimit ? v : nil
    }

    /// Equality that treats NaN as equal to NaN (plain `==` never holds for NaN values).
    public func sameValues(as other: GradSummary) -> Bool {
        func same(_ a: Double?, _ b: Double?) -> Bool { a == b || (a?.isNaN == true && b?.isNaN == true) }
        guard shape == other.shape, nanCount == other.nanCount, infCount == other.infCount,
            same(norm, other.norm), same(min, other.min), same(max, other.max)
        else { return false }
        guard let v = values, let w = other.values else { return values == nil && other.values == nil }
        return v.count == w.count && zip(v, w).allSatisfy { same($0, $1) }
    }

    /// Whether any element is NaN or infinite.
    public var hasNonFinite: Bool { nanCount > 0 || infCount > 0 }
}
