/// What a picture of a graph shows and how it is laid out.
public struct RenderOptions: Sendable, Equatable {
    /// Which direction of the graph to draw.
    public enum View: String, Sendable, CaseIterable {
        /// Tensors and the ops between them, as the script ran them.
        case forward
        /// Only what a backward pass went through: the autograd graph reachable from its roots.
        case backward
        /// Everything (the default).
        case both
    }

    /// The Graphviz layout engine.
    public enum Layout: String, Sendable, CaseIterable {
        case dot, sfdp, neato
    }

    /// The direction ranks run in (`dot` only).
    public enum RankDirection: String, Sendable, CaseIterable {
        /// Top to bottom: inputs at the top, the loss at the bottom.
        case topToBottom = "TB"
        /// Left to right.
        case leftToRight = "LR"
    }

    /// Draw the buffers each grad_fn saved for backward, hanging off their op.
    public var showSaved = false
    /// Label edges with the gradients of one backward pass, coloured by magnitude.
    public var showGrads = false
    /// The backward pass `showGrads` shows (and whose roots are drawn green); nil: the last one.
    public var pass: Int?
    /// Draw every backward pass in a frame of its own (`--pass all`, small multiples), each
    /// holding only the ops that pass ran, with its gradients when `showGrads` is set.
    public var everyPass = false
    public var view = View.both
    /// The layout engine; nil chooses: `dot`, or `sfdp` above `dotNodeLimit` drawn nodes. An
    /// engine asked for explicitly is always used.
    public var layout: Layout?
    public var rankdir = RankDirection.topToBottom
    /// At most this many nodes are laid out; what is left out is said in the picture.
    public var maxNodes = 400
    /// Draw the graph as it stood after this script line ran (the first time); nil: the end.
    public var at: Int?
    /// Add a legend listing exactly the styles the picture uses.
    public var legend = true
    /// Never fold loop iterations (by default every loop of two or more identical iterations
    /// is drawn once in a loop box, and any other repetition is folded above the node budget, or
    /// above `foldAbove` nodes when that halves the picture).
    public var unfold = false

    /// Draw every `nn.Module` call this many levels below the module the script called (level
    /// 0) as one node standing for everything inside it; nil: every call is a cluster.
    public var depth: Int?

    /// The defaults: forward and backward, automatic layout top to bottom, legend on, 400 nodes.
    public init() {}

    /// Loop iterations are also folded (unless `unfold`) above this many nodes when folding at
    /// least halves the picture: twenty unfolded iterations of a training step are unreadable.
    package static let foldAbove = 150
    /// Above this many drawn nodes the automatic layout is `sfdp` rather than `dot` (and the
    /// picture says so).
    package static let dotNodeLimit = 1_500
    /// A leaf feeding more than this many ops is drawn once per use.
    package static let fanOutLimit = 6
}
