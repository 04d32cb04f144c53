#include "CNcursesw.h"

WINDOW *herald_stdscr(void) { return stdscr; }
int herald_lines(void) { return LINES; }
int herald_cols(void) { return COLS; }
int herald_colors(void) { return COLORS; }
int herald_color_pairs(void) { return COLOR_PAIRS; }
attr_t herald_a_bold(void) { return WA_BOLD; }
attr_t herald_a_dim(void) { return WA_DIM; }
attr_t herald_a_italic(void) { return WA_ITALIC; }
attr_t herald_a_underline(void) { return WA_UNDERLINE; }
attr_t herald_a_reverse(void) { return WA_REVERSE; }
attr_t herald_a_normal(void) { return WA_NORMAL; }
