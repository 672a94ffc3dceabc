/// The Python prelude: `torch.nn` (modules, containers, layers, losses, init, utils),
/// `torch.optim` (optimizers, lr_scheduler) and `torch.distributions` (distributions,
/// kl_divergence, constraints) as Python source mirroring PyTorch's own, from the
/// `.py` files under Sources/TorchBindings/Prelude, embedded in the binary at build time by the
/// EmbedPythonPrelude plugin.
package enum PreludeSources {
    /// The embedded modules' names, sorted (`torch.nn`, `torch.nn.init`, ...).
    package static var moduleNames: [String] { files.keys.sorted() }

    /// The Python source of module `name`; nil if the prelude has no such module.
    package static func source(of name: String) -> String? { files[name]?.source }

    /// Whether module `name` is a package (its source is an `__init__.py`).
    package static func isPackage(_ name: String) -> Bool { files[name]?.isPackage ?? false }
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
