import EarshotPipeline
import Foundation
import Synchronization

/// A one-line progress bar on stderr, redrawn in place at most ten times a second: the stage, a bar when the share
/// done is known, the count, the rate per second and the time left. Used only when stderr is a terminal and logs are
/// text, so cron and log collectors never see it.
final class TerminalProgressBar: ProgressObserver {
    private struct State {
        var stage = ""
        var started = Date()
        var lastDrawn = Date.distantPast
        var lineLength = 0
    }

    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date

    /// A bar writing to `write` (stderr by default), timed by `clock`.
    init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
         clock: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.clock = clock
    }

    /// Whether stderr is a terminal a person is watching.
    static var isWanted: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    func update(_ progress: StageProgress) {
        let now = clock()
        let text: String? = state.withLock { state in
            if state.stage != progress.stage {
                state.stage = progress.stage
                state.started = now
                state.lastDrawn = .distantPast
            }
            guard progress.isFinished || now.timeIntervalSince(state.lastDrawn) >= 0.1 else { return nil }
            state.lastDrawn = now
            let line = Self.line(progress, elapsed: now.timeIntervalSince(state.started))
            let padding = String(repeating: " ", count: max(0, state.lineLength - line.count))
            state.lineLength = progress.isFinished ? 0 : line.count
            return "\r" + line + padding + (progress.isFinished ? "\n" : "")
        }
        if let text { write(text) }
    }

    /// "themes    [########------------]  41%  820,000 records  210,000 records/s  0:04 left".
    static func line(_ progress: StageProgress, elapsed: TimeInterval) -> String {
        var parts = [progress.stage.padding(toLength: 9, withPad: " ", startingAt: 0)]
        if let fraction = progress.fraction.map({ min(1, max(0, $0)) }) {
            let filled = Int((fraction * 20).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]")
            parts.append(String(format: "%3.0f%%", fraction * 100))
        }
        parts.append("\(grouped(progress.done)) \(progress.unit)")
        if elapsed > 0.2 {
            parts.append("\(grouped(Int(Double(progress.done) / elapsed))) \(progress.unit)/s")
        }
        if progress.isFinished {
            parts.append("done in \(duration(elapsed))")
        } else if let fraction = progress.fraction, fraction > 0.01, elapsed > 0.5 {
            parts.append("\(duration(elapsed * (1 - fraction) / fraction)) left")
        }
        return parts.joined(separator: "  ")
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
