import ArgumentParser
import Foundation

/// Reading a JSON dump takes about this many bytes of memory per byte of JSON (a 122 MB dump
/// peaks at 1.08 GB resident; see GraphJSONReader.swift).
let dumpReadBytesPerByte = 9

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
