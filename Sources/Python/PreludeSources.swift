/// The standard library modules written in Python (`argparse`, `dataclasses`), from the `.py`
/// files under Sources/Python/Prelude, embedded in the binary at build time by the
/// EmbedPythonPrelude plugin.
enum PreludeSources {
    /// The Python source of module `name`; nil if the prelude has no such module.
    static func source(of name: String) -> String? { files[name]?.source }

    /// The embedded modules' names, sorted.
    static var moduleNames: [String] { files.keys.sorted() }
}

/// One embedded `.py` file.
struct PreludeFile: Sendable {
    let isPackage: Bool
    /// Where its source lies in `PreludeSources.text`, in UTF-8 bytes.
    let utf8Range: Range<Int>

    /// The Python source.
    var source: String {
        let text = PreludeSources.text
        let start = text.utf8.index(text.startIndex, offsetBy: utf8Range.lowerBound)
        return String(text[start..<text.utf8.index(start, offsetBy: utf8Range.count)])
    }
}
