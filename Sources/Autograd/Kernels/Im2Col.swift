/// The geometry of a 2-D convolution (conv1d runs as a 2-D one of height 1): sizes, strides,
/// padding on each side, dilation and groups, with the output size derived from them.
struct ConvGeometry {
    var batch: Int, inChannels: Int, height: Int, width: Int
    var outChannels: Int, kernelH: Int, kernelW: Int
    var stride: (Int, Int), padTop: Int, padLeft: Int, padBottom: Int, padRight: Int
    var dilation: (Int, Int), groups: Int

    var outH: Int { (height + padTop + padBottom - dilation.0 * (kernelH - 1) - 1) / stride.0 + 1 }
    var outW: Int { (width + padLeft + padRight - dilation.1 * (kernelW - 1) - 1) / stride.1 + 1 }
    /// Input channels per group.
    var groupChannels: Int { inChannels / groups }
    /// Output channels per group.
    var groupOutChannels: Int { outChannels / groups }
    /// Rows of a group's column matrix: input channels per group times kernel positions.
    var columnRows: Int { groupChannels * kernelH * kernelW }
    /// Output positions per image.
    var positions: Int { outH * outW }

    /// Checks `passes` runs of the im2col products (one per image and group) before they start:
    /// the column buffer against the memory budget, the multiply-adds against the time left.
    func reserveProducts(_ dtype: DType, passes: Int) throws {
        guard passes > 0 else { return }
        _ = try MemoryBudget.checkedNumel([columnRows, positions], allocating: dtype)
        try WorkBudget.reserveProducts(batch: passes * batch * groups, m: groupOutChannels, k: columnRows, n: positions)
    }

    /// Copies one image's channels `[c0, c0 + groupChannels)` into `columns`
    /// (`columnRows` x `positions`, row-major), zero where the kernel reads padding.
    func im2col<T: FloatElement>(_ image: UnsafePointer<T>, firstChannel c0: Int, into columns: UnsafeMutablePointer<T>) {
        var row = 0
        for c in c0..<(c0 + groupChannels) {
            let plane = image + c * height * width
            for ki in 0..<kernelH {
                for kj in 0..<kernelW {
                    let out = columns + row * positions
                    for oy in 0..<outH {
                        let y = oy * stride.0 - padTop + ki * dilation.0
                        for ox in 0..<outW {
                            let x = ox * stride.1 - padLeft + kj * dilation.1
                            out[oy * outW + ox] = y >= 0 && y < height && x >= 0 && x < width ? plane[y * width + x] : 0
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Adds `columns` back into one image's channels `[c0, c0 + groupChannels)` (the adjoint of
    /// `im2col`).
    func col2im<T: FloatElement>(_ columns: UnsafePointer<T>, firstChannel c0: Int, into image: UnsafeMutablePointer<T>) {
        var row = 0
        for c in c0..<(c0 + groupChannels) {
            let plane = image + c * height * width
            for ki in 0..<kernelH {
                for kj in 0..<kernelW {
                    let col = columns + row * positions
                    for oy in 0..<outH {
                        let y = oy * stride.0 - padTop + ki * dilation.0
                        guard y >= 0 && y < height else { continue }
                        for ox in 0..<outW {
                            let x = ox * stride.1 - padLeft + kj * dilation.1
                            if x >= 0 && x < width { plane[y * width + x] += col[oy * outW + ox] }
                        }
                    }
                    row += 1
                }
            }
        }
    }
}
