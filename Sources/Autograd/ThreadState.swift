#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Autograd's mutable global state, kept per thread like PyTorch's grad mode, so independent
/// computations (and parallel tests) on different threads never see each other's switches.
final class ThreadState {
    var gradEnabled = true
    var inferenceMode = false
    var anomalyDetection = false
    var anomalyTraceProvider: (() -> String)? = nil
    var observer: AutogradObserver? = nil
    var warningHandler: ((String) -> Void)? = nil
    var nextTensorID = 0
    var nextNodeSequence = 0
    var nextHookID = 0
    var backwardPasses = 0
    /// Engine runs started (including nested ones), the token that marks their nodes.
    var enginePasses = 0
    /// The engine runs under way, innermost last (`GraphTask`).
    var runningGraphTasks: [GraphTask] = []
    /// The generator random ops use when given none (`torch.manual_seed` reseeds it).
    lazy var defaultGenerator = Generator()
    /// Live-storage accounting while a memory limit is set on this thread (see `MemoryBudget`).
    var memoryAccount: MemoryAccount? = nil
    /// The time-limit check of kernels whose cost is known up front (see `WorkBudget`).
    var workCheck: ((Double) throws -> Void)? = nil
    /// The installed saved-tensor hook pairs, innermost last.
    var savedTensorHooks: [SavedTensorHooks] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ThreadState>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The calling thread's state, created on first use.
    static var current: ThreadState {
        @inline(__always) get {
            if let p = pthread_getspecific(key) { return Unmanaged<ThreadState>.fromOpaque(p).takeUnretainedValue() }
            let state = ThreadState()
            pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
            return state
        }
    }
}
