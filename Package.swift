// swift-tools-version: 6.0
import Foundation
import PackageDescription

// specforge: an OpenAPI → Swift client generator.
// The pipeline is one module per stage: Parser → Model → Renderer → PostProcessor,
// tied together by Generator and driven by the `specforge` command line tool.
//
// What users depend on: the `SpecforgeRuntime` library (every generated client imports it),
// the `SpecforgePlugin` build-tool plugin (generates a client during `swift build`), the
// `GenerateClient` command plugin (writes one into the source tree) and the `specforge` tool.

/// Every warning is an error in specforge's own code and in the generated clients, when
/// `SPECFORGE_STRICT=1` (the Makefile and CI set it). An environment switch rather than a
/// setting because `treatAllWarnings` needs tools 6.2, and unsafe flags would make the package
/// unusable as a dependency; users building it never see the flag.
let strict: [SwiftSetting] =
    ProcessInfo.processInfo.environment["SPECFORGE_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let package = Package(
    name: "specforge",
    // What the runtime needs: `Duration` and the async URLSession APIs.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "specforge", targets: ["specforge"]),
        .library(name: "SpecforgeRuntime", targets: ["SpecforgeRuntime"]),
        // A transport on AsyncHTTPClient, for server-side Swift; apps that do not use it do not build it.
        .library(name: "SpecforgeAsyncHTTPClient", targets: ["SpecforgeAsyncHTTPClient"]),
        // A logging middleware on swift-log.
        .library(name: "SpecforgeLogging", targets: ["SpecforgeLogging"]),
        .plugin(name: "SpecforgePlugin", targets: ["SpecforgePlugin"]),
        .plugin(name: "GenerateClient", targets: ["GenerateClient"]),
        .plugin(name: "CheckClient", targets: ["CheckClient"]),
        .library(name: "CVAT", targets: ["CVAT"]),
        // The high-level CVAT SDK on the generated client (the seed's `cvat_sdk.core`).
        .library(name: "CVATKit", targets: ["CVATKit"]),
        // The seed's command-line tool (cvat-cli's twin) on CVATKit.
        .executable(name: "cvat", targets: ["cvat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation --target CVAT` (DocC); a plugin only, nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libyaml, the system library (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "SpecforgeDiagnostics", path: "Sources/Diagnostics", swiftSettings: strict),
        // What the stages share and nothing else: the rendered file, a concurrent map.
        .target(name: "SpecforgeSupport", path: "Sources/Support", swiftSettings: strict),
        .target(
            name: "SpecforgeParser",
            dependencies: ["CYAML", "SpecforgeDiagnostics"],
            path: "Sources/Parser",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeModel",
            dependencies: ["SpecforgeParser", "SpecforgeDiagnostics"],
            path: "Sources/Model",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeRenderer",
            dependencies: [
                "SpecforgeModel", "SpecforgeDiagnostics", "SpecforgeSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/Renderer",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgePostProcessor",
            dependencies: ["SpecforgeSupport"],
            path: "Sources/PostProcessor",
            swiftSettings: strict
        ),
        // `specforge diff`: two intermediate models compared.
        .target(
            name: "SpecforgeDiff",
            dependencies: ["SpecforgeModel"],
            path: "Sources/Diff",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeGenerator",
            dependencies: [
                "SpecforgeDiagnostics", "SpecforgeParser", "SpecforgeModel", "SpecforgeRenderer",
                "SpecforgePostProcessor",
                "SpecforgeSupport",
            ],
            path: "Sources/Generator",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "specforge",
            dependencies: [
                "SpecforgeDiagnostics",
                "SpecforgeGenerator",
                "SpecforgeRenderer",
                "SpecforgePostProcessor",
                "SpecforgeDiff",
                "SpecforgeModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI",
            swiftSettings: strict
        ),
        // Turns Templates/*.mustache into Sources/Renderer/EmbeddedTemplates.swift (`make templates`),
        // so the binary carries its templates wherever it is copied.
        .executableTarget(name: "TemplateEmbedder", path: "Sources/TemplateEmbedder", swiftSettings: strict),
        // Generates a client during `swift build` from the target's openapi.yaml and specforge.yaml.
        .plugin(
            name: "SpecforgePlugin",
            capability: .buildTool(),
            dependencies: ["specforge"],
            path: "Plugins/SpecforgePlugin"
        ),
        // `swift package --allow-writing-to-package-directory generate-client [--target T]`.
        .plugin(
            name: "GenerateClient",
            capability: .command(
                intent: .custom(verb: "generate-client", description: "Generate OpenAPI clients into the source tree"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated client into the target's folder")]
            ),
            dependencies: ["specforge"],
            path: "Plugins/GenerateClient"
        ),
        // `swift package check-client [--target T]`: the same check without asking to write (for CI).
        .plugin(
            name: "CheckClient",
            capability: .command(
                intent: .custom(verb: "check-client", description: "Fail when committed OpenAPI clients have drifted")
            ),
            dependencies: ["specforge"],
            path: "Plugins/CheckClient"
        ),
        // The hand-written library every generated client imports; it depends on Foundation only.
        .target(name: "SpecforgeRuntime", path: "Sources/Runtime", swiftSettings: strict),
        .target(
            name: "SpecforgeAsyncHTTPClient",
            dependencies: [
                "SpecforgeRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/AsyncHTTPClientTransport",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeLogging",
            dependencies: ["SpecforgeRuntime", .product(name: "Logging", package: "swift-log")],
            path: "Sources/Logging",
            swiftSettings: strict
        ),
        // The generated CVAT client (regenerate with `make generate`).
        .target(name: "CVAT", dependencies: ["SpecforgeRuntime"], path: "Generated/CVAT", swiftSettings: strict),
        // Hand-written, on the generated client and the runtime; ZIPFoundation reads the
        // image-set chunks a dataset caches.
        .target(
            name: "CVATKit",
            dependencies: ["CVAT", "SpecforgeRuntime", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/CVATKit",
            swiftSettings: strict
        ),
        // `cvat`, the command-line tool: swift-argument-parser on CVATKit, sending through
        // AsyncHTTPClient (streamed uploads, `--insecure`).
        .executableTarget(
            name: "cvat",
            dependencies: [
                "CVATKit", "CVAT", "SpecforgeRuntime", "SpecforgeAsyncHTTPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CVATCLI",
            swiftSettings: strict
        ),
        // The CVAT 2.61 client, for the forward-compatibility tests only.
        .target(name: "CVAT261", dependencies: ["SpecforgeRuntime"], path: "Generated/CVAT261", swiftSettings: strict),
        .testTarget(
            name: "SpecforgeTests",
            dependencies: [
                "SpecforgeDiagnostics", "SpecforgeGenerator", "SpecforgeParser", "SpecforgeModel", "SpecforgeRenderer",
                "SpecforgePostProcessor", "SpecforgeDiff", "SpecforgeSupport",
            ],
            path: "Tests/SpecforgeTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SpecforgeRuntime", "CVAT", "CVAT261", "TestSupport"],
            path: "Tests/EndToEndTests",
            swiftSettings: strict
        ),
        // One suite of transport checks, run against URLSessionTransport and
        // AsyncHTTPClientTransport, and the production features on top of them (validation,
        // retries, middleware, TLS, proxies, streamed uploads).
        .testTarget(
            name: "TransportTests",
            dependencies: ["SpecforgeRuntime", "SpecforgeAsyncHTTPClient", "SpecforgeLogging", "CVAT", "TestSupport"],
            path: "Tests/TransportTests",
            swiftSettings: strict
        ),
        // What the test targets share: starting their loopback servers.
        .target(name: "TestSupport", path: "Tests/Support", swiftSettings: strict),
        // CVATKit against the fake CVAT server on Django REST framework, and against cvat_sdk.core.
        .testTarget(
            name: "CVATKitTests",
            dependencies: ["CVATKit", "CVAT", "SpecforgeRuntime", "TestSupport", "cvat"],
            path: "Tests/CVATKitTests",
            exclude: ["Differential", "CLI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["SpecforgeRuntime", "CVAT"],
            path: "Tests/RuntimeTests",
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
