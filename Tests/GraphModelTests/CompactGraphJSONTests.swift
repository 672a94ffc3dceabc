import Foundation
import GraphModel
import Testing

/// `gradscope.graph/3`: defaults left out, the string table, and the reader's checks of what a
/// compact dump refers to.
struct CompactGraphJSONTests {
    private static func message(_ text: String) -> String {
        do {
            _ = try Graph(json: text)
            return "accepted"
        } catch let e as GraphJSONError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func defaultsAreLeftOutAndNamesInterned() throws {
        let g = try record(Programs.selectiveBackprop).snapshot()
        let text = g.json()
        #expect(text.hasPrefix(#"{"schema":"gradscope.graph/3","tensors":[{"#))
        for derivedOrDefault in [#""id":"#, #""state":"#, #""leaf_role":"#, #""canonical":"#, #""version":0"#, ":[]"] {
            #expect(!text.contains(derivedOrDefault), "\(derivedOrDefault)")
        }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strings = try #require(root["strings"] as? [String])
        #expect(Set(strings).count == strings.count)
        let ops = try #require(root["ops"] as? [[String: Any]])
        #expect(ops.compactMap { ($0["name"] as? Int).map { strings[$0] } } == g.ops.map(\.name))
        #expect(text.count * 2 < g.json(version: .v2).count)
    }

    /// `writeJSON` hands over the same text in pieces no larger than its chunk (a single longer
    /// value excepted), so a dump is written without holding the whole document.
    @Test func writtenInPiecesIsTheSameText() throws {
        let g = try record(Programs.selectiveBackprop).snapshot()
        for version in GraphJSONVersion.allCases {
            for explaining in [nil, { (r: BlockReason) in "\(r)" }] as [((BlockReason) -> String)?] {
                var bytes: [UInt8] = []
                var pieces: [Int] = []
                g.writeJSON(version: version, explaining: explaining, chunk: 64) { piece in
                    bytes.append(contentsOf: piece)
                    pieces.append(piece.count)
                }
                #expect(String(decoding: bytes, as: UTF8.self) == g.json(version: version, explaining: explaining))
                #expect(pieces.count > 10 && pieces.allSatisfy { $0 <= 64 }, "\(pieces.max() ?? 0)")
            }
        }
    }

    @Test func compactDumpsReadBackToTheSameGraph() throws {
        let g = try record(Programs.selectiveBackprop).snapshot()
        let read = try Graph(json: g.json())
        #expect(read.json() == g.json())
        #expect(read.json(version: .v2) == g.json(version: .v2))
    }

    @Test func anEmptyCompactDumpIsAnEmptyGraph() throws {
        let g = try Graph(json: #"{"schema":"gradscope.graph/3"}"#)
        #expect(g.tensors.isEmpty && g.ops.isEmpty && g.nodes.isEmpty && g.backwardPasses.isEmpty)
    }

    @Test func referencesOutsideTheDumpAreErrorsNamingThePlace() {
        let schema = #"{"schema":"gradscope.graph/3","#
        #expect(
            Self.message(schema + #""ops":[{"name":5,"line":1}]}"#)
                == "not a gradscope.graph/3 dump: ops[0].name: string 5 is out of range")
        #expect(
            Self.message(schema + #""tensors":[{"producer":3}]}"#)
                == "not a gradscope.graph/3 dump: tensors[0].producer: id 3 is out of range")
        #expect(
            Self.message(schema + #""tensors":[{"shape":[2]}]}"#) == "not a gradscope.graph/3 dump: tensors[0].line: missing")
        #expect(
            Self.message(schema + #""nodes":[{"name":0}],"strings":["A"]}"#)
                == "not a gradscope.graph/3 dump: nodes[0].line: missing")
        let edge =
            #""nodes":[{"name":0,"line":1}],"strings":["A"],"#
            + #""backward_passes":[{"line":1,"ops_before":0,"tensors_before":0,"edges":[{"from":0}]}]}"#
        #expect(
            Self.message(schema + edge)
                == "not a gradscope.graph/3 dump: backward_passes[0].edges[0].to: missing, and node 0 has no next edge 0")
        #expect(
            Self.message(schema + #""tensors":[{"line":1,"dtype":0}],"strings":["torch.quint4x2"]}"#)
                == "not a gradscope.graph/3 dump: tensors[0].dtype: unknown dtype torch.quint4x2")
    }
}
