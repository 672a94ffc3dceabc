import Autograd

/// A `with torch.no_grad():` block (or enable_grad, set_grad_enabled, inference_mode).
public struct Region: Sendable {
    public let id: Int
    public let kind: RegionKind
    public let startLine: Int
    /// Last line of the region; nil while (or if) it was never exited.
    public internal(set) var endLine: Int?
    /// The enclosing region, for nested regions.
    public let parent: Int?
}

/// The kind of a detach event.
public enum DetachKind: String, Sendable {
    case detach
    case detachInPlace = "detach_"
    case data
}

/// A `detach()`, `detach_()` or `.data` event.
public struct DetachRecord: Sendable {
    public let id: Int
    public let kind: DetachKind
    /// The tensor detached from.
    public let source: Int
    /// The new tensor (for `detach_`, the same tensor as `source`).
    public let result: Int
    public let line: Int
    /// Whether the source carried gradient history, i.e. whether this cut anything.
    public let sourceRequiredGrad: Bool
    /// How many ops were recorded before it (ops with a lower id ran earlier).
    public let opsBefore: Int
}
