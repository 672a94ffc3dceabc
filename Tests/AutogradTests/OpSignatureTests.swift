import Testing

@testable import Autograd

@Test func everyDeclaredSignatureParsesAndPrintsBackAsWritten() throws {
    let registry = try OpRegistry.build()
    #expect(!registry.declarations.isEmpty)
    for declaration in registry.declarations {
        #expect(try declaration.signature.description == declaration.signatureText)
    }
}

@Test func everyNameIsBoundOncePerNamespace() throws {
    let registry = try OpRegistry.build()
    for (namespace, prefix) in OpExposure.namespaces {
        for name in registry.names(in: namespace) {
            let overloads = try registry.overloads(of: name, in: namespace).map { try $0.signature.overload }
            #expect(Set(overloads).count == overloads.count, "\(prefix)\(name) has a repeated overload")
        }
    }
    let sigmoid = OpDeclaration(
        "sigmoid(Tensor self) -> Tensor", gradFn: "SigmoidBackward0",
        exposure: [.torch], forward: { try $0.tensor("self").sigmoid() })
    #expect(throws: OpSignatureParser.Failure.self) { try OpRegistry.build([[sigmoid], [sigmoid]]) }
    let noVariant = OpDeclaration(
        "exp(Tensor self) -> Tensor", gradFn: "ExpBackward0", exposure: [.torch],
        inPlaceExposure: [.method], forward: { try $0.tensor("self").exp() })
    #expect(throws: OpSignatureParser.Failure.self) { try OpRegistry.build([[noVariant]]) }
}

@Test func signatureParsesParametersLikeNativeFunctionsYaml() throws {
    let signature = try OpSignatureParser.parse(
        "sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor")
    #expect(signature.name == "sum" && signature.overload == "dim_IntList")
    #expect(signature.parameters.map(\.name) == ["self", "dim", "keepdim", "dtype"])
    #expect(signature.parameters.map(\.type) == [.tensor, .intList(size: 1), .bool, .scalarType])
    #expect(signature.parameters.map(\.isOptional) == [false, true, false, true])
    #expect(signature.parameters.map(\.isKeywordOnly) == [false, false, false, true])
    #expect(signature.parameters.map { $0.defaultValue == nil } == [true, true, false, false])
    #expect(signature.returns == ["Tensor"])

    let add = try OpSignatureParser.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")
    guard case .scalar(.int(1))? = add.parameter("alpha")?.defaultValue else {
        Issue.record("alpha default \(String(describing: add.parameter("alpha")?.defaultValue))")
        return
    }
    let max = try OpSignatureParser.parse("max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor, Tensor)")
    #expect(max.returns == ["Tensor", "Tensor"])
}

@Test func malformedSignaturesAreRejected() {
    for text in [
        "sigmoid(Tensor self)", // no return
        "sig moid(Tensor self) -> Tensor", // bad name
        "sigmoid(Tensr self) -> Tensor", // unknown type
        "sigmoid(Tensor self, Tensor self) -> Tensor", // duplicate parameter
        "clamp(Tensor self, Scalar min=None) -> Tensor", // None for a non-optional
        "sum(Tensor self, bool keepdim=1) -> Tensor", // default of the wrong type
        "f(Tensor self, int dim=0, Tensor other) -> Tensor", // required after default
        "f(Tensor self, *, *, int a=0) -> Tensor", // second *
        "f(Tensor self) -> int"
    ] { // unsupported return
        #expect(throws: OpSignatureParser.Failure.self, "\(text)") { try OpSignatureParser.parse(text) }
    }
}

@Test func registryFindsOverloadsAndInPlaceVariantsByNamespace() throws {
    let registry = OpRegistry.shared
    #expect(registry.overloads(of: "sigmoid", in: .functional).count == 1)
    #expect(registry.overloads(of: "sigmoid_", in: .method).first?.hasInPlaceVariant == true)
    #expect(registry.overloads(of: "sign_", in: .torch).isEmpty)
    #expect(registry.overloads(of: "exp", in: .functional).isEmpty)

    let declaration = try #require(registry.overloads(of: "clamp", in: .torch).first)
    let x = try Tensor([-2, 0.25, 3])
    let clamped = try declaration(declaration.arguments(["self": .tensor(x), "max": .scalar(.int(1))]))
    #expect(clamped.doubles() == [-2, 0.25, 1])
    #expect(throws: TorchError.self) { try declaration.arguments(["input": .tensor(x)]) }
}
