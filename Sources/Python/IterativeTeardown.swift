/// Frees nested containers without recursion: a 4M-deep list or a long linked list of instances
/// would otherwise be released by as many nested `deinit` calls and overflow the stack.
enum IterativeTeardown {
    /// Empties a dying list's items.
    static func release(_ items: inout [Value]) {
        guard items.contains(where: { $0.nestedContainer != nil }) else { return }
        var pending = items.compactMap(\.nestedContainer)
        items.removeAll()
        drain(&pending)
    }

    /// Empties a dying instance's attributes.
    static func release(_ attributes: inout AttributeTable) {
        guard attributes.contains(where: { $0.value.nestedContainer != nil }) else { return }
        var pending = attributes.compactMap(\.value.nestedContainer)
        attributes.removeAll()
        drain(&pending)
    }

    /// Releases the containers of `pending` (which must hold the only array references to them),
    /// first taking over the contents of each one it holds the last reference to, so that no
    /// release frees a further container.
    private static func drain(_ pending: inout [AnyObject]) {
        while !pending.isEmpty {
            guard isKnownUniquelyReferenced(&pending[pending.count - 1]) else {
                pending.removeLast()
                continue
            }
            let container = pending.removeLast()
            if let list = container as? ListStorage {
                pending += list.items.compactMap(\.nestedContainer)
                list.items.removeAll()
            } else if let instance = container as? Instance {
                pending += instance.attributes.compactMap(\.value.nestedContainer)
                instance.attributes.removeAll()
            }
        }
    }
}

extension Value {
    /// The list or instance this value is, whose freeing can free further containers.
    fileprivate var nestedContainer: AnyObject? {
        switch self {
        case .list(let list): return list
        case .object(let instance as Instance): return instance
        default: return nil
        }
    }
}
