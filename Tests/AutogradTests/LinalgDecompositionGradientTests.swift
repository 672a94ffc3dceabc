import TestSupport
import Testing

@testable import Autograd

/// Finite-difference checks of every output of the decompositions (the registry's sample check
/// sees only the first: Q, U, the eigenvalues), on tall, wide, square and batched inputs.
struct LinalgDecompositionGradientTests {
    /// The registry's sample values (distinct, generic matrices).
    static func sample(_ shape: [Int], seed: Int = 0) throws -> Tensor {
        try OpSampling.tensor(shape, .real, seed: seed)
    }

    /// The outputs flattened into one vector, so one weighted loss reaches all of them.
    static func joined(_ outputs: [Tensor]) throws -> Tensor {
        try Tensor.cat(outputs.map { try $0.reshape([$0.numel]) })
    }

    @Test(arguments: [[4, 3], [3, 4], [3, 3], [2, 3, 2]])
    func qrGradientsReachQAndR(_ shape: [Int]) throws {
        try expectGradientsMatchFiniteDifferences([Self.sample(shape)]) { x in
            let (q, r) = try x[0].qr()
            return try Self.joined([q.sin(), r.mul(.tensor(r))])
        }
    }

    @Test func qrGradientFromROnlyAndCompleteSquare() throws {
        try expectGradientsMatchFiniteDifferences([Self.sample([3, 5])]) { x in try x[0].qr().r }
        try expectGradientsMatchFiniteDifferences([Self.sample([3, 3])]) { x in try x[0].qr(mode: "complete").q }
    }

    @Test(arguments: [[4, 3], [3, 4], [3, 3], [2, 2, 3]])
    func svdGradientsReachUSAndVh(_ shape: [Int]) throws {
        try expectGradientsMatchFiniteDifferences([Self.sample(shape)]) { x in
            let (u, s, vh) = try x[0].svd(fullMatrices: false)
            return try Self.joined([u, s.exp(), vh])
        }
    }

    @Test func singularValuesAndFullSquareSVD() throws {
        try expectGradientsMatchFiniteDifferences([Self.sample([3, 4])]) { x in try x[0].svdvals() }
        try expectGradientsMatchFiniteDifferences([Self.sample([3, 3])]) { x in
            let (u, s, vh) = try x[0].svd()
            return try Self.joined([u, s, vh])
        }
        try expectGradientsMatchFiniteDifferences([Self.sample([4, 2])]) { x in
            let (u, s, v) = try x[0].legacySVD()
            return try Self.joined([u, s, v])
        }
    }

    /// eigh reads one triangle, so the checks differentiate through `(X + Xᵀ) / 2`.
    @Test(arguments: ["L", "U"])
    func eighGradientsReachValuesAndVectors(_ uplo: String) throws {
        for shape in [[3, 3], [2, 3, 3]] {
            try expectGradientsMatchFiniteDifferences([Self.sample(shape)]) { x in
                let symmetric = try x[0].add(.tensor(x[0].mT)).mulScalar(0.5)
                let (values, vectors) = try symmetric.eigh(uplo: uplo)
                return try Self.joined([values, vectors.pow(3.0)])
            }
            try expectGradientsMatchFiniteDifferences([Self.sample(shape)]) { x in
                try x[0].add(.tensor(x[0].mT)).mulScalar(0.5).eigvalsh(uplo: uplo)
            }
        }
    }

    @Test func crossGradientsBroadcastAlongAnyDim() throws {
        try expectGradientsMatchFiniteDifferences([Self.sample([1, 3]), Self.sample([4, 3], seed: 1)]) { x in
            try x[0].cross(x[1])
        }
        try expectGradientsMatchFiniteDifferences([Self.sample([3, 2]), Self.sample([3, 2], seed: 2)]) { x in
            try x[0].cross(x[1], dim: 0)
        }
    }
}
