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
#endif
