#ifndef TUTTI_CLOADKERNELS_SHIM_H
#define TUTTI_CLOADKERNELS_SHIM_H
// Two small kernels of the loader that Swift has no spelling for, inlined into their callers.
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// A cache hint: start loading the line at `address`, which will be read soon (a dictionary's
// hash slot for the next row), without waiting for it.
static inline void tutti_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// The bytes among the 64 at `p` that end an unquoted delimited-text field: bit i is set when
// byte i is `delimiter`, a line feed or a carriage return. Four 16-byte compares with SSE2
// (every x86-64 processor has it); byte by byte elsewhere.
static inline uint64_t tutti_field_stops64(const uint8_t *p, uint8_t delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    uint64_t mask = 0;
    for (int i = 0; i < 4; i++) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, lf)),
                                         _mm_cmpeq_epi8(x, cr));
        mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(hit) << (16 * i);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int i = 0; i < 64; i++) {
        const uint8_t c = p[i];
        if (c == delimiter || c == '\n' || c == '\r') mask |= (uint64_t)1 << i;
    }
    return mask;
#endif
}
#endif
