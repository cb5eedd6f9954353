/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test hooks of obeya-file.c: not for application code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the backup rotation see this time (seconds since the epoch) instead
 * of the clock; 0 goes back to the clock. */
void _obeya_file_set_now_for_testing (gint64 unix_seconds);

G_END_DECLS
