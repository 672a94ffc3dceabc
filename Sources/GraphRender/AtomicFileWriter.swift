import Foundation
import Glibc

/// Writes files all-or-nothing: the bytes go to a temporary file in the destination's directory,
/// which is then renamed over the destination. Readers see either the old file or the complete
/// new one, and a failed write leaves no partial or temporary file behind.
package enum AtomicFileWriter {
    /// Writes `bytes` to `path`, replacing any existing file.
    ///
    /// - Throws: `RenderError` of kind `.writeFailed(path:)` whose message names the path and the
    ///   cause, e.g. `cannot write out/graph.svg: No such file or directory`,
    ///   `cannot write graph.svg: Permission denied`, `cannot write out: Is a directory`.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { piece in bytes.withUnsafeBufferPointer { piece($0) } }
    }

    /// Writes what `produce` hands its writer, piece by piece, to `path`, all or nothing as
    /// `write(_:to:)` does: a document made in pieces never has to be held whole.
    package static func write(
        to path: String, producing produce: (_ piece: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Void
    ) throws {
        if path.isEmpty { throw failure(path, ENOENT) }
        if isDirectory(path) || path.hasSuffix("/") { throw failure(path, EISDIR) }

        let temporary = temporaryPath(for: path)
        let descriptor = unfinished.opening(temporary) { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { unfinished.finished(temporary) }

        var code: Int32 = 0
        do {
            try produce { piece in if code == 0 { code = writeAll(piece, to: descriptor) } }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if code == 0, fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == 0 { code = errno }
        if code == 0, rename(temporary, path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw failure(path, code)
        }
    }

    /// Removes the temporary files being written now, for a process about to end in the middle
    /// of a write (the watchdog's hard stop), so that it leaves no partial file either; a write
    /// still running fails.
    package static func removeUnfinished() { unfinished.removeAll() }

    /// The temporary files open for writing now.
    static let unfinished = UnfinishedFiles()

    /// Writes every byte, retrying short writes and interrupted calls; returns 0 or an errno.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// A fresh name next to `path`: `dir/.name.tmp-<pid>-<random>`.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// Whether `path` names an existing directory (following symbolic links).
    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The error for failing to write `path` because of `code`.
    private static func failure(_ path: String, _ code: Int32) -> RenderError {
        RenderError(kind: .writeFailed(path: path), message: "cannot write \(path): \(String(cString: strerror(code)))")
    }
}

/// The paths of temporary files being written, under a lock: the watchdog's thread may remove
/// them while the writing thread runs.
final class UnfinishedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    /// Creates `path` with `create` (which returns a descriptor, or -1) and lists it if made.
    func opening(_ path: String, _ create: () -> Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = create()
        if descriptor >= 0 { paths.insert(path) }
        return descriptor
    }

    /// `path` is renamed or removed: it is no longer this list's to remove.
    func finished(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Removes every listed file (a write still running then fails at its rename).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for path in paths { unlink(path) }
        paths.removeAll()
    }
}
