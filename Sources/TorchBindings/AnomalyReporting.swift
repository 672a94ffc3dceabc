import Autograd
import Python

/// What anomaly mode (`torch.autograd.detect_anomaly()`) prints: its warning, and the script's
/// call stack at each op's forward, which the engine shows when that op's backward fails.
enum AnomalyReporting {
    /// PyTorch's warning when `torch.autograd.detect_anomaly()` is entered.
    static let enabledWarning =
        "Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging."

    /// For the duration of a run: the engine asks `interp` for forward traces, and anomaly mode
    /// starts as it was; returns what restores the previous state.
    static func enter(_ interp: Interpreter) -> () -> Void {
        let (previousTrace, previousAnomaly) = (GradMode.anomalyTraceProvider, GradMode.anomalyDetection)
        GradMode.anomalyTraceProvider = { [unowned interp] in interp.callStackTrace() }
        return { (GradMode.anomalyTraceProvider, GradMode.anomalyDetection) = (previousTrace, previousAnomaly) }
    }
}
