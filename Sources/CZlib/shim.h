#ifndef TUTTI_CZLIB_SHIM_H
#define TUTTI_CZLIB_SHIM_H
#include <zlib.h>
#endif
