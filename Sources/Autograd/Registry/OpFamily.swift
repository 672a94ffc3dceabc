/// One family of ops (an `Ops/*.swift` file's `declarations`): the Python names its
/// declarations bind in each namespace, known without building them, and how to build them.
///
/// `OpRegistry.declaredFamilies` is generated from the family files at build time (the
/// `IndexOpFamilies` plugin), so a family's declarations run only when one of its names is first
/// resolved or the whole registry is walked; `OpRegistry.build()` checks the names against them.
package struct OpFamily: Sendable {
    /// The family's type name (`UnaryOps`).
    package let name: String
    /// The names bound in each of `OpExposure.namespaces`, in that order, sorted.
    let names: [[String]]
    /// Builds the declarations; the same list on every call.
    let load: @Sendable () -> [OpDeclaration]

    /// A family as the generated index gives it: space-separated names per namespace.
    init(
        _ name: String, torch: String, method: String, functional: String, linalg: String,
        load: @escaping @Sendable () -> [OpDeclaration]
    ) {
        self.name = name
        self.names = [torch, method, functional, linalg].map { $0.split(separator: " ").map(String.init) }
        self.load = load
    }

    /// A family given by its declarations, its names read from them.
    init(_ name: String, declarations: [OpDeclaration]) throws {
        self.name = name
        self.names = try Self.names(boundBy: declarations)
        self.load = { declarations }
    }

    /// The names `declarations` bind in each of `OpExposure.namespaces`, sorted, each once.
    static func names(boundBy declarations: [OpDeclaration]) throws -> [[String]] {
        try OpExposure.namespaces.map { namespace, _ in
            Set(try declarations.flatMap { try $0.boundNames(in: namespace) }).sorted()
        }
    }
}

extension OpDeclaration {
    /// The Python names this op binds in `namespace`: its name where `exposure` contains the
    /// namespace, and `name_` where `inPlaceExposure` does.
    func boundNames(in namespace: OpExposure) throws -> [String] {
        let name = namespace.pythonName(of: try OpSignatureParser.names(signatureText).name)
        return (exposure.contains(namespace) ? [name] : []) + (inPlaceExposure.contains(namespace) ? [name + "_"] : [])
    }
}
