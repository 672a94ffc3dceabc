import Foundation
import Testing

/// An exception a script's hook raises inside backward is recorded under its Python name, as
/// the script sees it, not as a Swift error's description.
@Suite struct HookErrorRecordTests {
    @Test func anUnpackHooksTypeErrorIsRecordedAsTypeError() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            import torch
            def unpack(t):
                raise TypeError("cannot unpack this")
            x = torch.ones(2, requires_grad=True)
            with torch.autograd.graph.saved_tensors_hooks(lambda t: t, unpack):
                y = x.exp()
            try:
                y.sum().backward()
            except TypeError as e:
                print("caught", e)

            """
        try Data(script.utf8).write(to: dir.appendingPathComponent("hook.py"))
        let text = try CLI.run(["dump", "hook.py"], in: dir)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("error: TypeError: cannot unpack this"), "\(text.stdout)")
    }
}
