import Foundation
import Testing

@testable import Autograd

/// Replays the cases of Fixtures/rng/expected.json (written by Fixtures/rng/make_expected.py
/// from PyTorch 2.15) on GradScope's generator and compares every value bit for bit.
struct RandomStreamTests {
    struct Fixture: Decodable {
        struct Meta: Decodable { let default_initial_seed: UInt64 }
        let meta: Meta
        let cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let seed: UInt64
        let generator: Bool?
        let steps: [Step]
        let results: [[String]]
        var testDescription: String { name }
    }

    /// One call; the fields a given op does not use are absent.
    struct Step: Decodable {
        let op: String
        let shape: [Int]?
        let dtype: String?
        let layout: String?
        let low: Int?, high: Int?, n: Int?, inFeatures: Int?, outFeatures: Int?
        let from: Double?, to: Double?, mean: Double?, std: Double?, p: Double?, lambda: Double?
        let replacement: Bool?
        let values: [Double]?, meanValues: [Double]?, stdValues: [Double]?, rows: [[Double]]?

        enum CodingKeys: String, CodingKey {
            case op, shape, dtype, layout, low, high, n, from, to, mean, std, p, lambda, replacement
            case inFeatures = "in", outFeatures = "out"
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            op = try c.decode(String.self, forKey: .op)
            shape = try c.decodeIfPresent([Int].self, forKey: .shape)
            dtype = try c.decodeIfPresent(String.self, forKey: .dtype)
            layout = try c.decodeIfPresent(String.self, forKey: .layout)
            low = try c.decodeIfPresent(Int.self, forKey: .low)
            high = try c.decodeIfPresent(Int.self, forKey: .high)
            n = try c.decodeIfPresent(Int.self, forKey: .n)
            inFeatures = try c.decodeIfPresent(Int.self, forKey: .inFeatures)
            outFeatures = try c.decodeIfPresent(Int.self, forKey: .outFeatures)
            from = try c.decodeIfPresent(Double.self, forKey: .from)
            to = try c.decodeIfPresent(Double.self, forKey: .to)
            lambda = try c.decodeIfPresent(Double.self, forKey: .lambda)
            replacement = try c.decodeIfPresent(Bool.self, forKey: .replacement)
            // `p`, `mean` and `std` are numbers for the in-place samplers, lists for the
            // tensor-argument functions.
            p = try? c.decodeIfPresent(Double.self, forKey: .p)
            mean = try? c.decodeIfPresent(Double.self, forKey: .mean)
            std = try? c.decodeIfPresent(Double.self, forKey: .std)
            values = try? c.decodeIfPresent([Double].self, forKey: .p)
            rows = try? c.decodeIfPresent([[Double]].self, forKey: .p)
            meanValues = try? c.decodeIfPresent([Double].self, forKey: .mean)
            stdValues = try? c.decodeIfPresent([Double].self, forKey: .std)
        }

        var elementType: DType {
            switch dtype ?? "float32" {
            case "float64": return .float64
            case "int64": return .int64
            case "bool": return .bool
            default: return .float32
            }
        }
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/rng/expected.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: fixture.cases)
    func matchesPyTorch(_ c: Case) throws {
        let generator: Generator?
        if c.generator == true {
            generator = Generator().manualSeed(c.seed)
        } else {
            Generator.default.manualSeed(c.seed)
            generator = nil
        }
        #expect(c.results.count == c.steps.count)
        for (index, (step, expected)) in zip(c.steps, c.results).enumerated() {
            let actual = try Self.run(step, generator)
            #expect(actual == expected, "step \(index) (\(step.op))")
        }
    }

    @Test func newGeneratorsStartFromPyTorchsDefaultSeed() {
        #expect(Generator().initialSeed == Self.fixture.meta.default_initial_seed)
        #expect(Generator().manualSeed(42).initialSeed == 42)
    }

    @Test func setStateRestoresTheStreamAndTheNormalCache() throws {
        let g = Generator().manualSeed(9)
        _ = try Tensor.randn([3], generator: g) // leaves a cached normal value
        let saved = g.getState()
        let first = try Tensor.randn([5], generator: g).doubles()
        try g.setState(saved)
        #expect(try Tensor.randn([5], generator: g).doubles() == first)
        #expect(g.getState().count == 5056)
        #expect(throws: TorchError.self) { try g.setState([0, 1, 2]) }
    }

    @Test func factoriesLeaveVersionZeroAndInPlaceSamplersBumpIt() throws {
        #expect(try Tensor.rand([3]).version == 0)
        #expect(try Tensor.randn([20]).version == 0)
        #expect(try Tensor.randint(low: 0, high: 4, [2]).version == 0)
        let t = Tensor.zeros([4])
        try t.uniform_(from: -1, to: 1)
        try t.normal_()
        #expect(t.version == 2)
        let leaf = Tensor.zeros([2])
        try leaf.setRequiresGrad(true)
        #expect(throws: TorchError.runtime(AutogradMessages.leafInPlace)) { try leaf.uniform_() }
        #expect(throws: TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=3 >= to=1")) {
            try Tensor.randint(low: 3, high: 1, [2])
        }
    }

    /// Runs one step as the fixture script does in PyTorch and returns its values' bits.
    static func run(_ s: Step, _ g: Generator?) throws -> [String] {
        let dt = s.elementType
        switch s.op {
        case "rand": return bits(try Tensor.rand(s.shape!, dtype: dt, generator: g))
        case "randn": return bits(try Tensor.randn(s.shape!, dtype: dt, generator: g))
        case "randint": return bits(try Tensor.randint(low: s.low!, high: s.high!, s.shape!, dtype: dt, generator: g))
        case "randperm": return bits(try Tensor.randperm(s.n!, generator: g))
        case "uniform_": return bits(try target(s).uniform_(from: s.from!, to: s.to!, generator: g))
        case "normal_": return bits(try target(s).normal_(mean: s.mean!, std: s.std!, generator: g))
        case "random_" where s.from == nil: return bits(try target(s).random_(generator: g))
        case "random_": return bits(try target(s).random_(from: Int64(s.from!), to: Int64(s.to!), generator: g))
        case "bernoulli_": return bits(try target(s).bernoulli_(p: s.p!, generator: g))
        case "exponential_": return bits(try target(s).exponential_(lambda: s.lambda!, generator: g))
        case "bernoulli": return bits(try probabilities(s, dt).bernoulli(generator: g))
        case "normal":
            return bits(
                try Tensor.normal(
                    mean: Tensor(s.meanValues!, shape: [s.meanValues!.count], dtype: dt),
                    std: Tensor(s.stdValues!, shape: [s.stdValues!.count], dtype: dt), generator: g))
        case "multinomial":
            return bits(try probabilities(s, dt).multinomial(s.n!, replacement: s.replacement!, generator: g))
        case "dropout":
            let input = Tensor.ones(s.shape!, dtype: dt)
            return bits(try input * input.dropoutNoise(p: s.p!))
        case "linear": return try linearInit(inFeatures: s.inFeatures!, outFeatures: s.outFeatures!)
        case "get_state": return (g ?? .default).getState().map { String($0) }
        default: throw TorchError.runtime("unknown fixture op \(s.op)")
        }
    }

    /// `nn.Linear.reset_parameters` (torch/nn/modules/linear.py, torch/nn/init.py): the weight
    /// by `kaiming_uniform_(a=sqrt(5))`, then the bias uniform in ±1/sqrt(fan_in), with the
    /// bounds computed in Python's float arithmetic. Returns the weight's bits, then the bias's.
    static func linearInit(inFeatures: Int, outFeatures: Int) throws -> [String] {
        let weight = Tensor.zeros([outFeatures, inFeatures])
        let bias = Tensor.zeros([outFeatures])
        let fanIn = Double(inFeatures)
        let gain = (2.0 / (1 + pow(5.0.squareRoot(), 2))).squareRoot()
        let bound = 3.0.squareRoot() * (gain / fanIn.squareRoot())
        try weight.uniform_(from: -bound, to: bound)
        try bias.uniform_(from: -1 / fanIn.squareRoot(), to: 1 / fanIn.squareRoot())
        return bits(weight) + bits(bias)
    }

    /// The tensor an in-place step fills: contiguous, a transposed view, or every other column.
    static func target(_ s: Step) throws -> Tensor {
        let shape = s.shape!
        let dt = s.elementType
        switch s.layout ?? "contiguous" {
        case "transposed": return try Tensor.zeros([shape[1], shape[0]], dtype: dt).t()
        case "stepped": return try Tensor.zeros([shape[0], 2 * shape[1]], dtype: dt).slice(1, step: 2)
        default: return Tensor.zeros(shape, dtype: dt)
        }
    }

    static func probabilities(_ s: Step, _ dt: DType) throws -> Tensor {
        if let rows = s.rows { return try Tensor(rows.flatMap { $0 }, shape: [rows.count, rows[0].count], dtype: dt) }
        return try Tensor(s.values!, shape: [s.values!.count], dtype: dt)
    }

    /// Element values in row-major order as the fixture writes them: float bit patterns in
    /// hex, integers and booleans in decimal.
    static func bits(_ t: Tensor) -> [String] {
        let m = t.materialized()
        let n = t.numel
        switch t.dtype {
        case .float32:
            let p = m.storage.pointer(Float.self) + m.offset
            return (0..<n).map { hex(UInt64(p[$0].bitPattern), width: 8) }
        case .float64:
            let p = m.storage.pointer(Double.self) + m.offset
            return (0..<n).map { hex(p[$0].bitPattern, width: 16) }
        case .int64:
            let p = m.storage.pointer(Int64.self) + m.offset
            return (0..<n).map { String(p[$0]) }
        case .bool, .uint8, .int8, .int16, .int32: return t.doubles().map { String(Int($0)) }
        }
    }

    static func hex(_ v: UInt64, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
