/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI half of tests/obeya-bench: when the app runs with OBEYA_BENCH set
 * to the benchmark's start time (g_get_monotonic_time() microseconds), this
 * driver prints "bench: <name> <value>" lines: the time to the first frame
 * and to the largest board drawn with its cards, then the work time of
 * every frame while it scrolls the fullest column and while it moves cards
 * between columns, and quits.
 */
#pragma once

#include "obeya-window.h"

G_BEGIN_DECLS

void obeya_bench_driver_attach (ObeyaWindow *window,
                                gint64       start_us);

G_END_DECLS
