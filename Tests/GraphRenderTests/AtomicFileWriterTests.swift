import Foundation
import Testing

@testable import GraphRender

/// A fresh, empty scratch directory for one test, removed by `cleanUp()`.
private struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gradscope-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }

    func cleanUp() {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func writesBytesAndLeavesNoTemporaryFile() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/graph.svg"
        try AtomicFileWriter.write(Array("<svg/>".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("<svg/>".utf8))
        #expect(dir.entries == ["graph.svg"])
    }

    @Test func replacesAnExistingFile() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/graph.png"
        try AtomicFileWriter.write(Array(repeating: 7, count: 10_000), to: path)
        try AtomicFileWriter.write([1, 2, 3], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        #expect(dir.entries == ["graph.png"])
    }

    /// A document made in pieces under a limit: written whole while the limit holds; stopped at
    /// the piece where it is hit, with no file left and the limit's error thrown.
    @Test func writingStoppedAtItsLimitLeavesNoFile() throws {
        struct LimitHit: Error {}
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let produce = { (emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) in
            for i in 0..<10 { [UInt8](repeating: UInt8(ascii: "a") + UInt8(i), count: 4).withUnsafeBufferPointer(emit) }
        }
        try AtomicFileWriter.write(to: dir.path + "/whole.json") { piece in
            try produceWithinLimit(produce, into: piece, limitError: { nil })
        }
        #expect(FileManager.default.contents(atPath: dir.path + "/whole.json")?.count == 40)

        var checks = 0
        var handed = 0
        #expect(throws: LimitHit.self) {
            try AtomicFileWriter.write(to: dir.path + "/stopped.json") { piece in
                try produceWithinLimit(
                    produce,
                    into: {
                        handed += 1
                        piece($0)
                    },
                    limitError: {
                        checks += 1
                        return checks > 3 ? LimitHit() : nil
                    })
            }
        }
        // One check before the first piece, one before each piece until the limit is hit.
        #expect(checks == 4 && handed == 2)
        #expect(dir.entries == ["whole.json"])
    }

    /// The temporary files of writes in progress are listed until they finish, and a hard stop
    /// removes those still listed.
    @Test func unfinishedTemporaryFilesAreRemoved() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let files = UnfinishedFiles()
        for name in [".a.tmp", ".b.tmp"] {
            let path = dir.path + "/" + name
            let descriptor = files.opening(path) { open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        #expect(
            files.opening(dir.path + "/missing/.c.tmp") { open(dir.path + "/missing/.c.tmp", O_WRONLY | O_CREAT, 0o644) } == -1)
        files.finished(dir.path + "/.b.tmp")
        files.removeAll()
        #expect(dir.entries == [".b.tmp"])
    }

    @Test func writesEmptyFiles() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        try AtomicFileWriter.write([], to: dir.path + "/empty.dot")
        #expect(FileManager.default.contents(atPath: dir.path + "/empty.dot") == Data())
    }

    @Test func missingDirectoryNamesPathAndCause() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/missing/graph.svg"
        let error = #expect(throws: RenderError.self) { try AtomicFileWriter.write([1], to: path) }
        #expect(error?.kind == .writeFailed(path: path))
        #expect(error?.message == "cannot write \(path): No such file or directory")
        #expect(dir.entries.isEmpty)
    }

    @Test func directoryAsTargetIsRefusedAndLeftAlone() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let target = dir.path + "/out"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        let error = #expect(throws: RenderError.self) { try AtomicFileWriter.write([1], to: target) }
        #expect(error?.message == "cannot write \(target): Is a directory")
        #expect(dir.entries == ["out"])
        #expect((try? FileManager.default.contentsOfDirectory(atPath: target)) == [])
    }

    @Test func unwritableDirectoryGivesPermissionDeniedAndNoFile() throws {
        // sysfs refuses new files even to root; as another user, a read-only directory does too.
        let path: String
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        if geteuid() == 0 {
            path = "/sys/gradscope-\(UUID().uuidString).svg"
        } else {
            #expect(chmod(dir.path, 0o555) == 0)
            path = dir.path + "/graph.pdf"
        }
        let error = #expect(throws: RenderError.self) { try AtomicFileWriter.write([1], to: path) }
        #expect(error?.message == "cannot write \(path): Permission denied")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(dir.entries.isEmpty)
    }

    @Test func fileUsedAsDirectoryGivesNotADirectory() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        try AtomicFileWriter.write([1], to: dir.path + "/plain")
        let path = dir.path + "/plain/graph.svg"
        let error = #expect(throws: RenderError.self) { try AtomicFileWriter.write([1], to: path) }
        #expect(error?.message == "cannot write \(path): Not a directory")
        #expect(dir.entries == ["plain"])
    }

    @Test func temporaryFileIsAHiddenSiblingOfTheTarget() {
        let bare = AtomicFileWriter.temporaryPath(for: "graph.svg")
        #expect(bare.hasPrefix(".graph.svg.tmp-"))
        #expect(!bare.contains("/"))
        let nested = AtomicFileWriter.temporaryPath(for: "out/g.png")
        #expect(nested.hasPrefix("out/.g.png.tmp-"))
        #expect(AtomicFileWriter.temporaryPath(for: "g.png") != AtomicFileWriter.temporaryPath(for: "g.png"))
    }
}
