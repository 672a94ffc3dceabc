import Foundation
import PackagePlugin

/// Embeds a target's Python prelude (the `.py` files under its `Prelude` folder) into the
/// target as one Swift string literal with a table of where each file lies in it, so the files
/// stay the only source of truth and the binary needs no resources at run time.
@main
struct EmbedPythonPrelude: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let root = target.directoryURL.appending(path: "Prelude")
        let files = pythonFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "PreludeSources+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding the Python prelude of \(target.name)",
                executable: try context.tool(named: "EmbedPrelude").url,
                arguments: [root.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]),
        ]
    }

    /// Every `.py` file under `root`, in a stable order.
    private func pythonFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "py" { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }
}
