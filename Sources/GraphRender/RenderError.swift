/// A failure to lay out, render or write a graph picture.
///
/// `message` carries Graphviz's own text where Graphviz produced the error
/// (`syntax error in line 1 near '}'`), so users see what Graphviz saw.
public struct RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Equatable, Sendable {
        /// The DOT text did not parse.
        case invalidDOT
        /// The layout engine is unknown or the layout failed.
        case layoutFailed
        /// The output format is unknown to Graphviz (usually: plugins not configured).
        case unknownFormat
        /// Rendering to the requested format failed.
        case renderFailed
        /// Graphviz could not create its context.
        case graphvizUnavailable
        /// The output file could not be written.
        case writeFailed(path: String)
        /// The render options do not fit the graph (e.g. `--pass 3` when there are two passes).
        case invalidOptions
        /// The picture is too large for the requested format (a PNG past cairo's size limit).
        case pictureTooLarge
    }

    /// What went wrong, broadly.
    public let kind: Kind
    /// The full message, Graphviz's text included, ending with any hint on how to fix it.
    public let message: String

    /// Creates an error of `kind` with `message`.
    package init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, as shown to users.
    public var description: String { message }

    /// The hint appended when Graphviz's plugins look unconfigured.
    static let pluginHint =
        "hint: Graphviz's plugin configuration may be missing or empty; run `dot -c` as root "
        + "(scripts/check-graphviz.sh does this) to regenerate it"

    /// Builds the error for a failed Graphviz step from the error messages Graphviz reported.
    ///
    /// Adds the `dot -c` hint when Graphviz lists no choices at all (`Layout type: "dot" not
    /// recognized. Use one of:` followed by nothing is what a missing or empty `config6a`
    /// looks like) or does not know an output format (`Format: "png" not recognized`,
    /// `renderer for png is unavailable`); the latter are classified `.unknownFormat`.
    static func graphviz(_ kind: Kind, messages: [String], fallback: String) -> RenderError {
        let text = messages.isEmpty ? fallback : messages.joined(separator: "\n")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: " \t") }
        let formatUnknown = lines.contains {
            ($0.hasPrefix("Format: \"") && $0.contains("not recognized"))
                || ($0.hasPrefix("renderer for ") && $0.hasSuffix(" is unavailable"))
        }
        let noChoices = lines.contains { $0.hasSuffix("not recognized. Use one of:") }
        guard formatUnknown || noChoices else { return RenderError(kind: kind, message: text) }
        return RenderError(kind: formatUnknown ? .unknownFormat : kind, message: text + "\n" + pluginHint)
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return result
    }
}
