// swift-tools-version:6.0
// The libFuzzer target, kept out of the main package: build it with fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "GradScopeFuzz",
    dependencies: [.package(name: "GradScope", path: "..")],
    targets: [
        .executableTarget(
            name: "ScriptFuzzer",
            dependencies: [.product(name: "Session", package: "GradScope")]),
    ],
    swiftLanguageModes: [.v5]
)
