import Testing

@testable import Python

/// The error a stopped run reports names the limit that stopped it: a run that hit its memory
/// limit, caught `MemoryError`, let go and then ran out of time ran out of time.
@Test func stoppedRunNamesTheLimitThatStoppedIt() {
    let time = RunWatchdog.timeBit
    let memory = RunWatchdog.memoryBit
    #expect(RunWatchdog.limitHit(tripped: time, pastMemoryLimit: false) == .time)
    #expect(RunWatchdog.limitHit(tripped: memory, pastMemoryLimit: true) == .memory)
    // The memory flag is sticky: still the memory limit while no time limit was hit.
    #expect(RunWatchdog.limitHit(tripped: memory, pastMemoryLimit: false) == .memory)
    #expect(RunWatchdog.limitHit(tripped: time | memory, pastMemoryLimit: true) == .memory)
    #expect(RunWatchdog.limitHit(tripped: time | memory, pastMemoryLimit: false) == .time)
}
