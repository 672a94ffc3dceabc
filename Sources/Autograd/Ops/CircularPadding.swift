/// `F.pad(mode="circular")`, which PyTorch composes from views and copies (aten's
/// `_pad_circular_symint`, PadNd.cpp): an output of the padded shape gets the input (sliced
/// where a padding is negative), then, dim by dim from the last, its left padding copied from
/// its own right end and its right padding from its left end. Each copy writes a slice of the
/// output, so the result's history is a chain of CopySlices nodes over SliceBackward0 views,
/// as in PyTorch.
extension Tensor {
    /// Pads the last `padding.count / 2` dims (1 to 3, after one or two unpadded dims) by
    /// wrapping around, `padding` listing (before, after) pairs from the last dim backwards.
    func circularPad(_ padding: [Int]) throws -> Tensor {
        try checkNonConstantPadRank(padding)
        let padded = padding.count / 2
        let unpadded = dim - padded
        guard unpadded == 1 || unpadded == 2 else {
            throw TorchError.runtime(
                "Invalid padding size, expected 1 or 2 non-padded dimensions, which would be equivalent to padding of length \((dim - 1) * 2) or \((dim - 2) * 2) respectively but got \(padding.count)"
            )
        }
        var outShape = shape
        for i in 0..<padded {
            let d = unpadded + i
            let (before, after) = (padding[2 * (padded - i - 1)], padding[2 * (padded - i - 1) + 1])
            outShape[d] = shape[d] + before + after
            guard before <= shape[d] && after <= shape[d] else {
                throw TorchError.runtime("Padding value causes wrapping around more than once.")
            }
            guard outShape[d] >= 0 else {
                throw TorchError.runtime("Negative padding value is resulting in an empty dimension")
            }
        }
        _ = try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        let out = Tensor.zeros(outShape, dtype: dtype)
        let everything = TensorIndex.slice(start: nil, stop: nil, step: nil)
        var target = [TensorIndex](repeating: everything, count: dim)
        var source = self
        for i in 0..<padded {
            let d = dim - 1 - i
            let (before, after) = (padding[2 * i], padding[2 * i + 1])
            target[d] = .slice(start: Swift.max(before, 0), stop: outShape[d] - Swift.max(after, 0), step: nil)
            source = try source.slice(d, start: Swift.max(-before, 0), end: shape[d] - Swift.max(-after, 0))
        }
        try out.indexAssign(target, .tensor(source))
        for i in 0..<padded {
            let d = dim - 1 - i
            let (before, after) = (padding[2 * i], padding[2 * i + 1])
            let size = outShape[d]
            if before > 0 {
                let wrapped = try out.slice(d, start: size - before - Swift.max(after, 0), end: size - Swift.max(after, 0))
                try out.indexAssign(region(d, 0, before), .tensor(wrapped))
            }
            if after > 0 {
                let wrapped = try out.slice(d, start: Swift.max(before, 0), end: Swift.max(before, 0) + after)
                try out.indexAssign(region(d, size - after, size), .tensor(wrapped))
            }
        }
        return out
    }

    /// The index of `[start, stop)` along dim `d`, every other dim whole.
    private func region(_ d: Int, _ start: Int, _ stop: Int) -> [TensorIndex] {
        (0..<dim).map { $0 == d ? .slice(start: start, stop: stop, step: nil) : .slice(start: nil, stop: nil, step: nil) }
    }
}
