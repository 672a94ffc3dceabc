import Testing

@testable import Python

/// `RunWatchdog.refuseWork` refuses work that cannot end before the deadline (a BLAS product
/// cannot be interrupted once started), and only that.
@Test func workThatCannotEndBeforeTheDeadlineIsRefused() throws {
    var limits = ExecutionLimits()
    limits.timeout = 30
    let watchdog = RunWatchdog(limits: limits)
    defer { watchdog.finish() }
    try watchdog.refuseWork(taking: 0.5)
    let error = #expect(throws: PyException.self) { try watchdog.refuseWork(taking: 45) }
    #expect(error?.instance.cls.name == "TimeoutError")
    #expect(
        error?.message
            == "this operation needs at least 45.0 seconds, more than are left of the time limit of 30.0 seconds (--timeout)")
    try RunWatchdog(limits: ExecutionLimits()).refuseWork(taking: 1e9)
}
