/// `max_unpool2d(self, indices, output_size)` (`torch._C._nn.max_unpool2d`, which
/// `F.max_unpool1d` and `F.max_unpool2d` call): each input value written into a zero plane of
/// `output_size` at its flat index, in order (a repeated index keeps the last value), as
/// aten/src/ATen/native/cpu/MaxUnpoolKernel.cpp does. MaxUnpool2DBackward0 saves the indices;
/// its backward gathers the gradient back (`max_pool_double_backward`).
enum MaxUnpoolOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "max_unpool2d(Tensor self, Tensor indices, int[2] output_size) -> Tensor", gradFn: "MaxUnpool2DBackward0",
            exposure: [],
            samples: OpSamples(
                shapes: ["self": [1, 2, 2]], arguments: ["output_size": .intList([3, 4])],
                constants: ["indices": OpSamples.Constant([0, 5, 11, 6], shape: [1, 2, 2], dtype: .int64)]),
            forward: {
                try $0.tensor("self").maxUnpool2d(indices: $0.tensor("indices"), outputSize: $0.intList("output_size"))
            })
    ]
}

extension Tensor {
    /// `max_unpool2d(self, indices, output_size)` for a 3-D or 4-D input and int64 indices of
    /// its shape, with PyTorch's checks and messages.
    public func maxUnpool2d(indices: Tensor, outputSize: [Int]) throws -> Tensor {
        guard indices.dtype == .int64 else {
            throw TorchError.runtime(
                "elements in indices should be type int64 but got: \(indices.dtype.scalarTypeName)")
        }
        guard outputSize.count == 2 else {
            throw TorchError.runtime(
                "There should be exactly two elements (height, width) in output_size, but got \(outputSize.count) elements.")
        }
        guard dim == 3 || dim == 4 else {
            throw TorchError.runtime(
                "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with \(dim) dimensions.")
        }
        guard indices.shape == shape else {
            throw TorchError.runtime(
                "Expected shape of indices to be same as that of the input tensor (\(shapeText(shape))) but got indices tensor with shape: \(shapeText(indices.shape))"
            )
        }
        for d in 1..<dim where shape[d] == 0 {
            throw TorchError.runtime(
                "max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got \(shapeText(shape)) with dimension \(d) being empty."
            )
        }
        let (height, width) = (outputSize[0], outputSize[1])
        let plane = shape[dim - 2] * shape[dim - 1]
        let planeOut = height * width
        let positions = try indices.indexValues("", allowingInt32: false)
        // The kernel writes every valid index and reports the last invalid one.
        var destinations = [Int](repeating: 0, count: numel)
        var invalid: Int? = nil
        for (k, raw) in positions.enumerated() {
            let j = Int(raw)
            if j < 0 || j >= planeOut { invalid = j } else { destinations[k] = (k / plane) * planeOut + j }
        }
        if let invalid {
            throw TorchError.runtime("Found an invalid max index: \(invalid) (output volumes are of size \(height)x\(width))")
        }
        let out = Tensor.zeros(Array(shape.dropLast(2)) + [height, width], dtype: dtype)
        moveElements(from: contiguousStorage(), at: nil, to: out.storage, at: destinations, count: numel)
        let indexShape = indices.shape
        record(
            "max_unpool2d", .maxUnpool2DBackward0, inputs: [self], outputs: [out], observed: [self, indices],
            saving: [.input("indices", indices)]
        ) { ctx in
            let index = try ctx.saved(0).flatten(startDim: -2)
            return [try ctx.grad.flatten(startDim: -2).gather(dim: -1, index: index).view(indexShape)]
        }
        return out
    }
}

/// A shape as ATen prints `IntArrayRef`: `[1, 2, 3]`.
private func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

extension NodeKind {
    static let maxUnpool2DBackward0 = NodeKind("MaxUnpool2DBackward0")
}
