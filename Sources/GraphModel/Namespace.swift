/// GraphModel: the recorded graph of a run. (Being written.)
public enum GraphModelNamespace {}
