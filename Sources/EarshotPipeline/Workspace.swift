import EarshotStore
import Foundation

/// A workspace folder: `earshot.toml`, `earshot.sqlite`, `inbox/` and `reports/`.
public struct Workspace: Sendable {
    /// The folder.
    public let root: URL
    /// Its configuration, read from `earshot.toml`.
    public let configuration: WorkspaceConfiguration
    /// SHA-256 of `earshot.toml`'s bytes, for the report's provenance.
    public let configurationSHA256: String
    /// The store.
    public let store: StageStore

    /// `earshot.toml`.
    public var configurationURL: URL { root.appendingPathComponent("earshot.toml") }
    /// `earshot.sqlite`.
    public var databaseURL: URL { root.appendingPathComponent("earshot.sqlite") }
    /// `inbox/`, the default input folder of `earshot run`.
    public var inboxURL: URL { root.appendingPathComponent("inbox") }
    /// `reports/`.
    public var reportsURL: URL { root.appendingPathComponent("reports") }

    /// Creates a workspace folder with a commented `earshot.toml`, an empty database, `inbox/` and `reports/`.
    ///
    /// An existing `earshot.toml` is kept, so `init` is safe to run twice.
    /// - Throws: ``EarshotError`` when the folder cannot be written.
    @discardableResult
    public static func create(at root: URL) throws -> Workspace {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for folder in ["inbox", "reports"] {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            }
            let configuration = root.appendingPathComponent("earshot.toml")
            if !manager.fileExists(atPath: configuration.path) {
                try AtomicFile.write(Data(WorkspaceConfiguration.template.utf8), to: configuration)
            }
        } catch let error as EarshotError {
            throw error
        } catch {
            throw EarshotError(.ioError, "cannot create the workspace at \(root.path): \(error.localizedDescription)")
        }
        return try open(at: root)
    }

    /// Opens an existing workspace.
    ///
    /// - Throws: ``EarshotError`` when the folder has no `earshot.toml` (with the `init` command that makes one), or
    ///   the configuration or database is unusable.
    public static func open(at root: URL) throws -> Workspace {
        let configurationURL = root.appendingPathComponent("earshot.toml")
        guard let data = FileManager.default.contents(atPath: configurationURL.path) else {
            throw EarshotError(.failure, "\(root.path) is not an Earshot workspace (no earshot.toml). Create one with: earshot init \(root.path)")
        }
        let configuration = try WorkspaceConfiguration(toml: String(decoding: data, as: UTF8.self), path: configurationURL.path)
        let store: StageStore
        do {
            let databasePath = root.appendingPathComponent("earshot.sqlite").path
            restrictToOwner(databasePath: databasePath)
            store = try StageStore(path: databasePath)
        } catch {
            throw EarshotError(.ioError, "cannot open the workspace database in \(root.path): \(error)")
        }
        return Workspace(root: root, configuration: configuration, configurationSHA256: SHA256Hex.of(data), store: store)
    }

    /// Makes the database owner-only before SQLite opens it.
    ///
    /// The file is created with mode 0600 when it is missing, rather than fixed after SQLite created it with the
    /// umask's mode: SQLite gives its journal, WAL and shared-memory files the database file's permissions, so they
    /// follow. Files of a workspace made by an older version are tightened too.
    private static func restrictToOwner(databasePath path: String) {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT, 0o600)
        if descriptor >= 0 { close(descriptor) }
        for suffix in ["", "-journal", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
    }

    private init(root: URL, configuration: WorkspaceConfiguration, configurationSHA256: String, store: StageStore) {
        self.root = root
        self.configuration = configuration
        self.configurationSHA256 = configurationSHA256
        self.store = store
    }
}
