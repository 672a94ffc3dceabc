import Foundation
import Testing

/// Long graphs, big prints and deep nesting go through the CLI without overflowing the stack.
@Suite struct StackSafetyTests {
    @Test func backwardThroughA100000OpChain() throws {
        let source = """
            import torch
            x = torch.tensor([1.0], requires_grad=True)
            y = x
            for i in range(100000):
                y = y * 1.0
            y.sum().backward()
            print(x.grad)
            """
        let r = try CLI.run(script: source, options: ["--timeout", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "tensor([1.])\n")
    }

    @Test func printingALargeTensorSummarizes() throws {
        let r = try CLI.run(script: "import torch\nprint(torch.zeros(1000, 1000).sum(), torch.ones(100000))\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "tensor(0.) tensor([1., 1., 1.,  ..., 1., 1., 1.])\n")
    }

    @Test func thousandDeepNestingIsASyntaxError() throws {
        let r = try CLI.run(
            script: "x = " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000) + "\n")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("  File \"script.py\", line 1\n"))
        #expect(r.stderr.hasSuffix("SyntaxError: too many nested parentheses\n"))
    }

    @Test func deepNestingWithinTheLimitRuns() throws {
        let r = try CLI.run(
            script: "x = " + String(repeating: "-(", count: 90) + "1" + String(repeating: ")", count: 90) + "\nprint(x)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "1\n")
    }
}
