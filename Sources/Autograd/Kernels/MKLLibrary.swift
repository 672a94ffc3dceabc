#if canImport(Glibc)
    import Glibc
#endif

/// Intel oneMKL 2024.2, the math library statically linked into PyTorch 2.15's pip build, loaded
/// at run time from the libraries `scripts/install-mkl.sh` installs: its vector math (VML) and
/// BLAS routines, resolved once into C function pointers. Computing sin, exp, ... and matrix
/// products with the very routines PyTorch calls gives the same bits as PyTorch.
package struct MKLLibrary: Sendable {
    /// A VML function `vm?Xxx(n, in, out, mode)` on float32 values.
    typealias Vector32 = @convention(c) (Int32, UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int64) -> Void
    /// A VML function on float64 values.
    typealias Vector64 = @convention(c) (Int32, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int64) -> Void
    /// `cblas_sgemm(layout, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)`.
    typealias Gemm32 =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
            UnsafeMutablePointer<Float>?, Int32
        ) -> Void
    /// `cblas_dgemm`, same arguments.
    typealias Gemm64 =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
            Double,
            UnsafeMutablePointer<Double>?, Int32
        ) -> Void
    /// `cblas_sgemv(layout, trans, m, n, alpha, a, lda, x, incx, beta, y, incy)`.
    typealias Gemv32 =
        @convention(c) (
            Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
            UnsafeMutablePointer<Float>?, Int32
        ) -> Void
    /// `cblas_dgemv`, same arguments.
    typealias Gemv64 =
        @convention(c) (
            Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32, Double,
            UnsafeMutablePointer<Double>?, Int32
        ) -> Void
    /// `cblas_sdot(n, x, incx, y, incy)`.
    typealias Dot32 = @convention(c) (Int32, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32) -> Float
    /// `cblas_ddot`, same arguments.
    typealias Dot64 = @convention(c) (Int32, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32) -> Double

    /// The directory the libraries were loaded from.
    package let directory: String
    /// MKL's own version line (`MKL_Get_Version_String`).
    package let version: String
    let vector32: [VectorMathFunction: Vector32]
    let vector64: [VectorMathFunction: Vector64]
    let sgemm: Gemm32
    let dgemm: Gemm64
    let sgemv: Gemv32
    let dgemv: Gemv64
    let sdot: Dot32
    let ddot: Dot64

    /// The default install location of `scripts/install-mkl.sh`.
    package static let defaultDirectory = "/usr/local/lib/gradscope-mkl"
    /// The environment variable naming another directory; `off` disables MKL.
    package static let directoryVariable = "GRADSCOPE_MKL_DIR"

    /// The library this process computes with, loaded on first use from `GRADSCOPE_MKL_DIR` (or
    /// the default directory), or why it could not be loaded.
    package static let shared: Result<MKLLibrary, MKLLoadError> = {
        let configured = getenv(directoryVariable).map { String(cString: $0) }
        if configured == "off" { return .failure(.disabled) }
        return load(from: configured.flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory)
    }()

    /// The loaded library, or nil when GradScope falls back to OpenBLAS and Swift's math.
    static var loaded: MKLLibrary? { try? shared.get() }

    /// The libraries `load(from:)` opens, in order: GNU's OpenMP runtime (from the system), then
    /// from `directory` the core, the GNU OpenMP threading layer (the one PyTorch's pip build
    /// links) and the LP64 interface whose routines GradScope calls. The core finds its per-CPU
    /// kernels beside itself. The sequential layer computes some LAPACK routines differently:
    /// QR and SVD of 24- to 64-row matrices differed from PyTorch's in the last bit.
    static let layers = ["libgomp.so.1", "libmkl_core.so.2", "libmkl_gnu_thread.so.2", "libmkl_intel_lp64.so.2"]

    /// Opens `layers` into the process's global scope, as oneMKL's single dynamic library
    /// `libmkl_rt.so.2` does once told to use the GNU layer, sets oneMKL to one thread (as
    /// PyTorch's OMP_NUM_THREADS=1 reference runs) and resolves every routine GradScope calls.
    /// Opening them directly leaves out `libmkl_rt.so.2`'s own tables: 4.3 MB less resident
    /// memory after a matrix product, the same routines and bits.
    package static func load(from directory: String) -> Result<MKLLibrary, MKLLoadError> {
        var handles = [UnsafeMutableRawPointer]()
        for name in layers {
            let path = name.hasPrefix("libmkl_") ? directory + "/" + name : name
            guard let handle = dlopen(path, RTLD_LAZY | RTLD_GLOBAL) else {
                let message = dlerror().map { String(cString: $0) } ?? path
                for opened in handles.reversed() { dlclose(opened) }
                return .failure(.unavailable(message))
            }
            handles.append(handle)
        }
        let handle = handles[handles.count - 1]
        do {
            typealias VersionString = @convention(c) (UnsafeMutablePointer<CChar>?, Int32) -> Void
            var buffer = [CChar](repeating: 0, count: 256)
            try symbol(handle, "MKL_Get_Version_String", as: VersionString.self)(&buffer, Int32(buffer.count))
            typealias SetNumThreads = @convention(c) (Int32) -> Void
            try symbol(handle, "MKL_Set_Num_Threads", as: SetNumThreads.self)(1)
            var v32: [VectorMathFunction: Vector32] = [:]
            var v64: [VectorMathFunction: Vector64] = [:]
            for f in VectorMathFunction.allCases {
                v32[f] = try symbol(handle, "vms" + f.mklName, as: Vector32.self)
                v64[f] = try symbol(handle, "vmd" + f.mklName, as: Vector64.self)
            }
            return .success(
                MKLLibrary(
                    directory: directory,
                    version: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                    vector32: v32, vector64: v64,
                    sgemm: try symbol(handle, "cblas_sgemm", as: Gemm32.self),
                    dgemm: try symbol(handle, "cblas_dgemm", as: Gemm64.self),
                    sgemv: try symbol(handle, "cblas_sgemv", as: Gemv32.self),
                    dgemv: try symbol(handle, "cblas_dgemv", as: Gemv64.self),
                    sdot: try symbol(handle, "cblas_sdot", as: Dot32.self),
                    ddot: try symbol(handle, "cblas_ddot", as: Dot64.self)))
        } catch {
            for opened in handles.reversed() { dlclose(opened) }
            return .failure(error)
        }
    }

    private static func symbol<F>(_ handle: UnsafeMutableRawPointer, _ name: String, as _: F.Type) throws(MKLLoadError) -> F {
        guard let address = dlsym(handle, name) else { throw .missingSymbol(name) }
        return unsafeBitCast(address, to: F.self)
    }
}

/// Why oneMKL is not in use.
package enum MKLLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `GRADSCOPE_MKL_DIR=off`.
    case disabled
    /// `dlopen` failed (the libraries are not installed there); carries its message.
    case unavailable(String)
    /// The library lacks a routine GradScope calls.
    case missingSymbol(String)

    /// A short explanation for `gradscope --version`.
    package var description: String {
        switch self {
        case .disabled: "disabled by \(MKLLibrary.directoryVariable)=off"
        case .unavailable(let message): "not loaded (\(message)); run `make setup`"
        case .missingSymbol(let name): "unusable (no \(name))"
        }
    }
}

/// Which math library computes GradScope's elementwise functions and matrix products.
package enum MathLibrary {
    /// One line for `gradscope --version`: oneMKL and its directory, or the fallback and why.
    package static var summary: String {
        switch MKLLibrary.shared {
        case .success(let mkl): "math: \(mkl.version) from \(mkl.directory) (PyTorch's own library: results match bit for bit)"
        case .failure(let error):
            "math: OpenBLAS and Swift's libm; oneMKL \(error), so results may differ from PyTorch in the last bit"
        }
    }
}
