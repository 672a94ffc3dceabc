// vendor/svml/svml_z0_log2_s_la.s (unchanged; see vendor/svml/README.md), assembled on x86-64 Linux only, the
// platform numpy links it on.
#if defined(__x86_64__) && defined(__linux__)
#include "../vendor/svml/svml_z0_log2_s_la.s"
#endif
