/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandupFives: the 5S page of the stand-up mode: the latest score of
 * every area (with a bar, the date of that audit and when the next one is
 * due, overdue areas first in red), the average of the latest scores
 * (percentages averaged, never points pooled: obeya-audit-score.h), and
 * the open corrective actions raised from audits (not done, not archived).
 * Read-only: audits are walked at the desk, not at the TV.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_STANDUP_FIVES (obeya_standup_fives_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandupFives, obeya_standup_fives, OBEYA, STANDUP_FIVES, GtkWidget)

GtkWidget  *obeya_standup_fives_new         (ObeyaWorkspace    *workspace);
void        obeya_standup_fives_refresh     (ObeyaStandupFives *self);
/* "Average 72 % over 4 areas · 1 overdue" */
const char *obeya_standup_fives_get_summary (ObeyaStandupFives *self);
guint       obeya_standup_fives_get_n_overdue (ObeyaStandupFives *self);
/* The open 5S actions shown (of ObeyaCard). */
GListModel *obeya_standup_fives_get_actions (ObeyaStandupFives *self);

G_END_DECLS
