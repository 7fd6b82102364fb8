// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tutti",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tutti", targets: ["tutti"]),
        .executable(name: "tutti-bench", targets: ["tutti-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CCodecs",
            path: "Sources/CCodecs",
            providers: [.apt(["libsnappy-dev", "libzstd-dev", "liblz4-dev", "libbrotli-dev"])]
        ),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(name: "CLoadKernels", path: "Sources/CLoadKernels"),
        .target(name: "CMappingGuard", path: "Sources/CMappingGuard"),
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "TuttiCore",
            dependencies: ["CZlib", "CPCRE2", "CMalloc", "CCodecs", "CLoadKernels", "CMappingGuard"],
            resources: [.copy("Demo")]
        ),
        .target(name: "TuttiPostgres", dependencies: ["TuttiCore", "CLibPQ"]),
        .target(name: "TuttiTerminal", dependencies: ["CNcurses"]),
        .target(
            name: "TuttiThemes",
            path: "Themes",
            resources: [
                .copy("default.toml"), .copy("light.toml"), .copy("high-contrast.toml"),
                .copy("sixteen.toml"), .copy("monochrome.toml"),
            ]
        ),
        .target(
            name: "TuttiUI",
            dependencies: ["TuttiCore", "TuttiTerminal", "TuttiThemes", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "tutti",
            dependencies: [
                "TuttiCore",
                "TuttiTerminal",
                "TuttiUI",
                "TuttiThemes",
                "TuttiPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tutti-bench",
            dependencies: ["TuttiCore", "TuttiTerminal", "TuttiUI", "TuttiThemes", "TuttiPostgres"],
            path: "Benchmarks/TuttiBench"
        ),
        .target(name: "CSpawn", path: "Tests/CSpawn"),
        .target(name: "TuttiTestSupport", dependencies: ["CSpawn", "TuttiCore"], path: "Tests/TuttiTestSupport"),
        .testTarget(name: "TuttiCoreTests", dependencies: ["TuttiCore", "TuttiTestSupport"], exclude: ["Fixtures"]),
        .executableTarget(name: "tutti-terminal-host", dependencies: ["TuttiTerminal"], path: "Tests/TerminalHost"),
        .testTarget(name: "TuttiTerminalTests", dependencies: ["TuttiTerminal", "TuttiTestSupport", "tutti-terminal-host"]),
        .testTarget(name: "TuttiUITests", dependencies: ["TuttiUI", "TuttiThemes", "TuttiTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TuttiPostgresTests", dependencies: ["TuttiPostgres", "TuttiCore", "TuttiTestSupport"]),
        .testTarget(name: "tuttiTests", dependencies: ["tutti", "TuttiCore", "TuttiTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
