import Testing

@testable import Autograd

@Test func resolvingANameBuildsOnlyTheFamilyDeclaringIt() {
    let registry = OpRegistry(families: OpRegistry.declaredFamilies)
    #expect(registry.names(in: .functional).contains("sigmoid"))
    #expect(registry.builtFamilies.isEmpty, "listing names builds no family")

    let overloads = registry.overloads(of: "sigmoid_", in: .method)
    #expect(overloads.map(\.signatureText) == ["sigmoid(Tensor self) -> Tensor"])
    #expect(overloads.first?.hasInPlaceVariant == true)
    #expect(registry.builtFamilies == ["UnaryOps"])

    #expect(registry.overloads(of: "vector_norm", in: .linalg).count == 1)
    #expect(registry.builtFamilies == ["NormOps", "UnaryOps"])
}

@Test func walkingTheRegistryBuildsEveryFamily() throws {
    let registry = OpRegistry(families: OpRegistry.declaredFamilies)
    let declarations = registry.declarations
    #expect(registry.builtFamilies == OpRegistry.declaredFamilies.map(\.name))
    #expect(registry.builtFamilies.count == Set(registry.builtFamilies).count)
    #expect(declarations.count == OpRegistry.declaredFamilies.map { $0.load().count }.reduce(0, +))
}

/// The index finds, for every name, exactly the overloads a walk of every declaration finds,
/// in the same order.
@Test func everyIndexedNameResolvesToTheOverloadsAFullWalkFinds() throws {
    let registry = try OpRegistry.build()
    let all = registry.declarations
    for (namespace, prefix) in OpExposure.namespaces {
        let walked = try Set(all.flatMap { try $0.boundNames(in: namespace) })
        #expect(Set(registry.names(in: namespace)) == walked, "\(prefix)")
        for name in walked {
            let expected = try all.filter { try $0.boundNames(in: namespace).contains(name) }.map(\.signatureText)
            #expect(registry.overloads(of: name, in: namespace).map(\.signatureText) == expected, "\(prefix)\(name)")
        }
    }
}

@Test func aFamilyWhoseIndexDiffersFromItsDeclarationsIsRejected() {
    let sigmoid = OpDeclaration(
        "sigmoid(Tensor self) -> Tensor", gradFn: "SigmoidBackward0",
        exposure: [.torch, .method], forward: { try $0.tensor("self").sigmoid() })
    let listed = OpFamily("Listed", torch: "sigmoid", method: "sigmoid", functional: "", linalg: "") { [sigmoid] }
    #expect(throws: Never.self) { try OpRegistry.build([listed]) }
    let missing = OpFamily("Missing", torch: "sigmoid", method: "", functional: "", linalg: "") { [sigmoid] }
    #expect(throws: OpRegistry.StaleIndex.self) { try OpRegistry.build([missing]) }
    let extra = OpFamily("Extra", torch: "sigmoid", method: "sigmoid sigmoid_", functional: "", linalg: "") { [sigmoid] }
    #expect(throws: OpRegistry.StaleIndex.self) { try OpRegistry.build([extra]) }
}
