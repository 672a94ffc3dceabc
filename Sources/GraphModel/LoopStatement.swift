/// A `for` or `while` statement of the script: what a picture titles a folded loop with, and
/// the lines whose ops it ran.
public struct LoopStatement: Sendable, Equatable {
    /// The line the statement starts on.
    public let line: Int
    /// The last line of its body (its `else` clause left out).
    public let lastLine: Int
    /// The statement as written, without the colon: `for step in range(20)`.
    public let header: String

    public init(line: Int, lastLine: Int, header: String) {
        self.line = line
        self.lastLine = lastLine
        self.header = header
    }

    /// Whether an op at `line` ran in this loop: the header's own line (a `while` condition,
    /// the body of a one-line loop) or a line of the body.
    public func holds(_ line: Int) -> Bool { self.line <= line && line <= lastLine }
}
