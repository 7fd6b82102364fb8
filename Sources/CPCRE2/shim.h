#ifndef TUTTI_CPCRE2_SHIM_H
#define TUTTI_CPCRE2_SHIM_H
/* The 8-bit (UTF-8) library: its functions and types carry the suffix _8 in Swift. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
