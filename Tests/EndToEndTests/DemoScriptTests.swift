import Foundation
import Testing

/// `make demo`'s script shows the main job on the bundled sample: its output, then its picture
/// with gradients (SVG and PNG), the viewer's page, the dumps and their summary, and `why`.
@Suite struct DemoScriptTests {
    @Test func theDemoWritesThePicturesAndSaysWhereTheyAre() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let out = try CLI.scratchDirectory().appendingPathComponent("demo")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["scripts/demo.sh", try CLI.binary().path, "samples/tutorial.py", out.path]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for file in ["tutorial.svg", "tutorial.png", "tutorial.html", "tutorial.txt", "tutorial.json"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(file).path)[.size]) as? Int
            #expect((size ?? 0) > 0, "\(file)")
        }
        let svg = try String(contentsOf: out.appendingPathComponent("tutorial.svg"), encoding: .utf8)
        #expect(svg.contains("class=\"edge gradient") && svg.contains("class=\"node saved"))
        #expect(printed.contains("pictures: \(out.path)/tutorial.svg  \(out.path)/tutorial.png"))
        #expect(printed.contains("== why each tensor got its gradient"))
    }
}
