/// An instance's own attributes in the order they were first set, as CPython's instance
/// dictionaries keep them: `vars(obj)` and reprs built from it list them in that order.
struct AttributeTable: Sequence {
    /// Each name's position in `entries`.
    private var positions: [String: Int] = [:]
    private var entries: [(name: String, value: Value)] = []

    subscript(name: String) -> Value? {
        get { positions[name].map { entries[$0].value } }
        set {
            guard let newValue else {
                removeValue(forKey: name)
                return
            }
            if let position = positions[name] {
                entries[position].value = newValue
            } else {
                positions[name] = entries.count
                entries.append((name, newValue))
            }
        }
    }

    /// Removes `name`; returns its value, or nil if it was not set.
    @discardableResult
    mutating func removeValue(forKey name: String) -> Value? {
        guard let position = positions.removeValue(forKey: name) else { return nil }
        let removed = entries.remove(at: position).value
        for later in entries[position...] { positions[later.name]! -= 1 }
        return removed
    }

    mutating func removeAll() {
        positions.removeAll()
        entries.removeAll()
    }

    func makeIterator() -> IndexingIterator<[(name: String, value: Value)]> { entries.makeIterator() }
}
