/// The kind of a grad-mode region.
public enum RegionKind: String, Sendable, CaseIterable {
    case noGrad = "no_grad"
    case enableGrad = "enable_grad"
    case gradDisabled = "set_grad_enabled(False)"
    case gradEnabled = "set_grad_enabled(True)"
    case inferenceMode = "inference_mode"

    /// Whether ops inside record autograd history.
    public var gradEnabled: Bool { self == .enableGrad || self == .gradEnabled }
}
