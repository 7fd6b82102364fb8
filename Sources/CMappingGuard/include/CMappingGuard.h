#ifndef TUTTI_MAPPING_GUARD_H
#define TUTTI_MAPPING_GUARD_H

#include <stddef.h>

/// Guards read-only file mappings against SIGBUS. Touching a page of a mapped file past its end
/// (the file was truncated after it was mapped) raises SIGBUS, which kills the process. Once
/// `tutti_mapping_guard_register` has registered a mapping, such a fault instead maps zeros over
/// the rest of the mapping from the page that faulted, records it for that mapping, and lets the
/// read go on; the reader then sees zeros and asks `tutti_mapping_guard_tripped` before trusting
/// what it read (a page of the file that fails to read gives the same fault and is treated the
/// same way). Any other SIGBUS (outside every registered mapping, sent by a process) goes to the
/// disposition there was before, called from the guard's handler as the kernel would call it.

/// Registers the `length` bytes at `start` (a mapping) and installs the handler on first use.
/// Returns a slot for the other calls, or -1 when the handler cannot be installed, another
/// SIGBUS handler has replaced it, or every slot is taken (the mapping is then unguarded).
int tutti_mapping_guard_register(const void *start, size_t length);

/// Whether a read past the file's end hit the mapping of `slot` since it was registered.
int tutti_mapping_guard_tripped(int slot);

/// Unregisters `slot`, before its mapping is unmapped.
void tutti_mapping_guard_unregister(int slot);

#endif
