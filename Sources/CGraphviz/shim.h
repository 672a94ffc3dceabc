#ifndef GRADSCOPE_CGRAPHVIZ_SHIM_H
#define GRADSCOPE_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Swift 6 rejects the mutable C global `Agdirected`; hand it out through a function.
static inline Agdesc_t gs_directed(void) { return Agdirected; }

/// The bounding box of a laid-out graph, in points (GD_bb is a macro Swift cannot import).
static inline boxf gs_bounding_box(Agraph_t *graph) { return GD_bb(graph); }
#endif
