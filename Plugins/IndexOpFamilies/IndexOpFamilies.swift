import Foundation
import PackagePlugin

/// Indexes the op families of the target's `Ops` folder (the names each family's declarations
/// bind, per namespace) into a generated Swift file, so the registry can resolve a name by
/// building only the family that declares it while each op is still declared once, in its
/// family file.
@main
struct IndexOpFamilies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Ops").path + "/"
        let files = target.sourceFiles(withSuffix: "swift").map(\.url).filter { $0.path.hasPrefix(folder) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "OpFamilies+Index.swift")
        return [
            .buildCommand(
                displayName: "Indexing the op families of \(target.name)",
                executable: try context.tool(named: "IndexOps").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
