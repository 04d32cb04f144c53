// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // Value types shared by every layer. No I/O.
        .target(name: "NewsModel"),
        // zlib, which NewsStore uses to compress stored article bodies.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The SQLite store: the only module that talks SQL.
        .target(name: "NewsStore", dependencies: [
            "NewsModel", "CZlib",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // libxml2 seen from Swift (SAX2 push parser, HTML parser).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // Parsers, HTML to blocks, highlight extraction, related-link resolution, HTTP fetching.
        .target(name: "NewsIngest", dependencies: ["NewsModel", "CLibXML2"]),
        // Cells, grid, layout, display width, wrapping, widgets, diff. Standard library only.
        .target(name: "TerminalUI", exclude: ["Generated/generate_width_tables.py"]),
        // AppState, Action, Effect, keymap, reduce, screens, themes. Pure.
        .target(name: "ReaderUI", dependencies: [
            "NewsModel", "TerminalUI",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The C seam to ncursesw: wide-char API and accessors for its globals.
        .target(name: "CNcursesw",
                cSettings: [.define("_XOPEN_SOURCE", to: "600"), .define("_DEFAULT_SOURCE"),
                            .define("NCURSES_WIDECHAR", to: "1")],
                linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]),
        // The only Swift code that calls ncurses.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // The executable: CLI, wiring, run loop, effect runner.
        .executableTarget(name: "herald", dependencies: [
            "NewsModel", "NewsStore", "NewsIngest", "TerminalUI", "ReaderUI", "NcursesBackend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // lld (bundled with Swift) packs the ~93,000 relative relocations of a static-stdlib
            // build into 17 kB instead of 2.2 MB: 2.5–3 MB less RSS at start-up, measured.
            // Needs glibc 2.36 (DT_RELR) at run time.
            .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                         .when(platforms: [.linux])),
        ]),

        .testTarget(name: "NewsModelTests", dependencies: ["NewsModel"]),
        .testTarget(name: "NewsStoreTests", dependencies: [
            "NewsStore", "NewsModel", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "NewsIngestTests", dependencies: ["NewsIngest", "NewsModel"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "TerminalUI", "NewsModel"],
                    exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "HeraldTests", dependencies: [
            "NewsStore", "NewsIngest", "NewsModel",
        ], exclude: ["Fixtures", "BenchFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
