/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStackedAreaChart: the cumulative flow diagram. Dates on x, one band
 * per series (a column of a board) stacked in the given order, the first
 * at the bottom, with a legend listing the bands top to bottom.
 *
 * obeya_chart_map() takes a julian day and a stacked value.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_STACKED_AREA_CHART (obeya_stacked_area_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStackedAreaChart, obeya_stacked_area_chart, OBEYA, STACKED_AREA_CHART, ObeyaChart)

ObeyaStackedAreaChart *obeya_stacked_area_chart_new          (void);

/* Copies the days (julian, ascending) and removes every series. */
void                   obeya_stacked_area_chart_set_days     (ObeyaStackedAreaChart *self,
                                                              const guint32         *days,
                                                              gsize                  n_days);
/* Adds a band on top of the others: one value per day (NAN counts as 0),
 * in @color (NULL or alpha 0: the palette's next series colour). */
void                   obeya_stacked_area_chart_add_series   (ObeyaStackedAreaChart *self,
                                                              const char            *name,
                                                              const ObeyaChartColor *color,
                                                              const double          *values);
void                   obeya_stacked_area_chart_clear_series (ObeyaStackedAreaChart *self);

G_END_DECLS
