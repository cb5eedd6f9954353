/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandupMetrics: the huddle metrics page of the stand-up mode: one
 * KPI tile per metric (in category order) and the letter calendar of this
 * month for every category with metrics (or for one category: a team
 * with many metrics gets a page per category), sized for a TV and drawn with the
 * charts' high-contrast palettes. When interactive, a tile raises an
 * action about that metric (the "standup.raise-action" action of the
 * window, with the metric's id) and the page offers "Enter Numbers" and
 * "Raise Action" ("standup.enter-numbers", "standup.raise-action" with "").
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_STANDUP_METRICS (obeya_standup_metrics_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandupMetrics, obeya_standup_metrics, OBEYA, STANDUP_METRICS, GtkWidget)

/* @category_id: the one category to show (its tiles and calendar), or
 * NULL for every category. */
GtkWidget *obeya_standup_metrics_new         (ObeyaWorkspace      *workspace,
                                              gboolean             interactive,
                                              const char          *category_id);
void       obeya_standup_metrics_refresh     (ObeyaStandupMetrics *self);
/* TRUE on a small screen: three tiles to a line (two beside a category's
 * calendar) instead of six (three). */
void       obeya_standup_metrics_set_narrow  (ObeyaStandupMetrics *self,
                                              gboolean             narrow);
/* "4 met · 1 amber · 1 missed": what the page title says under it. */
const char *obeya_standup_metrics_get_summary (ObeyaStandupMetrics *self);
/* The tile of @metric, or NULL. */
GtkWidget *obeya_standup_metrics_get_tile    (ObeyaStandupMetrics *self,
                                              ObeyaMetric         *metric);
guint      obeya_standup_metrics_get_n_calendars (ObeyaStandupMetrics *self);

G_END_DECLS
