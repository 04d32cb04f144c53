# The fuzz targets: what each one links, how long its inputs may be, and where its seeds live.
# Sourced by build.sh and run.sh; bash only.

# Every target, in the order `build.sh` with no arguments builds them.
ALL_TARGETS=(sanitizer feed html page opml urls theme config)

# target_info TARGET: sets
#   PACKAGE_TARGET  the SwiftPM target to build (it builds its dependencies too)
#   MODULES         the modules whose object files the driver links, dependencies first
#   LINK_FLAGS      extra linker flags (system libraries)
#   MAX_LEN         libFuzzer -max_len, in bytes
#   SEEDS           seed directories, read-only; the ones that do not exist are skipped
#   DICT            a libFuzzer dictionary (tokens the format is made of), or empty
#   FLAGS           extra libFuzzer flags for this target
#   EXTRA_SOURCES   source files of the app compiled into the driver (code that lives in the
#                   `herald` executable target, which cannot be linked: it has a `main`)
target_info() {
    local shared="$REPO/../shared"
    [ -d "$shared" ] || shared=/work/shared
    local ingest_fixtures="$REPO/Tests/NewsIngestTests/Fixtures"
    local reader_fixtures="$REPO/Tests/ReaderUITests/Fixtures"
    FLAGS=""
    EXTRA_SOURCES=""
    case "$1" in
    sanitizer)
        PACKAGE_TARGET=NewsModel; MODULES="NewsModel"; LINK_FLAGS=""
        MAX_LEN=4096; DICT="$FUZZ_DIR/dicts/sanitizer.dict"
        SEEDS="$FUZZ_DIR/seeds/sanitizer $shared/seeds" ;;
    feed)
        PACKAGE_TARGET=NewsIngest; MODULES="NewsModel NewsIngest"; LINK_FLAGS="-lxml2"
        MAX_LEN=65536; DICT="$FUZZ_DIR/dicts/feed.dict"
        EXTRA_SOURCES="$REPO/Sources/herald/RefreshArticleBuilder.swift"
        SEEDS="$shared/corpus/feeds $ingest_fixtures/feeds $ingest_fixtures/fuzz/feed" ;;
    html)
        PACKAGE_TARGET=NewsIngest; MODULES="NewsModel NewsIngest"; LINK_FLAGS="-lxml2"
        MAX_LEN=65536; DICT="$FUZZ_DIR/dicts/html.dict"
        SEEDS="$OUT/seeds/html $FUZZ_DIR/seeds/html $ingest_fixtures/html $ingest_fixtures/fuzz/html" ;;
    page)
        PACKAGE_TARGET=NewsIngest; MODULES="NewsModel NewsIngest"; LINK_FLAGS="-lxml2"
        MAX_LEN=65536; DICT="$FUZZ_DIR/dicts/page.dict"
        SEEDS="$shared/seeds $ingest_fixtures/pages $ingest_fixtures/fuzz/page" ;;
    opml)
        PACKAGE_TARGET=NewsIngest; MODULES="NewsModel NewsIngest"; LINK_FLAGS="-lxml2"
        MAX_LEN=32768; DICT="$FUZZ_DIR/dicts/opml.dict"
        SEEDS="$FUZZ_DIR/seeds/opml $ingest_fixtures/opml $ingest_fixtures/fuzz/opml" ;;
    urls)
        PACKAGE_TARGET=NewsIngest; MODULES="NewsModel NewsIngest"; LINK_FLAGS="-lxml2"
        MAX_LEN=8192; DICT="$FUZZ_DIR/dicts/urls.dict"
        SEEDS="$FUZZ_DIR/seeds/urls $ingest_fixtures/urls $ingest_fixtures/newsboat $ingest_fixtures/fuzz/urls" ;;
    theme)
        PACKAGE_TARGET=ReaderUI; MODULES="NewsModel TerminalUI CTOML TOMLKit ReaderUI"
        LINK_FLAGS="-lstdc++"
        MAX_LEN=16384; DICT="$FUZZ_DIR/dicts/toml.dict"
        SEEDS="$REPO/Themes $FUZZ_DIR/seeds/toml $reader_fixtures/themes $reader_fixtures/fuzz/theme" ;;
    config)
        PACKAGE_TARGET=ReaderUI; MODULES="NewsModel TerminalUI CTOML TOMLKit ReaderUI"
        LINK_FLAGS="-lstdc++"
        MAX_LEN=16384; DICT="$FUZZ_DIR/dicts/toml.dict"
        SEEDS="$FUZZ_DIR/seeds/toml $reader_fixtures/config $reader_fixtures/fuzz/config" ;;
    *)
        echo "unknown fuzz target '$1' (targets: ${ALL_TARGETS[*]})" >&2
        return 1 ;;
    esac
}
