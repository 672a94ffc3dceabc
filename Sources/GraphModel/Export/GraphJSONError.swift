/// A failure to read a graph dump: where in the document, and what was wrong.
public struct GraphJSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// e.g. `not a gradscope.graph/3 dump: tensors[3].shape: expected an array of integers`.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
