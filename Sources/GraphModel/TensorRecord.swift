import Autograd

/// How a recorded tensor came to exist.
public enum TensorSource: String, Sendable, CaseIterable {
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

/// Optional ids are stored as Int32 with -1 for nil, so a record stays small on long graphs.
@inline(__always) func packID(_ v: Int?) -> Int32 { v.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
@inline(__always) func unpackID(_ v: Int32) -> Int? { v < 0 ? nil : Int(v) }

/// One tensor as the recorder last saw it.
public struct TensorRecord: Sendable {
    private let id32: Int32
    private var version32: Int32
    private var producer32: Int32
    private var detach32: Int32
    private let line32: Int32
    private let region32: Int32
    private var gradFn32: Int32
    private var accumulateGrad32: Int32
    private let pass32: Int32

    /// Every script variable name bound to it: the label first (the first name given where it
    /// was made or returned to), then aliases and names inside functions in binding order.
    public internal(set) var names: [String] = []
    public internal(set) var shape: [Int]
    public let dtype: DType
    public internal(set) var requiresGrad: Bool
    public internal(set) var isLeaf: Bool
    public let source: TensorSource
    /// `factory` and `parameterPath`, which few tensors have: one pointer instead of two strings.
    private var rareNames: RareTensorNames?

    init(
        id: Int, shape: [Int], dtype: DType, requiresGrad: Bool, isLeaf: Bool, version: Int,
        source: TensorSource, factory: String, producer: Int?, detach: Int?, line: Int, region: Int?,
        pass: Int?
    ) {
        id32 = packID(id)
        version32 = Int32(truncatingIfNeeded: version)
        producer32 = packID(producer)
        detach32 = packID(detach)
        line32 = Int32(truncatingIfNeeded: line)
        region32 = packID(region)
        gradFn32 = -1
        accumulateGrad32 = -1
        pass32 = packID(pass)
        self.shape = shape
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        self.isLeaf = isLeaf
        self.source = source
        rareNames = factory.isEmpty ? nil : RareTensorNames(factory: factory, parameterPath: nil)
    }

    /// A record from the columns of a `TensorTable`.
    init(
        id: Int, shape: [Int], names: [String], dtype: DType, requiresGrad: Bool, isLeaf: Bool, version: Int,
        source: TensorSource, rareNames: RareTensorNames?, producer: Int?, detach: Int?, line: Int, region: Int?,
        gradFn: Int?, accumulateGrad: Int?, pass: Int?
    ) {
        id32 = packID(id)
        version32 = Int32(truncatingIfNeeded: version)
        producer32 = packID(producer)
        detach32 = packID(detach)
        line32 = Int32(truncatingIfNeeded: line)
        region32 = packID(region)
        gradFn32 = packID(gradFn)
        accumulateGrad32 = packID(accumulateGrad)
        pass32 = packID(pass)
        self.names = names
        self.shape = shape
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        self.isLeaf = isLeaf
        self.source = source
        self.rareNames = rareNames
    }

    /// `factory` and `parameterPath` as the table keeps them (nil when both are unset).
    var rareNamesBox: RareTensorNames? { rareNames }

    /// The factory function's name for `.factory` tensors, otherwise empty.
    public var factory: String { rareNames?.factory ?? "" }
    /// For a parameter registered in an `nn.Module` the script called: its module path from the
    /// script's variable for the root module (`model.fc1.weight`).
    public internal(set) var parameterPath: String? {
        get { rareNames?.parameterPath }
        set { rareNames = RareTensorNames(factory: factory, parameterPath: newValue) }
    }

    public var id: Int { Int(id32) }
    /// Version counter value when last seen (in-place ops bump it).
    public internal(set) var version: Int {
        get { Int(version32) }
        set { version32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// The op that produced it (`.op`, and `.backward` tensors made by a create_graph op).
    public internal(set) var producer: Int? {
        get { unpackID(producer32) }
        set { producer32 = packID(newValue) }
    }
    /// The detach event that produced it (`.detach`, `.data`) or detached it in place (`detach_`).
    public internal(set) var detach: Int? {
        get { unpackID(detach32) }
        set { detach32 = packID(newValue) }
    }
    /// Script line where it first appeared.
    public var line: Int { Int(line32) }
    /// The innermost grad-mode region it was made in.
    public var region: Int? { unpackID(region32) }
    /// Its grad_fn node (nil for leaves).
    public internal(set) var gradFn: Int? {
        get { unpackID(gradFn32) }
        set { gradFn32 = packID(newValue) }
    }
    /// The AccumulateGrad node of a leaf that requires grad, once autograd made one.
    public internal(set) var accumulateGrad: Int? {
        get { unpackID(accumulateGrad32) }
        set { accumulateGrad32 = packID(newValue) }
    }
    /// The backward pass it was made in, for `.backward` tensors.
    public var pass: Int? { unpackID(pass32) }

    /// The name users see: a module parameter's path below the root module (`fc1.weight`),
    /// else the first of `names`.
    public var label: String? {
        guard let path = parameterPath else { return names.first }
        guard let dot = path.firstIndex(of: ".") else { return path }
        return String(path[path.index(after: dot)...])
    }
    /// Size in bytes of its elements.
    public var byteCount: Int { shape.reduce(1, *) * dtype.itemSize }
}

/// The names only some tensors have, kept out of line.
final class RareTensorNames: Sendable {
    let factory: String
    let parameterPath: String?

    init(factory: String, parameterPath: String?) {
        self.factory = factory
        self.parameterPath = parameterPath
    }
}

/// One forward op.
public struct OpRecord: Sendable {
    private let id32: Int32
    private let line32: Int32
    private let region32: Int32
    private var gradFn32: Int32
    private let pass32: Int32

    /// PyTorch's op name (`mul`, `add_`, `sum`, ...).
    public internal(set) var name: String
    /// Input tensor ids in input order.
    public let inputs: [Int]
    /// Output tensor ids (for an in-place op, the modified tensor).
    public internal(set) var outputs: [Int]
    /// Whether grad mode was on when it ran.
    public let gradEnabled: Bool
    public internal(set) var isInPlace: Bool
    private let innerLine32: Int32
    /// The lines of the script's statements that called the function it ran in, outermost
    /// first (`loss = train_step(model, x)`); empty for an op of the script's top-level code.
    public let callLines: [Int]

    init(
        id: Int, name: String, inputs: [Int], outputs: [Int], line: Int, region: Int?, gradEnabled: Bool,
        gradFn: Int?, isInPlace: Bool, pass: Int?, innerLine: Int? = nil, callLines: [Int] = []
    ) {
        id32 = packID(id)
        line32 = Int32(truncatingIfNeeded: line)
        innerLine32 = packID(innerLine)
        region32 = packID(region)
        gradFn32 = packID(gradFn)
        pass32 = packID(pass)
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.gradEnabled = gradEnabled
        self.isInPlace = isInPlace
        self.callLines = callLines
    }

    public var id: Int { Int(id32) }
    public var line: Int { Int(line32) }
    /// For an op run inside a custom Function's forward, the line there (`line` is then the
    /// line that called `apply`); nil otherwise.
    public var innerLine: Int? { unpackID(innerLine32) }
    /// The innermost grad-mode region it ran in.
    public var region: Int? { unpackID(region32) }
    /// The grad_fn node autograd created for it, if it recorded one.
    public internal(set) var gradFn: Int? {
        get { unpackID(gradFn32) }
        set { gradFn32 = packID(newValue) }
    }
    /// The backward pass it ran in (ops a create_graph backward records).
    public var pass: Int? { unpackID(pass32) }
}
