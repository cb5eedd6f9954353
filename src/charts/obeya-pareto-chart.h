/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaParetoChart: categories (reasons for misses) sorted by count, largest
 * first, as bars on a count axis, with the cumulative percentage as a line
 * on a right 0–100 % axis and a faint 80 % guide. With max-categories set,
 * the smallest categories are summed into "Other", always last.
 *
 * obeya_chart_map() takes (position in the sorted order, count).
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_PARETO_CHART (obeya_pareto_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaParetoChart, obeya_pareto_chart, OBEYA, PARETO_CHART, ObeyaChart)

ObeyaParetoChart *obeya_pareto_chart_new                (void);

/* Copies @n categories: @labels[i] counted @counts[i] times (negative and
 * NAN counts are ignored). Ties keep the given order. */
void              obeya_pareto_chart_set_categories     (ObeyaParetoChart   *self,
                                                         const char * const *labels,
                                                         const double       *counts,
                                                         gsize               n);

/* At most this many bars, the rest summed into "Other"; 0 for all. */
guint             obeya_pareto_chart_get_max_categories (ObeyaParetoChart   *self);
void              obeya_pareto_chart_set_max_categories (ObeyaParetoChart   *self,
                                                         guint               max_categories);

/* Valid after a draw: where the cumulative line's point of bar @index is. */
gboolean          obeya_pareto_chart_get_cumulative_point (ObeyaParetoChart *self,
                                                           guint             index,
                                                           double           *x,
                                                           double           *y);

G_END_DECLS
