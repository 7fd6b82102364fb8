#ifndef TUTTI_CCACHEHINTS_SHIM_H
#define TUTTI_CCACHEHINTS_SHIM_H
// A cache hint Swift has no spelling for: start loading the line at an address that will be
// read soon (a dictionary's hash slot for the next row), without waiting for it.
static inline void tutti_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
