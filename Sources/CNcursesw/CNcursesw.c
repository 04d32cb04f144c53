#include "CNcursesw.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

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

SCREEN *herald_newterm(const char *term) { return newterm(term, stdout, stdin); }

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int signo) {
    if (pending_signal == 0) pending_signal = signo;
}

void herald_install_signal_handlers(void) {
    struct sigaction action;
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: interrupt the blocking read */
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

int herald_pending_signal(void) { return pending_signal; }

static void restore_at_exit(void) {
    if (!isendwin()) endwin();
}

void herald_install_atexit_restore(void) {
    static int installed = 0;
    if (!installed) {
        installed = 1;
        atexit(restore_at_exit);
    }
}
