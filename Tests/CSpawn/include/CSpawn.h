#ifndef TUTTI_CSPAWN_H
#define TUTTI_CSPAWN_H
#include <spawn.h>

/// Adds "close every descriptor from `lowest` up" to `actions` (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not export).
int cspawn_add_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
