import Autograd
import GraphModel
import GraphRender
import Python
import TorchBindings

/// The script's events go to the graph recording (not while a debugger expression runs).
extension Debugger: ScriptObserver {
    package func lineWillRun(_ line: Int) { if !evaluating { recording.lineWillRun(line) } }
    package func framesChanged(scriptLine: Int, scriptCallLines: [Int], depth: Int) {
        recording.framesChanged(scriptLine: scriptLine, scriptCallLines: scriptCallLines, depth: depth)
    }
    package func bound(name: String, to value: Value) { if !evaluating { recording.bound(name: name, to: value) } }
    package func regionEntered(_ kind: RegionKind, line: Int) { if !evaluating { recording.regionEntered(kind, line: line) } }
    package func regionExited(line: Int) { if !evaluating { recording.regionExited(line: line) } }
    package func uncaughtError(type: String, message: String, line: Int) {
        recording.uncaughtError(type: type, message: message, line: line)
    }
    package func gradRead(of tensor: Tensor, line: Int) { if !evaluating { recording.gradRead(of: tensor, line: line) } }
    package func moduleCallEntered(_ call: ModuleCallEvent, line: Int) { recording.moduleCallEntered(call, line: line) }
    package func moduleCallExited(line: Int) { recording.moduleCallExited(line: line) }
    package func functionCallEntered(line: Int) { recording.functionCallEntered(line: line) }
    package func functionCallExited() { recording.functionCallExited() }
}

/// The engine's events go to the recorder; after each backward node, `backward-step` stops.
extension Debugger: AutogradObserver {
    private var recorder: Recorder { recording.recorder }

    public func tensorCreated(_ tensor: Tensor, origin: TensorOrigin, op: String) {
        recorder.tensorCreated(tensor, origin: origin, op: op)
    }
    public func opExecuted(_ event: OpEvent) { recorder.opExecuted(event) }
    public func binaryOpExecuted(
        name: String, _ a: Tensor, _ b: Tensor?, output: Tensor, gradFn: Node?, gradEnabled: Bool
    ) {
        recorder.binaryOpExecuted(name: name, a, b, output: output, gradFn: gradFn, gradEnabled: gradEnabled)
    }
    public func versionBumped(_ tensor: Tensor, op: String) { recorder.versionBumped(tensor, op: op) }
    public func detached(source: Tensor, result: Tensor, origin: TensorOrigin) {
        recorder.detached(source: source, result: result, origin: origin)
    }
    public func backwardStarted(_ pass: BackwardPass) {
        recorder.backwardStarted(pass)
        if steppingBackward { io.write("backward started at line \(line) (b\(graph.backwardPasses.count - 1))\n") }
    }
    public func savedTensorsFreed(_ node: Node) { recorder.savedTensorsFreed(node) }
    public func gradAccumulated(_ leaf: Tensor, grad: Tensor) { recorder.gradAccumulated(leaf, grad: grad) }
    public func hookFired(_ node: Node, outputNr: Int, replaced: Bool) {
        recorder.hookFired(node, outputNr: outputNr, replaced: replaced)
    }
    public func anomalyDetected(_ node: Node, outputNr: Int) { recorder.anomalyDetected(node, outputNr: outputNr) }
    public func backwardFinished(_ pass: BackwardPass, error: Error?) {
        recorder.backwardFinished(pass, error: error)
        if steppingBackward {
            let p = graph.backwardPasses.last
            io.write(
                "backward finished: \(p?.executed.count ?? 0) nodes ran"
                    + (error.map { " (raised \(Self.describe($0)))" } ?? "") + "\n")
        }
    }

    public func nodeExecuted(_ node: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?]) {
        recorder.nodeExecuted(node, gradOutputs: gradOutputs, gradInputs: gradInputs)
        guard steppingBackward, !evaluating else { return }
        showNode(received: gradOutputs)
        while let command = readCommand() {
            switch execute(command) {
            case .stay: continue
            case .resume:
                // Another backward-step keeps stepping; anything else lets the backward finish.
                if !steppingBackward { return }
                return
            case .quit:
                steppingBackward = false
                mode = .run
                return
            }
        }
        steppingBackward = false
        mode = .run
    }

    /// The node that just ran: what it received and what it sent along each next edge.
    private func showNode(received: [Tensor?]) {
        let g = graph
        guard let p = g.backwardPasses.last, let n = p.executed.last else { return }
        let say = ExplainSentences(graph: g, source: source)
        let record = g.nodes[n]
        io.write("b\(p.id) node \(p.executed.count): \(say.node(n))\n")
        for (i, t) in received.enumerated() {
            let label = received.count == 1 ? "received" : "received [\(i)]"
            io.write("  \(label): " + (t.map { say.grad(GradSummary($0)) } ?? "None") + "\n")
        }
        if let v = record.variable {
            let total = p.accumulated.last { $0.tensor == v }?.total
            io.write("  accumulated into \(say.name(v)).grad" + (total.map { ", now " + say.grad($0) } ?? "") + "\n")
            return
        }
        for (i, edge) in record.next.enumerated() {
            guard let edge else {
                io.write("  input \(i): needs no gradient\n")
                continue
            }
            let sent = p.edgeGradients.last { $0.from == n && $0.index == i }?.grad
            io.write("  input \(i) → \(say.node(edge.node)): " + (sent.map { say.grad($0) } ?? "None") + "\n")
        }
    }
}
