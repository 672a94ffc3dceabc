import Autograd
import Python

/// A numpy array (`np.ndarray`) or numpy scalar (`np.float32(1.5)`, what `arr.sum()` returns).
///
/// Its values live in an engine tensor that never requires grad, so `torch.from_numpy(a)` and
/// `t.numpy()` are views of one storage, as in PyTorch. Views (slices, `.T`, `reshape`) share
/// that storage too; arithmetic and reductions run numpy's own kernels (NumPyKernels), not
/// the engine's, so that sums and promotions give numpy's digits and dtypes.
final class NDArray {
    /// The values; a view of shared storage.
    let tensor: Tensor
    /// Whether this is a numpy scalar (`np.float64(2.5)`) rather than an array.
    let isScalar: Bool

    init(_ tensor: Tensor, isScalar: Bool = false) {
        self.tensor = tensor
        self.isScalar = isScalar
    }

    var dtype: NumPyDType { NumPyDType(tensor.dtype) }
    var shape: [Int] { tensor.shape }
    var size: Int { tensor.numel }

    /// Row-major values as Doubles (exact for floats; integers beyond 2^53 are not supported).
    var values: [Double] {
        guard tensor.isContiguous else { return tensor.doubles() }
        let n = size
        let base = tensor.storage.data
        let offset = tensor.offset
        switch dtype {
        case .float64: return Array(UnsafeBufferPointer(start: base.assumingMemoryBound(to: Double.self) + offset, count: n))
        case .float32:
            let p = base.assumingMemoryBound(to: Float.self) + offset
            return (0..<n).map { Double(p[$0]) }
        case .int64:
            let p = base.assumingMemoryBound(to: Int64.self) + offset
            return (0..<n).map { Double(p[$0]) }
        case .bool:
            let p = base.assumingMemoryBound(to: Bool.self) + offset
            return (0..<n).map { p[$0] ? 1 : 0 }
        }
    }

    /// A new contiguous array holding `values` converted to `dtype` (floats rounded to
    /// nearest, integers truncated toward zero, as numpy casts). Written straight into fresh
    /// storage: numpy arrays are not tensors a script made, so nothing is reported to the
    /// graph recorder.
    static func make(_ values: [Double], shape: [Int], dtype: NumPyDType) throws -> NDArray {
        let n = try MemoryBudget.checkedNumel(shape, allocating: dtype.engine)
        guard n == values.count else {
            throw PyException.value("cannot reshape array of size \(values.count) into shape \(shape)")
        }
        let t = Tensor.zeros(shape, dtype: dtype.engine)
        let base = t.storage.data
        switch dtype {
        case .float64: base.assumingMemoryBound(to: Double.self).update(from: values, count: n)
        case .float32:
            let p = base.assumingMemoryBound(to: Float.self)
            for i in 0..<n { p[i] = Float(values[i]) }
        case .int64:
            let p = base.assumingMemoryBound(to: Int64.self)
            for i in 0..<n { p[i] = NumPyKernels.int64(values[i]) }
        case .bool:
            let p = base.assumingMemoryBound(to: Bool.self)
            for i in 0..<n { p[i] = values[i] != 0 }
        }
        return NDArray(t)
    }

    /// The numpy scalar of a 0-d result (numpy returns scalars, not 0-d arrays, from ops).
    func asScalar() -> NDArray { isScalar ? self : NDArray(tensor, isScalar: true) }

    /// Results of ops: a scalar when 0-d, as numpy's ufuncs and reductions return.
    func scalarIfZeroDim() -> NDArray { shape.isEmpty ? asScalar() : self }

    /// The single value as the Python number `item()` returns.
    func item() throws -> Value {
        guard size == 1 else {
            throw PyException.value("can only convert an array of size 1 to a Python scalar")
        }
        return pythonNumber(values[0])
    }

    /// One element value as a Python number of this dtype's kind.
    func pythonNumber(_ v: Double) -> Value {
        switch dtype {
        case .bool: return .bool(v != 0)
        case .int64: return .int(Int(NumPyKernels.int64(v)))
        case .float32, .float64: return .float(v)
        }
    }

    /// A contiguous copy (`arr.copy()`).
    func copy() throws -> NDArray { try NDArray.make(values, shape: shape, dtype: dtype) }

    /// `reshape(shape)`: a view when the layout allows, with numpy's error when sizes differ.
    func reshaped(_ requested: [Int]) throws -> NDArray {
        let known = requested.filter { $0 != -1 }.reduce(1, *)
        let inferred = requested.filter { $0 == -1 }.count
        let fits = inferred == 0 ? known == size : inferred == 1 && known > 0 && size % known == 0
        guard fits, !requested.contains(where: { $0 < -1 }) else {
            let dims = requested.map { $0 == -1 ? "newaxis" : String($0) }.joined(separator: ",")
            throw PyException.value("cannot reshape array of size \(size) into shape (\(dims)\(requested.count == 1 ? "," : ""))")
        }
        return NDArray(try tensor.reshape(requested))
    }

    /// `astype(dtype)`: always a copy.
    func astype(_ d: NumPyDType) throws -> NDArray { try NDArray.make(values, shape: shape, dtype: d) }
}

extension NDArray {
    /// `np.array(value, dtype=)` / `np.asarray`: nested lists of numbers (numpy's inference:
    /// any float gives float64, else any int gives int64, else bool), arrays, tensors, scalars.
    static func from(_ value: Value, dtype: NumPyDType?, copy: Bool, _ interp: Interpreter) throws -> NDArray {
        switch value {
        case .object(let a as NDArray):
            if let dtype, dtype != a.dtype { return try a.astype(dtype) }
            return copy ? try a.copy() : (a.isScalar ? NDArray(a.tensor) : a)
        case .object(let t as Tensor):
            let source = try NumPyBridge.numpyView(of: t)
            if let dtype, dtype != source.dtype { return try source.astype(dtype) }
            return copy ? try source.copy() : source
        default:
            var values = [Double]()
            var kind = 0
            let shape = try nestedShape(value, &values, &kind, prefix: [], interp)
            let inferred: NumPyDType = kind == 2 ? .float64 : kind == 1 ? .int64 : .bool
            return try make(values, shape: shape, dtype: dtype ?? inferred)
        }
    }

    private static func nestedShape(_ v: Value, _ values: inout [Double], _ kind: inout Int, prefix: [Int], _ interp: Interpreter)
        throws -> [Int]
    {
        switch v {
        case .bool(let b):
            values.append(b ? 1 : 0)
            return []
        case .int(let i):
            values.append(Double(i))
            kind = max(kind, 1)
            return []
        case .float(let d):
            values.append(d)
            kind = 2
            return []
        case .object(let a as NDArray):
            values.append(contentsOf: a.values)
            kind = max(kind, a.dtype.kind)
            return a.shape
        case .list, .tuple:
            let items = try interp.iterate(v)
            var inner: [Int]?
            for item in items {
                let s = try nestedShape(item, &values, &kind, prefix: prefix + [items.count], interp)
                if let i = inner, i != s {
                    let detected = prefix + [items.count]
                    throw PyException.value(
                        "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(detected.count) dimensions. The detected shape was \(NumPyErrors.tuple(detected)) + inhomogeneous part."
                    )
                }
                inner = s
            }
            return [items.count] + (inner ?? [])
        default:
            throw PyException.type(
                "GradScope's numpy cannot make an array from \(Formatting.typeName(v)) (numbers, lists, tuples, arrays and tensors only)"
            )
        }
    }
}
