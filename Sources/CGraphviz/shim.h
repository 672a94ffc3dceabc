#ifndef GRADSCOPE_CGRAPHVIZ_SHIM_H
#define GRADSCOPE_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Swift 6 rejects the mutable C global `Agdirected`; hand it out through a function.
static inline Agdesc_t gs_directed(void) { return Agdirected; }
#endif
