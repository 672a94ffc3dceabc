/// Where an op's Python name is bound.
public struct OpExposure: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `torch.X(...)`.
    public static let torch = OpExposure(rawValue: 1)
    /// `tensor.X(...)`.
    public static let method = OpExposure(rawValue: 2)
    /// `torch.nn.functional.X(...)`.
    public static let functional = OpExposure(rawValue: 4)

    /// The Python prefix of each namespace, for messages and listings.
    public static let namespaces: [(OpExposure, String)] = [
        (.torch, "torch."), (.method, "Tensor."), (.functional, "torch.nn.functional.")
    ]
}
