import Autograd

/// A tensor's values at one of its versions, as the recorder's formatter wrote them (a script
/// run: PyTorch's `repr`, or a summary for a large tensor). A tensor changed in place has one
/// preview per version the recorder saw, so a preview never claims values the tensor had later.
public struct ValuePreview: Sendable, Equatable {
    private let version32: Int32
    /// The text, e.g. `tensor([1., 2.])`.
    public let text: String

    public init(version: Int, text: String) {
        version32 = Int32(truncatingIfNeeded: version)
        self.text = text
    }

    /// The tensor's version when the values were taken.
    public var version: Int { Int(version32) }
}

extension Graph {
    /// The previews of tensor `t`, oldest version first (empty when values were not recorded).
    public func values(of t: Int) -> [ValuePreview] { tensorValues[t] ?? [] }
}

extension Recorder {
    /// Records the values of `tensor` (record `t`) at its current version, when the recorder has
    /// a formatter. Formatting runs with no observer, so whatever it computes is not recorded.
    func notePreview(of tensor: Tensor, record t: Int) {
        guard let format = valueFormatter else { return }
        let version = tensor.version
        if graph.tensorValues[t]?.last?.version == version { return }
        let observer = Observation.observer
        Observation.observer = nil
        defer { Observation.observer = observer }
        graph.tensorValues[t, default: []].append(ValuePreview(version: version, text: format(tensor)))
    }
}
