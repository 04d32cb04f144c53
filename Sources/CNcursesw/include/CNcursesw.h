#ifndef HERALD_CNCURSESW_H
#define HERALD_CNCURSESW_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects ncurses' mutable globals and function-like macros: accessors instead. */
WINDOW *herald_stdscr(void);
int herald_lines(void);
int herald_cols(void);
int herald_colors(void);
int herald_color_pairs(void);
attr_t herald_a_bold(void);
attr_t herald_a_dim(void);
attr_t herald_a_italic(void);
attr_t herald_a_underline(void);
attr_t herald_a_reverse(void);
attr_t herald_a_normal(void);

/* newterm on the process's stdout and stdin (Swift 6 rejects the `stdout`/`stdin` globals).
 * Returns NULL, printing nothing, when the terminal type is unknown. */
SCREEN *herald_newterm(const char *term);

/* Terminal restoration outside the normal path.
 *
 * The signal handlers only record the signal number in a sig_atomic_t: the run loop sees it
 * through herald_pending_signal() (readEvent returns at once while one is pending), restores
 * the terminal and exits. Handlers are installed without SA_RESTART so a blocked wget_wch
 * returns. The atexit hook calls endwin() if curses is still active. */
void herald_install_signal_handlers(void);
/* The number of the first SIGINT, SIGTERM or SIGHUP received, or 0. */
int herald_pending_signal(void);
void herald_install_atexit_restore(void);
#endif
