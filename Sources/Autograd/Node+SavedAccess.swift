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
