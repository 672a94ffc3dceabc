import CConvKernels

/// Float32 2-D and 3-D convolutions in the summation order of the oneDNN kernels PyTorch 2.15 runs on the CPU
/// (CConvKernels), bit for bit with PyTorch where it picks oneDNN's direct convolution.
extension ConvGeometry {
    /// Whether PyTorch runs this float32 convolution through oneDNN's direct kernels, whose order
    /// CConvKernels reproduces. PyTorch takes oneDNN (`ConvParams::use_mkldnn` in
    /// aten/src/ATen/native/Convolution.cpp) unless a 1x1 kernel runs unstrided and undilated on
    /// fewer than 16 images, or unless one image with a kernel of at most 3 in a dimension, one
    /// group and at most 20,480 input values is cheaper on its im2col path (slow_conv2d), whose
    /// order is im2col + sgemm, GradScope's other path. Grouped and 1x1 convolutions and padding
    /// as wide as the kernel go through other oneDNN implementations (gemm:jit, jit_1x1), which
    /// CConvKernels does not reproduce, so they stay on im2col + sgemm too.
    var runsInOneDNNOrder: Bool {
        let strided = stride != (1, 1) || strideD != 1
        let dilated = dilation != (1, 1) || dilationD != 1
        // ATen reads the last two kernel dims and the first four input dims, also for conv3d.
        let lastTwoPointwise = kernelH == 1 && kernelW == 1
        let firstFourInputDims = batch * inChannels * (volumetric ? depth * height : height * width)
        let takesOneDNN =
            (strided || dilated || batch >= 16 || !lastTwoPointwise)
            && (groups > 1 || (kernelH > 3 && kernelW > 3) || batch > 1 || firstFourInputDims > 20480)
        let pointwise = lastTwoPointwise && kernelD == 1
        return takesOneDNN && groups == 1 && !pointwise && paddingWithinKernel
    }

    /// oneDNN's direct kernels take padding smaller than the dilated kernel on every side; past
    /// that it falls back to im2col + its own sgemm (gemm:jit).
    private var paddingWithinKernel: Bool {
        let extentD = (kernelD - 1) * dilationD + 1
        let extentH = (kernelH - 1) * dilation.0 + 1
        let extentW = (kernelW - 1) * dilation.1 + 1
        return max(padFront, padBack) < extentD && max(padTop, padBottom) < extentH
            && max(padLeft, padRight) < extentW
    }

    /// Whether the 2-D kernels (with their AVX2 forms) cover this geometry: depth 1 throughout.
    var isPlanar: Bool { depth == 1 && kernelD == 1 && padFront == 0 && padBack == 0 }

    /// The geometry as CConvKernels' 3-D kernels take it (ungrouped).
    var volumeKernelGeometry: GSConv3DGeometry {
        GSConv3DGeometry(
            batch: Int64(batch), inChannels: Int64(inChannels), depth: Int64(depth), height: Int64(height),
            width: Int64(width), outChannels: Int64(outChannels), kernelD: Int64(kernelD), kernelH: Int64(kernelH),
            kernelW: Int64(kernelW), strideD: Int64(strideD), strideH: Int64(stride.0), strideW: Int64(stride.1),
            padFront: Int64(padFront), padTop: Int64(padTop), padLeft: Int64(padLeft), dilationD: Int64(dilationD),
            dilationH: Int64(dilation.0), dilationW: Int64(dilation.1), outD: Int64(outD), outH: Int64(outH),
            outW: Int64(outW))
    }

    /// The geometry as CConvKernels takes it (ungrouped).
    var kernelGeometry: GSConvGeometry {
        GSConvGeometry(
            batch: Int64(batch), inChannels: Int64(inChannels), height: Int64(height), width: Int64(width),
            outChannels: Int64(outChannels), kernelH: Int64(kernelH), kernelW: Int64(kernelW),
            strideH: Int64(stride.0), strideW: Int64(stride.1), padTop: Int64(padTop), padLeft: Int64(padLeft),
            dilationH: Int64(dilation.0), dilationW: Int64(dilation.1), outH: Int64(outH), outW: Int64(outW))
    }
}

/// Forward in oneDNN's order: `out` gets the convolution of `input` with `weight` plus `bias`.
func oneDNNOrderForward(_ g: ConvGeometry, input: Storage, weight: Storage, bias: Storage?, out: Storage) {
    let (x, w, b, y) = (input.pointer(Float.self), weight.pointer(Float.self), bias?.pointer(Float.self), out.pointer(Float.self))
    var planar = g.kernelGeometry
    var volume = g.volumeKernelGeometry
    let status = g.isPlanar ? gs_conv2d_forward_f32(&planar, x, w, b, y) : gs_conv3d_forward_f32(&volume, x, w, b, y)
    precondition(status == 0, "out of memory for the convolution's padded input")
}

/// Backward in oneDNN's order: the requested input and weight gradients; the bias gradient is
/// the per-channel sum of `channelSums`, whose order is oneDNN's too. oneDNN runs strided 3-D
/// input gradients (brgconv) and dilated 3-D weight gradients (gemm) in other orders, which these
/// kernels do not reproduce: those agree with PyTorch to float32 rounding.
func oneDNNOrderBackward(
    _ g: ConvGeometry, grad: Storage, input: Storage, weight: Storage, gradInput: Storage?, gradWeight: Storage?,
    gradBias: Storage?
) {
    var planar = g.kernelGeometry
    var volume = g.volumeKernelGeometry
    let gy = grad.pointer(Float.self)
    if let gradInput {
        let (w, gx) = (weight.pointer(Float.self), gradInput.pointer(Float.self))
        let status =
            g.isPlanar
            ? gs_conv2d_backward_input_f32(&planar, gy, w, gx) : gs_conv3d_backward_input_f32(&volume, gy, w, gx)
        precondition(status == 0, "out of memory for the convolution's padded output gradient")
    }
    if let gradWeight {
        let (x, gw) = (input.pointer(Float.self), gradWeight.pointer(Float.self))
        let status =
            g.isPlanar
            ? gs_conv2d_backward_weight_f32(&planar, x, gy, gw) : gs_conv3d_backward_weight_f32(&volume, x, gy, gw)
        precondition(status == 0, "out of memory for the convolution's weight-gradient buffers")
    }
    if let gradBias { channelSums(gy, batch: g.batch, channels: g.outChannels, plane: g.positions, into: gradBias) }
}
