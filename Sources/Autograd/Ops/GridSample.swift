/// `torch.grid_sampler` and `torch.grid_sampler_2d` (GridSampler2DBackward0): what
/// `F.grid_sample` calls. Each output pixel `[n, c, h, w]` reads the input at the normalized
/// location `grid[n, h, w]` (x then y, -1 and 1 the outer edges or, with `align_corners`, the
/// corner pixels' centres), bilinearly or from the nearest pixel, with zeros, the border or the
/// reflection outside. The values are those of ATen's CPU kernel (`Kernels/GridSampleKernel.swift`);
/// bicubic interpolation and 5-D (volumetric) inputs are not supported.
enum GridSampleOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "grid_sampler(Tensor input, Tensor grid, int interpolation_mode, int padding_mode, bool align_corners) -> Tensor",
            gradFn: "GridSampler2DBackward0", exposure: [.torch],
            samples: samples, forward: { try sample($0, anyDimension: true) }),
        OpDeclaration(
            "grid_sampler_2d(Tensor input, Tensor grid, int interpolation_mode, int padding_mode, bool align_corners) -> Tensor",
            gradFn: "GridSampler2DBackward0", exposure: [.torch],
            samples: samples, forward: { try sample($0, anyDimension: false) })
    ]

    /// `grid_sampler` (`anyDimension`) or `grid_sampler_2d` on bound arguments.
    private static func sample(_ a: OpArguments, anyDimension: Bool) throws -> Tensor {
        let (input, grid) = (try a.tensor("input"), try a.tensor("grid"))
        let (mode, padding, align) = (try a.int("interpolation_mode"), try a.int("padding_mode"), try a.bool("align_corners"))
        return anyDimension
            ? try input.gridSampler(grid, interpolationMode: mode, paddingMode: padding, alignCorners: align)
            : try input.gridSampler2d(grid, interpolationMode: mode, paddingMode: padding, alignCorners: align)
    }

    /// Bilinear with reflection: the sampled grid values land away from pixel centres and borders,
    /// where the sampler's derivative jumps.
    private static let samples = OpSamples(
        shapes: ["input": [1, 2, 3, 4], "grid": [1, 2, 2, 2]],
        arguments: ["interpolation_mode": .int(0), "padding_mode": .int(2), "align_corners": .bool(false)])
}

private func sizesText(_ shape: [Int]) -> String { "[\(shape.map(String.init).joined(separator: ", "))]" }

extension Tensor {
    /// `torch.grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners)`:
    /// `grid_sampler_2d` for 4-D inputs.
    public func gridSampler(
        _ grid: Tensor, interpolationMode: Int, paddingMode: Int, alignCorners: Bool
    ) throws -> Tensor {
        guard dim == 4 else {
            try checkGridSampler(grid)
            guard dim == 5 && grid.dim == 5 else {
                throw TorchError.runtime(
                    "grid_sampler(): expected 5D input and grid with same number of dimensions, but got input with sizes \(sizesText(shape)) and grid with sizes \(sizesText(grid.shape))"
                )
            }
            throw TorchError.unsupportedOperation("grid_sampler(): 5-D (volumetric) inputs are not supported by GradScope")
        }
        return try gridSampler2d(grid, interpolationMode: interpolationMode, paddingMode: paddingMode, alignCorners: alignCorners)
    }

    /// `torch.grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners)`
    /// (GridSampler2DBackward0): `input` `[N, C, H, W]` sampled at `grid` `[N, outH, outW, 2]`,
    /// giving `[N, C, outH, outW]`; modes 0 bilinear / 1 nearest, paddings 0 zeros / 1 border /
    /// 2 reflection.
    public func gridSampler2d(
        _ grid: Tensor, interpolationMode: Int, paddingMode: Int, alignCorners: Bool
    ) throws -> Tensor {
        try checkGridSampler(grid)
        guard dim == 4 && grid.dim == dim else {
            throw TorchError.runtime(
                "grid_sampler(): expected 4D input and grid with same number of dimensions, but got input with sizes \(sizesText(shape)) and grid with sizes \(sizesText(grid.shape))"
            )
        }
        guard let padding = GridSamplerMode.Padding(rawValue: paddingMode) else {
            throw TorchError.runtime(
                "grid_sampler(): padding_mode must be 0 (zeros), 1 (border) or 2 (reflection), but got \(paddingMode)")
        }
        guard let interpolation = GridSamplerMode.Interpolation(rawValue: interpolationMode) else {
            if interpolationMode == 2 {
                throw TorchError.unsupportedOperation("grid_sampler(): bicubic interpolation is not supported by GradScope")
            }
            throw TorchError.runtime(
                "grid_sampler(): interpolation_mode must be 0 (bilinear) or 1 (nearest), but got \(interpolationMode)")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "\"grid_sampler_2d_cpu_kernel_impl\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard grid.dtype == dtype else {
            throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(grid.dtype.scalarTypeName)")
        }
        let outShape = [shape[0], shape[1], grid.shape[1], grid.shape[2]]
        try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        let isLine = GridSampler2DKernel.isLine(gridShape: grid.shape, strides: grid.strides)
        let inputShape = shape
        func kernel(
            input: Tensor, grid: Tensor, output: Storage?, gradOutput: Storage? = nil, gradInput: Storage? = nil,
            gradGrid: Storage? = nil
        ) -> GridSampler2DKernel {
            GridSampler2DKernel(
                interpolation: interpolation, padding: padding, alignCorners: alignCorners, inputShape: inputShape,
                gridShape: grid.shape, gridSliceIsLine: isLine, input: input.contiguousStorage(),
                grid: grid.contiguousStorage(), output: output, gradOutput: gradOutput, gradInput: gradInput,
                gradGrid: gradGrid)
        }
        let out = Storage.uninitialized(dtype, count: outShape.reduce(1, *))
        dtype.dispatchFloat(kernel(input: self, grid: grid, output: out))
        let result = Tensor(storage: out, shape: outShape)
        let gridShape = grid.shape
        record(
            "grid_sampler_2d", .gridSampler2DBackward0, inputs: [self, grid], outputs: [result],
            saving: [.input("grid", grid), .input("input", self)],
            keeping: [
                ("align_corners", .bool(alignCorners)), ("interpolation_mode", .int(interpolationMode)),
                ("padding_mode", .int(paddingMode))
            ]
        ) { ctx in
            let (savedGrid, savedInput) = (try ctx.saved("grid"), try ctx.saved("input"))
            let gradInput = ctx.needsGrad(0) ? Tensor.zeros(inputShape, dtype: savedInput.dtype) : nil
            let gradGrid = Storage.uninitialized(savedGrid.dtype, count: gridShape.reduce(1, *))
            savedInput.dtype.dispatchFloat(
                kernel(
                    input: savedInput, grid: savedGrid, output: nil, gradOutput: ctx.grad.contiguousStorage(),
                    gradInput: gradInput?.storage, gradGrid: gradGrid))
            return [gradInput, ctx.needsGrad(1) ? Tensor(storage: gradGrid, shape: gridShape) : nil]
        }
        return result
    }

    /// ATen's `check_grid_sampler_common`, in its order.
    private func checkGridSampler(_ grid: Tensor) throws {
        guard dim > 0 && grid.dim > 0 && shape[0] == grid.shape[0] else {
            throw TorchError.runtime(
                "grid_sampler(): expected grid and input to have same batch size, but got input with sizes \(sizesText(shape)) and grid with sizes \(sizesText(grid.shape))"
            )
        }
        guard grid.shape[grid.dim - 1] == dim - 2 else {
            throw TorchError.runtime(
                "grid_sampler(): expected grid to have size \(dim - 2) in last dimension, but got grid with sizes \(sizesText(grid.shape))"
            )
        }
        for i in 2..<Swift.max(dim, 2) where shape[i] <= 0 {
            throw TorchError.runtime(
                "grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes \(sizesText(shape)) with dimension \(i) being empty"
            )
        }
    }
}

extension NodeKind {
    static let gridSampler2DBackward0 = NodeKind("GridSampler2DBackward0")
}
