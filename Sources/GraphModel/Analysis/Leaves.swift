/// What a leaf tensor is for.
public enum LeafRole: String, Sendable {
    /// A leaf that requires grad: gradients accumulate into it.
    case parameter
    /// A leaf that needs no grad (data, targets, detached values).
    case input
    /// A Python number an op wrapped into a 0-dim tensor.
    case constant
    /// A gradient a backward pass produced.
    case gradient
}

extension Graph {
    /// The role of tensor `id` if it is a leaf, nil for op results that carry history.
    public func leafRole(of id: Int) -> LeafRole? {
        guard tensors.indices.contains(id) else { return nil }
        guard tensors.isLeaf(of: id) else { return nil }
        if tensors.requiresGrad(of: id) { return .parameter }
        let source = tensors.source(of: id)
        if source == .backward { return .gradient }
        if source == .untracked && tensors.isScalar(id) && tensors.isUnnamed(id) { return .constant }
        return .input
    }

    /// Leaves that require grad, in recording order.
    public var parameters: [Int] { tensors.indices.filter { leafRole(of: $0) == .parameter } }

    /// Leaves that need no grad (inputs and constants, not gradients), in recording order.
    public var inputs: [Int] {
        tensors.indices.filter {
            let r = leafRole(of: $0)
            return r == .input || r == .constant
        }
    }
}
