/// Output made in pieces under a limit: `produce`'s pieces are handed to `piece` until
/// `limitError()` reports an error (checked before each piece); the pieces after it are dropped
/// and the error is thrown once `produce` returns. With `AtomicFileWriter.write(to:producing:)`
/// this leaves no file, partial or whole. `produce` may keep the writer it is given only until
/// it returns (as the graph's JSON and text writers do).
package func produceWithinLimit(
    _ produce: (_ piece: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Void,
    into piece: (UnsafeBufferPointer<UInt8>) -> Void,
    limitError: () -> (any Error)?
) throws {
    var stopped = limitError()
    if let stopped { throw stopped }
    withoutActuallyEscaping(piece) { piece in
        withoutActuallyEscaping(limitError) { limitError in
            produce { buffer in
                if stopped == nil { stopped = limitError() }
                if stopped == nil { piece(buffer) }
            }
        }
    }
    if let stopped { throw stopped }
}
