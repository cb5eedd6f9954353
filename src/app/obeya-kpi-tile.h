/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaKpiTile: one huddle metric at a glance, as a button: its name, the
 * number of the day the huddle reviews (today's once it is in, else the
 * previous due day's) in large type with the unit, the target in force,
 * the status as a strong coloured left edge and a tint that reads in light
 * and dark styles (missing data is grey, never green), the trend against
 * the previous number (an arrow coloured by whether it is better), a
 * sparkline of the last 30 due days and the current run ("Missed 3 days
 * running"). It follows the metric's changes; ::clicked opens the metric.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-metric.h"

G_BEGIN_DECLS

#define OBEYA_KPI_TILE_SPARKLINE_DAYS 30

#define OBEYA_TYPE_KPI_TILE (obeya_kpi_tile_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaKpiTile, obeya_kpi_tile, OBEYA, KPI_TILE, GtkButton)

GtkWidget         *obeya_kpi_tile_new          (ObeyaMetric  *metric);
ObeyaMetric       *obeya_kpi_tile_get_metric   (ObeyaKpiTile *self);

/* The day the tile is drawn for; OBEYA_DAY_NONE (the default) follows
 * obeya_day_today(). */
ObeyaDay           obeya_kpi_tile_get_today    (ObeyaKpiTile *self);
void               obeya_kpi_tile_set_today    (ObeyaKpiTile *self,
                                                ObeyaDay      today);

/* What the tile shows: the status of the reviewed day and that day. */
ObeyaMetricStatus  obeya_kpi_tile_get_status   (ObeyaKpiTile *self);
ObeyaDay           obeya_kpi_tile_get_review_day (ObeyaKpiTile *self);
/* Recomputes everything (the tile does it by itself on metric changes). */
void               obeya_kpi_tile_refresh      (ObeyaKpiTile *self);

G_END_DECLS
