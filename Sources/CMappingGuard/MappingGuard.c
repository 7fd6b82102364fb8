#include "CMappingGuard.h"

#include <errno.h>
#include <pthread.h>
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

/// Ends the process with SIGBUS's default action, as it would have ended without the guard:
/// the signal is raised again (held while this handler runs, delivered when it returns; a
/// fault retried meanwhile would raise it anyway).
static void die_by_default(void) {
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(SIGBUS, &fallback, NULL);
    raise(SIGBUS);
}

/// Whether `code` is a fault of the thread's own access, which the kernel does not let a process
/// ignore.
static int is_synchronous_fault(int code) {
    return code == BUS_ADRALN || code == BUS_ADRERR || code == BUS_OBJERR
#ifdef BUS_MCEERR_AR
        || code == BUS_MCEERR_AR
#endif
        ;
}

/// Hands a SIGBUS that is not a guarded mapping's to the disposition there was before, as the
/// kernel would have: its mask applied (SIGBUS itself unblocked for `SA_NODEFER`), reset to the
/// default first for `SA_RESETHAND`.
static void pass_on(int signal, siginfo_t *info, void *context) {
    // The handler's two forms share storage: the default and ignore values come first.
    if (previous.sa_handler == SIG_DFL) {
        die_by_default();
        return;
    }
    if (previous.sa_handler == SIG_IGN) {
        if (is_synchronous_fault(info->si_code)) die_by_default();
        return;
    }
    struct sigaction handler = previous;
    if (handler.sa_flags & SA_RESETHAND) {
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(SIGBUS, &fallback, NULL);
    }
    sigset_t mask, old;
    mask = handler.sa_mask;
    pthread_sigmask(SIG_BLOCK, &mask, &old);
    if (handler.sa_flags & SA_NODEFER) {
        sigset_t bus;
        sigemptyset(&bus);
        sigaddset(&bus, SIGBUS);
        pthread_sigmask(SIG_UNBLOCK, &bus, NULL);
    }
    if (handler.sa_flags & SA_SIGINFO) {
        handler.sa_sigaction(signal, info, context);
    } else {
        handler.sa_handler(signal);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/// Runs in the thread whose read faulted. Uses only atomics, `mmap`, `sigaction`,
/// `pthread_sigmask` and `raise` (system calls without locks on Linux), and keeps `errno`.
static void on_bus_error(int signal, siginfo_t *info, void *context) {
    int saved = errno;
    // Only the kernel's "no such address in the object" (a page past the end of a truncated
    // file, or one that could not be read) is a guarded read; a signal sent by a process or a
    // misaligned access goes on.
    if (info->si_code == BUS_ADRERR) {
        uintptr_t address = (uintptr_t)info->si_addr;
        for (int slot = 0; slot < SLOTS; slot++) {
            uintptr_t start = atomic_load(&starts[slot]);
            uintptr_t end = atomic_load(&ends[slot]);
            // A slot registered again between the two loads: its start no longer matches.
            if (start == 0 || atomic_load(&starts[slot]) != start || address < start || address >= end) continue;
            // Every later page of the file is past its end too: zeros over the rest of the
            // mapping at once, so a reader that goes on takes no more faults.
            uintptr_t page = address & ~(page_size - 1);
            uintptr_t last = (end + page_size - 1) & ~(page_size - 1);
            void *zeros = mmap((void *)page, last - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (zeros != MAP_FAILED) {
                atomic_store(&tripped[slot], 1);
                errno = saved;
                return;
            }
            break;
        }
    }
    pass_on(signal, info, context);
    errno = saved;
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
        // The disposition there was is read before the handler is in place, so that a SIGBUS
        // in between finds it.
        int ok = sigaction(SIGBUS, NULL, &previous) == 0 && sigaction(SIGBUS, &action, NULL) == 0;
        atomic_store(&state, ok ? 2 : 3);
    }
    while (atomic_load(&state) == 1) {}
    return atomic_load(&state) == 2;
}

int tutti_mapping_guard_register(const void *start, size_t length) {
    if (start == NULL || length == 0 || !install()) return -1;
    // A handler installed over the guard's since: the mapping is not guarded.
    struct sigaction current;
    if (sigaction(SIGBUS, NULL, &current) != 0 || !(current.sa_flags & SA_SIGINFO)
        || current.sa_sigaction != on_bus_error) return -1;
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
