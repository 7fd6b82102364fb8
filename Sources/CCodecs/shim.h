#ifndef TUTTI_CCODECS_SHIM_H
#define TUTTI_CCODECS_SHIM_H
// The compressors Parquet and Arrow use: Snappy (its C API), Zstandard, LZ4 (blocks and frames) and Brotli.
#include <stddef.h>
#include <snappy-c.h>
#include <zstd.h>
#include <lz4.h>
#include <lz4frame.h>
#include <brotli/decode.h>
#include <brotli/encode.h>
#endif
