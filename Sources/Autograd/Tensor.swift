/// An n-dimensional array with reverse-mode autograd, behaving like `torch.Tensor`.
///
/// Tensors have reference semantics: views (`view`, `t`, indexing, ...) and `detach()` share
/// storage and the version counter with their source.
public final class Tensor {
    package internal(set) var storage: Storage
    /// The size of each dimension (`x.shape`).
    public internal(set) var shape: [Int]
    /// Elements to step in storage per index of each dimension (`x.stride()`).
    public internal(set) var strides: [Int]
    /// Index of the first element in storage (`x.storage_offset()`).
    public internal(set) var offset: Int
    /// The shared version counter, created when first needed (a view, detach or in-place op):
    /// most tensors are never viewed or modified, and read as version 0 until then.
    private var sharedVersion: VersionCounter?
    var versionCounter: VersionCounter {
        if let v = sharedVersion { return v }
        let v = VersionCounter()
        sharedVersion = v
        return v
    }

    /// The node that computes this tensor's gradient inputs; nil for leaves.
    public internal(set) var gradFn: Node?
    /// Which output of `gradFn` this tensor is.
    public internal(set) var outputNr: Int = 0
    var leafRequiresGrad = false
    /// The accumulated gradient (leaves, or non-leaves that `retainGrad()`), read without the
    /// warning `grad` gives for a non-leaf: a tensor, not a storage.
    package internal(set) var storedGrad: Tensor?
    /// The AccumulateGrad node of a leaf that requires grad, created on first use.
    var accumulator: AccumulateGrad?
    /// Whether a non-leaf keeps its gradient (`retain_grad()` was called).
    public internal(set) var retainsGrad = false
    /// Whether the tensor was made in inference mode (`x.is_inference()`).
    public internal(set) var isInference = false
    /// Whether this tensor is an `nn.Parameter` (it prints as "Parameter containing:").
    public var isParameter = false
    /// Whether this 0-dim tensor stands for a Python number operand (saved-tensor hooks skip it).
    package internal(set) var isWrappedNumber = false
    /// The tensor this one is a view of (PyTorch's `._base`).
    public internal(set) var base: Tensor?
    /// A process-unique, increasing identifier.
    public let id: Int

    init(storage: Storage, shape: [Int], strides: [Int], offset: Int = 0, version: VersionCounter? = nil) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.sharedVersion = version
        self.id = TensorIDs.next()
    }

    /// A new contiguous tensor over a fresh storage.
    convenience init(storage: Storage, shape: [Int]) {
        self.init(storage: storage, shape: shape, strides: contiguousStrides(shape))
    }

    /// The element type (`x.dtype`).
    public var dtype: DType { storage.dtype }
    /// The number of dimensions (`x.dim()`).
    public var dim: Int { shape.count }
    /// The number of elements (`x.numel()`).
    public var numel: Int {
        var count = 1
        var d = 0
        while d < shape.count {
            count *= shape[d]
            d += 1
        }
        return count
    }
    /// The version counter shared with views, bumped by each in-place op (`x._version`).
    public var version: Int { sharedVersion?.value ?? 0 }
    /// Whether no recorded op produced this tensor (`x.is_leaf`).
    public var isLeaf: Bool { gradFn == nil }
    /// Whether gradients flow to or through this tensor (`x.requires_grad`).
    public var requiresGrad: Bool { gradFn != nil || leafRequiresGrad }
    /// Whether the dtype is a floating-point type (`x.is_floating_point()`).
    public var isFloatingPoint: Bool { dtype.isFloatingPoint }

    /// The gradient as PyTorch's `.grad` reads it; warns when a non-leaf that does not retain
    /// its gradient is read.
    public var grad: Tensor? {
        if !isLeaf && !retainsGrad {
            Diagnostics.warn(AutogradMessages.nonLeafGradAccess)
        }
        return storedGrad
    }

    /// Whether the elements lie in storage in row-major order without gaps (`x.is_contiguous()`).
    public var isContiguous: Bool {
        var expected = 1
        var d = shape.count - 1
        while d >= 0 {
            if shape[d] != 1 {
                if strides[d] != expected { return false }
                expected *= shape[d]
            }
            d -= 1
        }
        return true
    }

    /// Whether this tensor's values fill its storage from the start, in order.
    var isDense: Bool { offset == 0 && isContiguous && storage.count == numel }

    /// Size of dimension `d` (negative counts from the end).
    public func size(_ d: Int) throws -> Int { shape[try normalizeDim(d, rank: dim)] }
}

enum TensorIDs {
    @inline(__always) static func next() -> Int {
        let state = ThreadState.current
        state.nextTensorID &+= 1
        return state.nextTensorID
    }
}

/// The strides of every 1-D contiguous tensor, shared rather than allocated per tensor.
private let unitStride = [1]

/// Row-major strides for a shape.
package func contiguousStrides(_ shape: [Int]) -> [Int] {
    if shape.count <= 1 { return shape.isEmpty ? [] : unitStride }
    var strides = [Int](repeating: 1, count: shape.count)
    var acc = 1
    var d = shape.count - 1
    while d >= 0 {
        strides[d] = acc
        acc &*= max(shape[d], 1) // checked where shapes are made (`MemoryBudget.checkedNumel`)
        d -= 1
    }
    return strides
}

/// Resolves a possibly negative dimension index, with PyTorch's IndexError text.
package func normalizeDim(_ d: Int, rank: Int) throws -> Int {
    let r = max(rank, 1)
    if d < -r || d >= r {
        throw TorchError.index(
            "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(d))")
    }
    return d < 0 ? d + r : d
}
