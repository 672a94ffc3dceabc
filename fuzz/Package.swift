// swift-tools-version:6.0
// The libFuzzer target, kept out of the main package: build it with fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "GradScopeFuzz",
    dependencies: [.package(name: "GradScope", path: "..")],
    targets: [
        .executableTarget(
            name: "ScriptFuzzer",
            dependencies: [.product(name: "Script", package: "GradScope"),
                           .product(name: "Autograd", package: "GradScope")]),
    ],
    swiftLanguageModes: [.v5]
)
