/// Global autograd switches: grad mode, inference mode and anomaly detection.
public enum GradMode {
    /// Whether ops record a grad_fn (`torch.is_grad_enabled()`).
    public static var isEnabled: Bool {
        get { ThreadState.current.gradEnabled }
        set { ThreadState.current.gradEnabled = newValue }
    }
    /// Whether tensors made now are inference tensors (`torch.inference_mode()`).
    public static var isInferenceMode: Bool {
        get { ThreadState.current.inferenceMode }
        set { ThreadState.current.inferenceMode = newValue }
    }
    /// `torch.autograd.set_detect_anomaly(True)`.
    public static var anomalyDetection: Bool {
        get { ThreadState.current.anomalyDetection }
        set { ThreadState.current.anomalyDetection = newValue }
    }
    /// Supplies the forward-call description a node keeps while anomaly detection is on.
    package static var anomalyTraceProvider: (() -> String)? {
        get { ThreadState.current.anomalyTraceProvider }
        set { ThreadState.current.anomalyTraceProvider = newValue }
    }

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
