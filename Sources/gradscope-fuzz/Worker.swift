import Foundation

/// The process that runs the cases: writes each case's index to the progress file before
/// running it (so the supervisor knows which case killed it), prints a `FINDING` line per
/// finding and a final `EXECUTED N FINDINGS F` line.
struct Worker {
    let seed: UInt64
    let from: Int
    let count: Int
    let progressPath: String

    func run() -> Int32 {
        _ = FuzzCase.baseDump
        let progress = open(progressPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(progress) }
        var found = 0
        for index in from..<from + count {
            let record = String(index).padding(toLength: 20, withPad: " ", startingAt: 0)
            _ = record.withCString { pwrite(progress, $0, 20, 0) }
            let fuzzCase = FuzzCase(seed: seed, index: index)
            let finding = fuzzCase.isDump ? CaseChecks.dump(fuzzCase.text) : CaseChecks.script(fuzzCase.text)
            if let finding {
                found += 1
                FileHandle.standardOutput.write(Data("FINDING \(index): \(finding.prefix(300))\n".utf8))
            }
        }
        print("EXECUTED \(count) FINDINGS \(found)")
        return 0
    }
}
