import Foundation
import Glibc
import TuttiCore

/// A throwaway PostgreSQL server for the tests of a process: a data directory made by `initdb`
/// in a temporary folder (UTF-8, the `C.UTF-8` locale, trust authentication), listening on a free
/// port of 127.0.0.1 only, its socket in that folder. Started once, on first use, by `shared`,
/// and stopped with its folder removed when the process exits.
///
/// `initdb` and `postgres` refuse to run as root, so as root (CI) they run as the `postgres`
/// user (`runuser -u postgres --`), who owns the folder. When the server programs are missing
/// (Debian's `postgresql` package; `.ci/run` installs it), `shared` throws a message saying
/// so: the tests that need the server fail, they are not skipped.
public final class PostgresServer: Sendable {
    /// Why the server could not be started.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String

        /// The error saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// The server of this process, started on first use; the same error for every caller when
    /// it could not be.
    public static func shared() throws -> PostgresServer {
        try sharedServer.get()
    }

    private static let sharedServer: Result<PostgresServer, Unavailable> = {
        do {
            let server = try PostgresServer()
            atexit { try? PostgresServer.sharedServer.get().stop() }
            return .success(server)
        } catch let error as Unavailable {
            return .failure(error)
        } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// The folder holding the data directory, the socket and the log.
    public let folder: String
    /// The loopback port the server listens on.
    public let port: Int
    /// The superuser's name, who may log in without a password from 127.0.0.1.
    public let user = "postgres"
    private let binaries: String

    /// `postgresql://postgres@127.0.0.1:PORT/database` with `query` appended (after `?`) when given.
    public func url(database: String = "postgres", query: String? = nil) -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)" + (query.map { "?" + $0 } ?? "")
    }

    /// Runs SQL with psql as the superuser (stopping at the first error); returns what psql
    /// printed (unaligned, tuples only). Throws with psql's message when it fails.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        let outcome = try ChildProcess.run(binaries + "/psql",
                                           ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                                            String(port), "-U", user, "-d", database, "-c", sql])
        guard outcome.status == 0 else { throw Unavailable(description: "psql failed: \(outcome.errorOutput)") }
        return outcome.output
    }

    /// Loads the CSV file at `path` (a header line; NULL is an unquoted empty field) into a new
    /// table `table` with `columns` (name and SQL type, in the file's order).
    public func load(csv path: String, into table: String, columns: [(name: String, type: String)],
                     database: String = "postgres") throws {
        let quoted = { (name: String) in "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let list = columns.map { quoted($0.name) + " " + $0.type }.joined(separator: ", ")
        try psql("CREATE TABLE \(quoted(table)) (\(list))", database: database)
        try psql("\\copy \(quoted(table)) FROM '\(path)' WITH (FORMAT csv, HEADER true)", database: database)
    }

    /// Creates the table `table` holding `dataset` (integers as BIGINT, floats as DOUBLE
    /// PRECISION, booleans as BOOLEAN, everything else as TEXT; missing cells as NULL, empty
    /// strings kept), through a CSV file written by tutti's exporter.
    public func load(_ dataset: Dataset, as table: String, database: String = "postgres") throws {
        let file = NSTemporaryDirectory() + "tutti-postgres-\(table)-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try RowExporter(dataset: dataset).export(to: file, options: ExportOptions(overwrite: true))
        let columns = dataset.columns.map { column in
            let type = switch column.kind {
            case .integer: "BIGINT"
            case .float: "DOUBLE PRECISION"
            case .boolean: "BOOLEAN"
            default: "TEXT"
            }
            return (name: column.name, type: type)
        }
        try load(csv: file, into: table, columns: columns, database: database)
    }

    /// The shared server with the Adult data (`AdultFixture.dataset`) in the table `adult`,
    /// loaded once per process.
    public static func withAdult() throws -> PostgresServer {
        try adultServer.get()
    }

    private static let adultServer: Result<PostgresServer, Unavailable> = {
        do {
            let server = try shared()
            try server.load(AdultFixture.dataset, as: "adult")
            return .success(server)
        } catch let error as Unavailable {
            return .failure(error)
        } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// The server's log so far.
    public var log: String { (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? "" }

    private init() throws {
        guard let binaries = Self.binaryFolder() else {
            throw Unavailable(description: "the PostgreSQL server programs (initdb, pg_ctl, psql) are not installed under "
                + "/usr/lib/postgresql/*/bin; install Debian's postgresql package (.ci/run does)")
        }
        self.binaries = binaries
        var template = Array("/tmp/tutti-postgres-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Unavailable(description: "mkdtemp failed") }
        folder = String(cString: made)
        chmod(folder, 0o755)
        let asRoot = geteuid() == 0
        if asRoot {
            guard let account = getpwnam("postgres") else {
                throw Unavailable(description: "running as root, the tests start PostgreSQL as the user postgres, who does not exist")
            }
            chown(folder, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        port = try Self.freePort()
        let prefix = asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        func run(_ program: String, _ arguments: [String]) throws {
            let command = prefix + [binaries + "/" + program] + arguments
            let outcome = try ChildProcess.run(command[0], Array(command.dropFirst()))
            guard outcome.status == 0 else {
                throw Unavailable(description: "\(program) failed (\(outcome.status)): \(outcome.errorOutput)\(outcome.output)")
            }
        }
        try run("initdb", ["-D", folder + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
                           "--no-sync", "--no-instructions"])
        // Every statement is logged after the client's name (`%a:`), for the tests that check
        // what tutti sends; no parallel or synchronized scans, so rows come in the table's order.
        let settings = "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c log_statement=all "
            + "-c log_line_prefix=%a: -c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off"
        try run("pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-o", settings, "-w", "-t", "30", "start"])
        stopCommand = prefix + [binaries + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "-w", "stop"]
    }

    private let stopCommand: [String]

    /// Stops the server and removes its folder.
    public func stop() {
        _ = try? ChildProcess.run(stopCommand[0], Array(stopCommand.dropFirst()))
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The newest `/usr/lib/postgresql/N/bin` holding initdb.
    private static func binaryFolder() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        return versions.reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// A TCP port of 127.0.0.1 that nothing listens on now.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "socket failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw Unavailable(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
