// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Earshot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "earshot", targets: ["earshot"]),
        .library(name: "EarshotPipeline", targets: ["EarshotPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // libcsv ships no pkg-config file, so `pkgConfig` is deliberately omitted:
        // csv.h and libcsv.so are on the default compiler and linker search paths.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]),
        // Snowball's libstemmer, likewise without a pkg-config file: the module map links "stemmer" by name.
        .systemLibrary(name: "CLibStemmer", providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]),
        .target(name: "EarshotModel"),
        .target(
            name: "EarshotIngest",
            dependencies: ["EarshotModel", "CLibCSV", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "EarshotNormalize", dependencies: ["EarshotModel", .product(name: "Crypto", package: "swift-crypto")]),
        // malloc_trim is in <malloc.h>, which Swift's Glibc module does not include.
        .target(name: "CEarshotMemory"),
        .target(name: "EarshotThemes", dependencies: ["EarshotModel", "CLibStemmer", "CEarshotMemory"]),
        .target(name: "EarshotReport", dependencies: ["EarshotModel"]),
        .target(
            name: "EarshotStore",
            dependencies: [
                "EarshotModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "EarshotPipeline",
            dependencies: [
                "EarshotModel", "EarshotIngest", "EarshotNormalize", "EarshotThemes", "EarshotReport",
                "EarshotStore", .product(name: "Logging", package: "swift-log"), "TOMLKit",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "earshot",
            dependencies: [
                "EarshotPipeline", "EarshotModel", "EarshotStore", "EarshotThemes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The libFuzzer target: a harness library the tests replay crashers through, and a thin executable that
        // Scripts/fuzz.sh builds with -sanitize=fuzzer,address. CLibFuzzer only declares libFuzzer's driver.
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "EarshotFuzzing", dependencies: ["EarshotIngest", "EarshotNormalize", "EarshotModel"]),
        .executableTarget(name: "earshot-fuzz", dependencies: ["EarshotFuzzing", "CLibFuzzer"]),
        .target(name: "EarshotTestSupport", dependencies: ["EarshotModel"]),
        .testTarget(name: "EarshotModelTests", dependencies: ["EarshotModel"]),
        .testTarget(name: "EarshotIngestTests", dependencies: ["EarshotIngest", "EarshotTestSupport"]),
        .testTarget(name: "EarshotNormalizeTests", dependencies: ["EarshotNormalize", "EarshotTestSupport"]),
        .testTarget(name: "EarshotThemesTests", dependencies: ["EarshotThemes", "EarshotModel"]),
        .testTarget(name: "EarshotStoreTests", dependencies: ["EarshotStore", "EarshotModel"]),
        .testTarget(name: "EarshotReportTests", dependencies: ["EarshotReport", "EarshotModel", "EarshotTestSupport"]),
        .testTarget(
            name: "EarshotPipelineTests",
            dependencies: [
                "EarshotPipeline", "EarshotStore", "EarshotModel", "EarshotIngest", "EarshotThemes", "EarshotTestSupport",
                "EarshotFuzzing",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "EarshotCLITests", dependencies: ["EarshotTestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
