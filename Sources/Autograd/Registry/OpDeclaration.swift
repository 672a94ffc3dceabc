/// One op as Python sees it: its signature, where its names are bound, its grad_fn, how to
/// sample inputs for a gradient check, and the Swift forward (and in-place variant) that a call
/// with typed arguments runs. Families of ops list their declarations next to their kernels
/// and backward formulas (`Ops/*.swift`); `OpRegistry` collects them.
package struct OpDeclaration: Sendable {
    /// Runs the op on bound arguments.
    package typealias Forward = @Sendable (OpArguments) throws -> Tensor
    /// Runs an op that returns several tensors (`max.dim`'s values and indices).
    package typealias TupleForward = @Sendable (OpArguments) throws -> [Tensor]

    /// The signature text as declared; `signature` is its parsed form.
    package let signatureText: String
    /// The grad_fn class name the output gets when it requires grad; nil when the op is not
    /// differentiable.
    package let gradFn: String?
    /// Where `name` is bound.
    package let exposure: OpExposure
    /// Where the in-place `name_` is bound; empty without an in-place variant.
    package let inPlaceExposure: OpExposure
    /// The in-place variant's grad_fn when PyTorch gives it one of its own that has no
    /// derivative (`acosh_` records AcoshBackward1, whose backward raises); nil when the in-place
    /// variant records `gradFn` and is differentiated like the op.
    package let underivedInPlaceGradFn: String?
    /// The in-place variant's grad_fn when PyTorch names it apart from the op's and
    /// differentiates it like the op (`t_` records TBackward1); nil when it records `gradFn`.
    package let inPlaceGradFn: String?
    package let samples: OpSamples
    private let body: Body
    private let inPlaceForward: Forward?

    /// The forward: one tensor, or a tuple.
    private enum Body: Sendable {
        case single(Forward)
        case tuple(TupleForward)
    }

    /// Declares an op; `inPlace` is required exactly when `inPlaceExposure` is not empty
    /// (`OpRegistry.build()` checks).
    package init(
        _ signature: String, gradFn: String?, exposure: OpExposure,
        inPlaceExposure: OpExposure = [], underivedInPlaceGradFn: String? = nil, inPlaceGradFn: String? = nil,
        samples: OpSamples = OpSamples(), forward: @escaping Forward, inPlace: Forward? = nil
    ) {
        self.signatureText = signature
        self.gradFn = gradFn
        self.exposure = exposure
        self.inPlaceExposure = inPlaceExposure
        self.underivedInPlaceGradFn = underivedInPlaceGradFn
        self.inPlaceGradFn = inPlaceGradFn
        self.samples = samples
        self.body = .single(forward)
        self.inPlaceForward = inPlace
    }

    /// Declares an op returning a tuple of tensors (its signature's returns name them); the
    /// first is the differentiable output, the one `callAsFunction` returns.
    package init(
        _ signature: String, gradFn: String?, exposure: OpExposure, samples: OpSamples = OpSamples(),
        returningTuple forward: @escaping TupleForward
    ) {
        self.signatureText = signature
        self.gradFn = gradFn
        self.exposure = exposure
        self.inPlaceExposure = []
        self.underivedInPlaceGradFn = nil
        self.inPlaceGradFn = nil
        self.samples = samples
        self.body = .tuple(forward)
        self.inPlaceForward = nil
    }

    /// The signature, parsed from `signatureText` on each read (callers keep it: the bindings
    /// parse an op's signature when the op is first called, not at start-up); a malformed one
    /// throws `OpSignatureParser.Failure`, which `OpRegistry.build()` reports for every op.
    package var signature: OpSignature {
        get throws { try OpSignatureParser.parse(signatureText) }
    }

    /// Whether backward flows through the op.
    package var isDifferentiable: Bool { gradFn != nil }

    /// Whether `name_` exists.
    package var hasInPlaceVariant: Bool { inPlaceForward != nil }

    /// Calls the op out of place; for an op returning a tuple, its first tensor.
    package func callAsFunction(_ arguments: OpArguments) throws -> Tensor {
        switch body {
        case .single(let forward): return try forward(arguments)
        case .tuple(let forward): return try forward(arguments)[0]
        }
    }

    /// Calls the op out of place, returning every tensor it returns (one unless it returns a tuple).
    package func callReturningAll(_ arguments: OpArguments) throws -> [Tensor] {
        switch body {
        case .single(let forward): return [try forward(arguments)]
        case .tuple(let forward): return try forward(arguments)
        }
    }

    /// Calls the in-place variant: modifies and returns `self`.
    package func callInPlace(_ arguments: OpArguments) throws -> Tensor {
        guard let inPlaceForward else {
            throw TorchError.unsupportedOperation("\(signatureText) has no in-place variant")
        }
        return try inPlaceForward(arguments)
    }

    /// Binds `values` to this op's parameters.
    package func arguments(_ values: [String: OpValue]) throws -> OpArguments {
        try OpArguments(signature, values)
    }
}
