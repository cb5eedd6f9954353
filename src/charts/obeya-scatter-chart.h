/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaScatterChart: the cycle-time scatter. One dot per finished card
 * (date done, days taken), with horizontal lines at given percentiles
 * labelled "85 %: 12 d" in a column on the right, so labels never sit on
 * the dots or on each other.
 *
 * obeya_chart_map() takes a julian day and a value.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_SCATTER_CHART (obeya_scatter_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaScatterChart, obeya_scatter_chart, OBEYA, SCATTER_CHART, ObeyaChart)

ObeyaScatterChart *obeya_scatter_chart_new             (void);

/* Copies @points; a status other than NONE colours the dot. */
void               obeya_scatter_chart_set_points      (ObeyaScatterChart     *self,
                                                        const ObeyaChartPoint *points,
                                                        gsize                  n_points);
/* Copies @n lines: @percents[i] (50, 85, 95) at @values[i]. */
void               obeya_scatter_chart_set_percentiles (ObeyaScatterChart     *self,
                                                        const double          *percents,
                                                        const double          *values,
                                                        gsize                  n);

/* The unit of the values ("d"). */
const char        *obeya_scatter_chart_get_unit        (ObeyaScatterChart     *self);
void               obeya_scatter_chart_set_unit        (ObeyaScatterChart     *self,
                                                        const char            *unit);
int                obeya_scatter_chart_get_decimals    (ObeyaScatterChart     *self);
void               obeya_scatter_chart_set_decimals    (ObeyaScatterChart     *self,
                                                        int                    decimals);

G_END_DECLS
