import Synchronization

/// A grad_fn class as the op that makes its nodes declares it: PyTorch's class name with a
/// small integer id given when the kind is made, so that an observer files a node of the kind
/// by index (one array slot) rather than by hashing or comparing its name.
public struct NodeKind: Sendable {
    /// PyTorch's class name, e.g. `MulBackward0`.
    public let name: String
    /// Counts from 0 in the order kinds are made (each declaration its own, even for one name).
    public let id: Int

    package init(_ name: String) {
        self.name = name
        id = Self.nextID.add(1, ordering: .relaxed).oldValue
    }

    private static let nextID = Atomic<Int>(0)
}
