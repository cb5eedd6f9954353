/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaSparkline: a tiny line for KPI tiles, no axes, the last point marked
 * in its status colour, an optional target line. Uses every pixel it is
 * given (no padding, no title); missing values break the line.
 *
 * obeya_chart_map() takes a julian day and a value.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_SPARKLINE (obeya_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaSparkline, obeya_sparkline, OBEYA, SPARKLINE, ObeyaChart)

ObeyaSparkline *obeya_sparkline_new        (void);

/* Copies @points (sorted by day here); the status of the last one with a
 * value colours its marker. */
void            obeya_sparkline_set_points (ObeyaSparkline        *self,
                                            const ObeyaChartPoint *points,
                                            gsize                  n_points);

/* NAN for none. */
double          obeya_sparkline_get_target (ObeyaSparkline        *self);
void            obeya_sparkline_set_target (ObeyaSparkline        *self,
                                            double                 target);

G_END_DECLS
