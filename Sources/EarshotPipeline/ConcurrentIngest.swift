import EarshotIngest
import EarshotStore
import Foundation
import Synchronization

/// Reads an export on a second thread while the calling thread writes its rows to the store.
///
/// Parsing and SQLite inserts each take about half of an ingest; on two cores they overlap. The file's SHA-256 is
/// computed on a third thread when it was not needed up front.
enum ConcurrentIngest {
    private enum Message: Sendable {
        case events([FileIngester.Event])
        case failed(any Error)
        case finished
    }

    /// Streams the rows of `inspection` into `writer`; returns the file's SHA-256 (computed here if `inspection` has none)
    /// and the number of quarantined rows.
    static func run(
        ingester: FileIngester, inspection: ExportInspection, writer: inout RawRowWriter,
        onQuarantine: (_ line: Int, _ column: Int?, _ reason: String) -> Void,
        onBatch: (_ rows: Int, _ bytes: Int) -> Void = { _, _ in }
    ) throws -> (sha256: String, quarantined: Int) {
        let channel = BatchChannel<Message>(capacity: 16)
        Thread.detachNewThread {
            var batch: [FileIngester.Event] = []
            batch.reserveCapacity(1024)
            do {
                try ingester.readRows(of: inspection) { event in
                    batch.append(event)
                    if batch.count == 1024 {
                        guard channel.send(.events(batch)) else { throw CancellationError() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = channel.send(.events(batch)) }
                _ = channel.send(.finished)
            } catch {
                _ = channel.send(.failed(error))
            }
            channel.close()
        }
        let hash = Mutex<Result<String, any Error>?>(nil)
        let hashDone = DispatchSemaphore(value: 0)
        if inspection.sha256.isEmpty {
            Thread.detachNewThread {
                let result = Result { try ingester.sha256(path: inspection.path) }
                hash.withLock { $0 = result }
                hashDone.signal()
            }
        } else {
            hash.withLock { $0 = .success(inspection.sha256) }
            hashDone.signal()
        }

        var quarantined = 0
        var rows = 0
        var bytes = 0
        do {
            loop: while let message = channel.receive() {
                switch message {
                case .events(let events):
                    for event in events {
                        switch event {
                        case .row(let row):
                            try writer.append(line: row.line, encoded: row.encoded)
                            rows += 1
                            bytes += row.encoded.count
                        case .quarantined(let line, let column, let reason, let excerpt):
                            quarantined += 1
                            onQuarantine(line, column, reason)
                            try writer.quarantine(line: line, fieldNumber: column, reason: reason,
                                                  excerpt: String(decoding: excerpt, as: UTF8.self))
                        }
                    }
                    onBatch(rows, bytes)
                case .failed(let error):
                    throw error
                case .finished:
                    break loop
                }
            }
        } catch {
            channel.cancel()
            hashDone.wait()
            throw error
        }
        hashDone.wait()
        let sha256 = try hash.withLock { try $0!.get() }
        // The hash is read on its own thread, possibly after the rows: the file must still be the one they came from.
        try FileIngester.checkUnchanged(inspection)
        return (sha256, quarantined)
    }
}
