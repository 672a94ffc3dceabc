/// GraphRender: DOT and Graphviz rendering. (Being written.)
public enum GraphRenderNamespace {}
