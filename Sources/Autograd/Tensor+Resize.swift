import Foundation

/// `resize_` and `unique`: a tensor's shape changed in place, and its distinct values.
extension Tensor {
    /// `resize_(sizes)`: makes the tensor contiguous with `sizes` over the same storage, which
    /// grows (new elements zero) when it needs more room; PyTorch's error for a tensor that
    /// requires grad.
    @discardableResult
    public func resize_(_ sizes: [Int]) throws -> Tensor {
        guard !requiresGrad else { throw TorchError.runtime("cannot resize variables that require grad") }
        if let negative = sizes.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(negative): \(sizes)")
        }
        let needed = offset + sizes.reduce(1, *)
        if needed > storage.count {
            let grown = Storage.zeroed(dtype: dtype, count: needed)
            UnsafeMutableRawPointer(grown.pointer(UInt8.self))
                .copyMemory(from: storage.pointer(UInt8.self), byteCount: storage.byteCount)
            storage = grown
        }
        shape = sizes
        strides = contiguousStrides(sizes)
        return self
    }

    /// `torch.unique` over all elements: the distinct values in ascending order, each element's
    /// position among them (`inverse`, shaped like the input) and how often each occurs.
    public func unique() -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let all = doubles()
        let distinct = Array(Set(all.filter { !$0.isNaN })).sorted() + all.filter(\.isNaN)
        var position = [Double: Int]()
        for (i, v) in distinct.enumerated() where !v.isNaN { position[v] = i }
        var counts = [Double](repeating: 0, count: distinct.count)
        var nanSeen = 0
        let inverse = all.map { v -> Double in
            let i: Int
            if v.isNaN {
                i = distinct.count - all.filter(\.isNaN).count + nanSeen
                nanSeen += 1
            } else {
                i = position[v]!
            }
            counts[i] += 1
            return Double(i)
        }
        let outputs = (
            Tensor.fromValues(distinct, shape: [distinct.count], dtype: dtype),
            Tensor.fromValues(inverse, shape: shape, dtype: .int64),
            Tensor.fromValues(counts, shape: [distinct.count], dtype: .int64)
        )
        reportNonDifferentiable("_unique2", inputs: [self], outputs: [outputs.0, outputs.1, outputs.2])
        return outputs
    }
}
