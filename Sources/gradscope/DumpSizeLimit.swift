import ArgumentParser
import Foundation

/// Reading a JSON dump takes about this many bytes of memory per byte of JSON: a compact
/// (`gradscope.graph/3`) dump of the 100k-op chain, 32 MB, peaks at 373 MB resident (release
/// build, `gradscope render`); its `/2` dump, 115 MB, at 1.03 GB.
let dumpReadBytesPerByte = 12

/// Refuses (exit status 2) a JSON dump at `path` too big to read within `--max-memory`, before
/// reading any of it, so a huge file is a clear error instead of a process past its budget.
func checkDumpSize(_ path: String, limits: LimitOptions, streams: OutputStreams) throws {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let limit = limits.maxMemory.bytes
    guard size > limit / dumpReadBytesPerByte else { return }
    let (need, overflow) = size.multipliedReportingOverflow(by: dumpReadBytesPerByte)
    let needed = overflow ? "more than \(Int.max)" : "about \(need)"
    streams.writeErr(
        "gradscope: \(path): \(size) bytes of JSON take \(needed) bytes to read; the limit is \(limit) bytes (--max-memory)\n")
    throw ExitCode(2)
}
