/// oneDNN's eltwise `gelu_erf` as its AVX-512 JIT kernel computes it (oneDNN v3.13.3, which
/// PyTorch 2.15 bundles; src/cpu/x64/injectors/jit_uni_eltwise_injector.cpp), one lane at a time:
/// every lane runs the same instructions and a tail runs them under a mask, so the vector length
/// does not change a result. PyTorch hands GELU with `approximate='none'` on a contiguous float32
/// tensor of more than one element to this kernel, forward and backward
/// (`gelu_out_cpu`/`gelu_backward_out_cpu` with `use_mkldnn`).
enum OneDNNGeluErf {
    /// `gelu_erf_minimax_approx_compute_vector_fwd`: `0.5 * x * (1 + erf(x / sqrt(2)))` with
    /// erf from a degree-5 polynomial in |x| picked by |x|'s exponent and two mantissa bits.
    static func forward(_ x: Float) -> Float {
        let magnitude = Float(bitPattern: x.bitPattern & 0x7fff_ffff)
        var index = Int32(bitPattern: magnitude.bitPattern &+ 0xc21f_ffff) >> 21
        index = Swift.min(Swift.max(index, 1), 24)
        if Float(bitPattern: 0x40b1_5cee) < magnitude { index = 23 }
        let row = Int(index)
        var erf = Float(bitPattern: minimaxCoefficients[5 * 25 + row])
        for degree in (0...4).reversed() {
            erf = Float(bitPattern: minimaxCoefficients[degree * 25 + row]).addingProduct(erf, magnitude)
        }
        erf = Float(bitPattern: erf.bitPattern ^ (x.bitPattern & 0x8000_0000))
        return x * (erf + 1) * 0.5
    }

    /// `gelu_erf_compute_vector_bwd` times the incoming gradient (the backward kernel's last
    /// `vmulps`): the derivative `0.5 + 0.5 * erf(r) + r * exp(-r^2) / sqrt(pi)`, `r = x / sqrt(2)`,
    /// with Abramowitz and Stegun's erf and oneDNN's own exp.
    static func backward(_ gradient: Float, _ x: Float) -> Float {
        let r = x * Float(bitPattern: 0x3f35_04f3)
        let q = exp(-(r * r))
        let t = r * Float(bitPattern: 0x3f10_6eba) * q
        let w = 1 / Float(1).addingProduct(Float(bitPattern: 0x3ea7_ba05), r.magnitude)
        var polynomial = Float(bitPattern: 0x3f87_dc22)
        for coefficient: UInt32 in [0xbfba_00e3, 0x3fb5_f0e3, 0xbe91_a98e, 0x3e82_7906] {
            polynomial = Float(bitPattern: coefficient).addingProduct(polynomial, w)
        }
        var erf = Float(1).addingProduct(-q * w, polynomial)
        erf = Float(bitPattern: erf.bitPattern ^ (r.bitPattern & 0x8000_0000))
        return (t + 0.5).addingProduct(erf, 0.5) * gradient
    }

    /// `exp_compute_vector_fwd`: `2 * 2^(n-1) * p(x - n ln 2)` with `n = floor(x log2(e) + 0.5)`,
    /// a degree-5 polynomial `p`, and 0 below `log(FLT_MIN)`.
    static func exp(_ x: Float) -> Float {
        let (lowest, highest) = (Float(bitPattern: 0xc2ae_ac50), Float(bitPattern: 0x42b1_7218))
        // `vminps`/`vmaxps` return their second operand when the first is NaN.
        var clamped = x < highest ? x : highest
        clamped = clamped > lowest ? clamped : lowest
        let n = (clamped * Float(bitPattern: 0x3fb8_aa3b) + 0.5).rounded(.down)
        let reduced = clamped.addingProduct(-n, Float(bitPattern: 0x3f31_7218))
        let halfScale = x < lowest ? 0 : Float(bitPattern: UInt32(Int32(n - 1) &+ 127) &<< 23)
        var polynomial = Float(bitPattern: 0x3c07_cfce)
        for coefficient: UInt32 in [0x3d2b_9d0d, 0x3e2a_ad40, 0x3eff_fee3, 0x3f7f_fffb, 0x3f80_0000] {
            polynomial = Float(bitPattern: coefficient).addingProduct(polynomial, reduced)
        }
        return polynomial * halfScale * 2
    }

    /// `gelu_erf_minimax_pol`: 25 polynomials' coefficients, degree 0 first (the kernel's table
    /// without its padding; row 23 is erf = 1, row 24 erf = |x|).
    private static let minimaxCoefficients: [UInt32] = [
        // degree 0
        0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb,
        0x3867a213, 0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236,
        0xbd8d8e5e, 0xbe8abcd9, 0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000,
        0x00000000,
        // degree 1
        0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40,
        0x3f4c146a, 0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3,
        0x3f78b21b, 0x3fbb0704, 0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000,
        0x3f800000,
        // degree 2
        0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960,
        0x3b6e5491, 0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b,
        0xbe0efdeb, 0xbf1d96c3, 0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000,
        0x00000000,
        // degree 3
        0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a,
        0xbe124df8, 0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa,
        0xbe0550f2, 0x3dcfd6a1, 0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000,
        0x00000000,
        // degree 4
        0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712,
        0x3c6c5840, 0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef,
        0x3d639ebe, 0xba6ede48, 0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000,
        0x00000000,
        // degree 5
        0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b,
        0x3c2a7935, 0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6,
        0xbbd55d04, 0xba823a76, 0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000,
        0x00000000
    ]
}

/// Whether PyTorch runs GELU with erf on `x` through oneDNN (`use_mkldnn`): a contiguous float32
/// tensor of more than one element.
func usesOneDNNGeluErf(_ x: Tensor) -> Bool {
    x.dtype == .float32 && x.numel > 1 && x.isContiguous
}

/// `OneDNNGeluErf.forward` on every element of a contiguous float32 tensor.
func oneDNNGeluErf(_ x: Tensor) -> Tensor {
    let source = x.contiguousStorage(as: .float32)
    let out = Storage.uninitialized(.float32, count: x.numel)
    let (input, output) = (source.pointer(Float.self), out.pointer(Float.self))
    for i in 0..<x.numel { output[i] = OneDNNGeluErf.forward(input[i]) }
    return withExtendedLifetime(source) { Tensor(storage: out, shape: x.shape) }
}

/// `OneDNNGeluErf.backward` of `grad` (converted to float32 and broadcast to `x`'s shape, as
/// PyTorch reorders it into a dense buffer first) and a contiguous float32 `x`.
func oneDNNGeluErfBackward(_ grad: Tensor, _ x: Tensor) throws -> Tensor {
    let n = try MemoryBudget.checkedNumel(x.shape, allocating: .float32)
    let gradients = grad.contiguousStorage(as: .float32, broadcastTo: grad.shape == x.shape ? nil : x.shape)
    let source = x.contiguousStorage(as: .float32)
    let out = Storage.uninitialized(.float32, count: n)
    let (g, input, output) = (gradients.pointer(Float.self), source.pointer(Float.self), out.pointer(Float.self))
    for i in 0..<n { output[i] = OneDNNGeluErf.backward(g[i], input[i]) }
    return withExtendedLifetime((gradients, source)) { Tensor(storage: out, shape: x.shape) }
}
