import Foundation
import Python

/// The entry point. `--memory-child MODE --steps N` is the internal protocol by which the memory
/// and dump model-size workloads run themselves in a fresh process (`benchMemory`, `benchDump`);
/// it is read here by hand, before ArgumentParser is touched, so that the child, whose peak RSS
/// is the figure, neither runs the parser nor pages in its code (as 7a9df55's hand-written
/// argument loop did not). Every other command line is the public CLI, `GradScopeBench`.
@main
enum BenchEntry {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "--memory-child" else {
            GradScopeBench.main()
            return
        }
        guard arguments.count == 4, arguments[2] == "--steps", let steps = Int(arguments[3]), steps > 0 else {
            childFailure("expected --memory-child MODE --steps N (N a positive integer), got \(arguments.joined(separator: " "))")
        }
        let mode = arguments[1]
        let result = runOnLargeStack {
            Result {
                mode.hasPrefix("chain-")
                    ? try recordingChild(mode: mode, ops: steps)
                    : try runMemoryChild(mode: mode, steps: steps)
            }
        }
        switch result {
        case .success(let figure): print(figure)
        case .failure(let error): childFailure("\(error)")
        }
    }

    private static func childFailure(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gradscope-bench: \(message)\n".utf8))
        exit(1)
    }
}
