/// Where an op's Python name is bound.
package struct OpExposure: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// `torch.X(...)`.
    package static let torch = OpExposure(rawValue: 1)
    /// `tensor.X(...)`.
    package static let method = OpExposure(rawValue: 2)
    /// `torch.nn.functional.X(...)`.
    package static let functional = OpExposure(rawValue: 4)
    /// `torch.linalg.X(...)`, for ops declared as `linalg_X` (PyTorch's `python_module: linalg`).
    package static let linalg = OpExposure(rawValue: 8)

    /// The Python prefix of each namespace, for messages and listings.
    package static let namespaces: [(OpExposure, String)] = [
        (.torch, "torch."), (.method, "Tensor."), (.functional, "torch.nn.functional."),
        (.linalg, "torch.linalg.")
    ]

    /// The Python name of an op called `name` in its signature, in this namespace:
    /// `linalg_vector_norm` is `torch.linalg.vector_norm`.
    package func pythonName(of name: String) -> String {
        self == .linalg && name.hasPrefix("linalg_") ? String(name.dropFirst("linalg_".count)) : name
    }
}
