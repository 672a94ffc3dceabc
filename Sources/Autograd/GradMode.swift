/// Global autograd switches: grad mode, inference mode and anomaly detection.
public enum GradMode {
    /// Whether ops record a grad_fn (`torch.is_grad_enabled()`).
    nonisolated(unsafe) public static var isEnabled = true
    /// Whether tensors made now are inference tensors (`torch.inference_mode()`).
    nonisolated(unsafe) public static var isInferenceMode = false
    /// `torch.autograd.set_detect_anomaly(True)`.
    nonisolated(unsafe) public static var anomalyDetection = false
    /// Supplies the forward-call description a node keeps while anomaly detection is on.
    nonisolated(unsafe) public static var anomalyTraceProvider: (() -> String)? = nil

    /// Runs `body` with grad mode set to `enabled`, restoring the previous mode afterwards.
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let saved = isEnabled
        isEnabled = enabled
        defer { isEnabled = saved }
        return try body()
    }

    /// `with torch.no_grad():`
    public static func noGrad<R>(_ body: () throws -> R) rethrows -> R {
        try with(enabled: false, body)
    }

    /// `with torch.inference_mode():`
    public static func inferenceMode<R>(_ body: () throws -> R) rethrows -> R {
        let saved = (isEnabled, isInferenceMode)
        isEnabled = false
        isInferenceMode = true
        defer { (isEnabled, isInferenceMode) = saved }
        return try body()
    }
}
