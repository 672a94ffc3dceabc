import Autograd

/// How a recorded tensor came to exist.
public enum TensorSource: String, Sendable {
    /// A factory function (`tensor`, `ones`, `arange`, ...); `TensorRecord.factory` names it.
    case factory
    /// The output of a forward op; `TensorRecord.producer` is the op.
    case op
    /// `detach()` of another tensor.
    case detach
    /// `.data` of another tensor.
    case data
    /// Made while a backward pass ran (a `.grad`, an `autograd.grad` result, or a create_graph op).
    case backward
    /// Made where the recorder could not see it: a Python number an op wrapped, a tensor made
    /// before recording started, or a factory that does not report itself.
    case untracked
}

/// One tensor as the recorder last saw it.
public struct TensorRecord: Sendable {
    public let id: Int
    /// Every script variable name bound to it, in binding order; the last one is the label.
    public internal(set) var names: [String] = []
    public internal(set) var shape: [Int]
    public let dtype: DType
    public internal(set) var requiresGrad: Bool
    public internal(set) var isLeaf: Bool
    /// Version counter value when last seen (in-place ops bump it).
    public internal(set) var version: Int
    public let source: TensorSource
    /// The factory function's name for `.factory` tensors, otherwise empty.
    public let factory: String
    /// The op that produced it (`.op`, and `.backward` tensors made by a create_graph op).
    public internal(set) var producer: Int?
    /// The detach event that produced it (`.detach`, `.data`) or detached it in place (`detach_`).
    public internal(set) var detach: Int?
    /// Script line where it first appeared.
    public let line: Int
    /// The innermost grad-mode region it was made in.
    public let region: Int?
    /// Its grad_fn node (nil for leaves).
    public internal(set) var gradFn: Int?
    /// The AccumulateGrad node of a leaf that requires grad, once autograd made one.
    public internal(set) var accumulateGrad: Int?
    /// The backward pass it was made in, for `.backward` tensors.
    public let pass: Int?

    /// The name users see: the latest variable it was bound to.
    public var label: String? { names.last }
    /// Size in bytes of its elements.
    public var byteCount: Int { shape.reduce(1, *) * dtype.itemSize }
}

/// One forward op.
public struct OpRecord: Sendable {
    public let id: Int
    /// PyTorch's op name (`mul`, `add_`, `sum`, ...).
    public internal(set) var name: String
    /// Input tensor ids in input order.
    public let inputs: [Int]
    /// Output tensor ids (for an in-place op, the modified tensor).
    public internal(set) var outputs: [Int]
    public let line: Int
    /// The innermost grad-mode region it ran in.
    public let region: Int?
    /// Whether grad mode was on when it ran.
    public let gradEnabled: Bool
    /// The grad_fn node autograd created for it, if it recorded one.
    public internal(set) var gradFn: Int?
    public internal(set) var isInPlace: Bool
    /// The backward pass it ran in (ops a create_graph backward records).
    public let pass: Int?
}
