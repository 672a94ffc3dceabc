import Autograd
import GraphModel
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// Anomaly detection as PyTorch 2.15 does it (its stderr checked by hand against these scripts;
/// PyTorch's own frames and "Triggered internally" note have no counterpart here).
@Suite struct AnomalyTests {
    static func run(_ source: String) -> (status: Int32, stderr: String, graph: Graph) {
        final class Box: @unchecked Sendable { var err = "" }
        let box = Box()
        let (status, graph) = ScriptRunner.runRecording(
            source: source, filename: "x.py", writeOutput: { _ in },
            writeError: { box.err += $0 })
        return (status, box.err, graph)
    }

    @Test func detectAnomalyContextRaisesWithTheForwardTrace() {
        let (status, stderr, graph) = Self.run(
            """
            import torch

            x = torch.tensor([1., -1.], requires_grad=True)
            with torch.autograd.detect_anomaly():
                y = torch.log(x)
                z = (y * y).sum()
                z.backward()
            print(x.grad)
            """)
        #expect(status == 1)
        #expect(
            stderr == """
                x.py:4: UserWarning: Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging.
                  with torch.autograd.detect_anomaly():
                x.py:7: UserWarning: Error detected in MulBackward0. Traceback of forward call that caused the error:
                  File "x.py", line 6, in <module>
                    z = (y * y).sum()
                  z.backward()
                Traceback (most recent call last):
                  File "x.py", line 7, in <module>
                    z.backward()
                RuntimeError: Function 'MulBackward0' returned nan values in its 0th output.

                """)
        let anomaly = graph.backwardPasses.first?.anomaly
        #expect(anomaly.map { graph.nodes[$0.node].name } == "MulBackward0")
        #expect(anomaly.map { graph.nodes[$0.node].line } == 6 && anomaly?.output == 0)
        #expect(graph.textDump().contains("anomaly: n\(anomaly?.node ?? -1) MulBackward0 returned nan in output 0"))
        #expect(graph.json().contains("\"anomaly\":{\"node\":\(anomaly?.node ?? -1),\"output\":0}"))
    }

    @Test func setDetectAnomalyTracesEveryFrame() {
        let (status, stderr, _) = Self.run(
            """
            import torch


            def f(t):
                return torch.log(t) * torch.log(t)


            torch.autograd.set_detect_anomaly(True)
            x = torch.tensor([-1.], requires_grad=True)
            z = f(x).sum()
            z.backward()
            """)
        #expect(status == 1)
        #expect(
            stderr.hasPrefix(
                """
                x.py:11: UserWarning: Error detected in MulBackward0. Traceback of forward call that caused the error:
                  File "x.py", line 10, in <module>
                    z = f(x).sum()
                  File "x.py", line 5, in f
                    return torch.log(t) * torch.log(t)
                """))
        #expect(stderr.hasSuffix("RuntimeError: Function 'MulBackward0' returned nan values in its 0th output.\n"))
    }

    @Test func sqrtAtZeroIsCaughtAtSqrtBackward() {
        let (_, stderr, _) = Self.run(
            """
            import torch
            torch.autograd.set_detect_anomaly(True)
            x = torch.tensor([0., 4.], requires_grad=True)
            y = torch.sqrt(x)
            z = (y * 0).sum()
            z.backward()
            """)
        #expect(
            stderr.contains(
                "Error detected in SqrtBackward0. Traceback of forward call that caused the error:\n  File \"x.py\", line 4, in <module>\n    y = torch.sqrt(x)\n"
            ))
        #expect(stderr.hasSuffix("RuntimeError: Function 'SqrtBackward0' returned nan values in its 0th output.\n"))
    }

    @Test func withoutAnomalyModeNaNJustFlows() {
        let (status, stderr, graph) = Self.run(
            """
            import torch
            x = torch.tensor([0., 4.], requires_grad=True)
            (torch.sqrt(x) * 0).sum().backward()
            """)
        #expect(status == 0 && stderr.isEmpty)
        #expect(graph.backwardPasses.first?.anomaly == nil)
        #expect(GradMode.anomalyDetection == false)
    }
}
