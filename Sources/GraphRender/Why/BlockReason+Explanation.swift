import GraphModel

extension BlockReason {
    /// A one-line explanation for people, as the graph dump's `analysis.gradient_flow` and the
    /// picture's tooltips give it.
    public var explanation: String {
        switch self {
        case .detached(let line, let kind):
            return "detached at line \(line) (\(kind == .data ? ".data" : kind.rawValue + "()"))"
        case .noGrad(let line, let region):
            return "created under \(region?.rawValue ?? "no_grad") at line \(line)"
        case .requiresGradFalse(let line): return "requires_grad is False (made at line \(line))"
        case .notUsed: return "not used by the differentiated outputs"
        case .graphFreed(let pass, let line):
            return "graph freed by backward pass \(pass) at line \(line) (use retain_graph=True)"
        case .notAnInput: return "not among the inputs of autograd.grad"
        case .passFailed(let e): return "the pass raised \(e.type): \(e.message)"
        case .noGradientFlowed: return "in the graph, but no gradient flowed to it"
        }
    }
}

extension Graph {
    /// The JSON `gradscope dump --format json` writes: `json(version:)` with its `analysis`
    /// object, each blocked gradient's reason explained in English.
    public func jsonWithAnalysis(version: GraphJSONVersion = .v3) -> String {
        json(version: version, explaining: \.explanation)
    }

    /// `jsonWithAnalysis(version:)` handed to `write` in pieces as it is made.
    public func writeJSONWithAnalysis(
        version: GraphJSONVersion = .v3, to write: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        writeJSON(version: version, explaining: \.explanation, to: write)
    }
}
