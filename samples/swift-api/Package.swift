// swift-tools-version:6.0
// A package outside GradScope that depends on its libraries, as any Swift program would.
// `make check-swift-api` builds and runs it against this checkout, by path and by git URL.
import Foundation
import PackageDescription

/// GradScope by git URL and version tag when GRADSCOPE_URL and GRADSCOPE_VERSION are set (the
/// strictest way to depend: SwiftPM refuses unsafe compiler flags in versioned dependencies; the
/// package identity is the URL's last path component), else this checkout by path.
let (gradScope, gradScopePackage): (Package.Dependency, String) = {
    if let url = Context.environment["GRADSCOPE_URL"] {
        let identity = String(url.split(separator: "/").last ?? "").replacingOccurrences(of: ".git", with: "")
        return (.package(url: url, from: Version(stringLiteral: Context.environment["GRADSCOPE_VERSION"] ?? "0.1.0")), identity)
    }
    return (.package(name: "GradScope", path: "../.."), "GradScope")
}()

let package = Package(
    name: "swift-api",
    dependencies: [gradScope],
    targets: [
        .executableTarget(
            name: "swift-api",
            dependencies: [
                .product(name: "Autograd", package: gradScopePackage),
                .product(name: "GraphModel", package: gradScopePackage)
            ])
    ]
)
