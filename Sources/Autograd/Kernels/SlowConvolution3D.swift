/// PyTorch's `slow_conv3d` (aten/src/ATen/native/ConvolutionMM3d.cpp), the path ATen takes for
/// an ungrouped, undilated 3-D convolution that does not go to oneDNN (one image, a small
/// kernel): per image the vol2col columns, then `addmm_` / `mm` through BLAS as
/// addmm_impl_cpu_ calls it (`addmmGemm`), the bias copied into the output first and added
/// inside the product; the input gradient is col2vol of `weight^T @ grad`, the weight gradient
/// accumulates `grad @ columns^T` image by image with beta 1, and the bias gradient adds each
/// image's per-channel sum.
struct SlowConvolution3D: ConvolutionKernels {
    let geometry: ConvGeometry

    /// Whether ATen runs `geometry` (a float convolution off oneDNN) through slow_conv3d.
    static func covers(_ geometry: ConvGeometry) -> Bool {
        geometry.volumetric && geometry.groups == 1 && geometry.dilation == (1, 1) && geometry.dilationD == 1
    }

    func forward<T: BLASElement>(_: T.Type, input: Storage, weight: Storage, bias: Storage?, out: Storage) {
        let g = geometry
        let (x, w, y) = (input.pointer(T.self), weight.pointer(T.self), out.pointer(T.self))
        let columns = UnsafeMutablePointer<T>.allocate(capacity: g.columnRows * g.positions)
        defer { columns.deallocate() }
        let weights = StridedMatrix(base: UnsafePointer(w), rowStride: g.columnRows, colStride: 1)
        for n in 0..<g.batch {
            g.im2col(x + n * g.inChannels * g.inVolume, firstChannel: 0, into: columns)
            let o = y + n * g.outChannels * g.positions
            if let bias {
                let b = bias.pointer(T.self)
                for c in 0..<g.outChannels { (o + c * g.positions).initialize(repeating: b[c], count: g.positions) }
            }
            addmmGemm(
                T.self, weights, StridedMatrix(base: UnsafePointer(columns), rowStride: g.positions, colStride: 1),
                m: g.outChannels, k: g.columnRows, n: g.positions, c: o, alpha: 1, beta: bias == nil ? 0 : 1)
        }
    }

    func backward<T: BLASElement>(
        _: T.Type, grad: Storage, input: Storage, weight: Storage, gradInput: Storage?, gradWeight: Storage?,
        gradBias: Storage?
    ) {
        let g = geometry
        let (gy, x, w) = (grad.pointer(T.self), input.pointer(T.self), weight.pointer(T.self))
        let columns = UnsafeMutablePointer<T>.allocate(capacity: g.columnRows * g.positions)
        defer { columns.deallocate() }
        if let gradInput {
            let gx = gradInput.pointer(T.self)
            gx.initialize(repeating: 0, count: g.batch * g.inChannels * g.inVolume)
            let transposedWeights = StridedMatrix(base: UnsafePointer(w), rowStride: 1, colStride: g.columnRows)
            for n in 0..<g.batch {
                let gradients = StridedMatrix(
                    base: UnsafePointer(gy + n * g.outChannels * g.positions), rowStride: g.positions, colStride: 1)
                addmmGemm(
                    T.self, transposedWeights, gradients, m: g.columnRows, k: g.outChannels, n: g.positions, c: columns,
                    alpha: 1, beta: 0)
                g.col2im(columns, firstChannel: 0, into: gx + n * g.inChannels * g.inVolume)
            }
        }
        if let gradWeight {
            let gw = gradWeight.pointer(T.self)
            gw.initialize(repeating: 0, count: g.outChannels * g.columnRows)
            let transposedColumns = StridedMatrix(base: UnsafePointer(columns), rowStride: 1, colStride: g.positions)
            for n in 0..<g.batch {
                g.im2col(x + n * g.inChannels * g.inVolume, firstChannel: 0, into: columns)
                let gradients = StridedMatrix(
                    base: UnsafePointer(gy + n * g.outChannels * g.positions), rowStride: g.positions, colStride: 1)
                addmmGemm(
                    T.self, gradients, transposedColumns, m: g.outChannels, k: g.positions, n: g.columnRows, c: gw,
                    alpha: 1, beta: 1)
            }
        }
        if let gradBias {
            let gb = gradBias.pointer(T.self)
            gb.initialize(repeating: 0, count: g.outChannels)
            for n in 0..<g.batch {
                for c in 0..<g.outChannels {
                    let values = gy + (n * g.outChannels + c) * g.positions
                    var sum: T = 0
                    for p in 0..<g.positions { sum += values[p] }
                    gb[c] += sum
                }
            }
        }
    }
}
