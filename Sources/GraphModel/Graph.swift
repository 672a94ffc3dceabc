import Autograd

/// An immutable snapshot of everything a `Recorder` observed: tensors, forward ops, autograd
/// nodes with their saved buffers, grad-mode regions, detach events and backward passes.
///
/// Ids are positions in the arrays (recording order), so the same run always gives the same
/// graph. Everything downstream (analysis, text and JSON dumps, rendering) reads only this value.
public struct Graph: Sendable {
    /// The JSON schema identifier written by `json()`.
    public static let schema = GraphJSONVersion.v3.schema
    /// The schemas `Graph(json:)` reads (a `/1` dump has no `modules`).
    public static let readableSchemas = ["gradscope.graph/1", GraphJSONVersion.v2.schema, schema]

    /// Every tensor seen, indexed by `TensorRecord.id`.
    public internal(set) var tensors = TensorTable()
    /// Every forward op, in execution order, indexed by `OpRecord.id`.
    public internal(set) var ops = OpTable()
    /// Every autograd node, indexed by `NodeRecord.id`.
    public internal(set) var nodes = NodeTable()
    /// Grad-mode regions in the order they were entered, indexed by `Region.id`.
    public internal(set) var regions: [Region] = []
    /// detach / detach_ / .data events, indexed by `DetachRecord.id`.
    public internal(set) var detaches: [DetachRecord] = []
    /// backward() / autograd.backward() / autograd.grad() calls, indexed by `BackwardRecord.id`.
    public internal(set) var backwardPasses: [BackwardRecord] = []
    /// `nn.Module` calls in the order they began, indexed by `ModuleCall.id`.
    public internal(set) var modules: [ModuleCall] = []
    /// Every `.grad` read of the script, in order.
    public internal(set) var gradReads: [GradRead] = []
    /// The distinct attribute lists of the ops (`attributes(ofOp:)`): a loop's ops share one.
    public internal(set) var attributeSets: [[OpAttribute]] = []
    /// Per op id: its list in `attributeSets`, -1 for none; ops past the end have none.
    var opAttributeSet: [Int32] = []
    /// Tensor id → its values at the versions recorded (`values(of:)`); recorded only when the
    /// recorder was given a formatter, and absent for tensors it did not preview.
    public internal(set) var tensorValues: [Int: [ValuePreview]] = [:]
    /// The script's `for` and `while` statements in source order; nil when the graph was not
    /// recorded from a script (the Swift API, a dump written before they were recorded).
    public internal(set) var loopStatements: [LoopStatement]?
    /// The exception that ended the script, if it raised.
    public internal(set) var error: ErrorRecord?
    /// The script lines that ran, ascending (empty when no lines were recorded).
    public internal(set) var linesRun: [Int] = []
    /// The line of the last statement that ran.
    public internal(set) var lastLine: Int?

    public init() {}
}

/// An exception: where it was raised, its Python type and its message.
public struct ErrorRecord: Sendable, Equatable {
    public let line: Int
    /// Python exception class name, e.g. `RuntimeError`.
    public let type: String
    public let message: String

    public init(line: Int, type: String, message: String) {
        self.line = line
        self.type = type
        self.message = message
    }

    /// An error thrown by the engine (or any other Swift error) as Python would name it.
    init(line: Int, error: Error) {
        if let t = error as? PythonDescribedError {
            self.init(line: line, type: t.pythonType, message: t.message)
        } else {
            self.init(line: line, type: "RuntimeError", message: String(describing: error))
        }
    }
}
