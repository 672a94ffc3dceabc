// vendor/svml/svml_z0_atan_d_ha.s (unchanged; see vendor/svml/README.md), assembled on x86-64 Linux only, the
// platform numpy links it on.
#if defined(__x86_64__) && defined(__linux__)
#include "../vendor/svml/svml_z0_atan_d_ha.s"
#endif
