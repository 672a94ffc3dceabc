/// Every declared op, built once, looked up by Python name per namespace.
///
/// The Python bindings (TorchBindings' `RegistryBindings`) are derived from it; ops not yet
/// declared here (see docs/adding-an-op.md) are still bound by hand there.
package struct OpRegistry: Sendable {
    /// All declarations, family by family, in declaration order.
    package let declarations: [OpDeclaration]
    private let byName: [Key: [Int]]

    private struct Key: Hashable {
        let namespace: OpExposure.RawValue
        let name: String
    }

    /// The families, one line each; a new family file adds its list here.
    static let families: [[OpDeclaration]] = [
        UnaryOps.declarations,
        ArithmeticOps.declarations,
        PowOps.declarations,
        SumOps.declarations,
        ProdOps.declarations,
        ReductionOps.declarations,
        LinalgOps.declarations,
        NNOps.declarations,
        ActivationOps.declarations,
        LossOps.declarations,
        ConvolutionOps.declarations,
        ConvTransposeOps.declarations,
        UpsampleOps.declarations,
        UpsampleBilinearOps.declarations,
        NormalizationOps.declarations,
        GroupNormOps.declarations,
        RepeatOps.declarations,
        PairwiseDistanceOps.declarations,
        CdistOps.declarations,
        BilinearOps.declarations,
        GammaOps.declarations,
        ContractionOps.declarations,
        InstanceNormOps.declarations,
        BatchNormOps.declarations,
        PoolingOps.declarations,
        ShapeOps.declarations,
        ViewOps.declarations,
        SelectOps.declarations,
        JoinOps.declarations,
        ComparisonOps.declarations,
        StatisticsOps.declarations,
        NormOps.declarations,
        SortOps.declarations,
        ScanOps.declarations,
        CumulativeExtremeOps.declarations,
        DifferenceOps.declarations,
        ExtremesOps.declarations,
        RecurrentOps.declarations,
        GatherScatterOps.declarations,
        TernaryOps.declarations,
        SpecialMathOps.declarations,
        Log1pExpm1Ops.declarations,
        DiagonalOps.declarations,
        MoreActivationOps.declarations,
        CompositeLossOps.declarations,
        BatchedProductOps.declarations,
        CountingOps.declarations,
        GatedActivationOps.declarations,
        PaddingOps.declarations,
        FlipOps.declarations,
        NonFiniteOps.declarations,
        ArrangeOps.declarations,
        IndexAddOps.declarations,
        UnfoldOps.declarations,
        FlashAttentionOps.declarations,
        EmbeddingBagOps.declarations,
        SafeSoftmaxOps.declarations
    ]

    /// The registry of all families, indexed by the names in their signatures; each signature's
    /// parameters are parsed when its op is first bound (`build()`, which the tests run, parses
    /// them all).
    package static let shared: OpRegistry = {
        do { return try build(families, parsingSignatures: false) } catch { fatalError("\(error)") }
    }()

    /// Builds the registry, failing on a malformed signature, an in-place exposure without an
    /// in-place variant (or the reverse), or a name bound twice in one namespace (same name
    /// and overload).
    package static func build() throws -> OpRegistry { try build(families) }

    /// Builds the registry of `families`; without `parsingSignatures` only the names before
    /// each parameter list are read and checked.
    static func build(_ families: [[OpDeclaration]], parsingSignatures: Bool = true) throws -> OpRegistry {
        let declarations = families.flatMap { $0 }
        var byName = [Key: [Int]]()
        var seen = Set<String>()
        for (index, declaration) in declarations.enumerated() {
            if parsingSignatures { _ = try declaration.signature }
            let signature = try OpSignatureParser.names(declaration.signatureText)
            guard declaration.inPlaceExposure.isEmpty != declaration.hasInPlaceVariant else {
                throw OpSignatureParser.Failure(
                    signature: declaration.signatureText,
                    reason: "in-place exposure and in-place variant must come together")
            }
            for (namespace, prefix) in OpExposure.namespaces {
                var names = [String]()
                let name = namespace.pythonName(of: signature.name)
                if declaration.exposure.contains(namespace) { names.append(name) }
                if declaration.inPlaceExposure.contains(namespace) { names.append(name + "_") }
                for name in names {
                    let qualified = prefix + name + (signature.overload.isEmpty ? "" : "." + signature.overload)
                    guard seen.insert(qualified).inserted else {
                        throw OpSignatureParser.Failure(
                            signature: declaration.signatureText,
                            reason: "\(qualified) is declared twice")
                    }
                    byName[Key(namespace: namespace.rawValue, name: name), default: []].append(index)
                }
            }
        }
        return OpRegistry(declarations: declarations, byName: byName)
    }

    /// The overloads bound to `name` in `namespace`, in declaration order (the order a binder
    /// tries them). A name ending in `_` finds the in-place variants.
    package func overloads(of name: String, in namespace: OpExposure) -> [OpDeclaration] {
        byName[Key(namespace: namespace.rawValue, name: name)]?.map { declarations[$0] } ?? []
    }

    /// Every name bound in `namespace`, sorted.
    package func names(in namespace: OpExposure) -> [String] {
        byName.keys.filter { $0.namespace == namespace.rawValue }.map(\.name).sorted()
    }
}
