import Foundation

/// Hostile graph dumps for the in-process fuzzer: a real dump with one hostile change
/// (`cli_fuzz.mutate_json`): ids and indices out of range, wrong types, huge and negative
/// numbers, lone surrogates, deep nesting, cycles between regions, truncation.
enum GraphCases {
    /// The script whose dump every case mutates: forward, no_grad, detach and two backward passes.
    static let baseScript = """
        import torch
        x = torch.ones(2, 3, requires_grad=True)
        with torch.no_grad():
            c = x * 2
        y = (x * 3).exp().sum()
        z = y.detach()
        y.backward(retain_graph=True)
        y.backward()

        """

    static let tables = ["tensors", "ops", "nodes", "regions", "backward_passes"]

    /// One mutated dump of `document` (a parsed JSON object), as text.
    static func dump(_ r: inout SplitMix, from document: [String: Any]) -> String {
        var doc = document
        let kind = r.below(12)
        switch kind {
        case 0:
            return String(repeating: "{", count: r.pick([100, 600, 100_000])) + String(repeating: "}", count: r.pick([0, 100]))
        case 1: return #"{"schema": "\ud800\u0041", "tensors": []}"#
        case 2:
            let text = serialized(doc)
            return String(text.prefix(1 + r.below(max(text.count - 1, 1))))
        default: break
        }
        let present = tables.filter { !((doc[$0] as? [Any]) ?? []).isEmpty }
        guard !present.isEmpty else { return serialized(doc) }
        let tableName = r.pick(present)
        var table = doc[tableName] as! [[String: Any]]
        let row = r.below(table.count)
        var record = table[row]
        let key = r.pick(record.keys.sorted())
        switch kind {
        case 3: record[key] = r.pick([-1, Int.min, 1 << 31, (1 << 32) + 1, Int.max] as [Any] + [1e30])
        case 4: record[key] = r.pick(["nan", NSNull(), "x", [Any](), [String: Any](), 1.5, true] as [Any])
        case 5: record[key] = nil
        case 6 where record["shape"] != nil:
            record["shape"] = r.pick([
                [-1], [1 << 31, 1 << 31, 1 << 31], [1 << 62, 1 << 62, 0], [0, 1 << 40, 1 << 40], [Int](repeating: 1, count: 100)
            ])
        case 7: record["id"] = 0
        case 8 where !((doc["regions"] as? [Any]) ?? []).isEmpty:
            var regions = doc["regions"] as! [[String: Any]]
            regions[0]["parent"] = regions.count - 1
            doc["regions"] = regions
        case 9 where tableName == "nodes":
            record["next"] = [[r.pick([-1, 0, 1 << 31, NSNull()] as [Any]), r.pick([-1, 0, 1 << 40])]]
        case 10: table.append(contentsOf: Array(repeating: record, count: r.pick([1, 1000])))
        default: doc["schema"] = r.pick(["gradscope.graph/4", "", 7] as [Any])
        }
        if kind != 8 {
            table[row] = record
            doc[tableName] = table
        }
        return serialized(doc)
    }

    private static func serialized(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
