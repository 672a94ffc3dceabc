import Synchronization

/// Every declared op, looked up by Python name per namespace.
///
/// The Python bindings (TorchBindings' `RegistryBindings`) are derived from it; ops not yet
/// declared here (see docs/adding-an-op.md) are still bound by hand there. The registry indexes
/// names by family (`OpFamily`) and builds a family's declarations when one of its names is
/// first resolved, or when `declarations` walks them all: start-up runs none of them.
package final class OpRegistry: Sendable {
    /// The families, in `declaredFamilies` order.
    package let families: [OpFamily]
    /// The families binding each name, ascending.
    private let byName: [Key: [Int]]
    /// Each family's declarations once built, by family index.
    private let built: Mutex<[[OpDeclaration]?]>

    private struct Key: Hashable {
        let namespace: OpExposure.RawValue
        let name: String
    }

    /// A registry of `families` that builds each when first needed.
    init(families: [OpFamily]) {
        var byName = [Key: [Int]]()
        for (index, family) in families.enumerated() {
            for ((namespace, _), names) in zip(OpExposure.namespaces, family.names) {
                for name in names { byName[Key(namespace: namespace.rawValue, name: name), default: []].append(index) }
            }
        }
        self.families = families
        self.byName = byName
        self.built = Mutex(Array(repeating: nil, count: families.count))
    }

    /// The registry of every family, indexed by the names in their signatures without building
    /// any; a family's declarations are built, and an op's signature parsed, when first bound
    /// (`build()`, which the tests run, builds and checks them all).
    package static let shared = OpRegistry(families: declaredFamilies)

    /// Builds every family and checks it: fails on a malformed signature, an in-place exposure
    /// without an in-place variant (or the reverse), a name bound twice in one namespace (same
    /// name and overload), or a family whose indexed names are not those its declarations bind.
    package static func build() throws -> OpRegistry { try build(declaredFamilies) }

    /// Builds and checks a registry of `declarations`, one family per list.
    static func build(_ declarations: [[OpDeclaration]]) throws -> OpRegistry {
        try build(declarations.enumerated().map { try OpFamily("family \($0.offset)", declarations: $0.element) })
    }

    /// Builds and checks a registry of `families`.
    static func build(_ families: [OpFamily]) throws -> OpRegistry {
        let registry = OpRegistry(families: families)
        var seen = Set<String>()
        for (index, family) in families.enumerated() {
            let declarations = registry.declarations(ofFamily: index)
            for declaration in declarations {
                _ = try declaration.signature
                let signature = try OpSignatureParser.names(declaration.signatureText)
                guard declaration.inPlaceExposure.isEmpty != declaration.hasInPlaceVariant else {
                    throw OpSignatureParser.Failure(
                        signature: declaration.signatureText,
                        reason: "in-place exposure and in-place variant must come together")
                }
                for (namespace, prefix) in OpExposure.namespaces {
                    for name in try declaration.boundNames(in: namespace) {
                        let qualified = prefix + name + (signature.overload.isEmpty ? "" : "." + signature.overload)
                        guard seen.insert(qualified).inserted else {
                            throw OpSignatureParser.Failure(
                                signature: declaration.signatureText,
                                reason: "\(qualified) is declared twice")
                        }
                    }
                }
            }
            let bound = try OpFamily.names(boundBy: declarations)
            guard bound == family.names else {
                throw StaleIndex(family: family.name, indexed: family.names, bound: bound)
            }
        }
        return registry
    }

    /// A family whose indexed names differ from the names its declarations bind.
    struct StaleIndex: Error, CustomStringConvertible {
        let family: String
        let indexed: [[String]]
        let bound: [[String]]
        var description: String {
            "the index of op family \(family) lists the names \(indexed), its declarations bind \(bound)"
        }
    }

    /// All declarations, family by family, in declaration order; builds every family.
    package var declarations: [OpDeclaration] { families.indices.flatMap(declarations(ofFamily:)) }

    /// The names of the families built so far, in `families` order.
    package var builtFamilies: [String] {
        built.withLock { built in families.indices.filter { built[$0] != nil }.map { families[$0].name } }
    }

    /// The overloads bound to `name` in `namespace`, in declaration order (the order a binder
    /// tries them); builds the families declaring them. A name ending in `_` finds the in-place
    /// variants.
    package func overloads(of name: String, in namespace: OpExposure) -> [OpDeclaration] {
        (byName[Key(namespace: namespace.rawValue, name: name)] ?? []).flatMap { index in
            declarations(ofFamily: index).filter { (try? $0.boundNames(in: namespace).contains(name)) == true }
        }
    }

    /// Every name bound in `namespace`, sorted.
    package func names(in namespace: OpExposure) -> [String] {
        byName.keys.filter { $0.namespace == namespace.rawValue }.map(\.name).sorted()
    }

    /// The declarations of family `index`, built on first use.
    private func declarations(ofFamily index: Int) -> [OpDeclaration] {
        if let declarations = built.withLock({ $0[index] }) { return declarations }
        let declarations = families[index].load()
        built.withLock { $0[index] = declarations }
        return declarations
    }
}
