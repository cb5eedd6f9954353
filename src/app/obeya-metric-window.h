/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMetricWindow: one huddle metric in detail: the run chart with its
 * stepped target, the entries (every due day of the range, newest first,
 * in a recycling column view that holds years of entries) with the value,
 * note and reason editable in place, each edit one undoable command, and
 * the Pareto of miss reasons; over a chosen range, with the percentage of
 * due days met and the current run. From here: export the entries as CSV,
 * edit or delete the metric, enter numbers.
 */
#pragma once

#include <adwaita.h>

#include "obeya-metric.h"

G_BEGIN_DECLS

typedef enum
{
  OBEYA_METRIC_RANGE_30_DAYS,
  OBEYA_METRIC_RANGE_90_DAYS,
  OBEYA_METRIC_RANGE_YEAR,
  OBEYA_METRIC_RANGE_ALL,
} ObeyaMetricRange;

#define OBEYA_TYPE_METRIC_WINDOW (obeya_metric_window_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMetricWindow, obeya_metric_window, OBEYA, METRIC_WINDOW, AdwWindow)

GtkWidget        *obeya_metric_window_new        (GtkWindow         *parent,
                                                  ObeyaMetric       *metric);
ObeyaMetric      *obeya_metric_window_get_metric (ObeyaMetricWindow *self);

ObeyaMetricRange  obeya_metric_window_get_range  (ObeyaMetricWindow *self);
void              obeya_metric_window_set_range  (ObeyaMetricWindow *self,
                                                  ObeyaMetricRange   range);
/* "chart", "entries" or "reasons". */
void              obeya_metric_window_show_page  (ObeyaMetricWindow *self,
                                                  const char        *page);
/* The rows of the entries table (ObeyaEntryItem, newest first). */
GListModel       *obeya_metric_window_get_entries (ObeyaMetricWindow *self);

G_END_DECLS
