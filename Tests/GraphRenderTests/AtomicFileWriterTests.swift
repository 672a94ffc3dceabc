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
