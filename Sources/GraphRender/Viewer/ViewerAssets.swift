/// The viewer's CSS, JavaScript and page template, embedded at build time from
/// `Viewer/Assets` by the EmbedViewerAssets plugin (which defines `files`).
enum ViewerAssets {
    /// The page's scripts in the order they run: the vendored pan/zoom library (with its
    /// licence as a comment), then the viewer's modules, each building on the ones before it.
    static let scriptNames = [
        "vendor/panzoom.min.js", "js/model.js", "js/canvas.js", "js/search.js", "js/panel.js", "js/passes.js",
        "js/why.js", "js/state.js", "js/main.js"
    ]

    /// The scripts' texts, in `scriptNames` order.
    static var scripts: [String] {
        let licence =
            "/*! panzoom (github.com/anvaka/panzoom), vendored from the PyPI package mkdocs-panzoom-plugin 0.5.3.\n"
            + text("vendor/panzoom.LICENCE") + "\n*/"
        return [licence + "\n" + text(scriptNames[0])] + scriptNames.dropFirst().map(text)
    }

    /// The text of the asset at `path` below `Viewer/Assets`. Every name used is a file the
    /// plugin embedded (the viewer's tests load each one), so a missing one is a build mistake.
    static func text(_ path: String) -> String {
        guard let file = files[path] else { preconditionFailure("viewer asset \(path) was not embedded") }
        return file
    }
}
