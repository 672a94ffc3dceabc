/// How to make inputs for checking an op's gradient: the value range its tensor inputs must
/// stay in, and values for parameters whose defaults do not make a valid call.
package struct OpSamples: Sendable {
    /// The range sample tensor values are drawn from.
    package enum Domain: Sendable {
        /// Any real value (the sample uses [-2, 2], away from 0 where kinks sit).
        case real
        /// Strictly positive values (log, sqrt).
        case positive
        /// Values strictly inside (-1, 1).
        case unitInterval
        /// Values strictly above 1 (acosh).
        case aboveOne
        /// Symmetric positive-definite matrices over the last two dims (cholesky, logdet); the
        /// gradient check passes the symmetric part of its leaves, so that the finite
        /// differences move both triangles alike.
        case positiveDefinite
    }

    /// A fixed argument that is not sampled nor differentiated (an index, a mask), as plain
    /// values so that declarations stay `Sendable`.
    package struct Constant: Sendable {
        package let values: [Double]
        package let shape: [Int]
        package let dtype: DType

        package init(_ values: [Double], shape: [Int], dtype: DType) {
            self.values = values
            self.shape = shape
            self.dtype = dtype
        }

        /// The constant as a fresh tensor.
        package func tensor() throws -> Tensor { try Tensor(values, shape: shape, dtype: dtype) }
    }

    package var domain: Domain
    /// The shape of each tensor parameter, by name; unlisted ones are `[2, 3]`.
    package var shapes: [String: [Int]]
    /// Values for non-tensor parameters, by name, overriding their defaults.
    package var arguments: [String: OpConstant]
    /// Fixed tensor arguments (indices, masks), by name; such parameters are not sampled.
    package var constants: [String: Constant]
    /// Whether a tensor parameter after the first may broadcast against it (`[3]` against `[2, 3]`).
    package var broadcasts: Bool
    /// Whether the op takes non-contiguous inputs (`view` does not).
    package var acceptsNonContiguous: Bool

    package init(
        domain: Domain = .real, shapes: [String: [Int]] = [:], arguments: [String: OpConstant] = [:],
        constants: [String: Constant] = [:], broadcasts: Bool = false, acceptsNonContiguous: Bool = true
    ) {
        self.domain = domain
        self.shapes = shapes
        self.arguments = arguments
        self.constants = constants
        self.broadcasts = broadcasts
        self.acceptsNonContiguous = acceptsNonContiguous
    }
}
