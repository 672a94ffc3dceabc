import CGraphviz
import Foundation

/// Lays out and renders DOT text in-process through Graphviz's C libraries (libgvc, libcgraph).
///
/// This is the only place in GradScope that calls the Graphviz C API. Graphviz is not
/// thread-safe (global error state, shared symbol tables), so every call runs behind one
/// process-wide lock; concurrent callers simply wait their turn.
///
/// Every render frees the graph and layout it made, on success and on failure: parse
/// (`gs_read_dot`, cgraph's `agmemread` with subgraph ids in the order the text names them, so
/// clusters are drawn in the same order every run) → `gvLayout` → `gvRenderData` → copy → `gvFreeRenderData` → `gvFreeLayout` →
/// `agclose`. A graph is never laid out twice.
///
/// The Graphviz context is created once and kept for the life of the process: Graphviz 2.42's
/// pango plugin caches a pointer to the last font name it measured, which lives in the
/// context's font dictionary, so freeing a context and creating another makes the next render
/// read freed memory (AddressSanitizer caught it in `textspan_size`).
public enum GraphvizRenderer {
    /// Serializes every Graphviz call in the process (a pthread mutex, which ThreadSanitizer
    /// understands; it reported the futex-based `Mutex` as racing).
    private static let lock = NSLock()

    /// The process's Graphviz context, created on first use under `lock`.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Lays out `dot` with the `layout` engine and renders it to `format`.
    ///
    /// `.dot` is a passthrough: the text comes back unchanged as UTF-8 without involving
    /// Graphviz. Graph attributes in the DOT text (`nslimit`, `mclimit`, `splines`, …) are
    /// honoured, which is how callers keep large layouts fast; `layout` may be any engine
    /// Graphviz has (`dot`, `sfdp`, `neato`, `fdp`, `circo`, `twopi`).
    ///
    /// - Throws: `RenderError` carrying Graphviz's message, e.g. `syntax error in line 1 near '}'`
    ///   (`.invalidDOT`), `Layout type: "x" not recognized. Use one of: …` (`.layoutFailed`), or
    ///   `Format: "png" not recognized` plus a hint to run `dot -c` (`.unknownFormat`).
    public static func render(dot: String, format: RenderFormat, layout: String = "dot") throws -> [UInt8] {
        guard format.needsLayout else { return Array(dot.utf8) }
        return try render(dot: dot, graphvizFormat: format.rawValue, layout: layout)
    }

    /// Renders `dot` to the output format Graphviz knows as `graphvizFormat` (`"svg"`, `"png"`, …).
    static func render(dot: String, graphvizFormat: String, layout: String) throws -> [UInt8] {
        try lock.withLock {
            let capture = MessageCapture.begin()
            defer { capture.end() }
            return try renderLocked(dot: dot, format: graphvizFormat, layout: layout, capture: capture)
        }
    }

    /// The render pipeline proper; the caller holds `lock`.
    private static func renderLocked(
        dot: String, format: String, layout: String, capture: MessageCapture
    ) throws -> [UInt8] {
        if sharedContext == nil { sharedContext = gvContext() }
        guard let context = sharedContext else {
            throw RenderError.graphviz(
                .graphvizUnavailable, messages: capture.errors(), fallback: "cannot create a Graphviz context")
        }

        guard let graph = gs_read_dot(dot.withoutTrailingWhitespace()) else {
            throw RenderError.graphviz(
                .invalidDOT, messages: capture.errors(), fallback: "the DOT text is not a valid graph")
        }
        defer { agclose(graph) }

        guard gvLayout(context, graph, layout) == 0 else {
            throw RenderError.graphviz(
                .layoutFailed, messages: capture.errors(), fallback: "layout \"\(layout)\" failed")
        }
        defer { gvFreeLayout(context, graph) }
        if format == RenderFormat.png.rawValue { try checkBitmapSize(graph) }

        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format, &buffer, &length)
        // On failure the buffer may hold an allocation but its length is meaningless: free it
        // either way, read it only on success.
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard status == 0, let buffer else {
            throw RenderError.graphviz(
                .renderFailed, messages: capture.errors(), fallback: "rendering to \(format) failed")
        }
        return Array(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
    }
}

extension GraphvizRenderer {
    /// The most pixels a side of a PNG can have: cairo's image surfaces stop at 32,767.
    public static let maxBitmapSide = 32_767
    /// The most pixels a PNG may have in all (a gigabyte of memory at four bytes a pixel).
    public static let maxBitmapPixels: Int = 1 << 28

    /// Throws `.pictureTooLarge` when the laid-out `graph` would make a PNG larger than cairo
    /// can draw (or than `maxBitmapPixels`), rather than letting Graphviz fail or scale it down
    /// to an unreadable strip. Graphviz draws PNGs at 96 dpi around the bounding box plus `pad`.
    static func checkBitmapSize(_ graph: UnsafeMutablePointer<Agraph_t>) throws {
        let box = gs_bounding_box(graph)
        let padding = agget(UnsafeMutableRawPointer(graph), pointer("pad")).map { String(cString: $0) }
        let pad = 2 * 72 * (padding.flatMap(Double.init) ?? 0.0555)
        let scale = 96.0 / 72.0
        let width = Int(((box.UR.x - box.LL.x + pad) * scale).rounded(.up))
        let height = Int(((box.UR.y - box.LL.y + pad) * scale).rounded(.up))
        guard width > maxBitmapSide || height > maxBitmapSide || width * height > maxBitmapPixels else { return }
        throw RenderError(
            kind: .pictureTooLarge,
            message: "the picture would be \(width)×\(height) pixels, too large for a PNG (at most "
                + "\(maxBitmapSide) pixels a side and \(maxBitmapPixels / 1_000_000) million in all): write SVG or "
                + "PDF instead (-o graph.svg), or draw less with --max-nodes N, --depth N or --at LINE")
    }

    /// A C string for an attribute name (cgraph's 2.42 API takes `char *`).
    private static func pointer(_ text: StaticString) -> UnsafeMutablePointer<CChar> {
        UnsafeMutablePointer(mutating: UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self))
    }
}

/// Collects the messages Graphviz reports during one render instead of letting it print them.
///
/// Graphviz reports through a single process-wide C callback (`agseterrf`), so the collected
/// text lives in a global that is touched only while `GraphvizRenderer`'s lock is held.
private struct MessageCapture {
    /// Text Graphviz reported since `begin()`; guarded by `GraphvizRenderer.lock`.
    nonisolated(unsafe) static var text = ""

    /// The callback that was installed before `begin()`, restored by `end()`.
    let previous: agusererrf?

    /// Clears earlier state and routes Graphviz's messages into `text`.
    static func begin() -> MessageCapture {
        text = ""
        _ = agreseterrors()
        _ = agseterr(AGWARN)
        let previous = agseterrf { piece in
            if let piece { MessageCapture.text += String(cString: piece) }
            return 0
        }
        return MessageCapture(previous: previous)
    }

    /// Restores the previous callback.
    func end() {
        _ = agseterrf(previous)
        MessageCapture.text = ""
    }

    /// The error messages reported so far, without their `Error: ` prefix; continuation lines
    /// stay with the message they continue, warnings are left out.
    func errors() -> [String] {
        var messages: [(isError: Bool, text: String)] = []
        for line in MessageCapture.text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") {
                messages.append((true, String(line.dropFirst("Error: ".count))))
            } else if line.hasPrefix("Warning: ") {
                messages.append((false, String(line.dropFirst("Warning: ".count))))
            } else if let last = messages.indices.last {
                messages[last].text += "\n" + line
            } else {
                messages.append((true, String(line)))
            }
        }
        return messages.filter(\.isError).map { $0.text.trimmingTrailingSpaces() }
    }
}

extension String {
    /// The text without trailing whitespace, for `gs_read_dot`: cgraph reads a string line by line
    /// and its lexer keeps the rest of the line it read past a graph's closing brace for the
    /// next parse, so the newline after `}` would be counted as the next DOT text's first line
    /// and every line number in its errors would be one too high.
    fileprivate func withoutTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first,
            c == " " || c == "\t" || c == "\n" || c == "\r"
        {
            end = index(before: end)
        }
        return String(self[..<end])
    }

    /// The string without trailing spaces and tabs.
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
