#ifndef TUTTI_CLIBPQ_SHIM_H
#define TUTTI_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
