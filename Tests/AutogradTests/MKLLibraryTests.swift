import Foundation
import Testing

@testable import Autograd

/// The oneMKL loader and its fallback: loading fails with a reason, never a crash.
@Suite struct MKLLoaderTests {
    @Test func missingDirectoryFailsWithDlopensMessage() {
        guard case .failure(.unavailable(let message)) = MKLLibrary.load(from: "/nonexistent-gradscope-mkl") else {
            Issue.record("loaded oneMKL from a missing directory")
            return
        }
        #expect(message.contains("libmkl_core.so.2"))
    }

    @Test func anotherLibraryReportsTheMissingRoutine() throws {
        let candidates = ["/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0"]
        guard let openBLAS = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gradscope-mkl-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in MKLLibrary.layers {
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent(name).path, withDestinationPath: openBLAS)
        }
        guard case .failure(let error) = MKLLibrary.load(from: directory.path) else {
            Issue.record("took OpenBLAS for oneMKL")
            return
        }
        #expect(error == .missingSymbol("MKL_Get_Version_String"))
    }

    @Test func summaryNamesTheLibraryInUse() {
        let summary = MathLibrary.summary
        #expect(summary.hasPrefix("math: "))
        #expect(summary.contains(MKLLibrary.loaded == nil ? "OpenBLAS" : "Math Kernel Library"))
        #expect(MKLLoadError.disabled.description == "disabled by GRADSCOPE_MKL_DIR=off")
    }
}

/// With oneMKL loaded, the routed functions and products give PyTorch 2.15's bits: sums of
/// every value, in order, equal the ones PyTorch printed for the same seeded inputs.
@Suite(.enabled(if: MKLLibrary.loaded != nil, "oneMKL is not installed (make setup)"))
struct MKLRoutingTests {
    private func sequentialSum(_ t: Tensor) -> Double { t.doubles().reduce(0, +) }

    @Test(arguments: [DType.float32, .float64])
    func vectorMathMatchesPyTorch(dtype: DType) throws {
        let x = try (Tensor.rand([4096], generator: Generator(seed: 0)) * 20 - 10).to(dtype)
        let expected: [String: Double] =
            dtype == .float32
            ? [
                "exp": 4_403_687.79813173, "log": 5256.339087054104, "sqrt": 8587.935367062688,
                "sin": -21.561213802313432, "cos": -278.01704953378066, "tanh": -58.9441660172306
            ]
            : [
                "exp": 4_403_687.803958364, "log": 5256.339085325859, "sqrt": 8587.935358443878,
                "sin": -21.561213407694197, "cos": -278.01704978696637, "tanh": -58.94416645919975
            ]
        #expect(sequentialSum(try x.exp()) == expected["exp"])
        #expect(sequentialSum(try x.abs().log()) == expected["log"])
        #expect(sequentialSum(try x.abs().sqrt()) == expected["sqrt"])
        #expect(sequentialSum(try x.sin()) == expected["sin"])
        #expect(sequentialSum(try x.cos()) == expected["cos"])
        #expect(sequentialSum(try x.tanh()) == expected["tanh"])
    }

    @Test func matrixProductsMatchPyTorch() throws {
        let g = Generator(seed: 0)
        let a = try Tensor.randn([64, 784], generator: g)
        let w = try Tensor.randn([128, 784], generator: g)
        let b = try Tensor.randn([128], generator: g)
        let v = try Tensor.randn([784], generator: g)
        let p = try Tensor.randn([4, 16, 32], generator: g)
        let q = try Tensor.randn([4, 32, 20], generator: g)
        let r = try Tensor.randn([4, 3, 5], generator: g)
        let s = try Tensor.randn([4, 5, 6], generator: g)
        #expect(sequentialSum(try Tensor.linear(a, weight: w, bias: b)) == -1863.4561408907175)
        #expect(sequentialSum(try a.matmul(w.t())) == -1199.8087366893888)
        #expect(sequentialSum(try w.mv(v)) == 346.7424921989441)
        #expect(sequentialSum(try v.dot(w.select(0, 0))) == 22.876239776611328)
        #expect(sequentialSum(try p.bmm(q)) == 132.40786457434297)
        #expect(sequentialSum(try r.bmm(s)) == 20.47443450987339)
    }
}
