// swift-tools-version: 6.2
import PackageDescription

// specforge: an OpenAPI → Swift client generator.
// The pipeline is one module per stage: Parser → Model → Renderer → PostProcessor,
// tied together by Generator and driven by the `specforge` command line tool.
/// Every warning is an error in specforge's own code and in the generated client. (SwiftPM
/// ignores warning settings of packages used as remote dependencies, so users are unaffected.)
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "specforge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "specforge", targets: ["specforge"]),
        .library(name: "SpecforgeRuntime", targets: ["SpecforgeRuntime"]),
        .library(name: "CVAT", targets: ["CVAT"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        .target(
            name: "SpecforgeParser",
            dependencies: ["CYAML", "SpecforgeDiagnostics"],
            path: "Sources/Parser",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeModel",
            dependencies: ["SpecforgeParser"],
            path: "Sources/Model",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeRenderer",
            dependencies: ["SpecforgeModel", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/Renderer",
            swiftSettings: strict,
            plugins: ["EmbedTemplates"]
        ),
        .target(
            name: "SpecforgePostProcessor",
            dependencies: ["SpecforgeModel", "SpecforgeRenderer"],
            path: "Sources/PostProcessor",
            swiftSettings: strict
        ),
        .target(
            name: "SpecforgeGenerator",
            dependencies: ["SpecforgeParser", "SpecforgeModel", "SpecforgeRenderer", "SpecforgePostProcessor"],
            path: "Sources/Generator",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "specforge",
            dependencies: [
                "SpecforgeGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI",
            swiftSettings: strict
        ),
        // Turns Templates/*.mustache into Swift string constants at build time, so the
        // binary carries its templates wherever it is copied.
        .executableTarget(name: "TemplateEmbedder", path: "Sources/TemplateEmbedder", swiftSettings: strict),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"],
            path: "Plugins/EmbedTemplates"
        ),
        // The hand-written library every generated client imports.
        .target(name: "SpecforgeRuntime", path: "Sources/Runtime", swiftSettings: strict),
        // The generated CVAT client (regenerate with `make generate`).
        .target(name: "CVAT", dependencies: ["SpecforgeRuntime"], path: "Generated/CVAT", swiftSettings: strict),
        // The CVAT 2.61 client, for the forward-compatibility tests only.
        .target(name: "CVAT261", dependencies: ["SpecforgeRuntime"], path: "Generated/CVAT261", swiftSettings: strict),
        .testTarget(
            name: "SpecforgeTests",
            dependencies: ["SpecforgeGenerator", "SpecforgeParser", "SpecforgeModel", "SpecforgePostProcessor"],
            path: "Tests/SpecforgeTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SpecforgeRuntime", "CVAT", "CVAT261"],
            path: "Tests/EndToEndTests",
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
