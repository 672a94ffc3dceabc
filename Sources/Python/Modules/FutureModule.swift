/// `from __future__ import ...`: every feature name CPython 3.11 knows, all already in effect.
enum FutureModule {
    static let features = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"
    ]

    static func make() -> Value {
        var members = [String: Value]()
        for f in features { members[f] = .bool(true) }
        return .object(ModuleObject(name: "__future__", members: members))
    }
}
