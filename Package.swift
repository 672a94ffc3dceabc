// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GradScope",
    products: [
        .executable(name: "gradscope", targets: ["gradscope"]),
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "GraphModel", targets: ["GraphModel"]),
        .library(name: "GraphRender", targets: ["GraphRender"]),
        .library(name: "Session", targets: ["Session"]),
        .library(name: "NN", targets: ["NN"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0")
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CSleef", path: "Sources/CSleef", pkgConfig: "sleef", providers: [.apt(["libsleef-dev"])]),
        .systemLibrary(
            name: "CGraphviz", path: "Sources/CGraphviz", pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]),
        /// Float32 convolutions in oneDNN's summation order (AVX2 + FMA behind a run-time check).
        .target(name: "CConvKernels"),
        /// Sum of squares and extremes of float values for the gradient summaries (AVX2 behind a
        /// run-time check).
        .target(name: "CStatisticsKernels"),
        /// numpy's float power/exp/log/log2/log10/tan/arctan loops: Intel SVML's AVX-512 routines
        /// (vendored from numpy's SVML submodule, BSD-3) behind a run-time check, libm otherwise.
        .target(name: "CNumPySVML", exclude: ["vendor"]),
        .target(
            name: "Autograd",
            dependencies: [
                "CBLAS", "CSleef", "CConvKernels", "CStatisticsKernels", .product(name: "RealModule", package: "swift-numerics")
            ],
            plugins: ["IndexOpFamilies"]),
        /// Writes the Swift file that indexes Autograd's op families by name (run by the plugin).
        .executableTarget(name: "IndexOps"),
        .plugin(name: "IndexOpFamilies", capability: .buildTool(), dependencies: ["IndexOps"]),
        .target(name: "GraphModel", dependencies: ["Autograd"]),
        .target(name: "NN", dependencies: ["Autograd"]),
        .target(
            name: "GraphRender", dependencies: ["GraphModel", "CGraphviz"], exclude: ["Viewer/Assets"],
            plugins: ["EmbedViewerAssets"]),
        .target(name: "Python", exclude: ["Prelude"], plugins: ["EmbedPythonPrelude"]),
        .target(
            name: "TorchBindings", dependencies: ["Python", "Autograd", "CBLAS", "CNumPySVML"], exclude: ["Prelude"],
            plugins: ["EmbedPythonPrelude"]),
        /// Writes the Swift file that embeds TorchBindings' Python prelude (run by the plugin).
        .executableTarget(name: "EmbedPrelude"),
        .plugin(name: "EmbedPythonPrelude", capability: .buildTool(), dependencies: ["EmbedPrelude"]),
        /// Writes the Swift file that embeds GraphRender's HTML viewer assets (run by the plugin).
        .executableTarget(name: "EmbedAssets"),
        .plugin(name: "EmbedViewerAssets", capability: .buildTool(), dependencies: ["EmbedAssets"]),
        .target(name: "Session", dependencies: ["Python", "TorchBindings", "Autograd", "GraphModel", "GraphRender"]),
        .executableTarget(
            name: "gradscope",
            dependencies: [
                "Autograd", "GraphModel", "GraphRender", "Python", "Session",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        .executableTarget(
            name: "gradscope-bench",
            dependencies: [
                "Autograd", "GraphModel", "GraphRender", "Python", "Session",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        /// The in-process fuzzer: generated hostile scripts and graph dumps under the run limits.
        .executableTarget(
            name: "gradscope-fuzz",
            dependencies: [
                "GraphModel", "GraphRender", "Python", "Session",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        /// Helpers shared by the test targets: sample inputs for declared ops, PyTorch-value checks.
        .target(name: "TestSupport", dependencies: ["Autograd"], path: "Tests/TestSupport"),
        .testTarget(
            name: "AutogradTests", dependencies: ["Autograd", "CConvKernels", "CStatisticsKernels", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "NNTests", dependencies: ["NN"], exclude: ["Fixtures"]),
        .testTarget(name: "PythonTests", dependencies: ["Python"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TorchBindingsTests", dependencies: ["TorchBindings", "Session", "TestSupport", "CBLAS", "CNumPySVML"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "SessionTests", dependencies: ["Session"]),
        .testTarget(name: "GraphModelTests", dependencies: ["GraphModel", "Session"]),
        .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender", "Session"]),
        .testTarget(name: "EndToEndTests", dependencies: [])
    ],
    swiftLanguageModes: [.v6]
)
