import Autograd

/// The child side of `benchMemory`: runs one memory workload and returns the figure it prints.
/// - `free` / `retain`: `steps` W2 steps keeping every loss (so every graph stays reachable),
///   backward without / with retain_graph; returns peak RSS in KB. Without retain_graph the
///   saved activations must have been freed, so the peak stays near one step's worth.
/// - `growth`: `steps` W2 steps that zero their grads and drop their graphs; returns the RSS
///   increase in KB from step 10 (or the middle step when shorter) to the last.
func runMemoryChild(mode: String, steps: Int) throws -> Double {
    let model = try MLP()
    switch mode {
    case "free", "retain":
        var losses = [Tensor]()
        for _ in 0..<steps { losses.append(try model.step(retainGraph: mode == "retain")) }
        return peakRSSKilobytes()
    case "growth":
        let mark = max(min(10, steps / 2), 1)
        var atMark = currentRSSKilobytes()
        for i in 0..<steps {
            _ = try model.step(zeroGrads: true)
            if i + 1 == mark { atMark = currentRSSKilobytes() }
        }
        return currentRSSKilobytes() - atMark
    default:
        throw BenchError("unknown memory workload \(mode) (expected free, retain or growth)")
    }
}
