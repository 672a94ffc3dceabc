/// `torch.affine_grid_generator` (AffineGridGeneratorBackward0), what `F.affine_grid` calls:
/// the sampling grid of a batch of affine maps, as ATen's AffineGridGenerator.cpp builds it. A
/// base grid `[N, points, k + 1]` holds each output point's normalized coordinates (x, y[, z], 1)
/// and the grid is `base.bmm(theta.transpose(1, 2))`; the backward is
/// `base.transpose(1, 2).bmm(grad).transpose(1, 2)`.
enum AffineGridOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "affine_grid_generator(Tensor theta, int[] size, bool align_corners) -> Tensor",
            gradFn: "AffineGridGeneratorBackward0", exposure: [.torch],
            samples: OpSamples(shapes: ["theta": [2, 2, 3]], arguments: ["size": .intList([2, 1, 3, 4])]),
            forward: {
                try $0.tensor("theta").affineGridGenerator(size: $0.intList("size"), alignCorners: $0.bool("align_corners"))
            })
    ]
}

/// `linspace_from_neg_one`, then (x, y[, z], 1) for every point of `spatial` in row-major order.
private struct AffineBaseGrid: FloatVisitor {
    let batch: Int, spatial: [Int], alignCorners: Bool, storage: Storage

    func visit<T: FloatElement>(_: T.Type) {
        let axes = spatial.reversed().map { size -> [T] in
            guard size > 1 else { return [0] }
            var values = [T](repeating: 0, count: size)
            values.withUnsafeMutableBufferPointer { linspaceFill($0.baseAddress!, from: -1, to: 1, steps: size) }
            return alignCorners ? values : values.map { $0 * T(size - 1) / T(size) }
        }
        let points = spatial.reduce(1, *)
        let width = spatial.count + 1
        let out = storage.pointer(T.self)
        for n in 0..<batch {
            for p in 0..<points {
                var rest = p
                let row = out + (n * points + p) * width
                for (k, size) in spatial.reversed().enumerated() {
                    row[k] = axes[k][size > 1 ? rest % size : 0]
                    rest /= size
                }
                row[spatial.count] = 1
            }
        }
    }
}

extension Tensor {
    /// `torch.affine_grid_generator(theta, size, align_corners)`: for `size` `[N, C, H, W]`
    /// (theta `[N, 2, 3]`) the grid `[N, H, W, 2]`, for `[N, C, D, H, W]` (theta `[N, 3, 4]`)
    /// the grid `[N, D, H, W, 3]`.
    public func affineGridGenerator(size: [Int], alignCorners: Bool) throws -> Tensor {
        guard size.count == 4 || size.count == 5 else {
            throw TorchError.runtime("AffineGridGenerator needs 4d (spatial) or 5d (volumetric) inputs.")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "affine_grid_generator: GradScope supports floating-point theta only, got \(dtype.scalarTypeName)")
        }
        let spatial = Array(size.dropFirst(2))
        let points = spatial.reduce(1, *)
        let base = try Tensor.affineBaseGrid(batch: size[0], spatial: spatial, alignCorners: alignCorners, dtype: dtype)
        let grid = try GradMode.noGrad {
            try base.bmm(transpose(1, 2)).view([size[0]] + spatial + [spatial.count])
        }
        record(
            "affine_grid_generator", .affineGridGeneratorBackward0, inputs: [self], outputs: [grid],
            keeping: [("align_corners", .bool(alignCorners)), ("size", .ints(size))]
        ) { ctx in
            let base = try Tensor.affineBaseGrid(
                batch: size[0], spatial: spatial, alignCorners: alignCorners, dtype: ctx.grad.dtype)
            return [
                try base.transpose(1, 2).bmm(ctx.grad.reshape([size[0], points, spatial.count])).transpose(1, 2)
            ]
        }
        return grid
    }

    /// ATen's `make_base_grid_4D`/`make_base_grid_5D`, viewed as `[N, points, k + 1]`.
    private static func affineBaseGrid(batch: Int, spatial: [Int], alignCorners: Bool, dtype: DType) throws -> Tensor {
        // Checked as ATen allocates it, `[N, (D,) H, W, k + 1]`, for its negative-size message.
        try MemoryBudget.checkedNumel([batch] + spatial + [spatial.count + 1], allocating: dtype)
        let shape = [batch, spatial.reduce(1, *), spatial.count + 1]
        let storage = Storage.uninitialized(dtype, count: shape.reduce(1, *))
        dtype.dispatchFloat(AffineBaseGrid(batch: batch, spatial: spatial, alignCorners: alignCorners, storage: storage))
        return Tensor(storage: storage, shape: shape)
    }
}

extension NodeKind {
    static let affineGridGeneratorBackward0 = NodeKind("AffineGridGeneratorBackward0")
}
