/// A namespace of variables: the module's globals or one function call's locals.
package final class Scope {
    var variables: [String: Value] = [:]
    /// The enclosing function's scope (for closures); nil for globals and top-level functions.
    let enclosing: Scope?
    /// Names declared `global` (or `nonlocal`) in this scope.
    var redirected: [String: Scope] = [:]
    /// Whether this is a class body's namespace, which the functions, comprehensions and classes
    /// defined in it do not see (their free names skip it, as Python's do).
    let isClassBody: Bool

    /// For a comprehension's scope: the scope around it, where its `name := value` binds.
    private let comprehended: Scope?

    init(enclosing: Scope?, isClassBody: Bool = false, comprehensionOf comprehended: Scope? = nil) {
        self.enclosing = enclosing
        self.isClassBody = isClassBody
        self.comprehended = comprehended
    }

    /// Where `name := value` binds: this scope, or for a comprehension the scope containing it.
    var namedExpressionTarget: Scope { comprehended?.namedExpressionTarget ?? self }

    /// The scope that a function, comprehension or class defined in this one encloses: this one,
    /// or for a class body the scope around the class.
    var enclosingForNested: Scope? { isClassBody ? enclosing : self }

    func lookup(_ name: String) -> Value? {
        var s: Scope? = self
        while let scope = s {
            if !scope.redirected.isEmpty, let target = scope.redirected[name] { return target.variables[name] }
            if let v = scope.variables[name] { return v }
            s = scope.enclosing
        }
        return nil
    }

    func assign(_ name: String, _ value: Value) {
        if !redirected.isEmpty, let target = redirected[name] { target.variables[name] = value } else { variables[name] = value }
    }

    /// Removes a binding; false if it did not exist.
    func delete(_ name: String) -> Bool {
        let target = redirected[name] ?? self
        return target.variables.removeValue(forKey: name) != nil
    }
}
