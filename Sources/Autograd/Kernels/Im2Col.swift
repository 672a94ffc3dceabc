/// The geometry of a 2-D or 3-D convolution (conv1d runs as a 2-D one of height 1, conv2d as a
/// 3-D one of depth 1): sizes, strides, padding on each side, dilation and groups, with the
/// output size derived from them. The depth fields default to a depth of 1.
struct ConvGeometry {
    var batch: Int, inChannels: Int, height: Int, width: Int
    var outChannels: Int, kernelH: Int, kernelW: Int
    var stride: (Int, Int), padTop: Int, padLeft: Int, padBottom: Int, padRight: Int
    var dilation: (Int, Int), groups: Int
    var depth = 1, kernelD = 1, strideD = 1, padFront = 0, padBack = 0, dilationD = 1
    /// Whether this is a 3-D convolution (conv3d), whose choice of PyTorch kernel reads other dims.
    var volumetric = false

    var outD: Int { (depth + padFront + padBack - dilationD * (kernelD - 1) - 1) / strideD + 1 }
    var outH: Int { (height + padTop + padBottom - dilation.0 * (kernelH - 1) - 1) / stride.0 + 1 }
    var outW: Int { (width + padLeft + padRight - dilation.1 * (kernelW - 1) - 1) / stride.1 + 1 }
    /// Input channels per group.
    var groupChannels: Int { inChannels / groups }
    /// Output channels per group.
    var groupOutChannels: Int { outChannels / groups }
    /// Rows of a group's column matrix: input channels per group times kernel positions.
    var columnRows: Int { groupChannels * kernelD * kernelH * kernelW }
    /// Output positions per image.
    var positions: Int { outD * outH * outW }
    /// Input values per channel of one image.
    var inVolume: Int { depth * height * width }

    /// Checks `passes` runs of the im2col products (one per image and group) before they start:
    /// the column buffer against the memory budget, the multiply-adds against the time left.
    func reserveProducts(_ dtype: DType, passes: Int) throws {
        guard passes > 0 else { return }
        _ = try MemoryBudget.checkedNumel([columnRows, positions], allocating: dtype)
        try WorkBudget.reserveProducts(batch: passes * batch * groups, m: groupOutChannels, k: columnRows, n: positions)
    }

    /// Calls `body(row, offset, source)` for every column-matrix row (channel, kernel depth, row,
    /// column) and output position `offset` of channels `[c0, c0 + groupChannels)`, with the
    /// index of the input value that position reads in the image, or nil in the padding.
    @inline(__always)
    private func forEachTap(firstChannel c0: Int, _ body: (Int, Int, Int?) -> Void) {
        var row = 0
        for c in c0..<(c0 + groupChannels) {
            for kd in 0..<kernelD {
                for ki in 0..<kernelH {
                    for kj in 0..<kernelW {
                        for od in 0..<outD {
                            let z = od * strideD - padFront + kd * dilationD
                            let zInside = z >= 0 && z < depth
                            for oy in 0..<outH {
                                let y = oy * stride.0 - padTop + ki * dilation.0
                                let yInside = zInside && y >= 0 && y < height
                                for ox in 0..<outW {
                                    let x = ox * stride.1 - padLeft + kj * dilation.1
                                    let offset = (od * outH + oy) * outW + ox
                                    body(
                                        row, offset,
                                        yInside && x >= 0 && x < width ? ((c * depth + z) * height + y) * width + x : nil)
                                }
                            }
                        }
                        row += 1
                    }
                }
            }
        }
    }

    /// Copies one image's channels `[c0, c0 + groupChannels)` into `columns`
    /// (`columnRows` x `positions`, row-major), zero where the kernel reads padding.
    func im2col<T: FloatElement>(_ image: UnsafePointer<T>, firstChannel c0: Int, into columns: UnsafeMutablePointer<T>) {
        forEachTap(firstChannel: c0) { row, offset, source in
            columns[row * positions + offset] = source.map { image[$0] } ?? 0
        }
    }

    /// Adds `columns` back into one image's channels `[c0, c0 + groupChannels)` (the adjoint of
    /// `im2col`).
    func col2im<T: FloatElement>(_ columns: UnsafePointer<T>, firstChannel c0: Int, into image: UnsafeMutablePointer<T>) {
        forEachTap(firstChannel: c0) { row, offset, source in
            if let source { image[source] += columns[row * positions + offset] }
        }
    }
}
