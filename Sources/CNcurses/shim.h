#ifndef TUTTI_CNCURSES_SHIM_H
#define TUTTI_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift imports neither ncurses' attribute macros nor its global variables (the latter are
   shared mutable state to Swift 6), so these accessors hand them over. */

static inline attr_t tutti_attr_bold(void) { return A_BOLD; }
static inline attr_t tutti_attr_dim(void) { return A_DIM; }
static inline attr_t tutti_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tutti_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tutti_attr_italic(void) { return A_ITALIC; }

/* The current screen's standard window. */
static inline WINDOW *tutti_stdscr(void) { return stdscr; }
/* The physical screen's window, for clearok. */
static inline WINDOW *tutti_curscr(void) { return curscr; }
/* The number of colours and colour pairs, valid after start_color. */
static inline int tutti_colors(void) { return COLORS; }
static inline int tutti_color_pairs(void) { return COLOR_PAIRS; }

/* A terminfo string capability with two numeric parameters (tiparm is variadic). */
static inline char *tutti_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}

/* The columns a wide character takes, from the C library (declared by glibc only for X/Open). */
extern int wcwidth(wchar_t character);
static inline int tutti_wcwidth(wchar_t character) { return wcwidth(character); }
#endif
