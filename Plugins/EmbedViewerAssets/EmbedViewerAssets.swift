import Foundation
import PackagePlugin

/// Embeds the HTML viewer's assets (the JavaScript, CSS and page template under the target's
/// `Viewer/Assets` folder) into the target as Swift string literals, so the files stay the only
/// source of truth, can be read and linted as they are, and the binary needs no resources.
@main
struct EmbedViewerAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let root = target.directoryURL.appending(path: "Viewer/Assets")
        let files = assetFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "ViewerAssets+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding the viewer assets of \(target.name)",
                executable: try context.tool(named: "EmbedAssets").url,
                arguments: [root.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// Every file under `root`, in a stable order.
    private func assetFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
