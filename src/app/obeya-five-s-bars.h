/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaFiveSBars: a small picture of an audit's five S, for rows and
 * tables: five thin bars (Sort, Set in order, Shine, Standardize, Sustain)
 * filled to their percentage. An S without a score (every item N/A, or no
 * audit) shows an empty track with a short dash: never a 0 or a 100. The
 * tooltip and the accessible label give the numbers.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-audit-score.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_FIVE_S_BARS (obeya_five_s_bars_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaFiveSBars, obeya_five_s_bars, OBEYA, FIVE_S_BARS, GtkWidget)

GtkWidget *obeya_five_s_bars_new       (void);
/* Copies @score; NULL: nothing to show (every S a dash). */
void       obeya_five_s_bars_set_score (ObeyaFiveSBars        *self,
                                        const ObeyaAuditScore *score);

G_END_DECLS
