/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the stand-up's clock (monotonic microseconds, as
 * g_get_monotonic_time()), so the countdown and the huddle's length can be
 * driven without waiting, and a tick that updates the countdown now.
 */
#pragma once

#include "obeya-standup.h"

G_BEGIN_DECLS

typedef gint64 (*ObeyaStandupClock) (gpointer user_data);

/* Keeps what elapsed so far and counts on with @clock (NULL: the real one). */
void _obeya_standup_set_clock (ObeyaStandup      *self,
                               ObeyaStandupClock  clock,
                               gpointer           user_data);
void _obeya_standup_tick      (ObeyaStandup      *self);

G_END_DECLS
