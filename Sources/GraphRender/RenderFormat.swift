/// An output format GradScope can produce for a graph picture.
public enum RenderFormat: String, CaseIterable, Sendable {
    /// Scalable vector graphics, rendered by Graphviz's core SVG plugin.
    case svg
    /// A raster image, rendered by Graphviz's cairo plugin.
    case png
    /// A PDF document, rendered by Graphviz's cairo plugin.
    case pdf
    /// The DOT source itself, written unchanged with no layout.
    case dot

    /// Infers the format from a file name's extension (`graph.SVG` → `.svg`, `g.gv` → `.dot`);
    /// nil when the extension names no supported format.
    public init?(pathExtensionOf path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        if ext == "gv" {
            self = .dot
        } else if let format = RenderFormat(rawValue: ext) {
            self = format
        } else {
            return nil
        }
    }

    /// Whether producing this format needs a Graphviz layout (everything except `.dot`).
    public var needsLayout: Bool { self != .dot }
}
