/// Writing one generated value per element, in the order PyTorch's `cpu_serial_kernel` visits a
/// nullary op's output: memory order (TensorIterator puts the smallest stride innermost).
extension Tensor {
    /// Calls `next` once per element, in memory order, and stores what it returns.
    func fillSerially<T: TensorElement>(_: T.Type, _ next: () -> T) {
        let p = storage.pointer(T.self)
        let order = (0..<dim).filter { shape[$0] != 1 }.sorted { strides[$0] > strides[$1] }
        forEachOffset(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset) { p[$0] = next() }
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
