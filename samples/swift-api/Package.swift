// swift-tools-version:6.0
// A package outside GradScope that depends on its libraries, as any Swift program would.
// `make check-swift-api` builds and runs it against this checkout, by path and by git URL.
import PackageDescription

let gradScope: Package.Dependency = {
    if let url = Context.environment["GRADSCOPE_URL"] {
        return .package(url: url, branch: Context.environment["GRADSCOPE_BRANCH"] ?? "main")
    }
    return .package(name: "GradScope", path: "../..")
}()

let package = Package(
    name: "swift-api",
    dependencies: [gradScope],
    targets: [
        .executableTarget(
            name: "swift-api",
            dependencies: [
                .product(name: "Autograd", package: "GradScope"),
                .product(name: "GraphModel", package: "GradScope"),
            ])
    ]
)
