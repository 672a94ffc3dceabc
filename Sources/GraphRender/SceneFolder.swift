/// Folds a scene as its nodes and edges are added, in scene order (see `Scene.folded(loops:)`
/// for what folding draws). Per added node it keeps only its group, cluster and loop; per group
/// of nodes that fold into one, the group's first and last node; per group of edges, the edges
/// whose look the folded edge takes. So `SceneBuilder` can fold a loop's iterations as it draws
/// them without ever holding the unfolded scene: a million-op training loop folds to a few
/// dozen nodes.
struct SceneFolder {
    /// Whether nodes fold only within a loop (`Scene.folded(loops:)` with loops) or whenever
    /// their keys are equal.
    let byLoop: Bool
    private var groupOfKey: [NodeFoldKey: Int] = [:]
    private var groups: [NodeGroup] = []
    /// Per added node: its group, its cluster (-1: none) and its loop as `ClusterLoopTally`
    /// counts it (-1: none, -2: a tensor outside every loop, which does not count).
    private var groupOfNode: [Int32] = []
    private var clusterOfNode: [Int32] = []
    private var loopOfNode: [Int32] = []
    /// Tensor node id → the first node with it (repeated updates find the version a loop
    /// started from by its id).
    private var tensorNode: [String: Int] = [:]
    private var edgeGroups: [EdgeGroup] = []
    private var edgeGroupOfKey: [EdgeFoldKey: Int] = [:]
    private var addedEdges = 0

    init(byLoop: Bool) {
        self.byLoop = byLoop
    }

    /// How many nodes were added.
    var nodeCount: Int { groupOfNode.count }

    /// How many whole nodes it keeps: a group's first and, once it has two, its last.
    var keptNodeCount: Int { groups.reduce(0) { $0 + ($1.last == nil ? 1 : 2) } }

    /// Adds `node` (its fold key and loop final, its cluster changed later only by `move`);
    /// returns its index among the added nodes, by which edges refer to it.
    @discardableResult
    mutating func add(_ node: SceneNode) -> Int {
        let index = groupOfNode.count
        let key =
            byLoop
            ? node.loop.flatMap { l in node.foldKey.map { NodeFoldKey(loop: l, key: $0) } }
            : node.foldKey.map { NodeFoldKey(loop: nil, key: $0) }
        if let key, let g = groupOfKey[key] {
            groups[g].add(node, at: index)
            groupOfNode.append(Int32(g))
        } else {
            if let key { groupOfKey[key] = groups.count }
            groupOfNode.append(Int32(groups.count))
            groups.append(NodeGroup(node, at: index))
        }
        clusterOfNode.append(node.cluster.map { Int32($0) } ?? -1)
        loopOfNode.append(node.loop.map { Int32($0) } ?? (node.kind == .tensor ? -2 : -1))
        if node.kind == .tensor && tensorNode[node.id] == nil { tensorNode[node.id] = index }
        return index
    }

    /// The cluster of added node `i`.
    func cluster(of i: Int) -> Int? {
        clusterOfNode[i] < 0 ? nil : Int(clusterOfNode[i])
    }

    /// Moves added node `i` to `cluster`, as belonging to module call `module`.
    mutating func move(_ i: Int, to cluster: Int?, module: Int?) {
        clusterOfNode[i] = cluster.map { Int32($0) } ?? -1
        groups[Int(groupOfNode[i])].move(i, to: cluster, module: module)
    }

    /// Adds `edge` (complete: its look and tooltip final), between added nodes; returns its
    /// index among the added edges.
    @discardableResult
    mutating func add(_ edge: SceneEdge) -> Int {
        let key = EdgeFoldKey(
            from: Int(groupOfNode[edge.from]), to: Int(groupOfNode[edge.to]), kind: edge.kind, position: edge.position)
        if let g = edgeGroupOfKey[key] {
            edgeGroups[g].add(edge, at: addedEdges)
        } else {
            edgeGroupOfKey[key] = edgeGroups.count
            edgeGroups.append(EdgeGroup(edge, at: addedEdges, from: key.from, to: key.to))
        }
        addedEdges += 1
        return addedEdges - 1
    }

    /// The folded scene, with `clusters` (the clusters the added nodes refer to) folded too and
    /// `notes` at its top; with `loops`, each loop in its box.
    func folded(clusters: [SceneCluster], notes: [String], loops: [DetectedLoop]?) -> Scene {
        var result = Scene(notes: notes)
        let (joined, ownerOf, updates) = joiningRepeatedUpdates()
        var tally = ClusterLoopTally(clusters: clusters)
        if loops != nil {
            for i in loopOfNode.indices where loopOfNode[i] != -2 {
                tally.add(
                    cluster: cluster(of: i), loop: loopOfNode[i] < 0 ? nil : Int(loopOfNode[i]), kind: .op)
            }
        }
        let loopOfCluster = loops == nil ? [] : tally.loops
        var clusterOfKey: [String: Int] = [:]
        var clusterMap = [Int](repeating: 0, count: clusters.count)
        var calls: [Int] = []
        for (c, cluster) in clusters.enumerated() {
            let key = loops == nil ? cluster.foldKey : loopOfCluster[c].map { "\($0)|\(cluster.foldKey)" } ?? "#\(c)"
            if let existing = clusterOfKey[key] {
                clusterMap[c] = existing
                calls[existing] += 1
                result.clusters[existing].passes += cluster.passes
                if cluster.module != nil {
                    // A folded call's cluster stands for the last call, as its folded nodes do.
                    result.clusters[existing].id = cluster.id
                    result.clusters[existing].module = cluster.module
                    result.clusters[existing].tooltip = cluster.tooltip
                }
                continue
            }
            clusterOfKey[key] = result.clusters.count
            clusterMap[c] = result.clusters.count
            var folded = cluster
            folded.parent = cluster.parent.map { clusterMap[$0] }
            result.clusters.append(folded)
            calls.append(1)
        }
        for (c, n) in calls.enumerated() where n > 1 && !result.clusters[c].passes.isEmpty {
            let passes = Array(Set(result.clusters[c].passes)).sorted()
            result.clusters[c].passes = passes
            result.clusters[c].label = SceneCluster.foldedPassLabel(frames: n, call: result.clusters[c].call)
            result.clusters[c].tooltip +=
                "\n\(n) backward frames from repeated runs of the same lines drawn as one: "
                + SceneCluster.passLabel(passes: passes, call: result.clusters[c].call)
        }
        for (c, n) in calls.enumerated() where n > 1 && result.clusters[c].module != nil {
            result.clusters[c].label += " ×\(n)"
            result.clusters[c].tooltip += "\n\(n) calls from repeated runs of the same lines drawn as one"
        }
        // Group → its node in the result (groups emptied by joining updates have none).
        var nodeOfGroup = [Int](repeating: 0, count: groups.count)
        for (g, members) in joined.enumerated() {
            guard let first = members.first else { continue }
            nodeOfGroup[g] = result.nodes.count
            if updates[g] > 0 {
                result.nodes.append(
                    Scene.updated(
                        groups[first].first, subjects: members.flatMap { groups[$0].subjects }, times: updates[g],
                        clusterMap: clusterMap))
                continue
            }
            // Not joined by any other: the group alone.
            let group = groups[g]
            var node = group.last ?? group.first
            node.cluster = node.cluster.map { clusterMap[$0] }
            node.order = group.first.order
            node.line = group.first.line
            if group.members > 1 {
                node.subjects = group.subjects
                node.id = "fold_" + group.first.id
                node.count = group.count
                node.label = Scene.counted(node.label, node.count)
                node.tooltip +=
                    "\n\(node.count) recorded nodes from repeated runs of line \(node.line) drawn as one "
                    + "(this one shows the last; --unfold draws them all)"
                node.extraClasses.append("folded")
            }
            result.nodes.append(node)
        }
        // Edge groups whose ends were joined into the same nodes fold together too: the folded
        // edge of each key, in order of first appearance, and the groups folded into it.
        var edgeOfKey: [EdgeFoldKey: Int] = [:]
        var ends: [EdgeFoldKey] = []
        var parts: [[Int]] = []
        for (g, group) in edgeGroups.enumerated() {
            let key = EdgeFoldKey(
                from: nodeOfGroup[ownerOf[group.from]], to: nodeOfGroup[ownerOf[group.to]], kind: group.last.kind,
                position: group.last.position)
            if let existing = edgeOfKey[key] {
                parts[existing].append(g)
                continue
            }
            edgeOfKey[key] = ends.count
            ends.append(key)
            parts.append([g])
        }
        result.edges = zip(ends, parts).map { key, folded in
            var edge = EdgeGroup.merged(folded.map { edgeGroups[$0] })
            edge.from = key.from
            edge.to = key.to
            edge.writtenID = nil
            if edge.count > 1 {
                edge.tooltip += "\n(\(edge.count) recorded edges folded into this one)"
                edge.addGradientRange()
            }
            return edge
        }
        return loops.map { result.boxingLoops($0) } ?? result
    }

    /// Joins each group of repeated in-place versions of one tensor (`t3_v2`, `t3_v3`, … folded
    /// together) to the group of the version the loop started from (`t3_v1`, or `t3`), emptying
    /// it: per group, the groups whose nodes it now holds, in order (empty when joined to
    /// another); per group, the group now holding its nodes; and per group, how many versions
    /// joined it.
    private func joiningRepeatedUpdates() -> (joined: [[Int]], ownerOf: [Int], updates: [Int]) {
        var joined = groups.indices.map { [$0] }
        var ownerOf = Array(groups.indices)
        var updates = [Int](repeating: 0, count: groups.count)
        let members = { (list: [Int]) in list.reduce(0) { $0 + groups[$1].members } }
        for g in joined.indices where members(joined[g]) > 1 {
            let list = joined[g]
            let head = groups[list[0]].first
            guard head.kind == .tensor, head.foldKey?.hasSuffix(">v") == true, case .tensor(let t)? = head.subjects.first,
                list.allSatisfy({ groups[$0].soleTensor == t }),
                let version = head.id.split(separator: "_v").last.flatMap({ Int($0) }),
                let base = tensorNode[version > 1 ? "t\(t)_v\(version - 1)" : "t\(t)"]
            else { continue }
            let target = ownerOf[Int(groupOfNode[base])]
            for h in list { ownerOf[h] = target }
            joined[target] += list
            joined[g] = []
            updates[target] += members(list)
        }
        return (joined, ownerOf, updates)
    }
}

/// Nodes with equal keys fold into one: the same fold key, in the same loop when loops fold.
private struct NodeFoldKey: Hashable {
    let loop: Int?
    let key: String
}

/// Edges with equal keys fold into one: the same folded ends, kind and input position.
private struct EdgeFoldKey: Hashable {
    let from: Int
    let to: Int
    let kind: SceneEdgeKind
    let position: Int
}

/// Nodes that fold into one: the first (whose order and line the folded node keeps, and which
/// stands for a tensor's updates) and the last (which the folded node shows).
private struct NodeGroup {
    private(set) var first: SceneNode
    private let firstIndex: Int
    /// The last node, once there are two.
    private(set) var last: SceneNode?
    private var lastIndex: Int
    private(set) var members = 1
    /// How many recorded nodes the members stand for.
    private(set) var count: Int
    /// The members' records, in order.
    private(set) var subjects: [SceneSubject]
    /// The tensor every member stands for alone (`subjects == [.tensor(t)]`); nil when one does not.
    private(set) var soleTensor: Int?

    init(_ node: SceneNode, at index: Int) {
        first = node
        firstIndex = index
        lastIndex = index
        count = node.count
        subjects = node.subjects
        soleTensor = NodeGroup.soleTensor(of: node)
    }

    mutating func add(_ node: SceneNode, at index: Int) {
        last = node
        lastIndex = index
        members += 1
        count += node.count
        subjects += node.subjects
        if soleTensor != NodeGroup.soleTensor(of: node) { soleTensor = nil }
    }

    /// Moves member `index` (when it is the first or the last; the others are not drawn).
    mutating func move(_ index: Int, to cluster: Int?, module: Int?) {
        if index == firstIndex {
            first.cluster = cluster
            first.module = module
        }
        if index == lastIndex && last != nil {
            last?.cluster = cluster
            last?.module = module
        }
    }

    private static func soleTensor(of node: SceneNode) -> Int? {
        guard node.subjects.count == 1, case .tensor(let t) = node.subjects[0] else { return nil }
        return t
    }
}

/// Edges that fold into one (between the same groups of nodes, of one kind and position): the
/// folded edge takes its roles, attributes and tooltip from the last one whose look carries a
/// gradient, else from the last one; its count and gradient magnitudes sum theirs.
private struct EdgeGroup {
    /// The groups of its ends.
    let from: Int
    let to: Int
    /// The last edge and the last carrying a gradient, with their positions among the added edges.
    private(set) var last: SceneEdge
    private var lastAt: Int
    private var lastCarrying: SceneEdge?
    private var lastCarryingAt = -1
    private var count: Int
    /// The gradient magnitudes of the edges, in order, each with its edge's position.
    private var magnitudes: [Double]
    private var magnitudeAt: [Int32]

    init(_ edge: SceneEdge, at position: Int, from: Int, to: Int) {
        self.from = from
        self.to = to
        last = edge
        lastAt = position
        count = 0
        magnitudes = []
        magnitudeAt = []
        add(edge, at: position)
    }

    mutating func add(_ edge: SceneEdge, at position: Int) {
        var look = edge
        look.gradientMagnitudes = []
        last = look
        lastAt = position
        if EdgeGroup.carries(edge.roles) {
            lastCarrying = look
            lastCarryingAt = position
        }
        count += edge.count
        magnitudes += edge.gradientMagnitudes
        magnitudeAt += repeatElement(Int32(position), count: edge.gradientMagnitudes.count)
    }

    /// The folded edge of `parts` (ends not set): the look of the last one carrying a
    /// gradient, else of the last, the counts summed and the magnitudes in edge order.
    static func merged(_ parts: [EdgeGroup]) -> SceneEdge {
        let carrying = parts.filter { $0.lastCarrying != nil }.max { $0.lastCarryingAt < $1.lastCarryingAt }
        var edge =
            carrying?.lastCarrying ?? parts.max { $0.lastAt < $1.lastAt }?.last ?? parts[0].last
        edge.count = parts.reduce(0) { $0 + $1.count }
        if parts.count == 1 {
            edge.gradientMagnitudes = parts[0].magnitudes
        } else {
            let tagged = parts.flatMap { p in zip(p.magnitudeAt, p.magnitudes) }.enumerated()
            edge.gradientMagnitudes = tagged.sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map {
                $0.element.1
            }
        }
        return edge
    }

    private static func carries(_ roles: [StyleRole]) -> Bool {
        roles.contains(.gradientEdge) || roles.contains(.zeroGradient) || roles.contains(.nonFiniteGradient)
    }
}

/// Cluster → the loop every node drawn in it (or in a cluster inside it) belongs to, counted
/// node by node (see `Scene.clusterLoops()`).
struct ClusterLoopTally {
    private let clusters: [SceneCluster]
    private var loop: [Int?]
    private var mixed: [Bool]

    init(clusters: [SceneCluster]) {
        self.clusters = clusters
        loop = [Int?](repeating: nil, count: clusters.count)
        mixed = [Bool](repeating: false, count: clusters.count)
    }

    /// Counts a node in `cluster`, of `loop` and `kind` (a tensor outside every loop does not count).
    mutating func add(cluster: Int?, loop nodeLoop: Int?, kind: SceneNodeKind) {
        guard nodeLoop != nil || kind != .tensor else { return }
        var c = cluster
        while let current = c {
            if nodeLoop == nil || (loop[current] != nil && loop[current] != nodeLoop) { mixed[current] = true }
            if loop[current] == nil { loop[current] = nodeLoop }
            c = clusters[current].parent
        }
    }

    /// Per cluster, the loop of all its counted nodes; nil when they are of several, or none.
    var loops: [Int?] { loop.indices.map { mixed[$0] ? nil : loop[$0] } }
}
