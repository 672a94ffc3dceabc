#ifndef GRADSCOPE_CBLAS_SHIM_H
#define GRADSCOPE_CBLAS_SHIM_H
#include <cblas.h>
#endif
