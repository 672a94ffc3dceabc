"""Record a real PyTorch run into GradScope's graph model (`gradscope.graph/2` JSON).

    with gradscope_capture.record() as g:
        loss = model(x).sum()
        loss.backward()
    g.save("graph.json")
"""
from .recording import Recording, record

__all__ = ["Recording", "record"]
