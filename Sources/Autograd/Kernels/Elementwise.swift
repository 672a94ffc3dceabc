import RealModule

/// An elementwise function of one floating-point value.
protocol UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T
}

/// An elementwise function of two values, defined for each dtype family.
protocol BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T
    static func apply(_ a: Int64, _ b: Int64) -> Int64
    static func apply(_ a: Bool, _ b: Bool) -> Bool
    /// The arithmetic operator the floating-point `apply` is, if it is one: such functions run
    /// on float32 and float64 through `ArithmeticOperator`'s concrete loops.
    static var arithmeticOperator: ArithmeticOperator? { get }
}

extension BinaryFunction {
    static var arithmeticOperator: ArithmeticOperator? { nil }
}

/// An elementwise comparison.
protocol CompareFunction {
    static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool
}

private struct UnaryFloatVisitor<F: UnaryFloatFunction>: FloatVisitor {
    let source: Storage, destination: Storage, count: Int
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        for i in 0..<count { d[i] = F.apply(s[i]) }
    }
}

/// Applies `F` to every element; integer inputs are promoted to float32 first.
func mapFloat<F: UnaryFloatFunction>(_ f: F.Type, _ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dt: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let src = operands[0].contiguousStorage(as: dt)
        let out = Storage.uninitialized(dt, count: n)
        dt.dispatchFloat(UnaryFloatVisitor<F>(source: src, destination: out, count: n))
        return Tensor(storage: out, shape: shape)
    }
}

private struct BinaryVisitor<F: BinaryFunction>: ElementVisitor {
    let a: Storage, b: Storage, out: Storage
    let count: Int, aScalar: Bool, bScalar: Bool
    /// When nonzero, that operand holds only a block of this many values that repeats along the
    /// leading dims (a bias row broadcast over a batch), read in place rather than expanded.
    var aBlock = 0, bBlock = 0
    /// The value of a single-element operand of another dtype (a Python number wrapped as a
    /// float64 tensor, with float32 tensors), converted in the kernel as a copy would convert
    /// it: the operand's storage is then not read.
    var aConverted: Double? = nil, bConverted: Double? = nil

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type:
            if let op = F.arithmeticOperator {
                withOperands(Float.self) { pa, pb in
                    let po = out.pointer(Float.self)
                    forEachSegment { op.run(pa + $0, pb + $1, po + $2, count: $3, aScalar: $4, bScalar: $5) }
                }
            } else {
                run(Float.self, F.apply)
            }
        case is Double.Type:
            if let op = F.arithmeticOperator {
                withOperands(Double.self) { pa, pb in
                    let po = out.pointer(Double.self)
                    forEachSegment { op.run(pa + $0, pb + $1, po + $2, count: $3, aScalar: $4, bScalar: $5) }
                }
            } else {
                run(Double.self, F.apply)
            }
        case is Int64.Type: run(Int64.self, F.apply)
        case let narrow as any NarrowIntegerElement.Type: runWidened(narrow)
        default: run(Bool.self, F.apply)
        }
    }

    /// A narrow integer type computes in int64 and keeps the low bits, as C++'s integer
    /// promotion and the store back do.
    private func runWidened<N: NarrowIntegerElement>(_: N.Type) {
        run(N.self) { N(truncatingIfNeeded: F.apply(Int64($0), Int64($1))) }
    }

    /// Calls `body` with the operands' values as `T`: a converted operand's one value is read
    /// from a local, converted through Double as `GatherVisitor` converts.
    @inline(__always)
    private func withOperands<T: TensorElement>(
        _: T.Type, _ body: (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>) -> Void
    ) {
        var aValue = T(fromDouble: aConverted ?? 0)
        var bValue = T(fromDouble: bConverted ?? 0)
        withUnsafeMutablePointer(to: &aValue) { convertedA in
            withUnsafeMutablePointer(to: &bValue) { convertedB in
                body(
                    aConverted == nil ? a.pointer(T.self) : convertedA,
                    bConverted == nil ? b.pointer(T.self) : convertedB)
            }
        }
    }

    /// The layouts of `run(_:_:)` as segments for `op`'s concrete loops, called once per
    /// segment (not per element) with the offsets into a, b and out, the segment's length and
    /// which operands are scalars; a block-repeating operand gives one segment per block.
    private func forEachSegment(_ segment: (Int, Int, Int, Int, Bool, Bool) -> Void) {
        var start = 0
        if bBlock > 0 {
            while start < count {
                segment(start, 0, start, bBlock, false, false)
                start += bBlock
            }
        } else if aBlock > 0 {
            while start < count {
                segment(0, start, start, aBlock, false, false)
                start += aBlock
            }
        } else {
            segment(0, 0, 0, count, aScalar, bScalar)
        }
    }

    @inline(__always)
    private func run<T: TensorElement>(_: T.Type, _ f: (T, T) -> T) {
        withOperands(T.self) { pa, pb in run(pa, pb, f) }
    }

    @inline(__always)
    private func run<T>(_ pa: UnsafeMutablePointer<T>, _ pb: UnsafeMutablePointer<T>, _ f: (T, T) -> T) {
        let po = out.pointer(T.self)
        if bBlock > 0 {
            for start in stride(from: 0, to: count, by: bBlock) {
                for j in 0..<bBlock { po[start + j] = f(pa[start + j], pb[j]) }
            }
        } else if aBlock > 0 {
            for start in stride(from: 0, to: count, by: aBlock) {
                for j in 0..<aBlock { po[start + j] = f(pa[j], pb[start + j]) }
            }
        } else if aScalar && !bScalar {
            let x = pa[0]
            for i in 0..<count { po[i] = f(x, pb[i]) }
        } else if bScalar && !aScalar {
            let y = pb[0]
            for i in 0..<count { po[i] = f(pa[i], y) }
        } else if aScalar && bScalar {
            for i in 0..<count { po[i] = f(pa[0], pb[0]) }
        } else {
            for i in 0..<count { po[i] = f(pa[i], pb[i]) }
        }
    }
}

/// Operands of a broadcasting elementwise op, converted to a common dtype and laid out
/// contiguously (single-element operands are kept as scalars, not expanded). With
/// `passingConvertedValues` (for `BinaryVisitor`), a single-element operand of another dtype is
/// passed as its value, not copied into a new storage.
private func prepareOperands(
    _ a: Tensor, _ b: Tensor, shape: [Int], dtype: DType, passingConvertedValues: Bool = false
) throws -> PreparedOperands {
    try MemoryBudget.checkedNumel(shape, allocating: dtype)
    let aScalar = a.numel == 1
    let bScalar = b.numel == 1
    // Narrow integer dtypes take integers by their low bits, which a Double cannot carry past 2^53.
    let passing = passingConvertedValues && !dtype.isNarrowInteger
    let aConverted = passing && aScalar && a.dtype != dtype ? a.singleValue : nil
    let bConverted = passing && bScalar && b.dtype != dtype ? b.singleValue : nil
    return PreparedOperands(
        shape: shape,
        a: aConverted == nil ? a.contiguousStorage(as: dtype, broadcastTo: aScalar ? nil : shape) : a.storage,
        b: bConverted == nil ? b.contiguousStorage(as: dtype, broadcastTo: bScalar ? nil : shape) : b.storage,
        aScalar: aScalar, bScalar: bScalar, aConverted: aConverted, bConverted: bConverted)
}

/// What `prepareOperands` gives `BinaryVisitor`.
private struct PreparedOperands {
    let shape: [Int]
    let a: Storage, b: Storage
    let aScalar: Bool, bScalar: Bool
    let aConverted: Double?, bConverted: Double?
}

/// Reads one stored element as a Double.
struct SingleValueReader: ElementVisitor {
    let storage: Storage
    let offset: Int

    func visit<T: TensorElement>(_ type: T.Type) -> Double { storage.pointer(T.self)[offset].doubleValue }
}

extension Tensor {
    /// The value of a single-element tensor as Double (as every dtype conversion reads it).
    fileprivate var singleValue: Double { dtype.dispatch(SingleValueReader(storage: storage, offset: offset)) }
}

/// The size of the block `t`'s values form when broadcast to `shape` by repeating along leading
/// dims only (its shape without leading 1s is a suffix of `shape`), if `t` can be read in place.
private func repeatingBlock(_ t: Tensor, in shape: [Int], dtype: DType) -> Int? {
    guard t.dtype == dtype, t.isDense, t.numel > 1 else { return nil }
    let dims = t.shape.drop { $0 == 1 }
    guard dims.count < shape.count, shape.suffix(dims.count).elementsEqual(dims) else { return nil }
    return t.numel
}

/// Applies `F` elementwise with broadcasting, computing in `dtype`.
func mapBinary<F: BinaryFunction>(_ f: F.Type, _ a: Tensor, _ b: Tensor, dtype: DType) throws -> Tensor {
    let shape = try broadcastShapes(a.shape, b.shape)
    if a.numel == 1 && b.numel == 1 { return try mapSingleElements(F.self, a, b, shape: shape, dtype: dtype) }
    return try inIteratorLayout(a, b, shape: shape) { a, b, shape in
        try mapBinaryRowMajor(F.self, a, b, shape: shape, dtype: dtype)
    }
}

/// `mapBinary` of two single-element operands: one value computed as `BinaryVisitor` computes
/// it (an operand of another dtype converted through Double), without its operand preparation.
private func mapSingleElements<F: BinaryFunction>(
    _ f: F.Type, _ a: Tensor, _ b: Tensor, shape: [Int], dtype: DType
) throws -> Tensor {
    try MemoryBudget.checkedNumel(shape, allocating: dtype)
    let out = Storage.uninitialized(dtype, count: 1)
    dtype.dispatch(SingleElementVisitor<F>(a: a, b: b, out: out))
    return Tensor(storage: out, shape: shape)
}

/// `mapBinary` of a single-element tensor and a Python number that was not wrapped as a tensor:
/// the value `mapBinary` computes for the number's float64 wrapped-number tensor (read as
/// `T(fromDouble:)` in every dtype), in the shape it gives.
func mapBinary<F: BinaryFunction>(_ f: F.Type, singleElement a: Tensor, number: Double, dtype: DType) throws -> Tensor {
    let shape = try broadcastShapes(a.shape, [])
    try MemoryBudget.checkedNumel(shape, allocating: dtype)
    let out = Storage.uninitialized(dtype, count: 1)
    dtype.dispatch(SingleElementVisitor<F>(a: a, b: nil, number: number, out: out))
    return Tensor(storage: out, shape: shape)
}

private struct SingleElementVisitor<F: BinaryFunction>: ElementVisitor {
    let a: Tensor
    /// The second operand; nil for an unwrapped Python number, read from `number`.
    let b: Tensor?
    let number: Double
    let out: Storage

    init(a: Tensor, b: Tensor?, number: Double = 0, out: Storage) {
        self.a = a
        self.b = b
        self.number = number
        self.out = out
    }

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type: store(Float.self, F.apply)
        case is Double.Type: store(Double.self, F.apply)
        case is Int64.Type: store(Int64.self, F.apply)
        case let narrow as any NarrowIntegerElement.Type: storeWidened(narrow)
        default: store(Bool.self, F.apply)
        }
    }

    private func storeWidened<N: NarrowIntegerElement>(_: N.Type) {
        store(N.self) { N(truncatingIfNeeded: F.apply(Int64($0), Int64($1))) }
    }

    @inline(__always)
    private func store<T: TensorElement>(_: T.Type, _ f: (T, T) -> T) {
        out.pointer(T.self)[0] = f(value(a, as: T.self), b.map { value($0, as: T.self) } ?? T(fromDouble: number))
    }

    @inline(__always)
    private func value<T: TensorElement>(_ t: Tensor, as _: T.Type) -> T {
        if t.dtype == out.dtype { return t.storage.pointer(T.self)[t.offset] }
        // Narrow integers take an integer's low bits, which a Double cannot carry past 2^53.
        if out.dtype.isNarrowInteger { return t.contiguousStorage(as: out.dtype).pointer(T.self)[0] }
        return T(fromDouble: t.singleValue)
    }
}

/// `mapBinary`'s row-major kernel for operands that broadcast to `shape`.
private func mapBinaryRowMajor<F: BinaryFunction>(
    _ f: F.Type, _ a: Tensor, _ b: Tensor, shape: [Int], dtype: DType
) throws -> Tensor {
    if a.shape != b.shape {
        // A bias-like operand repeating along leading dims is read in place, not expanded.
        if a.shape == shape, let block = repeatingBlock(b, in: shape, dtype: dtype) {
            return mapRepeating(F.self, full: a, repeating: b, block: block, fullIsA: true, shape: shape, dtype: dtype)
        }
        if b.shape == shape, let block = repeatingBlock(a, in: shape, dtype: dtype) {
            return mapRepeating(F.self, full: b, repeating: a, block: block, fullIsA: false, shape: shape, dtype: dtype)
        }
    }
    let p = try prepareOperands(a, b, shape: shape, dtype: dtype, passingConvertedValues: true)
    let n = p.shape.reduce(1, *)
    let out = Storage.uninitialized(dtype, count: n)
    dtype.dispatch(
        BinaryVisitor<F>(
            a: p.a, b: p.b, out: out, count: n, aScalar: p.aScalar, bScalar: p.bScalar, aConverted: p.aConverted,
            bConverted: p.bConverted))
    return Tensor(storage: out, shape: p.shape)
}

private func mapRepeating<F: BinaryFunction>(
    _ f: F.Type, full: Tensor, repeating: Tensor, block: Int, fullIsA: Bool,
    shape: [Int], dtype: DType
) -> Tensor {
    let n = full.numel
    let fullStorage = full.contiguousStorage(as: dtype)
    let out = Storage.uninitialized(dtype, count: n)
    let visitor =
        fullIsA
        ? BinaryVisitor<F>(
            a: fullStorage, b: repeating.storage, out: out, count: n, aScalar: false, bScalar: false,
            aBlock: 0, bBlock: block)
        : BinaryVisitor<F>(
            a: repeating.storage, b: fullStorage, out: out, count: n, aScalar: false, bScalar: false,
            aBlock: block, bBlock: 0)
    dtype.dispatch(visitor)
    return Tensor(storage: out, shape: shape)
}

private struct CompareVisitor<F: CompareFunction>: ElementVisitor {
    let a: Storage, b: Storage, out: Storage
    let count: Int, aScalar: Bool, bScalar: Bool

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type: run(Float.self)
        case is Double.Type: run(Double.self)
        case is Int64.Type: run(Int64.self)
        case let narrow as any NarrowIntegerElement.Type: run(narrow)
        default:
            let pa = a.pointer(Bool.self)
            let pb = b.pointer(Bool.self)
            let po = out.pointer(Bool.self)
            for i in 0..<count {
                po[i] = F.apply(pa[aScalar ? 0 : i] ? 1 : 0, pb[bScalar ? 0 : i] ? 1 : 0)
            }
        }
    }

    private func run<T: Comparable>(_: T.Type) {
        let pa = a.pointer(T.self)
        let pb = b.pointer(T.self)
        let po = out.pointer(Bool.self)
        for i in 0..<count { po[i] = F.apply(pa[aScalar ? 0 : i], pb[bScalar ? 0 : i]) }
    }
}

/// Compares elementwise with broadcasting after promoting both operands to a common dtype.
func compare<F: CompareFunction>(_ f: F.Type, _ a: Tensor, _ b: Tensor, dtype: DType) throws -> Tensor {
    try inIteratorLayout(a, b, shape: broadcastShapes(a.shape, b.shape)) { a, b, shape in
        let p = try prepareOperands(a, b, shape: shape, dtype: dtype)
        let n = p.shape.reduce(1, *)
        let out = Storage.uninitialized(.bool, count: n)
        dtype.dispatch(CompareVisitor<F>(a: p.a, b: p.b, out: out, count: n, aScalar: p.aScalar, bScalar: p.bScalar))
        return Tensor(storage: out, shape: p.shape)
    }
}

/// Element values as Doubles in row-major order (for printing, tolist and tests).
extension Tensor {
    /// The elements in row-major order, as Doubles.
    public func doubles() -> [Double] {
        let s = contiguousStorage(as: .float64)
        return Array(UnsafeBufferPointer(start: s.pointer(Double.self), count: numel))
    }

    /// The elements as Ints: int64 values exactly, others truncated and clamped to Int's range
    /// (so an index tensor's extreme values reach the bounds checks instead of trapping).
    public func indexValues() -> [Int] {
        if dtype == .int64 {
            let s = contiguousStorage(as: .int64)
            return UnsafeBufferPointer(start: s.pointer(Int64.self), count: numel).map { Int($0) }
        }
        return doubles().map { $0.isNaN ? 0 : $0 >= 0x1p63 ? .max : $0 < -0x1p63 ? .min : Int($0) }
    }

    /// Whether any element is NaN.
    public func containsNaN() -> Bool { dtype.isFloatingPoint && doubles().contains { $0.isNaN } }
}

/// Writes one value, converted from Double as every dtype conversion converts it.
struct SingleValueWriter: ElementVisitor {
    let storage: Storage
    let value: Double

    func visit<T: TensorElement>(_ type: T.Type) { storage.pointer(T.self).pointee = T(fromDouble: value) }
}
