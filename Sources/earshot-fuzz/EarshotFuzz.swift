import EarshotFuzzing
import Foundation

#if FUZZING
import CLibFuzzer
#endif

/// The libFuzzer target over ingest, tool detection, normalization and redaction (see ``FuzzHarness``).
///
/// Built by `Scripts/fuzz.sh` with `-sanitize=fuzzer,address -DFUZZING`, `main` hands control to libFuzzer's driver,
/// which then takes libFuzzer's usual arguments (a corpus folder, `-max_total_time=600` ...). The entry point stays
/// ours rather than libFuzzer's `main` because SwiftPM links every executable with its own renamed `main`; the
/// driver call keeps the normal `swift build` linking, where the same binary just replays the files it is given.
@main
struct EarshotFuzz {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        // The callback is a C function pointer, so it captures nothing: the folder is looked up on each call.
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzHarness.exercise(UnsafeRawBufferPointer(start: data, count: size), in: NSTemporaryDirectory())
            return 0
        })
        #else
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: earshot-fuzz FILE...  (build with Scripts/fuzz.sh to fuzz)\n".utf8))
            exit(64)
        }
        for path in paths {
            let outcome = FuzzHarness.exercise(path: path)
            print("\(path): \(outcome.rows) rows, \(outcome.quarantinedLines.count) quarantined, \(outcome.records) records\(outcome.rejection.map { "; refused: \($0)" } ?? "")")
        }
        #endif
    }
}
