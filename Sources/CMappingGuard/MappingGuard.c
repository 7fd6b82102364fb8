#include "CMappingGuard.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/// Mappings guarded at once: one per file being loaded.
#define SLOTS 64

static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
static _Atomic int tripped[SLOTS];
static struct sigaction previous;
static uintptr_t page_size;
/// 0: not installed, 1: installing, 2: installed, 3: failed.
static _Atomic int state;

/// Runs in the thread whose read faulted. Uses only atomics, `mmap` and `sigaction` (system
/// calls without locks on Linux).
static void on_bus_error(int signal, siginfo_t *info, void *context) {
    (void)signal;
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int slot = 0; slot < SLOTS; slot++) {
        uintptr_t start = atomic_load(&starts[slot]);
        if (start == 0 || address < start || address >= atomic_load(&ends[slot])) continue;
        void *page = (void *)(address & ~(page_size - 1));
        void *zeros = mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros != MAP_FAILED) {
            atomic_store(&tripped[slot], 1);
            return;
        }
        break;
    }
    // Not a guarded mapping (or no page could be mapped): the read faults again when it is
    // retried, under the disposition there was before.
    sigaction(SIGBUS, &previous, NULL);
}

static int install(void) {
    int expected = 0;
    if (atomic_compare_exchange_strong(&state, &expected, 1)) {
        page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_bus_error;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        atomic_store(&state, sigaction(SIGBUS, &action, &previous) == 0 ? 2 : 3);
    }
    while (atomic_load(&state) == 1) {}
    return atomic_load(&state) == 2;
}

int tutti_mapping_guard_register(const void *start, size_t length) {
    if (start == NULL || length == 0 || !install()) return -1;
    for (int slot = 0; slot < SLOTS; slot++) {
        uintptr_t empty = 0;
        // A slot is reserved with a start no address is above, then filled in.
        if (atomic_compare_exchange_strong(&starts[slot], &empty, UINTPTR_MAX)) {
            atomic_store(&tripped[slot], 0);
            atomic_store(&ends[slot], (uintptr_t)start + length);
            atomic_store(&starts[slot], (uintptr_t)start);
            return slot;
        }
    }
    return -1;
}

int tutti_mapping_guard_tripped(int slot) {
    return slot >= 0 && slot < SLOTS && atomic_load(&tripped[slot]);
}

void tutti_mapping_guard_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    atomic_store(&starts[slot], 0);
}
