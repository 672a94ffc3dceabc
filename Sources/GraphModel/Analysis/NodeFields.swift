extension Graph {
    /// The script line of node `id` (`nodes[id].line`, read without building the record and
    /// its edge and buffer arrays).
    public func line(ofNode id: Int) -> Int { nodes.line(of: id) }
}
