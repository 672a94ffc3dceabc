/// Writing one generated value per element, in the order PyTorch's `cpu_serial_kernel` visits a
/// nullary op's output: memory order (TensorIterator puts the smallest stride innermost).
extension Tensor {
    /// Calls `next` once per element, in memory order, and stores what it returns.
    func fillSerially<T: TensorElement>(_: T.Type, _ next: () -> T) {
        let p = storage.pointer(T.self)
        let order = (0..<dim).filter { shape[$0] != 1 }.sorted { strides[$0] > strides[$1] }
        forEachOffset(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset) { p[$0] = next() }
    }

    /// `fillSerially` on a narrow-integer tensor: `next`'s values with their low bits kept.
    func fillNarrowSerially(_ next: () -> Int64) {
        switch dtype {
        case .int32: fillSerially(Int32.self) { Int32(truncatingIfNeeded: next()) }
        case .int16: fillSerially(Int16.self) { Int16(truncatingIfNeeded: next()) }
        case .int8: fillSerially(Int8.self) { Int8(truncatingIfNeeded: next()) }
        default: fillSerially(UInt8.self) { UInt8(truncatingIfNeeded: next()) }
        }
    }

    /// `fillSerially(_:reading:as:_:)` on a narrow-integer tensor, keeping the low bits.
    func fillNarrowSerially<P: TensorElement>(reading other: Tensor, as _: P.Type, _ next: (P) -> Int64) {
        switch dtype {
        case .int32: fillSerially(Int32.self, reading: other, as: P.self) { Int32(truncatingIfNeeded: next($0)) }
        case .int16: fillSerially(Int16.self, reading: other, as: P.self) { Int16(truncatingIfNeeded: next($0)) }
        case .int8: fillSerially(Int8.self, reading: other, as: P.self) { Int8(truncatingIfNeeded: next($0)) }
        default: fillSerially(UInt8.self, reading: other, as: P.self) { UInt8(truncatingIfNeeded: next($0)) }
        }
    }

    /// Calls `next` once per element of this tensor and of `other` (same shape), in this
    /// tensor's memory order, storing its result from the matching element of `other`.
    func fillSerially<T: TensorElement, P: TensorElement>(_: T.Type, reading other: Tensor, as _: P.Type, _ next: (P) -> T) {
        let p = storage.pointer(T.self)
        let q = other.storage.pointer(P.self)
        let order = (0..<dim).filter { shape[$0] != 1 }.sorted { strides[$0] > strides[$1] }
        forEachOffsetPair(
            shape: order.map { shape[$0] }, stridesA: order.map { strides[$0] }, offsetA: offset,
            stridesB: order.map { other.strides[$0] }, offsetB: other.offset
        ) { p[$0] = next(q[$1]) }
    }
}
