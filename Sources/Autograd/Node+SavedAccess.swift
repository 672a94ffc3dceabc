extension Node {
    /// Whether the formula of this node declares a saved tensor named `role`, filled or not.
    public func declaresSaved(_ role: String) -> Bool {
        saved.contains { $0.role == role } || unsavedRoles.contains(role)
    }

    /// `grad_fn._saved_ROLE`: the saved tensor named `role`, unpacked as backward would read it
    /// (through the unpack hook if a pack hook took it), raising PyTorch's error once a backward
    /// freed it; nil when the formula declares the slot but this node did not need to fill it.
    public func unpackSaved(_ role: String) throws -> Tensor? {
        guard let slot = saved.first(where: { $0.role == role }) else { return nil }
        return try slot.unpack(for: self)
    }
}

/// A non-tensor value a node keeps for its formula, under PyTorch's name for it in
/// derivatives.yaml (`dim`, `keepdim`, `exponent`, `self_sym_sizes`, ...): what
/// `grad_fn._saved_NAME` returns.
public enum SavedValue: Sendable, Equatable {
    case int(Int)
    /// A Python tuple of ints (sizes, strides, dims).
    case ints([Int])
    case bool(Bool)
    /// A Python number as the script gave it.
    case scalar(ScalarValue)
    /// A string argument (`linalg.qr`'s `mode`).
    case string(String)
}

extension SavedValue {
    /// An `alpha` as scripts pass it: an integral value reads back as a Python int (`alpha=2`
    /// gives `2`, and PyTorch's default is the int `1`).
    static func alpha(_ alpha: Double) -> SavedValue {
        alpha.rounded() == alpha && abs(alpha) < 1e15 ? .scalar(.int(Int64(alpha))) : .scalar(.double(alpha))
    }
}

extension Node {
    /// The non-tensor value named `name`, if the node's formula keeps one.
    public func savedValue(_ name: String) -> SavedValue? { savedValues.first { $0.name == name }?.value }
}
